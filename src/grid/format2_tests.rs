//! Format 2: exclusive options and date questions, each rule with the line
//! its error points at; and format 1 files left as they were.

use super::problem::ProblemKind as P;
use super::{DateBounds, QuestionKind, parse};

const HEAD: &str = "[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"G\"\n";

/// A grid of `format` whose one step holds `questions`; line 1 is `format`,
/// the step starts on line 7 and its questions on line 10.
fn grid(format: i64, questions: &str) -> String {
    format!("format = {format}\n{HEAD}[[steps]]\nid = \"s\"\ntitle = \"S\"\n{questions}")
}

/// The line and kind of every problem.
fn problems(src: &str) -> Vec<(usize, P)> {
    parse(src).expect_err("the grid has problems").into_iter().map(|p| (p.pos.line, p.kind)).collect()
}

const MULTI: &str = r#"[[steps.questions]]
id = "duty"
kind = "multi"
prompt = "Which?"
options = [
  { id = "ip", label = "A child in danger" },
  { id = "none", label = "None of these", exclusive = true },
]
"#;

const DATE: &str = r#"[[steps.questions]]
id = "revisit"
kind = "date"
prompt = "When will you look at this again?"
min_days = 0
max_days = 365
"#;

#[test]
fn format_2_reads_exclusive_options_and_date_questions() {
    let g = parse(&grid(2, &format!("{MULTI}{DATE}"))).expect("a valid format 2 grid");
    let options = g.steps[0].questions[0].kind.options();
    assert!(!options[0].exclusive);
    assert!(options[1].exclusive);
    assert_eq!(
        g.steps[0].questions[1].kind,
        QuestionKind::Date(DateBounds { min_days: Some(0), max_days: Some(365) })
    );
    let open = grid(2, "[[steps.questions]]\nid = \"d\"\nkind = \"date\"\nprompt = \"When?\"\n");
    assert_eq!(
        parse(&open).expect("bounds are optional").steps[0].questions[0].kind,
        QuestionKind::Date(DateBounds::default())
    );
}

#[test]
fn a_format_1_file_using_format_2_is_told_it_needs_format_2() {
    assert_eq!(problems(&grid(1, MULTI)), vec![(16, P::NeedsFormat2("exclusive".into()))]);
    assert_eq!(problems(&grid(1, DATE)), vec![(12, P::NeedsFormat2("kind = \"date\"".into()))]);
}

#[test]
fn exclusive_anywhere_but_a_multi_option_is_an_error_at_its_line() {
    let choice = MULTI.replace("kind = \"multi\"", "kind = \"choice\"");
    assert_eq!(problems(&grid(2, &choice)), vec![(16, P::ExclusiveNotHere)]);
    let on_question = "[[steps.questions]]\nid = \"t\"\nkind = \"text\"\nprompt = \"T\"\nexclusive = true\n";
    assert_eq!(problems(&grid(2, on_question)), vec![(14, P::ExclusiveNotHere)]);
    let on_step = format!("format = 2\n{HEAD}[[steps]]\nid = \"s\"\ntitle = \"S\"\nexclusive = true\n");
    assert_eq!(problems(&on_step), vec![(10, P::ExclusiveNotHere)]);
    let not_a_boolean = MULTI.replace("exclusive = true", "exclusive = \"yes\"");
    assert!(matches!(problems(&grid(2, &not_a_boolean))[..], [(16, P::WrongType { .. })]));
}

#[test]
fn date_bounds_must_be_whole_numbers_in_order_and_only_on_dates() {
    let reversed = DATE.replace("min_days = 0", "min_days = 30").replace("max_days = 365", "max_days = -1");
    assert_eq!(problems(&grid(2, &reversed)), vec![(14, P::DateBounds { min: 30, max: -1 })]);
    let text = "[[steps.questions]]\nid = \"t\"\nkind = \"text\"\nprompt = \"T\"\nmin_days = 0\n";
    assert!(matches!(problems(&grid(2, text))[..], [(14, P::KeyNotForKind { .. })]));
    let far = DATE.replace("min_days = 0", "min_days = -100000000");
    assert_eq!(problems(&grid(2, &far)), vec![(14, P::DateBoundFar { key: "min_days", days: -100_000_000 })]);
    let far = DATE.replace("max_days = 365", "max_days = 9223372036854775807");
    assert_eq!(problems(&grid(2, &far)), vec![(15, P::DateBoundFar { key: "max_days", days: i64::MAX })]);
    let float = DATE.replace("max_days = 365", "max_days = 1.5");
    assert!(matches!(problems(&grid(2, &float))[..], [(15, P::WrongType { .. })]));
}

#[test]
fn a_date_is_tested_only_with_answered_and_is_never_the_outcome() {
    let when_is = format!(
        "{DATE}[[steps.questions]]\nid = \"n\"\nkind = \"note\"\nprompt = \"N\"\nwhen = {{ question = \"s.revisit\", is = \"x\" }}\n"
    );
    assert!(matches!(
        problems(&grid(2, &when_is))[..],
        [(20, P::ConditionKind { kind: super::Kind::Date, test: "is", .. })]
    ));
    let when_answered = when_is.replace("is = \"x\"", "answered = true");
    assert!(parse(&grid(2, &when_answered)).is_ok());
    let outcome = grid(2, DATE).replace("title = \"G\"\n", "title = \"G\"\noutcome = \"s.revisit\"\n");
    assert!(matches!(problems(&outcome)[..], [(7, P::OutcomeKind { kind: super::Kind::Date, .. })]));
}

#[test]
fn format_1_grids_keep_loading_and_a_third_format_is_refused() {
    let plain = "[[steps.questions]]\nid = \"t\"\nkind = \"text\"\nprompt = \"T\"\n";
    assert!(parse(&grid(1, plain)).is_ok());
    assert_eq!(problems(&grid(3, plain)), vec![(1, P::UnsupportedFormat("3".into()))]);
}

#[test]
fn a_format_that_is_no_whole_number_names_the_versions_read_too() {
    // GRID-FORMAT.md: any other value is an error that names the versions.
    let plain = "[[steps.questions]]\nid = \"q\"\nkind = \"text\"\nprompt = \"?\"\n";
    for (value, shown) in [("1.0", "1.0"), ("true", "true"), ("[\n  1,\n]", "[ 1, ]")] {
        let src = grid(1, plain).replacen("format = 1", &format!("format = {value}"), 1);
        assert_eq!(problems(&src), vec![(1, P::UnsupportedFormat(shown.into()))], "{value}");
    }
}

#[test]
fn an_unknown_kind_in_a_format_2_file_names_date_among_the_kinds() {
    let q = "[[steps.questions]]\nid = \"q\"\nkind = \"day\"\nprompt = \"?\"\n";
    let found = parse(&grid(2, q)).expect_err("an unknown kind");
    assert_eq!(found[0].kind, P::UnknownKind { kind: "day".into(), date: true });
    let words = crate::lang::Lang::En.problem(&found[0]);
    assert!(words.contains("(text, choice, multi, scale, note or date)"), "{words}");
    let found = parse(&grid(1, q)).expect_err("an unknown kind");
    assert_eq!(found[0].kind, P::UnknownKind { kind: "day".into(), date: false });
}
