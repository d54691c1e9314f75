//! Turning encryption on and off for a whole data folder, one file at a
//! time, each replaced atomically, so that a kill at any point leaves every
//! trail whole and readable (plaintext or encrypted) and running the same
//! command again finishes the work. Both run under the data folder's lock,
//! held alone (see `folder_lock`): nothing else writes meanwhile.
//!
//! The order is what makes it safe. On: the key is written before the
//! public key (never over an existing key); the copies a crash left are
//! recovered or removed; then each trail's ciphertext is renamed over its
//! plaintext, and the file renamed to `.age`; last, every plaintext cache
//! goes. Off: a marker says a decryption is under way; every trail is
//! decrypted first, and the keys go last, only once no encrypted file of
//! any kind is left that would need them.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;

use super::crypt::{self, Key};
use super::{Leftover, Store, TEMP_PREFIX, index, lock_path, words};

/// What a conversion did.
#[derive(Debug, Default)]
pub struct Converted {
    /// Files converted in this run.
    pub done: usize,
    /// Files already as wanted.
    pub already: usize,
    /// What became of the temporary files a crash left.
    pub leftovers: Vec<Leftover>,
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

/// Left in the data folder while `decrypt` is under way, so that a folder
/// left half decrypted by a kill says which command finishes the work.
const DECRYPTING_FILE: &str = ".decrypting";

/// Whether a data folder's files are as its keys say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderState {
    Plain,
    Encrypted,
    /// Encrypted, with `plaintext` files not yet encrypted (an interrupted
    /// `encrypt`): `discern encrypt` finishes the work.
    HalfEncrypted {
        plaintext: usize,
    },
    /// A `decrypt` was interrupted, `encrypted` files are still
    /// encrypted: `discern decrypt` finishes the work.
    HalfDecrypted {
        encrypted: usize,
    },
}

impl Store {
    /// Writes a new identity for the folder, encrypted with `passphrase`,
    /// then its public key: from then on every save is encrypted. Never
    /// over an existing `key.age` (the files encrypted to it would be lost):
    /// that is an error of kind `AlreadyExists`. The identity is given back
    /// for the rest of the run.
    pub fn create_key(&self, passphrase: &SecretString) -> io::Result<Key> {
        self.ensure()?;
        let data = self.data_dir().to_path_buf();
        let (key, sealed_key) = crypt::new_key(passphrase)?;
        crate::files::create_new(&crypt::key_path(&data), &sealed_key)?;
        crypt::write_public_key(&data, &key.recipient())?;
        Ok(key)
    }

    /// Encrypts every trail of the folder to its key (see the module), after
    /// recovering or removing the copies a crash left, and removes every
    /// plaintext cache. A file still in plaintext afterwards is reported as
    /// failed. Needs the folder's key to be usable (else nothing is done).
    pub fn encrypt_trails(&self) -> io::Result<Converted> {
        let recipient = crypt::recipient(self.data_dir(), self.key())
            .map_err(io::Error::other)?
            .ok_or_else(|| io::Error::other("the folder is not encrypted"))?;
        let mut report = Converted { leftovers: self.clean_leftovers(), ..Converted::default() };
        for path in self.files() {
            self.convert(&path, "age", &mut report, |bytes| {
                if crypt::is_encrypted(bytes) {
                    Ok(None)
                } else {
                    crypt::encrypt(&recipient, bytes).map(Some)
                }
            });
        }
        // The index is written again, encrypted; the plaintext caches go.
        self.list();
        self.remove_caches(&[index::INDEX_NAME, words::WORDS_NAME]);
        for path in self.plaintext_left() {
            if !report.failed.iter().any(|(p, _)| *p == path) {
                report.failed.push((path, "still in plaintext".into()));
            }
        }
        Ok(report)
    }

    /// Decrypts every trail of the folder (the key must be unlocked), after
    /// recovering or removing the copies a crash left.
    pub fn decrypt_trails(&self) -> Converted {
        let mut report = Converted { leftovers: self.clean_leftovers(), ..Converted::default() };
        for path in self.files() {
            self.convert(&path, "toml", &mut report, |bytes| {
                if !crypt::is_encrypted(bytes) {
                    return Ok(None);
                }
                crypt::decrypt(bytes, self.key()).map(Some).map_err(|e| match e {
                    crypt::DecryptError::Locked => io::Error::other("locked"),
                    crypt::DecryptError::Failed(m) => io::Error::other(m),
                })
            });
        }
        report
    }

    /// Says that a decryption is under way (see [`FolderState`]).
    pub fn mark_decrypting(&self) -> io::Result<()> {
        let marker = self.data_dir().join(DECRYPTING_FILE);
        match crate::files::create_new(&marker, b"") {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
            _ => Ok(()),
        }
    }

    /// An `encrypt` after an interrupted `decrypt`: the user changed their mind.
    pub fn unmark_decrypting(&self) {
        let _ = fs::remove_file(self.data_dir().join(DECRYPTING_FILE));
    }

    /// The encrypted caches (the index, the words of the answers: rebuilt
    /// in plaintext once the keys are gone) and the temporary files of any
    /// cache or key write a crash left.
    pub fn remove_encrypted_caches(&self) {
        self.remove_caches(&[index::SEALED_INDEX_NAME, words::SEALED_WORDS_NAME]);
    }

    /// The temporary files of key writes a crash left (`passphrase`).
    pub fn remove_key_leftovers(&self) {
        self.remove_caches(&[]);
    }

    /// Turns encryption off, once no encrypted file is left (see
    /// [`Store::ciphertext_left`]): the public key first (saves are
    /// plaintext from then on), the identity last, then the marker; the
    /// index is written again, in plaintext.
    pub fn remove_key(&self) -> io::Result<()> {
        let data = self.data_dir().to_path_buf();
        remove_if_there(&crypt::public_key_path(&data))?;
        remove_if_there(&crypt::key_path(&data))?;
        self.unmark_decrypting();
        Store::new(&data).list();
        Ok(())
    }

    /// Removes caches by name, and the temporary files of any cache or key
    /// write a crash left; only under the folder's lock held alone, when
    /// nothing else can be writing them.
    fn remove_caches(&self, names: &[&str]) {
        for name in names {
            let _ = fs::remove_file(self.dir().join(name));
        }
        for (dir, prefixes) in [
            (self.dir(), &[".index-", ".words-"][..]),
            (self.data_dir(), &[crypt::KEY_TEMP_PREFIX, ".discern-"][..]),
        ] {
            let Ok(entries) = fs::read_dir(dir) else { continue };
            for entry in entries.filter_map(|e| e.ok()) {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".tmp") && prefixes.iter().any(|p| name.starts_with(p)) {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }

    /// The files of the sessions folder that hold text in plaintext (lock
    /// files are empty): what `encrypt` must leave none of.
    pub fn plaintext_left(&self) -> Vec<PathBuf> {
        self.sessions_files().into_iter().filter(|p| !holds_ciphertext_or_nothing(p)).collect()
    }

    /// The files of the sessions folder still encrypted: what `decrypt`
    /// must leave none of before the key goes (the author's name is moved
    /// back to the config file by the command itself).
    pub fn ciphertext_left(&self) -> Vec<PathBuf> {
        self.sessions_files().into_iter().filter(|p| super::names::holds_ciphertext(p)).collect()
    }

    fn sessions_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.dir()) else { return Vec::new() };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .collect();
        files.sort();
        files
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

    /// The author's name kept encrypted in the data folder, if any and unlocked.
    pub fn sealed_author(&self) -> Option<String> {
        let bytes = fs::read(self.data_dir().join(AUTHOR_FILE)).ok()?;
        let plain = crypt::open(bytes, self.key()).ok()?;
        String::from_utf8(plain).ok().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// Keeps the author's name encrypted to the folder's key (an error, and
    /// nothing written, when no key can be found).
    pub fn seal_author(&self, name: &str) -> io::Result<()> {
        let bytes = self.seal(name.as_bytes().to_vec())?;
        if !crypt::is_encrypted(&bytes) {
            return Err(io::Error::other("the folder is not encrypted"));
        }
        crypt::write_key_file(&self.data_dir().join(AUTHOR_FILE), &bytes)
    }
}

/// Whether a file is empty or starts like an age file.
fn holds_ciphertext_or_nothing(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.len() == 0) || super::names::holds_ciphertext(path)
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Left in the data folder once `discern encrypt` has been suggested.
const SUGGESTED_FILE: &str = ".encrypt-suggested";

/// Whether to suggest `discern encrypt` now: the first time plaintext
/// trails are there in a folder that is not encrypted, once only (a marker
/// file remembers it).
pub fn suggest_encrypt_once(data_dir: &Path) -> bool {
    let marker = data_dir.join(SUGGESTED_FILE);
    if crypt::is_encrypted_folder(data_dir) || marker.exists() {
        return false;
    }
    let has_plaintext = Store::new(data_dir).files().iter().any(|p| !super::names::holds_ciphertext(p));
    has_plaintext && crate::files::create_new(&marker, b"").is_ok()
}

/// The state of the folder; writes nothing. Cheap enough for every
/// listing: in an encrypted folder, the first bytes are read only of the
/// files whose name may not say what they hold (a `.toml` trail, which an
/// interrupted `encrypt` leaves; the copies a crash left), and of every
/// trail only while a decryption is under way.
pub fn folder_state(data_dir: &Path) -> FolderState {
    let store = Store::new(data_dir);
    if !crypt::is_encrypted_folder(data_dir) {
        return FolderState::Plain;
    }
    if data_dir.join(DECRYPTING_FILE).exists() {
        let encrypted = store.files().iter().filter(|p| super::names::holds_ciphertext(p)).count();
        return FolderState::HalfDecrypted { encrypted };
    }
    let trails = store
        .files()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !super::names::holds_ciphertext(p))
        .count();
    let leftovers = store
        .sessions_files()
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX)))
        .filter(|p| !holds_ciphertext_or_nothing(p))
        .count();
    let caches =
        [index::INDEX_NAME, words::WORDS_NAME].iter().filter(|n| store.dir().join(n).exists()).count();
    match trails + leftovers + caches {
        0 => FolderState::Encrypted,
        plaintext => FolderState::HalfEncrypted { plaintext },
    }
}

pub fn remove_sealed_author(data_dir: &Path) -> io::Result<()> {
    remove_if_there(&data_dir.join(AUTHOR_FILE))
}
