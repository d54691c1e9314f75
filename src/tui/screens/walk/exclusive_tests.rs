//! Exclusive options on the screen: ticking "none of these" unticks the
//! others, and ticking another unticks it.

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
language = "en"
title = "G"
[[steps]]
id = "s"
title = "Duty"
[[steps.questions]]
id = "duty"
kind = "multi"
prompt = "Does a duty apply?"
other = true
options = [
  { id = "child", label = "A child in danger" },
  { id = "mission", label = "A child-welfare mission" },
  { id = "none", label = "None of these", exclusive = true },
]
"#;

fn ticked(h: &Harness) -> Vec<String> {
    match h.walk_screen().walk.answer(At { step: 0, question: 0 }) {
        Some(Answer::Multi { options, .. }) => options.clone(),
        _ => Vec::new(),
    }
}

#[test]
fn ticking_an_exclusive_option_unticks_the_others_and_the_other_way_round() {
    let mut h = Harness::walk_of_grid(GRID, Lang::En, 80, 24);
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Down);
    h.press(KeyCode::Char(' '));
    assert_eq!(ticked(&h), ["child", "mission"]);
    h.press(KeyCode::Down);
    h.press(KeyCode::Char(' '));
    assert_eq!(ticked(&h), ["none"]);
    let screen = h.screen();
    assert!(screen.contains("[ ] A child in danger") && screen.contains("[x] None of these"), "{screen}");
    h.press(KeyCode::Up);
    h.press(KeyCode::Char(' '));
    assert_eq!(ticked(&h), ["mission"]);
    // Typing an "other" text is another answer too.
    h.press(KeyCode::Down);
    h.press(KeyCode::Char(' '));
    assert_eq!(ticked(&h), ["none"]);
    h.press(KeyCode::Down);
    h.type_text("my words");
    assert_eq!(ticked(&h), Vec::<String>::new());
    assert!(matches!(
        h.walk_screen().walk.answer(At { step: 0, question: 0 }),
        Some(Answer::Multi { other: Some(t), .. }) if t == "my words"
    ));
}
