//! Completion of the command line by the shell. The scripts of `discern
//! completions SHELL` call discern back at each Tab (clap_complete's
//! `COMPLETE=SHELL discern -- WORDS…`), so that a TRAIL is completed with
//! the ids of the trails in the data folder and a grid with the ids of the
//! grids, as they are at that moment; a value that looks like a path, or
//! matches no id, is completed as a path.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, PathCompleter, ValueCompleter};
use clap_complete::env::EnvCompleter;

use super::Failure;
use crate::cli::Shell;
use crate::grid::library::Library;
use crate::text::Lang;
use crate::trail::store::Store;

/// The variable the scripts set when they ask discern for completions.
const VAR: &str = "COMPLETE";

/// The commands whose TRAIL argument is completed with trail ids.
const TRAIL_ARGS: &[(&str, &str)] = &[
    ("open", "trail"),
    ("export", "trail"),
    ("delete", "trail"),
    ("review", "trail"),
    ("lint", "trail"),
    ("follow-up", "trail"),
    ("compare", "trails"),
];

/// When a completion script asks (`COMPLETE` is set), prints the words that
/// may come next and exits; otherwise does nothing.
pub fn answer_if_asked(lang: Lang) {
    clap_complete::CompleteEnv::with_factory(move || completing(lang)).var(VAR).complete();
}

/// `discern completions SHELL`: the script that registers discern's
/// completion with the shell.
pub fn script(shell: Shell) -> Result<ExitCode, Failure> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
        Shell::Powershell => &clap_complete::env::Powershell,
    };
    let mut script = Vec::new();
    completer
        .write_registration(VAR, "discern", "discern", &completer_path(), &mut script)
        .map_err(Failure::Io)?;
    super::print_bytes(&script)
}

/// How the script calls discern back: as it was called now (`discern`
/// from the PATH, or the path it was run by, made absolute).
fn completer_path() -> String {
    let called = std::env::args_os().next().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("discern"));
    let called = if called.components().count() > 1 && called.is_relative() {
        std::env::current_dir().map(|d| d.join(&called)).unwrap_or(called)
    } else {
        called
    };
    called.to_string_lossy().into_owned()
}

/// The command line with the completers of its values.
fn completing(lang: Lang) -> clap::Command {
    let mut cmd = crate::cli::command(lang);
    for (sub, arg) in TRAIL_ARGS {
        cmd = cmd.mut_subcommand(*sub, |s| s.mut_arg(*arg, |a| a.add(ArgValueCompleter::new(trails))));
    }
    cmd.mut_subcommand("new", |s| s.mut_arg("grid", |a| a.add(ArgValueCompleter::new(grids))))
        .mut_subcommand("grid", |g| {
            g.mut_subcommand("show", |s| s.mut_arg("grid", |a| a.add(ArgValueCompleter::new(grids))))
        })
}

/// The trails whose id starts with what is typed, each with the day it was
/// started; a path when what is typed looks like one or matches no id.
fn trails(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    if looks_like_path(&typed) {
        return PathCompleter::any().complete(current);
    }
    let store = Store::new(&data_dir());
    let found: Vec<CompletionCandidate> = store
        .ids_from_file_names()
        .into_iter()
        .filter(|(id, _)| id.starts_with(typed.as_ref()))
        .map(|(id, day)| CompletionCandidate::new(id).help(day.map(Into::into)))
        .collect();
    if found.is_empty() { PathCompleter::any().complete(current) } else { found }
}

/// The grids whose id starts with what is typed, each with its title; a
/// path when what is typed looks like one or matches no id.
fn grids(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    if looks_like_path(&typed) {
        return PathCompleter::any().complete(current);
    }
    let library = Library::load(&crate::paths::grids_dir(&data_dir()));
    let mut found: Vec<(String, String)> = library
        .entries
        .iter()
        .filter_map(|e| e.grid.as_ref().ok())
        .filter(|g| g.meta.id.starts_with(typed.as_ref()))
        .map(|g| (g.meta.id.clone(), g.meta.title.clone()))
        .collect();
    found.sort();
    // One grid id in several languages is one word to complete.
    found.dedup_by(|a, b| a.0 == b.0);
    if found.is_empty() {
        return PathCompleter::any().complete(current);
    }
    found.into_iter().map(|(id, title)| CompletionCandidate::new(id).help(Some(title.into()))).collect()
}

fn looks_like_path(typed: &str) -> bool {
    typed.contains(['/', '\\'])
        || typed.starts_with(['.', '~'])
        || typed.ends_with(".toml")
        || typed.ends_with(".json")
}

/// The data folder of the command line being completed: its `--data-dir`,
/// else `DISCERN_DATA_DIR`, else the system's.
fn data_dir() -> PathBuf {
    let words: Vec<String> = std::env::args().skip_while(|w| w != "--").collect();
    let flag = words.iter().enumerate().find_map(|(i, w)| {
        w.strip_prefix("--data-dir=")
            .map(PathBuf::from)
            .or_else(|| (w == "--data-dir").then(|| words.get(i + 1).map(PathBuf::from)).flatten())
    });
    crate::paths::data_dir(flag).0
}
