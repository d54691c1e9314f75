//! Review and read-only trails, driven with their keys over the real app
//! loop and a `TestBackend`: annotations are dated, signed and kept beside
//! the answers, which never change; a trail open in another window is read
//! and never written.

use std::path::Path;

use discern::config::Config;
use discern::grid::Answer;
use discern::trail::store::Store;
use discern::tui::access::Access;
use discern::tui::testing::{Harness, at, clock, save_answered_trail, save_trail};
use ratatui::crossterm::event::KeyCode;

fn signed(author: &str) -> Config {
    Config { author: Some(author.to_string()), ..Config::default() }
}

/// Everything in the file before its annotations: the trail's heading and
/// every answer with its history.
/// A trail file's text before its annotations and its end table.
fn before_annotations(text: &str) -> &str {
    let text = text.split("[[annotations]]").next().unwrap_or(text);
    text.split("\n[end]\n").next().unwrap_or(text).trim_end()
}

/// The files of the sessions folder, hidden ones included (temporary
/// files, locks), with their bytes; but the library's index, which the
/// library keeps up to date whenever it lists the trails.
fn folder(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(discern::paths::sessions_dir(dir))
        .expect("the sessions folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() != ".index.json")
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_default()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_review_adds_a_signed_dated_annotation_and_leaves_every_answer_as_it_was() {
    let mut h = Harness::review_file(save_answered_trail, true, signed("C. M."));
    let path = h.trail_path();
    let before = std::fs::read_to_string(&path).expect("the trail file");
    h.press(KeyCode::Tab);
    assert_eq!(h.focus(), Some(at(1, 0)));
    h.press(KeyCode::Char('a'));
    h.type_text("The facts are precise.");
    h.alt(KeyCode::Enter);
    h.type_text("Ask where the request comes from.");
    h.press(KeyCode::Enter);
    h.saved();

    let after = std::fs::read_to_string(&path).expect("the trail file");
    assert_eq!(
        before_annotations(&after),
        before_annotations(&before),
        "the answers are byte for byte the same"
    );
    let trail = Store::load(&path).expect("the trail reads back");
    assert_eq!(trail.annotations.len(), 1);
    let annotation = &trail.annotations[0];
    assert_eq!(annotation.author, "C. M.");
    assert_eq!(annotation.at, clock());
    assert_eq!((annotation.step.as_str(), annotation.question.as_str()), ("situation", "facts"));
    assert_eq!(annotation.text, "The facts are precise.\nAsk where the request comes from.");
    let facts = trail.record("situation", "facts").expect("answered");
    assert_eq!(facts.answer, Some(Answer::Text("The school asks.\nThe mother does not know.".into())));
    assert_eq!(facts.history.len(), 1);
    // Shown under the answer it concerns.
    let screen = h.screen();
    assert!(screen.contains("Annotation by C. M., 2026-11-29 10:00"), "{screen}");
    assert!(screen.contains("The facts are precise."), "{screen}");
    assert!(screen.contains("✓ Saved"), "{screen}");
}

#[test]
fn a_review_shows_how_each_answer_changed() {
    let mut h = Harness::review_file(save_answered_trail, true, signed("C. M."));
    h.press(KeyCode::Tab);
    let screen = h.screen();
    assert!(screen.contains("changed 2026-11-28 09:03; before: The school"), "{screen}");
    h.press(KeyCode::Tab);
    assert!(h.screen().contains("answered 2026-11-28 09:02"), "the choice was given once");
}

#[test]
fn keys_that_would_change_an_answer_do_nothing_and_the_footer_says_read_only() {
    let mut h = Harness::review_file(save_answered_trail, true, signed("C. M."));
    let path = h.trail_path();
    let before = std::fs::read(&path).expect("the trail file");
    h.press(KeyCode::Tab).type_text("typed").press(KeyCode::Backspace).press(KeyCode::Delete);
    h.press(KeyCode::Tab).press(KeyCode::Char(' ')).press(KeyCode::Enter).press(KeyCode::Char('3'));
    h.press(KeyCode::PageDown).press(KeyCode::PageDown).press(KeyCode::Tab).press(KeyCode::Right);
    h.ctrl('s');
    h.saved();
    let screen = h.screen();
    assert!(screen.lines().last().is_some_and(|l| l.contains("Read-only")), "{screen}");
    h.press(KeyCode::Esc);
    assert!(h.in_library());
    assert_eq!(std::fs::read(&path).expect("the trail file"), before, "nothing was written");
}

#[test]
fn esc_cancels_an_annotation_and_an_empty_one_is_not_saved() {
    let mut h = Harness::review_file(save_answered_trail, true, signed("C. M."));
    let path = h.trail_path();
    h.press(KeyCode::Tab).press(KeyCode::Char('a')).type_text("Second thoughts").press(KeyCode::Esc);
    assert!(!h.in_library(), "Esc closed the box, not the review");
    h.press(KeyCode::Char('a')).press(KeyCode::Enter);
    assert!(h.screen().contains("Write the annotation, or Esc to cancel."));
    h.press(KeyCode::Esc);
    h.saved();
    assert!(Store::load(&path).expect("reads back").annotations.is_empty());
}

#[test]
fn ctrl_c_in_the_annotation_box_keeps_what_was_written() {
    let mut h = Harness::review_file(save_answered_trail, true, signed("C. M."));
    let path = h.trail_path();
    h.press(KeyCode::Tab).press(KeyCode::Char('a')).type_text("Kept on the way out").ctrl('c');
    assert!(h.session.finished());
    h.session.settle();
    let trail = Store::load(&path).expect("reads back");
    assert_eq!(
        trail.annotations.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
        ["Kept on the way out"]
    );
}

#[test]
fn without_a_name_the_first_annotation_asks_for_one_and_keeps_it_in_the_config_file() {
    let config_dir = tempfile::tempdir().expect("a temporary folder");
    let config_path = config_dir.path().join("config.toml");
    std::fs::write(&config_path, "language = \"en\"\n").expect("a config file");
    let config = Config { path: config_path.clone(), ..Config::default() };
    let mut h = Harness::review_file(save_answered_trail, true, config);
    let path = h.trail_path();
    h.press(KeyCode::Tab).press(KeyCode::Char('a'));
    assert!(h.screen().contains("Your name, to sign"));
    h.press(KeyCode::Enter);
    assert!(h.screen().contains("Give a name, even a short one."), "an empty name is explained");
    h.type_text("C. M.").press(KeyCode::Enter);
    let (saved, _) = Config::load(&config_path);
    assert_eq!(saved.author.as_deref(), Some("C. M."));
    assert_eq!(saved.language, Some(discern::text::Lang::En), "the rest of the file is kept");
    assert!(h.screen().contains("Name saved for next time."));
    h.type_text("First note").press(KeyCode::Enter);
    h.press(KeyCode::Tab).press(KeyCode::Char('a'));
    assert!(!h.screen().contains("Your name, to sign"), "asked once");
    h.type_text("Second note").press(KeyCode::Enter);
    h.saved();
    let trail = Store::load(&path).expect("reads back");
    let notes: Vec<(&str, &str)> =
        trail.annotations.iter().map(|a| (a.author.as_str(), a.text.as_str())).collect();
    assert_eq!(notes, [("C. M.", "First note"), ("C. M.", "Second note")]);
    assert_eq!(trail.annotations[1].question, "regime");
}

#[test]
fn a_name_that_cannot_be_saved_is_kept_for_the_session_and_the_box_says_so() {
    let config_dir = tempfile::tempdir().expect("a temporary folder");
    // A file where the config's folder should be: the config cannot be written.
    let blocker = config_dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").expect("a file");
    let config = Config { path: blocker.join("config.toml"), ..Config::default() };
    let mut h = Harness::library_with_grid_and(
        |dir| {
            save_answered_trail(dir);
        },
        config,
    );
    h.press(KeyCode::Char('v'));
    assert_eq!(h.walk_screen().access(), Access::Review { can_save: true });
    h.press(KeyCode::Tab).press(KeyCode::Char('a')).type_text("C. M.").press(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("This name could not be saved"), "{screen}");
    assert!(screen.contains("session only"), "{screen}");
    h.type_text("Noted").press(KeyCode::Enter);
    h.saved();
    let path = h.trail_path();
    assert_eq!(Store::load(&path).expect("reads back").annotations[0].author, "C. M.");
    // Back in the library and in review again: the name is still known.
    h.press(KeyCode::Esc).press(KeyCode::Char('v')).press(KeyCode::Tab).press(KeyCode::Char('a'));
    assert!(!h.screen().contains("Your name, to sign"));
}

#[test]
fn a_review_of_a_trail_open_elsewhere_shows_it_and_never_writes() {
    let mut h = Harness::review_file(save_answered_trail, false, signed("C. M."));
    let _elsewhere = Store::lock(&h.trail_path()).expect("locked by the other window");
    let before = folder(h.dir.path());
    let screen = h.screen();
    assert!(screen.contains("Open in another window: read-only"), "{screen}");
    h.press(KeyCode::Tab).press(KeyCode::Char('a'));
    let notice = h.walk_screen().notice().map(str::to_string);
    assert_eq!(notice.as_deref(), Some("To annotate, close the trail in the other window first."));
    assert!(!h.box_open(), "no box opens");
    h.type_text("x").ctrl('s');
    h.saved();
    h.press(KeyCode::Esc);
    assert!(h.in_library());
    h.ctrl('c');
    h.session.settle();
    assert_eq!(folder(h.dir.path()), before, "nothing was written");
}

#[test]
fn a_read_only_walk_says_why_and_writes_nothing_even_on_ctrl_c() {
    let mut h = Harness::read_only();
    let before = folder(h.dir.path());
    let screen = h.screen();
    assert!(screen.contains("Open in another window: read-only"), "{screen}");
    h.press(KeyCode::Tab).type_text("no change").press(KeyCode::Tab).press(KeyCode::Char(' '));
    assert!(h.screen().contains("The answers cannot be changed here."));
    assert_eq!(h.walk_screen().walk().changes, 0);
    h.press(KeyCode::Char('a'));
    assert!(!h.box_open() && !h.walk_screen().is_review(), "no annotation box in a read-only walk");
    h.ctrl('c');
    assert!(h.session.finished());
    h.session.settle();
    assert_eq!(folder(h.dir.path()), before, "nothing was written");
}

#[test]
fn in_the_library_v_opens_a_review_and_esc_comes_back_with_the_lock_let_go() {
    let mut h = Harness::library_with_grid_and(
        |dir| {
            save_trail(dir, "To review", "aaaa2345");
        },
        signed("C. M."),
    );
    let path = h.trail_files()[0].clone();
    h.press(KeyCode::Char('v'));
    assert_eq!(h.walk_screen().access(), Access::Review { can_save: true });
    assert!(h.screen().contains("Review: To review"));
    assert!(Store::lock(&path).is_err(), "the review holds the lock");
    h.press(KeyCode::Esc);
    assert!(h.in_library());
    assert!(Store::lock(&path).is_ok(), "the lock went with the review");
}

#[test]
fn in_the_library_v_on_a_trail_open_elsewhere_reviews_it_without_saving() {
    let mut h = Harness::library_with_grid_and(
        |dir| {
            save_trail(dir, "Busy", "aaaa2345");
        },
        signed("C. M."),
    );
    let path = h.trail_files()[0].clone();
    let _elsewhere = Store::lock(&path).expect("locked");
    h.press(KeyCode::Char('v'));
    assert_eq!(h.walk_screen().access(), Access::Review { can_save: false });
}
