//! `discern encrypt|decrypt`, and the passphrase asked once per run before
//! a command reads an encrypted folder.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::{Ctx, Failure};
use crate::cli::Command;
use crate::trail::store::crypt::{self, UnlockError};
use crate::trail::store::{Store, encryption};

/// Whether a command reads trails (and so needs the key of an encrypted
/// folder). Starting a trail does not: saving encrypts to the public key.
pub fn reads_trails(command: &Option<Command>) -> bool {
    !matches!(
        command,
        Some(
            Command::Grid(_)
                | Command::New { .. }
                | Command::Encrypt
                | Command::Completions { .. }
                | Command::Man
        )
    )
}

/// Asks for the passphrase of an encrypted folder (from `--passphrase-file`,
/// else on the terminal without echo) and unlocks it for this run. `None`
/// when the user left without giving one.
pub fn unlock(ctx: &Ctx, dialog: bool) -> Result<Option<Ctx>, Failure> {
    let lang = ctx.lang;
    let try_unlock = |passphrase: &str| match crypt::unlock(&ctx.data_dir, passphrase) {
        Ok(()) => Ok(()),
        Err(UnlockError::WrongPassphrase) => Err(Failure::PassphraseWrong),
        Err(UnlockError::KeyUnusable(message)) => {
            Err(Failure::KeyUnusable { path: crypt::key_path(&ctx.data_dir), message })
        }
    };
    if let Some(file) = &ctx.passphrase_file {
        try_unlock(&read_passphrase_file(file)?)?;
    } else if dialog {
        if !crate::tui::unlock_dialog(ctx)? {
            return Ok(None);
        }
    } else if std::io::stdin().is_terminal() {
        let Some(passphrase) = read_hidden(lang.passphrase_prompt()) else {
            return Err(Failure::PassphraseCancelled);
        };
        crate::tell!("{}", lang.unlocking());
        try_unlock(&passphrase)?;
    } else {
        return Err(Failure::PassphraseNeeded);
    }
    Ok(Some(ctx.unlocked()))
}

/// The first line of the file named with `--passphrase-file`.
fn read_passphrase_file(file: &Path) -> Result<String, Failure> {
    let text = std::fs::read_to_string(file)
        .map_err(|error| Failure::PassphraseFileUnreadable { path: file.to_path_buf(), error })?;
    Ok(text.lines().next().unwrap_or("").trim_end_matches('\r').to_string())
}

/// Reads a line on the terminal without showing it. `None` on Esc, Ctrl-C
/// or Ctrl-D.
pub fn read_hidden(prompt: &str) -> Option<String> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    // Not eprint!: a closed standard error is not a panic.
    let _ = write!(std::io::stderr(), "{prompt}");
    let _ = std::io::stderr().flush();
    enable_raw_mode().ok()?;
    let mut line = String::new();
    let result = loop {
        let Ok(Event::Key(key)) = event::read() else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => break Some(line),
            KeyCode::Esc => break None,
            KeyCode::Char('c' | 'd') if ctrl => break None,
            KeyCode::Backspace => {
                line.pop();
            }
            KeyCode::Char(c) if !ctrl => line.push(c),
            _ => {}
        }
    };
    let _ = disable_raw_mode();
    let _ = writeln!(std::io::stderr());
    result
}

/// The passphrase for a new key: from the file, or twice on the terminal.
fn new_passphrase(ctx: &Ctx) -> Result<String, Failure> {
    let lang = ctx.lang;
    let passphrase = if let Some(file) = &ctx.passphrase_file {
        read_passphrase_file(file)?
    } else if std::io::stdin().is_terminal() {
        crate::tell!("{}", lang.passphrase_warning());
        let first = read_hidden(lang.passphrase_prompt()).ok_or(Failure::PassphraseCancelled)?;
        if first.is_empty() {
            return Err(Failure::PassphraseEmpty);
        }
        let second = read_hidden(lang.passphrase_again()).ok_or(Failure::PassphraseCancelled)?;
        if first != second {
            return Err(Failure::PassphraseMismatch);
        }
        first
    } else {
        return Err(Failure::PassphraseNeeded);
    };
    if passphrase.is_empty() {
        return Err(Failure::PassphraseEmpty);
    }
    Ok(passphrase)
}

pub fn encrypt(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let store = Store::new(&ctx.data_dir);
    if crypt::is_encrypted_folder(&ctx.data_dir) {
        // Finishing an encryption needs no passphrase; one given must
        // still be the folder's: a wrong one is an error that changes nothing.
        if ctx.passphrase_file.is_some() {
            unlock(ctx, false)?;
        }
        crate::tell!("{}", lang.already_encrypted());
    } else {
        let passphrase = new_passphrase(ctx)?;
        store
            .create_key(&passphrase)
            .map_err(|error| Failure::CannotWrite { path: crypt::key_path(&ctx.data_dir), error })?;
    }
    // The author's name leaves the config file for the encrypted folder.
    if let Some(author) = &ctx.config.author
        && !ctx.config.path.as_os_str().is_empty()
    {
        encryption::seal_author(&ctx.data_dir, author)
            .and_then(|()| crate::config::remove_author(&ctx.config.path))
            .map_err(|error| Failure::CannotWrite { path: ctx.config.path.clone(), error })?;
    }
    let report = store
        .encrypt_trails()
        .map_err(|error| Failure::CannotWrite { path: store.dir().to_path_buf(), error })?;
    crate::tell!("{}", lang.encrypted_report(&report, &ctx.data_dir));
    // Exports made before are plaintext, and stay the user's to keep or not.
    let exports = crate::paths::exports_dir(&ctx.data_dir);
    let plaintext_exports = std::fs::read_dir(&exports).map_or(0, |d| d.filter_map(|e| e.ok()).count());
    if plaintext_exports > 0 {
        crate::tell!("{}", lang.plaintext_exports_left(plaintext_exports, &exports));
    }
    Ok(if report.complete() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn decrypt(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    if !crypt::is_encrypted_folder(&ctx.data_dir) {
        crate::tell!("{}", lang.not_encrypted());
        return Ok(ExitCode::SUCCESS);
    }
    let store = Store::new(&ctx.data_dir);
    let report = store.decrypt_trails();
    if report.complete() {
        // The author's name goes back to the config file before its
        // encrypted copy is removed.
        if let Some(author) = encryption::sealed_author(&ctx.data_dir)
            && !ctx.config.path.as_os_str().is_empty()
        {
            crate::config::save_author(&ctx.config.path, &author)
                .map_err(|error| Failure::CannotWrite { path: ctx.config.path.clone(), error })?;
        }
        encryption::remove_sealed_author(&ctx.data_dir)
            .and_then(|()| store.remove_key())
            .map_err(|error| Failure::CannotWrite { path: crypt::key_path(&ctx.data_dir), error })?;
    }
    crate::tell!("{}", lang.decrypted_report(&report, &ctx.data_dir));
    Ok(if report.complete() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
