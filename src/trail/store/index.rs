//! A small index of the sessions folder, so that listing years of trails
//! stays instant. The trail files stay the truth: an entry is used only
//! while its file has the same size, modification time and inode as when it
//! was read, and the index is rebuilt from the files whenever it is missing,
//! damaged or stale.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::trail::Summary;

pub(super) const INDEX_NAME: &str = ".index.json";
/// The index of an encrypted folder: the same JSON, encrypted to its key.
pub(super) const SEALED_INDEX_NAME: &str = ".index.age";
const INDEX_VERSION: u32 = 1;
/// Changes this close to the index's own writing are not trusted: a file
/// written twice within the file system's time granularity could keep its
/// modification time (the "racy" case git knows well).
const RACY_NS: i128 = 2_000_000_000;

/// What identifies one state of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: i128,
    pub inode: u64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp { size: meta.len(), mtime_ns, inode }
    }
}

/// Whether the sessions folder `dir` is in an encrypted data folder.
fn sealed(dir: &Path) -> bool {
    super::crypt::is_encrypted_folder(dir.parent().unwrap_or(Path::new(".")))
}

#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub stamp: Stamp,
    pub summary: Summary,
}

#[derive(Serialize, Deserialize, Default)]
pub struct Index {
    version: u32,
    written_ns: i128,
    pub entries: HashMap<String, Entry>,
}

impl Index {
    /// The index of `dir`, or an empty one when it is missing or damaged.
    pub fn read(dir: &Path) -> Index {
        let name = if sealed(dir) { SEALED_INDEX_NAME } else { INDEX_NAME };
        fs::read(dir.join(name))
            .ok()
            .and_then(|bytes| super::crypt::open(bytes).ok())
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
            .filter(|i| i.version == INDEX_VERSION)
            .unwrap_or_default()
    }

    /// The summary recorded for `name`, if its file is still as it was.
    pub fn get(&self, name: &str, stamp: &Stamp) -> Option<&Summary> {
        let entry = self.entries.get(name)?;
        let trusted = entry.stamp == *stamp && stamp.mtime_ns + RACY_NS < self.written_ns;
        trusted.then_some(&entry.summary)
    }

    /// Writes the index through a temporary file and a rename. A failure is
    /// harmless: the next listing reads the trails again.
    pub fn write(self, dir: &Path) {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128);
        self.write_as_of(dir, now);
    }

    fn write_as_of(mut self, dir: &Path, written_ns: i128) {
        self.version = INDEX_VERSION;
        self.written_ns = written_ns;
        let Ok(bytes) = serde_json::to_vec(&self) else { return };
        // Encrypted before it is written: the temporary file holds no title.
        let data_dir = dir.parent().unwrap_or(Path::new("."));
        let Ok(bytes) = super::crypt::seal(data_dir, bytes) else { return };
        let (name, other) =
            if sealed(dir) { (SEALED_INDEX_NAME, INDEX_NAME) } else { (INDEX_NAME, SEALED_INDEX_NAME) };
        let Ok(mut tmp) = tempfile::Builder::new().prefix(".index-").tempfile_in(dir) else { return };
        if std::io::Write::write_all(&mut tmp, &bytes).is_ok() && tmp.persist(dir.join(name)).is_ok() {
            let _ = fs::remove_file(dir.join(other));
        }
    }

    /// Removes the entry of a deleted file at once, so that its title does
    /// not outlive it. The index keeps its time of writing: its other
    /// entries were not read again, so they must not look fresher.
    pub fn forget(dir: &Path, name: &str) {
        let mut index = Index::read(dir);
        if index.entries.remove(name).is_some() {
            let written_ns = index.written_ns;
            index.write_as_of(dir, written_ns);
        }
    }
}
