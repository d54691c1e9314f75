//! Files from someone else — a participant's trail, a colleague's grid, a
//! config — through every command-line output path. None of their control
//! characters may reach the terminal.

mod common;

use std::fs;
use std::path::Path;

use common::{discern, stderr, stdout};

/// Sets the terminal's title, writes the clipboard, clears the screen
/// (C1 CSI), flips the text's direction.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;Y3VybA==\u{7}\u{9b}2J\u{202e}\u{2066}";
const TOML_HOSTILE: &str = r"\u001b]0;pwned\u0007\u001b]52;c;Y3VybA==\u0007\u009b2J\u202e\u2066";

fn hostile_grid() -> String {
    format!(
        r#"format = 1

[grid]
id = "hostile"
version = "1"
language = "en"
title = "Grid {h}"
summary = "Summary {h}"

[[steps]]
id = "s"
title = "Step {h}"
guidance = "Guidance {h}"

[[steps.questions]]
id = "q"
kind = "text"
prompt = "Prompt {h}"
hint = "Hint {h}"

[[steps.questions]]
id = "c"
kind = "choice"
prompt = "Choice {h}"
options = [{{ id = "a", label = "A {h}", hint = "ha {h}" }}, {{ id = "b", label = "B {h}" }}]

[[steps.references]]
label = "Ref {h}"
text = "Text {h}"
"#,
        h = TOML_HOSTILE
    )
}

/// The bytes a terminal would obey: ESC, BEL, C1 controls, bidi overrides.
fn assert_clean(what: &str, bytes: &[u8]) {
    assert!(!bytes.contains(&0x1b), "{what}: ESC reached the terminal");
    assert!(!bytes.contains(&0x07), "{what}: BEL reached the terminal");
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        assert!(!('\u{80}'..='\u{9f}').contains(&c), "{what}: C1 control {:?}", c);
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "{what}: bidirectional override {:?}",
            c
        );
    }
}

fn run(data: &Path, what: &str, args: &[&str], input: &str) -> std::process::Output {
    let out = discern(data).args(args).write_stdin(input).output().unwrap();
    assert_clean(&format!("{what} (stdout)"), &out.stdout);
    assert_clean(&format!("{what} (stderr)"), &out.stderr);
    out
}

#[test]
fn no_output_path_lets_a_control_character_through() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("hostile.en.toml");
    fs::write(&grid, hostile_grid()).unwrap();
    let grid = grid.to_str().unwrap();
    let title = format!("Title {HOSTILE}");
    let answers = format!("Answer {HOSTILE}\n1\n");

    let out =
        run(data.path(), "new --plain", &["new", "--plain", "--grid", grid, "--title", &title], &answers);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Prompt ␛]0;pwned␇"), "shown visibly: {}", stdout(&out));
    let trail = stdout(&out).lines().last().unwrap().to_string();
    let id = fs::read_to_string(&trail).unwrap();
    let id = id.lines().find_map(|l| l.strip_prefix("id = \"")).unwrap().trim_end_matches('"').to_string();

    run(data.path(), "open --plain", &["open", "--plain", &id], "\n\n");
    run(data.path(), "list", &["list"], "");
    run(data.path(), "list --json", &["list", "--json"], "");
    for format in ["md", "txt", "json", "html"] {
        for full in [&[][..], &["--full"][..]] {
            let mut args = vec!["export", &id, "--yes", "--format", format];
            args.extend_from_slice(full);
            let out = run(data.path(), "export", &args, "");
            assert!(out.status.success(), "{}", stderr(&out));
        }
    }
    // The confirmation before an export with warnings, answered no.
    run(data.path(), "export prompt", &["export", &id], "n\n");
    run(data.path(), "review", &["review", &id], "");
    run(data.path(), "compare", &["compare", &id, &id], "");
    run(data.path(), "compare txt", &["compare", &id, &id, "--format", "txt"], "");
    run(data.path(), "lint", &["lint", &id], "");
    let out = run(data.path(), "delete prompt", &["delete", &id], "n\n");
    assert!(stderr(&out).contains("␛]0;pwned␇"), "the title is shown visibly: {}", stderr(&out));

    // A file written with -o keeps the text as it is.
    let file = dir.path().join("out.md");
    let out = run(data.path(), "export -o", &["export", &id, "--yes", "-o", file.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::read_to_string(&file).unwrap().contains(HOSTILE));

    // Grids: show, list (from the user's folder), check messages naming a key.
    run(data.path(), "grid show", &["grid", "show", grid], "");
    fs::create_dir_all(data.path().join("grids")).unwrap();
    fs::copy(grid, data.path().join("grids/hostile.en.toml")).unwrap();
    let broken = dir.path().join("broken.en.toml");
    let key = r#""k\u001b]0;x\u0007\u009b" = 1"#;
    fs::write(&broken, hostile_grid().replacen("[grid]\n", &format!("[grid]\n{key}\n"), 1)).unwrap();
    fs::copy(&broken, data.path().join("grids/broken.en.toml")).unwrap();
    run(data.path(), "grid list", &["grid", "list"], "");
    let out = run(data.path(), "grid check", &["grid", "check", broken.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    run(
        data.path(),
        "new from a broken grid",
        &["new", "--plain", "--grid", broken.to_str().unwrap(), "--title", "x"],
        "",
    );

    // A damaged trail, and a config with a hostile key.
    let sessions = data.path().join("sessions");
    fs::write(sessions.join("damaged.toml"), format!("format = 1\nid = \"x\"\ntitle = \"{TOML_HOSTILE}\n"))
        .unwrap();
    run(data.path(), "list with a damaged trail", &["list"], "");
    run(
        data.path(),
        "open a damaged trail",
        &["open", "--plain", sessions.join("damaged.toml").to_str().unwrap()],
        "",
    );
    fs::write(data.path().join("config.toml"), format!("\"{TOML_HOSTILE}\" = 1\n")).unwrap();
    run(data.path(), "config warning", &["list"], "");
}

/// Issue 11: a grid full of errors (4,000 unknown keys) prints the first
/// 200 problems and counts the others, in both languages.
#[test]
fn a_grid_full_of_errors_prints_the_first_problems_and_counts_the_others() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keys: String = (0..4_000).map(|i| format!("k{i} = 1\n")).collect();
    let header = "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"T\"\n";
    let step = "[[steps]]\nid = \"s\"\ntitle = \"S\"\n[[steps.questions]]\nid = \"q\"\nkind = \"text\"\nprompt = \"p\"\n";
    let grid = dir.path().join("bad.toml");
    fs::write(&grid, format!("{header}{keys}{step}")).unwrap();
    let out = discern(data.path()).args(["grid", "check"]).arg(&grid).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 201, "200 problems and a count: {}", &text[..text.len().min(500)]);
    assert!(lines[0].ends_with(":7:1: error: unknown key “k0” (in [grid])"), "{}", lines[0]);
    assert!(lines[199].contains("“k199”"), "{}", lines[199]);
    assert!(lines[200].ends_with(":207:1: error: … and 3,800 more problems"), "{}", lines[200]);
    let out =
        discern(data.path()).env("LANG", "fr_FR.UTF-8").args(["grid", "check"]).arg(&grid).output().unwrap();
    assert!(stdout(&out).trim_end().ends_with("… et 3 800 autres problèmes"), "{}", stdout(&out));
}

/// Issue 11: a file packed with far more keys than any grid (60,000
/// unknown keys in 0.7 MB) is refused before it is parsed, so that it cannot
/// take the parser's memory: one message, at once.
#[test]
fn a_file_packed_with_keys_is_refused_before_parsing() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keys: String = (0..120_000).map(|i| format!("k{i} = 1\n")).collect();
    let grid = dir.path().join("packed.toml");
    fs::write(&grid, format!("format = 1\n[grid]\n{keys}")).unwrap();
    let out = discern(data.path()).args(["grid", "check"]).arg(&grid).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains(":1:1: error: the file holds more than 100,000 keys, values and tables"), "{text}");
    assert!(text.contains("is this the right file?"), "{text}");
}

/// A dense grid of 2,000 questions (choice questions of five options each,
/// written inline: about 52,000 keys, values and commas in 0.6 MB) is a
/// grid, not an attack: it checks, and a plain walk goes through it.
#[test]
fn a_dense_grid_of_two_thousand_questions_loads_and_is_walked() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut t = String::from(
        "format = 1\n[grid]\nid = \"big\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"Big\"\n",
    );
    for s in 0..200 {
        t.push_str(&format!("\n[[steps]]\nid = \"s{s}\"\ntitle = \"Step {s}\"\nguidance = \"Think.\"\n"));
        for q in 0..10 {
            t.push_str(&format!(
                "[[steps.questions]]\nid = \"q{q}\"\nkind = \"choice\"\nprompt = \"Which of these fits best, question {q}?\"\n"
            ));
            t.push_str("options = [{ id = \"a\", label = \"Yes\" }, { id = \"b\", label = \"No\" }, { id = \"c\", label = \"Partly\" }, { id = \"d\", label = \"Not sure\" }, { id = \"e\", label = \"Does not apply\" }]\n");
        }
        t.push_str("[[steps.references]]\nlabel = \"Code pénal, art. 226-13\"\n");
    }
    let grid = dir.path().join("big.en.toml");
    fs::write(&grid, &t).unwrap();
    let out = discern(data.path()).args(["grid", "check"]).arg(&grid).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let input: String = (0..2_000).map(|_| "1\n").collect();
    let out = discern(data.path())
        .args(["new", "--plain", "--title", "Long walk", "--grid"])
        .arg(&grid)
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
