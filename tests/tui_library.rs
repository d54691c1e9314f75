//! The library driven with its keys (↑ ↓, Enter, n, /, r, e, d, F1, q),
//! over the real app loop, the real store and a `TestBackend`.

use discern::grid::Answer;
use discern::trail::store::Store;
use discern::trail::{Trail, to_toml};
use discern::tui::screens::Screen;
use discern::tui::testing::{Harness, at, clock, grid, save_trail};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn a_first_time_user_is_told_to_press_n() {
    let mut h = Harness::library_with_grid(|_| {});
    let screen = h.screen();
    assert!(screen.contains("Welcome to discern."), "{screen}");
    assert!(screen.contains("Press n to start a trail."));
    h.press(KeyCode::Char('q'));
    assert!(h.session.finished());
}

#[test]
fn a_new_trail_is_started_from_a_grid_and_a_title_and_saved_at_once() {
    let mut h = Harness::library_with_grid(|_| {});
    h.press(KeyCode::Char('n'));
    let screen = h.screen();
    assert!(screen.contains("Choose a grid"), "{screen}");
    h.press(KeyCode::Enter);
    assert!(h.screen().contains("No names: pseudonyms or initials."));
    h.press(KeyCode::Enter);
    assert!(h.screen().contains("Give it a title"), "an empty title is explained, not taken");
    h.type_text("School, A.").press(KeyCode::Enter);
    assert!(h.session.app().walk_screen().is_some(), "the walk opens");
    let files = h.trail_files();
    assert_eq!(files.len(), 1, "saved at once");
    let trail = Store::load(&files[0]).expect("the new trail reads back");
    assert_eq!(trail.title, "School, A.");
    assert_eq!(h.walk_screen().path(), Some(&files[0]));
    h.press(KeyCode::Esc);
    assert!(h.in_library());
    assert!(h.screen().contains("School, A."));
}

#[test]
fn esc_in_the_picker_or_the_title_box_cancels() {
    let mut h = Harness::library_with_grid(|_| {});
    h.press(KeyCode::Char('n')).press(KeyCode::Esc);
    assert!(!h.screen().contains("Choose a grid"));
    h.press(KeyCode::Char('n')).press(KeyCode::Enter).type_text("abc").press(KeyCode::Esc);
    assert!(h.trail_files().is_empty());
    assert!(h.in_library());
}

#[test]
fn enter_opens_the_selected_trail_and_esc_comes_back() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "First", "aaaa2345");
    });
    h.press(KeyCode::Enter);
    let walk = h.walk_screen();
    assert_eq!(walk.walk().trail.title, "First");
    assert_eq!(walk.step(), 0);
    h.press(KeyCode::Esc);
    assert!(h.in_library());
}

#[test]
fn the_filter_keeps_what_matches_as_you_type_and_esc_clears_it() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "School request", "aaaa2345");
        save_trail(dir, "Judge call", "bbbb2345");
    });
    h.press(KeyCode::Char('/')).type_text("jud");
    let screen = h.screen();
    assert!(screen.contains("Judge call") && !screen.contains("School request"), "{screen}");
    h.press(KeyCode::Enter).press(KeyCode::Enter);
    assert_eq!(h.walk_screen().walk().trail.title, "Judge call", "Enter keeps the filter, then opens");
    h.press(KeyCode::Esc).press(KeyCode::Char('/')).type_text("x").press(KeyCode::Esc);
    let screen = h.screen();
    assert!(screen.contains("Judge call") && screen.contains("School request"), "{screen}");
}

#[test]
fn rename_saves_the_new_title_to_the_same_file() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "Old title", "aaaa2345");
    });
    let path = h.trail_files()[0].clone();
    h.press(KeyCode::Char('r'));
    for _ in 0.."Old title".len() {
        h.press(KeyCode::Backspace);
    }
    h.type_text("New title").press(KeyCode::Enter);
    assert_eq!(h.trail_files(), vec![path.clone()]);
    assert_eq!(Store::load(&path).expect("reads back").title, "New title");
    assert!(h.screen().contains("Renamed to “New title”."));
}

#[test]
fn export_writes_a_new_private_markdown_file_each_time() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "To export", "aaaa2345");
    });
    h.press(KeyCode::Char('e'));
    let exports = h.dir.path().join("exports");
    let first = exports.join("aaaa2345-1.md");
    assert!(first.is_file());
    assert!(h.screen().contains("Exported to"));
    h.press(KeyCode::Char('e'));
    let second = exports.join("aaaa2345-2.md");
    assert!(second.is_file(), "an existing export is never overwritten");
    assert!(std::fs::read_to_string(&first).expect("readable").contains("To export"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode(&exports), 0o700);
        assert_eq!(mode(&first), 0o600);
    }
}

/// The question before an export names each passage that looks
/// identifying, as `lint` does (it said « 1 élément… » and not which).
#[test]
fn export_asks_first_naming_each_passage_that_looks_identifying() {
    let mut h = Harness::library_with_grid(|dir| {
        let grid = grid(discern::text::Lang::En);
        let mut walk = discern::walk::Walk::new(
            grid.clone(),
            Trail::start(&grid, "Call from Mrs Durand", "aaaa2345".into(), clock()),
        );
        walk.set(at(1, 0), Some(Answer::Text("She gave 07700 900123 to call back.".into())), clock());
        let store = Store::new(dir);
        store.save(&walk.trail, &store.path_for(&walk.trail)).expect("saved");
    });
    h.press(KeyCode::Char('e'));
    let screen = h.screen();
    assert!(screen.contains("Before exporting: these 2 passages look identifying."), "{screen}");
    assert!(screen.contains("trail title: looks like a person's name: “Mrs Durand”"), "{screen}");
    assert!(screen.contains("like a phone number: “07700 900123”"), "{screen}");
    assert!(screen.contains("(situation.facts)"), "the question is named: {screen}");
    assert!(screen.contains("Export anyway?"), "{screen}");
    let exports = h.dir.path().join("exports");
    assert!(!exports.exists(), "nothing written before the answer");
    h.press(KeyCode::Char('y'));
    assert!(exports.join("aaaa2345-1.md").is_file());
}

#[test]
fn export_never_writes_over_a_file_or_through_a_link_in_the_exports_folder() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "To export", "aaaa2345");
        let exports = dir.join("exports");
        std::fs::create_dir(&exports).expect("made");
        std::fs::write(exports.join("aaaa2345-1.md"), "mine").expect("written");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("elsewhere.md"), exports.join("aaaa2345-2.md")).expect("linked");
    });
    h.press(KeyCode::Char('e'));
    let exports = h.dir.path().join("exports");
    assert_eq!(std::fs::read_to_string(exports.join("aaaa2345-1.md")).expect("readable"), "mine");
    assert!(!h.dir.path().join("elsewhere.md").exists(), "the link is not followed");
    let third = exports.join("aaaa2345-3.md");
    assert!(std::fs::read_to_string(&third).expect("a new file").contains("To export"));
    let screen = h.screen();
    assert!(screen.contains("Exported to"), "{screen}");
}

#[test]
fn exporting_a_trail_that_looks_identifying_asks_first() {
    let mut h = Harness::library_with_grid(|dir| {
        let mut walk = discern::walk::Walk::new(
            grid(discern::text::Lang::En),
            Trail::start(&grid(discern::text::Lang::En), "Mail", "aaaa2345".into(), clock()),
        );
        walk.set(at(1, 0), Some(Answer::Text("Write to jean.dupont@example.org".into())), clock());
        let store = Store::new(dir);
        store.save(&walk.trail, &store.path_for(&walk.trail)).expect("saved");
    });
    h.press(KeyCode::Char('e'));
    let screen = h.screen();
    assert!(screen.contains("looks identifying"), "{screen}");
    h.press(KeyCode::Char('n'));
    assert!(!h.dir.path().join("exports").exists());
    h.press(KeyCode::Char('e')).press(KeyCode::Char('y'));
    assert_eq!(std::fs::read_dir(h.dir.path().join("exports")).expect("exported").count(), 1);
}

#[test]
fn delete_asks_and_no_is_the_default() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "Keep me", "aaaa2345");
    });
    h.press(KeyCode::Char('d'));
    assert!(h.screen().contains("Delete the trail “Keep me”?"));
    h.press(KeyCode::Enter);
    assert_eq!(h.trail_files().len(), 1);
    h.press(KeyCode::Char('d')).press(KeyCode::Char('n'));
    assert_eq!(h.trail_files().len(), 1);
    h.press(KeyCode::Char('e'));
    assert!(h.dir.path().join("exports/aaaa2345-1.md").is_file());
    h.press(KeyCode::Char('d')).press(KeyCode::Char('y'));
    assert!(h.trail_files().is_empty());
    let screen = h.screen();
    assert!(screen.contains("Trail “Keep me” deleted, with its export in exports/."), "{screen}");
    assert!(!h.dir.path().join("exports/aaaa2345-1.md").exists(), "its export went with it");
}

#[test]
fn the_library_says_whether_the_folder_is_encrypted_and_suggests_it_once() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "Plain", "aaaa2345");
    });
    let screen = h.screen();
    assert!(screen.contains("folder not encrypted"), "{screen}");
    assert!(screen.contains("discern encrypt"), "the tip is shown the first time: {screen}");
    // The next start of the library does not say it again.
    let ctx = discern::tui::testing::ctx(h.dir.path(), discern::text::Lang::En);
    let terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("a terminal");
    let app = discern::tui::App::library(
        discern::text::Lang::En,
        discern::tui::theme::Palette::mono(),
        discern::tui::testing::clock,
    );
    let mut again = discern::tui::Session::new(
        terminal,
        app,
        discern::tui::Runtime::new(&ctx, discern::tui::testing::clock),
    );
    again.draw().expect("drawn");
    let shown = format!("{:?}", again.terminal().backend().buffer());
    assert!(shown.contains("folder not encrypted") && !shown.contains("discern encrypt"), "{shown}");
}

#[test]
fn a_trail_whose_grid_is_gone_says_so_and_stays_in_the_list() {
    let mut h = Harness::library_with_grid(|dir| {
        let mut trail = Trail::start(&grid(discern::text::Lang::En), "Orphan", "aaaa2345".into(), clock());
        trail.grid.id = "no-such-grid".into();
        trail.grid.title = "A grid deleted since".into();
        let store = Store::new(dir);
        store.ensure().expect("folder");
        std::fs::write(store.path_for(&trail), to_toml(&trail)).expect("written");
    });
    h.press(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("is no longer available"), "{screen}");
    assert!(h.in_library());
}

#[test]
fn a_trail_open_in_another_window_opens_read_only_and_is_never_written() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "Busy", "aaaa2345");
    });
    let path = h.trail_files()[0].clone();
    let before = std::fs::read(&path).expect("the trail file");
    let _elsewhere = Store::lock(&path).expect("locked");
    h.press(KeyCode::Enter);
    assert_eq!(h.walk_screen().walk().trail.title, "Busy");
    assert_eq!(h.walk_screen().access(), discern::tui::access::Access::ReadOnly);
    let screen = h.screen();
    assert!(screen.contains("Open in another window: read-only"), "{screen}");
    h.press(KeyCode::Tab).type_text("not taken").ctrl('s');
    h.saved();
    h.press(KeyCode::Esc);
    assert!(h.in_library());
    h.press(KeyCode::Enter).ctrl('c');
    h.session.settle();
    assert_eq!(std::fs::read(&path).expect("the trail file"), before, "nothing was written");
    assert_eq!(h.trail_files(), vec![path]);
}

#[test]
fn a_damaged_file_is_listed_with_its_reason_and_kept() {
    let mut h = Harness::library_with_grid(|dir| {
        let store = Store::new(dir);
        store.ensure().expect("folder");
        std::fs::write(store.dir().join("broken.toml"), [0xff, 0xfe]).expect("written");
    });
    let screen = h.screen();
    assert!(screen.contains("broken.toml") && screen.contains("damaged file: the file is not"), "{screen}");
    h.press(KeyCode::Char('r'));
    assert!(h.screen().contains("This file is damaged"));
    assert_eq!(h.trail_files().len(), 1);
}

#[test]
fn ctrl_c_and_q_quit_and_f1_shows_the_keys() {
    let mut h = Harness::library_with_grid(|_| {});
    h.press(KeyCode::F(1));
    assert!(h.screen().contains("In the list of trails"));
    h.press(KeyCode::Char('q'));
    assert!(!h.session.finished(), "the key that closes the help does nothing else");
    h.key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.session.finished());
    assert!(matches!(h.session.app().screen(), Screen::Library(_)));
}

#[test]
fn a_trail_locked_by_this_program_opens_and_is_let_go_after_the_walk() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "Mine", "aaaa2345");
    });
    let path = h.trail_files()[0].clone();
    let lock = Store::lock(&path).expect("locked");
    h.session.runtime_mut().hold_lock(path.clone(), lock);
    h.press(KeyCode::Enter);
    assert_eq!(h.walk_screen().walk().trail.title, "Mine");
    h.press(KeyCode::Esc);
    assert!(Store::lock(&path).is_ok(), "the lock went with the walk");
    h.press(KeyCode::Char('d')).press(KeyCode::Char('y'));
    assert!(h.trail_files().is_empty());
}

#[test]
fn in_an_encrypted_folder_the_export_says_it_is_plaintext_and_asks_first() {
    let mut h = Harness::library_unlocked(|dir| {
        let passphrase = age::secrecy::SecretString::from("a passphrase for the test".to_string());
        let key = Store::new(dir).create_key(&passphrase).expect("a key");
        save_trail(dir, "Locked away", "aaaa2345");
        key
    });
    assert!(h.screen().contains("encrypted folder"), "{}", h.screen());
    h.press(KeyCode::Char('e'));
    let screen = h.screen();
    assert!(
        screen.contains("the export will be a plaintext") && screen.contains("Export in plaintext?"),
        "{screen}"
    );
    h.press(KeyCode::Char('n'));
    assert!(!h.dir.path().join("exports").exists(), "no means no plaintext on disk");
    h.press(KeyCode::Char('e')).press(KeyCode::Char('y'));
    let export = h.dir.path().join("exports/aaaa2345-1.md");
    assert!(std::fs::read_to_string(export).expect("exported once confirmed").contains("Locked away"));
}

/// Issue 21: a data folder other users can write in is said on the screen
/// too, once, on the status line, as it opens.
#[cfg(unix)]
#[test]
fn a_data_folder_others_can_write_in_is_said_on_the_status_line() {
    use std::os::unix::fs::PermissionsExt;
    let mut h = discern::tui::testing::Harness::library(discern::text::Lang::En, 120, 24, |dir| {
        save_trail(dir, "First", "aaaa2345");
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    });
    let screen = h.screen();
    assert_eq!(screen.matches("⚠ other users of this computer can write in").count(), 1, "{screen}");
    // Like any message of the library, it goes with the next action.
    h.press(KeyCode::Char('/'));
    assert!(!h.screen().contains("can write in"), "said once");
}
