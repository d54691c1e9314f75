//! What this program last read or wrote of each trail file it writes, so
//! that a save never replaces content it has not seen. The lock keeps other
//! discern windows out while a trail is open; this is the second guard, for
//! a copy that was read before the lock was taken or a file changed by
//! another program: the saver compares what it read with what is there and
//! refuses to write over a change.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use crate::trail::Unknown;

/// Size and hash of a file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fingerprint {
    len: usize,
    hash: u64,
}

impl Fingerprint {
    pub(super) fn of(bytes: &[u8]) -> Fingerprint {
        let mut h = std::hash::DefaultHasher::new();
        bytes.hash(&mut h);
        Fingerprint { len: bytes.len(), hash: h.finish() }
    }
}

/// What is known of one file: its content's fingerprint, and the keys this
/// version does not know, to be written back.
struct Seen {
    fingerprint: Fingerprint,
    unknown: Option<Unknown>,
}

static SEEN: LazyLock<Mutex<HashMap<PathBuf, Seen>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

fn seen() -> std::sync::MutexGuard<'static, HashMap<PathBuf, Seen>> {
    // A panic elsewhere while the map was held leaves it usable.
    SEEN.lock().unwrap_or_else(|e| e.into_inner())
}

/// A file read for writing: the fingerprint of its bytes on disk (which
/// are ciphertext in an encrypted folder) and the unknown keys of its text.
pub(super) fn read(path: &Path, raw: &[u8], text: &str) {
    let entry = Seen { fingerprint: Fingerprint::of(raw), unknown: Unknown::of(text) };
    seen().insert(path.to_path_buf(), entry);
}

/// A file written: its new fingerprint (the unknown keys are still there).
pub(super) fn wrote(path: &Path, bytes: &[u8]) {
    let mut map = seen();
    let unknown = map.remove(path).and_then(|s| s.unknown);
    map.insert(path.to_path_buf(), Seen { fingerprint: Fingerprint::of(bytes), unknown });
}

pub(super) fn forget(path: &Path) {
    seen().remove(path);
}

/// What was last read or written at `path`, if this program read it for writing.
pub(super) fn expected(path: &Path) -> Option<Fingerprint> {
    seen().get(path).map(|s| s.fingerprint)
}

/// The keys to write back into `path`, if it had unknown ones.
pub(super) fn unknown(path: &Path) -> Option<Unknown> {
    seen().get(path).and_then(|s| s.unknown.clone())
}

/// The file's content changed on disk since this program read it: the save
/// was refused so as not to replace it.
#[derive(Debug)]
pub struct ChangedOnDisk;

impl std::fmt::Display for ChangedOnDisk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file changed on disk since it was read")
    }
}

impl std::error::Error for ChangedOnDisk {}

/// Whether an error from a save is [`ChangedOnDisk`].
pub fn is_changed_on_disk(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<ChangedOnDisk>())
}
