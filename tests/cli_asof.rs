//! `TRAIL@YYYY-MM-DD` and `TRAIL@YYYY-MM-DDTHH:MM`: a trail as it stood,
//! through the real binary. The time zone is set on the child process, so
//! the machine's zone never matters.

mod common;

use std::path::{Path, PathBuf};

use common::{discern, stderr, stdout};

const EXAMPLE: &str = "sessions/2026-11-23-c8k3m2qa.toml";
/// Answered "Non, pas encore" at 2026-11-23 09:40 (+01:00), replaced by
/// "Oui, et elle s'y oppose" at 2026-11-24 16:20 (+01:00).
const OLD: &str = "Non, pas encore";
const NEW: &str = "Oui, et elle s'y oppose";

fn copy(data: &Path) -> PathBuf {
    let path = data.join("example.toml");
    std::fs::copy(EXAMPLE, &path).unwrap();
    path
}

fn export(data: &Path, tz: &str, arg: &str) -> std::process::Output {
    discern(data).env("TZ", tz).args(["export", arg, "--format", "md", "--full"]).output().unwrap()
}

/// The person_knows answer in the Markdown export (the first of OLD / NEW found).
fn person_knows(data: &Path, tz: &str, arg: &str) -> &'static str {
    let out = export(data, tz, arg);
    assert!(out.status.success(), "{arg}: {}", stderr(&out));
    let text = stdout(&out);
    // The current answer comes before its history in the export.
    match (text.find(OLD), text.find(NEW)) {
        (Some(o), Some(n)) if n < o => NEW,
        (Some(_), _) => OLD,
        (None, Some(_)) => NEW,
        (None, None) => "none",
    }
}

#[test]
fn a_day_shows_the_answers_as_they_stood_at_its_end() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    assert_eq!(person_knows(data.path(), "UTC", &path), NEW);
    assert_eq!(person_knows(data.path(), "UTC", &format!("{path}@2026-11-23")), OLD);
    assert_eq!(person_knows(data.path(), "UTC", &format!("{path}@2026-11-24")), NEW);
    // Nothing was written.
    assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(EXAMPLE).unwrap());
}

#[test]
fn a_minute_is_read_in_local_time() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    // 16:20 +01:00 is 15:20 in UTC.
    assert_eq!(person_knows(data.path(), "UTC", &format!("{path}@2026-11-24T15:19")), OLD);
    assert_eq!(person_knows(data.path(), "UTC", &format!("{path}@2026-11-24T15:20")), NEW);
    // One hour east of Greenwich (POSIX zone, no database needed).
    assert_eq!(person_knows(data.path(), "CET-1", &format!("{path}@2026-11-24T16:19")), OLD);
    assert_eq!(person_knows(data.path(), "CET-1", &format!("{path}@2026-11-24T16:20")), NEW);
}

#[test]
fn answers_not_given_yet_are_left_out() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    let out = discern(data.path())
        .env("TZ", "UTC")
        .args(["export", &format!("{path}@2026-11-23T08:40"), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // At 09:40 (+01:00) the first answers were given; the decision came later.
    assert_eq!(v["outcome"], serde_json::Value::Null, "{v}");
    let now = discern(data.path()).args(["export", &path, "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&now)).unwrap();
    assert_ne!(v["outcome"], serde_json::Value::Null);
}

#[test]
fn a_time_before_the_trail_existed_is_a_clear_error() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    let out = discern(data.path())
        .env("TZ", "UTC")
        .args(["--lang", "fr", "export", &format!("{path}@2026-11-22")])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("ce parcours n'existait pas encore"), "{}", stderr(&out));
    let out = export(data.path(), "UTC", &format!("{path}@2026-11-23T08:39"));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("did not exist yet"), "{}", stderr(&out));
}

#[test]
fn compare_lint_and_review_read_a_trail_as_it_stood() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    let before = format!("{path}@2026-11-23");
    let out = discern(data.path())
        .env("TZ", "UTC")
        .args(["compare", &before, &path, "--format", "md"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(OLD) && text.contains(NEW), "{text}");
    let out = discern(data.path()).env("TZ", "UTC").args(["lint", &before]).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", stderr(&out));
    let out = discern(data.path()).env("TZ", "UTC").args(["review", &before]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(OLD) && !stdout(&out).contains(NEW), "{}", stdout(&out));
}

/// `compare T@DATE T`: only the answers that changed, each with the date
/// it was given; how many did not change; `--all` for everything. The
/// comparison is French like its grid, under an English interface.
#[test]
fn two_versions_of_a_trail_show_only_what_changed() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    let compare = |extra: &[&str]| {
        let out = discern(data.path())
            .env("TZ", "UTC")
            .args(["compare", &format!("{path}@2026-11-24"), &path, "--format", "md"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let md = compare(&[]);
    assert!(md.contains("5 réponses ont changé ; 27 n'ont pas changé (--all les affiche).\n"), "{md}");
    assert!(
        md.contains("**Que décidez-vous ?** — réponse modifiée\n\n- 1. *23/11/2026 à 10:05* — Attendre, consulter d'abord\n- 2. *26/11/2026 à 11:10* — Agir sans révéler\n"),
        "{md}"
    );
    assert!(md.contains("- 1. (Sans réponse)\n- 2. *26/11/2026 à 11:10* — lundi 30 novembre 2026\n"), "{md}");
    // An answer that did not change is left out.
    assert!(!md.contains(NEW) && !md.contains("Par ma profession"), "{md}");
    assert!(md.lines().count() < 50, "{} lines", md.lines().count());
    let all = compare(&["--all"]);
    assert!(all.contains("5 réponses ont changé ; 27 n'ont pas changé.\n"), "{all}");
    assert!(all.contains(NEW) && all.contains("Par ma profession"), "{all}");
    assert!(all.lines().count() > 150, "{} lines", all.lines().count());
}

/// A trail compared with its own JSON export: versions of one trail too.
#[test]
fn a_trail_and_its_json_export_are_versions_of_one_trail() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    let json = data.path().join("export.json");
    let out = discern(data.path())
        .args(["export", &path, "--format", "json", "--yes", "-o"])
        .arg(&json)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = discern(data.path())
        .env("TZ", "UTC")
        .args(["--lang", "fr", "compare", &format!("{path}@2026-11-23")])
        .arg(&json)
        .args(["--format", "txt", "--anonymous"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = stdout(&out);
    assert!(txt.contains("La personne concernée sait-elle que la question se pose ? — réponse modifiée\n  1. 23/11/2026 à 09:40 — Non, pas encore\n  2. 24/11/2026 à 16:20 — Oui, et elle s'y oppose\n"), "{txt}");
    assert!(!txt.contains("Demande du collège"), "anonymous: {txt}");
}

#[test]
fn a_trail_as_it_stood_cannot_be_opened_or_deleted() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path()).display().to_string();
    for args in [vec!["open"], vec!["delete", "--yes"]] {
        let mut cmd = discern(data.path());
        cmd.env("TZ", "UTC").args(&args).arg(format!("{path}@2026-11-24"));
        let out = cmd.output().unwrap();
        assert!(!out.status.success());
        assert!(stderr(&out).contains("can be read"), "{}", stderr(&out));
    }
    assert!(Path::new(&path).is_file());
}

/// A trail found, and after `@` no date or time: the moment is what is
/// said to be wrong, not the trail.
#[test]
fn a_moment_that_is_no_date_is_named_as_the_mistake() {
    let data = tempfile::tempdir().unwrap();
    let path = copy(data.path());
    for when in ["2026-13-01", "2026-12-06T25:00", "yesterday"] {
        let out = export(data.path(), "UTC", &format!("{}@{when}", path.display()));
        assert_eq!(out.status.code(), Some(2), "{when}");
        assert!(
            stderr(&out)
                .contains(&format!("“{when}” after @ is not a date or a time: write TRAIL@YYYY-MM-DD")),
            "{}",
            stderr(&out)
        );
    }
    let out = export(data.path(), "UTC", "nope@2026-12-01");
    assert!(stderr(&out).contains("no trail “nope”"), "{}", stderr(&out));
}
