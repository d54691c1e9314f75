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
        // Set, it would make discern answer as a completion script's helper.
        .env_remove("COMPLETE")
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

/// A trail's text with every time in it moved to the year 2001, whatever
/// today's date.
pub fn aged(text: &str) -> String {
    text.lines()
        .map(|line| {
            let time_key =
                ["created = ", "updated = ", "at = ", "given = "].iter().find(|k| line.starts_with(*k));
            match time_key {
                Some(key) => {
                    let value = &line[key.len()..];
                    let quote = if value.starts_with('"') { "\"" } else { "" };
                    format!("{key}{quote}2001{}", &value[quote.len() + 4..])
                }
                None => line.to_string(),
            }
        })
        .map(|line| line + "\n")
        .collect()
}
