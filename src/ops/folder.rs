//! The data folder as a whole: its lock, its key, its passphrase.

use std::path::Path;
use std::time::{Duration, Instant};

use age::secrecy::SecretString;

use super::{Ctx, Failure};
use crate::trail::store::crypt::{self, Key, UnlockError};
use crate::trail::store::folder_lock::{FolderLock, FolderLockError, Hold};

/// How long a command waits for the folder's lock before it refuses: long
/// enough for a `decrypt` of a few hundred trails, or for another command
/// to end, short enough that nobody wonders whether discern hangs (it says
/// why it waits).
pub const FOLDER_WAIT: Duration = Duration::from_secs(5);

/// How often the lock is tried again while waiting.
const RETRY: Duration = Duration::from_millis(100);

/// Takes the data folder's lock (see `folder_lock`). When another discern
/// holds it in a way that excludes this one, `waiting` is called once (to
/// say why nothing happens) and the lock tried again for [`FOLDER_WAIT`];
/// then [`Failure::FolderBusy`], nothing done.
pub fn hold_folder(ctx: &Ctx, hold: Hold, waiting: impl FnOnce()) -> Result<FolderLock, Failure> {
    hold_folder_within(&ctx.data_dir, hold, FOLDER_WAIT, waiting)
}

fn hold_folder_within(
    data_dir: &Path,
    hold: Hold,
    wait: Duration,
    waiting: impl FnOnce(),
) -> Result<FolderLock, Failure> {
    let deadline = Instant::now() + wait;
    let mut waiting = Some(waiting);
    loop {
        match FolderLock::try_take(data_dir, hold) {
            Ok(lock) => return Ok(lock),
            Err(FolderLockError::Io(error)) => {
                return Err(Failure::CannotWrite {
                    path: crate::trail::store::folder_lock::folder_lock_path(data_dir),
                    error,
                });
            }
            Err(FolderLockError::Held) if Instant::now() >= deadline => {
                return Err(Failure::FolderBusy { wanted: hold });
            }
            Err(FolderLockError::Held) => {
                if let Some(say) = waiting.take() {
                    say();
                }
                std::thread::sleep(RETRY);
            }
        }
    }
}

/// Opens the folder's key with the passphrase: the one place an unlock's
/// outcome becomes a [`Failure`], for every front end. A missing or
/// damaged `key.pub` is rebuilt on the way; one of another identity is
/// refused, naming both files.
pub fn unlock(ctx: &Ctx, passphrase: &SecretString) -> Result<Key, Failure> {
    let data = &ctx.data_dir;
    crypt::unlock(data, passphrase).map_err(|e| match e {
        UnlockError::WrongPassphrase => Failure::PassphraseWrong,
        UnlockError::KeyUnusable(message) => Failure::KeyUnusable { path: crypt::key_path(data), message },
        UnlockError::Mismatch => {
            Failure::KeyMismatch { key: crypt::key_path(data), public: crypt::public_key_path(data) }
        }
    })
}

/// Seals the unlocked identity with a new passphrase, in place of
/// `key.age`: through a temporary file, synced, renamed over the old one,
/// so that a kill at any moment leaves the old passphrase working or the
/// new one, never neither. The identity stays: nothing else changes.
pub fn change_passphrase(ctx: &Ctx, key: &Key, new: &SecretString) -> Result<(), Failure> {
    let path = crypt::key_path(&ctx.data_dir);
    crypt::seal_key(key, new)
        .and_then(|sealed| crypt::write_key_file(&path, &sealed))
        .map_err(|error| Failure::CannotWrite { path, error })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_folder_is_waited_for_then_refused() {
        let dir = tempfile::tempdir().unwrap();
        let alone = FolderLock::try_take(dir.path(), Hold::Exclusive).unwrap();
        let mut said = 0;
        let started = Instant::now();
        let refused = hold_folder_within(dir.path(), Hold::Shared, Duration::from_millis(300), || said += 1);
        assert!(matches!(refused, Err(Failure::FolderBusy { wanted: Hold::Shared })));
        assert_eq!(said, 1, "said once");
        assert!(started.elapsed() >= Duration::from_millis(300));
        drop(alone);
        let shared = hold_folder_within(dir.path(), Hold::Shared, Duration::ZERO, || panic!("no wait"));
        assert!(shared.is_ok());
    }

    #[test]
    fn a_lock_let_go_while_waiting_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let alone = FolderLock::try_take(dir.path(), Hold::Exclusive).unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            drop(alone);
        });
        let taken = hold_folder_within(dir.path(), Hold::Exclusive, Duration::from_secs(5), || {});
        assert!(taken.is_ok());
        release.join().unwrap();
    }
}
