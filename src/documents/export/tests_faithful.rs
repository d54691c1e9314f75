//! The meeting summary says nothing false (PRODUCT.md, "Third version"):
//! what was chosen is never cut, the revisit date is the current one, and
//! the document speaks its grid's language.

use chrono::NaiveDate;

use super::*;
use crate::grid::parse;
use crate::trail::{FollowUp, Held, Trail};
use crate::walk::{At, Walk};

const GRID: &str = r#"
format = 2
[grid]
id = "g"
version = "1"
language = "fr"
title = "Grille"
outcome = "end.choice"
[[steps]]
id = "s"
title = "Ce qui sera écrit"
[[steps.questions]]
id = "where"
kind = "multi"
prompt = "Où cela sera-t-il écrit, et sous quelle forme précise, pour quels lecteurs ?"
options = [
  { id = "file", label = "Dans le dossier de la personne, papier ou informatisé" },
  { id = "report", label = "Dans un rapport transmis à l'autorité qui l'a demandé" },
  { id = "mail", label = "Dans un courriel à un partenaire extérieur au service" },
]
other = true
[[steps.questions]]
id = "fog"
kind = "scale"
prompt = "Où en êtes-vous, entre le brouillard et la clarté, à ce moment de votre réflexion ?"
min = 1
max = 5
min_label = "dans le brouillard le plus complet"
max_label = "tout à fait au clair sur ce que je vais faire"
[[steps.questions]]
id = "facts"
kind = "text"
prompt = "Que se passe-t-il ?"
[[steps.questions]]
id = "one"
kind = "choice"
prompt = "Qui vous demande de parler, et à quel titre le fait-il selon vous ?"
options = [
  { id = "a", label = "Un partenaire ou une institution qui me demande une information précise" },
  { id = "b", label = "Personne" },
]
other = true
[[steps]]
id = "end"
title = "Décision"
[[steps.questions]]
id = "choice"
kind = "choice"
prompt = "Que décidez-vous ?"
options = [{ id = "share", label = "Transmettre" }, { id = "keep", label = "Ne pas transmettre" }]
[[steps.questions]]
id = "revisit"
kind = "date"
prompt = "Quand reviendrez-vous sur cette décision ?"
"#;

fn time(d: u32) -> crate::trail::Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-12-{d:02}T10:00:00+01:00")).unwrap()
}

const LONG_FACTS: &str = "Le collège a appelé jeudi pour demander des nouvelles de la famille, puis a rappelé \
    vendredi en insistant beaucoup, et la mère, reçue lundi, ne veut pas que j'en parle.";

/// Every question answered with what a document could cut: three long
/// options and an "other" text, a scale with long labels, a long text.
fn walked(grid_text: &str) -> (Grid, Trail) {
    let grid = parse(grid_text).unwrap();
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "Demande", "abcd2345".into(), time(1)));
    let at = |step, question| At { step, question };
    let options = vec!["file".into(), "report".into(), "mail".into()];
    w.set(at(0, 0), Some(Answer::Multi { options, other: Some("cahier de liaison".into()) }), time(1));
    w.set(at(0, 1), Some(Answer::Scale(4)), time(1));
    w.set(at(0, 2), Some(Answer::Text(LONG_FACTS.into())), time(1));
    w.close_edit();
    w.set(
        at(0, 3),
        Some(Answer::ChoiceOther("le frère aîné, au nom de toute la famille élargie".into())),
        time(1),
    );
    w.set(at(1, 0), Some(Answer::Choice("keep".into())), time(1));
    w.set(at(1, 1), Some(Answer::Date(NaiveDate::from_ymd_opt(2026, 12, 15).unwrap())), time(1));
    (grid, w.trail)
}

#[test]
fn options_chosen_an_other_text_and_a_scales_labels_are_never_cut() {
    let (grid, trail) = walked(GRID);
    for format in [ExportFormat::Md, ExportFormat::Txt, ExportFormat::Html] {
        let doc = render(&trail, Some(&grid), format, Lang::Fr, false).replace("&#39;", "'");
        for whole in [
            "Dans le dossier de la personne, papier ou informatisé ; Dans un rapport transmis à l'autorité qui l'a demandé ; Dans un courriel à un partenaire extérieur au service ; Autre : cahier de liaison",
            "4 sur 5 (dans le brouillard le plus complet … tout à fait au clair sur ce que je vais faire)",
            "Autre : le frère aîné, au nom de toute la famille élargie",
        ] {
            assert!(doc.contains(whole), "{format:?}: {whole:?} not whole in\n{doc}");
        }
        // Only the free text is abridged, and says so.
        assert!(!doc.contains(LONG_FACTS), "{format:?}: {doc}");
        assert!(
            doc.contains("Le collège a appelé jeudi pour demander des nouvelles de la famille, puis a …"),
            "{doc}"
        );
        assert!(doc.contains("Les réponses longues sont abrégées ici"), "{doc}");
    }
    let full = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr, true);
    assert!(full.contains(LONG_FACTS), "{full}");
    assert!(!full.contains(" …\n"), "{full}");
}

#[test]
fn the_revisit_date_is_the_one_the_last_follow_up_set() {
    let (grid, mut trail) = walked(GRID);
    let first = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr, false);
    assert!(
        first.contains("**Quand reviendrez-vous sur cette décision ?** mardi 15 décembre 2026\n"),
        "{first}"
    );

    trail.add_follow_up(FollowUp::new(time(15), "", Held::TooEarly, "", NaiveDate::from_ymd_opt(2027, 1, 4)));
    let moved = render(&trail, Some(&grid), ExportFormat::Md, Lang::Fr, false);
    assert!(
        moved.contains("**Quand reviendrez-vous sur cette décision ?** lundi 4 janvier 2027 (date fixée lors du retour sur la décision du 15/12/2026 à 10:00)\n"),
        "{moved}"
    );
    assert!(!moved.contains("mardi 15 décembre 2026"), "{moved}");

    trail.add_follow_up(FollowUp::new(time(20), "", Held::Yes, "", None));
    for (lang_grid, words) in [
        (GRID.to_string(), "plus de date prévue (depuis le retour sur la décision du 20/12/2026 à 10:00)"),
        (
            GRID.replace("language = \"fr\"", "language = \"en\""),
            "no date set any more (since the follow-up of 2026-12-20 10:00)",
        ),
    ] {
        let grid = parse(&lang_grid).unwrap();
        trail.grid.language = grid.meta.language.clone();
        for format in [ExportFormat::Md, ExportFormat::Txt, ExportFormat::Html] {
            let doc = render(&trail, Some(&grid), format, Lang::Fr, false);
            // The follow-ups' own list says what each one set; the decision
            // says what holds now.
            let decision =
                doc.lines().find(|l| l.contains("Quand reviendrez-vous")).expect("the revisit line");
            assert!(decision.contains(words), "{format:?}: {doc}");
            for old in ["15 décembre", "15 December", "4 janvier", "4 January"] {
                assert!(!decision.contains(old), "{format:?}: {old} in {decision}");
            }
        }
    }
}

#[test]
fn a_french_trail_exported_under_an_english_interface_stays_french() {
    let (grid, trail) = walked(GRID);
    for format in [ExportFormat::Md, ExportFormat::Txt, ExportFormat::Html] {
        let doc = render(&trail, Some(&grid), format, Lang::En, false);
        for french in [
            "Décision et raisons",
            "Réponses, étape par étape",
            "mardi 15 décembre 2026",
            "Commencé le 01/12/2026 à 10:00",
        ] {
            assert!(doc.contains(french), "{format:?}: {french:?} missing in\n{doc}");
        }
        for english in ["Decision and reasons", "Answers, step by step", "Tuesday", "December", "Started"] {
            assert!(!doc.contains(english), "{format:?}: {english:?} in\n{doc}");
        }
    }
    let html = render(&trail, Some(&grid), ExportFormat::Html, Lang::En, false);
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
}
