//! A failure of an operation or a command in words.

use super::Lang;
use crate::failure::Failure;

impl Lang {
    /// What went wrong and what to do, in this language.
    pub fn failure(self, f: &Failure) -> String {
        use Failure as F;
        match f {
            F::EmptyTitle => self.empty_title(),
            F::CannotCreate { path, error } => self.cannot_create(path, error),
            F::CannotWrite { path, error } => self.cannot_write(path, error),
            F::FileExists(path) => self.file_exists(path),
            F::CannotDelete { path, error } => self.cannot_delete(path, error),
            F::Io(error) => self.io_error(error),
            F::Damaged { path, error } => self.damaged_trail(path, &self.load_error(error)),
            F::OpenElsewhere(path) => self.trail_open_elsewhere(path),
            F::GridGone { id, language } => self.grid_gone(id, language),
            F::NoSuchTrail(arg) => self.no_such_trail(arg),
            F::AmbiguousTrail { arg, candidates } => self.ambiguous_trail(arg, candidates),
            F::AsOfNotAMoment(when) => self.as_of_not_a_moment(when),
            F::AsOfNoSuchTime(arg) => self.as_of_no_such_time(arg),
            F::AsOfBeforeCreation { arg, created } => self.as_of_before_creation(arg, *created),
            F::AsOfReadOnly(arg) => self.as_of_read_only(arg),
            F::NeedsYes => self.needs_yes(),
            F::DifferentGrids(trails) => self.compare_different_grids(trails),
            F::NotAnExport { path, error } => self.not_an_export(path, error),
            F::NotATrail { path, error } => self.delete_not_a_trail(path, &self.load_error(error)),
            F::OutsideSessions(path) => self.delete_outside_sessions(path),
            F::PurgeNeedsDays => self.purge_needs_days(),
            F::PurgeTooFarBack(days) => self.purge_too_far_back(*days),
            F::GridHasErrors { arg, problems } => {
                let lines: Vec<String> = problems.iter().map(|p| self.problem_line(arg, p)).collect();
                format!("{}\n{}", self.grid_has_errors(arg), lines.join("\n"))
            }
            F::NoSuchGrid { arg, known } => self.no_such_grid(arg, known),
            F::BadGridId(id) => self.bad_new_grid_id(id),
            F::GridExists(path) => self.grid_exists(path),
            F::NoConfigFile => self.no_config_file().to_string(),
            F::TooManyExports => self
                .pick(
                    "trop d'exports de ce parcours dans le dossier des exports : supprimez-en quelques-uns",
                    "too many exports of this trail in the exports folder: delete a few of them",
                )
                .to_string(),
            F::SaverStopped => self
                .pick(
                    "l'enregistrement automatique s'est arrêté : rien de ce qui suit ne sera enregistré",
                    "automatic saving stopped: nothing from now on will be saved",
                )
                .to_string(),
            F::Terminal(error) => self.terminal_failed(error),
            F::ScreenStopped { message, saved, backtrace } => {
                let told = self.screen_stopped(message, *saved);
                let backtrace = backtrace.trim_end();
                if backtrace.is_empty() { told } else { format!("{told}\n{backtrace}") }
            }
            F::PassphraseWrong => self.passphrase_wrong().to_string(),
            F::KeyUnusable { path, message } => self.key_unusable(path, message),
            F::PassphraseCancelled => self.passphrase_cancelled().to_string(),
            F::PassphraseNeeded => self.passphrase_needed().to_string(),
            F::PassphraseFileUnreadable { path, error } => self.passphrase_file_unreadable(path, error),
            F::PassphraseEmpty => self.passphrase_empty().to_string(),
            F::PassphraseMismatch => self.passphrase_mismatch().to_string(),
            F::KeyMismatch { key, public } => self.key_mismatch(key, public),
            F::KeyMissing { key, public } => self.key_missing(key, public),
            F::NewPassphraseNeeded => self.new_passphrase_needed().to_string(),
            F::NotEncrypted => self.passphrase_not_encrypted().to_string(),
            F::FolderBusy { wanted } => self.folder_busy(*wanted),
        }
    }

    /// `export -o FILE` on a file already there, without `--force`.
    pub fn file_exists(self, path: &std::path::Path) -> String {
        self.pick(
            format!(
                "{} existe déjà : rien n'a été remplacé. Choisissez un autre nom, ou ajoutez --force pour le remplacer",
                path.display()
            ),
            format!(
                "{} already exists: nothing was replaced. Choose another name, or add --force to replace it",
                path.display()
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_is_told_in_both_languages() {
        let path = std::path::PathBuf::from("/x/a.md");
        for f in [Failure::FileExists(path.clone()), Failure::TooManyExports, Failure::SaverStopped] {
            let (fr, en) = (Lang::Fr.failure(&f), Lang::En.failure(&f));
            assert_ne!(fr, en, "{f}");
            assert!(!fr.is_empty() && !en.is_empty());
        }
        assert!(Lang::Fr.failure(&Failure::FileExists(path.clone())).contains("--force"));
        assert!(Lang::En.failure(&Failure::FileExists(path)).contains("--force"));
    }
}
