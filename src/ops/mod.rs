//! The operations both front ends call (the command line in `commands`, the
//! screen in `tui`), and the context they run in. One place decides how a
//! trail is opened, created, renamed, deleted, exported, followed up and
//! which grid it was walked with: the front ends only ask and tell.
//!
//! Operations return a [`Failure`] value; the front ends put it into words
//! (`Lang::failure`) in the user's language.

mod trail;

use std::path::PathBuf;

use crate::config::{Config, ConfigProblem};
pub use crate::failure::Failure;
use crate::lang::Lang;
pub use trail::{
    Opened, add_follow_up, create, delete, export_beside, export_to_file, export_to_library, find_grid,
    find_grid_or_translation, lock, open, read, rename, save_author, write_library_export,
};

/// What every operation needs to know about where it runs.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub data_dir: PathBuf,
    pub config: Config,
    pub plain: bool,
    /// `--passphrase-file`: where the passphrase of an encrypted folder is read.
    pub passphrase_file: Option<PathBuf>,
}

/// What the command line (or a test) asks for, before the config is read.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub data_dir: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub plain: bool,
    pub passphrase_file: Option<PathBuf>,
}

impl Ctx {
    /// The context of a run: the data folder, its config file (with what
    /// in it could not be used, for the front end to tell), the language.
    pub fn new(settings: Settings) -> (Ctx, Vec<ConfigProblem>) {
        let (data_dir, named) = crate::paths::data_dir(settings.data_dir);
        let (config, problems) = Config::load(&crate::paths::config_file(&data_dir, named));
        let lang = Lang::detect(settings.lang, config.language);
        let ctx =
            Ctx { lang, data_dir, config, plain: settings.plain, passphrase_file: settings.passphrase_file };
        (ctx, problems)
    }

    /// The same context once the folder's key is unlocked: the author's
    /// name is then read from the encrypted folder.
    pub fn unlocked(&self) -> Ctx {
        let mut ctx = self.clone();
        if let Some(author) = crate::trail::store::encryption::sealed_author(&self.data_dir) {
            ctx.config.author = Some(author);
        }
        ctx
    }

    pub fn grids_dir(&self) -> PathBuf {
        crate::paths::grids_dir(&self.data_dir)
    }
}
