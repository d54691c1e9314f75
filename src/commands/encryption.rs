//! `discern encrypt|decrypt|passphrase`, and the passphrase asked once per
//! run before a command reads an encrypted folder.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use age::secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::{Ctx, Failure};
use crate::cli::Command;
use crate::ops;
use crate::text::Lang;
use crate::trail::store::crypt::{self, Key};
use crate::trail::store::encryption::{self, Converted};

/// Whether a command reads trails (and so needs the key of an encrypted
/// folder, asked before it starts). Starting a trail does not: saving
/// encrypts to the public key. `encrypt` and `passphrase` ask for it
/// themselves, in their own words.
pub fn reads_trails(command: &Option<Command>) -> bool {
    !matches!(
        command,
        Some(
            Command::Grid(_)
                | Command::New { .. }
                | Command::Encrypt
                | Command::Passphrase { .. }
                | Command::Completions { .. }
                | Command::Man
        )
    )
}

/// Asks for the passphrase of an encrypted folder (from `--passphrase-file`,
/// else in the dialog on the full screen or on the terminal without echo)
/// and unlocks the folder's key. `None` when the user left the dialog.
pub fn unlock(ctx: &Ctx, dialog: bool) -> Result<Option<Key>, Failure> {
    if dialog && ctx.passphrase_file.is_none() {
        return crate::tui::unlock_dialog(ctx);
    }
    ask_and_unlock(ctx, ctx.lang.passphrase_prompt()).map(Some)
}

/// The passphrase from `--passphrase-file`, else asked on the terminal
/// with `prompt`; the key it opens.
fn ask_and_unlock(ctx: &Ctx, prompt: &str) -> Result<Key, Failure> {
    let passphrase = match &ctx.passphrase_file {
        Some(file) => read_passphrase_file(file)?,
        None if std::io::stdin().is_terminal() => {
            let passphrase = read_hidden(prompt).ok_or(Failure::PassphraseCancelled)?;
            crate::tell!("{}", ctx.lang.unlocking());
            passphrase
        }
        None => return Err(Failure::PassphraseNeeded),
    };
    ops::unlock(ctx, &passphrase)
}

/// The passphrase in a file: its first line, without the line end (LF or
/// CRLF) and without the byte-order mark an editor such as Notepad puts
/// first in a UTF-8 file — neither could ever be typed.
fn read_passphrase_file(file: &Path) -> Result<SecretString, Failure> {
    let bytes = Zeroizing::new(
        std::fs::read(file)
            .map_err(|error| Failure::PassphraseFileUnreadable { path: file.to_path_buf(), error })?,
    );
    let text = std::str::from_utf8(&bytes).map_err(|e| Failure::PassphraseFileUnreadable {
        path: file.to_path_buf(),
        error: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line = text.split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    Ok(SecretString::from(line))
}

/// Reads a line on the terminal without showing it. `None` on Esc, Ctrl-C
/// or Ctrl-D. The line is kept in memory made ready for any passphrase, so
/// that no copy is left behind by growing it, and zeroised if abandoned.
pub fn read_hidden(prompt: &str) -> Option<SecretString> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    let _ = write!(std::io::stderr(), "{prompt}");
    let _ = std::io::stderr().flush();
    enable_raw_mode().ok()?;
    let mut line = Zeroizing::new(String::with_capacity(1024));
    let result = loop {
        let Ok(Event::Key(key)) = event::read() else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            // Copied into a secret of its exact size; the line is zeroised.
            KeyCode::Enter => break Some(SecretString::from(line.as_str())),
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

/// A new passphrase: from `file`, or twice on the terminal (first with
/// `prompt`) after the warning that nobody can recover it. `needed`: what
/// to say without either.
fn new_passphrase(
    lang: Lang,
    file: Option<&Path>,
    prompt: &str,
    needed: Failure,
) -> Result<SecretString, Failure> {
    let passphrase = if let Some(file) = file {
        read_passphrase_file(file)?
    } else if std::io::stdin().is_terminal() {
        crate::tell!("{}", lang.passphrase_warning());
        let first = read_hidden(prompt).ok_or(Failure::PassphraseCancelled)?;
        if first.expose_secret().is_empty() {
            return Err(Failure::PassphraseEmpty);
        }
        let second = read_hidden(lang.passphrase_again()).ok_or(Failure::PassphraseCancelled)?;
        if first.expose_secret() != second.expose_secret() {
            return Err(Failure::PassphraseMismatch);
        }
        first
    } else {
        return Err(needed);
    };
    if passphrase.expose_secret().is_empty() {
        return Err(Failure::PassphraseEmpty);
    }
    Ok(passphrase)
}

/// Turns encryption on, or finishes turning it on. The key is never made
/// over an existing one: a folder that has `key.age` is finished with it,
/// once the passphrase proves that `key.pub` is its public key (and
/// rebuilds a lost one); a folder with `key.pub` alone is refused.
pub fn encrypt(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let data = &ctx.data_dir;
    let key = if crypt::key_path(data).exists() {
        let key = match &ctx.key {
            Some(key) => key.clone(),
            None => ask_and_unlock(ctx, lang.passphrase_prompt())?,
        };
        crate::tell!("{}", lang.already_encrypted());
        key
    } else if crypt::public_key_path(data).exists() {
        return Err(Failure::KeyMissing { key: crypt::key_path(data), public: crypt::public_key_path(data) });
    } else {
        let passphrase = new_passphrase(
            lang,
            ctx.passphrase_file.as_deref(),
            lang.passphrase_prompt(),
            Failure::PassphraseNeeded,
        )?;
        ctx.store()
            .create_key(&passphrase)
            .map_err(|error| Failure::CannotWrite { path: crypt::key_path(data), error })?
    };
    let ctx = ctx.with_key(key);
    let store = ctx.store();
    // The author's name leaves the config file for the encrypted folder.
    if let Some(author) = &ctx.config.author
        && !ctx.config.path.as_os_str().is_empty()
    {
        store
            .seal_author(author)
            .and_then(|()| crate::config::remove_author(&ctx.config.path))
            .map_err(|error| Failure::CannotWrite { path: ctx.config.path.clone(), error })?;
    }
    let report = store
        .encrypt_trails()
        .map_err(|error| Failure::CannotWrite { path: store.dir().to_path_buf(), error })?;
    tell_leftovers(lang, &report);
    // An interrupted decryption, given up for this encryption, is no more
    // once every file is encrypted (said before as half decrypted: the
    // folder never claims to be whole while it is not).
    if report.complete() {
        store.unmark_decrypting();
    }
    crate::tell!("{}", lang.encrypted_report(&report, data));
    // Exports made before are plaintext, and stay the user's to keep or not.
    let exports = crate::paths::exports_dir(data);
    let plaintext_exports = std::fs::read_dir(&exports).map_or(0, |d| d.filter_map(|e| e.ok()).count());
    if plaintext_exports > 0 {
        crate::tell!("{}", lang.plaintext_exports_left(plaintext_exports, &exports));
    }
    Ok(if report.complete() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Turns encryption off (the key was unlocked before, see `run`). A marker
/// says the work is under way until the keys go, and they go only once no
/// encrypted file of any kind is left.
pub fn decrypt(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    if !crypt::is_encrypted_folder(&ctx.data_dir) {
        crate::tell!("{}", lang.not_encrypted());
        return Ok(ExitCode::SUCCESS);
    }
    let store = ctx.store();
    if store.key().is_none() {
        return Err(Failure::PassphraseNeeded);
    }
    store.mark_decrypting().map_err(|error| Failure::CannotWrite { path: ctx.data_dir.clone(), error })?;
    let mut report = store.decrypt_trails();
    tell_leftovers(lang, &report);
    if report.complete() {
        store.remove_encrypted_caches();
        let left = store.ciphertext_left();
        if left.is_empty() {
            // The author's name goes back to the config file before its
            // encrypted copy is removed.
            if let Some(author) = store.sealed_author()
                && !ctx.config.path.as_os_str().is_empty()
            {
                crate::config::save_author(&ctx.config.path, &author)
                    .map_err(|error| Failure::CannotWrite { path: ctx.config.path.clone(), error })?;
            }
            encryption::remove_sealed_author(&ctx.data_dir)
                .and_then(|()| store.remove_key())
                .map_err(|error| Failure::CannotWrite { path: crypt::key_path(&ctx.data_dir), error })?;
        } else {
            report.failed.extend(left.into_iter().map(|p| (p, lang.still_encrypted().to_string())));
        }
    }
    crate::tell!("{}", lang.decrypted_report(&report, &ctx.data_dir));
    Ok(if report.complete() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Changes the passphrase: the current one opens the key, the new one
/// (from `--new-passphrase-file`, or twice on the terminal) seals the same
/// identity in place of `key.age`, atomically.
pub fn passphrase(ctx: &Ctx, new_file: Option<&Path>) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    if !crypt::is_encrypted_folder(&ctx.data_dir) {
        return Err(Failure::NotEncrypted);
    }
    let key = ask_and_unlock(ctx, lang.passphrase_current_prompt())?;
    let new = new_passphrase(lang, new_file, lang.passphrase_new_prompt(), Failure::NewPassphraseNeeded)?;
    ctx.store().remove_key_leftovers();
    ops::change_passphrase(ctx, &key, &new)?;
    crate::tell!("{}", lang.passphrase_changed(&crypt::key_path(&ctx.data_dir)));
    Ok(ExitCode::SUCCESS)
}

fn tell_leftovers(lang: Lang, report: &Converted) {
    for leftover in &report.leftovers {
        crate::tell!("discern: {}", lang.leftover(leftover));
    }
}
