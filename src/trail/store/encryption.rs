//! Turning encryption on and off for a whole data folder, one file at a
//! time, each replaced atomically, so that a kill at any point leaves every
//! trail whole and readable (plaintext or encrypted) and running the same
//! command again finishes the work.
//!
//! The order is what makes it safe. On: the key is written before the
//! public key that turns encryption on; then each trail's ciphertext is
//! renamed over its plaintext, and the file renamed to `.age`. Off: every
//! trail is decrypted first, and the keys go last, only once no file is
//! left that needs them.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Store, crypt, index, lock_path, words};

/// What a conversion did.
#[derive(Debug, Default)]
pub struct Converted {
    /// Files converted in this run.
    pub done: usize,
    /// Files already as wanted.
    pub already: usize,
    /// Files open in another discern, left for a later run.
    pub open_elsewhere: Vec<PathBuf>,
    /// Files that could not be converted, with the reason.
    pub failed: Vec<(PathBuf, String)>,
}

impl Converted {
    pub fn complete(&self) -> bool {
        self.open_elsewhere.is_empty() && self.failed.is_empty()
    }
}

/// The author's name, when the folder is encrypted: `author.age`.
pub const AUTHOR_FILE: &str = "author.age";

impl Store {
    /// Writes a new identity for the folder, encrypted with `passphrase`,
    /// then its public key: from then on every save is encrypted. The
    /// identity is kept unlocked for the rest of the run.
    pub fn create_key(&self, passphrase: &str) -> io::Result<()> {
        self.ensure()?;
        let data = self.data_dir().to_path_buf();
        let (identity, sealed_key) = crypt::new_key(passphrase)?;
        write_private(&crypt::key_path(&data), &sealed_key)?;
        write_private(&crypt::public_key_path(&data), format!("{}\n", identity.to_public()).as_bytes())?;
        crypt::keep(identity);
        Ok(())
    }

    /// Encrypts every trail of the folder to its public key (see the module).
    pub fn encrypt_trails(&self) -> io::Result<Converted> {
        let recipient = crypt::recipient(self.data_dir()).ok_or_else(|| io::Error::other("no public key"))?;
        let mut report = Converted::default();
        for path in self.files() {
            self.convert(&path, "age", &mut report, |bytes| {
                if crypt::is_encrypted(bytes) {
                    Ok(None)
                } else {
                    crypt::encrypt(&recipient, bytes).map(Some)
                }
            });
        }
        // The index is written again, encrypted; the plaintext one goes.
        self.list();
        let _ = fs::remove_file(self.dir().join(index::INDEX_NAME));
        // The words of the answers kept for the filter are a cache: the
        // plaintext one goes, and the filter writes it again, encrypted.
        let _ = fs::remove_file(self.dir().join(words::WORDS_NAME));
        Ok(report)
    }

    /// Decrypts every trail of the folder (the identity must be unlocked).
    pub fn decrypt_trails(&self) -> Converted {
        let mut report = Converted::default();
        for path in self.files() {
            self.convert(&path, "toml", &mut report, |bytes| {
                if !crypt::is_encrypted(bytes) {
                    return Ok(None);
                }
                crypt::decrypt(bytes).map(Some).map_err(|e| match e {
                    crypt::DecryptError::Locked => io::Error::other("locked"),
                    crypt::DecryptError::Failed(m) => io::Error::other(m),
                })
            });
        }
        report
    }

    /// Turns encryption off once every trail is plaintext: the public key
    /// goes first (saves are plaintext from then on), the index is written
    /// again in plaintext, and the identity goes last.
    pub fn remove_key(&self) -> io::Result<()> {
        let data = self.data_dir().to_path_buf();
        fs::remove_file(crypt::public_key_path(&data))?;
        self.list();
        let _ = fs::remove_file(self.dir().join(index::SEALED_INDEX_NAME));
        let _ = fs::remove_file(self.dir().join(words::SEALED_WORDS_NAME));
        fs::remove_file(crypt::key_path(&data))?;
        crypt::forget();
        Ok(())
    }

    /// Converts one trail under its lock: the new content replaces the old
    /// by a rename (the temporary file is already in the new form), then
    /// the file takes the extension of what it holds.
    fn convert(
        &self,
        path: &Path,
        extension: &str,
        report: &mut Converted,
        change: impl FnOnce(&[u8]) -> io::Result<Option<Vec<u8>>>,
    ) {
        let _lock = match Store::lock(path) {
            Ok(lock) => lock,
            Err(super::LockError::Held) => return report.open_elsewhere.push(path.to_path_buf()),
            Err(super::LockError::Io(e)) => return report.failed.push((path.to_path_buf(), e.to_string())),
        };
        let converted = fs::read(path).and_then(|bytes| change(&bytes)).and_then(|new| match new {
            Some(bytes) => self.write_file(path, &bytes, |f, b| f.write_all(b)).map(|()| true),
            None => Ok(false),
        });
        match converted {
            Ok(changed) => {
                if changed {
                    report.done += 1;
                } else {
                    report.already += 1;
                }
                let target = path.with_extension(extension);
                if target != path
                    && !target.exists()
                    && Store::lock(&target).is_ok()
                    && fs::rename(path, &target).is_ok()
                {
                    let _ = fs::remove_file(lock_path(path));
                    if let Ok(d) = fs::File::open(self.dir()) {
                        let _ = d.sync_all();
                    }
                }
            }
            Err(e) => report.failed.push((path.to_path_buf(), e.to_string())),
        }
    }
}

/// Left in the data folder once `discern encrypt` has been suggested.
const SUGGESTED_FILE: &str = ".encrypt-suggested";

/// Whether the folder is encrypted, and whether to suggest `discern
/// encrypt` now: the first time plaintext trails are there, once only (a
/// marker file remembers it).
pub fn folder_state(data_dir: &Path) -> (bool, bool) {
    if crypt::is_encrypted_folder(data_dir) {
        return (true, false);
    }
    let marker = data_dir.join(SUGGESTED_FILE);
    let has_plaintext = Store::new(data_dir).files().iter().any(|p| !super::names::holds_ciphertext(p));
    let suggest = has_plaintext && crate::files::create_new(&marker, b"").is_ok();
    (false, suggest)
}

/// The author's name kept encrypted in the data folder, if any and unlocked.
pub fn sealed_author(data_dir: &Path) -> Option<String> {
    let bytes = fs::read(data_dir.join(AUTHOR_FILE)).ok()?;
    let plain = crypt::open(bytes).ok()?;
    String::from_utf8(plain).ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Keeps the author's name encrypted to the folder's key.
pub fn seal_author(data_dir: &Path, name: &str) -> io::Result<()> {
    let bytes = crypt::seal(data_dir, name.as_bytes().to_vec())?;
    write_private(&data_dir.join(AUTHOR_FILE), &bytes)
}

pub fn remove_sealed_author(data_dir: &Path) -> io::Result<()> {
    match fs::remove_file(data_dir.join(AUTHOR_FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Writes a small file of the data folder through a temporary file and a
/// rename, 0600.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::files::Replace::new().named(".discern-key-", ".tmp").write(path, bytes)
}
