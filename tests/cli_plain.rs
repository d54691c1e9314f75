//! The plain walk through the real binary: how lines become answers.

mod common;

use common::{discern, stderr, stdout};

const GRID: &str = r#"format = 1
[grid]
id = "supports"
version = "1"
language = "fr"
title = "Supports"
[[steps]]
id = "s"
title = "Les supports"
[[steps.questions]]
id = "used"
kind = "multi"
prompt = "Quels supports utilisez-vous ?"
other = true
options = [
  { id = "mail", label = "Courriel" },
  { id = "phone", label = "Téléphone" },
  { id = "note", label = "Note manuscrite" },
  { id = "report", label = "Rapport" },
  { id = "file", label = "Dossier informatisé" },
  { id = "meeting", label = "Réunion" },
]
[[steps.questions]]
id = "shared"
kind = "multi"
prompt = "Lesquels partagez-vous ?"
other = true
options = [
  { id = "mail", label = "Courriel" },
  { id = "phone", label = "Téléphone" },
  { id = "note", label = "Note manuscrite" },
  { id = "report", label = "Rapport" },
  { id = "file", label = "Dossier informatisé" },
  { id = "meeting", label = "Réunion" },
]
"#;

/// « 2 6 » are two options, not the "other" text « 2 6 »; « 2 6 cahier de
/// liaison » is two options and the "other" text.
#[test]
fn numbers_separated_by_spaces_are_options_and_words_after_them_the_other_text() {
    let data = tempfile::tempdir().unwrap();
    let grid = data.path().join("supports.fr.toml");
    std::fs::write(&grid, GRID).unwrap();
    let out = discern(data.path())
        .args(["--lang", "fr", "new", "--plain", "--title", "Supports", "--grid"])
        .arg(&grid)
        .write_stdin("2 6\n2 6 cahier de liaison\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("séparés par des espaces ou des virgules"), "{text}");
    let path = text.lines().last().unwrap().to_string();
    let json = discern(data.path()).args(["export", &path, "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let questions = &json["steps"][0]["questions"];
    assert_eq!(questions[0]["answer"], serde_json::json!(["phone", "meeting"]));
    assert_eq!(questions[1]["answer"], serde_json::json!(["phone", "meeting", "cahier de liaison"]));
    assert_eq!(
        questions[1]["answer_labels"],
        serde_json::json!(["Téléphone", "Réunion", "cahier de liaison"])
    );
}
