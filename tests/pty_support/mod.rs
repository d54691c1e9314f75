//! Helpers for the tests that drive the real binary in a pseudo-terminal.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[cfg(target_os = "linux")]
pub mod raw;

use rexpect::reader::Options;
use rexpect::session::spawn_with_options;

pub const GRID: &str = r#"
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

/// A temporary folder with the test grid written in it (`grid`) and a data
/// folder not yet created (`data`): what every walk in a pty starts from.
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub data: PathBuf,
    pub grid: PathBuf,
}

impl Setup {
    pub fn new() -> Setup {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let data = dir.path().join("data");
        let grid = dir.path().join("pty-grid.en.toml");
        std::fs::write(&grid, GRID).expect("the grid is written");
        Setup { dir, data, grid }
    }

    /// `discern new --grid GRID --title TITLE` in a pty, on the walkthrough.
    pub fn new_trail(&self, title: &str) -> rexpect::session::PtySession {
        discern(&self.data, &self.new_args(title))
    }

    /// The arguments of `new_trail`, for another kind of pty.
    pub fn new_args<'a>(&'a self, title: &'a str) -> [&'a std::ffi::OsStr; 5] {
        ["new".as_ref(), "--grid".as_ref(), self.grid.as_os_str(), "--title".as_ref(), title.as_ref()]
    }
}

/// The text of the only trail file of `data/sessions`, once one is there.
pub fn trail_text(data: &Path) -> Option<String> {
    let sessions = data.join("sessions");
    let file = std::fs::read_dir(sessions).ok()?.filter_map(|e| e.ok()).map(|e| e.path()).find(|p| {
        p.extension().is_some_and(|x| x == "toml")
            && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
    })?;
    std::fs::read_to_string(file).ok()
}

pub fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `discern ARGS` in a pseudo-terminal of 100 × 30, in English, with its
/// data folder in `data`.
pub fn discern(data: &Path, args: &[&std::ffi::OsStr]) -> rexpect::session::PtySession {
    discern_raw(data, args, true)
}

/// `discern`, keeping the escape sequences in its output when `strip` is false.
pub fn discern_raw(data: &Path, args: &[&std::ffi::OsStr], strip: bool) -> rexpect::session::PtySession {
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
        .env_remove("DISCERN_CONFIG")
        .env_remove("COMPLETE");
    let options = Options::new().timeout_ms(Some(10_000)).strip_ansi_escape_codes(strip);
    spawn_with_options(command, options).expect("discern starts in a pseudo-terminal")
}

pub fn send(p: &mut rexpect::session::PtySession, keys: &str) {
    p.send(keys).expect("keys are sent");
    p.flush().expect("keys are sent");
}
