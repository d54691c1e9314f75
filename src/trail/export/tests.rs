use super::*;
use crate::grid::parse;
use crate::trail::{Annotation, Trail};
use crate::walk::{At, Walk};

const GRID: &str = r#"
format = 1
[grid]
id = "g"
version = "2"
language = "fr"
title = "Grille"
outcome = "end.choice"
[[steps]]
id = "s"
title = "Situation"
[[steps.questions]]
id = "facts"
kind = "text"
prompt = "Les faits ?"
[[steps.questions]]
id = "regime"
kind = "choice"
prompt = "Régime ?"
options = [{ id = "silence", label = "Se taire" }, { id = "must", label = "Devoir parler" }]
[[steps.references]]
label = "Code pénal, art. 226-13"
text = "Le secret."
[[steps]]
id = "duty"
title = "Le devoir"
when = { question = "s.regime", is = "must" }
[[steps.questions]]
id = "basis"
kind = "multi"
prompt = "Fondement ?"
options = [{ id = "peril", label = "Péril" }, { id = "child", label = "Enfant" }]
other = true
[[steps.references]]
label = "Code pénal, art. 223-6"
[[steps]]
id = "end"
title = "Décision"
[[steps.questions]]
id = "choice"
kind = "choice"
prompt = "Votre décision ?"
options = [{ id = "share", label = "Transmettre" }, { id = "keep", label = "Ne pas transmettre" }]
[[steps.questions]]
id = "sure"
kind = "scale"
prompt = "Certitude ?"
min = 1
max = 5
[[steps.questions]]
id = "n"
kind = "note"
prompt = "Une note."
"#;

fn time(m: u32) -> crate::trail::Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-29T10:{m:02}:00+01:00")).unwrap()
}

fn walked() -> (Grid, Trail) {
    let grid = parse(GRID).unwrap();
    let mut w =
        Walk::new(grid.clone(), Trail::start(&grid, "Demande de l'école", "abcd2345".into(), time(0)));
    let at = |step, question| At { step, question };
    w.set(at(0, 0), Some(Answer::Text("L'école demande.".into())), time(1));
    w.close_edit();
    w.set(at(0, 1), Some(Answer::Choice("must".into())), time(2));
    w.set(
        at(1, 0),
        Some(Answer::Multi { options: vec!["peril".into()], other: Some("autre chose".into()) }),
        time(3),
    );
    w.close_edit();
    w.set(at(0, 1), Some(Answer::Choice("silence".into())), time(4));
    w.set(at(2, 0), Some(Answer::Choice("keep".into())), time(5));
    w.set(at(2, 1), Some(Answer::Scale(4)), time(6));
    let mut trail = w.trail;
    trail.annotations.push(Annotation {
        at: time(9),
        author: "Superviseur".into(),
        step: "s".into(),
        question: "facts".into(),
        text: "Et la famille ?".into(),
    });
    (grid, trail)
}

#[test]
fn json_export_has_the_shape_scripts_rely_on() {
    let (grid, trail) = walked();
    let v: Value = serde_json::from_str(&render(&trail, Some(&grid), ExportFormat::Json, Lang::Fr)).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(v["id"], "abcd2345");
    assert_eq!(v["title"], "Demande de l'école");
    assert_eq!(v["created"], "2026-11-29T10:00:00+01:00");
    assert_eq!(v["updated"], "2026-11-29T10:06:00+01:00");
    assert_eq!(v["grid"], json!({ "id": "g", "version": "2", "language": "fr", "title": "Grille" }));
    assert_eq!(v["outcome"], "Ne pas transmettre");
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[1]["id"], "duty");
    assert_eq!(steps[1]["shown"], false);
    let regime = &steps[0]["questions"][1];
    assert_eq!(regime["kind"], "choice");
    assert_eq!(regime["answer"], "silence");
    assert_eq!(regime["answer_labels"], json!(["Se taire"]));
    assert_eq!(regime["answered_at"], "2026-11-29T10:04:00+01:00");
    assert_eq!(regime["history"], json!([{ "at": "2026-11-29T10:04:00+01:00", "answer": "must" }]));
    let basis = &steps[1]["questions"][0];
    assert_eq!(basis["shown"], false);
    assert_eq!(basis["answer"], json!(["peril", "autre chose"]));
    assert_eq!(basis["answer_labels"], json!(["Péril", "autre chose"]));
    let end = &steps[2]["questions"];
    assert_eq!(end[1]["answer"], 4);
    assert_eq!(end[1]["answer_labels"], json!([]));
    assert_eq!(end[2]["kind"], "note");
    assert_eq!(end[2]["answer"], Value::Null);
    assert_eq!(end[2]["answered_at"], Value::Null);
    assert_eq!(
        v["annotations"],
        json!([{ "at": "2026-11-29T10:09:00+01:00", "author": "Superviseur", "step": "s", "question": "facts", "text": "Et la famille ?" }])
    );
}

#[test]
fn json_export_without_the_grid_still_holds_every_answer() {
    let (_, trail) = walked();
    let v: Value = serde_json::from_str(&render(&trail, None, ExportFormat::Json, Lang::En)).unwrap();
    let steps = v["steps"].as_array().unwrap();
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["s", "duty", "end"]);
    assert_eq!(steps[1]["shown"], false);
    assert_eq!(steps[0]["questions"][0]["prompt"], "Les faits ?");
    assert_eq!(v["outcome"], "Ne pas transmettre");
}

#[test]
fn markdown_puts_the_decision_first_then_steps_references_history_and_annotations() {
    let (grid, trail) = walked();
    let md = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr);
    let pos = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing in\n{md}"));
    assert!(md.starts_with("# Demande de l'école\n"));
    assert!(pos("## Décision et raisons") < pos("## Situation"));
    assert!(pos("**Votre décision ?**\n\n- Ne pas transmettre") < pos("## Situation"));
    assert!(md.contains("**Les faits ?**\n\nL'école demande.\n\n> Annotation de Superviseur, le 29/11/2026 à 10:09 : Et la famille ?"));
    // The hidden step is not among the shown steps, but its answer is kept.
    assert!(pos("## Réponses gardées d'une piste abandonnée") > pos("## Situation"));
    assert!(md.contains("- Péril\n- autre chose"));
    assert!(md.contains("- Code pénal, art. 226-13 — Le secret."));
    assert!(!md.contains("223-6"), "references of hidden steps are not cited");
    assert!(md.contains("## Comment les réponses ont changé\n\n**Régime ?**\n\n- du 29/11/2026 à 10:02 au 29/11/2026 à 10:04 : Devoir parler\n- aujourd'hui : Se taire"));
    assert!(!md.contains("Une note."));
}

#[test]
fn text_export_has_no_markdown_marks() {
    let (grid, trail) = walked();
    let txt = render(&trail, Some(&grid), ExportFormat::Txt, Lang::En);
    assert!(txt.starts_with("Demande de l'école\n==================\n"));
    assert!(!txt.contains("**"));
    assert!(!txt.contains("## "));
    assert!(txt.contains("Decision and reasons\n--------------------"));
}
