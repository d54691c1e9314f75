//! Helpers shared by the tests that run the real binary.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// The real binary, in English, with its data folder in `data_dir` and no
/// locale or config from the machine running the tests.
pub fn discern(data_dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("discern").expect("the binary is built for the tests");
    cmd.env("DISCERN_DATA_DIR", data_dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("DISCERN_CONFIG")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    cmd
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
