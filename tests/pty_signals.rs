//! Kill, hang-up, terminal closed: the real binary in a pseudo-terminal
//! loses at most the last second of typing, and saves and restores the
//! terminal when asked to stop.
#![cfg(unix)]

mod pty_support;

use std::path::Path;
use std::time::{Duration, Instant};

use pty_support::{GRID, discern_raw, send, trail_text, wait_for};
use rexpect::process::Signal;
use rexpect::process::WaitStatus;

fn start(dir: &Path, strip: bool) -> rexpect::session::PtySession {
    let grid = dir.join("pty-grid.en.toml");
    std::fs::write(&grid, GRID).expect("the grid is written");
    let data = dir.join("data");
    let mut p = discern_raw(
        &data,
        &["new".as_ref(), "--grid".as_ref(), grid.as_os_str(), "--title".as_ref(), "Signals".as_ref()],
        strip,
    );
    p.exp_string("Zebrafacts?").expect("the first question is shown");
    p
}

/// Waits for the process to end, and says how.
fn wait_end(p: &mut rexpect::session::PtySession) -> WaitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match p.process().status() {
            Some(WaitStatus::StillAlive) | None => {
                assert!(Instant::now() < deadline, "discern did not stop");
                std::thread::sleep(Duration::from_millis(50));
            }
            Some(status) => return status,
        }
    }
}

#[test]
fn sigkill_loses_at_most_the_last_second_of_typing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut p = start(dir.path(), true);
    send(&mut p, "words typed before the kill");
    std::thread::sleep(Duration::from_millis(1500));
    p.process_mut().kill(Signal::SIGKILL).expect("killed");
    let text = trail_text(&dir.path().join("data")).expect("the trail file");
    assert!(text.contains("words typed before the kill"), "{text}");
}

#[test]
fn sigterm_saves_restores_the_terminal_and_exits() {
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut p = start(dir.path(), false);
        send(&mut p, "saved on the way out");
        // At once: the answer may not have been autosaved yet.
        std::thread::sleep(Duration::from_millis(100));
        p.process_mut().signal(signal).expect("signalled");
        let status = wait_end(&mut p);
        assert!(
            matches!(status, WaitStatus::Exited(_, _)),
            "{signal:?}: ended by the signal itself: {status:?}"
        );
        let text = trail_text(&dir.path().join("data")).expect("the trail file");
        assert!(text.contains("saved on the way out"), "{signal:?}: {text}");
        if signal == Signal::SIGTERM {
            // The alternate screen is left: the terminal is as it was.
            let rest = p.exp_eof().unwrap_or_default();
            assert!(rest.contains("\u{1b}[?1049l"), "{signal:?}: the terminal was not restored: {rest:?}");
        }
        wait_for("no leftover temporary file", || {
            std::fs::read_dir(dir.path().join("data/sessions"))
                .map(|d| d.filter_map(|e| e.ok()).all(|e| !e.file_name().to_string_lossy().ends_with(".tmp")))
                .unwrap_or(true)
        });
    }
}
