//! Operations on one trail, for both front ends.

use std::path::{Path, PathBuf};

use super::{Ctx, Failure};
use crate::documents::{ExportFormat, export};
use crate::grid::Grid;
use crate::grid::library::{self, Library};
use crate::trail::store::encryption::AUTHOR_FILE;
use crate::trail::store::{Lock, LockError, Store};
use crate::trail::{FollowUp, Time, Trail};

/// Takes the trail's lock, so that only this program writes it. Held by
/// another window: [`Failure::OpenElsewhere`].
pub fn lock(path: &Path) -> Result<Lock, Failure> {
    Store::lock(path).map_err(|e| match e {
        LockError::Held => Failure::OpenElsewhere(path.to_path_buf()),
        LockError::Io(error) => Failure::CannotWrite { path: path.to_path_buf(), error },
    })
}

/// Reads a trail; under its lock when one is given (taken before the
/// read: a window never reads a trail another one is still writing, then
/// saves that stale copy over it). A damaged one is reported, never touched.
pub fn read(ctx: &Ctx, path: &Path, lock: Option<&Lock>) -> Result<Trail, Failure> {
    let store = ctx.store();
    match lock {
        Some(lock) => store.read_locked(path, lock),
        None => store.read(path),
    }
    .map_err(|error| Failure::Damaged { path: path.to_path_buf(), error })
}

/// A trail opened to be walked or reviewed.
pub struct Opened {
    pub trail: Trail,
    /// Its lock; `None` when another window holds it: the trail is then
    /// read without it, to be shown read only, and never written.
    pub lock: Option<Lock>,
}

/// Opens a trail: its lock first, then the file (see [`read`]).
pub fn open(ctx: &Ctx, path: &Path) -> Result<Opened, Failure> {
    let lock = match lock(path) {
        Ok(lock) => Some(lock),
        Err(Failure::OpenElsewhere(_)) => None,
        Err(e) => return Err(e),
    };
    let trail = read(ctx, path, lock.as_ref())?;
    Ok(Opened { trail, lock })
}

/// Runs `f` under the trail's lock: `held` when the caller holds it
/// already, else one taken for the time of `f`.
fn under_lock<T>(
    path: &Path,
    held: Option<&Lock>,
    f: impl FnOnce(&Lock) -> Result<T, Failure>,
) -> Result<T, Failure> {
    match held {
        Some(lock) => f(lock),
        None => f(&lock(path)?),
    }
}

/// Saves a new trail in the library; gives back its file, and whether it
/// could be saved (the screen opens the walk all the same, and tries again).
pub fn create(ctx: &Ctx, trail: &Trail) -> (PathBuf, Result<(), Failure>) {
    let store = ctx.store();
    let path = store.path_for(trail);
    let saved = store
        .ensure()
        .map_err(|error| Failure::CannotCreate { path: store.dir().to_path_buf(), error })
        .and_then(|()| {
            store.save(trail, &path).map_err(|error| Failure::CannotWrite { path: path.clone(), error })
        });
    (path, saved)
}

/// Saves `trail` in place of its file.
fn save(ctx: &Ctx, trail: &Trail, path: &Path) -> Result<(), Failure> {
    ctx.store().save(trail, path).map_err(|error| Failure::CannotWrite { path: path.to_path_buf(), error })
}

/// Gives a trail a new title, under its lock.
pub fn rename(ctx: &Ctx, path: &Path, title: &str, now: Time, held: Option<&Lock>) -> Result<(), Failure> {
    under_lock(path, held, |lock| {
        let mut trail = read(ctx, path, Some(lock))?;
        trail.title = title.to_string();
        trail.updated = now;
        save(ctx, &trail, path)
    })
}

/// Deletes a trail and its exports, under its lock (a trail open
/// elsewhere is not deleted under its writer's feet); gives back how many
/// exports went with it.
pub fn delete(ctx: &Ctx, path: &Path, held: Option<&Lock>) -> Result<usize, Failure> {
    under_lock(path, held, |_lock| {
        ctx.store().delete(path).map_err(|error| Failure::CannotDelete { path: path.to_path_buf(), error })
    })
}

/// Adds a follow-up to a trail under its lock; gives back the trail's title.
pub fn add_follow_up(
    ctx: &Ctx,
    path: &Path,
    entry: FollowUp,
    held: Option<&Lock>,
) -> Result<String, Failure> {
    under_lock(path, held, |lock| {
        let mut trail = read(ctx, path, Some(lock))?;
        trail.add_follow_up(entry);
        save(ctx, &trail, path)?;
        Ok(trail.title)
    })
}

/// Keeps a reviewer's name for the rest of the session, whatever happens,
/// and in the config file if it can be written (in an encrypted folder, in
/// the folder, encrypted).
pub fn save_author(ctx: &mut Ctx, name: &str) -> Result<(), Failure> {
    ctx.config.author = Some(name.to_string());
    let data = &ctx.data_dir;
    if crate::trail::store::crypt::is_encrypted_folder(data) {
        return ctx
            .store()
            .seal_author(name)
            .map_err(|error| Failure::CannotWrite { path: data.join(AUTHOR_FILE), error });
    }
    let path = &ctx.config.path;
    if path.as_os_str().is_empty() {
        return Err(Failure::NoConfigFile);
    }
    crate::config::save_author(path, name).map_err(|error| Failure::CannotWrite { path: path.clone(), error })
}

/// The grid a trail was made with: the file it was started from if it is
/// still there, else the grid of the same id and language, whatever its
/// version (first among the user's files named after it, then in the
/// whole library).
pub fn find_grid(ctx: &Ctx, trail: &Trail) -> Option<Grid> {
    find(ctx, trail, false)
}

/// [`find_grid`], else the same grid in another language (the screen
/// opens a trail with it rather than not at all).
pub fn find_grid_or_translation(ctx: &Ctx, trail: &Trail) -> Option<Grid> {
    find(ctx, trail, true)
}

fn find(ctx: &Ctx, trail: &Trail, any_language: bool) -> Option<Grid> {
    let (id, language) = (&trail.grid.id, &trail.grid.language);
    if let Some(path) = &trail.grid.path
        && let Ok(grid) = library::load_file(Path::new(path))
        && grid.meta.id == *id
        && grid.meta.language == *language
    {
        return Some(grid);
    }
    Library::find_in(&ctx.grids_dir(), id, language, any_language)
}

/// Writes an export to the file the user named. Never over an existing
/// file, unless `force`: then replaced atomically (a failure leaves the
/// old file as it was).
pub fn export_to_file(text: &str, file: &Path, force: bool) -> Result<(), Failure> {
    let written = if force {
        crate::files::replace(file, text.as_bytes())
    } else {
        crate::files::create_new(file, text.as_bytes())
    };
    written.map_err(|error| match error.kind() {
        std::io::ErrorKind::AlreadyExists => Failure::FileExists(file.to_path_buf()),
        _ => Failure::CannotWrite { path: file.to_path_buf(), error },
    })
}

/// Writes `text` beside `file`, which exists, as a new file under the
/// first free name `STEM-1.EXT`, `STEM-2.EXT`…; the name written.
pub fn export_beside(text: &str, file: &Path) -> Result<PathBuf, Failure> {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = file.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    for n in 1..=MAX_EXPORTS {
        let beside = file.with_file_name(format!("{stem}-{n}{ext}"));
        match export_to_file(text, &beside, false) {
            Err(Failure::FileExists(_)) => continue,
            other => return other.map(|()| beside),
        }
    }
    Err(Failure::TooManyExports)
}

/// Most exports of one trail the library keeps.
const MAX_EXPORTS: u32 = 10_000;

/// Writes an export of `trail` in the library's exports folder (0700), as a
/// new file, 0600, never over an existing one: `ID-1.EXT`, `ID-2.EXT`… (no
/// word of the title, and `delete` finds them by the id).
pub fn export_to_library(
    ctx: &Ctx,
    trail: &Trail,
    grid: Option<&Grid>,
    format: ExportFormat,
) -> Result<PathBuf, Failure> {
    write_library_export(ctx, &trail.id, format, &export::render(trail, grid, format, ctx.lang, false))
}

/// Writes `text`, an export of the trail `id`, as [`export_to_library`] does.
pub fn write_library_export(
    ctx: &Ctx,
    id: &str,
    format: ExportFormat,
    text: &str,
) -> Result<PathBuf, Failure> {
    let extension = match format {
        ExportFormat::Md => "md",
        ExportFormat::Html => "html",
        ExportFormat::Json => "json",
        ExportFormat::Txt => "txt",
    };
    let dir = crate::paths::exports_dir(&ctx.data_dir);
    crate::paths::create_private_dir(&dir)
        .map_err(|error| Failure::CannotCreate { path: dir.clone(), error })?;
    for n in 1..MAX_EXPORTS {
        let path = dir.join(crate::trail::store::names::export_file_name(id, n, extension));
        match crate::files::create_new(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(Failure::CannotWrite { path, error }),
        }
    }
    Err(Failure::TooManyExports)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    const GRID_FR: &str = include_str!("../../tests/grids/good/test-grid.fr.toml");
    const GRID_EN: &str = include_str!("../../tests/grids/good/test-grid.en.toml");

    fn ctx(dir: &Path) -> Ctx {
        Ctx {
            lang: Lang::En,
            data_dir: dir.to_path_buf(),
            config: crate::config::Config::default(),
            plain: false,
            passphrase_file: None,
            key: None,
        }
    }

    fn created(ctx: &Ctx) -> (PathBuf, Trail) {
        let grid = crate::grid::parse(GRID_FR).unwrap();
        let trail = Trail::start(&grid, "T", "abcd2345".into(), crate::trail::now());
        let (path, saved) = create(ctx, &trail);
        saved.unwrap();
        (path, trail)
    }

    #[test]
    fn a_file_is_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out.md");
        std::fs::write(&file, "mine").unwrap();
        assert!(matches!(export_to_file("new", &file, false), Err(Failure::FileExists(p)) if p == file));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
        export_to_file("new", &file, true).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
    }

    #[test]
    fn an_export_beside_a_file_takes_the_first_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("out.md");
        std::fs::write(&file, "mine").unwrap();
        std::fs::write(dir.path().join("out-1.md"), "mine too").unwrap();
        assert_eq!(export_beside("new", &file).unwrap(), dir.path().join("out-2.md"));
        assert_eq!(std::fs::read_to_string(dir.path().join("out-2.md")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
        assert_eq!(std::fs::read_to_string(dir.path().join("out-1.md")).unwrap(), "mine too");
    }

    #[test]
    fn library_exports_are_numbered_and_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        let first = write_library_export(&ctx, "abcd2345", ExportFormat::Md, "one").unwrap();
        let second = write_library_export(&ctx, "abcd2345", ExportFormat::Html, "two").unwrap();
        assert_eq!(first.file_name().unwrap(), "abcd2345-1.md");
        assert_eq!(second.file_name().unwrap(), "abcd2345-1.html");
        let third = write_library_export(&ctx, "abcd2345", ExportFormat::Md, "three").unwrap();
        assert_eq!(third.file_name().unwrap(), "abcd2345-2.md");
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one");
    }

    #[test]
    fn a_trail_locked_elsewhere_is_neither_renamed_nor_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        let (path, trail) = created(&ctx);
        let elsewhere = lock(&path).unwrap();
        assert!(matches!(lock(&path), Err(Failure::OpenElsewhere(_))));
        assert!(matches!(rename(&ctx, &path, "New", trail.updated, None), Err(Failure::OpenElsewhere(_))));
        assert!(matches!(delete(&ctx, &path, None), Err(Failure::OpenElsewhere(_))));
        assert!(path.exists());
        // The window that holds the lock may.
        rename(&ctx, &path, "New", trail.updated, Some(&elsewhere)).unwrap();
        assert_eq!(read(&ctx, &path, Some(&elsewhere)).unwrap().title, "New");
        assert_eq!(delete(&ctx, &path, Some(&elsewhere)).unwrap(), 0);
        assert!(!path.exists());
    }

    #[test]
    fn a_damaged_trail_is_reported_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(&path, "format = 1\nid = ").unwrap();
        assert!(
            matches!(read(&ctx(dir.path()), &path, None), Err(Failure::Damaged { path: p, .. }) if p == path)
        );
    }

    #[test]
    fn the_grid_of_a_trail_is_found_in_its_language_or_as_a_translation() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        let grids = ctx.grids_dir();
        crate::paths::create_private_dir(&grids).unwrap();
        // Only the English file, under another name than the grid's id.
        std::fs::write(grids.join("other.en.toml"), GRID_EN).unwrap();
        let french = crate::grid::parse(GRID_FR).unwrap();
        let trail = Trail::start(&french, "T", "abcd2345".into(), crate::trail::now());
        assert!(find_grid(&ctx, &trail).is_none(), "not in French");
        let found = find_grid_or_translation(&ctx, &trail).expect("the English one");
        assert_eq!(found.meta.language, "en");
        std::fs::write(grids.join("test-grid.fr.toml"), GRID_FR).unwrap();
        assert_eq!(find_grid(&ctx, &trail).expect("now in French").meta.language, "fr");
    }
}
