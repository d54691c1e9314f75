use super::*;
use crate::grid::parse as parse_grid;
use crate::trail::Trail;

const GRID: &str = r#"
format = 1
[grid]
id = "g"
version = "1"
language = "en"
title = "G"
[[steps]]
id = "s"
title = "Situation"
guidance = "Think first."
[[steps.questions]]
id = "facts"
kind = "text"
prompt = "Facts?"
[[steps.questions]]
id = "regime"
kind = "choice"
prompt = "Regime?"
options = [{ id = "silence", label = "Silence" }, { id = "must", label = "Must speak" }]
other = true
[[steps]]
id = "duty"
title = "Duty"
when = { question = "s.regime", is = "must" }
[[steps.questions]]
id = "n"
kind = "note"
prompt = "A note to read."
[[steps.questions]]
id = "basis"
kind = "multi"
prompt = "Basis?"
options = [{ id = "peril", label = "Peril" }, { id = "child", label = "Child" }]
other = true
[[steps]]
id = "end"
title = "End"
[[steps.questions]]
id = "sure"
kind = "scale"
prompt = "Sure?"
min = 1
max = 5
"#;

fn run(walk: &mut Walk, input: &str, reopened: bool) -> (String, usize) {
    let mut out = Vec::new();
    let mut saves = 0;
    let mut on_change = |_: &Walk| saves += 1;
    Plain { input: input.as_bytes(), out: &mut out, lang: Lang::En, on_change: &mut on_change }
        .run(walk, reopened)
        .unwrap();
    (String::from_utf8(out).unwrap(), saves)
}

fn new_walk() -> Walk {
    let grid = parse_grid(GRID).unwrap();
    let trail = Trail::start(&grid, "T", "abcd2345".into(), crate::trail::now());
    Walk::new(grid, trail)
}

fn answer(w: &Walk, step: &str, q: &str) -> Option<Answer> {
    w.trail.record(step, q).and_then(|r| r.answer.clone())
}

#[test]
fn a_choice_opens_the_next_step_as_the_answers_come_in() {
    let mut w = new_walk();
    let (out, saves) = run(&mut w, "What happened\n2\n1, 3\nsomething else\n9\nx\n3\n", false);
    assert_eq!(answer(&w, "s", "facts"), Some(Answer::Text("What happened".into())));
    assert_eq!(answer(&w, "s", "regime"), Some(Answer::Choice("must".into())));
    assert_eq!(
        answer(&w, "duty", "basis"),
        Some(Answer::Multi { options: vec!["peril".into()], other: Some("something else".into()) })
    );
    assert_eq!(answer(&w, "end", "sure"), Some(Answer::Scale(3)));
    assert_eq!(saves, 4);
    assert!(out.contains("Step 2 of 3: Duty\n"), "{out}");
    assert!(out.contains("\nA note to read.\n"), "{out}");
    assert!(out.contains("1) Silence\n2) Must speak\n3) Other: …\n"), "{out}");
    assert!(out.contains("Type a number from 1 to 5."), "{out}");
    assert!(out.contains("“x” is not a whole number"), "{out}");
}

#[test]
fn a_hidden_step_is_not_asked_and_an_empty_line_skips() {
    let mut w = new_walk();
    let (out, _) = run(&mut w, "\nsilence\n\n", false);
    assert!(!out.contains("Duty"), "{out}");
    assert_eq!(answer(&w, "s", "facts"), None);
    assert!(out.contains("(question skipped)"));
    assert_eq!(answer(&w, "s", "regime"), Some(Answer::Choice("silence".into())));
}

#[test]
fn a_line_that_does_not_fit_is_explained_and_asked_again() {
    let mut w = new_walk();
    let (out, _) = run(&mut w, "\n7\n2.\n", false);
    // 7 is no option: a slip to point out, not an "other" text.
    assert!(out.contains("“7” matches no option"), "{out}");
    assert_eq!(answer(&w, "s", "regime"), Some(Answer::Choice("must".into())));
    let mut w = new_walk();
    let (out2, _) = run(&mut w, "\n\n0\n6\n5\n", false);
    assert!(out2.matches("Type a number from 1 to 5.").count() >= 3, "{out2}");
    assert!(out2.contains("“0”") || out2.matches("Type a number from 1 to 5.").count() == 3);
    assert_eq!(answer(&w, "end", "sure"), Some(Answer::Scale(5)));
    let _ = out;
}

#[test]
fn the_other_number_alone_asks_for_its_text() {
    let mut w = new_walk();
    let (out, _) = run(&mut w, "\n3\nmy own words\n", false);
    assert!(out.contains("Other, please say what:"));
    assert_eq!(answer(&w, "s", "regime"), Some(Answer::ChoiceOther("my own words".into())));
}

#[test]
fn reopened_an_empty_line_keeps_and_a_dash_clears_into_the_history() {
    let mut w = new_walk();
    run(&mut w, "Facts\n1\n", false);
    let (out, _) = run(&mut w, "\n-\n", true);
    assert!(out.contains("Current answer: Facts"), "{out}");
    assert!(out.contains("Current answer: Silence"), "{out}");
    assert_eq!(answer(&w, "s", "facts"), Some(Answer::Text("Facts".into())));
    let r = w.trail.record("s", "regime").unwrap();
    assert_eq!(r.answer, None);
    assert_eq!(r.history.len(), 1);
    assert_eq!(r.history[0].answer, Some(Answer::Choice("silence".into())));
}

#[test]
fn end_of_input_stops_with_what_was_answered() {
    let mut w = new_walk();
    let (out, _) = run(&mut w, "Only this", false);
    assert_eq!(answer(&w, "s", "facts"), Some(Answer::Text("Only this".into())));
    assert!(out.ends_with("Regime?\n1) Silence\n2) Must speak\n3) Other: …\nType a number.\n"), "{out:?}");
}

#[test]
fn a_carriage_return_inside_a_line_is_a_line_break_and_crlf_ends_the_line() {
    let mut w = new_walk();
    run(&mut w, "first\rsecond\r\n1\r\n", false);
    assert_eq!(answer(&w, "s", "facts"), Some(Answer::Text("first\nsecond".into())));
    assert_eq!(answer(&w, "s", "regime"), Some(Answer::Choice("silence".into())));
}
