//! Issue 11: what hostile files cost. Grids near the size limit, a trail of
//! 20,000 answers, a plain walk of 2,000 questions. Each row gives the time
//! and, for grids, the peak memory against the file's size.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use discern::grid::{Answer, QuestionKind, parse};
use discern::trail::store::Store;
use discern::trail::{AnswerRecord, Trail, now};

use super::{Row, discern, ms};

/// Runs a command once, feeding `input`; its time and peak resident memory
/// (KB). The peak is read by GNU time (`/usr/bin/time -f %M`) where it is
/// installed: a child started from this process directly inherits this
/// process's own peak at exec (Linux keeps the larger of the two in the
/// child's `ru_maxrss`), which would report the benchmark's memory, not
/// discern's. Without GNU time, the memory is not measured (0).
fn run_measured(cmd: Command, input: &[u8]) -> (Duration, i64) {
    let gnu_time = Path::new("/usr/bin/time");
    let peak_file = tempfile::NamedTempFile::new().expect("a temporary file");
    let mut run = if gnu_time.exists() {
        let mut run = Command::new(gnu_time);
        run.args(["-f", "%M", "-o"]).arg(peak_file.path()).arg(cmd.get_program()).args(cmd.get_args());
        for (key, value) in cmd.get_envs() {
            match value {
                Some(v) => run.env(key, v),
                None => run.env_remove(key),
            };
        }
        run
    } else {
        cmd
    };
    let start = Instant::now();
    let mut child =
        run.stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("runs");
    let mut stdin = child.stdin.take().expect("piped");
    stdin.write_all(input).expect("input written");
    drop(stdin);
    child.wait().expect("waited for the child");
    let elapsed = start.elapsed();
    let peak = fs::read_to_string(peak_file.path())
        .ok()
        .and_then(|t| t.lines().last()?.trim().parse().ok())
        .unwrap_or(0);
    (elapsed, peak)
}

const HEADER: &str = "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"T\"\n";
const LIMIT: usize = 4 * 1024 * 1024;

fn grid_row(root: &Path, what: &str, text: String) -> Row {
    let path = root.join(format!("grid-{}.toml", what.len()));
    fs::write(&path, &text).expect("written");
    let mut cmd = discern(root);
    cmd.arg("grid").arg("check").arg(&path);
    let (t, rss_kb) = run_measured(cmd, b"");
    let ratio = rss_kb as f64 * 1024.0 / text.len() as f64;
    Row {
        what: format!("`grid check`, {what} ({:.1} MB)", text.len() as f64 / 1_048_576.0),
        budget: "≤ 1 s, ≤ 10× its size".into(),
        measured: format!("{}, {:.1} MB ({ratio:.1}×)", ms(t), rss_kb as f64 / 1024.0),
        ok: t <= Duration::from_secs(1) && ratio <= 10.0,
    }
}

/// Lines of `unit` repeated until just under the size limit.
fn fill(prefix: &str, unit: impl Fn(usize) -> String, suffix: &str) -> String {
    let mut t = String::from(prefix);
    let mut i = 0;
    loop {
        let next = unit(i);
        if t.len() + next.len() + suffix.len() >= LIMIT {
            break;
        }
        t.push_str(&next);
        i += 1;
    }
    t.push_str(suffix);
    t
}

const ONE_STEP: &str = "[[steps]]\nid = \"s\"\ntitle = \"S\"\n[[steps.questions]]\nid = \"q\"\nkind = \"text\"\nprompt = \"p\"\n";

pub fn rows(root: &Path, wanted: &dyn Fn(&str) -> bool) -> Vec<Row> {
    let mut rows = Vec::new();
    if wanted("hostile") || wanted("grids") {
        let keys: String = (0..40_000).map(|i| format!("k{i} = 1\n")).collect();
        rows.push(grid_row(root, "40,000 unknown keys", format!("{HEADER}{keys}{ONE_STEP}")));
        // Just under the item limit: the most a file of tiny keys can ask.
        let keys: String = (0..99_000).map(|i| format!("k{i} = 1\n")).collect();
        rows.push(grid_row(
            root,
            "99,000 unknown keys, just under the item limit",
            format!("{HEADER}{keys}{ONE_STEP}"),
        ));
        let choice = "[[steps]]\nid = \"s\"\ntitle = \"S\"\n[[steps.questions]]\nid = \"q\"\nkind = \"choice\"\nprompt = \"p\"\n";
        // The largest grid accepted: options with long labels, up to the
        // size limit and under the item limit (an option's table header
        // counts eight items, its dots being tables: labels of 1 KB).
        let label = "Une option décrite longuement, comme un ou une collègue pourrait l'écrire. ".repeat(12);
        let options = fill(
            &format!("{HEADER}{choice}"),
            |i| format!("[[steps.questions.options]]\nid = \"o{i}\"\nlabel = \"{label}\"\n"),
            "",
        );
        rows.push(grid_row(root, "options with long labels up to the size limit", options));
        // Tiny keys up to the size limit: past the item limit, refused.
        let tiny = fill(HEADER, |i| format!("k{i}=1\n"), ONE_STEP);
        rows.push(grid_row(root, "unknown keys up to the size limit (refused)", tiny));
        let short = fill(
            &format!("{HEADER}{choice}"),
            |i| format!("[[steps.questions.options]]\nid = \"o{i}\"\nlabel = \"L\"\n"),
            "",
        );
        rows.push(grid_row(root, "short options up to the size limit (refused)", short));
    }
    if wanted("hostile") || wanted("costly") {
        rows.extend(costly_rows(root));
    }
    if wanted("hostile") || wanted("answers") {
        rows.extend(answers_rows(root));
    }
    if wanted("hostile") || wanted("plain") {
        rows.push(plain_row(root));
    }
    rows
}

/// Issue 21: what passed the first limits. 4 MB of dotted keys (few `=`,
/// a table at every dot); the same file, and one just under the item limit,
/// lying in the user's grid folder while `new` uses a shipped grid; JSON
/// files given to `compare`: over its cap, packed with empty answers, one
/// huge answer, thousands of answers as discern writes them.
fn costly_rows(root: &Path) -> Vec<Row> {
    let mut rows = Vec::new();
    let dotted = fill(HEADER, |i| format!("k{i}{} = 1\n", ".x".repeat(40)), ONE_STEP);
    rows.push(grid_row(root, "dotted keys up to the size limit (refused)", dotted.clone()));

    let measure_new = |data: &Path| {
        let mut cmd = discern(data);
        cmd.args(["new", "--grid", "delor-secret", "--title", "Situation"]);
        run_measured(cmd, b"Les faits\n")
    };
    let empty = root.join("costly-empty");
    fs::create_dir_all(empty.join("grids")).expect("folder");
    let (t0, kb0) = measure_new(&empty);
    let crowded = root.join("costly-crowded");
    fs::create_dir_all(crowded.join("grids")).expect("folder");
    fs::write(crowded.join("grids/notes.toml"), &dotted).expect("written");
    let keys: String = (0..95_000).map(|i| format!("k{i} = 1\n")).collect();
    fs::write(crowded.join("grids/zz.fr.toml"), format!("format = 1\n{keys}")).expect("written");
    let (t, kb) = measure_new(&crowded);
    rows.push(Row {
        what: "`new --grid delor-secret` beside a 4 MB grid of dotted keys and one just under the item limit"
            .into(),
        budget: "as beside an empty grid folder".into(),
        measured: format!(
            "{} and {:.1} MB (empty folder: {}, {:.1} MB)",
            ms(t),
            kb as f64 / 1024.0,
            ms(t0),
            kb0 as f64 / 1024.0
        ),
        ok: t <= t0 + Duration::from_millis(50) && kb <= kb0 + 8 * 1024,
    });

    let data = root.join("costly-json");
    let export = json_export(&data);
    let with =
        |questions: String| export.replacen("\"questions\":[]", &format!("\"questions\":[{questions}]"), 1);
    let packed: Vec<String> =
        (0..300_000).map(|i| format!(r#"{{"id":"q{i}","kind":"scale","prompt":"","answer":1}}"#)).collect();
    let huge =
        format!(r#"{{"id":"q","kind":"text","prompt":"Faits ?","answer":"{}"}}"#, "x".repeat(12 << 20));
    let many: Vec<String> = (0..12_000)
        .map(|i| {
            format!(
                "{{\n          \"answer\": \"yes\",\n          \"answer_labels\": [\n            \"Oui\"\n          ],\n          \"answered_at\": \"2026-12-07T23:22:18+00:00\",\n          \"history\": [],\n          \"id\": \"q{i}\",\n          \"kind\": \"choice\",\n          \"prompt\": \"Quelqu'un est-il exposé à un péril ?\",\n          \"shown\": true\n        }}"
            )
        })
        .collect();
    let over = data.join("over.json");
    fs::File::create(&over).and_then(|f| f.set_len(60 << 20)).expect("a sparse file");
    for (what, file, text) in [
        ("a 60 MB file (refused from its size)", over, None),
        ("16 MB packed with empty answers (refused)", data.join("packed.json"), Some(with(packed.join(",")))),
        ("one answer of 12 MB", data.join("huge.json"), Some(with(huge))),
        ("12,000 answers as discern writes them", data.join("many.json"), Some(with(many.join(",")))),
    ] {
        if let Some(text) = &text {
            fs::write(&file, text).expect("written");
        }
        let size = fs::metadata(&file).expect("there").len();
        let mut cmd = discern(&data);
        cmd.arg("compare").arg(data.join("real.json")).arg(&file);
        let (t, kb) = run_measured(cmd, b"");
        let ratio = kb as f64 * 1024.0 / size as f64;
        rows.push(Row {
            what: format!("`compare` of a JSON export: {what}, {:.1} MB", size as f64 / 1_048_576.0),
            budget: "≤ 10× its size".into(),
            measured: format!("{}, {:.1} MB ({ratio:.1}×)", ms(t), kb as f64 / 1024.0),
            ok: ratio <= 10.0,
        });
    }
    rows
}

/// A real trail's JSON export, written compactly with no question (to be
/// filled), and the export itself as `real.json` beside it.
fn json_export(data: &Path) -> String {
    let mut cmd = discern(data);
    cmd.args(["new", "--grid", "delor-secret", "--title", "Atelier"]);
    let out = cmd.stdin(Stdio::null()).output().expect("runs");
    let path = String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default().to_string();
    let mut cmd = discern(data);
    let out = cmd.args(["export", &path, "--format", "json", "--yes"]).output().expect("runs");
    fs::write(data.join("real.json"), &out.stdout).expect("written");
    let mut export: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    export["steps"] = serde_json::json!([{ "id": "s", "title": "Étape", "questions": [] }]);
    export.to_string()
}

/// A trail of 20,000 answers (a 200-step grid of 10 questions, its steps
/// answered ten times over under other ids), read without its grid: no grid
/// may hold that many questions.
fn answers_rows(root: &Path) -> Vec<Row> {
    let data = root.join("answers");
    let grid_path = root.join("answers-grid.toml");
    super::data::big_grid(&grid_path, 200, 10);
    let grid = parse(&fs::read_to_string(&grid_path).expect("readable")).expect("valid");
    // Built record by record: the walk re-reads every condition at each
    // answer, which no real grid (at most some thousands of questions) feels.
    let mut trail = Trail::start(&grid, "Long", "longlong".into(), now());
    let rounds = (0..10).flat_map(|round| grid.steps.iter().map(move |step| (round, step)));
    for (round, step) in rounds {
        for question in &step.questions {
            let answer = match &question.kind {
                QuestionKind::Choice { .. } => Answer::Choice("a".into()),
                QuestionKind::Multi { .. } => Answer::Multi { options: vec!["x".into()], other: None },
                QuestionKind::Scale(sc) => Answer::Scale(sc.min),
                _ => Answer::Text(format!("Answer {}.{}", step.id, question.id)),
            };
            trail.answers.push(AnswerRecord {
                step: format!("{}r{round}", step.id),
                question: question.id.clone(),
                step_title: step.title.clone(),
                kind: question.kind.kind(),
                prompt: question.prompt.clone(),
                options: question.kind.options().iter().map(|o| (o.id.clone(), o.label.clone())).collect(),
                answer: Some(answer),
                at: now(),
                hidden: false,
                history: Vec::new(),
            });
        }
    }
    // As a trainer gets it from a participant: the trail alone, its grid
    // not in the library.
    let store = Store::new(&data);
    store.ensure().expect("folder");
    let path = store.path_for(&trail);
    store.save(&trail, &path).expect("saved");
    let n = trail.answers.len();
    let mut rows = Vec::new();
    for (what, args) in [
        ("export --format md", vec!["export", "longlong", "--yes", "--format", "md"]),
        ("export --format json", vec!["export", "longlong", "--yes", "--format", "json"]),
        ("review (off a terminal)", vec!["review", "longlong"]),
        ("compare of the trail with itself, --all", vec!["compare", "longlong", "longlong", "--all"]),
    ] {
        let mut cmd = discern(&data);
        cmd.args(&args);
        let (t, _) = run_measured(cmd, b"");
        rows.push(Row {
            what: format!("`{what}`, {n} answers"),
            budget: "≤ 1 s".into(),
            measured: ms(t),
            ok: t <= Duration::from_secs(1),
        });
    }
    rows
}

/// `new --plain` through a 2,000-question grid, one answer a line.
fn plain_row(root: &Path) -> Row {
    let data = root.join("plain");
    let grid_path = root.join("plain-grid.toml");
    let n = super::data::big_grid(&grid_path, 200, 10);
    let input: String = (0..n).map(|_| "1\n").collect();
    let mut cmd = discern(&data);
    cmd.args(["new", "--plain", "--title", "Long walk", "--grid"]).arg(&grid_path);
    let (t, _) = run_measured(cmd, input.as_bytes());
    Row {
        what: format!("plain walk of a {n}-question grid"),
        budget: "≤ 1 s".into(),
        measured: ms(t),
        ok: t <= Duration::from_secs(1),
    }
}
