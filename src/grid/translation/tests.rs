use super::*;
use crate::grid::parse;

const FR: &str = r#"format = 2
[grid]
id = "g"
version = "2"
language = "fr"
title = "G"
outcome = "s.regime"

[[steps]]
id = "s"
title = "Situation"

[[steps.questions]]
id = "regime"
kind = "choice"
prompt = "Régime ?"
options = [{ id = "silence", label = "Se taire" }, { id = "must", label = "Parler" }]

[[steps.questions]]
id = "duty"
kind = "multi"
prompt = "Obligation ?"
when = { question = "s.regime", is = "must" }
options = [
  { id = "ip", label = "Un enfant en danger" },
  { id = "none", label = "Aucune", exclusive = true },
]

[[steps]]
id = "decision"
title = "Décision"

[[steps.questions]]
id = "revisit"
kind = "date"
prompt = "Quand ?"
min_days = 0
"#;

fn drifts(fr: &str, en: &str) -> Vec<(usize, usize, DriftKind)> {
    let (a, b) = (parse(fr).expect("valid fr"), parse(en).expect("valid en"));
    let va = Version { label: "g.fr.toml".into(), src: fr, grid: &a };
    let vb = Version { label: "g.en.toml".into(), src: en, grid: &b };
    compare(&va, &vb).into_iter().map(|d| (d.a_pos.line, d.b_pos.line, d.kind)).collect()
}

/// The French grid in English words, with a blank line more after the
/// header, so that lines differ between the two files.
fn english() -> String {
    FR.replace("language = \"fr\"", "language = \"en\"\n")
        .replace("Régime ?", "Regime?")
        .replace("Se taire", "Keep silent")
        .replace("Parler", "Speak")
        .replace("Décision", "Decision")
}

#[test]
fn a_faithful_translation_has_no_drift() {
    assert_eq!(drifts(FR, &english()), vec![]);
}

#[test]
fn each_drift_names_the_line_in_both_files() {
    let en = english().replace(
        "{ id = \"none\", label = \"Aucune\", exclusive = true }",
        "{ id = \"none\", label = \"None\" }",
    );
    assert_eq!(
        drifts(FR, &en),
        vec![(
            26,
            27,
            DriftKind::Exclusive { question: "s.duty".into(), option: "none".into(), here: false }
        )]
    );

    // An option renamed and another's mark dropped: both are said.
    let en = english().replace("{ id = \"ip\"", "{ id = \"child\"").replace(
        "{ id = \"none\", label = \"Aucune\", exclusive = true }",
        "{ id = \"none\", label = \"None\" }",
    );
    let found = drifts(FR, &en);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(matches!(&found[0], (_, _, DriftKind::Options { question, .. }) if question == "s.duty"));
    assert!(matches!(&found[1], (26, 27, DriftKind::Exclusive { option, .. }) if option == "none"));

    let en = english().replace("id = \"must\"", "id = \"speak\"").replace("is = \"must\"", "is = \"speak\"");
    let found = drifts(FR, &en);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(matches!(&found[0], (17, 18, DriftKind::Options { question, .. }) if question == "s.regime"));
    assert!(matches!(&found[1], (23, 24, DriftKind::QuestionCondition { question }) if question == "s.duty"));

    let en = english().replace("kind = \"date\"", "kind = \"text\"").replace("min_days = 0\n", "");
    assert_eq!(
        drifts(FR, &en),
        vec![(35, 36, DriftKind::Kind { question: "decision.revisit".into(), a: Kind::Date, b: Kind::Text })]
    );

    let en = english().replace("outcome = \"s.regime\"\n", "");
    assert_eq!(drifts(FR, &en), vec![(7, 2, DriftKind::Outcome { a: Some("s.regime".into()), b: None })]);
}

#[test]
fn a_step_or_question_in_one_file_only_is_named_at_its_rank() {
    let cut = english().find("[[steps]]\nid = \"decision\"").expect("the decision step");
    let en = english()[..cut].to_string();
    assert_eq!(
        drifts(FR, &en),
        vec![(30, 11, DriftKind::Step { rank: 2, a: Some("decision".into()), b: None })]
    );
    let en = english().replace("id = \"duty\"", "id = \"obligation\"").replace("s.duty", "s.obligation");
    assert_eq!(
        drifts(FR, &en),
        vec![(
            20,
            21,
            DriftKind::Question {
                step: "s".into(),
                rank: 2,
                a: Some("duty".into()),
                b: Some("obligation".into())
            }
        )]
    );
}

#[test]
fn files_are_grouped_by_grid_id_and_compared_with_the_first() {
    let en = english().replace("min_days = 0", "min_days = 1");
    let other = FR.replace("id = \"g\"", "id = \"h\"").replace("min_days = 0", "min_days = 9");
    let (a, b, c) = (parse(FR).unwrap(), parse(&en).unwrap(), parse(&other).unwrap());
    let versions = [
        Version { label: "g.fr.toml".into(), src: FR, grid: &a },
        Version { label: "h.fr.toml".into(), src: &other, grid: &c },
        Version { label: "g.en.toml".into(), src: &en, grid: &b },
    ];
    let found = check_all(&versions);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].a.as_str(), found[0].b.as_str()), ("g.fr.toml", "g.en.toml"));
    assert_eq!(found[0].kind, DriftKind::Settings { question: "decision.revisit".into() });
}
