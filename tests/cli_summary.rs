//! The meeting summary from the real binary, in every format, made from the
//! example trails: the format 1 ones of the first version (kept in
//! `tests/data/format1-sessions/`, they predate `given` and the grids 2.0)
//! and one of the grids 2.0 examples in `sessions/`.

mod common;

use std::fs;
use std::path::Path;

use common::{discern, stderr, stdout};
use serde_json::Value;

/// A data folder holding the repository's example trails, old and new.
fn with_examples() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let sessions = data.path().join("sessions");
    fs::create_dir_all(&sessions).unwrap();
    let old = fs::read_dir("tests/data/format1-sessions").unwrap();
    for entry in old.chain(fs::read_dir("sessions").unwrap()) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            fs::copy(&path, sessions.join(path.file_name().unwrap())).unwrap();
        }
    }
    data
}

fn export(data: &Path, args: &[&str]) -> String {
    let out = discern(data).arg("export").args(args).arg("--yes").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// The format 1 example made with delor-secret 1.0.0.
const COLLEGE: &str = "admtvsfs";

/// The grids 2.0 example made with delor-secret 2.0.0.
const COLLEGE_2: &str = "c8k3m2qa";

#[test]
fn the_markdown_summary_starts_with_the_decision_and_shows_what_the_answers_pointed_to() {
    let data = with_examples();
    let md = export(data.path(), &["--lang", "fr", COLLEGE]);
    let pos = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing in\n{md}"));
    assert!(md.starts_with("# Demande du collège pour L. (exemple)\n"));
    assert!(
        pos("- Grille : Se taire, pouvoir parler, devoir parler (delor-secret, version") < pos("## Décision")
    );
    assert!(
        pos("- **Que décidez-vous ?** Ne pas transmettre : garder le secret\n")
            < pos("**Pour quelles raisons ?**")
    );
    assert!(
        pos("**Qu'est-ce qui vous ferait changer d'avis ?**")
            < pos("**Que direz-vous à la personne, et quand ?**")
    );
    assert!(pos("**Quand y reviendrez-vous ?**") < pos("## Ce que vos réponses font apparaître"));
    assert!(pos("- Silence. Vos réponses n'établissent ni péril") < pos("## Réponses, étape par étape"));
    assert!(pos("### La situation") < pos("## Références"));
    // References by their label, once; no history in the meeting copy.
    assert!(md.contains("- Code pénal, art. 226-13\n"));
    assert_eq!(md.matches("- Code pénal, art. 226-13\n").count(), 1);
    assert!(!md.contains("Comment les réponses ont changé"));
    assert!(!md.contains("aujourd'hui"));
    // A long answer among the steps is cut; the full copy has it whole.
    assert!(md.contains("Les réponses longues sont abrégées ici"));
    assert!(!md.contains("je lui ai répondu que je le rappellerais"));
}

#[test]
fn the_full_copy_holds_the_history_with_dates_and_the_reference_texts() {
    let data = with_examples();
    let md = export(data.path(), &["--lang", "fr", COLLEGE, "--full"]);
    assert!(md.contains("## Comment les réponses ont changé"), "{md}");
    // Each earlier answer until it was replaced (the example predates `given`).
    assert!(md.contains("- jusqu'au 29/11/2026 à "), "{md}");
    assert!(md.contains("- depuis le "));
    assert!(!md.contains("aujourd'hui"));
    assert!(md.contains("- Code pénal, art. 226-13 — "));
    assert!(md.contains("je lui ai répondu que je le rappellerais"));
}

#[test]
fn the_text_summary_has_no_marks_and_speaks_its_grids_language_under_an_english_interface() {
    let data = with_examples();
    let txt = export(data.path(), &[COLLEGE, "--format", "txt"]);
    assert!(txt.starts_with("Demande du collège pour L. (exemple)\n====="));
    assert!(txt.contains("Décision et raisons\n-------------------\n"), "{txt}");
    assert!(txt.contains("Ce que vos réponses font apparaître\n-----------------------------------\n"));
    assert!(txt.contains("- Que décidez-vous ? Ne pas transmettre : garder le secret\n"), "{txt}");
    assert!(!txt.contains("**") && !txt.contains("## "));
    assert!(!txt.contains("Decision and reasons"), "{txt}");
}

#[test]
fn a_french_trail_exported_under_english_writes_french_dates_and_english_messages() {
    let data = with_examples();
    let target = data.path().join("college.md");
    let out = discern(data.path())
        .args(["--lang", "en", "export", COLLEGE_2, "--yes", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // The message is the interface's; the document is its grid's.
    assert!(stderr(&out).contains("Exported to"), "{}", stderr(&out));
    let md = fs::read_to_string(&target).unwrap();
    assert!(md.contains("## Décision et raisons"), "{md}");
    assert!(md.contains("**Quand reviendrez-vous sur cette décision ?** lundi 30 novembre 2026"), "{md}");
    assert!(md.contains("- Commencé le 23/11/2026 à 09:40"), "{md}");
    for english in ["Monday", "November", "Decision and reasons", "Started"] {
        assert!(
            !md.contains(english),
            "{english} in
{md}"
        );
    }
}

#[test]
fn the_summary_shows_the_revisit_date_of_the_last_follow_up() {
    let data = with_examples();
    let follow_up = |revisit: &str| {
        let out = discern(data.path())
            .args(["--lang", "fr", "--plain", "follow-up", COLLEGE_2])
            .write_stdin(format!("Le collège n'a pas rappelé.\n1\n\n{revisit}\n"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    };
    follow_up("15/01/2099");
    let md = export(data.path(), &["--lang", "en", COLLEGE_2]);
    let line = md.lines().find(|l| l.contains("**Quand reviendrez-vous")).expect("the revisit line");
    assert!(line.contains("jeudi 15 janvier 2099 (date fixée lors du retour sur la décision du "), "{md}");
    follow_up("");
    let md = export(data.path(), &[COLLEGE_2]);
    let line = md.lines().find(|l| l.contains("**Quand reviendrez-vous")).expect("the revisit line");
    assert!(line.contains("plus de date prévue (depuis le retour sur la décision du "), "{md}");
    assert!(!line.contains("novembre") && !line.contains("janvier"), "{line}");
}

#[test]
fn the_html_summary_is_one_private_self_contained_page() {
    use std::os::unix::fs::PermissionsExt;
    let data = with_examples();
    let target = data.path().join("summary.html");
    let out = discern(data.path())
        .args(["--lang", "fr", "export", COLLEGE, "--format", "html", "--yes", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let html = fs::read_to_string(&target).unwrap();
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("<title>Demande du collège pour L. (exemple)</title>"));
    assert!(html.contains("<h2>Ce que vos réponses font apparaître</h2>"));
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("<strong>Que décidez-vous ?</strong> Ne pas transmettre : garder le secret</li>"));
    for outside in ["<script", "<link", "src=", "href=", "@import", "url(", "@font-face"] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn the_json_export_adds_the_notes_shown_and_keeps_the_rest() {
    let data = with_examples();
    let v: Value = serde_json::from_str(&export(data.path(), &[COLLEGE, "--format", "json"])).unwrap();
    let notes = v["notes_shown"].as_array().unwrap();
    assert!(!notes.is_empty());
    assert!(notes.iter().any(|n| n["step"] == "pointers" && n["id"] == "p_silence"));
    assert!(notes.iter().all(|n| n["text"].as_str().is_some_and(|t| !t.is_empty())));
    assert_eq!(v["format"], 1);
    assert!(v["steps"].as_array().is_some() && v["annotations"].as_array().is_some());
}

#[test]
fn the_summary_of_a_grids_2_example_says_when_to_come_back_as_a_date() {
    let data = with_examples();
    let md = export(data.path(), &["--lang", "fr", COLLEGE_2]);
    let pos = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing in\n{md}"));
    assert!(md.starts_with("# Demande du collège (exemple)\n"));
    assert!(pos("- **Que décidez-vous ?** Agir sans révéler\n") < pos("**Pour quelles raisons ?**"));
    assert!(
        pos("**Quand reviendrez-vous sur cette décision ?**") < pos("## Ce que vos réponses font apparaître")
    );
    assert!(md.contains("lundi 30 novembre 2026") || md.contains("30/11/2026"), "{md}");
    assert!(pos("- Silence. Vos réponses n'établissent ni péril") < pos("## Réponses, étape par étape"));
    let v: Value = serde_json::from_str(&export(data.path(), &[COLLEGE_2, "--format", "json"])).unwrap();
    let revisit = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap().iter())
        .find(|q| q["id"] == "revisit")
        .expect("the revisit question");
    assert_eq!(revisit["answer"], "2026-11-30");
    assert_eq!(revisit["kind"], "date");
}
