use super::*;
use crate::grid::parse;

const GRID: &str = r#"format = 2
[grid]
id = "g"
version = "2"
language = "fr"
title = "G"

[[steps]]
id = "intro"
title = "Lire"
[[steps.questions]]
id = "n"
kind = "note"
prompt = "Une note, sans numéro."
[[steps.questions]]
id = "yes"
kind = "choice"
prompt = "Oui ou non ?"
options = [{ id = "yes", label = "Oui" }, { id = "no", label = "Non" }, { id = "maybe", label = "Peut-être" }]

[[steps]]
id = "s"
title = "S"
[[steps.questions]]
id = "duty"
kind = "multi"
prompt = "Lesquelles ?"
options = [
  { id = "a", label = "A" },
  { id = "b", label = "B" },
  { id = "c", label = "C" },
  { id = "none", label = "Aucune", exclusive = true },
]
[[steps.questions]]
id = "facts"
kind = "text"
prompt = "Les faits ?"
[[steps.questions]]
id = "sure"
kind = "choice"
prompt = "Sûr ?"
options = [{ id = "yes", label = "Oui" }, { id = "no", label = "Non" }]
"#;

fn words(condition: &str, lang: Lang) -> String {
    let src = format!(
        "{GRID}[[steps.questions]]\nid = \"last\"\nkind = \"text\"\nprompt = \"?\"\nwhen = {condition}\n"
    );
    let grid = parse(&src).unwrap_or_else(|p| panic!("{p:?}"));
    let when = grid.steps[1].questions[3].when.clone().expect("a condition");
    sentence(&grid, &Numbers::of(&grid), &when, Target::Question, lang)
}

#[test]
fn questions_are_named_by_number_and_notes_get_none() {
    assert_eq!(
        words(r#"{ question = "intro.yes", is = "yes" }"#, Lang::Fr),
        "À remplir si vous avez répondu « Oui » à 1.1"
    );
    assert_eq!(
        words(r#"{ question = "intro.yes", is = "yes" }"#, Lang::En),
        "Answer if you answered “Oui” to 1.1"
    );
    assert_eq!(
        words(r#"{ question = "s.duty", any_of = ["a", "b"] }"#, Lang::Fr),
        "À remplir si vous avez coché « A » ou « B » à 2.1"
    );
    assert_eq!(words(r#"{ question = "s.facts", answered = true }"#, Lang::En), "Answer if you answered 2.2");
}

#[test]
fn a_negation_is_said_of_the_answer_never_as_it_is_false_that() {
    assert_eq!(
        words(r#"{ not = { question = "intro.yes", is = "no" } }"#, Lang::Fr),
        "À remplir si vous n'avez pas répondu « Non » à 1.1"
    );
    assert_eq!(
        words(r#"{ not = { question = "s.facts", answered = false } }"#, Lang::Fr),
        "À remplir si vous avez répondu à 2.2"
    );
    // Not (a or b) is "neither a nor b"; and the tests of one question merge.
    assert_eq!(
        words(
            r#"{ not = { any = [{ question = "s.duty", is = "a" }, { question = "s.duty", is = "b" }] } }"#,
            Lang::Fr
        ),
        "À remplir si vous n'avez coché ni « A » ni « B » à 2.1"
    );
    assert_eq!(
        words(r#"{ not = { any_of = ["a", "b", "c"], question = "s.duty" } }"#, Lang::En),
        "Answer if you ticked none of “A”, “B” or “C” at 2.1"
    );
    let fr = words(
        r#"{ not = { all = [{ question = "intro.yes", is = "yes" }, { question = "s.facts", answered = true }] } }"#,
        Lang::Fr,
    );
    assert_eq!(
        fr,
        "À remplir si vous n'avez pas répondu « Oui » à 1.1, ou si vous avez laissé 2.2 sans réponse"
    );
    let either = r#"{ any = [{ question = "intro.yes", answered = false }, { question = "s.facts", answered = false }] }"#;
    assert_eq!(words(either, Lang::En), "Answer if you left 1.1 or 2.2 unanswered");
    let both = r#"{ all = [{ question = "intro.yes", answered = true }, { question = "s.facts", answered = true }] }"#;
    assert_eq!(words(both, Lang::Fr), "À remplir si vous avez répondu à 1.1 et 2.2");
    for lang in [Lang::Fr, Lang::En] {
        let w = words(r#"{ not = { not = { not = { question = "intro.yes", is = "yes" } } } }"#, lang);
        assert!(!w.contains("faux") && !w.contains("not the case"), "{w}");
    }
}

#[test]
fn two_levels_read_as_either_or() {
    let c = r#"{ all = [{ question = "intro.yes", is = "yes" }, { any = [{ question = "s.duty", is = "a" }, { question = "s.facts", answered = true }] }] }"#;
    assert_eq!(
        words(c, Lang::Fr),
        "À remplir si vous avez répondu « Oui » à 1.1 et soit vous avez coché « A » à 2.1, soit vous avez répondu à 2.2"
    );
    assert_eq!(
        words(c, Lang::En),
        "Answer if you answered “Oui” to 1.1 and either you ticked “A” at 2.1 or you answered 2.2"
    );
}

#[test]
fn what_is_too_deep_or_too_long_is_described_by_the_questions_it_tests() {
    let leaf = |o: &str| format!(r#"{{ question = "s.duty", is = "{o}" }}"#);
    let deep = format!(
        r#"{{ any = [{{ all = [{}, {{ any = [{}, {{ all = [{}, {{ question = "intro.yes", is = "no" }}] }}] }}] }}, {{ question = "s.facts", answered = true }}] }}"#,
        leaf("a"),
        leaf("b"),
        leaf("c")
    );
    assert_eq!(words(&deep, Lang::Fr), "À remplir selon vos réponses à 1.1, 2.1 et 2.2");
    assert_eq!(words(&deep, Lang::En), "Answer depending on your answers to 1.1, 2.1 and 2.2");
    // A long sentence: many alternatives over two questions.
    let many: Vec<String> = (0..30)
        .map(|i| {
            if i % 2 == 0 {
                format!(
                    r#"{{ all = [{}, {{ question = "s.facts", answered = true }}] }}"#,
                    leaf(["a", "b", "c"][i % 3])
                )
            } else {
                format!(
                    r#"{{ all = [{{ question = "intro.yes", is = "maybe" }}, {}] }}"#,
                    leaf(["a", "b", "c"][i % 3])
                )
            }
        })
        .collect();
    let long = words(&format!("{{ any = [{}] }}", many.join(", ")), Lang::Fr);
    assert!(long.chars().count() <= MAX_CHARS, "{long}");
    assert!(long.starts_with("À remplir selon vos réponses à "), "{long}");
}

#[test]
fn the_same_answer_to_several_questions_is_said_once() {
    let both = r#"{ all = [{ question = "intro.yes", is = "yes" }, { question = "s.sure", is = "yes" }] }"#;
    assert_eq!(words(both, Lang::Fr), "À remplir si vous avez répondu « Oui » à 1.1 et 2.3");
    let either = r#"{ any = [{ question = "intro.yes", is = "yes" }, { question = "s.sure", is = "yes" }] }"#;
    assert_eq!(words(either, Lang::En), "Answer if you answered “Oui” to 1.1 or 2.3");
    let two = r#"{ all = [{ question = "intro.yes", is = "yes" }, { question = "s.sure", is = "no" }, { question = "s.duty", is = "a" }] }"#;
    assert_eq!(
        words(two, Lang::Fr),
        "À remplir si vous avez répondu « Oui » à 1.1, « Non » à 2.3 et vous avez coché « A » à 2.1"
    );
    assert_eq!(
        words(two, Lang::En),
        "Answer if you answered “Oui” to 1.1, “Non” to 2.3 and you ticked “A” at 2.1"
    );
    // Denials stay apart: "not “Non” to 1.1 or 2.3" could be read as neither.
    let denials = r#"{ any = [{ not = { question = "intro.yes", is = "no" } }, { not = { question = "s.sure", is = "no" } }] }"#;
    assert_eq!(
        words(denials, Lang::Fr),
        "À remplir si vous n'avez pas répondu « Non » à 1.1, ou si vous n'avez pas répondu « Non » à 2.3"
    );
    // An "or" over two questions never turns into an "and" when it joins a list.
    let nested = r#"{ all = [{ any = [{ question = "intro.yes", answered = false }, { question = "s.duty", answered = false }] }, { question = "s.facts", answered = false }] }"#;
    assert_eq!(
        words(nested, Lang::Fr),
        "À remplir si vous avez laissé 1.1 ou 2.1 sans réponse et vous avez laissé 2.2 sans réponse"
    );
}
