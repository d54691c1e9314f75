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
[[steps.questions]]
id = "who"
kind = "multi"
prompt = "Qui demande"
options = [{ id = "school", label = "Le collège, le CPE" }, { id = "family", label = "La famille" }]
other = true
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
min_label = "pas sûr"
max_label = "tout à fait sûr"
[[steps.questions]]
id = "n"
kind = "note"
prompt = "Une note."
[[steps.questions]]
id = "tell"
kind = "text"
prompt = "Que direz-vous à la personne ?"
[[steps.references]]
label = "Code pénal, art. 226-13"
text = "Le secret."
[[steps]]
id = "pointers"
title = "Ce que vos réponses font apparaître"
[[steps.questions]]
id = "p_silence"
kind = "note"
prompt = "Silence. Le <secret> demeure."
when = { question = "s.regime", is = "silence" }
[[steps.questions]]
id = "p_must"
kind = "note"
prompt = "Devoir. Une obligation."
when = { question = "s.regime", is = "must" }
[[steps.questions]]
id = "p_always"
kind = "note"
prompt = "Dans tous les cas, notez vos raisons."
"#;

fn time(m: u32) -> crate::trail::Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-29T10:{m:02}:00+01:00")).unwrap()
}

fn walked() -> (Grid, Trail) {
    let grid = parse(GRID).unwrap();
    let mut w =
        Walk::new(grid.clone(), Trail::start(&grid, "Demande de l'école", "abcd2345".into(), time(0)));
    let at = |step, question| At { step, question };
    w.set(at(0, 0), Some(Answer::Text("L'école demande des nouvelles de L. au CPE.".into())), time(1));
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
    w.set(
        at(0, 2),
        Some(Answer::Multi { options: vec!["school".into()], other: Some("l'ASE".into()) }),
        time(6),
    );
    w.close_edit();
    w.set(at(0, 0), Some(Answer::Text("L'école demande des nouvelles de L.\r\nau CMP.".into())), time(7));
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

/// The JSON export's top-level keys, as PRODUCT.md names them, in the order
/// they are written (alphabetical).
const TOP_KEYS: [&str; 11] = [
    "annotations",
    "created",
    "follow_ups",
    "format",
    "grid",
    "id",
    "notes_shown",
    "outcome",
    "steps",
    "title",
    "updated",
];

#[test]
fn json_export_keys_are_exactly_those_of_the_contract() {
    let (grid, mut trail) = walked();
    // Neither the grid file's path nor its outcome question is shown.
    trail.grid.path = Some("/home/someone/grids/g.fr.toml".into());
    let v: Value =
        serde_json::from_str(&render(&trail, Some(&grid), ExportFormat::Json, Lang::Fr, false)).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    let mut top = keys(&v);
    top.sort();
    assert_eq!(top, TOP_KEYS);
    assert_eq!(keys(&v["grid"]), ["id", "language", "title", "version"]);
    assert_eq!(v["grid"]["version"], "2");
    assert_eq!(v["grid"]["title"], "Grille");
}

#[test]
fn json_export_has_the_shape_scripts_rely_on() {
    let (grid, trail) = walked();
    let v: Value =
        serde_json::from_str(&render(&trail, Some(&grid), ExportFormat::Json, Lang::Fr, false)).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(v["id"], "abcd2345");
    assert_eq!(v["title"], "Demande de l'école");
    assert_eq!(v["created"], "2026-11-29T10:00:00+01:00");
    assert_eq!(v["updated"], "2026-11-29T10:07:00+01:00");
    assert_eq!(v["grid"], json!({ "id": "g", "version": "2", "language": "fr", "title": "Grille" }));
    assert_eq!(v["outcome"], "Ne pas transmettre");
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 4);
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
    let v: Value = serde_json::from_str(&render(&trail, None, ExportFormat::Json, Lang::En, false)).unwrap();
    let steps = v["steps"].as_array().unwrap();
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["s", "duty", "end"]);
    assert_eq!(steps[1]["shown"], false);
    assert_eq!(steps[0]["questions"][0]["prompt"], "Les faits ?");
    assert_eq!(v["outcome"], "Ne pas transmettre");
}

#[test]
fn json_export_adds_the_notes_the_answers_showed() {
    let (grid, trail) = walked();
    let v: Value =
        serde_json::from_str(&render(&trail, Some(&grid), ExportFormat::Json, Lang::Fr, false)).unwrap();
    assert_eq!(
        v["notes_shown"],
        json!([{ "step": "pointers", "id": "p_silence", "text": "Silence. Le <secret> demeure." }])
    );
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, TOP_KEYS);
}

#[test]
fn the_meeting_copy_puts_the_decision_first_then_pointers_answers_and_references() {
    let (grid, trail) = walked();
    let md = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr, false);
    let pos = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing in\n{md}"));
    assert!(md.starts_with("# Demande de l'école\n"));
    assert!(pos("## Décision et raisons") < pos("## Ce que vos réponses font apparaître"));
    assert!(pos("## Ce que vos réponses font apparaître") < pos("## Réponses, étape par étape"));
    assert!(pos("## Réponses, étape par étape") < pos("### Situation"));
    assert!(pos("### Situation") < pos("## Références"));
    assert!(md.contains("## Décision et raisons\n\n- **Votre décision ?** Ne pas transmettre\n"));
    assert!(md.contains("- **Certitude ?** 4 sur 5 (pas sûr … tout à fait sûr)\n"));
    // Only the notes a condition showed, as written.
    assert!(md.contains("## Ce que vos réponses font apparaître\n\n- Silence. Le <secret> demeure.\n\n"));
    assert!(!md.contains("Devoir. Une obligation."));
    assert!(!md.contains("Dans tous les cas"));
    // A line break is a hard break; labels keep their commas readable.
    assert!(md.contains("- **Les faits ?** L'école demande des nouvelles de L.  \n  au CMP.\n"), "{md}");
    assert!(md.contains("- **Qui demande** : Le collège, le CPE ; Autre : l'ASE\n"));
    // Questions left aside are counted, hidden answers mentioned.
    assert!(md.contains("*Une question laissée de côté. Une réponse d'une piste abandonnée est gardée"));
    // References once each, by their label.
    assert_eq!(md.matches("- Code pénal, art. 226-13\n").count(), 1);
    assert!(!md.contains("Le secret."));
    assert!(!md.contains("223-6"), "references of hidden steps are not cited");
    // Neither history nor annotations in the meeting copy.
    assert!(!md.contains("Comment les réponses ont changé"));
    assert!(!md.contains("Superviseur"));
    assert!(!md.contains("Péril"));
}

#[test]
fn the_full_copy_adds_reference_texts_history_with_dates_and_annotations() {
    let (grid, trail) = walked();
    let md = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr, true);
    assert!(md.contains("- Code pénal, art. 226-13 — Le secret.\n"));
    assert!(md.contains("## Réponses gardées d'une piste abandonnée"));
    assert!(md.contains("- **Fondement ?** Péril ; Autre : autre chose\n"));
    assert!(md.contains(
        "**Régime ?**\n\n- du 29/11/2026 à 10:02 au 29/11/2026 à 10:04 : Devoir parler\n- depuis le 29/11/2026 à 10:04 : Se taire\n"
    ));
    // A changed text shows what changed.
    assert!(
        md.contains(
            "- depuis le 29/11/2026 à 10:07 : L'école demande des nouvelles de L.  \n  au ~~CPE.~~ **CMP.**\n"
        ),
        "{md}"
    );
    assert!(!md.contains("aujourd'hui"));
    assert!(md.contains("## Annotations\n\n- Annotation de Superviseur, le 29/11/2026 à 10:09 : Et la famille ? — *Les faits ?*"));
}

#[test]
fn text_export_has_no_markdown_marks() {
    let (grid, mut trail) = walked();
    // discern's own words in English: the document speaks its grid's language.
    trail.grid.language = "en".into();
    let txt = render(&trail, Some(&grid), ExportFormat::Txt, Lang::Fr, true);
    assert!(txt.starts_with("Demande de l'école\n==================\n"));
    assert!(!txt.contains("**"));
    assert!(!txt.contains("~~"));
    assert!(!txt.contains("## "));
    assert!(txt.contains("Decision and reasons\n--------------------"));
    assert!(txt.contains("- Certitude ? 4 of 5 (pas sûr … tout à fait sûr)\n"));
    assert!(txt.contains("- Qui demande: Le collège, le CPE; Other: l'ASE\n"));
    assert!(txt.contains("- since 2026-11-29 10:07: L'école demande des nouvelles de L.\n  au [removed: CPE.] [added: CMP.]\n"), "{txt}");
}

/// Tags open and close in order; void elements stand alone; no `<` outside a tag.
fn assert_well_formed(html: &str) {
    let void = ["meta", "br", "!DOCTYPE"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map(|e| i + e).expect("a tag closes");
        let tag = &rest[i + 1..end];
        assert!(!tag.contains('<'), "stray < in {tag:?}");
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| !c.is_whitespace()).collect();
        if let Some(closing) = tag.strip_prefix('/') {
            let closing: String = closing.chars().take_while(|c| !c.is_whitespace()).collect();
            assert_eq!(open.pop().as_deref(), Some(closing.as_str()), "mismatched </{closing}>");
        } else if !void.contains(&name.as_str()) {
            open.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

#[test]
fn the_html_page_is_well_formed_self_contained_and_escapes_every_text() {
    let (grid, mut trail) = walked();
    trail.title = "<i>x</i> & co".into();
    trail.record_mut("s", "facts").unwrap().answer =
        Some(Answer::Text("<script>alert(1)</script>\nligne".into()));
    let html = render(&trail, Some(&grid), ExportFormat::Html, Lang::Fr, true);
    assert_well_formed(&html);
    assert!(html.contains("<title>&lt;i&gt;x&lt;/i&gt; &amp; co</title>"));
    assert!(html.contains("<h1>&lt;i&gt;x&lt;/i&gt; &amp; co</h1>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;<br>\nligne"));
    assert!(html.contains("<li>Silence. Le &lt;secret&gt; demeure.</li>"));
    assert!(!html.contains("<i>") && !html.contains("<script"));
    assert!(html.contains("@page { size: A4"));
    for outside in ["<link", "src=", "href=", "@import", "url(", "@font-face"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("<h2>Décision et raisons</h2>"));
}

#[test]
fn a_stray_carriage_return_in_a_stored_answer_is_a_line_break() {
    let (grid, mut trail) = walked();
    trail.record_mut("s", "facts").unwrap().answer = Some(Answer::Text("un\rdeux".into()));
    let md = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr, false);
    assert!(md.contains("- **Les faits ?** un  \n  deux\n"), "{md}");
    let txt = render(&trail, Some(&grid), ExportFormat::Txt, Lang::Fr, false);
    assert!(txt.contains("- Les faits ? un\n  deux\n"), "{txt}");
}

#[test]
fn follow_ups_are_exported_under_their_own_heading_and_in_json() {
    let (grid, mut trail) = walked();
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-10T09:00:00+01:00").unwrap();
    trail.add_follow_up(crate::trail::FollowUp::new(
        at,
        "Le collège a rappelé.",
        crate::trail::Held::Partly,
        "Prévenir la mère avant.",
        chrono::NaiveDate::from_ymd_opt(2027, 1, 10),
    ));
    let md = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr, false);
    assert!(md.contains("## Retour sur la décision\n"), "{md}");
    assert!(md.contains("**10/12/2026 à 09:00 — La décision a tenu en partie.**"), "{md}");
    assert!(md.contains("*Ce qui s'est passé :* Le collège a rappelé."), "{md}");
    assert!(md.contains("*Ce que vous en retenez :* Prévenir la mère avant."), "{md}");
    let mut english = trail.clone();
    english.grid.language = "en".into();
    let html = render(&english, Some(&grid), ExportFormat::Html, Lang::Fr, false);
    assert!(html.contains("Coming back to the decision"), "{html}");
    assert!(html.contains("The decision partly held."), "{html}");
    let v: Value =
        serde_json::from_str(&render(&trail, Some(&grid), ExportFormat::Json, Lang::Fr, false)).unwrap();
    assert_eq!(
        v["follow_ups"],
        json!([{ "at": "2026-12-10T09:00:00+01:00", "happened": "Le collège a rappelé.", "held": "partly",
                 "learned": "Prévenir la mère avant.", "revisit": "2027-01-10" }])
    );
    let none = render(&walked().1, Some(&grid), ExportFormat::Md, Lang::Fr, false);
    assert!(!none.contains("Retour sur la décision"));
}

#[test]
fn a_note_in_a_step_shown_by_a_condition_is_among_the_notes_shown() {
    // The step's condition, not the note's own, showed it: the answers
    // pointed to it all the same; a note every walk shows is not there.
    let grid = parse(
        r#"
format = 1
[grid]
id = "g"
version = "1"
language = "en"
title = "G"
[[steps]]
id = "s"
title = "S"
[[steps.questions]]
id = "regime"
kind = "choice"
prompt = "Regime?"
options = [{ id = "silence", label = "Silence" }, { id = "must", label = "Must speak" }]
[[steps.questions]]
id = "always"
kind = "note"
prompt = "Read this in every walk."
[[steps]]
id = "pointers"
title = "What your answers point to"
when = { question = "s.regime", is = "must" }
[[steps.questions]]
id = "duty"
kind = "note"
prompt = "A duty to act."
"#,
    )
    .unwrap();
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "T", "abcd2345".into(), time(0)));
    w.set(At { step: 0, question: 0 }, Some(Answer::Choice("must".into())), time(1));
    let v: Value =
        serde_json::from_str(&render(&w.trail, Some(&grid), ExportFormat::Json, Lang::En, false)).unwrap();
    assert_eq!(v["notes_shown"], json!([{ "step": "pointers", "id": "duty", "text": "A duty to act." }]));
    let md = render(&w.trail, Some(&grid), ExportFormat::Md, Lang::En, false);
    assert!(md.contains("A duty to act."), "{md}");
}

#[test]
fn a_scale_not_counted_from_one_says_its_bounds_and_a_lone_label_is_kept() {
    let grid = parse(
        r#"
format = 1
[grid]
id = "g"
version = "1"
language = "fr"
title = "G"
[[steps]]
id = "s"
title = "S"
[[steps.questions]]
id = "mood"
kind = "scale"
prompt = "Humeur ?"
min = -5
max = 5
[[steps.questions]]
id = "sure"
kind = "scale"
prompt = "Certitude ?"
min = 0
max = 10
max_label = "tout à fait"
"#,
    )
    .unwrap();
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "T", "abcd2345".into(), time(0)));
    w.set(At { step: 0, question: 0 }, Some(Answer::Scale(-2)), time(1));
    w.set(At { step: 0, question: 1 }, Some(Answer::Scale(7)), time(2));
    let fr = render(&w.trail, Some(&grid), ExportFormat::Md, Lang::Fr, false);
    assert!(fr.contains("**Humeur ?** -2 sur une échelle de -5 à 5\n"), "{fr}");
    assert!(fr.contains("**Certitude ?** 7 sur 10 (… tout à fait)\n"), "{fr}");
    w.trail.grid.language = "en".into();
    let en = render(&w.trail, Some(&grid), ExportFormat::Txt, Lang::Fr, false);
    assert!(en.contains("Humeur ? -2 on a scale from -5 to 5\n"), "{en}");
}
