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

use super::crypt::Key;
use crate::trail::Summary;

pub(super) const INDEX_NAME: &str = ".index.json";
/// The index of an encrypted folder: the same JSON, encrypted to its key.
pub(super) const SEALED_INDEX_NAME: &str = ".index.age";
/// 2: summaries hold the revisit date.
const INDEX_VERSION: u32 = 2;
/// Changes this close to the index's own writing are not trusted: a file
/// written twice within the file system's time granularity could keep its
/// modification time (the "racy" case git knows well).
const RACY_NS: i128 = 2_000_000_000;

/// What identifies one state of a file without reading it.
/// The index is a cache, rebuilt when lost: written atomically, not synced.
const INDEX_WRITER: crate::files::Replace<'static> =
    crate::files::Replace::new().named(".index-", ".tmp").cache();

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

/// A file changed at `stamp` is known as it was when a record written at
/// `written_ns` was made, unless the change was too close to it.
pub fn trusted(stamp: &Stamp, written_ns: i128) -> bool {
    stamp.mtime_ns + RACY_NS < written_ns
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
    pub fn read(dir: &Path, key: Option<&Key>) -> Index {
        let name = if sealed(dir) { SEALED_INDEX_NAME } else { INDEX_NAME };
        fs::read(dir.join(name))
            .ok()
            .and_then(|bytes| super::crypt::open(bytes, key).ok())
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
            .filter(|i| i.version == INDEX_VERSION)
            .unwrap_or_default()
    }

    /// The summary recorded for `name`, if its file is still as it was.
    pub fn get(&self, name: &str, stamp: &Stamp) -> Option<&Summary> {
        let entry = self.entries.get(name)?;
        (entry.stamp == *stamp && trusted(stamp, self.written_ns)).then_some(&entry.summary)
    }

    /// `get`, moving the summary out: listing keeps one copy of each.
    pub fn take(&mut self, name: &str, stamp: &Stamp) -> Option<Summary> {
        self.get(name, stamp)?;
        self.entries.remove(name).map(|e| e.summary)
    }

    fn write_as_of(mut self, dir: &Path, key: Option<&Key>, written_ns: i128) {
        self.version = INDEX_VERSION;
        self.written_ns = written_ns;
        let Ok(bytes) = serde_json::to_vec(&self) else { return };
        // Encrypted before it is written: the temporary file holds no title.
        let data_dir = dir.parent().unwrap_or(Path::new("."));
        let Ok(bytes) = super::crypt::seal(data_dir, key, bytes) else { return };
        let (name, other) =
            if sealed(dir) { (SEALED_INDEX_NAME, INDEX_NAME) } else { (INDEX_NAME, SEALED_INDEX_NAME) };
        if INDEX_WRITER.write(&dir.join(name), &bytes).is_ok() {
            let _ = fs::remove_file(dir.join(other));
        }
    }

    /// Removes the entry of a deleted file at once, so that its title does
    /// not outlive it. The index keeps its time of writing: its other
    /// entries were not read again, so they must not look fresher.
    pub fn forget(dir: &Path, key: Option<&Key>, name: &str) {
        let mut index = Index::read(dir, key);
        if index.entries.remove(name).is_some() {
            let written_ns = index.written_ns;
            index.write_as_of(dir, key, written_ns);
        }
    }
}

#[derive(Serialize)]
struct EntryRef<'a> {
    stamp: Stamp,
    summary: &'a Summary,
}

#[derive(Serialize)]
struct IndexRef<'a> {
    version: u32,
    written_ns: i128,
    entries: HashMap<&'a str, EntryRef<'a>>,
}

/// Writes an index of these entries, streamed to a temporary file renamed
/// into place (borrowing the summaries the listing already holds, so that
/// 10,000 trails are not held twice more). A failure is harmless: the next
/// listing reads the trails again.
pub fn write_entries<'a>(
    dir: &Path,
    key: Option<&Key>,
    entries: impl Iterator<Item = (&'a str, Stamp, &'a Summary)>,
) {
    let index = IndexRef {
        version: INDEX_VERSION,
        written_ns: SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128),
        entries: entries.map(|(name, stamp, summary)| (name, EntryRef { stamp, summary })).collect(),
    };
    // In an encrypted folder the index is encrypted before it is written:
    // neither the temporary file nor the index holds a title in plaintext.
    if sealed(dir) {
        let data_dir = dir.parent().unwrap_or(Path::new("."));
        let Ok(json) = serde_json::to_vec(&index) else { return };
        let Ok(bytes) = super::crypt::seal(data_dir, key, json) else { return };
        if INDEX_WRITER.write(&dir.join(SEALED_INDEX_NAME), &bytes).is_ok() {
            let _ = fs::remove_file(dir.join(INDEX_NAME));
        }
        return;
    }
    let streamed = INDEX_WRITER.write_with(&dir.join(INDEX_NAME), |f| {
        let mut out = std::io::BufWriter::new(f);
        serde_json::to_writer(&mut out, &index).map_err(std::io::Error::other)?;
        std::io::Write::flush(&mut out)
    });
    if streamed.is_ok() {
        let _ = fs::remove_file(dir.join(SEALED_INDEX_NAME));
    }
}
