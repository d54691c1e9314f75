//! Files built to cost: a grid of dotted keys under the size limit, such a
//! grid lying in the user's grid folder, a huge JSON file given to
//! `compare`. Each is refused (or left unread) quickly and in little memory;
//! the test measures the real binary's time and peak memory (GNU time).
//! Times are asserted tightly only in optimised builds (`cargo test
//! --release`), loosely in debug builds; memory in both.

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::{Measured, discern, measured, stderr, stdout};

const LIMIT: usize = 4 * 1024 * 1024;

/// Lines made by `line` until just under the size limit of a grid.
fn fill(prefix: &str, line: impl Fn(usize) -> String) -> String {
    let mut text = String::from(prefix);
    for i in 0.. {
        let next = line(i);
        if text.len() + next.len() >= LIMIT {
            break;
        }
        text.push_str(&next);
    }
    text
}

/// 4 MB of `kN.x.x.x… = 1`: few `=`, but a table for every dot.
fn dotted_keys() -> String {
    fill("format = 1\n", |i| format!("k{i}{} = 1\n", ".x".repeat(40)))
}

/// The time a refusal may take: 0.2 s in an optimised build, more in a
/// debug one (discern's own code unoptimised, and other tests running).
fn quick() -> Duration {
    if cfg!(debug_assertions) { Duration::from_secs(2) } else { Duration::from_millis(200) }
}

fn assert_cheap(what: &str, m: &Measured, max_time: Duration, max_kb: u64) {
    assert!(m.elapsed <= max_time, "{what}: {:?} (at most {max_time:?})", m.elapsed);
    match m.peak_kb {
        Some(kb) => assert!(kb <= max_kb, "{what}: {kb} KB at its peak (at most {max_kb} KB)"),
        None => eprintln!("{what}: GNU time (/usr/bin/time) is not installed; memory not measured"),
    }
}

#[test]
fn a_grid_of_dotted_keys_is_refused_before_parsing_quickly_and_in_little_memory() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A string left open hides nothing past its line from the count.
    let dotted = dotted_keys();
    let unclosed = format!("format = 1\nsummary = \"never closed\n{}", &dotted[11..dotted.len() - 100]);
    let inline = fill("format = 1\n", |i| format!("k{i} = {{ a = {{ b = {{ c = 1 }} }} }}\n"));
    for (name, text) in [("dotted", dotted), ("unclosed", unclosed), ("inline", inline)] {
        let grid = dir.path().join(format!("{name}.toml"));
        fs::write(&grid, &text).unwrap();
        let mut cmd = discern(data.path());
        cmd.args(["grid", "check"]).arg(&grid);
        let m = measured(&cmd, b"");
        assert_eq!(m.output.status.code(), Some(1), "{name}: {}", stderr(&m.output));
        let out = stdout(&m.output);
        assert_eq!(out.lines().count(), 1, "{name}: one message: {}", &out[..out.len().min(400)]);
        assert!(
            out.contains(":1:1: error: the file holds more than 100,000 keys, values and tables"),
            "{out}"
        );
        assert_cheap(name, &m, quick(), 50 * 1024);
    }
}

/// A broken or huge grid in the user's folder, under any name, costs the
/// commands that use another grid nothing: `new --grid delor-secret` takes
/// the time and memory it takes beside an empty grid folder.
#[test]
fn a_huge_user_grid_costs_nothing_to_a_command_that_uses_another_grid() {
    let run_new = |data: &Path| {
        let mut cmd = discern(data);
        cmd.args(["new", "--grid", "delor-secret", "--title", "Situation"]);
        let m = measured(&cmd, b"Les faits\n");
        assert!(m.output.status.success(), "{}", stderr(&m.output));
        m
    };
    let empty = tempfile::tempdir().unwrap();
    fs::create_dir_all(empty.path().join("grids")).unwrap();
    let baseline = run_new(empty.path());

    let data = tempfile::tempdir().unwrap();
    let grids = data.path().join("grids");
    fs::create_dir_all(&grids).unwrap();
    fs::write(grids.join("notes.toml"), dotted_keys()).unwrap();
    // Just under the item limit: parsing it would cost some 50 MB.
    let keys: String = (0..95_000).map(|i| format!("k{i} = 1\n")).collect();
    fs::write(grids.join("zz.fr.toml"), format!("format = 1\n{keys}")).unwrap();
    fs::write(grids.join("broken.fr.toml"), "format = [").unwrap();
    let m = run_new(data.path());
    let slack = if cfg!(debug_assertions) { Duration::from_secs(1) } else { Duration::from_millis(50) };
    let base_kb = baseline.peak_kb.unwrap_or(0);
    assert_cheap("new beside huge grids", &m, baseline.elapsed + slack, base_kb + 8 * 1024);

    // The grids are still there for the commands that show them.
    let out = discern(data.path()).args(["grid", "list"]).output().unwrap();
    assert!(stdout(&out).contains("zz.fr.toml"), "{}", stdout(&out));
}

/// A user grid under another file name that replaces a shipped one is still
/// found: its text names the grid's id.
#[test]
fn a_user_grid_under_another_name_still_replaces_the_shipped_one() {
    let data = tempfile::tempdir().unwrap();
    let grids = data.path().join("grids");
    fs::create_dir_all(&grids).unwrap();
    let shipped = fs::read_to_string("grids/deliberation.en.toml").unwrap();
    let mine = shipped.replacen("title = \"", "title = \"My own ", 1);
    fs::write(grids.join("my-copy.toml"), &mine).unwrap();
    fs::write(grids.join("other.toml"), "format = [").unwrap();
    let out = discern(data.path()).args(["grid", "show", "deliberation"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("My own "), "{}", &stdout(&out)[..200]);
}
