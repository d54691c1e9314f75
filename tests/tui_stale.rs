//! A trail changed on disk by someone else while this window has it open:
//! the window's copy is never saved over the change.

use discern::tui::testing::{Harness, at, save_trail};
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_trail_changed_on_disk_is_not_overwritten_and_the_screen_says_so() {
    let mut h = Harness::walk_from_file();
    let path = h.trail_path();
    // Another program writes the file after this window read it.
    let theirs = std::fs::read_to_string(&path).unwrap().replace("School's request", "Their newer title");
    std::fs::write(&path, &theirs).unwrap();
    h.press(KeyCode::Tab).type_text("stale copy");
    h.saved();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "their change is kept");
    let screen = h.screen();
    assert!(screen.contains("Not saved"), "{screen}");
    assert!(screen.contains("changed on disk"), "{screen}");
    assert_eq!(
        h.walk_screen().walk().answer(at(1, 0)),
        Some(&discern::grid::Answer::Text("stale copy".into())),
        "the answer stays in memory"
    );
}

#[test]
fn a_trail_opened_from_the_library_is_read_under_its_lock_and_saves_over_its_own_writes() {
    let mut h = Harness::library_with_grid(|dir| {
        save_trail(dir, "Opened here", "abcd2345");
    });
    h.press(KeyCode::Enter);
    assert!(!h.in_library(), "the trail opened");
    h.press(KeyCode::Tab).type_text("first");
    h.saved();
    h.type_text(" and second");
    h.saved();
    let text = std::fs::read_to_string(h.trail_path()).unwrap();
    assert!(text.contains("first and second"), "{text}");
}

#[test]
fn leaving_after_a_save_that_succeeded_when_tried_again_loses_nothing() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let writes = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&writes);
    let mut h = Harness::walk_with_saver(move |dir| {
        Some(discern::tui::saver::Saver::with_writer(
            dir,
            discern::text::Lang::En,
            Box::new(move |f, b| {
                // The first write fails like a full disk; the next ones work.
                if counted.fetch_add(1, Ordering::SeqCst) == 0 {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::StorageFull,
                        "no space left on device",
                    ));
                }
                std::io::Write::write_all(f, b)
            }),
        ))
    });
    h.press(KeyCode::Tab).type_text("kept");
    h.ctrl('c');
    assert!(!h.session.finished(), "leaving waits while the answers are not saved");
    // The first tick sets when to try again; a later one tries.
    h.saved();
    h.session.tick(std::time::Instant::now() + std::time::Duration::from_secs(600));
    h.session.settle();
    assert!(writes.load(Ordering::SeqCst) >= 2, "the save was tried again");
    h.ctrl('c');
    assert!(h.session.finished());
    assert!(!h.session.app().lost_changes(), "everything was saved: the exit status is 0");
    assert!(std::fs::read_to_string(h.trail_path()).unwrap().contains("kept"));
}
