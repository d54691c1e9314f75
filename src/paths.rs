//! Where discern keeps things: the data folder and the config file.

use std::path::PathBuf;

mod exposure;
pub use exposure::{Exposure, exposures, make_own_folders_private};

/// The data folder: `--data-dir`, else `DISCERN_DATA_DIR`, else the system's
/// (on Linux `~/.local/share/discern`). The flag says whether it was named.
pub fn data_dir(flag: Option<PathBuf>) -> (PathBuf, bool) {
    if let Some(dir) = flag {
        return (dir, true);
    }
    if let Some(dir) = std::env::var_os("DISCERN_DATA_DIR").filter(|d| !d.is_empty()) {
        return (PathBuf::from(dir), true);
    }
    (system_data_dir(), false)
}

/// The system's data folder for discern (on Linux
/// `~/.local/share/discern`): discern's own, which no one else names.
pub fn system_data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "discern")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".discern"))
}

/// The config file. A data folder named on the command line or in
/// `DISCERN_DATA_DIR` keeps its own `config.toml`, so that a workshop folder or
/// a test never reads or writes the user's own settings; otherwise the
/// system's config folder (on Linux `~/.config/discern/config.toml`).
pub fn config_file(data_dir: &std::path::Path, named: bool) -> PathBuf {
    if let Some(file) = std::env::var_os("DISCERN_CONFIG").filter(|f| !f.is_empty()) {
        return PathBuf::from(file);
    }
    if named {
        return data_dir.join("config.toml");
    }
    directories::ProjectDirs::from("", "", "discern")
        .map(|d| d.config_dir().join("config.toml"))
        .unwrap_or_else(|| data_dir.join("config.toml"))
}

pub fn sessions_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("sessions")
}

/// Where the library puts its exports (`ID-N.md`).
pub fn exports_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("exports")
}

pub fn grids_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("grids")
}

/// Creates a folder (and its parents) readable by the user alone: 0700 on
/// Unix whatever the umask, since trails are private.
///
/// Every folder it has to create on the way is made 0700 too (a data folder
/// created for `grid new` must be as private as one created for a trail);
/// folders that already existed above it are left as they are.
pub fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    refuse_symlink(dir)?;
    let mut missing = Vec::new();
    let mut current = Some(dir);
    while let Some(d) = current.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        missing.push(d.to_path_buf());
        current = d.parent();
    }
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for d in missing.iter().chain(std::iter::once(&dir.to_path_buf())) {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// A symbolic link planted in the data folder (a `sessions`, `exports` or
/// `grids` folder, a lock file) would make discern create, chmod or write
/// files elsewhere: it is refused, never followed.
#[derive(Debug)]
pub struct SymlinkRefused(pub PathBuf);

impl std::fmt::Display for SymlinkRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is a symbolic link, which discern does not follow inside its data folder",
            self.0.display()
        )
    }
}

impl std::error::Error for SymlinkRefused {}

/// An error when `path` is a symbolic link.
pub fn refuse_symlink(path: &std::path::Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(std::io::Error::other(SymlinkRefused(path.to_path_buf())))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(unix)]
    fn every_folder_created_on_the_way_is_private_and_existing_ones_are_left() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let deep = root.path().join("data/grids");
        super::create_private_dir(&deep).unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&deep), 0o700);
        assert_eq!(mode(&root.path().join("data")), 0o700);
        assert_eq!(mode(root.path()), 0o755);
    }

    #[test]
    #[cfg(unix)]
    fn a_folder_that_is_a_symlink_is_refused_and_its_target_left_alone() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let outside = root.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        std::fs::set_permissions(&outside, std::fs::Permissions::from_mode(0o755)).unwrap();
        let link = root.path().join("sessions");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let e = super::create_private_dir(&link).unwrap_err();
        assert!(e.get_ref().is_some_and(|i| i.is::<super::SymlinkRefused>()), "{e}");
        let mode = std::fs::metadata(&outside).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755, "the target is not chmod'ed");
    }
}
