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

/// A trail's JSON export, as discern writes it, parsed.
fn export_json(data: &Path) -> serde_json::Value {
    let out = discern(data)
        .args(["new", "--grid", "delor-secret", "--title", "Atelier"])
        .write_stdin("Les faits\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out).lines().last().unwrap().to_string();
    let out = discern(data).args(["export", &path, "--format", "json", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `compare` of a real export beside `file`; its run measured.
fn compare_with(data: &Path, lang: &str, file: &Path) -> Measured {
    let real = data.join("real.json");
    if !real.exists() {
        fs::write(&real, export_json(data).to_string()).unwrap();
    }
    let mut cmd = discern(data);
    cmd.env("LANG", lang).arg("compare").arg(&real).arg(file);
    measured(&cmd, b"")
}

/// The export `base` with its steps replaced by one step of `count`
/// questions made by `question`.
fn with_questions(
    base: &serde_json::Value,
    count: usize,
    question: impl Fn(usize) -> serde_json::Value,
) -> serde_json::Value {
    let mut export = base.clone();
    let questions: Vec<serde_json::Value> = (0..count).map(question).collect();
    export["steps"] = serde_json::json!([{ "id": "s", "title": "Étape", "questions": questions }]);
    export
}

#[test]
fn a_json_file_over_the_export_cap_is_refused_from_its_size_saying_the_cap() {
    let data = tempfile::tempdir().unwrap();
    let big = data.path().join("big.json");
    let file = fs::File::create(&big).unwrap();
    file.set_len(60 * 1024 * 1024).unwrap();
    let m = compare_with(data.path(), "C", &big);
    assert_eq!(m.output.status.code(), Some(2));
    let said = stderr(&m.output);
    assert!(said.contains("the file is 60 MB; discern reads a JSON export of 16 MB at most"), "{said}");
    assert_cheap("60 MB refused", &m, quick(), 30 * 1024);
    let m = compare_with(data.path(), "fr_FR.UTF-8", &big);
    let said = stderr(&m.output);
    assert!(said.contains("le fichier fait 60 Mo ; discern lit un export JSON de 16 Mo au plus"), "{said}");
}

/// Under the cap, what `compare` holds stays under ten times the file: a
/// file packed with empty answers is refused before it costs, and a real
/// export that is merely long (one huge answer, thousands of answers) is
/// compared within that.
#[test]
fn a_json_export_costs_compare_less_than_ten_times_its_size() {
    let data = tempfile::tempdir().unwrap();
    let base = export_json(data.path());
    let empty = data.path().join("empty.json");
    fs::write(&empty, serde_json::json!([]).to_string()).unwrap();
    let baseline_kb = compare_with(data.path(), "C", &empty).peak_kb.unwrap_or(0);

    // Written without a space: some 50 bytes an answer.
    let mut packed = with_questions(&base, 0, |_| serde_json::Value::Null).to_string();
    let tiny: Vec<String> =
        (0..300_000).map(|i| format!(r#"{{"id":"q{i}","kind":"scale","prompt":"","answer":1}}"#)).collect();
    packed = packed.replacen(r#""questions":[]"#, &format!(r#""questions":[{}]"#, tiny.join(",")), 1);
    let huge_answer = with_questions(&base, 1, |_| {
        serde_json::json!({ "id": "q", "kind": "text", "prompt": "Faits ?", "answer": "x".repeat(12 << 20) })
    })
    .to_string();
    // As discern writes them: some 300 bytes an answer.
    let many = with_questions(&base, 12_000, |i| {
        serde_json::json!({
            "id": format!("q{i}"), "kind": "choice", "prompt": "Quelqu'un est-il exposé à un péril ?",
            "answer": "yes", "answer_labels": ["Oui"], "answered_at": "2026-12-07T23:22:18+00:00",
            "history": [], "shown": true
        })
    });
    let many = serde_json::to_string_pretty(&many).unwrap();
    for (name, text, refused) in
        [("packed", packed, true), ("huge answer", huge_answer, false), ("many", many, false)]
    {
        let file = data.path().join(format!("{}.json", name.replace(' ', "-")));
        fs::write(&file, &text).unwrap();
        let m = compare_with(data.path(), "C", &file);
        let said = stderr(&m.output);
        if refused {
            assert_eq!(m.output.status.code(), Some(2), "{name}: {said}");
            assert!(
                said.contains("this is not a discern JSON export (far too many answers for its size)"),
                "{said}"
            );
        } else {
            assert!(m.output.status.success(), "{name}: {said}");
        }
        let size_kb = text.len() as u64 / 1024;
        let time = if cfg!(debug_assertions) { Duration::from_secs(30) } else { Duration::from_secs(3) };
        assert_cheap(name, &m, time, baseline_kb + 10 * size_kb);
    }
}
