//! The only code that touches trail files: where they are, atomic saves,
//! permissions, listing and deleting.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub mod crypt;
pub mod encryption;
pub mod folder_lock;
mod index;
pub mod names;
mod seen;
mod words;

use super::{LoadError, Summary, Trail, from_toml, to_toml};
use crypt::Key;
use index::{Index, Stamp};
pub use seen::{ChangedOnDisk, is_changed_on_disk};

/// Trails larger than this are refused: a year of daily writing is far less.
pub const MAX_TRAIL_BYTES: u64 = 64 * 1024 * 1024;

/// The prefix of the store's temporary files, so that leftovers can be found.
pub const TEMP_PREFIX: &str = ".discern-save-";

/// The extensions of trail files: plaintext TOML, and age-encrypted TOML.
pub const TRAIL_EXTENSIONS: [&str; 2] = ["toml", "age"];

/// The sessions folder of a data folder, and the key this run unlocked,
/// if any: what reads encrypted files (without it they read as
/// [`LoadError::Locked`]) and what saves are encrypted to.
#[derive(Clone)]
pub struct Store {
    dir: PathBuf,
    key: Option<Key>,
}

/// One file of the sessions folder and what came of reading it.
pub struct Listed {
    pub path: PathBuf,
    pub summary: Result<Summary, LoadError>,
    pub modified: SystemTime,
}

/// What `clean_leftovers` did with one temporary file.
#[derive(Debug, PartialEq)]
pub enum Leftover {
    /// A newer whole trail was put in place of its trail file.
    Recovered(PathBuf),
    /// A partial or older copy was removed.
    Removed(PathBuf),
    /// A plaintext copy in an encrypted folder, which could not be judged
    /// without the passphrase, was encrypted where it lies: it waits for a
    /// run that has the key, with nothing of it left in plaintext.
    Sealed(PathBuf),
}

/// What a trail argument (id, prefix or path) can fail to name.
#[derive(Debug)]
pub enum Resolve {
    NotFound,
    Ambiguous(Vec<(String, String)>),
}

impl Store {
    /// The store of a data folder, without a key: plaintext trails read,
    /// encrypted ones are [`LoadError::Locked`].
    pub fn new(data_dir: &Path) -> Store {
        Store { dir: crate::paths::sessions_dir(data_dir), key: None }
    }

    /// The same store reading with `key` (the identity this run unlocked).
    pub fn with_key(mut self, key: Option<Key>) -> Store {
        self.key = key;
        self
    }

    pub fn key(&self) -> Option<&Key> {
        self.key.as_ref()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates the data and sessions folders, 0700.
    pub fn ensure(&self) -> io::Result<()> {
        if let Some(data) = self.dir.parent()
            && !data.exists()
        {
            crate::paths::create_private_dir(data)?;
        }
        crate::paths::create_private_dir(&self.dir)
    }

    /// The data folder the sessions folder is in.
    pub fn data_dir(&self) -> &Path {
        self.dir.parent().unwrap_or(Path::new("."))
    }

    /// Where a new trail goes: `YYYY-MM-DD-ID.toml` (`.age` when the folder
    /// is encrypted), no word of its title.
    pub fn path_for(&self, trail: &Trail) -> PathBuf {
        let extension = if crypt::is_encrypted_folder(self.data_dir()) { "age" } else { "toml" };
        self.dir.join(names::trail_file_name(trail, extension))
    }

    /// A trail file read without any key: a plaintext trail (an encrypted
    /// one is [`LoadError::Locked`]). Tests and tools; the program reads
    /// through a store, with the run's key.
    pub fn load(path: &Path) -> Result<Trail, LoadError> {
        from_toml(&read_text(path, None)?.1)
    }

    /// A trail file read with this store's key.
    pub fn read(&self, path: &Path) -> Result<Trail, LoadError> {
        from_toml(&read_text(path, self.key.as_ref())?.1)
    }

    /// Reads a trail's JSON export (a file a participant handed in), within
    /// the size limit of an export: a larger file is refused from its size,
    /// unread. The text is read once, into a buffer of its size.
    pub fn load_export(path: &Path) -> Result<Result<Trail, super::import::ImportError>, LoadError> {
        use super::import::{ImportError, MAX_EXPORT_BYTES};
        let unreadable = |e: io::Error| match e.kind() {
            io::ErrorKind::InvalidData => LoadError::NotUtf8,
            kind => LoadError::Unreadable(kind),
        };
        let file = fs::File::open(path).map_err(unreadable)?;
        let size = file.metadata().map_err(unreadable)?.len();
        let too_large = |bytes| Ok(Err(ImportError::TooLarge { bytes, limit: MAX_EXPORT_BYTES }));
        if size > MAX_EXPORT_BYTES {
            return too_large(size);
        }
        let mut text = String::with_capacity(size as usize + 1);
        // One byte past the limit: a file that grew meanwhile is not read whole.
        file.take(MAX_EXPORT_BYTES + 1).read_to_string(&mut text).map_err(unreadable)?;
        if text.len() as u64 > MAX_EXPORT_BYTES {
            return too_large(text.len() as u64);
        }
        Ok(super::import::from_export_json(&text))
    }

    /// Reads a trail to write it: taken after its lock (`_lock` is the
    /// proof), so that no other window can be halfway through a save, and
    /// remembered, so that a later save is refused if the file changes
    /// under this program's feet.
    pub fn read_locked(&self, path: &Path, _lock: &Lock) -> Result<Trail, LoadError> {
        let (raw, text) = read_text(path, self.key.as_ref())?;
        let trail = from_toml(&text)?;
        seen::read(path, &raw, &text);
        Ok(trail)
    }

    /// Every `*.toml` of the sessions folder, newest change first; damaged
    /// files are listed with the reason, in the same order by file date.
    /// Summaries come from the index where a file has not changed since it
    /// was read, and from the file otherwise; the index is then brought up
    /// to date.
    pub fn list(&self) -> Vec<Listed> {
        let mut old = Index::read(&self.dir, self.key.as_ref());
        let old_len = old.entries.len();
        let mut locked = false;
        let mut changed = false;
        let mut listed = Vec::new();
        let mut stamps = Vec::new();
        for path in self.files() {
            let Ok(meta) = fs::metadata(&path) else { continue };
            let stamp = Stamp::of(&meta);
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let summary = match old.take(&name, &stamp) {
                Some(s) => Ok(s),
                None => {
                    changed = true;
                    self.read(&path).map(|t| t.summary())
                }
            };
            locked |= matches!(summary, Err(LoadError::Locked));
            stamps.push((name, stamp));
            listed.push(Listed { path, summary, modified });
        }
        drop(old);
        let indexed = || {
            stamps.iter().zip(&listed).filter_map(|((name, stamp), l)| {
                l.summary.as_ref().ok().map(|summary| (name.as_str(), *stamp, summary))
            })
        };
        // Without the key, the index of an encrypted folder is left as it is;
        // nothing is written through a sessions folder that is a link.
        let linked = crate::paths::refuse_symlink(&self.dir).is_err();
        if !locked && !linked && (changed || indexed().count() != old_len) {
            index::write_entries(&self.dir, self.key.as_ref(), indexed());
        }
        listed.sort_by_key(|l| std::cmp::Reverse(l.sort_key()));
        listed
    }

    pub(crate) fn files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
        entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| TRAIL_EXTENSIONS.iter().any(|e| x == *e))
                    && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect()
    }

    /// Saves through a temporary file in the same folder, synced and renamed
    /// over the old one: a crash leaves either the old trail or the new one,
    /// never a mix, and a failed save leaves the old file as it was.
    /// In an encrypted folder the trail is encrypted to the folder's public
    /// key before anything is written: the temporary file holds ciphertext.
    pub fn save(&self, trail: &Trail, path: &Path) -> io::Result<()> {
        self.save_bytes(path, to_toml(trail).as_bytes(), |f, b| f.write_all(b))
    }

    /// What to write for a serialized trail: encrypted to the folder's
    /// public key when the folder is encrypted, else the bytes themselves.
    /// An encrypted folder without a usable key is an error: nothing is
    /// written, never plaintext (see [`crypt::CannotEncrypt`]).
    pub fn seal(&self, plain: Vec<u8>) -> io::Result<Vec<u8>> {
        crypt::seal(self.data_dir(), self.key.as_ref(), plain)
    }

    /// `save` of a serialized trail, with the writing step given, so that
    /// tests can make it fail midway as a full disk would. In an encrypted
    /// folder the text is encrypted here (on the saver thread for the
    /// screen's autosaves), before anything is written.
    pub fn save_bytes(
        &self,
        path: &Path,
        bytes: &[u8],
        write: impl FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
    ) -> io::Result<()> {
        // Keys a newer discern wrote are written back.
        let restored = seen::unknown(path).map(|u| u.restore(&String::from_utf8_lossy(bytes)));
        let plain = restored.as_ref().map_or(bytes, |r| r.as_bytes());
        let sealed = self.seal(plain.to_vec())?;
        self.write_file(path, &sealed, write)
    }

    /// Writes `bytes` as they are in place of `path`, atomically (the part
    /// of a save that touches the disk; encryption and decryption of a
    /// whole folder use it to write their converted files).
    pub(crate) fn write_file(
        &self,
        path: &Path,
        bytes: &[u8],
        write: impl FnOnce(&mut fs::File, &[u8]) -> io::Result<()>,
    ) -> io::Result<()> {
        let dir = path.parent().unwrap_or(&self.dir);
        if !dir.exists() {
            self.ensure()?;
        }
        if dir == self.dir {
            crate::paths::refuse_symlink(dir)?;
        }
        // A file removed meanwhile is written again: nothing of it is lost.
        if let Some(expected) = seen::expected(path)
            && let Ok(on_disk) = fs::read(path)
            && seen::Fingerprint::of(&on_disk) != expected
        {
            return Err(io::Error::other(ChangedOnDisk));
        }
        // The temporary file is named after its trail, so that a leftover
        // from a crash can be matched to it (see `clean_leftovers`).
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let prefix = format!("{TEMP_PREFIX}{name}.");
        crate::files::Replace::new().named(&prefix, ".tmp").write_with(path, |f| write(f, bytes))?;
        seen::wrote(path, bytes);
        Ok(())
    }

    /// Finds a trail by path, id, or unique prefix of an id.
    pub fn resolve(&self, arg: &str) -> Result<PathBuf, Resolve> {
        let as_path = Path::new(arg);
        let looks_like_path =
            arg.contains('/') || TRAIL_EXTENSIONS.iter().any(|e| arg.ends_with(&format!(".{e}")));
        if looks_like_path && as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        // The path of a trail renamed since to its title-free name.
        let renamed = looks_like_path.then(|| names::id_from_file_name(as_path));
        let needle = renamed.flatten().unwrap_or_else(|| arg.trim().to_lowercase());
        if needle.is_empty() {
            return Err(Resolve::NotFound);
        }
        let mut matches: Vec<(String, PathBuf)> = Vec::new();
        for path in self.files() {
            let id = names::id_from_file_name(&path).or_else(|| self.read(&path).ok().map(|t| t.id));
            if let Some(id) = id
                && id.starts_with(&needle)
            {
                if id == needle {
                    return Ok(path);
                }
                matches.push((id, path));
            }
        }
        match matches.len() {
            0 => Err(Resolve::NotFound),
            1 => Ok(matches.remove(0).1),
            _ => {
                matches.sort();
                let names = matches
                    .into_iter()
                    .map(|(id, p)| (id, p.file_name().unwrap_or_default().to_string_lossy().into_owned()))
                    .collect();
                Err(Resolve::Ambiguous(names))
            }
        }
    }

    /// Deals with temporary files left by a crash between writing and
    /// renaming: one that holds a whole trail newer than its trail file (or
    /// whose trail file is gone) is recovered into place, written as the
    /// folder writes (encrypted in an encrypted folder, whatever the copy
    /// held); any other is removed. Trails open in another discern are left
    /// alone. Without the key, an encrypted copy waits for a run that has
    /// it, and a plaintext copy in an encrypted folder that cannot be judged
    /// is encrypted where it lies.
    pub fn clean_leftovers(&self) -> Vec<Leftover> {
        let mut done = Vec::new();
        for (path, target) in self.leftovers() {
            let Ok(_lock) = Store::lock(&target) else { continue };
            let tmp = read_text(&path, self.key.as_ref());
            let current = self.read(&target);
            let newer = match (&tmp, &current) {
                (Err(LoadError::Locked), _) => continue,
                // A whole copy that cannot be compared without the key.
                (Ok((raw, text)), Err(LoadError::Locked)) if from_toml(text).is_ok() => {
                    if !crypt::is_encrypted(raw) && self.seal_in_place(&path).is_ok() {
                        done.push(Leftover::Sealed(path));
                    }
                    continue;
                }
                (Ok((_, text)), Ok(current)) => from_toml(text).is_ok_and(|t| t.updated > current.updated),
                (Ok((_, text)), Err(LoadError::Unreadable(_))) => from_toml(text).is_ok() && !target.exists(),
                _ => false,
            };
            let recovered = newer
                && tmp.as_ref().is_ok_and(|(_, text)| {
                    self.seal(text.clone().into_bytes())
                        .and_then(|bytes| self.write_file(&target, &bytes, |f, b| f.write_all(b)))
                        .is_ok()
                });
            if recovered {
                let _ = fs::remove_file(&path);
                done.push(Leftover::Recovered(target));
            } else if newer {
                // Newer, but it could not be written in place (a key that
                // cannot encrypt, a full disk): kept for a later run.
                continue;
            } else if fs::remove_file(&path).is_ok() {
                done.push(Leftover::Removed(path));
            }
        }
        done
    }

    /// The temporary files of saves left in the sessions folder, each with
    /// the trail file it was meant to replace. The trail may have taken the
    /// other extension since (see `crypt`): that file is the one.
    fn leftovers(&self) -> Vec<(PathBuf, PathBuf)> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut found = Vec::new();
        for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
            let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
            let Some(target_name) = name
                .strip_prefix(TEMP_PREFIX)
                .and_then(|n| n.strip_suffix(".tmp"))
                .and_then(|n| n.rsplit_once('.'))
                .map(|(target, _random)| target.to_string())
                .filter(|t| {
                    TRAIL_EXTENSIONS.iter().any(|e| t.ends_with(&format!(".{e}"))) && !t.contains('/')
                })
            else {
                continue;
            };
            let named = self.dir.join(&target_name);
            let target = TRAIL_EXTENSIONS
                .iter()
                .map(|e| named.with_extension(e))
                .find(|p| p.exists())
                .unwrap_or(named);
            found.push((path, target));
        }
        found
    }

    /// Encrypts a leftover where it lies, through a temporary file of the
    /// same family (a kill leaves the plaintext copy or the encrypted one).
    fn seal_in_place(&self, path: &Path) -> io::Result<()> {
        let bytes = self.seal(fs::read(path)?)?;
        if !crypt::is_encrypted(&bytes) {
            return Err(io::Error::other("the folder is not encrypted"));
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let family = name.strip_suffix(".tmp").and_then(|n| n.rsplit_once('.')).map_or("", |(f, _)| f);
        crate::files::Replace::new().named(&format!("{family}."), ".tmp").write(path, &bytes)
    }

    /// Deletes a trail with everything that repeats its words: its entry in
    /// the index (at once, not at the next listing) and the exports the
    /// library made of it. Returns how many exports were removed.
    pub fn delete(&self, path: &Path) -> io::Result<usize> {
        let id = names::id_from_file_name(path).or_else(|| self.read(path).ok().map(|t| t.id));
        fs::remove_file(path)?;
        seen::forget(path);
        let _ = fs::remove_file(lock_path(path));
        let sessions = path.parent().unwrap_or(Path::new("."));
        if let Some(name) = path.file_name() {
            Index::forget(sessions, self.key.as_ref(), &name.to_string_lossy());
            words::forget(sessions, self.key.as_ref(), &name.to_string_lossy());
        }
        let exports = sessions.parent().map(crate::paths::exports_dir);
        Ok(match (id, exports) {
            (Some(id), Some(dir)) => names::delete_exports(&dir, &id),
            _ => 0,
        })
    }

    /// Whether `dir` is a sessions folder: this store's, or another one
    /// named so (the example trails of a workshop). Only trails there can be
    /// deleted.
    pub fn is_sessions_folder(&self, dir: &Path) -> bool {
        let canonical = |d: &Path| fs::canonicalize(d).ok();
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        canonical(dir).is_some_and(|d| Some(&d) == canonical(&self.dir).as_ref())
            || canonical(dir).is_some_and(|d| d.file_name().is_some_and(|n| n == "sessions"))
    }

    /// Whether another discern holds the trail's lock; creates nothing (a
    /// trail never opened has no lock file, and no holder).
    pub fn held_elsewhere(path: &Path) -> bool {
        let Ok(file) = fs::OpenOptions::new().write(true).open(lock_path(path)) else { return false };
        matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock))
    }

    /// Takes the trail's lock, so that only one discern writes it. The lock
    /// is the operating system's: it ends with the process, so a killed
    /// discern never leaves a trail locked.
    ///
    /// A lock file that is a symbolic link is refused, not followed: it
    /// would create or chmod its target, outside the data folder.
    pub fn lock(path: &Path) -> Result<Lock, LockError> {
        let lock = lock_path(path);
        crate::paths::refuse_symlink(&lock).map_err(LockError::Io)?;
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
        let file = options.open(&lock).map_err(|e| match e.raw_os_error() {
            #[cfg(unix)]
            Some(libc::ELOOP) => LockError::Io(io::Error::other(crate::paths::SymlinkRefused(lock.clone()))),
            _ => LockError::Io(e),
        })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = file.set_permissions(fs::Permissions::from_mode(0o600));
        }
        match file.try_lock() {
            Ok(()) => Ok(Lock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(LockError::Held),
            Err(fs::TryLockError::Error(e)) => Err(LockError::Io(e)),
        }
    }
}

/// Held while a trail is open for writing; dropping it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: fs::File,
}

#[derive(Debug)]
pub enum LockError {
    /// Another discern has the trail open.
    Held,
    Io(io::Error),
}

/// The bytes of a trail file as they are on disk, within the size limit,
/// and its text (decrypted with `key` when the file is encrypted).
fn read_text(path: &Path, key: Option<&Key>) -> Result<(Vec<u8>, String), LoadError> {
    let file = fs::File::open(path).map_err(|e| LoadError::Unreadable(e.kind()))?;
    let mut bytes = Vec::new();
    file.take(MAX_TRAIL_BYTES + 1).read_to_end(&mut bytes).map_err(|e| LoadError::Unreadable(e.kind()))?;
    if bytes.len() as u64 > MAX_TRAIL_BYTES {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    let plain = if crypt::is_encrypted(&bytes) {
        crypt::decrypt(&bytes, key).map_err(|e| match e {
            crypt::DecryptError::Locked => LoadError::Locked,
            crypt::DecryptError::Failed(m) => LoadError::Undecryptable(m),
        })?
    } else {
        bytes.clone()
    };
    let text = String::from_utf8(plain).map_err(|_| LoadError::NotUtf8)?;
    Ok((bytes, text))
}

/// `.NAME.toml.lock` beside the trail: hidden, so that lists pass it by.
fn lock_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.lock"))
}

impl Listed {
    fn sort_key(&self) -> (i64, SystemTime) {
        match &self.summary {
            Ok(t) => (t.updated.timestamp(), self.modified),
            Err(_) => {
                let secs =
                    self.modified.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
                (secs, self.modified)
            }
        }
    }
}

/// Applies 0600 to a file the user named or created in the data folder.
pub fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Answer;
    use crate::trail::{AnswerRecord, GridRef};

    fn trail(id: &str, title: &str) -> Trail {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").unwrap();
        Trail {
            id: id.into(),
            title: title.into(),
            created: t,
            updated: t,
            grid: GridRef {
                id: "g".into(),
                version: "1".into(),
                language: "fr".into(),
                title: "G".into(),
                outcome: None,
                path: None,
            },
            answers: vec![AnswerRecord {
                step: "s".into(),
                question: "q".into(),
                step_title: "S".into(),
                kind: crate::grid::Kind::Text,
                prompt: "P".into(),
                options: vec![],
                answer: Some(Answer::Text("words".into())),
                at: t,
                hidden: false,
                history: vec![],
            }],
            annotations: vec![],
            place: None,
            follow_ups: vec![],
        }
    }

    #[test]
    fn a_saved_trail_is_private_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.ensure().unwrap();
        let t = trail("abcd2345", "Une situation");
        let path = store.path_for(&t);
        assert!(path.ends_with("2026-11-29-abcd2345.toml"));
        store.save(&t, &path).unwrap();
        assert_eq!(Store::load(&path).unwrap(), t);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(store.dir()), 0o700);
        }
        let leftovers: Vec<_> = fs::read_dir(store.dir()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn an_interrupted_save_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let t = trail("abcd2345", "T");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        let before = fs::read(&path).unwrap();
        let result = store.save_bytes(&path, b"format = 1\nid = \"half", |f, b| {
            f.write_all(&b[..5])?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(fs::read_dir(store.dir()).unwrap().count(), 1, "the temporary file is gone");
    }

    #[test]
    fn a_save_never_replaces_content_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let t = trail("abcd2345", "T");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        let lock = Store::lock(&path).unwrap();
        let mut mine = store.read_locked(&path, &lock).unwrap();
        mine.title = "Mine".into();
        store.save(&mine, &path).unwrap();
        // Another program writes the file: the next save is refused.
        let theirs = fs::read_to_string(&path).unwrap().replace("Mine", "Theirs");
        fs::write(&path, &theirs).unwrap();
        mine.title = "Mine again".into();
        let refused = store.save(&mine, &path).unwrap_err();
        assert!(is_changed_on_disk(&refused), "{refused}");
        assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
        // Read again, it saves.
        let mut again = store.read_locked(&path, &lock).unwrap();
        again.title = "Merged".into();
        store.save(&again, &path).unwrap();
        assert_eq!(Store::load(&path).unwrap().title, "Merged");
    }

    #[test]
    fn ids_and_unique_prefixes_resolve_and_ambiguous_ones_list_candidates() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        for (id, title) in [("abcd2345", "One"), ("abce2345", "Two"), ("zzzz2345", "Three")] {
            let t = trail(id, title);
            store.save(&t, &store.path_for(&t)).unwrap();
        }
        assert!(store.resolve("zz").unwrap().ends_with("2026-11-29-zzzz2345.toml"));
        assert!(store.resolve("abcd2345").unwrap().ends_with("2026-11-29-abcd2345.toml"));
        assert!(matches!(store.resolve("abc"), Err(Resolve::Ambiguous(c)) if c.len() == 2));
        assert!(matches!(store.resolve("q"), Err(Resolve::NotFound)));
        let path = store.path_for(&trail("zzzz2345", "Three"));
        assert_eq!(store.resolve(&path.display().to_string()).unwrap(), path);
    }

    #[test]
    fn a_trail_open_in_one_place_is_locked_for_the_others_until_released() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let t = trail("abcd2345", "T");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        let first = Store::lock(&path).unwrap();
        assert!(matches!(Store::lock(&path), Err(LockError::Held)));
        drop(first);
        assert!(Store::lock(&path).is_ok());
        assert_eq!(store.list().len(), 1, "the lock file is not listed as a trail");
    }

    #[test]
    fn leftovers_are_recovered_when_newer_and_removed_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut t = trail("abcd2345", "T");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // A partial write, and a whole newer copy that was never renamed.
        fs::write(store.dir().join(format!("{TEMP_PREFIX}{name}.aaaa.tmp")), "format = 1\nid = ").unwrap();
        t.updated += chrono::Duration::seconds(5);
        t.title = "Newer".into();
        fs::write(store.dir().join(format!("{TEMP_PREFIX}{name}.bbbb.tmp")), to_toml(&t)).unwrap();
        let mut done = store.clean_leftovers();
        done.sort_by_key(|d| format!("{d:?}"));
        assert_eq!(done.len(), 2, "{done:?}");
        assert!(done.contains(&Leftover::Recovered(path.clone())));
        assert_eq!(Store::load(&path).unwrap().title, "Newer");
        let names: Vec<String> = fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
        // An older whole copy is only removed.
        let mut old = t.clone();
        old.updated -= chrono::Duration::seconds(60);
        old.title = "Older".into();
        fs::write(store.dir().join(format!("{TEMP_PREFIX}{name}.cccc.tmp")), to_toml(&old)).unwrap();
        assert!(matches!(store.clean_leftovers().as_slice(), [Leftover::Removed(_)]));
        assert_eq!(Store::load(&path).unwrap().title, "Newer");
    }

    #[test]
    fn a_leftover_named_before_its_trail_became_age_never_makes_a_second_copy() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut t = trail("abcd2345", "T");
        let toml = store.path_for(&t);
        store.save(&t, &toml).unwrap();
        let age = toml.with_extension("age");
        fs::rename(&toml, &age).unwrap();
        let name = toml.file_name().unwrap().to_string_lossy().into_owned();
        fs::write(store.dir().join(format!("{TEMP_PREFIX}{name}.aaaa.tmp")), to_toml(&t)).unwrap();
        assert!(matches!(store.clean_leftovers().as_slice(), [Leftover::Removed(_)]));
        assert!(!toml.exists(), "no second copy of the trail");
        t.updated += chrono::Duration::seconds(5);
        t.title = "Newer".into();
        fs::write(store.dir().join(format!("{TEMP_PREFIX}{name}.bbbb.tmp")), to_toml(&t)).unwrap();
        assert_eq!(store.clean_leftovers(), [Leftover::Recovered(age.clone())]);
        assert!(!toml.exists());
        assert_eq!(Store::load(&age).unwrap().title, "Newer");
    }

    #[test]
    fn a_newer_copy_that_cannot_be_written_encrypted_is_kept_for_later() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut t = trail("abcd2345", "T");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        t.updated += chrono::Duration::seconds(5);
        let copy = store.dir().join(format!("{TEMP_PREFIX}{name}.aaaa.tmp"));
        fs::write(&copy, to_toml(&t)).unwrap();
        // The folder is encrypted, but its public key is unusable.
        let passphrase = age::secrecy::SecretString::from("p q r".to_string());
        let (_, sealed) = crypt::new_key(&passphrase).unwrap();
        fs::write(crypt::key_path(dir.path()), sealed).unwrap();
        fs::write(crypt::public_key_path(dir.path()), "").unwrap();
        assert!(store.clean_leftovers().is_empty());
        assert!(copy.exists(), "the newer copy is not lost");
    }

    #[test]
    fn leftovers_of_a_trail_open_elsewhere_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let t = trail("abcd2345", "T");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        let _held = Store::lock(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        fs::write(store.dir().join(format!("{TEMP_PREFIX}{name}.aaaa.tmp")), "partial").unwrap();
        assert!(store.clean_leftovers().is_empty());
    }

    /// Makes a file look written an hour ago, out of the index's racy window.
    fn age(path: &Path) {
        let old = SystemTime::now() - std::time::Duration::from_secs(3600);
        fs::File::options().write(true).open(path).unwrap().set_modified(old).unwrap();
    }

    fn titles(store: &Store) -> Vec<String> {
        store.list().into_iter().filter_map(|l| l.summary.ok()).map(|s| s.title).collect()
    }

    #[test]
    fn the_index_is_used_for_unchanged_files_and_never_outlives_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let t = trail("abcd2345", "Original");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        age(&path);
        assert_eq!(titles(&store), ["Original"]);
        let index_path = store.dir().join(index::INDEX_NAME);
        assert!(index_path.exists());
        // The index is what is read for an unchanged file: a doctored entry shows.
        let doctored = fs::read_to_string(&index_path).unwrap().replace("Original", "From the index");
        fs::write(&index_path, doctored).unwrap();
        assert_eq!(titles(&store), ["From the index"]);
        // Any change to the file, even of the same size, makes the file win.
        let mut changed = t.clone();
        changed.title = "Originel".into();
        store.save(&changed, &path).unwrap();
        age(&path);
        assert_eq!(titles(&store), ["Originel"]);
        // A deleted file is gone from the list whatever the index says.
        store.delete(&path).unwrap();
        assert!(titles(&store).is_empty());
    }

    #[test]
    fn a_damaged_index_is_rebuilt_from_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let t = trail("abcd2345", "Kept");
        let path = store.path_for(&t);
        store.save(&t, &path).unwrap();
        age(&path);
        fs::write(store.dir().join(index::INDEX_NAME), "{ not json").unwrap();
        assert_eq!(titles(&store), ["Kept"]);
        let index = fs::read_to_string(store.dir().join(index::INDEX_NAME)).unwrap();
        assert!(index.contains("Kept"), "{index}");
    }

    #[test]
    fn a_damaged_file_is_listed_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.ensure().unwrap();
        fs::write(store.dir().join("bad.toml"), [0xff, 0xfe]).unwrap();
        let t = trail("abcd2345", "Good");
        store.save(&t, &store.path_for(&t)).unwrap();
        let listed = store.list();
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().any(|l| l.summary == Err(LoadError::NotUtf8)));
        assert!(listed.iter().any(|l| l.summary.is_ok()));
    }
}
