//! The performance budgets of issues 7 and 13, measured on the release build:
//! `cargo bench --bench perf` (or `benches/run.sh`, which also installs
//! jrnl 4.6 to compare against). Prints a table; numbers are medians, but
//! for the rows of hostile files (issue 11: `hostile`, or `grids`,
//! `answers`, `plain`), which run once each.

#[path = "perf/data.rs"]
mod data;
#[path = "perf/encrypted.rs"]
mod encrypted;
#[path = "perf/filter.rs"]
mod filter;
#[path = "perf/hostile.rs"]
mod hostile;
#[path = "perf/tui_frames.rs"]
mod tui_frames;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Runs a command `runs` times (after one warm-up run) and gives the median
/// time from start to exit.
fn time_command(mut make: impl FnMut() -> Command, runs: usize) -> Duration {
    let mut times = Vec::new();
    for i in 0..=runs {
        let start = Instant::now();
        let status = make().stdout(Stdio::null()).stderr(Stdio::null()).status().expect("the command runs");
        let elapsed = start.elapsed();
        assert!(status.success() || status.code() == Some(1), "{status:?}");
        if i > 0 {
            times.push(elapsed);
        }
    }
    median(times)
}

fn discern(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_discern"));
    c.env("DISCERN_DATA_DIR", data).env("LANG", "C");
    c
}

struct Row {
    what: String,
    budget: String,
    measured: String,
    ok: bool,
}

fn main() {
    // `cargo bench` passes --bench; a filter argument selects rows.
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    let mut rows: Vec<Row> = Vec::new();
    let root = tempfile::tempdir().expect("a temporary folder");

    for (n, budget_ms) in [(1_000usize, 30.0), (10_000, 300.0)] {
        if !wanted("list") {
            break;
        }
        let data = root.path().join(format!("list-{n}"));
        data::trails(&data, n);
        let t = time_command(
            || {
                let mut c = discern(&data);
                c.arg("list");
                c
            },
            20,
        );
        rows.push(Row {
            what: format!("`discern list` with {n} trails"),
            budget: format!("≤ {budget_ms} ms"),
            measured: ms(t),
            ok: t.as_secs_f64() * 1000.0 <= budget_ms,
        });
        if n == 1_000 {
            rows.push(jrnl_row(root.path(), t));
        }
    }

    if wanted("due") {
        // The index keeps each trail's revisit date: after the first run
        // (the warm-up, which builds it), no trail file is read.
        let data = root.path().join("due-10000");
        data::due_trails(&data, 10_000);
        let t = time_command(
            || {
                let mut c = discern(&data);
                c.arg("due");
                c
            },
            20,
        );
        rows.push(Row {
            what: "`discern due` with 10000 trails (1000 due)".into(),
            budget: "≤ 300 ms".into(),
            measured: ms(t),
            ok: t.as_secs_f64() * 1000.0 <= 300.0,
        });
    }

    if wanted("check") {
        let grid = root.path().join("big.toml");
        let questions = data::big_grid(&grid, 200, 10);
        let t = time_command(
            || {
                let mut c = discern(root.path());
                c.arg("grid").arg("check").arg(&grid);
                c
            },
            20,
        );
        rows.push(Row {
            what: format!("`discern grid check` of a {questions}-question grid"),
            budget: "≤ 20 ms".into(),
            measured: ms(t),
            ok: t.as_secs_f64() * 1000.0 <= 20.0,
        });
    }

    if wanted("autosave") {
        let t = data::autosave_1mb(root.path());
        rows.push(Row {
            what: "autosave of a 1 MB trail (on the saver thread, never on the key-press path)".into(),
            budget: "measured".into(),
            measured: ms(t),
            ok: true,
        });
    }

    if wanted("encrypted") {
        rows.extend(encrypted::rows(root.path()));
    }

    rows.extend(hostile::rows(root.path(), &wanted));

    if wanted("filter") {
        rows.extend(filter::rows(root.path()));
    }

    if wanted("frame") || wanted("typing") || wanted("library") || wanted("memory") {
        rows.extend(tui_frames::rows(root.path(), &wanted));
    }

    println!("\n| what | budget | measured | |\n|---|---|---|---|");
    for r in &rows {
        println!("| {} | {} | {} | {} |", r.what, r.budget, r.measured, if r.ok { "ok" } else { "OVER" });
    }
}

/// jrnl 4.6 listing 1,000 entries, beside discern's 1,000 trails.
fn jrnl_row(root: &Path, discern_time: Duration) -> Row {
    let what = "`discern list` vs jrnl 4.6 listing 1,000 entries".to_string();
    let budget = "≥ 10× faster".to_string();
    let dir = root.join("jrnl");
    let Some(config) = data::jrnl_journal(&dir, 1_000) else {
        return Row {
            what,
            budget,
            measured: "jrnl not installed (benches/run.sh installs it)".into(),
            ok: false,
        };
    };
    let t = time_command(
        || {
            let mut c = Command::new("jrnl");
            c.arg("--config-file").arg(&config).args(["-n", "1000", "--format", "short"]);
            c
        },
        10,
    );
    let ratio = t.as_secs_f64() / discern_time.as_secs_f64();
    Row { what, budget, measured: format!("jrnl {} — {ratio:.1}× slower", ms(t)), ok: ratio >= 10.0 }
}
