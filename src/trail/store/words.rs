//! The words of every trail's answers, for the library's filter. Kept in a
//! file of their own (`.words.json`, beside the index, 0600) so that
//! `discern list` never reads them; trusted, like the index, only while a
//! trail's file is exactly as it was when its words were taken.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Store;
use super::crypt::Key;
use super::index::{Stamp, trusted};

pub(super) const WORDS_NAME: &str = ".words.json";
/// The same, encrypted to the folder's key, in an encrypted folder.
pub(super) const SEALED_WORDS_NAME: &str = ".words.age";

/// The words file's name, and the other one (to remove when it is written).
fn names(dir: &Path) -> (&'static str, &'static str) {
    let data_dir = dir.parent().unwrap_or(Path::new("."));
    if super::crypt::is_encrypted_folder(data_dir) {
        (SEALED_WORDS_NAME, WORDS_NAME)
    } else {
        (WORDS_NAME, SEALED_WORDS_NAME)
    }
}
const WORDS_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Default)]
struct Words {
    version: u32,
    written_ns: i128,
    entries: HashMap<String, (Stamp, String)>,
}

impl Store {
    /// The folded words of the answers of each trail of `paths`; a trail
    /// that cannot be read has none. The words file is brought up to date.
    pub fn answer_words(&self, paths: &[PathBuf]) -> Vec<(PathBuf, String)> {
        let dir = self.dir();
        let old = read(dir, self.key());
        let mut new = Words::default();
        let mut changed = false;
        let mut out = Vec::with_capacity(paths.len());
        for path in paths {
            let Ok(meta) = fs::metadata(path) else { continue };
            let stamp = Stamp::of(&meta);
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let words = match old.entries.get(&name) {
                Some((s, words)) if *s == stamp && trusted(&stamp, old.written_ns) => words.clone(),
                _ => {
                    changed = true;
                    self.read(path).map(|t| crate::trail::answer_words(&t)).unwrap_or_default()
                }
            };
            new.entries.insert(name, (stamp, words.clone()));
            out.push((path.clone(), words));
        }
        if changed || new.entries.len() != old.entries.len() {
            write(new, dir, self.key());
        }
        out
    }
}

/// Takes a deleted trail's words out at once, not at the next filter.
pub(super) fn forget(dir: &Path, key: Option<&Key>, name: &str) {
    let mut words = read(dir, key);
    if words.entries.remove(name).is_some() {
        write(words, dir, key);
    }
}

fn read(dir: &Path, key: Option<&Key>) -> Words {
    fs::read(dir.join(names(dir).0))
        .ok()
        .and_then(|bytes| super::crypt::open(bytes, key).ok())
        .and_then(|bytes| serde_json::from_slice::<Words>(&bytes).ok())
        .filter(|w| w.version == WORDS_VERSION)
        .unwrap_or_default()
}

/// Through a temporary file (0600, as tempfile makes them) and a rename; a
/// failure is harmless, the next filter reads the trails again.
fn write(mut words: Words, dir: &Path, key: Option<&Key>) {
    words.version = WORDS_VERSION;
    words.written_ns = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128);
    let Ok(bytes) = serde_json::to_vec(&words) else { return };
    // The words of the answers are encrypted before they are written, in
    // an encrypted folder: the temporary file holds no answer either.
    let Ok(bytes) = super::crypt::seal(dir.parent().unwrap_or(Path::new(".")), key, bytes) else { return };
    let (name, other) = names(dir);
    // A cache, rebuilt when lost: atomic, not synced.
    let writer = crate::files::Replace::new().named(".words-", ".tmp").cache();
    if writer.write(&dir.join(name), &bytes).is_ok() {
        let _ = fs::remove_file(dir.join(other));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Answer;

    #[test]
    fn the_words_of_the_answers_are_read_once_and_follow_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.ensure().unwrap();
        let grid = crate::grid::parse(include_str!("../../../tests/grids/good/test-grid.fr.toml")).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").unwrap();
        let mut walk = crate::walk::Walk::new(
            grid.clone(),
            crate::trail::Trail::start(&grid, "T", "abcd2345".into(), now),
        );
        let at = crate::walk::At { step: 1, question: 0 };
        walk.set(at, Some(Answer::Text("Le Collège appelle".into())), now);
        let path = store.path_for(&walk.trail);
        store.save(&walk.trail, &path).unwrap();
        let words = store.answer_words(std::slice::from_ref(&path));
        assert_eq!(words, [(path.clone(), "le college appelle".to_string())]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode =
                fs::metadata(dir.path().join("sessions").join(WORDS_NAME)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        walk.set(at, Some(Answer::Text("Le CMP appelle".into())), now);
        store.save(&walk.trail, &path).unwrap();
        assert_eq!(store.answer_words(std::slice::from_ref(&path))[0].1, "le cmp appelle");
        store.delete(&path).unwrap();
        let file = fs::read_to_string(dir.path().join("sessions").join(WORDS_NAME)).unwrap();
        assert!(!file.contains("appelle"), "a deleted trail's words go with it: {file}");
    }
}
