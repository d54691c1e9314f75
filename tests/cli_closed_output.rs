//! Output to a closed pipe (`discern decrypt 2>&1 | true`, `discern man |
//! head -1`): every command ends quietly, with the status it has when its
//! output is read, never a panic. Each command is run three times on a
//! fresh copy of the same data folder: as usual, with standard output
//! closed, with standard error closed, and with both.
#![cfg(unix)]

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use common::{discern, stderr};

const GRID: &str = "tests/grids/good/example.fr.toml";

/// Which of the outputs a run finds closed.
#[derive(Clone, Copy, Debug)]
enum Closed {
    Nothing,
    Stdout,
    Stderr,
    Both,
}

/// The write end of a pipe whose read end is already closed: every write
/// to it fails with a broken pipe, as `| true` or `| head` do once the
/// reader has gone.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    writer.into()
}

/// A data folder with one trail in it (plaintext, or encrypted), copied
/// for each run so that a command that changes it meets the same folder.
struct Template {
    root: tempfile::TempDir,
    plain: PathBuf,
    encrypted: PathBuf,
    pass: PathBuf,
    id: String,
}

fn template() -> Template {
    let root = tempfile::tempdir().unwrap();
    let plain = root.path().join("plain");
    let pass = root.path().join("pass.txt");
    fs::write(&pass, "une phrase de passe\n").unwrap();
    let out = discern(&plain)
        .args(["new", "--grid", GRID, "--title", "Situation A"])
        .write_stdin("Faits\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let id = fs::read_dir(plain.join("sessions"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find_map(|name| name.strip_suffix(".toml").map(|stem| stem[11..].to_string()))
        .expect("the trail's file");
    let encrypted = root.path().join("encrypted");
    copy_dir(&plain, &encrypted);
    let out = discern(&encrypted).arg("--passphrase-file").arg(&pass).arg("encrypt").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    Template { root, plain, encrypted, pass, id }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    fs::set_permissions(to, fs::metadata(from).unwrap().permissions()).unwrap();
}

/// One command line: its arguments (`{id}` stands for the trail's id), what
/// it reads on standard input, whether it needs the encrypted folder, and
/// its status when nobody reads its questions, if not the usual one.
struct Case {
    args: &'static str,
    input: &'static str,
    encrypted: bool,
    unread: Option<i32>,
}

const fn case(args: &'static str, input: &'static str) -> Case {
    Case { args, input, encrypted: false, unread: None }
}

/// Every command, with the ways of calling it that print differently.
const CASES: &[Case] = &[
    case("", ""),
    case("--help", ""),
    case("--version", ""),
    case("no-such-command", ""),
    case("grid list", ""),
    case(concat!("grid check ", "tests/grids/good/example.fr.toml"), ""),
    case(concat!("grid check ", "tests/grids/broken/bad-ids.toml"), ""),
    case("grid show delor-secret", ""),
    case("grid show delor-secret --format html", ""),
    case("grid new mine", ""),
    case("new --grid delor-secret --title Nouvelle", "Des faits\n2\n\n\n"),
    case("new --ephemeral --grid delor-secret --title Essai", "Des faits\n"),
    case("open {id}", "Autre chose\n"),
    case("list", ""),
    case("list --json", ""),
    case("export {id} --format md", ""),
    case("export {id} --format json --full", ""),
    case("export {id} --format md -o exported.md", ""),
    case("lint {id}", ""),
    case("review {id}", ""),
    case("compare {id} {id}", ""),
    case("due", ""),
    // Its questions asked to nobody, the follow-up stops unfinished (exit
    // 1, "nothing was saved"), as the plain walk stops at a closed output
    // (keeping what it read).
    Case {
        args: "follow-up {id}",
        input: "Ce qui s'est passé\noui\nUne leçon\n",
        encrypted: false,
        unread: Some(1),
    },
    case("delete {id}", "y\n"),
    case("delete {id}", ""),
    case("purge --older-than 0 --yes", ""),
    case("completions bash", ""),
    case("completions powershell", ""),
    case("man", ""),
    case("encrypt", ""),
    Case { args: "list", input: "", encrypted: true, unread: None },
    Case { args: "decrypt", input: "", encrypted: true, unread: None },
    Case { args: "encrypt", input: "", encrypted: true, unread: None },
    // The same passphrase again, from the same file: the key is replaced.
    Case { args: "passphrase --new-passphrase-file {pass}", input: "", encrypted: true, unread: None },
];

fn run(t: &Template, case: &Case, closed: Closed) -> Output {
    let work = tempfile::tempdir_in(t.root.path()).unwrap();
    let data = work.path().join("data");
    copy_dir(if case.encrypted { &t.encrypted } else { &t.plain }, &data);
    let export = work.path().join("x.md");
    let args = case
        .args
        .replace("{id}", &t.id)
        .replace("{pass}", &t.pass.to_string_lossy())
        .replace("exported.md", &export.to_string_lossy());
    // std's Command, not assert_cmd's: the outputs are set one by one.
    let usual = discern(&data);
    let mut cmd = std::process::Command::new(usual.get_program());
    for (key, value) in usual.get_envs() {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    cmd.arg("--passphrase-file").arg(&t.pass).args(args.split_whitespace());
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if matches!(closed, Closed::Stdout | Closed::Both) {
        cmd.stdout(closed_pipe());
    }
    if matches!(closed, Closed::Stderr | Closed::Both) {
        cmd.stderr(closed_pipe());
    }
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().expect("piped");
    // The command may end without reading it all: a failed write is fine.
    let _ = stdin.write_all(case.input.as_bytes());
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn every_command_ends_quietly_when_its_output_is_closed() {
    let t = template();
    let mut wrong = Vec::new();
    for case in CASES {
        let usual = run(&t, case, Closed::Nothing);
        assert!(usual.status.code().is_some(), "{}: {:?}", case.args, usual.status);
        for closed in [Closed::Stdout, Closed::Stderr, Closed::Both] {
            let out = run(&t, case, closed);
            let said = stderr(&out);
            let expected = match closed {
                Closed::Stdout | Closed::Both => case.unread.or(usual.status.code()),
                _ => usual.status.code(),
            };
            if out.status.code() != expected
                || said.contains("panicked")
                || said.contains("output was closed")
            {
                wrong.push(format!(
                    "`discern {}` with {closed:?} closed: {:?} (as usual: {:?}) {}",
                    case.args,
                    out.status.code(),
                    usual.status.code(),
                    said.lines().next().unwrap_or("")
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The list above covers every command clap knows: a new command gets its
/// line there, or this fails.
#[test]
fn every_command_is_in_the_list() {
    let command = discern::cli::command(discern::text::Lang::En);
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        if name == "help" {
            continue;
        }
        let subs: Vec<&str> = sub.get_subcommands().map(|s| s.get_name()).filter(|n| *n != "help").collect();
        let names: Vec<String> = if subs.is_empty() {
            vec![name.to_string()]
        } else {
            subs.iter().map(|s| format!("{name} {s}")).collect()
        };
        for full in names {
            assert!(
                CASES.iter().any(|c| c.args == full || c.args.starts_with(&format!("{full} "))),
                "`discern {full}` is not tried with a closed output"
            );
        }
    }
}
