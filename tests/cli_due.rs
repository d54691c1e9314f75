//! `discern due` and `"revisit"` in `discern list --json`, with revisit
//! dates today, in the past and in the future (relative to the day the
//! binary sees, in a time zone set on the child process).

mod common;

use std::path::Path;

use chrono::{Duration, NaiveDate, Utc};
use common::{discern, stderr, stdout};

const EXAMPLE: &str = "sessions/2026-11-23-c8k3m2qa.toml";

/// A copy of the example trail with its own id, title and revisit date.
fn trail_due(data: &Path, id: &str, title: &str, revisit: NaiveDate) {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    assert!(text.contains("date = \"2026-11-30\""));
    let text = text
        .replace("id = \"c8k3m2qa\"", &format!("id = \"{id}\""))
        .replace("title = \"Demande du collège (exemple)\"", &format!("title = \"{title}\""))
        .replace("date = \"2026-11-30\"", &format!("date = \"{}\"", revisit.format("%Y-%m-%d")));
    let dir = data.join("sessions");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("2026-11-23-{id}.toml")), text).unwrap();
}

/// Runs `f` with today's date (UTC, as the child sees it with TZ=UTC), again
/// if the day changed while it ran.
fn on_one_day<T>(f: impl Fn(NaiveDate) -> T) -> T {
    loop {
        let today = Utc::now().date_naive();
        let result = f(today);
        if Utc::now().date_naive() == today {
            return result;
        }
    }
}

#[test]
fn due_lists_past_and_today_oldest_first_with_days_late_never_the_future() {
    let (text, err) = on_one_day(|today| {
        let data = tempfile::tempdir().unwrap();
        trail_due(data.path(), "today234", "Aujourd'hui", today);
        trail_due(data.path(), "past2345", "Passé", today - Duration::days(12));
        trail_due(data.path(), "yest2345", "Hier", today - Duration::days(1));
        trail_due(data.path(), "futur234", "Futur", today + Duration::days(3));
        let out = discern(data.path()).env("TZ", "UTC").args(["--lang", "fr", "due"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let (past, yesterday) = (today - Duration::days(12), today - Duration::days(1));
        let lines: Vec<String> =
            stdout(&out).lines().map(|l| l.split("  /").next().unwrap().to_string()).collect();
        // The id first, as `list` prints it: what `follow-up` takes.
        assert_eq!(
            lines,
            [
                format!("past2345  {}  en retard de 12 j  Passé  [delor-secret]", past.format("%Y-%m-%d")),
                format!("yest2345  {}  en retard de 1 j  Hier  [delor-secret]", yesterday.format("%Y-%m-%d")),
                format!(
                    "today234  {}  à revoir aujourd'hui  Aujourd'hui  [delor-secret]",
                    today.format("%Y-%m-%d")
                ),
            ]
        );
        (stdout(&out), stderr(&out))
    });
    assert!(!text.contains("Futur"));
    assert!(err.contains("discern follow-up"), "{err}");
    // The id printed first is what follow-up takes.
    let id = text.split_whitespace().next().unwrap();
    assert_eq!(id, "past2345");
}

#[test]
fn due_in_english_and_with_nothing_due() {
    on_one_day(|today| {
        let data = tempfile::tempdir().unwrap();
        trail_due(data.path(), "futur234", "Later", today + Duration::days(1));
        let out = discern(data.path()).env("TZ", "UTC").arg("due").output().unwrap();
        assert!(out.status.success());
        assert_eq!(stdout(&out), "");
        assert!(stderr(&out).contains("no revisit date has come"), "{}", stderr(&out));
        trail_due(data.path(), "past2345", "Before", today - Duration::days(2));
        let out = discern(data.path()).env("TZ", "UTC").arg("due").output().unwrap();
        assert!(stdout(&out).starts_with("past2345  "), "{}", stdout(&out));
        assert!(stdout(&out).contains("  2 days late  Before  [delor-secret]  "), "{}", stdout(&out));
    });
}

#[test]
fn list_json_gives_the_revisit_date_or_null() {
    let data = tempfile::tempdir().unwrap();
    let day = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    trail_due(data.path(), "dated234", "Dated", day);
    let out = discern(data.path()).args(["list", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v[0]["revisit"], "2027-01-15");
    // A trail of the test grid, which asks for no date.
    let out = discern(data.path())
        .args(["new", "--grid", "tests/grids/good/example.fr.toml", "--title", "Sans date"])
        .write_stdin("x\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = discern(data.path()).args(["list", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let undated = v.as_array().unwrap().iter().find(|t| t["title"] == "Sans date").unwrap();
    assert_eq!(undated["revisit"], serde_json::Value::Null);
    assert!(undated.as_object().unwrap().contains_key("revisit"));
}

/// Reopened in plain mode, a lone `-` clears a date as it clears any other
/// answer: the date goes to the history, and the trail is no longer due.
#[test]
fn a_dash_clears_a_revisit_date_and_the_trail_is_no_longer_due() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("g.en.toml");
    std::fs::write(
        &grid,
        "format = 2\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"G\"\noutcome = \"s.facts\"\n\
         [[steps]]\nid = \"s\"\ntitle = \"S\"\n[[steps.questions]]\nid = \"facts\"\nkind = \"text\"\nprompt = \"Facts?\"\n\
         [[steps.questions]]\nid = \"revisit\"\nkind = \"date\"\nprompt = \"When?\"\n",
    )
    .unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", grid.to_str().unwrap(), "--title", "T"])
        .write_stdin("Facts.\n+0\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out).lines().last().unwrap().to_string();
    let out = discern(data.path()).arg("due").output().unwrap();
    assert!(stdout(&out).contains("T"), "due today: {}", stdout(&out));

    let out = discern(data.path()).args(["open", &path]).write_stdin("\n-\n").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = discern(data.path()).args(["export", &path, "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let revisit = &json["steps"][0]["questions"][1];
    assert_eq!(revisit["answer"], serde_json::Value::Null, "{revisit}");
    assert_eq!(revisit["history"].as_array().map(Vec::len), Some(1), "{revisit}");
    assert!(revisit["history"][0]["answer"].as_str().is_some_and(|d| d.len() == 10), "{revisit}");
    let out = discern(data.path()).arg("due").output().unwrap();
    assert!(!stdout(&out).contains(" T"), "no longer due: {}", stdout(&out));
}
