//! Each command, from parsed arguments to output and exit code.

pub mod complete;
mod due;
pub mod encryption;
mod follow_up;
mod grid;
mod man;
pub mod trail;

use std::process::ExitCode;

use crate::cli::{Command, Global};
pub use crate::ops::{Ctx, Failure};
use crate::trail::store::folder_lock::{FolderLock, Hold};

/// The context of this run, from the global options; what in the config
/// file could not be used is told.
pub fn context(global: &Global) -> Ctx {
    let (ctx, problems) = Ctx::new(crate::ops::Settings {
        data_dir: global.data_dir.clone(),
        lang: global.lang,
        plain: global.plain,
        passphrase_file: global.passphrase_file.clone(),
    });
    for p in &problems {
        crate::tell!("discern: {}", ctx.lang.config_problem(&ctx.config.path, p));
    }
    ctx
}

/// Whether a command may write trails (and so deals with leftovers): the
/// library, a new (not ephemeral) trail, open, delete, purge.
fn writes_trails(command: Option<&Command>) -> bool {
    match command {
        None => true,
        Some(Command::New { ephemeral, .. }) => !ephemeral,
        Some(
            Command::Open { .. } | Command::Delete { .. } | Command::Purge { .. } | Command::FollowUp { .. },
        ) => true,
        Some(_) => false,
    }
}

/// How a command holds the data folder's lock (see `folder_lock`), and
/// whether it may create the folder to hold it; `None`: it works outside
/// the folder (grids, completions, an ephemeral walk).
fn folder_hold(command: Option<&Command>) -> Option<(Hold, bool)> {
    match command {
        Some(Command::Grid(_) | Command::Completions { .. } | Command::Man) => None,
        Some(Command::New { ephemeral: true, .. }) => None,
        Some(Command::Encrypt) => Some((Hold::Exclusive, true)),
        Some(Command::Decrypt | Command::Passphrase { .. }) => Some((Hold::Exclusive, false)),
        Some(Command::New { .. }) | None => Some((Hold::Shared, true)),
        Some(_) => Some((Hold::Shared, false)),
    }
}

/// Takes the data folder's lock for the whole run, waiting a few seconds
/// (and saying why) when another discern holds it in a way that excludes
/// this command. A folder that does not exist yet holds nothing to protect:
/// a command that only reads takes no lock there (and creates nothing).
fn hold_folder(ctx: &Ctx, command: Option<&Command>) -> Result<Option<FolderLock>, Failure> {
    let Some((hold, may_create)) = folder_hold(command) else { return Ok(None) };
    if !ctx.data_dir.is_dir() {
        if !may_create {
            return Ok(None);
        }
        crate::paths::create_private_dir(&ctx.data_dir)
            .map_err(|error| Failure::CannotCreate { path: ctx.data_dir.clone(), error })?;
    }
    let lang = ctx.lang;
    crate::ops::hold_folder(ctx, hold, || crate::tell!("discern: {}", lang.folder_waiting(hold))).map(Some)
}

/// Whether a command reads or writes the sessions folder.
fn uses_sessions(command: Option<&Command>) -> bool {
    match command {
        Some(Command::Grid(_) | Command::Completions { .. } | Command::Man) => false,
        Some(Command::New { ephemeral, .. }) => !ephemeral,
        _ => true,
    }
}

/// Whether a command touches the data folder at all.
fn uses_data_folder(command: Option<&Command>) -> bool {
    !matches!(command, Some(Command::Completions { .. } | Command::Man))
}

/// Once a run: discern's own folders that others could read or write are
/// made private, and what exposes the data folder otherwise is told.
fn guard_data_folder(ctx: &Ctx) {
    let own = ctx.data_dir == crate::paths::system_data_dir();
    for folder in crate::paths::make_own_folders_private(&ctx.data_dir, own) {
        crate::tell!("discern: {}", ctx.lang.made_private(&folder));
    }
    for exposure in crate::paths::exposures(&ctx.data_dir) {
        crate::tell!("discern: {}", ctx.lang.exposure(&exposure));
    }
}

pub fn run(ctx: &Ctx, command: Option<Command>) -> Result<ExitCode, Failure> {
    if uses_data_folder(command.as_ref()) {
        guard_data_folder(ctx);
    }
    // A sessions folder that is a symbolic link would have the index, the
    // trails and their deletions go wherever it points: refused by every
    // command that uses it, before anything is read or written.
    if uses_sessions(command.as_ref()) {
        crate::paths::refuse_symlink(&crate::paths::sessions_dir(&ctx.data_dir)).map_err(Failure::Io)?;
    }
    let _folder = hold_folder(ctx, command.as_ref())?;
    // An encrypted folder is unlocked once, before anything reads it.
    let unlocked;
    let ctx = if encryption::reads_trails(&command)
        && crate::trail::store::crypt::is_encrypted_folder(&ctx.data_dir)
        && ctx.key.is_none()
    {
        let dialog = trail::interactive(ctx)
            && matches!(command, None | Some(Command::Open { .. } | Command::Review { .. }));
        match encryption::unlock(ctx, dialog)? {
            Some(key) => {
                unlocked = ctx.with_key(key);
                &unlocked
            }
            // Left the passphrase dialog with Esc: nothing was done.
            None => return Ok(ExitCode::SUCCESS),
        }
    } else {
        ctx
    };
    if writes_trails(command.as_ref()) {
        let store = ctx.store();
        // Work left in a temporary file by a crash is dealt with first, and
        // trails named after their title by an earlier version lose that
        // name: only by the commands that write trails, as the others never
        // rename or remove a file.
        for leftover in store.clean_leftovers() {
            crate::tell!("discern: {}", ctx.lang.leftover(&leftover));
        }
        store.rename_to_title_free();
    }
    match command {
        Some(Command::Grid(g)) => grid::run(ctx, g),
        Some(Command::New { grid, title, ephemeral, output, format, force }) => {
            let export_to = output.map(|file| trail::ExportAtEnd { file, format, force });
            trail::new(ctx, &grid, &title, ephemeral, export_to)
        }
        Some(Command::Open { trail }) => trail::open(ctx, &trail),
        Some(Command::List { json }) => trail::list(ctx, json),
        Some(Command::Export { trail, format, output, full, yes, force }) => {
            trail::export(ctx, &trail, format, output.as_deref(), full, yes, force)
        }
        Some(Command::Lint { trail }) => trail::lint(ctx, &trail),
        Some(Command::Completions { shell }) => complete::script(shell),
        Some(Command::Man) => grid::print(&man::page(ctx.lang)),
        Some(Command::Review { trail }) => trail::review(ctx, &trail),
        Some(Command::Compare { trails, format, anonymous, all, output, force }) => {
            let options = crate::documents::compare::Options { anonymous, all };
            trail::compare(ctx, &trails, format, options, output.as_deref(), force)
        }
        Some(Command::Delete { trail, yes }) => trail::delete(ctx, &trail, yes),
        Some(Command::Purge { older_than, yes }) => trail::purge(ctx, older_than, yes),
        Some(Command::Encrypt) => encryption::encrypt(ctx),
        Some(Command::Decrypt) => encryption::decrypt(ctx),
        Some(Command::Passphrase { new_passphrase_file }) => {
            encryption::passphrase(ctx, new_passphrase_file.as_deref())
        }
        Some(Command::Due) => due::run(ctx),
        Some(Command::FollowUp { trail }) => follow_up::run(ctx, &trail),
        None if trail::interactive(ctx) => crate::tui::run_library(ctx),
        // Without a terminal, the library is the list.
        None => trail::list(ctx, false),
    }
}

/// Prints a text discern made itself (no one else's characters in it) as
/// it is; a closed pipe (`| head`, `| true`) is not an error: the reader
/// wanted no more.
pub(super) fn print_bytes(bytes: &[u8]) -> Result<ExitCode, Failure> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::Io(e)),
    }
}
