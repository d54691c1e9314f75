//! The real binary in a pseudo-terminal: `discern new --grid FILE --title T`
//! opens the full-screen walkthrough on the first question; what is typed
//! there reaches the trail file by itself; Esc goes to the library (the
//! trail is kept), and `q` there quits.
#![cfg(unix)]

mod pty_support;

use pty_support::{Setup, discern, send, trail_text, wait_for};
use std::process::Command;

use rexpect::process::WaitStatus;

#[test]
fn a_new_trail_is_walked_on_the_full_screen_and_saved_by_itself() {
    let setup = Setup::new();
    let data = setup.data.as_path();
    let mut p = setup.new_trail("Pty trail");

    // The walkthrough is up, on the first step and its first question.
    p.exp_string("Zebrafacts?").expect("the first question is shown");
    send(&mut p, "typed in a pty");
    wait_for("the answer in the trail file", || {
        trail_text(data).is_some_and(|t| t.contains("typed in a pty"))
    });

    // Esc goes to the library: the program is still running.
    send(&mut p, "\x1b");
    p.exp_string("Pty trail").expect("the library lists the trail");
    assert!(
        matches!(p.process().status(), Some(WaitStatus::StillAlive)),
        "after Esc, discern shows the library instead of quitting"
    );
    send(&mut p, "q");
    p.exp_eof().expect("q quits");

    let text = trail_text(data).expect("the trail is in DATA/sessions/");
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
    // Still in the library, greeting, where the picker was.
    p.exp_string("Welcome").expect("Esc only closed the picker");
    assert!(matches!(p.process().status(), Some(WaitStatus::StillAlive)), "Esc only closes the picker");
    send(&mut p, "\x03");
    p.exp_eof().expect("Ctrl-C quits");
}

/// `discern review TRAIL@DAY` on the full screen says which moment it shows,
/// never that another window holds the trail, and `a` says a past version
/// takes no annotation.
#[test]
fn a_review_of_a_past_version_says_when_it_stood() {
    let setup = Setup::new();
    let data = setup.data.as_path();
    let out = Command::new(env!("CARGO_BIN_EXE_discern"))
        .args(setup.new_args("Past"))
        .arg("--plain")
        .env("DISCERN_DATA_DIR", data)
        .env("LANG", "C")
        .env_remove("COMPLETE")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("discern runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = String::from_utf8_lossy(&out.stdout).lines().last().expect("the path").to_string();
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let arg = format!("{path}@{today}");
    let mut p = discern(data, &["review".as_ref(), arg.as_ref()]);
    p.exp_string("As it stood at the end of").expect("the moment is said");
    send(&mut p, "\t");
    send(&mut p, "a");
    p.exp_string("past version").expect("a past version takes no annotation");
    send(&mut p, "\x03");
    let rest = p.exp_eof().expect("Ctrl-C quits");
    assert!(!rest.contains("another window"), "{rest}");
}

/// `discern new --ephemeral`: `s` on the end screen keeps the walk as a
/// trail after all; the program then says where it is, as for `new`.
#[test]
fn an_ephemeral_walk_is_kept_as_a_trail_from_its_end_screen() {
    let setup = Setup::new();
    let data = setup.data.as_path();
    let mut args: Vec<&std::ffi::OsStr> = setup.new_args("Workshop").to_vec();
    args.push("--ephemeral".as_ref());
    let mut p = discern(data, &args);
    p.exp_string("Zebrafacts?").expect("the first question is shown");
    send(&mut p, "kept words");
    send(&mut p, "\t");
    send(&mut p, "\t");
    p.exp_string("Ephemeral walk").expect("the end screen");
    assert!(trail_text(data).is_none(), "nothing written yet");
    send(&mut p, "s");
    // The title box, with the walk's title in it: Enter keeps it.
    std::thread::sleep(std::time::Duration::from_millis(300));
    send(&mut p, "\r");
    wait_for("the kept trail", || trail_text(data).is_some_and(|t| t.contains("kept words")));
    let text = trail_text(data).expect("kept");
    assert!(text.contains("title = \"Workshop\""), "{text}");
    // Esc back to the walk, Esc again to the library now: running until q.
    send(&mut p, "\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    send(&mut p, "\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(matches!(p.process().status(), Some(WaitStatus::StillAlive)), "Esc went to the library");
    send(&mut p, "q");
    p.exp_string("Trail saved:").expect("where the trail is, said after the screen closes");
    p.exp_eof().expect("q quits");
}
