//! A data folder others can write in, or that another user owns, exposes
//! the trails it holds however private each file is: its owner can read
//! them, and whoever may write in it can rename, delete or replace what is
//! there. discern says so once a run, and makes private again the folders
//! it made itself.

use std::path::{Path, PathBuf};

/// What exposes one folder of the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exposure {
    /// Another user owns it: they can read and change what discern keeps there.
    OwnedByOther(PathBuf),
    /// Other users may create, rename or delete files in it.
    WritableByOthers(PathBuf),
}

/// The data folder, then the folders discern makes in it.
#[cfg(unix)]
fn folders(data_dir: &Path) -> [PathBuf; 4] {
    [
        data_dir.to_path_buf(),
        super::sessions_dir(data_dir),
        super::exports_dir(data_dir),
        super::grids_dir(data_dir),
    ]
}

/// What exposes the data folder and the folders discern makes in it (those
/// that exist; a folder that is a link is refused elsewhere and not looked
/// at here, but the data folder itself is followed where it points).
#[cfg(unix)]
pub fn exposures(data_dir: &Path) -> Vec<Exposure> {
    use std::os::unix::fs::MetadataExt;
    let me = discern_os::effective_user_id();
    let mut found = Vec::new();
    for (i, folder) in folders(data_dir).into_iter().enumerate() {
        let meta = if i == 0 { std::fs::metadata(&folder) } else { std::fs::symlink_metadata(&folder) };
        let Ok(meta) = meta else { continue };
        if !meta.is_dir() {
            continue;
        }
        if meta.uid() != me {
            found.push(Exposure::OwnedByOther(folder));
        } else if meta.mode() & 0o022 != 0 {
            found.push(Exposure::WritableByOthers(folder));
        }
    }
    found
}

/// Nothing to look at where folders have no Unix owner and mode (Windows
/// keeps the user's profile private).
#[cfg(not(unix))]
pub fn exposures(_data_dir: &Path) -> Vec<Exposure> {
    Vec::new()
}

/// Makes private (0700) the folders discern made itself that other users
/// may read or write: `sessions/`, `exports/` and `grids/`, and the data
/// folder when it is discern's own (`own`: the system's data folder, not
/// one the user named, which may be theirs to share). Gives those changed.
/// A folder of another user, or a link, is left as it is.
#[cfg(unix)]
pub fn make_own_folders_private(data_dir: &Path, own: bool) -> Vec<PathBuf> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let me = discern_os::effective_user_id();
    let skip = usize::from(!own);
    let mut changed = Vec::new();
    for folder in folders(data_dir).into_iter().skip(skip) {
        let Ok(meta) = std::fs::symlink_metadata(&folder) else { continue };
        if !meta.is_dir() || meta.uid() != me || meta.mode() & 0o077 == 0 {
            continue;
        }
        if std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).is_ok() {
            changed.push(folder);
        }
    }
    changed
}

#[cfg(not(unix))]
pub fn make_own_folders_private(_data_dir: &Path, _own: bool) -> Vec<PathBuf> {
    Vec::new()
}

#[cfg(all(test, unix))]
mod tests {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn discerns_own_folders_are_made_private_and_a_named_data_folder_is_only_told() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        for sub in ["sessions", "exports", "grids"] {
            fs::create_dir_all(data.join(sub)).unwrap();
            fs::set_permissions(data.join(sub), fs::Permissions::from_mode(0o700)).unwrap();
        }
        fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();
        fs::set_permissions(data.join("sessions"), fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(data.join("grids"), fs::Permissions::from_mode(0o770)).unwrap();
        assert_eq!(make_own_folders_private(&data, false), [data.join("sessions"), data.join("grids")]);
        assert_eq!(mode(&data.join("sessions")), 0o700);
        assert_eq!(mode(&data), 0o777, "a folder the user named is theirs");
        assert_eq!(exposures(&data), [Exposure::WritableByOthers(data.clone())]);
        assert_eq!(make_own_folders_private(&data, true), std::slice::from_ref(&data));
        assert!(exposures(&data).is_empty());
    }
}
