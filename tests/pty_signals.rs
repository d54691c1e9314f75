//! Kill, hang-up, terminal closed: the real binary in a pseudo-terminal
//! loses at most what autosave had not reached, and saves, restores the
//! terminal, lets its lock go and exits when asked to stop — by a signal or
//! by its terminal going away.
#![cfg(unix)]

mod pty_support;

use std::path::{Path, PathBuf};
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
                std::thread::sleep(Duration::from_millis(20));
            }
            Some(status) => return status,
        }
    }
}

/// The only trail file of `data/sessions`.
fn trail_path(data: &Path) -> PathBuf {
    std::fs::read_dir(data.join("sessions"))
        .expect("the sessions folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .expect("a trail file")
}

#[test]
fn sigkill_loses_nothing_autosave_has_reached() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut p = start(dir.path(), true);
    send(&mut p, "words typed before the kill");
    let data = dir.path().join("data");
    wait_for("the autosave", || trail_text(&data).is_some_and(|t| t.contains("words typed before the kill")));
    p.process_mut().kill(Signal::SIGKILL).expect("killed");
    let text = trail_text(&data).expect("the trail file");
    assert!(text.contains("words typed before the kill"), "{text}");
}

#[test]
fn sigterm_sighup_and_sigint_save_restore_the_terminal_and_exit() {
    for signal in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut p = start(dir.path(), false);
        send(&mut p, "saved-on-the-way-out");
        // Signalled as soon as the screen shows the words: autosave may not
        // have written them yet.
        p.exp_string("saved-on-the-way-out").expect("the words are on the screen");
        p.process_mut().signal(signal).expect("signalled");
        let status = wait_end(&mut p);
        assert!(
            matches!(status, WaitStatus::Exited(_, 0)),
            "{signal:?}: not a clean exit (ended by the signal itself?): {status:?}"
        );
        let data = dir.path().join("data");
        let text = trail_text(&data).expect("the trail file");
        assert!(text.contains("saved-on-the-way-out"), "{signal:?}: {text}");
        if signal != Signal::SIGHUP {
            // The alternate screen is left: the terminal is as it was.
            let rest = p.exp_eof().unwrap_or_default();
            assert!(rest.contains("\u{1b}[?1049l"), "{signal:?}: the terminal was not restored: {rest:?}");
        }
        let lock = discern::trail::store::Store::lock(&trail_path(&data));
        assert!(lock.is_ok(), "{signal:?}: the trail's lock was kept");
        let leftovers: Vec<_> = std::fs::read_dir(data.join("sessions"))
            .expect("the sessions folder")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{signal:?}: {leftovers:?}");
    }
}

#[cfg(target_os = "linux")]
mod closed_terminal {
    use super::pty_support::raw::RawPty;
    use super::{trail_path, trail_text};

    #[test]
    fn closing_the_terminal_while_typing_saves_the_text_and_ends_discern() {
        let setup = super::pty_support::Setup::new();
        let data = setup.data.as_path();
        let mut pty = RawPty::spawn(data, &setup.new_args("Closed"));
        pty.expect("Zebrafacts?");
        pty.send("typed-before");
        pty.expect("typed-before");
        // More keys on their way as the window closes.
        pty.send(" the-window-closed");
        pty.close();
        let status = pty.wait_end();
        assert_eq!(status.code(), Some(0), "not a clean exit: {status:?}");
        let text = trail_text(data).expect("the trail file");
        assert!(text.contains("typed-before"), "{text}");
        let lock = discern::trail::store::Store::lock(&trail_path(data));
        assert!(lock.is_ok(), "the trail's lock was kept");
    }

    #[test]
    fn sigterm_while_idle_in_the_library_restores_the_terminal_and_exits() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut pty = RawPty::spawn(&dir.path().join("data"), &[]);
        pty.expect("Welcome");
        pty.signal(libc::SIGTERM);
        let status = pty.wait_end();
        assert_eq!(status.code(), Some(0), "{status:?}");
        let output = String::from_utf8_lossy(&pty.output);
        let tail = &output[output.rfind("Welcome").expect("the library was shown")..];
        assert!(tail.contains("\u{1b}[?1049l"), "the terminal was not restored: {tail:?}");
    }

    #[test]
    fn a_terminal_that_ends_while_a_dialog_is_open_ends_discern() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut pty = RawPty::spawn(&dir.path().join("data"), &[]);
        pty.expect("Welcome");
        // The grid picker, a dialog over the library.
        pty.send("n");
        pty.expect("Choose");
        pty.close();
        let status = pty.wait_end();
        assert_eq!(status.code(), Some(0), "not a clean exit: {status:?}");
    }
}
