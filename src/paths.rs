//! Where discern keeps things: the data folder and the config file.

use std::path::PathBuf;

/// The data folder: `--data-dir`, else `DISCERN_DATA_DIR`, else the system's
/// (on Linux `~/.local/share/discern`). The flag says whether it was named.
pub fn data_dir(flag: Option<PathBuf>) -> (PathBuf, bool) {
    if let Some(dir) = flag {
        return (dir, true);
    }
    if let Some(dir) = std::env::var_os("DISCERN_DATA_DIR").filter(|d| !d.is_empty()) {
        return (PathBuf::from(dir), true);
    }
    let dir = directories::ProjectDirs::from("", "", "discern")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".discern"));
    (dir, false)
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

pub fn grids_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("grids")
}

/// Creates a folder (and its parents) readable by the user alone: 0700 on
/// Unix whatever the umask, since trails are private.
pub fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}
