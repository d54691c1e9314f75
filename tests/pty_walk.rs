//! The real binary in a pseudo-terminal: `discern new --grid FILE --title T`
//! opens the full-screen walkthrough on the first question; what is typed
//! there reaches the trail file by itself; Esc goes to the library (the
//! trail is kept), and `q` there quits.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::spawn_with_options;

const GRID: &str = r#"
format = 1
[grid]
id = "pty-grid"
version = "1"
language = "en"
title = "Pseudo-terminal grid"

[[steps]]
id = "situation"
title = "The situation"
[[steps.questions]]
id = "facts"
kind = "text"
prompt = "Zebrafacts?"
[[steps.questions]]
id = "regime"
kind = "choice"
prompt = "Regime?"
options = [{ id = "silence", label = "Silence" }, { id = "must", label = "Must speak" }]
"#;

/// The text of the only trail file of `data/sessions`, once one is there.
fn trail_text(data: &Path) -> Option<String> {
    let sessions = data.join("sessions");
    let file = std::fs::read_dir(sessions).ok()?.filter_map(|e| e.ok()).map(|e| e.path()).find(|p| {
        p.extension().is_some_and(|x| x == "toml")
            && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
    })?;
    std::fs::read_to_string(file).ok()
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `discern ARGS` in a pseudo-terminal of 100 × 30, in English, with its
/// data folder in `data`.
fn discern(data: &Path, args: &[&std::ffi::OsStr]) -> rexpect::session::PtySession {
    // A pseudo-terminal starts with no size: give it one, as a terminal
    // window would, before discern starts.
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("stty cols 100 rows 30 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_discern"))
        .args(args)
        .env("DISCERN_DATA_DIR", data)
        .env("LANG", "C")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("DISCERN_CONFIG");
    let options = Options::new().timeout_ms(Some(10_000)).strip_ansi_escape_codes(true);
    spawn_with_options(command, options).expect("discern starts in a pseudo-terminal")
}

fn send(p: &mut rexpect::session::PtySession, keys: &str) {
    p.send(keys).expect("keys are sent");
    p.flush().expect("keys are sent");
}

#[test]
fn a_new_trail_is_walked_on_the_full_screen_and_saved_by_itself() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("data");
    let grid = dir.path().join("pty-grid.en.toml");
    std::fs::write(&grid, GRID).expect("the grid is written");
    let mut p = discern(
        &data,
        &["new".as_ref(), "--grid".as_ref(), grid.as_os_str(), "--title".as_ref(), "Pty trail".as_ref()],
    );

    // The walkthrough is up, on the first step and its first question.
    p.exp_string("Zebrafacts?").expect("the first question is shown");
    send(&mut p, "typed in a pty");
    wait_for("the answer in the trail file", || {
        trail_text(&data).is_some_and(|t| t.contains("typed in a pty"))
    });

    // Esc goes to the library: the program is still running.
    send(&mut p, "\x1b");
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        matches!(p.process().status(), Some(WaitStatus::StillAlive)),
        "after Esc, discern shows the library instead of quitting"
    );
    send(&mut p, "q");
    p.exp_eof().expect("q quits");

    let text = trail_text(&data).expect("the trail is in DATA/sessions/");
    assert!(text.contains("text = \"typed in a pty\""), "{text}");
    assert!(text.contains("title = \"Pty trail\""), "{text}");
}

#[test]
fn the_library_greets_opens_the_grid_picker_and_ctrl_c_quits() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("data");
    let mut p = discern(&data, &[]);
    p.exp_string("Welcome").expect("a first-time user is greeted");
    send(&mut p, "n");
    p.exp_string("Choose").expect("the grid picker opens");
    send(&mut p, "\x1b");
    std::thread::sleep(Duration::from_millis(300));
    assert!(matches!(p.process().status(), Some(WaitStatus::StillAlive)), "Esc only closes the picker");
    send(&mut p, "\x03");
    p.exp_eof().expect("Ctrl-C quits");
}
