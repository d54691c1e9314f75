//! `discern follow-up TRAIL` in plain mode, through the real binary: one
//! line per answer, the entry kept beside the answers, exported, and the
//! next revisit date (or none) taken by `due`.

mod common;

use std::path::Path;

use chrono::{Duration, Utc};
use common::{discern, stderr, stdout};

const EXAMPLE: &str = "sessions/2026-11-23-c8k3m2qa.toml";

/// The example trail, its revisit date long past.
fn trail(data: &Path) -> String {
    let dir = data.join("sessions");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("2026-11-23-c8k3m2qa.toml");
    std::fs::copy(EXAMPLE, &path).unwrap();
    path.display().to_string()
}

fn json(data: &Path, trail: &str) -> serde_json::Value {
    let out = discern(data).args(["export", trail, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn a_plain_follow_up_is_kept_beside_the_answers_and_exported() {
    let data = tempfile::tempdir().unwrap();
    let path = trail(data.path());
    let before = json(data.path(), &path);
    let next = Utc::now().date_naive() + Duration::days(40);
    let input = format!(
        "Le CPE n'a pas rappelé.\nbof\n2\nDemander à la mère d'abord.\n{}\n",
        next.format("%d/%m/%Y")
    );
    let out = discern(data.path())
        .env("TZ", "UTC")
        .args(["--lang", "fr", "follow-up", "c8k3"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Que s'est-il passé depuis la décision ?\n"), "{text}");
    assert!(text.contains("1) Oui\n2) En partie\n3) Non\n4) Trop tôt pour le dire\n"), "{text}");
    assert!(text.contains("« bof » ne correspond à aucune réponse"), "{text}");
    assert!(stderr(&out).contains("Retour sur la décision enregistré"), "{}", stderr(&out));
    let after = json(data.path(), &path);
    assert_eq!(after["steps"], before["steps"], "the answers do not change");
    let f = &after["follow_ups"][0];
    assert_eq!(f["happened"], "Le CPE n'a pas rappelé.");
    assert_eq!(f["held"], "partly");
    assert_eq!(f["learned"], "Demander à la mère d'abord.");
    assert_eq!(f["revisit"], next.format("%Y-%m-%d").to_string());
    assert!(f["at"].as_str().unwrap().ends_with("+00:00"), "{f}");
    // In the summary, under its own heading; the new date in the list.
    let md = discern(data.path()).args(["--lang", "fr", "export", &path]).output().unwrap();
    assert!(stdout(&md).contains("## Retour sur la décision\n"), "{}", stdout(&md));
    let list = discern(data.path()).args(["list", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(v[0]["revisit"], next.format("%Y-%m-%d").to_string());
    // The date has not come: no longer due.
    let due = discern(data.path()).env("TZ", "UTC").arg("due").output().unwrap();
    assert!(!stdout(&due).contains("c8k3m2qa"), "{}", stdout(&due));
}

#[test]
fn no_date_means_no_longer_due_and_an_unfinished_follow_up_keeps_nothing() {
    let data = tempfile::tempdir().unwrap();
    let path = trail(data.path());
    let due = discern(data.path()).arg("due").output().unwrap();
    assert!(stdout(&due).contains("c8k3m2qa"), "due before: {}", stdout(&due));
    let original = std::fs::read(&path).unwrap();
    let out =
        discern(data.path()).args(["follow-up", &path]).write_stdin("Nothing yet.\n4\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing was saved"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let out = discern(data.path())
        .args(["follow-up", &path])
        .write_stdin("Nothing yet.\n4\n\n\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(data.path(), &path);
    assert_eq!(v["follow_ups"][0]["held"], "too_early");
    assert_eq!(v["follow_ups"][0]["revisit"], serde_json::Value::Null);
    let due = discern(data.path()).arg("due").output().unwrap();
    assert!(!stdout(&due).contains("c8k3m2qa"), "{}", stdout(&due));
}

#[test]
fn a_trail_as_it_stood_cannot_be_followed_up() {
    let data = tempfile::tempdir().unwrap();
    let path = trail(data.path());
    let out = discern(data.path()).args(["follow-up", &format!("{path}@2026-11-25")]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("can be read"), "{}", stderr(&out));
}
