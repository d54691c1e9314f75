use super::*;
use crate::grid::parse as parse_grid;
use crate::trail::Trail;

/// The tests' clock: 1 December 2026, whatever the day they run.
fn clock() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").expect("a valid time")
}

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
hint = "Read it slowly."
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
    Plain { input: input.as_bytes(), out: &mut out, lang: Lang::En, clock, on_change: &mut on_change }
        .run(walk, reopened)
        .unwrap();
    (String::from_utf8(out).unwrap(), saves)
}

fn new_walk() -> Walk {
    let grid = parse_grid(GRID).unwrap();
    let trail = Trail::start(&grid, "T", "abcd2345".into(), clock());
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
fn the_step_line_counts_the_steps_the_answers_show() {
    // "Duty" is hidden by "silence": the last step is the second of two
    // shown, as on the screen's header.
    let mut w = new_walk();
    let (out, _) = run(&mut w, "\nsilence\n\n", false);
    assert!(out.contains("Step 1 of 2: Situation\n"), "{out}");
    assert!(out.contains("Step 2 of 2: End\n"), "{out}");
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

const FORMAT_2: &str = r#"
format = 2
[grid]
id = "g2"
version = "2"
language = "fr"
title = "G2"
[[steps]]
id = "s"
title = "Situation"
[[steps.questions]]
id = "duty"
kind = "multi"
prompt = "Which?"
options = [
  { id = "ip", label = "A child in danger" },
  { id = "none", label = "None of these", exclusive = true },
]
[[steps.questions]]
id = "revisit"
kind = "date"
prompt = "When?"
min_days = 0
max_days = 60
"#;

fn run_in(lang: Lang, walk: &mut Walk, input: &str) -> String {
    let mut out = Vec::new();
    let mut on_change = |_: &Walk| {};
    Plain { input: input.as_bytes(), out: &mut out, lang, clock, on_change: &mut on_change }
        .run(walk, false)
        .unwrap();
    String::from_utf8(out).unwrap()
}

fn format_2_walk() -> Walk {
    let grid = parse_grid(FORMAT_2).unwrap();
    let trail = Trail::start(&grid, "T", "abcd2345".into(), clock());
    Walk::new(grid, trail)
}

fn day(y: i32, m: u32, d: u32) -> Answer {
    Answer::Date(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn an_exclusive_option_with_another_is_a_slip_asked_again() {
    let mut w = format_2_walk();
    let out = run_in(Lang::En, &mut w, "1, 2\nnone, ip\n2\n");
    assert_eq!(out.matches("“None of these” goes with no other answer").count(), 2, "{out}");
    assert!(out.contains("2) None of these (on its own)\n"), "{out}");
    assert_eq!(answer(&w, "s", "duty"), Some(Answer::Multi { options: vec!["none".into()], other: None }));
}

#[test]
fn french_dates_are_typed_as_written_and_checked_against_the_calendar_and_bounds() {
    let mut w = format_2_walk();
    let out = run_in(Lang::Fr, &mut w, "\n31/02/2027\n30/11/2026\n15/03/2027\ndemain\n15/12\n");
    assert!(out.contains("Tapez une date : 15/12/2026, 15/12 (cette année) ou +7"), "{out}");
    assert!(out.contains("Le 31/02/2027 n'existe pas dans le calendrier"), "{out}");
    assert!(
        out.contains("Cette date est trop tôt : choisissez le mardi 1er décembre 2026 ou après."),
        "{out}"
    );
    assert!(
        out.contains("Cette date est trop loin : choisissez le samedi 30 janvier 2027 au plus tard."),
        "{out}"
    );
    assert!(out.contains("« demain » n'est pas une date."), "{out}");
    assert!(out.contains("Date notée : mardi 15 décembre 2026."), "{out}");
    assert_eq!(answer(&w, "s", "revisit"), Some(day(2026, 12, 15)));
}

#[test]
fn english_dates_are_iso_and_plus_days_counts_from_the_clock() {
    let mut w = format_2_walk();
    let out = run_in(Lang::En, &mut w, "\n15/12/2026\n+7\n");
    assert!(out.contains("“15/12/2026” is not a date. Type a date: 2026-12-15, or +7"), "{out}");
    assert!(out.contains("Date taken: Tuesday 8 December 2026."), "{out}");
    assert_eq!(answer(&w, "s", "revisit"), Some(day(2026, 12, 8)));
    let mut w = format_2_walk();
    run_in(Lang::En, &mut w, "\n2027-01-30\n");
    assert_eq!(answer(&w, "s", "revisit"), Some(day(2027, 1, 30)));
}

#[test]
fn a_carriage_return_inside_a_line_is_a_line_break_and_crlf_ends_the_line() {
    let mut w = new_walk();
    run(&mut w, "first\rsecond\r\n1\r\n", false);
    assert_eq!(answer(&w, "s", "facts"), Some(Answer::Text("first\nsecond".into())));
    assert_eq!(answer(&w, "s", "regime"), Some(Answer::Choice("silence".into())));
}

/// Standard output that closes (`| head`) once the first question has been
/// asked: every write after the first flush fails.
struct ClosedAfterFirstQuestion {
    flushed: bool,
}

impl Write for ClosedAfterFirstQuestion {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.flushed {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.flushed = true;
        Ok(())
    }
}

#[test]
fn an_answer_read_is_kept_even_when_output_closes_before_its_warning() {
    let mut w = new_walk();
    let mut on_change = |_: &Walk| {};
    let result = Plain {
        input: "Mme Durand called the school\n".as_bytes(),
        out: ClosedAfterFirstQuestion { flushed: false },
        lang: Lang::En,
        clock,
        on_change: &mut on_change,
    }
    .run(&mut w, false);
    assert!(result.is_err(), "the closed output is said");
    assert_eq!(answer(&w, "s", "facts"), Some(Answer::Text("Mme Durand called the school".into())));
}

#[test]
fn an_important_question_left_unanswered_is_pointed_out_at_the_end() {
    let grid =
        parse_grid(&GRID.replace("prompt = \"Facts?\"", "prompt = \"Facts?\"\nrequired = true")).unwrap();
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "T", "abcd2345".into(), clock()));
    let (out, _) = run(&mut w, "\n1\n", false);
    assert!(out.ends_with("\nOne question marked as important has no answer.\n- Facts?\n"), "{out}");
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "T", "abcd2345".into(), clock()));
    let (out, _) = run(&mut w, "Something\n1\n", false);
    assert!(!out.contains("important has no answer"), "{out}");
}

#[test]
fn a_note_prints_its_hint_under_it() {
    let mut w = new_walk();
    let (out, _) = run(&mut w, "\n2\n", false);
    assert!(out.contains("A note to read.\nRead it slowly.\n"), "{out}");
}

#[test]
fn reopened_a_dash_clears_a_date_into_the_history() {
    let mut w = format_2_walk();
    run_in(Lang::En, &mut w, "\n+7\n");
    assert_eq!(answer(&w, "s", "revisit"), Some(day(2026, 12, 8)));
    let mut out = Vec::new();
    let mut on_change = |_: &Walk| {};
    Plain { input: "\n-\n".as_bytes(), out: &mut out, lang: Lang::En, clock, on_change: &mut on_change }
        .run(&mut w, true)
        .unwrap();
    let r = w.trail.record("s", "revisit").unwrap();
    assert_eq!(r.answer, None, "{}", String::from_utf8_lossy(&out));
    assert_eq!(r.history.len(), 1);
    assert_eq!(r.history[0].answer, Some(day(2026, 12, 8)));
}

/// A multi question with six options and an "other" entry (7).
fn multi_question(exclusive: bool) -> Question {
    let text = format!(
        "format = 2\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"fr\"\ntitle = \"G\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n[[steps.questions]]\nid = \"m\"\nkind = \"multi\"\nprompt = \"Quels supports ?\"\nother = true\noptions = [{{ id = \"mail\", label = \"Courriel\" }}, {{ id = \"phone\", label = \"Téléphone\" }}, {{ id = \"note\", label = \"Note\" }}, {{ id = \"report\", label = \"Rapport\" }}, {{ id = \"file\", label = \"Dossier informatisé\" }}, {{ id = \"meeting\", label = \"Réunion\" }}, {{ id = \"none\", label = \"Aucun\", exclusive = {exclusive} }}]\n"
    );
    parse_grid(&text).unwrap().steps[0].questions[0].clone()
}

fn multi_of(line: &str) -> Result<Line, Misfit> {
    parse(&multi_question(true), line, clock().date_naive(), DateStyle::DayFirst)
}

fn options(ids: &[&str], other: Option<&str>) -> Result<Line, Misfit> {
    Ok(Line::Set(Answer::Multi {
        options: ids.iter().map(|s| s.to_string()).collect(),
        other: other.map(str::to_string),
    }))
}

#[test]
fn numbers_separated_by_spaces_or_commas_are_options_not_an_other_text() {
    assert_eq!(multi_of("2 6"), options(&["phone", "meeting"], None));
    assert_eq!(multi_of("2, 6"), options(&["phone", "meeting"], None));
    assert_eq!(multi_of(" 6,2  5 "), options(&["phone", "file", "meeting"], None));
    assert_eq!(multi_of("phone meeting"), options(&["phone", "meeting"], None));
    assert_eq!(multi_of("2 2"), options(&["phone"], None));
}

#[test]
fn numbers_followed_by_words_are_options_and_the_other_text() {
    assert_eq!(multi_of("2 6 cahier de liaison"), options(&["phone", "meeting"], Some("cahier de liaison")));
    assert_eq!(multi_of("cahier de liaison"), options(&[], Some("cahier de liaison")));
    // The number of "Other" with its words says the same.
    assert_eq!(multi_of("2 8 cahier de liaison"), options(&["phone"], Some("cahier de liaison")));
    // A part between commas that starts with words is the text, with its commas.
    assert_eq!(multi_of("cahier, classeur"), options(&[], Some("cahier, classeur")));
    assert_eq!(multi_of("1, cahier de liaison 2"), options(&["mail"], Some("cahier de liaison 2")));
    // The number of "Other" alone asks for its words.
    assert_eq!(multi_of("2 8"), Ok(Line::AskOther { multi: vec!["phone".into()] }));
}

#[test]
fn a_number_that_is_no_option_is_a_slip_even_among_others() {
    assert_eq!(multi_of("2 9"), Err(Misfit::NotAnOption("9".into())));
    assert_eq!(multi_of("9 cahier"), Err(Misfit::NotAnOption("9".into())));
    // Without an "other" entry, words are a slip too.
    let q = multi_question(false);
    let q = Question { kind: QuestionKind::Multi { options: q.kind.options().to_vec(), other: false }, ..q };
    let line = parse(&q, "2 cahier", clock().date_naive(), DateStyle::DayFirst);
    assert_eq!(line, Err(Misfit::NotAnOption("cahier".into())));
}

#[test]
fn an_exclusive_option_typed_with_others_by_spaces_is_still_a_slip() {
    assert_eq!(multi_of("7 2"), Err(Misfit::Exclusive("Aucun".into())));
    assert_eq!(multi_of("7 cahier"), Err(Misfit::Exclusive("Aucun".into())));
    assert_eq!(multi_of("7"), options(&["none"], None));
}
