use super::*;
use crate::grid::parse;

const GRID: &str = r#"
format = 1
[grid]
id = "g"
version = "1"
language = "en"
title = "G"
outcome = "end.choice"

[[steps]]
id = "intro"
title = "Read me"
guidance = "No question here."

[[steps]]
id = "s"
title = "Situation"
[[steps.questions]]
id = "facts"
kind = "text"
prompt = "Facts?"
required = true
[[steps.questions]]
id = "regime"
kind = "choice"
prompt = "Regime?"
options = [{ id = "silence", label = "Silence" }, { id = "must", label = "Must speak" }]
[[steps.questions]]
id = "why"
kind = "text"
prompt = "Why must you?"
when = { question = "s.regime", is = "must" }

[[steps]]
id = "duty"
title = "The duty"
when = { question = "s.regime", is = "must" }
[[steps.questions]]
id = "basis"
kind = "multi"
prompt = "Basis?"
options = [{ id = "peril", label = "Peril" }, { id = "child", label = "Child" }]
[[steps.questions]]
id = "n"
kind = "note"
prompt = "Think."

[[steps]]
id = "end"
title = "Decision"
[[steps.questions]]
id = "choice"
kind = "choice"
prompt = "Decision?"
options = [{ id = "share", label = "Share" }, { id = "keep", label = "Keep silent" }]
[[steps.questions]]
id = "sure"
kind = "scale"
prompt = "Sure?"
min = 1
max = 5

[[steps]]
id = "pointers"
title = "What your answers point to"
[[steps.questions]]
id = "p_keep"
kind = "note"
prompt = "Silence."
when = { question = "end.choice", is = "keep" }
"#;

fn time(minute: u32) -> Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-29T10:{minute:02}:00+01:00")).unwrap()
}

fn walk() -> Walk {
    let grid = parse(GRID).unwrap();
    let trail = Trail::start(&grid, "T", "abcd2345".into(), time(0));
    Walk::new(grid, trail)
}

fn at(step: usize, question: usize) -> At {
    At { step, question }
}

#[test]
fn tab_from_a_reading_step_goes_to_the_next_question() {
    let w = walk();
    assert_eq!(w.first_step(), 0);
    assert_eq!(w.next_question(0, None), Some(at(1, 0)));
    assert_eq!(w.step_state(0), StepState::Reading);
}

#[test]
fn tab_skips_a_question_and_a_step_hidden_by_a_condition() {
    let w = walk();
    assert_eq!(w.next_question(1, Some(1)), Some(at(3, 0)));
    assert!(!w.step_shown(2));
    assert_eq!(w.next_step(1), Some(3));
    assert_eq!(w.prev_question(3, Some(0)), Some(at(1, 1)));
    assert_eq!(w.step_state(2), StepState::Hidden);
}

#[test]
fn a_choice_that_opens_a_step_shows_it_at_once() {
    let mut w = walk();
    assert!(w.set(at(1, 1), Some(Answer::Choice("must".into())), time(1)));
    assert!(w.step_shown(2));
    assert!(w.question_shown(at(1, 2)));
    assert_eq!(w.next_question(1, Some(1)), Some(at(1, 2)));
    assert_eq!(w.next_question(1, Some(2)), Some(at(2, 0)));
    // The note is shown but takes no answer: Tab passes it.
    assert!(w.question_shown(at(2, 1)));
    assert_eq!(w.next_question(2, Some(0)), Some(at(3, 0)));
    assert_eq!(w.next_step(1), Some(2));
}

#[test]
fn an_answer_hidden_by_a_later_change_is_kept_and_marked_hidden() {
    let mut w = walk();
    w.set(at(1, 1), Some(Answer::Choice("must".into())), time(1));
    w.set(at(2, 0), Some(Answer::Multi { options: vec!["peril".into()], other: None }), time(2));
    w.close_edit();
    w.set(at(1, 1), Some(Answer::Choice("silence".into())), time(3));
    let r = w.trail.record("duty", "basis").unwrap();
    assert!(r.hidden);
    assert!(r.answer.is_some());
    assert!(!w.step_shown(2));
    // And shown again when the condition holds again.
    w.close_edit();
    w.set(at(1, 1), Some(Answer::Choice("must".into())), time(4));
    assert!(!w.trail.record("duty", "basis").unwrap().hidden);
}

#[test]
fn a_changed_answer_keeps_its_earlier_versions() {
    let mut w = walk();
    w.set(at(1, 0), Some(Answer::Text("first".into())), time(1));
    w.close_edit();
    w.set(at(1, 0), Some(Answer::Text("second".into())), time(2));
    w.close_edit();
    w.set(at(1, 0), None, time(3));
    let r = w.trail.record("s", "facts").unwrap();
    assert_eq!(r.answer, None);
    assert_eq!(r.at, time(3));
    assert_eq!(
        r.history,
        vec![
            Revision { at: time(2), answer: Some(Answer::Text("first".into())), given: Some(time(1)) },
            Revision { at: time(3), answer: Some(Answer::Text("second".into())), given: Some(time(2)) },
        ]
    );
}

#[test]
fn typing_in_one_question_amends_without_a_revision_per_key() {
    let mut w = walk();
    for (i, text) in ["a", "ab", "abc"].iter().enumerate() {
        w.set(at(1, 0), Some(Answer::Text(text.to_string())), time(i as u32 + 1));
    }
    let r = w.trail.record("s", "facts").unwrap();
    assert_eq!(r.answer, Some(Answer::Text("abc".into())));
    assert!(r.history.is_empty());
    assert_eq!(w.trail.updated, time(3));
}

#[test]
fn one_option_chosen_over_another_is_kept_even_within_one_visit() {
    let mut w = walk();
    w.set(at(1, 1), Some(Answer::Choice("silence".into())), time(1));
    w.set(at(1, 1), Some(Answer::Choice("must".into())), time(2));
    let r = w.trail.record("s", "regime").unwrap();
    assert_eq!(r.answer, Some(Answer::Choice("must".into())));
    assert_eq!(
        r.history,
        vec![Revision { at: time(2), answer: Some(Answer::Choice("silence".into())), given: Some(time(1)) }]
    );
}

#[test]
fn an_empty_answer_clears_and_an_unchanged_one_is_no_change() {
    let mut w = walk();
    assert!(!w.set(at(1, 0), Some(Answer::Text("  ".into())), time(1)));
    assert!(w.trail.answers.is_empty());
    w.set(at(1, 0), Some(Answer::Text("x".into())), time(1));
    let changes = w.changes;
    assert!(!w.set(at(1, 0), Some(Answer::Text("x".into())), time(2)));
    assert_eq!(w.changes, changes);
}

#[test]
fn step_states_follow_the_answers() {
    let mut w = walk();
    assert_eq!(w.step_state(1), StepState::RequiredMissing);
    w.set(at(1, 1), Some(Answer::Choice("silence".into())), time(1));
    assert_eq!(w.step_state(1), StepState::RequiredMissing);
    w.set(at(1, 0), Some(Answer::Text("x".into())), time(1));
    assert_eq!(w.step_state(1), StepState::Answered);
    w.set(at(3, 1), Some(Answer::Scale(2)), time(1));
    assert_eq!(w.step_state(3), StepState::Partial);
    assert_eq!(w.required_unanswered(), vec![]);
}

#[test]
fn the_outcome_is_the_label_of_the_decision() {
    let mut w = walk();
    assert_eq!(w.trail.outcome_label(), None);
    w.set(at(3, 0), Some(Answer::Choice("keep".into())), time(1));
    assert_eq!(w.trail.outcome_label().as_deref(), Some("Keep silent"));
}

#[test]
fn a_review_reaches_the_answers_that_conditions_hide_and_a_walk_does_not() {
    let mut w = walk();
    w.set(at(1, 1), Some(Answer::Choice("must".into())), time(1));
    w.set(at(2, 0), Some(Answer::Multi { options: vec!["peril".into()], other: None }), time(2));
    w.close_edit();
    w.set(at(1, 1), Some(Answer::Choice("silence".into())), time(3));
    assert_eq!(w.next_step(1), Some(3));
    assert!(!w.hidden_but_kept(at(2, 0)), "a walk does not reach it");
    w.set_reach(Reach::Kept);
    assert!(w.hidden_but_kept(at(2, 0)));
    assert_eq!(w.next_step(1), Some(2), "the hidden step keeps an answer");
    assert_eq!(w.next_question(1, Some(1)), Some(at(2, 0)));
    assert_eq!(w.first_question_in(2), Some(at(2, 0)));
    // The note of the hidden step and the unanswered hidden question are not reached.
    assert_eq!(w.next_question(2, Some(0)), Some(at(3, 0)));
    assert_eq!(w.prev_question(3, Some(0)), Some(at(2, 0)));
    assert!(!w.reaches(at(1, 2)));
}

#[test]
fn an_annotation_is_kept_beside_the_answers_which_do_not_change() {
    let mut w = walk();
    w.set(at(1, 0), Some(Answer::Text("facts".into())), time(1));
    let answers = w.trail.answers.clone();
    let updated = w.trail.updated;
    let changes = w.changes;
    w.annotate(at(1, 0), "C. M.", "To discuss.\nIn supervision.", time(9));
    assert_eq!(w.trail.answers, answers);
    assert_eq!(w.trail.updated, updated, "the last change stays the worker's");
    assert_eq!(w.changes, changes + 1, "a front end knows to save it");
    let notes: Vec<_> = w.annotations(at(1, 0)).collect();
    assert_eq!(notes.len(), 1);
    assert_eq!((notes[0].author.as_str(), notes[0].step.as_str()), ("C. M.", "s"));
    assert_eq!(notes[0].text, "To discuss.\nIn supervision.");
    assert_eq!(w.annotations(at(1, 1)).count(), 0);
}

#[test]
fn answers_are_found_whatever_their_order_in_the_trail_file() {
    let mut w = walk();
    w.set(at(3, 1), Some(Answer::Scale(4)), time(1));
    w.set(at(1, 1), Some(Answer::Choice("must".into())), time(2));
    w.set(at(1, 0), Some(Answer::Text("facts".into())), time(3));
    // Read back as from a file, in the order they were given.
    let reopened = Walk::new(w.grid.clone(), w.trail.clone());
    assert_eq!(reopened.answer(at(3, 1)), Some(&Answer::Scale(4)));
    assert_eq!(reopened.answer(at(1, 0)), Some(&Answer::Text("facts".into())));
    assert!(reopened.step_shown(2));
    // A trail changed from outside the walk is still read right.
    let mut changed = reopened;
    changed.trail.answers.remove(0);
    assert_eq!(changed.answer(at(3, 1)), None);
    assert_eq!(changed.answer(at(1, 1)), Some(&Answer::Choice("must".into())));
    assert!(changed.set(at(3, 1), Some(Answer::Scale(2)), time(4)));
    assert_eq!(changed.answer(at(3, 1)), Some(&Answer::Scale(2)));
}

#[test]
fn tab_stops_on_steps_that_hold_only_notes_and_guidance() {
    let w = walk();
    let stops: Vec<(usize, Option<usize>)> = w.stops().collect();
    assert_eq!(stops, [(0, None), (1, Some(0)), (1, Some(1)), (3, Some(0)), (3, Some(1)), (4, None)]);
    assert_eq!(w.next_stop(3, Some(1)), Some((4, None)));
    assert_eq!(w.next_stop(4, None), None);
    assert_eq!(w.prev_stop(4, None), Some((3, Some(1))));
    assert_eq!(w.prev_stop(1, Some(0)), Some((0, None)));
    assert_eq!(w.next_stop(0, None), Some((1, Some(0))));
}

#[test]
fn the_place_of_a_step_counts_the_shown_steps_and_answers() {
    let mut w = walk();
    assert_eq!(w.step_number(0), (1, 4));
    assert_eq!(w.step_number(3), (3, 4));
    assert_eq!(w.answered_count(), (0, 4));
    w.set(at(1, 1), Some(Answer::Choice("must".into())), time(1));
    assert_eq!(w.step_number(3), (4, 5));
    assert_eq!(w.answered_count(), (1, 6));
}

#[test]
fn a_place_is_named_and_found_again_while_the_walk_reaches_it() {
    let mut w = walk();
    assert_eq!(w.place_name(1, Some(1)), "s.regime");
    assert_eq!(w.place("s.regime"), Some((1, Some(1))));
    assert_eq!(w.place("pointers"), Some((4, None)));
    assert_eq!(w.place("duty.basis"), None, "hidden");
    w.set(at(1, 1), Some(Answer::Choice("must".into())), time(1));
    assert_eq!(w.place("duty.basis"), Some((2, Some(0))));
    assert_eq!(w.place("gone.q"), None);
}

mod exclusive {
    use super::*;

    const GRID: &str = r#"
format = 2
[grid]
id = "g"
version = "2"
language = "en"
title = "G"
[[steps]]
id = "s"
title = "S"
[[steps.questions]]
id = "duty"
kind = "multi"
prompt = "Which?"
other = true
options = [
  { id = "ip", label = "A child in danger" },
  { id = "mission", label = "A child-welfare mission" },
  { id = "none", label = "None of these", exclusive = true },
  { id = "unsure", label = "I don't know", exclusive = true },
]
"#;

    fn multi(options: &[&str], other: Option<&str>) -> Answer {
        Answer::Multi {
            options: options.iter().map(|o| o.to_string()).collect(),
            other: other.map(String::from),
        }
    }

    #[test]
    fn an_exclusive_option_clears_the_others_and_another_clears_it() {
        let grid = parse(GRID).unwrap();
        let q = &grid.steps[0].questions[0];
        let both = multi(&["ip", "mission"], Some("my words"));
        assert_eq!(toggle(q, Some(&both), "none"), multi(&["none"], None));
        let none = multi(&["none"], None);
        assert_eq!(toggle(q, Some(&none), "unsure"), multi(&["unsure"], None));
        assert_eq!(toggle(q, Some(&none), "mission"), multi(&["mission"], None));
        assert_eq!(toggle(q, Some(&none), "none"), multi(&[], None));
        // Ordinary options still add up, in the grid's order.
        assert_eq!(toggle(q, Some(&multi(&["mission"], None)), "ip"), multi(&["ip", "mission"], None));
        // Typing an "other" text is choosing another answer too.
        assert_eq!(with_other(q, Some(&none), Some("x".into())), multi(&[], Some("x")));
        assert_eq!(with_other(q, Some(&multi(&["ip"], None)), Some("x".into())), multi(&["ip"], Some("x")));
    }
}

/// A trail whose answers the grid no longer takes (edited, or the grid
/// changed): the scale at 9 on a 1–5 scale, a decision "wait" the grid
/// does not offer, an outcome naming a question the grid lacks.
fn walk_with_misfits() -> Walk {
    let mut w = walk();
    w.set(at(3, 0), Some(Answer::Choice("keep".into())), time(1));
    w.close_edit();
    w.set(at(3, 1), Some(Answer::Scale(4)), time(2));
    w.close_edit();
    let mut trail = w.trail;
    for record in &mut trail.answers {
        record.answer = match record.question.as_str() {
            "choice" => {
                record.options.push(("wait".into(), "Wait and see".into()));
                Some(Answer::Choice("wait".into()))
            }
            _ => Some(Answer::Scale(9)),
        };
    }
    trail.grid.outcome = Some("gone.question".into());
    Walk::new(parse(GRID).unwrap(), trail)
}

#[test]
fn answers_that_do_not_fit_the_grid_are_set_aside_not_used() {
    let w = walk_with_misfits();
    assert_eq!(w.answer(at(3, 1)), None, "9 is out of 1–5");
    assert_eq!(
        w.set_aside(at(3, 1)),
        Some((&Answer::Scale(9), Misfit::OutOfScale { value: 9, min: 1, max: 5 }))
    );
    assert_eq!(w.answer(at(3, 0)), None);
    assert_eq!(w.set_aside(at(3, 0)).map(|(_, m)| m), Some(Misfit::NotOffered(vec!["wait".into()])));
    // Neither counts as answered, nor meets a condition.
    assert_eq!(w.answered_count().0, 0);
    assert_eq!(w.step_state(3), StepState::Unanswered);
    // Nothing lost: the stored values stay in the trail.
    assert_eq!(w.trail.record("end", "sure").unwrap().answer, Some(Answer::Scale(9)));
    assert_eq!(w.trail.record("end", "choice").unwrap().answer, Some(Answer::Choice("wait".into())));
    // The outcome is the grid's own again, and no outcome is given.
    assert_eq!(w.trail.grid.outcome.as_deref(), Some("end.choice"));
    assert_eq!(w.outcome_label(), None);
}

#[test]
fn answering_again_puts_the_set_aside_answer_in_the_history() {
    let mut w = walk_with_misfits();
    assert!(w.set(at(3, 1), Some(Answer::Scale(3)), time(5)));
    assert_eq!(w.answer(at(3, 1)), Some(&Answer::Scale(3)));
    assert_eq!(w.set_aside(at(3, 1)), None);
    let record = w.trail.record("end", "sure").unwrap();
    assert_eq!(record.history.last().map(|r| r.answer.clone()), Some(Some(Answer::Scale(9))));
    assert!(w.set(at(3, 0), Some(Answer::Choice("keep".into())), time(6)));
    assert_eq!(w.outcome_label().as_deref(), Some("Keep silent"));
    assert!(w.question_shown(at(4, 0)), "the kept-silent note shows once answered again");
}

#[test]
fn a_fitting_answer_is_never_set_aside() {
    let grid = parse(GRID).unwrap();
    for (s, step) in grid.steps.iter().enumerate() {
        for (q, question) in step.questions.iter().enumerate() {
            let answer = match &question.kind {
                QuestionKind::Text => Answer::Text("x".into()),
                QuestionKind::Choice { options, .. } => Answer::Choice(options[0].id.clone()),
                QuestionKind::Multi { options, .. } => {
                    Answer::Multi { options: options.iter().map(|o| o.id.clone()).collect(), other: None }
                }
                QuestionKind::Scale(scale) => Answer::Scale(scale.max),
                _ => continue,
            };
            assert_eq!(misfit(question, &answer), None, "{s}.{q}");
            assert_eq!(misfit(question, &Answer::Date(chrono::NaiveDate::MIN)), Some(Misfit::OtherKind));
        }
    }
}

#[test]
fn an_outcome_a_condition_now_hides_gives_no_outcome_and_is_kept() {
    // GRID-FORMAT.md: a question that is not shown counts as unanswered.
    let grid = parse(
        r#"
format = 1
[grid]
id = "g"
version = "1"
language = "en"
title = "G"
outcome = "d.c"
[[steps]]
id = "s"
title = "S"
[[steps.questions]]
id = "go"
kind = "choice"
prompt = "Go on?"
options = [{ id = "yes", label = "Yes" }, { id = "no", label = "No" }]
[[steps]]
id = "d"
title = "D"
when = { question = "s.go", is = "yes" }
[[steps.questions]]
id = "c"
kind = "choice"
prompt = "Decide"
options = [{ id = "a", label = "Alpha" }, { id = "b", label = "Beta" }]
"#,
    )
    .unwrap();
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "T", "abcd2345".into(), time(0)));
    w.set(at(0, 0), Some(Answer::Choice("yes".into())), time(1));
    w.set(at(1, 0), Some(Answer::Choice("a".into())), time(2));
    assert_eq!(w.outcome_label().as_deref(), Some("Alpha"));
    w.set(at(0, 0), Some(Answer::Choice("no".into())), time(3));
    assert_eq!(w.outcome_label(), None);
    assert_eq!(w.trail.outcome_label(), None, "the trail alone says so too (lists, JSON)");
    assert_eq!(w.trail.record("d", "c").unwrap().answer, Some(Answer::Choice("a".into())));
}
