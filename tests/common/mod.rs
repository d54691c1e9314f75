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

/// A run of the real binary: what it printed, how long it took from start
/// to exit, and its peak resident memory in KB when it can be read.
pub struct Measured {
    pub output: std::process::Output,
    pub elapsed: std::time::Duration,
    pub peak_kb: Option<u64>,
}

/// Runs `cmd` (built by [`discern`]) with `input` on standard input, and
/// measures it. The peak is read by GNU time (`/usr/bin/time -f %M`), whose
/// figure is the command's own: a child of this process would report this
/// process's peak as its own at exec (Linux keeps the larger of the two in
/// `ru_maxrss`). Without GNU time, `peak_kb` is `None`.
pub fn measured(cmd: &Command, input: &[u8]) -> Measured {
    use std::io::Write as _;
    use std::process::Stdio;
    let gnu_time = Path::new("/usr/bin/time");
    let peak_file = tempfile::NamedTempFile::new().expect("a temporary file");
    let mut run = if gnu_time.exists() {
        let mut run = std::process::Command::new(gnu_time);
        run.args(["-f", "%M", "-o"]).arg(peak_file.path()).arg(cmd.get_program());
        run
    } else {
        std::process::Command::new(cmd.get_program())
    };
    run.args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => run.env(key, v),
            None => run.env_remove(key),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        run.current_dir(dir);
    }
    let start = std::time::Instant::now();
    let mut child = run
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("piped");
    // The command may stop reading early: a failed write is not the test's.
    let _ = stdin.write_all(input);
    drop(stdin);
    let output = child.wait_with_output().expect("waited for the binary");
    let elapsed = start.elapsed();
    let peak_kb = gnu_time
        .exists()
        .then(|| std::fs::read_to_string(peak_file.path()).ok())
        .flatten()
        .and_then(|t| t.lines().last()?.trim().parse().ok());
    Measured { output, elapsed, peak_kb }
}
