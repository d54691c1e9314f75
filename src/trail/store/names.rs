//! File names that hold no word of a trail's title: `DATE-ID.toml` for a
//! trail, `.DATE-ID.toml.lock` for its lock, `exports/ID-N.md` for the
//! exports made from the library. A title names a situation, often a
//! person; a file name is seen by backups, file managers and anyone
//! looking over a shoulder, and it outlives a rename of the trail.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Store, TRAIL_EXTENSIONS};
use crate::trail::Trail;

/// The name of a trail's file: its creation day and its id, nothing else.
pub fn trail_file_name(trail: &Trail, extension: &str) -> String {
    format!("{}-{}.{extension}", trail.created.format("%Y-%m-%d"), trail.id)
}

/// Whether a trail file already has the title-free name `YYYY-MM-DD-ID.EXT`.
pub fn is_title_free(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else { return false };
    let b = stem.as_bytes();
    TRAIL_EXTENSIONS.contains(&ext)
        && b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 | 10 => *c == b'-',
            0..=9 => c.is_ascii_digit(),
            _ => c.is_ascii_lowercase() || c.is_ascii_digit(),
        })
}

/// The id at the end of a trail's file name (`…-ID.toml`), old or new scheme.
pub fn id_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let id = stem.rsplit('-').next()?;
    (id.len() == 8 && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
        .then(|| id.to_string())
}

/// The name of the `n`th export of a trail made from the library or the
/// end of a walk: `ID-N.md`, or `ID-N.html` for the printable page.
pub fn export_file_name(id: &str, n: u32, extension: &str) -> String {
    format!("{id}-{n}.{extension}")
}

/// Whether a file of the exports folder belongs to the trail `id`: the
/// title-free `ID-N.md` (or `.html`), or an export of an earlier version
/// named after the trail's file (`DATE-slug-ID.md`, `DATE-slug-ID-N.md`).
fn is_export_of(name: &str, id: &str) -> bool {
    let Some(stem) = name.strip_suffix(".md").or_else(|| name.strip_suffix(".html")) else { return false };
    fn numbered(s: &str) -> Option<(&str, &str)> {
        s.rsplit_once('-').filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }
    if let Some((head, _)) = numbered(stem)
        && head == id
    {
        return true;
    }
    let base = numbered(stem).map_or(stem, |(head, _)| head);
    base.len() > id.len() && base.ends_with(id) && base[..base.len() - id.len()].ends_with('-')
}

/// Removes the exports the library made of the trail `id`; returns how many.
pub fn delete_exports(exports_dir: &Path, id: &str) -> usize {
    let Ok(entries) = fs::read_dir(exports_dir) else { return 0 };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| is_export_of(&e.file_name().to_string_lossy(), id))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

impl Store {
    /// The ids of the trails in the folder with their creation day, read
    /// from the file names alone (no trail is opened, none decrypted): what
    /// a shell completes TRAIL with.
    pub fn ids_from_file_names(&self) -> Vec<(String, Option<String>)> {
        let Ok(entries) = fs::read_dir(self.dir()) else { return Vec::new() };
        let mut ids: Vec<(String, Option<String>)> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| TRAIL_EXTENSIONS.iter().any(|e| x == *e)))
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .filter_map(|p| {
                let id = id_from_file_name(&p)?;
                let name = p.file_name()?.to_string_lossy().into_owned();
                let day = is_title_free(&name).then(|| name[..10].to_string());
                Some((id, day))
            })
            .collect();
        ids.sort();
        ids.dedup_by(|a, b| a.0 == b.0);
        ids
    }

    /// Renames every trail whose file name still holds words of its title
    /// to `DATE-ID.toml`, and gives every file the extension of what it
    /// holds (`.age` for ciphertext, `.toml` for plaintext, see
    /// `crypt`); each by one atomic rename under the locks of both names.
    /// A trail open in another discern is left for a later run, and so is a
    /// damaged one, or an encrypted one whose old name cannot be replaced
    /// without the passphrase. Returns the renames done, old and new path.
    pub fn rename_to_title_free(&self) -> Vec<(PathBuf, PathBuf)> {
        let mut done = Vec::new();
        // A file's content is read only where its extension may be wrong:
        // `.toml` in an encrypted folder, `.age` in a plaintext one (after an
        // interrupted encrypt or decrypt), so that a listing stays a listing.
        let suspect = if super::crypt::is_encrypted_folder(self.data_dir()) { "toml" } else { "age" };
        for path in self.files() {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let title_free = is_title_free(&name);
            let current = path.extension().unwrap_or_default().to_string_lossy().into_owned();
            if title_free && current != suspect {
                continue;
            }
            let extension = if holds_ciphertext(&path) { "age" } else { "toml" };
            if title_free && current == extension {
                continue;
            }
            let Ok(lock) = Store::lock(&path) else { continue };
            let stem = if title_free {
                name.rsplit_once('.').map_or(name.clone(), |(stem, _)| stem.to_string())
            } else {
                let Ok(trail) = self.read(&path) else { continue };
                let new_name = trail_file_name(&trail, extension);
                new_name.rsplit_once('.').map_or(new_name.clone(), |(stem, _)| stem.to_string())
            };
            let target = self.dir().join(format!("{stem}.{extension}"));
            // Never over another file: two trails cannot share an id, so a
            // file already there is not this trail's to replace.
            if target.exists() {
                continue;
            }
            let Ok(target_lock) = Store::lock(&target) else { continue };
            if fs::rename(&path, &target).is_ok() {
                if let Ok(d) = fs::File::open(self.dir()) {
                    let _ = d.sync_all();
                }
                drop(lock);
                let _ = fs::remove_file(super::lock_path(&path));
                done.push((path, target));
            }
            drop(target_lock);
        }
        done
    }
}

/// Whether a file starts like an age file (reads its first bytes only).
pub fn holds_ciphertext(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 22];
    fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok()
        && super::crypt::is_encrypted(&head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_free_names_are_recognised() {
        assert!(is_title_free("2026-11-29-abcd2345.toml"));
        assert!(is_title_free("2026-11-29-abcd2345.age"));
        assert!(!is_title_free("2026-11-29-lea-martin-abcd2345.toml"));
        assert!(!is_title_free("2026-11-29-abcd2345.md"));
        assert!(!is_title_free("2026-11-29-ABCD2345.toml"));
    }

    #[test]
    fn exports_of_a_trail_are_told_from_the_others() {
        assert!(is_export_of("abcd2345-1.md", "abcd2345"));
        assert!(is_export_of("abcd2345-12.md", "abcd2345"));
        assert!(is_export_of("2026-11-29-lea-martin-abcd2345.md", "abcd2345"));
        assert!(is_export_of("2026-11-29-lea-martin-abcd2345-3.md", "abcd2345"));
        assert!(!is_export_of("abcd2346-1.md", "abcd2345"));
        assert!(!is_export_of("xabcd2345-1.md", "abcd2345"));
        assert!(!is_export_of("abcd2345-1.txt", "abcd2345"));
    }
}
