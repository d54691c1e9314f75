//! A colleague's grid or a participant's trail with bidirectional controls
//! (U+202E flips the text that follows, U+2066 opens an isolate) in every
//! text: on the full screen, as on the command line, they are shown as
//! `<U+202E>` and never reach the terminal. Each screen that draws grid or
//! trail text is looked at: the walk (header, steps list, guidance,
//! prompts, hints, options, references, scale labels), the list of steps,
//! the review, the end screen, the library's rows, the grid picker, the
//! pager.

use std::path::Path;

use discern::grid::Answer;
use discern::text::Lang;
use discern::trail::Trail;
use discern::trail::store::Store;
use discern::tui::runtime::app::App;
use discern::tui::testing::{GRID_EN, Harness, at, clock};
use discern::tui::theme::Palette;
use discern::walk::Walk;
use ratatui::crossterm::event::KeyCode;

const FLIP: &str = "\u{202E}";
const ISOLATE: &str = "\u{2066}";

/// The test grid with both controls at the start of every text a person
/// reads.
fn hostile_grid_toml() -> String {
    let mut toml = GRID_EN.to_string();
    for key in ["title", "summary", "prompt", "hint", "label", "text", "guidance"] {
        toml = toml.replace(&format!("{key} = \""), &format!("{key} = \"\\u202E\\u2066"));
    }
    toml.replace("guidance = \"\\u202E\\u2066\"\"\n", "guidance = \"\"\"\n\\u202E\\u2066")
}

fn hostile_grid() -> discern::grid::Grid {
    discern::grid::parse(&hostile_grid_toml()).expect("the hostile grid is valid")
}

/// A trail of the hostile grid, its title and answers hostile too.
fn hostile_trail() -> Walk {
    let grid = hostile_grid();
    let trail = Trail::start(&grid, &format!("School {FLIP}request"), "abcd2345".into(), clock());
    let mut walk = Walk::new(grid, trail);
    walk.set(at(1, 0), Some(Answer::Text(format!("The facts {FLIP}reversed"))), clock());
    walk.close_edit();
    walk.set(at(1, 1), Some(Answer::Choice("may".into())), clock());
    walk.close_edit();
    walk.set(at(3, 0), Some(Answer::ChoiceOther(format!("Other {ISOLATE}text"))), clock());
    walk.close_edit();
    walk
}

/// The screen shows the controls as signs, and holds none of them.
fn assert_visible(what: &str, screen: &str) {
    assert!(
        !screen.contains(FLIP) && !screen.contains(ISOLATE),
        "{what}: a control reaches the terminal:\n{screen}"
    );
    assert!(screen.contains("<U+202E><U+2066>"), "{what}: the controls are shown:\n{screen}");
}

fn saved_walk(dir: &Path, walk: Walk) -> App {
    let store = Store::new(dir);
    let path = store.path_for(&walk.trail);
    store.save(&walk.trail, &path).expect("the trail is saved");
    App::walk(walk, Some(path), false, Lang::En, Palette::mono(), clock)
}

#[test]
fn the_walk_shows_bidi_controls_of_a_grid_and_a_trail_as_signs() {
    let mut h = Harness::new(|dir| saved_walk(dir, hostile_trail()), Lang::En, 120, 40);
    let screen = h.screen();
    assert_visible("walk, first step", &screen);
    assert!(screen.contains("School <U+202E>request"), "the header: {screen}");
    h.press(KeyCode::F(3));
    let screen = h.screen();
    assert_visible("references", &screen);
    assert!(screen.contains("<U+202E><U+2066>Penal code"), "a reference's label: {screen}");
    h.press(KeyCode::PageDown);
    let screen = h.screen();
    assert_visible("the situation", &screen);
    for seen in [
        "<U+202E><U+2066>What is happening",
        "<U+202E><U+2066>The law allows me",
        "<U+202E><U+2066>The situation",
    ] {
        assert!(screen.contains(seen), "{seen}: {screen}");
    }
    // The answer in its editor is the text being edited: the control is
    // kept in the answer, and only kept from the terminal.
    assert!(screen.contains("The facts reversed"), "{screen}");
    h.press(KeyCode::F(2));
    assert_visible("the list of steps", &h.screen());
    h.press(KeyCode::Esc);
    h.press(KeyCode::PageDown).press(KeyCode::PageDown).press(KeyCode::Tab);
    let screen = h.screen();
    assert_visible("the decision", &screen);
    assert!(screen.contains("Other <U+2066>text"), "an other text: {screen}");
    assert!(screen.contains("<U+202E><U+2066>not at all"), "a scale's label: {screen}");
}

#[test]
fn the_end_screen_and_the_review_show_bidi_controls_as_signs() {
    let mut h = Harness::new(|dir| saved_walk(dir, hostile_trail()), Lang::En, 120, 40);
    for _ in 0..12 {
        h.press(KeyCode::Tab);
    }
    let screen = h.screen();
    assert!(h.walk_screen().walk().trail.answers.len() >= 3);
    assert_visible("end screen", &screen);

    let review = discern::tui::access::Access::Review { can_save: true };
    let mut h = Harness::new(
        |dir| saved_walk(dir, hostile_trail()).with_access(review, Some("A. B.".into())),
        Lang::En,
        120,
        40,
    );
    h.press(KeyCode::PageDown);
    let screen = h.screen();
    assert_visible("review", &screen);
    assert!(screen.contains("The facts <U+202E>reversed"), "{screen}");
}

#[test]
fn the_library_and_its_grid_picker_show_bidi_controls_as_signs() {
    let mut h = Harness::library(Lang::En, 120, 30, |dir| {
        let grids = discern::paths::grids_dir(dir);
        std::fs::create_dir_all(&grids).unwrap();
        std::fs::write(grids.join("test-grid.en.toml"), hostile_grid_toml()).unwrap();
        let mut walk = hostile_trail();
        walk.set(at(3, 0), Some(Answer::Choice("share".into())), clock());
        walk.close_edit();
        let store = Store::new(dir);
        store.save(&walk.trail, &store.path_for(&walk.trail)).unwrap();
    });
    let screen = h.screen();
    assert_visible("library", &screen);
    assert!(screen.contains("School <U+202E>request"), "{screen}");
    h.press(KeyCode::Char('n'));
    let screen = h.screen();
    assert_visible("grid picker", &screen);
    assert!(screen.contains("<U+202E><U+2066>Keep silent"), "{screen}");
    h.press(KeyCode::Esc).press(KeyCode::Char('d'));
    let screen = h.screen();
    assert_visible("the question before deleting", &screen);
    assert!(screen.contains("School <U+202E>request"), "{screen}");
}

#[test]
fn the_pager_shows_bidi_controls_as_signs() {
    let title = format!("Comparison: {FLIP}{ISOLATE}grid");
    let text = format!("# Comparison\n\n**{FLIP}{ISOLATE}What is happening?**\n\n- 1. {FLIP}{ISOLATE}yes\n");
    let mut h = Harness::pager(Lang::En, 100, 30, &title, &text);
    assert_visible("pager", &h.screen());
}
