//! What an operation or a command could not do, as a value: the front ends
//! turn it into words in the user's language (`Lang::failure`, in `text`)
//! only when they tell it. The Display below is a short technical name, for
//! logs and tests, never shown to a person.

use std::io;
use std::path::PathBuf;

use crate::grid::Problem;
use crate::trail::import::ImportError;
use crate::trail::store::folder_lock::Hold;
use crate::trail::{LoadError, Time};

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// A trail's title made only of spaces.
    #[error("empty title")]
    EmptyTitle,
    #[error("cannot create the folder {path}: {error}")]
    CannotCreate { path: PathBuf, error: io::Error },
    #[error("cannot write {path}: {error}")]
    CannotWrite { path: PathBuf, error: io::Error },
    /// `export -o FILE` on a file that is already there, without `--force`.
    #[error("{0} already exists")]
    FileExists(PathBuf),
    #[error("cannot delete {path}: {error}")]
    CannotDelete { path: PathBuf, error: io::Error },
    /// An error of the system with no file to name (standard output…).
    #[error("{0}")]
    Io(io::Error),
    #[error("damaged trail {path}: {error}")]
    Damaged { path: PathBuf, error: LoadError },
    /// Another window holds the trail's lock.
    #[error("{0} is open elsewhere")]
    OpenElsewhere(PathBuf),
    /// The grid a trail was walked with is in no library any more.
    #[error("grid {id} ({language}) gone")]
    GridGone { id: String, language: String },
    #[error("no trail {0}")]
    NoSuchTrail(String),
    #[error("{arg} names several trails")]
    AmbiguousTrail { arg: String, candidates: Vec<(String, String)> },
    /// `TRAIL@WHEN` where TRAIL is a trail and WHEN no date or time.
    #[error("{0} is not a moment")]
    AsOfNotAMoment(String),
    /// `TRAIL@WHEN` names a moment the clock never shows (a DST gap).
    #[error("no such time in {0}")]
    AsOfNoSuchTime(String),
    #[error("{arg} is before the trail was created")]
    AsOfBeforeCreation { arg: String, created: Time },
    /// `TRAIL@WHEN` where the trail would be written.
    #[error("{0} is read only")]
    AsOfReadOnly(String),
    /// A question asked on standard input, which has ended.
    #[error("needs --yes")]
    NeedsYes,
    #[error("trails of different grids")]
    DifferentGrids(Vec<(String, String)>),
    #[error("{path} is not an export: {error:?}")]
    NotAnExport { path: PathBuf, error: ImportError },
    #[error("{path} is not a trail: {error}")]
    NotATrail { path: PathBuf, error: LoadError },
    #[error("{0} is outside the sessions folder")]
    OutsideSessions(PathBuf),
    #[error("purge needs a number of days")]
    PurgeNeedsDays,
    #[error("{0} days reach too far back")]
    PurgeTooFarBack(u32),
    #[error("the grid {arg} has errors")]
    GridHasErrors { arg: String, problems: Vec<Problem> },
    #[error("no grid {arg}")]
    NoSuchGrid { arg: String, known: Vec<String> },
    #[error("bad grid id {0}")]
    BadGridId(String),
    #[error("grid {0} exists")]
    GridExists(PathBuf),
    /// No config file to keep the author's name in.
    #[error("no config file")]
    NoConfigFile,
    /// The library's exports of one trail are numbered up to a limit.
    #[error("too many exports of this trail")]
    TooManyExports,
    /// The thread that saves the screen's work stopped.
    #[error("the saving thread stopped")]
    SaverStopped,
    #[error("terminal: {0}")]
    Terminal(io::Error),
    /// The screen stopped on an error or a panic; `saved`: whether the work
    /// was rescued (`None`: there was nothing to save).
    #[error("the screen stopped: {message}")]
    ScreenStopped { message: String, saved: Option<bool>, backtrace: String },
    #[error("wrong passphrase")]
    PassphraseWrong,
    #[error("key {path} unusable: {message}")]
    KeyUnusable { path: PathBuf, message: String },
    #[error("passphrase cancelled")]
    PassphraseCancelled,
    #[error("passphrase needed")]
    PassphraseNeeded,
    #[error("passphrase file {path} unreadable: {error}")]
    PassphraseFileUnreadable { path: PathBuf, error: io::Error },
    #[error("empty passphrase")]
    PassphraseEmpty,
    #[error("passphrases differ")]
    PassphraseMismatch,
    /// `key.pub` is not the public key of `key.age`'s identity.
    #[error("{public} is not the public key of {key}")]
    KeyMismatch { key: PathBuf, public: PathBuf },
    /// `key.pub` is there but `key.age` is not: `encrypt` makes no new key
    /// over a folder whose trails may be encrypted to the lost one.
    #[error("{key} is missing beside {public}")]
    KeyMissing { key: PathBuf, public: PathBuf },
    /// `passphrase` without a terminal nor `--new-passphrase-file`.
    #[error("new passphrase needed")]
    NewPassphraseNeeded,
    /// `passphrase` in a folder that is not encrypted.
    #[error("the folder is not encrypted")]
    NotEncrypted,
    /// The data folder's lock is held by another discern in a way that
    /// excludes the command (see `folder_lock`), after waiting.
    #[error("the data folder is busy")]
    FolderBusy { wanted: Hold },
}
