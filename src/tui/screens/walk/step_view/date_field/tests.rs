//! The date field as a person sees it: typed as one writes a date, with the
//! date in words beside it, and what is wrong when it is not a date.

use ratatui::crossterm::event::KeyCode;

use crate::grid::Answer;
use crate::text::Lang;
use crate::tui::testing::Harness;
use crate::walk::At;

const GRID: &str = r#"
format = 2
[grid]
id = "g"
version = "2"
language = "fr"
title = "G"
[[steps]]
id = "decision"
title = "Décision"
[[steps.questions]]
id = "revisit"
kind = "date"
prompt = "Quand reviendrez-vous sur cette décision ?"
min_days = 0
[[steps.questions]]
id = "why"
kind = "text"
prompt = "Pourquoi ?"
"#;

fn harness(lang: Lang) -> Harness {
    Harness::walk_of_grid(GRID, lang, 80, 24)
}

fn revisit(h: &Harness) -> Option<Answer> {
    h.walk_screen().walk.answer(At { step: 0, question: 0 }).cloned()
}

fn day(y: i32, m: u32, d: u32) -> Answer {
    Answer::Date(chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real day"))
}

/// The screen's row that holds the field.
fn field_row(h: &mut Harness) -> String {
    let screen = h.screen();
    screen.lines().find(|l| l.contains('[') && l.contains(']')).expect("the date field").to_string()
}

#[test]
fn a_french_date_is_typed_as_written_and_shown_in_words_beside_it() {
    let mut h = harness(Lang::Fr);
    assert!(field_row(&mut h).contains("15/12/2026, 15/12 ou +7"), "how to type it, while empty");
    h.type_text("15/12/2026");
    let row = field_row(&mut h);
    assert!(row.contains("[15/12/2026") && row.contains("mardi 15 décembre 2026"), "{row}");
    assert_eq!(revisit(&h), Some(day(2026, 12, 15)));
    insta::assert_snapshot!("date_field_fr_80x24", h.screen());
}

#[test]
fn a_slip_is_explained_beside_the_field_and_keeps_the_date_given_before() {
    let mut h = harness(Lang::Fr);
    h.type_text("15/12");
    assert_eq!(revisit(&h), Some(day(2026, 12, 15)), "day and month: this year");
    h.type_text("/20");
    let row = field_row(&mut h);
    assert!(row.contains("trop tôt : dès le 29/11/2026"), "{row}");
    assert_eq!(revisit(&h), Some(day(2026, 12, 15)), "the slip does not replace the answer");
    for _ in 0..3 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("/31/02");
    assert!(field_row(&mut h).contains("pas une date"));
    for _ in 0.."15/12/31/02".len() {
        h.press(KeyCode::Backspace);
    }
    assert_eq!(revisit(&h), None, "an emptied field clears the answer");
}

#[test]
fn an_english_date_is_iso_and_plus_days_count_from_the_clock_and_enter_goes_on() {
    let mut h = harness(Lang::En);
    h.type_text("+16");
    assert!(field_row(&mut h).contains("Tuesday 15 December 2026"));
    assert_eq!(revisit(&h), Some(day(2026, 12, 15)));
    h.press(KeyCode::Enter);
    assert_eq!(h.walk_screen().focus, Some(At { step: 0, question: 1 }));
    // Away from the field, the date is shown as the language writes it.
    let row = field_row(&mut h);
    assert!(row.contains("[2026-12-15") && row.contains("Tuesday 15 December 2026"), "{row}");
    h.press(KeyCode::BackTab);
    h.press(KeyCode::Backspace);
    h.press(KeyCode::Backspace);
    assert!(field_row(&mut h).contains("not a date"));
    assert_eq!(revisit(&h), Some(day(2026, 12, 1)), "2026-12-1 was a day; 2026-12- is none: it stays");
}
