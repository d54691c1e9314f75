//! The walkthrough driven with the keys of the contract (PRODUCT.md, "Keys
//! in the walkthrough"), over the real app loop and a `TestBackend`.

use std::io;
use std::time::Instant;

use discern::grid::Answer;
use discern::trail::store::Store;
use discern::tui::saver::Saver;
use discern::tui::testing::{Harness, at};
use ratatui::crossterm::event::{Event, KeyCode};

#[test]
fn the_walk_opens_on_the_first_step_and_tab_reaches_the_first_question() {
    let mut h = Harness::walk_from_file();
    assert_eq!(h.walk_screen().step(), 0);
    assert_eq!(h.focus(), None, "a reading step has no question");
    h.press(KeyCode::Tab);
    assert_eq!(h.focus(), Some(at(1, 0)));
    assert_eq!(h.walk_screen().step(), 1, "the step shown follows the focus");
}

#[test]
fn tab_skips_a_step_hidden_by_a_condition() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab).press(KeyCode::Tab);
    assert_eq!(h.focus(), Some(at(1, 1)));
    h.press(KeyCode::Tab);
    assert_eq!(h.focus(), Some(at(3, 0)), "the duty step is hidden: its question is skipped");
    h.shift_tab();
    assert_eq!(h.focus(), Some(at(1, 1)));
}

#[test]
fn page_down_skips_a_hidden_step_and_focuses_the_first_question() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::PageDown);
    assert_eq!((h.walk_screen().step(), h.focus()), (1, Some(at(1, 0))));
    h.press(KeyCode::PageDown);
    assert_eq!((h.walk_screen().step(), h.focus()), (3, Some(at(3, 0))));
    h.press(KeyCode::PageDown);
    assert_eq!(h.walk_screen().step(), 3, "no step after the last");
    assert!(h.screen().contains("This is the last step."));
    h.press(KeyCode::PageUp).press(KeyCode::PageUp);
    assert_eq!((h.walk_screen().step(), h.focus()), (0, None));
}

#[test]
fn choosing_must_with_space_opens_the_step_at_once() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab).press(KeyCode::Tab);
    assert!(!h.walk_screen().walk().step_shown(2));
    h.press(KeyCode::Down).press(KeyCode::Down).press(KeyCode::Char(' '));
    assert_eq!(h.walk_screen().walk().answer(at(1, 1)), Some(&Answer::Choice("must".into())));
    assert!(h.walk_screen().walk().step_shown(2));
    h.press(KeyCode::Tab);
    assert_eq!(h.focus(), Some(at(2, 0)), "Tab now reaches the step it opened");
    // Enter chooses too: silence hides the step again.
    h.shift_tab().press(KeyCode::Up).press(KeyCode::Up).press(KeyCode::Enter);
    assert!(!h.walk_screen().walk().step_shown(2));
}

#[test]
fn the_highlight_starts_on_the_chosen_option() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab).press(KeyCode::Tab).press(KeyCode::Down).press(KeyCode::Char(' '));
    h.press(KeyCode::Tab).shift_tab();
    assert_eq!(h.walk_screen().highlight(), 1);
}

#[test]
fn typing_then_esc_keeps_the_text_and_goes_to_the_library() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab).type_text("The school asks.\nThe mother does not know.");
    h.press(KeyCode::Esc);
    assert!(h.in_library(), "Esc goes back to the library");
    let files = h.trail_files();
    assert_eq!(files.len(), 1);
    let trail = Store::load(&files[0]).expect("the trail reads back");
    let facts = trail.record("situation", "facts").and_then(|r| r.answer.clone());
    assert_eq!(facts, Some(Answer::Text("The school asks.\nThe mother does not know.".into())));
    assert!(h.screen().contains("School's request"));
    h.press(KeyCode::Char('q'));
    assert!(h.session.finished());
}

#[test]
fn scale_arrows_start_from_the_minimum_and_digits_type_the_value() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::PageDown).press(KeyCode::PageDown).press(KeyCode::Tab);
    let sure = at(3, 1);
    assert_eq!(h.focus(), Some(sure));
    h.press(KeyCode::Right);
    assert_eq!(h.walk_screen().walk().answer(sure), Some(&Answer::Scale(1)), "from min when there was none");
    h.press(KeyCode::Right).press(KeyCode::Right);
    assert_eq!(h.walk_screen().walk().answer(sure), Some(&Answer::Scale(3)));
    h.press(KeyCode::Left);
    assert_eq!(h.walk_screen().walk().answer(sure), Some(&Answer::Scale(2)));
    h.press(KeyCode::Char('5')).press(KeyCode::Right);
    assert_eq!(h.walk_screen().walk().answer(sure), Some(&Answer::Scale(5)), "never past max");
    h.press(KeyCode::Char('1')).press(KeyCode::Left);
    assert_eq!(h.walk_screen().walk().answer(sure), Some(&Answer::Scale(1)), "never below min");
}

#[test]
fn multi_options_toggle_and_keep_the_grid_order() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab)
        .press(KeyCode::Tab)
        .press(KeyCode::Down)
        .press(KeyCode::Down)
        .press(KeyCode::Char(' '));
    h.press(KeyCode::Tab);
    let basis = at(2, 0);
    assert_eq!(h.focus(), Some(basis));
    let multi = |options: &[&str], other: Option<&str>| Answer::Multi {
        options: options.iter().map(|o| o.to_string()).collect(),
        other: other.map(str::to_string),
    };
    h.press(KeyCode::Down).press(KeyCode::Char(' '));
    assert_eq!(h.walk_screen().walk().answer(basis), Some(&multi(&["child"], None)));
    h.press(KeyCode::Up).press(KeyCode::Enter);
    assert_eq!(h.walk_screen().walk().answer(basis), Some(&multi(&["danger", "child"], None)));
    h.press(KeyCode::Char(' '));
    assert_eq!(h.walk_screen().walk().answer(basis), Some(&multi(&["child"], None)));
    // The "Other" entry: chosen with Space, its text typed (spaces included).
    h.press(KeyCode::Down).press(KeyCode::Down).press(KeyCode::Char(' ')).type_text("Court order");
    assert_eq!(h.walk_screen().walk().answer(basis), Some(&multi(&["child"], Some("Court order"))));
    h.press(KeyCode::Enter);
    assert_eq!(h.walk_screen().walk().answer(basis), Some(&multi(&["child"], None)), "Enter unticks it");
}

#[test]
fn the_answers_are_in_the_trail_file_afterwards_with_their_history() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab).type_text("first");
    h.press(KeyCode::Tab).press(KeyCode::Char(' '));
    // Back to the text: a new change after leaving it keeps the old one.
    h.shift_tab().type_text(" and more");
    h.saved();
    let path = h.walk_screen().path().cloned().expect("a file");
    let trail = Store::load(&path).expect("the trail reads back");
    let facts = trail.record("situation", "facts").expect("answered");
    assert_eq!(facts.answer, Some(Answer::Text("first and more".into())));
    assert_eq!(facts.history.len(), 1, "one revision per visit, not per key");
    assert_eq!(facts.history[0].answer, Some(Answer::Text("first".into())));
    let regime = trail.record("situation", "regime").and_then(|r| r.answer.clone());
    assert_eq!(regime, Some(Answer::Choice("silence".into())));
}

#[test]
fn f2_focuses_the_steps_and_enter_goes_there() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::F(2)).press(KeyCode::Down).press(KeyCode::Down);
    h.press(KeyCode::Enter);
    assert_eq!(h.walk_screen().step(), 3, "the hidden step is passed by");
    assert_eq!(h.focus(), Some(at(3, 0)));
    h.press(KeyCode::F(2)).press(KeyCode::Up).press(KeyCode::Esc);
    assert_eq!(h.walk_screen().step(), 3, "Esc leaves the list without moving");
    assert!(!h.in_library());
}

#[test]
fn ctrl_s_saves_now_and_ctrl_c_saves_and_quits() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab).type_text("words");
    h.ctrl('s');
    h.session.settle();
    h.session.tick(Instant::now());
    let path = h.walk_screen().path().cloned().expect("a file");
    let saved =
        |p: &std::path::Path| Store::load(p).ok().and_then(|t| t.record("situation", "facts").cloned());
    assert!(saved(&path).is_some_and(|r| r.answer == Some(Answer::Text("words".into()))));
    h.type_text(" more").ctrl('c');
    assert!(h.session.finished());
    assert!(saved(&path).is_some_and(|r| r.answer == Some(Answer::Text("words more".into()))));
}

#[test]
fn f1_opens_the_help_and_any_key_closes_it() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::F(1));
    assert!(h.screen().contains("Press any key to close the help."));
    h.press(KeyCode::Char('x'));
    assert!(!h.screen().contains("Press any key to close the help."));
    assert_eq!(h.focus(), None, "the key that closed the help did nothing else");
}

#[test]
fn pasted_text_goes_into_the_answer() {
    let mut h = Harness::walk_from_file();
    h.press(KeyCode::Tab);
    h.session.handle(Event::Paste("pasted\r\nlines".into()));
    assert_eq!(h.walk_screen().walk().answer(at(1, 0)), Some(&Answer::Text("pasted\nlines".into())));
}

#[test]
fn a_failed_save_says_why_keeps_the_answers_and_asks_before_leaving() {
    let mut h = Harness::walk_with_saver(|dir| {
        Some(Saver::with_writer(
            dir,
            discern::text::Lang::En,
            Box::new(|_, _| Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device"))),
        ))
    });
    h.press(KeyCode::Tab).type_text("kept in memory");
    h.saved();
    let screen = h.screen();
    assert!(screen.contains("Not saved: no space left on the disk"), "{screen}");
    assert_eq!(h.walk_screen().walk().answer(at(1, 0)), Some(&Answer::Text("kept in memory".into())));
    h.press(KeyCode::Esc);
    assert!(!h.in_library(), "leaving waits while the answers are not saved");
    assert!(h.screen().contains("Esc or Ctrl+C again to leave without saving"));
    h.press(KeyCode::Esc);
    assert!(h.in_library());
    assert!(h.session.app().lost_changes());
}

#[test]
fn an_ephemeral_walk_says_so_writes_nothing_and_esc_leaves() {
    let mut h = Harness::ephemeral();
    assert!(h.screen().contains("Ephemeral: nothing is saved"));
    h.press(KeyCode::Tab).type_text("nothing on disk").ctrl('s');
    h.saved();
    // Esc asks first: the walk would be thrown away.
    h.press(KeyCode::Esc);
    assert!(!h.session.finished());
    assert!(h.screen().contains("This ephemeral walk will not be kept"));
    h.press(KeyCode::Esc);
    assert!(h.session.finished());
    let written: Vec<_> = std::fs::read_dir(h.dir.path()).expect("the data folder").collect();
    assert!(written.is_empty(), "nothing was written: {written:?}");
}

#[test]
fn a_long_answer_and_a_long_grid_redraw_quickly() {
    use std::fmt::Write;
    let mut toml = String::from(
        "format = 1\n[grid]\nid = \"long\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"Long\"\n",
    );
    for s in 0..200 {
        let _ = write!(
            toml,
            "[[steps]]\nid = \"s{s}\"\ntitle = \"Step {s}\"\nguidance = \"Think about it.\"\n\
             [[steps.questions]]\nid = \"q\"\nkind = \"text\"\nprompt = \"Why?\"\n"
        );
    }
    let grid = discern::grid::parse(&toml).expect("a valid grid");
    let trail =
        discern::trail::Trail::start(&grid, "Long", "abcd2345".into(), discern::tui::testing::clock());
    let mut walk = discern::walk::Walk::new(grid, trail);
    let long = "word ".repeat(20_000) + "\n" + &"line\n".repeat(2_000);
    walk.set(at(150, 0), Some(Answer::Text(long)), discern::tui::testing::clock());
    let dir = tempfile::tempdir().expect("a temporary folder");
    let app = discern::tui::App::walk(
        walk,
        None,
        false,
        discern::text::Lang::En,
        discern::tui::theme::Palette::mono(),
        discern::tui::testing::clock,
    );
    let terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("a terminal");
    let runtime = discern::tui::Runtime::new(
        &discern::tui::testing::ctx(dir.path(), discern::text::Lang::En),
        discern::tui::testing::clock,
    );
    let mut session = discern::tui::Session::new(terminal, app, runtime);
    let key = |c| Event::Key(ratatui::crossterm::event::KeyEvent::from(c));
    session.handle(key(KeyCode::F(2)));
    for _ in 0..150 {
        session.handle(key(KeyCode::Down));
    }
    session.handle(key(KeyCode::Enter));
    let started = Instant::now();
    for _ in 0..20 {
        session.handle(key(KeyCode::Char('x')));
        session.draw().expect("draws");
    }
    let per_frame = started.elapsed() / 20;
    // Timed only in an optimised build: an unoptimised one on a busy
    // machine says nothing. This catches work that grows with the text or
    // the grid on every frame (the benchmark measures the real figure).
    if !cfg!(debug_assertions) {
        assert!(per_frame.as_millis() < 150, "{per_frame:?} per key and frame");
    }
}

#[test]
fn every_shipped_grid_can_be_walked_through_at_the_smallest_and_a_common_size() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let library = discern::grid::library::Library::load(dir.path());
    for (_, grid) in library.usable() {
        for (width, height) in [(60, 16), (80, 24)] {
            let trail =
                discern::trail::Trail::start(grid, "T", "abcd2345".into(), discern::tui::testing::clock());
            let walk = discern::walk::Walk::new(grid.clone(), trail);
            let lang = discern::text::Lang::from_locale(&grid.meta.language);
            let app = discern::tui::App::walk(
                walk,
                None,
                false,
                lang,
                discern::tui::theme::Palette::mono(),
                discern::tui::testing::clock,
            );
            let terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
                .expect("a terminal");
            let runtime = discern::tui::Runtime::new(
                &discern::tui::testing::ctx(dir.path(), discern::text::Lang::En),
                discern::tui::testing::clock,
            );
            let mut session = discern::tui::Session::new(terminal, app, runtime);
            let key = |c| Event::Key(ratatui::crossterm::event::KeyEvent::from(c));
            // Every question, answering each option list with its first
            // entry and each text with a few words; then every step with
            // its references.
            for _ in 0..grid.question_count() + 2 {
                session.handle(key(KeyCode::Tab));
                session.handle(key(KeyCode::Char(' ')));
                session.handle(key(KeyCode::Right));
                session.draw().expect("draws");
            }
            for _ in 0..grid.steps.len() + 1 {
                session.handle(key(KeyCode::PageUp));
                session.handle(key(KeyCode::F(3)));
                session.draw().expect("draws");
                session.handle(key(KeyCode::Down));
                session.draw().expect("draws");
            }
            let screen = session.terminal().backend().to_string();
            assert!(screen.contains(&grid.steps[0].title.chars().take(10).collect::<String>()), "{screen}");
        }
    }
}

/// Keys, then nothing, as a terminal left alone: each wait lasts the time
/// the loop asks for, until `done` says what was awaited has happened (or
/// 10 s have passed: `gave_up`); then Ctrl-C ends the loop.
struct Script {
    keys: Vec<Event>,
    done: Box<dyn FnMut() -> bool>,
    deadline: Option<Instant>,
    gave_up: bool,
}

impl discern::tui::Events for Script {
    fn next(&mut self, timeout: std::time::Duration) -> io::Result<Option<Event>> {
        if !self.keys.is_empty() {
            return Ok(Some(self.keys.remove(0)));
        }
        let deadline =
            *self.deadline.get_or_insert_with(|| Instant::now() + std::time::Duration::from_secs(10));
        let finished = (self.done)();
        if !finished && Instant::now() < deadline {
            // No key comes: the loop's own wait, as on a real terminal.
            std::thread::sleep(timeout);
            return Ok(None);
        }
        self.gave_up = !finished;
        let ctrl_c = ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('c'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        );
        Ok(Some(Event::Key(ctrl_c)))
    }
}

#[test]
fn the_real_loop_saves_a_change_by_itself_without_a_key() {
    let mut h = Harness::walk_from_file();
    let path = h.walk_screen().path().cloned().expect("a file");
    let key = |c| Event::Key(ratatui::crossterm::event::KeyEvent::from(c));
    let mut keys = vec![key(KeyCode::Tab)];
    keys.extend("autosaved".chars().map(|c| key(KeyCode::Char(c))));
    let mut script = Script {
        keys,
        done: Box::new(move || {
            std::fs::read_to_string(&path).unwrap_or_default().contains("text = \"autosaved\"")
        }),
        deadline: None,
        gave_up: false,
    };
    discern::tui::event_loop(&mut h.session, &mut script).expect("the loop ends well");
    assert!(!script.gave_up, "the answer never reached the disk without a key");
    assert!(h.session.finished());
}
