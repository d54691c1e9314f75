//! The operations both front ends call (the command line in `commands`, the
//! screen in `tui`), and the context they run in. One place decides how a
//! trail is opened, created, renamed, deleted, exported, followed up and
//! which grid it was walked with: the front ends only ask and tell.
//!
//! Operations return a [`Failure`] value; the front ends put it into words
//! (`Lang::failure`) in the user's language.

mod folder;
mod trail;

use std::path::PathBuf;

use crate::config::{Config, ConfigProblem};
pub use crate::failure::Failure;
use crate::lang::Lang;
use crate::trail::store::Store;
use crate::trail::store::crypt::Key;
pub use folder::{FOLDER_WAIT, change_passphrase, hold_folder, unlock};
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
    /// The folder's identity, once this run has unlocked it: what reads
    /// encrypted trails (a value the context holds, never a global).
    pub key: Option<Key>,
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
        let ctx = Ctx {
            lang,
            data_dir,
            config,
            plain: settings.plain,
            passphrase_file: settings.passphrase_file,
            key: None,
        };
        (ctx, problems)
    }

    /// The same context holding the folder's unlocked key: the author's
    /// name is then read from the encrypted folder.
    pub fn with_key(&self, key: Key) -> Ctx {
        let mut ctx = self.clone();
        ctx.key = Some(key);
        if let Some(author) = ctx.store().sealed_author() {
            ctx.config.author = Some(author);
        }
        ctx
    }

    /// The trails of the data folder, read with this run's key.
    pub fn store(&self) -> Store {
        Store::new(&self.data_dir).with_key(self.key.clone())
    }

    pub fn grids_dir(&self) -> PathBuf {
        crate::paths::grids_dir(&self.data_dir)
    }
}
