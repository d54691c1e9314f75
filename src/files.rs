//! The one writer: every file discern writes goes through here, in one of
//! two modes.
//!
//! - [`Replace`]: atomic replacement. The bytes go to a temporary file in
//!   the same folder (0600, made by tempfile, removed if anything fails),
//!   synced, then renamed over the target: a failure leaves the file that
//!   was there as it was, and a full disk is reported.
//! - [`create_new`]: a new file, 0600, never over an existing one and never
//!   through a link (`create_new` refuses both); a failed write removes the
//!   half-written file.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Atomic replacement of a file, with the temporary file's name and
/// whether the result is synced to disk.
#[derive(Debug, Clone, Copy)]
pub struct Replace<'a> {
    prefix: &'a str,
    suffix: &'a str,
    sync: bool,
}

impl Default for Replace<'_> {
    fn default() -> Self {
        Replace::new()
    }
}

impl<'a> Replace<'a> {
    /// Synced, through a temporary file named `.discern-….tmp`.
    pub const fn new() -> Replace<'static> {
        Replace { prefix: ".discern-", suffix: ".tmp", sync: true }
    }

    /// The temporary file's name starts with `prefix` and ends with
    /// `suffix` (the store matches a crash's leftovers to their trail by it).
    pub const fn named(self, prefix: &'a str, suffix: &'a str) -> Replace<'a> {
        Replace { prefix, suffix, sync: self.sync }
    }

    /// Not synced: for a cache that is rebuilt when it is lost (the
    /// indexes), where a sync on every listing would cost more than it saves.
    pub const fn cache(self) -> Replace<'a> {
        Replace { sync: false, ..self }
    }

    /// Writes `bytes` in place of `path`.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.write_with(path, |f| f.write_all(bytes))
    }

    /// Writes in place of `path` what `fill` writes to the temporary file.
    pub fn write_with(
        &self,
        path: &Path,
        fill: impl FnOnce(&mut fs::File) -> io::Result<()>,
    ) -> io::Result<()> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        // tempfile creates the file 0600 on Unix and removes it if anything
        // below fails.
        let mut tmp = tempfile::Builder::new().prefix(self.prefix).suffix(self.suffix).tempfile_in(dir)?;
        fill(tmp.as_file_mut())?;
        tmp.as_file_mut().flush()?;
        if self.sync {
            tmp.as_file().sync_all()?;
        }
        tmp.persist(path).map_err(|e| e.error)?;
        // The rename itself is made durable by syncing the folder.
        if self.sync
            && let Ok(d) = fs::File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Writes `bytes` in place of `path`, atomically and synced.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    Replace::new().write(path, bytes)
}

/// Writes `bytes` as a new file `path`, 0600 whatever the umask. An
/// existing file (or link) there is an error of kind `AlreadyExists`, and
/// is left alone; a failed write removes the new file.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    // Created 0600 (the umask can only take bits away) and new: create_new
    // never follows a link, and nothing is chmod'ed by path.
    let mut file = options.open(path)?;
    match file.write_all(bytes).and_then(|()| file.sync_all()) {
        Ok(()) => Ok(()),
        Err(e) => {
            drop(file);
            let _ = fs::remove_file(path);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn replace_writes_a_private_file_and_leaves_no_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "old").unwrap();
        replace(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "old").unwrap();
        let failed = Replace::new().named(".x-", ".tmp").write_with(&path, |f| {
            f.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn create_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        create_new(&path, b"first").unwrap();
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let again = create_new(&path, b"second").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
    }

    #[cfg(unix)]
    #[test]
    fn create_new_never_follows_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(create_new(&link, b"x").is_err());
        assert!(!target.exists());
    }
}
