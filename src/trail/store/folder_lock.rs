//! The one lock of the data folder. `encrypt`, `decrypt` and `passphrase`
//! change what every file of the folder is (and which key opens it): they
//! hold it alone. Every other command that may write in the folder — a
//! trail, the index, a rebuilt `key.pub` — holds it shared, the library and
//! a walk for as long as they may save. So a trail is never written to a
//! key that `decrypt` is about to remove, two `encrypt` never make two keys,
//! and a `purge` never deletes under an `encrypt`'s feet.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on
//! Windows) on `.lock` in the data folder: it ends with the process, so a
//! killed discern never leaves the folder locked.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The lock file, in the data folder (hidden: nothing of the user's).
pub const FOLDER_LOCK_FILE: &str = ".lock";

/// How the folder is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// Alongside other commands that write (but no `encrypt`, `decrypt`
    /// or `passphrase`).
    Shared,
    /// Alone: `encrypt`, `decrypt`, `passphrase`.
    Exclusive,
}

/// The data folder's lock, held until dropped.
#[derive(Debug)]
pub struct FolderLock {
    _file: fs::File,
    pub hold: Hold,
}

#[derive(Debug)]
pub enum FolderLockError {
    /// Another discern holds it in a way that excludes this one.
    Held,
    Io(io::Error),
}

pub fn folder_lock_path(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER_LOCK_FILE)
}

impl FolderLock {
    /// Takes the lock at once, or says it is held. The data folder must
    /// exist; a lock file that is a symbolic link is refused, not followed.
    pub fn try_take(data_dir: &Path, hold: Hold) -> Result<FolderLock, FolderLockError> {
        let path = folder_lock_path(data_dir);
        crate::paths::refuse_symlink(&path).map_err(FolderLockError::Io)?;
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
        }
        let file = options.open(&path).map_err(|e| match e.raw_os_error() {
            #[cfg(unix)]
            Some(libc::ELOOP) => {
                FolderLockError::Io(io::Error::other(crate::paths::SymlinkRefused(path.clone())))
            }
            _ => FolderLockError::Io(e),
        })?;
        let taken = match hold {
            Hold::Shared => file.try_lock_shared(),
            Hold::Exclusive => file.try_lock(),
        };
        match taken {
            Ok(()) => Ok(FolderLock { _file: file, hold }),
            Err(fs::TryLockError::WouldBlock) => Err(FolderLockError::Held),
            Err(fs::TryLockError::Error(e)) => Err(FolderLockError::Io(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_holders_go_together_and_an_exclusive_one_alone() {
        let dir = tempfile::tempdir().unwrap();
        let one = FolderLock::try_take(dir.path(), Hold::Shared).unwrap();
        let two = FolderLock::try_take(dir.path(), Hold::Shared).unwrap();
        assert!(matches!(FolderLock::try_take(dir.path(), Hold::Exclusive), Err(FolderLockError::Held)));
        drop((one, two));
        let alone = FolderLock::try_take(dir.path(), Hold::Exclusive).unwrap();
        assert!(matches!(FolderLock::try_take(dir.path(), Hold::Shared), Err(FolderLockError::Held)));
        assert!(matches!(FolderLock::try_take(dir.path(), Hold::Exclusive), Err(FolderLockError::Held)));
        drop(alone);
        assert!(FolderLock::try_take(dir.path(), Hold::Shared).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&target, folder_lock_path(dir.path())).unwrap();
        assert!(matches!(FolderLock::try_take(dir.path(), Hold::Shared), Err(FolderLockError::Io(_))));
        assert!(!target.exists());
    }
}
