//! Each command, from parsed arguments to output and exit code.

mod due;
mod follow_up;
mod grid;
pub mod trail;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Command, Global};
use crate::config::Config;
use crate::text::Lang;

/// What every command needs to know about where it runs.
pub struct Ctx {
    pub lang: Lang,
    pub data_dir: PathBuf,
    pub config: Config,
    pub plain: bool,
}

/// A command that could not do its work: the message says what and what to do.
#[derive(Debug)]
pub struct Failure(pub String);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Ctx {
    pub fn new(global: &Global) -> Ctx {
        let (data_dir, named) = crate::paths::data_dir(global.data_dir.clone());
        let (config, problems) = Config::load(&crate::paths::config_file(&data_dir, named));
        let lang = Lang::detect(global.lang, config.language);
        for p in &problems {
            crate::tell!("discern: {}", lang.config_problem(&config.path, p));
        }
        Ctx { lang, data_dir, config, plain: global.plain }
    }

    pub fn grids_dir(&self) -> PathBuf {
        crate::paths::grids_dir(&self.data_dir)
    }
}

pub fn run(ctx: &Ctx, command: Option<Command>) -> Result<ExitCode, Failure> {
    if !matches!(command, Some(Command::Grid(_)) | Some(Command::New { ephemeral: true, .. })) {
        let store = crate::trail::store::Store::new(&ctx.data_dir);
        // Work left in a temporary file by a crash is dealt with first.
        for leftover in store.clean_leftovers() {
            crate::tell!("discern: {}", ctx.lang.leftover(&leftover));
        }
        // Trails named after their title by an earlier version lose that
        // name; commands that only read leave the folder as it is.
        if !matches!(
            command,
            Some(Command::Export { .. } | Command::Lint { .. } | Command::Compare { .. } | Command::Due)
        ) {
            store.rename_to_title_free();
        }
    }
    match command {
        Some(Command::Grid(g)) => grid::run(ctx, g),
        Some(Command::New { grid, title, ephemeral, output, format }) => {
            trail::new(ctx, &grid, &title, ephemeral, output.map(|o| (o, format)))
        }
        Some(Command::Open { trail }) => trail::open(ctx, &trail),
        Some(Command::List { json }) => trail::list(ctx, json),
        Some(Command::Export { trail, format, output, full, yes }) => {
            trail::export(ctx, &trail, format, output.as_deref(), full, yes)
        }
        Some(Command::Lint { trail }) => trail::lint(ctx, &trail),
        Some(Command::Review { trail }) => trail::review(ctx, &trail),
        Some(Command::Compare { trails, format, anonymous }) => {
            trail::compare(ctx, &trails, format, anonymous)
        }
        Some(Command::Delete { trail, yes }) => trail::delete(ctx, &trail, yes),
        Some(Command::Purge { older_than, yes }) => trail::purge(ctx, older_than, yes),
        Some(Command::Due) => due::run(ctx),
        Some(Command::FollowUp { trail }) => follow_up::run(ctx, &trail),
        None if trail::interactive(ctx) => crate::tui::run_library(ctx),
        // Without a terminal, the library is the list.
        None => trail::list(ctx, false),
    }
}
