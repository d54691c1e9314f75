//! Messages shared by every command: files, folders, config.

use std::path::Path;

use super::Lang;
use crate::config::ConfigProblem;

impl Lang {
    pub fn config_problem(self, path: &Path, p: &ConfigProblem) -> String {
        let file = path.display();
        match p {
            ConfigProblem::Unreadable(e) => self.pick(
                format!("{file} : lecture impossible ({e}) ; les réglages par défaut s'appliquent"),
                format!("{file}: cannot be read ({e}); the default settings apply"),
            ),
            ConfigProblem::Syntax(e) => self.pick(
                format!("{file} : erreur de syntaxe TOML ({e}) ; les réglages par défaut s'appliquent"),
                format!("{file}: TOML syntax error ({e}); the default settings apply"),
            ),
            ConfigProblem::UnknownKey(k) => self.pick(
                format!(
                    "{file} : clé inconnue {} (clés possibles : language, author, retention_days, theme)",
                    self.quote(k)
                ),
                format!(
                    "{file}: unknown key {} (known keys: language, author, retention_days, theme)",
                    self.quote(k)
                ),
            ),
            ConfigProblem::BadValue { key, expected } => self.pick(
                format!(
                    "{file} : valeur invalide pour {} (attendu : {expected}) ; elle est ignorée",
                    self.quote(key)
                ),
                format!("{file}: bad value for {} (expected: {expected}); it is ignored", self.quote(key)),
            ),
        }
    }

    pub fn cannot_create(self, dir: &Path, e: &std::io::Error) -> String {
        let e = self.io_error(e);
        self.pick(
            format!("impossible de créer le dossier {} : {e}", dir.display()),
            format!("cannot create the folder {}: {e}", dir.display()),
        )
    }

    /// After a failed save in the plain walk, while it goes on.
    pub fn plain_answers_kept(self) -> &'static str {
        self.pick(
            "Vos réponses sont gardées en mémoire : elles seront enregistrées avec la prochaine réponse qui pourra l'être.",
            "Your answers are kept in memory: they are saved with the next answer that can be.",
        )
    }

    pub fn cannot_write(self, path: &Path, e: &std::io::Error) -> String {
        let e = self.io_error(e);
        self.pick(
            format!("impossible d'écrire {} : {e} ; rien n'a été remplacé", path.display()),
            format!("cannot write {}: {e}; nothing was replaced", path.display()),
        )
    }

    /// An error of the system in words; the system's own words are English.
    pub fn io_error(self, e: &std::io::Error) -> String {
        if crate::trail::store::is_changed_on_disk(e) {
            return self
                .pick(
                    "le fichier a été modifié sur le disque depuis sa lecture (par un autre programme ?) ; \
                     fermez ce parcours puis rouvrez-le pour voir la version enregistrée",
                    "the file changed on disk since it was read (another program?); \
                     close this trail and open it again to see the saved version",
                )
                .to_string();
        }
        if let Some(refused) =
            e.get_ref().and_then(|i| i.downcast_ref::<crate::trail::store::crypt::CannotEncrypt>())
        {
            return self.cannot_encrypt(refused);
        }
        if let Some(link) = e.get_ref().and_then(|i| i.downcast_ref::<crate::paths::SymlinkRefused>()) {
            return self.pick(
                format!(
                    "{} est un lien symbolique : discern ne suit pas les liens dans son dossier de données ; remplacez-le par un vrai dossier ou fichier",
                    link.0.display()
                ),
                format!(
                    "{} is a symbolic link: discern does not follow links inside its data folder; replace it with a real folder or file",
                    link.0.display()
                ),
            );
        }
        // The system's words are English ("No such file or directory (os
        // error 2)"): the kind of error is told instead.
        match self.io_words(e.kind()) {
            Some(words) => words,
            // EIO, as a terminal that was closed gives.
            None if cfg!(unix) && e.raw_os_error() == Some(5) => {
                self.pick("erreur d'entrée-sortie".into(), "input/output error".into())
            }
            None => e.to_string(),
        }
    }
}

/// Trail files.
impl Lang {
    pub fn load_error(self, e: &crate::trail::LoadError) -> String {
        use crate::trail::LoadError as E;
        match e {
            E::Unreadable(m) => {
                let m = self.io_kind(*m);
                self.pick(format!("lecture impossible : {m}"), format!("cannot be read: {m}"))
            }
            E::TooLarge(n) => {
                self.pick(format!("fichier trop gros ({} Mo)", n / 1_048_576), format!("file too large ({} MB)", n / 1_048_576))
            }
            E::NotUtf8 => self.pick("le fichier n'est pas en UTF-8".into(), "the file is not UTF-8".into()),
            E::Empty => self.pick("le fichier est vide".into(), "the file is empty".into()),
            E::Invalid { at, key, damage } => self.damage(at.as_ref(), key.as_deref(), damage),
            E::BadFormat(at) => self.pick(
                format!("ligne {}, colonne {} : `format` doit être 1", at.line, at.column),
                format!("line {}, column {}: `format` must be 1", at.line, at.column),
            ),
            E::BadId { what } => {
                let fr = match *what {
                    "trail" => "l'identifiant du parcours",
                    "step" => "un identifiant d'étape",
                    _ => "un identifiant de question",
                };
                let en = match *what {
                    "trail" => "the trail's id",
                    "step" => "a step id",
                    _ => "a question id",
                };
                self.pick(
                    format!("{fr} n'est pas fait de lettres minuscules, de chiffres et de tirets"),
                    format!("{en} is not made of lowercase letters, digits and dashes"),
                )
            }
            E::DuplicateAnswer { step, question } => self.pick(
                format!("la question {step}.{question} a deux réponses"),
                format!("the question {step}.{question} has two answers"),
            ),
            E::BadOutcome => self.pick(
                "`grid.outcome` ne désigne pas une question (étape.question)".into(),
                "`grid.outcome` does not name a question (step.question)".into(),
            ),
            E::Newer(n) => self.pick(
                format!("parcours au format {n}, écrit par une version plus récente de discern ; mettez discern à jour pour l'ouvrir"),
                format!("trail in format {n}, written by a newer discern; update discern to open it"),
            ),
            E::BadAnswer { step, question } => self.pick(
                format!("la réponse à {step}.{question} ne correspond pas à son type de question ou à ses options"),
                format!("the answer to {step}.{question} does not fit its kind of question or its options"),
            ),
            E::Locked => self.pick(
                "parcours chiffré : la phrase de passe n'a pas été donnée".into(),
                "encrypted trail: the passphrase was not given".into(),
            ),
            E::Undecryptable(m) => self.pick(
                format!("la clé de ce dossier n'ouvre pas ce fichier chiffré : {m}"),
                format!("this folder's key does not open this encrypted file: {m}"),
            ),
            E::Cut => self.pick(
                "le fichier s'arrête avant sa fin (il a été coupé) ; rien n'y a été changé".into(),
                "the file stops before its end (it was cut short); nothing was changed in it".into(),
            ),
        }
    }
}

/// Exports.
impl Lang {
    pub fn date_time(self, t: &crate::trail::Time) -> String {
        match self {
            Lang::Fr => t.format("%d/%m/%Y à %H:%M").to_string(),
            Lang::En => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    pub fn export_grid_line(self, title: &str, id: &str, version: &str) -> String {
        self.pick(
            format!("Grille : {title} ({id}, version {version})"),
            format!("Grid: {title} ({id}, version {version})"),
        )
    }

    pub fn export_dates(self, created: &str, updated: &str) -> String {
        self.pick(
            format!("Commencé le {created}, modifié le {updated}"),
            format!("Started {created}, last changed {updated}"),
        )
    }

    pub fn export_decision_heading(self) -> &'static str {
        self.pick("Décision et raisons", "Decision and reasons")
    }

    pub fn export_no_decision(self) -> &'static str {
        self.pick("Pas encore de décision.", "No decision yet.")
    }

    pub fn export_hidden_heading(self) -> &'static str {
        self.pick("Réponses gardées d'une piste abandonnée", "Answers kept from a path no longer taken")
    }

    pub fn export_hidden_note(self) -> &'static str {
        self.pick(
            "Ces questions ne s'affichent plus avec les réponses actuelles ; leurs réponses sont gardées.",
            "These questions are no longer shown with the current answers; their answers are kept.",
        )
    }

    pub fn export_history_heading(self) -> &'static str {
        self.pick("Comment les réponses ont changé", "How the answers changed")
    }

    pub fn history_line(self, given: Option<&str>, at: &str, earlier: &str) -> String {
        match given {
            Some(given) => self.pick(
                format!("du {given} au {at} : {earlier}"),
                format!("from {given} until {at}: {earlier}"),
            ),
            None => self.pick(format!("jusqu'au {at} : {earlier}"), format!("until {at}: {earlier}")),
        }
    }

    pub fn export_annotations_heading(self) -> &'static str {
        self.pick("Annotations", "Annotations")
    }

    pub fn annotation_line(self, author: &str, at: &str, text: &str) -> String {
        self.pick(
            format!("Annotation de {author}, le {at} : {text}"),
            format!("Annotation by {author}, {at}: {text}"),
        )
    }

    pub fn no_answer(self) -> &'static str {
        self.pick("Sans réponse", "No answer")
    }
}

/// The plain walkthrough.
impl Lang {
    pub fn plain_intro(self, grid_title: &str, reopened: bool) -> String {
        match (self, reopened) {
            (Lang::Fr, false) => format!(
                "{grid_title}\nUne ligne par réponse. Ligne vide : passer la question. Fin de la saisie (Ctrl-D) : enregistrer et arrêter."
            ),
            (Lang::Fr, true) => format!(
                "{grid_title}\nUne ligne par réponse. Ligne vide : garder la réponse actuelle ; « - » seul : l'effacer. Fin de la saisie (Ctrl-D) : enregistrer et arrêter."
            ),
            (Lang::En, false) => format!(
                "{grid_title}\nOne line per answer. Empty line: skip the question. End of input (Ctrl-D): save and stop."
            ),
            (Lang::En, true) => format!(
                "{grid_title}\nOne line per answer. Empty line: keep the current answer; a lone “-”: clear it. End of input (Ctrl-D): save and stop."
            ),
        }
    }

    pub fn plain_step(self, n: usize, total: usize, title: &str) -> String {
        self.pick(format!("Étape {n} sur {total} : {title}"), format!("Step {n} of {total}: {title}"))
    }

    pub fn plain_current(self, answer: &str) -> String {
        self.pick(format!("Réponse actuelle : {answer}"), format!("Current answer: {answer}"))
    }

    /// After an exclusive option in the plain walkthrough's list.
    pub fn plain_exclusive_mark(self) -> &'static str {
        self.pick(" (seule)", " (on its own)")
    }

    /// How to answer a choice (`multi`: several options), with an "Other"
    /// entry or not.
    pub fn plain_how_choice(self, multi: bool, other: bool) -> &'static str {
        match (self, multi, other) {
            (Lang::Fr, false, _) => "Tapez un numéro.",
            (Lang::Fr, true, false) => {
                "Tapez un ou plusieurs numéros, séparés par des espaces ou des virgules."
            }
            (Lang::Fr, true, true) => {
                "Tapez un ou plusieurs numéros, séparés par des espaces ou des virgules ; des mots après les numéros sont votre réponse « Autre »."
            }
            (Lang::En, false, _) => "Type a number.",
            (Lang::En, true, false) => "Type one or more numbers, separated by spaces or commas.",
            (Lang::En, true, true) => {
                "Type one or more numbers, separated by spaces or commas; words after the numbers are your “Other” answer."
            }
        }
    }

    pub fn plain_how_scale(
        self,
        min: i64,
        max: i64,
        min_label: Option<&str>,
        max_label: Option<&str>,
    ) -> String {
        let low = min_label.map(|l| format!(" ({l})")).unwrap_or_default();
        let high = max_label.map(|l| format!(" ({l})")).unwrap_or_default();
        self.pick(
            format!("Tapez un nombre de {min}{low} à {max}{high}."),
            format!("Type a number from {min}{low} to {max}{high}."),
        )
    }

    pub fn plain_other_prompt(self) -> &'static str {
        self.pick("Autre, précisez :", "Other, please say what:")
    }

    pub fn plain_again(self) -> &'static str {
        self.pick(
            "Rien n'a été tapé ; la question est reposée.",
            "Nothing was typed; the question is asked again.",
        )
    }

    pub fn plain_skipped(self) -> &'static str {
        self.pick("(question passée)", "(question skipped)")
    }

    pub fn plain_misfit(self, m: &crate::grid::Misfit) -> String {
        use crate::grid::Misfit as M;
        match m {
            M::NotAnOption(s) => self.pick(
                format!(
                    "{} ne correspond à aucune proposition : tapez un des numéros ci-dessus.",
                    self.quote(s)
                ),
                format!("{} matches no option: type one of the numbers above.", self.quote(s)),
            ),
            M::NotANumber(s) => self.pick(
                format!("{} n'est pas un nombre entier : tapez un nombre.", self.quote(s)),
                format!("{} is not a whole number: type a number.", self.quote(s)),
            ),
            M::OutOfRange { min, max } => self.pick(
                format!("Tapez un nombre de {min} à {max}."),
                format!("Type a number from {min} to {max}."),
            ),
            M::Exclusive(label) => self.pick(
                format!(
                    "{} ne va avec aucune autre réponse : tapez-la seule, ou les autres sans elle.",
                    self.quote(label)
                ),
                format!(
                    "{} goes with no other answer: type it alone, or the others without it.",
                    self.quote(label)
                ),
            ),
            M::Date(m) => self.date_misfit(m),
        }
    }
}

/// Trail commands.
impl Lang {
    pub fn empty_title(self) -> String {
        self.pick(
            "donnez un titre au parcours, sans nom de personne : par exemple --title \"Demande de l'école, situation A.\"".into(),
            "give the trail a title, with no one's name: for example --title \"School request, situation A.\"".into(),
        )
    }

    pub fn trail_open_elsewhere(self, path: &Path) -> String {
        self.pick(
            format!(
                "{} est ouvert dans une autre fenêtre de discern ; fermez-le là-bas d'abord",
                path.display()
            ),
            format!("{} is open in another discern window; close it there first", path.display()),
        )
    }

    pub fn grid_gone(self, id: &str, language: &str) -> String {
        self.pick(
            format!("la grille {id} ({language}) de ce parcours n'est plus disponible ; vous pouvez encore l'exporter (`discern export`) ou le relire (`discern review`)"),
            format!("this trail's grid {id} ({language}) is no longer available; you can still export it (`discern export`) or read it (`discern review`)"),
        )
    }

    pub fn ephemeral_nothing_saved(self) -> &'static str {
        self.pick("Parcours éphémère : rien n'a été enregistré.", "Ephemeral walk: nothing was saved.")
    }

    pub fn damaged_trail(self, path: &Path, reason: &str) -> String {
        self.pick(
            format!("{} est endommagé : {reason}. Le fichier est laissé tel quel.", path.display()),
            format!("{} is damaged: {reason}. The file was left as it is.", path.display()),
        )
    }

    pub fn damaged(self) -> &'static str {
        self.pick("ENDOMMAGÉ", "DAMAGED")
    }

    pub fn no_such_trail(self, arg: &str) -> String {
        self.pick(
            format!("aucun parcours {} ; `discern list` montre les parcours et leur chemin", self.quote(arg)),
            format!("no trail {}; `discern list` shows the trails and their paths", self.quote(arg)),
        )
    }

    pub fn ambiguous_trail(self, arg: &str, candidates: &[(String, String)]) -> String {
        let list: Vec<String> = candidates.iter().map(|(id, file)| format!("  {id}  {file}")).collect();
        self.pick(
            format!(
                "{} désigne plusieurs parcours ; tapez plus de caractères de l'identifiant :\n{}",
                self.quote(arg),
                list.join("\n")
            ),
            format!("{} names several trails; type more of the id:\n{}", self.quote(arg), list.join("\n")),
        )
    }

    pub fn no_trails_yet(self) -> &'static str {
        self.pick(
            "Aucun parcours pour l'instant. Pour commencer : discern (puis n), ou discern new --grid delor-secret --title \"…\"",
            "No trail yet. To start: discern (then n), or discern new --grid delor-secret --title \"…\"",
        )
    }

    pub fn exported_to(self, path: &Path) -> String {
        self.pick(format!("Exporté dans {}", path.display()), format!("Exported to {}", path.display()))
    }

    /// `new -o FILE`: the trail could not be read back for its export once
    /// the screen closed (an encrypted folder, whose key this run never
    /// asked for); the trail itself is saved.
    pub fn export_after_walk_unread(self, id: &str) -> String {
        self.pick(
            format!("L'export n'a pas été écrit : le parcours est enregistré, mais n'a pas pu être relu ; exportez-le avec « discern export {id} »."),
            format!("The export was not written: the trail is saved, but could not be read back; export it with `discern export {id}`."),
        )
    }

    pub fn export_printed_instead(self) -> &'static str {
        self.pick(
            "L'export n'a pas pu être écrit : le voici ci-dessous, pour que rien ne soit perdu.",
            "The export could not be written: here it is below, so that nothing is lost.",
        )
    }

    pub fn needs_yes(self) -> String {
        self.pick(
            "pas de réponse à la demande de confirmation : rien n'a été fait ; ajoutez --yes pour confirmer"
                .into(),
            "no answer to the confirmation: nothing was done; add --yes to confirm".into(),
        )
    }

    pub fn yes_no(self) -> &'static str {
        self.pick("[o/N]", "[y/N]")
    }

    pub fn is_yes(self, answer: &str) -> bool {
        let a = answer.to_lowercase();
        match self {
            Lang::Fr => a == "o" || a == "oui" || a == "y" || a == "yes",
            Lang::En => a == "y" || a == "yes",
        }
    }

    pub fn confirm_delete(self, title: &str, path: &Path) -> String {
        self.pick(
            format!("Supprimer définitivement le parcours {} ({}) ?", self.quote(title), path.display()),
            format!("Delete the trail {} ({}) for good?", self.quote(title), path.display()),
        )
    }

    pub fn nothing_deleted(self) -> &'static str {
        self.pick("Rien n'a été supprimé.", "Nothing was deleted.")
    }

    /// A deleted trail, with the exports the library had made of it.
    pub fn deleted(self, title: &str, exports: usize) -> String {
        let head = self.pick(
            format!("Parcours {} supprimé", self.quote(title)),
            format!("Trail {} deleted", self.quote(title)),
        );
        format!("{head}{} {}", self.exports_removed(exports), self.exports_elsewhere())
    }

    /// How many exports of the library went with the deleted trails.
    fn exports_removed(self, n: usize) -> String {
        match n {
            0 => self.pick(" (aucun export dans exports/).", " (no export in exports/).").to_string(),
            1 => self.pick(", avec son export dans exports/.", ", with its export in exports/.").to_string(),
            n => self.pick(
                format!(", avec {n} exports dans exports/."),
                format!(", with {n} exports in exports/."),
            ),
        }
    }

    fn exports_elsewhere(self) -> &'static str {
        self.pick(
            "Les fichiers exportés ailleurs avec -o ne sont pas touchés : c'est à vous de les supprimer.",
            "Files exported elsewhere with -o are not touched: they are yours to delete.",
        )
    }

    pub fn delete_not_a_trail(self, path: &Path, reason: &str) -> String {
        self.pick(
            format!(
                "{} n'est pas un parcours lisible ({reason}) : rien n'a été supprimé. `delete` ne supprime que des parcours ; un autre fichier se supprime à la main.",
                path.display()
            ),
            format!(
                "{} is not a readable trail ({reason}): nothing was deleted. `delete` only deletes trails; remove any other file by hand.",
                path.display()
            ),
        )
    }

    pub fn delete_outside_sessions(self, path: &Path) -> String {
        self.pick(
            format!(
                "{} n'est pas dans un dossier de parcours (sessions) : rien n'a été supprimé. `delete` ne supprime que les parcours rangés par discern.",
                path.display()
            ),
            format!(
                "{} is not in a trails folder (sessions): nothing was deleted. `delete` only deletes the trails discern keeps.",
                path.display()
            ),
        )
    }

    pub fn cannot_delete(self, path: &Path, e: &std::io::Error) -> String {
        self.pick(
            format!("impossible de supprimer {} : {}", path.display(), self.io_error(e)),
            format!("cannot delete {}: {}", path.display(), self.io_error(e)),
        )
    }

    pub fn purge_too_far_back(self, days: u32) -> String {
        self.pick(
            format!(
                "{days} jours remontent avant le début du calendrier ; donnez un nombre de jours plus petit"
            ),
            format!("{days} days reach back before the calendar begins; give a smaller number of days"),
        )
    }

    pub fn purge_needs_days(self) -> String {
        self.pick(
            "précisez l'âge des parcours à supprimer : --older-than JOURS (ou retention_days dans config.toml)".into(),
            "say how old the trails to delete must be: --older-than DAYS (or retention_days in config.toml)".into(),
        )
    }

    pub fn nothing_to_purge(self, days: u32) -> String {
        self.pick(
            format!("Aucun parcours inchangé depuis {}.", self.more_than_days(days)),
            format!("No trail unchanged for {}.", self.more_than_days(days)),
        )
    }

    pub fn confirm_purge(self, n: usize, days: u32) -> String {
        let days = self.more_than_days(days);
        match (self, n) {
            (Lang::Fr, 1) => format!("Supprimer définitivement ce parcours, inchangé depuis {days} ?"),
            (Lang::Fr, n) => format!("Supprimer définitivement ces {n} parcours, inchangés depuis {days} ?"),
            (Lang::En, 1) => format!("Delete this trail, unchanged for {days}, for good?"),
            (Lang::En, n) => format!("Delete these {n} trails, unchanged for {days}, for good?"),
        }
    }

    pub fn purged(self, n: usize, exports: usize) -> String {
        let head = match (self, n) {
            (Lang::Fr, 0) => "Aucun parcours supprimé".into(),
            (Lang::Fr, 1) => "1 parcours supprimé".into(),
            (Lang::Fr, n) => format!("{n} parcours supprimés"),
            (Lang::En, 0) => "No trail deleted".into(),
            (Lang::En, 1) => "1 trail deleted".into(),
            (Lang::En, n) => format!("{n} trails deleted"),
        };
        let exports = match exports {
            0 => self.pick(" (aucun export dans exports/).", " (no export in exports/).").to_string(),
            1 => self.pick(", avec 1 export dans exports/.", ", with 1 export in exports/.").to_string(),
            e => self.pick(
                format!(", avec {e} exports dans exports/."),
                format!(", with {e} exports in exports/."),
            ),
        };
        format!("{head}{exports} {}", self.exports_elsewhere())
    }

    /// « plus d'un jour », "more than 1 day": a number of days with its
    /// plural as each language makes it (French: singular for 0 and 1).
    fn more_than_days(self, days: u32) -> String {
        match (self, days) {
            (Lang::Fr, 1) => "plus d'un jour".into(),
            (Lang::Fr, 0) => "plus de 0 jour".into(),
            (Lang::Fr, n) => format!("plus de {n} jours"),
            (Lang::En, 1) => "more than 1 day".into(),
            (Lang::En, n) => format!("more than {n} days"),
        }
    }
}

/// Compare and lint.
impl Lang {
    pub fn compare_title(self, grid: &str) -> String {
        self.pick(format!("Comparaison : {grid}"), format!("Comparison: {grid}"))
    }

    pub fn compare_trail_line(self, n: usize, title: &str, version: &str, updated: &str) -> String {
        self.pick(
            format!("{n}. {title} (grille version {version}, modifié le {updated})"),
            format!("{n}. {title} (grid version {version}, changed {updated})"),
        )
    }

    pub fn compare_versions_differ(self) -> &'static str {
        self.pick(
            "Note : ces parcours ont été faits avec des versions différentes de la grille ; les questions sont rapprochées par leur identifiant.",
            "Note: these trails were made with different versions of the grid; questions are matched by their id.",
        )
    }

    pub fn compare_differs(self) -> &'static str {
        self.pick("réponses différentes", "answers differ")
    }

    pub fn compare_nothing(self) -> &'static str {
        self.pick("Aucune réponse à comparer.", "No answer to compare.")
    }

    pub fn compare_different_grids(self, trails: &[(String, String)]) -> String {
        let colon = self.pick(" :", ":");
        let list: Vec<String> = trails.iter().map(|(t, g)| format!("  {t}{colon} {g}")).collect();
        self.pick(
            format!("ces parcours n'ont pas été faits avec la même grille ; on ne compare que des parcours d'une même grille :\n{}", list.join("\n")),
            format!("these trails were not made with the same grid; only trails of one grid can be compared:\n{}", list.join("\n")),
        )
    }

    pub fn finding_kind(self, k: crate::privacy::FindingKind) -> &'static str {
        use crate::privacy::FindingKind as K;
        match k {
            K::Email => self.pick("une adresse e-mail", "an e-mail address"),
            K::Phone => self.pick("un numéro de téléphone", "a phone number"),
            K::SocialSecurityNumber => self.pick("un numéro de sécurité sociale", "a social security number"),
            K::Iban => self.pick("un IBAN", "an IBAN"),
            K::Date => self.pick("une date complète ou de naissance", "a full date or date of birth"),
            K::Address => self.pick("une adresse postale", "a postal address"),
            K::NamedPerson => self.pick("un nom de personne", "a person's name"),
        }
    }

    /// One warning, for the status line: what it looks like and the text.
    pub fn privacy_warning(self, f: &crate::privacy::Finding) -> String {
        self.pick(
            format!(
                "Ceci ressemble à {} : {} — pensez à pseudonymiser.",
                self.finding_kind(f.kind),
                self.quote(&f.excerpt)
            ),
            format!(
                "This looks like {}: {} — consider a pseudonym.",
                self.finding_kind(f.kind),
                self.quote(&f.excerpt)
            ),
        )
    }

    pub fn lint_line(self, w: &crate::trail::lint::Warning) -> String {
        use crate::trail::lint::Where;
        let place = match &w.place {
            Where::Title => self.pick("titre du parcours".to_string(), "trail title".to_string()),
            Where::Answer(name, prompt) => format!("{} ({name})", self.quote(prompt)),
            Where::Earlier(name, prompt) => self.pick(
                format!("{} ({name}), réponse antérieure", self.quote(prompt)),
                format!("{} ({name}), earlier answer", self.quote(prompt)),
            ),
            Where::Annotation(name, prompt) => self.pick(
                format!("annotation sur {} ({name})", self.quote(prompt)),
                format!("annotation on {} ({name})", self.quote(prompt)),
            ),
        };
        self.pick(
            format!(
                "{place} : ressemble à {} : {}",
                self.finding_kind(w.finding.kind),
                self.quote(&w.finding.excerpt)
            ),
            format!(
                "{place}: looks like {}: {}",
                self.finding_kind(w.finding.kind),
                self.quote(&w.finding.excerpt)
            ),
        )
    }

    pub fn lint_summary(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 0) => "Rien qui ressemble à une donnée identifiante.".into(),
            (Lang::Fr, 1) => "1 élément ressemble à une donnée identifiante : pensez à pseudonymiser.".into(),
            (Lang::Fr, n) => {
                format!("{n} éléments ressemblent à des données identifiantes : pensez à pseudonymiser.")
            }
            (Lang::En, 0) => "Nothing looks identifying.".into(),
            (Lang::En, 1) => "1 thing looks identifying: consider pseudonyms.".into(),
            (Lang::En, n) => format!("{n} things look identifying: consider pseudonyms."),
        }
    }

    /// Above the passages of an export's question: how many look identifying.
    pub fn export_passages_intro(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 1) => "Avant d'exporter : ce passage ressemble à une donnée identifiante.".into(),
            (Lang::Fr, n) => {
                format!("Avant d'exporter : ces {n} passages ressemblent à des données identifiantes.")
            }
            (Lang::En, 1) => "Before exporting: this passage looks identifying.".into(),
            (Lang::En, n) => format!("Before exporting: these {n} passages look identifying."),
        }
    }

    /// Under the passages a question could not show: how many more, and
    /// (`id`: a trail saved) the command that lists them all.
    pub fn export_passages_more(self, n: usize, id: Option<&str>) -> String {
        match id {
            Some(id) => self.pick(
                format!("… et {n} de plus : discern lint {id} les liste tous."),
                format!("… and {n} more: discern lint {id} lists them all."),
            ),
            None => self.pick(format!("… et {n} de plus."), format!("… and {n} more.")),
        }
    }

    /// The question before an export with nothing else to ask (an
    /// ephemeral walk's, once it says where it goes).
    pub fn export_write_confirm(self) -> &'static str {
        self.pick("L'écrire ?", "Write it?")
    }

    pub fn export_confirm(self) -> &'static str {
        self.pick("Exporter quand même ?", "Export anyway?")
    }

    pub fn export_needs_yes(self) -> String {
        self.pick(
            "l'export n'a pas été fait : relisez ces passages, ou ajoutez --yes pour exporter quand même"
                .into(),
            "nothing was exported: look at these passages again, or add --yes to export anyway".into(),
        )
    }
}

/// Leftovers of a crash.
impl Lang {
    pub fn leftover(self, l: &crate::trail::store::Leftover) -> String {
        use crate::trail::store::Leftover as L;
        match l {
            L::Recovered(p) => self.pick(
                format!(
                    "des réponses non enregistrées lors d'un arrêt brutal ont été récupérées dans {}",
                    p.display()
                ),
                format!("answers left unsaved by a crash were recovered into {}", p.display()),
            ),
            L::Removed(p) => self.pick(
                format!(
                    "un fichier temporaire incomplet laissé par un arrêt brutal a été supprimé ({})",
                    p.display()
                ),
                format!("an incomplete temporary file left by a crash was removed ({})", p.display()),
            ),
            L::Sealed(p) => self.leftover_sealed(p),
        }
    }
}

/// Errors of the operating system.
impl Lang {
    /// `io_error` for what is kept of an error: its kind.
    pub fn io_kind(self, kind: std::io::ErrorKind) -> String {
        self.io_words(kind).unwrap_or_else(|| std::io::Error::from(kind).to_string())
    }

    fn io_words(self, kind: std::io::ErrorKind) -> Option<String> {
        use std::io::ErrorKind as K;
        let (fr, en) = match kind {
            K::NotFound => ("fichier ou dossier introuvable", "no such file or folder"),
            K::PermissionDenied => ("permission refusée", "permission denied"),
            K::AlreadyExists => ("le fichier existe déjà", "the file already exists"),
            K::StorageFull => ("plus de place sur le disque", "no space left on the disk"),
            K::QuotaExceeded => ("quota de disque dépassé", "disk quota exceeded"),
            K::FileTooLarge => ("fichier trop gros pour ce système", "file too large for this system"),
            K::ReadOnlyFilesystem => ("disque en lecture seule", "read-only disk"),
            K::IsADirectory => ("c'est un dossier, pas un fichier", "it is a folder, not a file"),
            K::NotADirectory => {
                ("un élément du chemin n'est pas un dossier", "a part of the path is not a folder")
            }
            K::DirectoryNotEmpty => ("le dossier n'est pas vide", "the folder is not empty"),
            K::InvalidFilename => ("nom de fichier invalide", "invalid file name"),
            K::InvalidData => ("contenu illisible", "unreadable content"),
            K::UnexpectedEof => ("fin de fichier inattendue", "unexpected end of file"),
            K::BrokenPipe => ("la sortie a été fermée", "the output was closed"),
            K::Interrupted => ("opération interrompue", "operation interrupted"),
            K::ResourceBusy => ("fichier occupé", "file busy"),
            K::CrossesDevices => {
                ("déplacement impossible d'un disque à l'autre", "cannot move from one disk to another")
            }
            K::TooManyLinks => ("trop de liens", "too many links"),
            K::Unsupported => ("opération non prise en charge ici", "operation not supported here"),
            K::OutOfMemory => ("mémoire insuffisante", "out of memory"),
            _ => return None,
        };
        Some(self.pick(fr.to_string(), en.to_string()))
    }
}
#[cfg(test)]
mod plural_tests {
    use super::Lang;

    #[test]
    fn counts_take_the_plural_each_language_gives_them() {
        assert!(Lang::Fr.purged(1, 0).starts_with("1 parcours supprimé ("));
        assert!(Lang::Fr.purged(2, 1).starts_with("2 parcours supprimés, avec 1 export"));
        assert!(Lang::En.purged(1, 0).starts_with("1 trail deleted ("));
        assert!(Lang::En.purged(3, 2).starts_with("3 trails deleted, with 2 exports"));
        assert_eq!(Lang::Fr.nothing_to_purge(1), "Aucun parcours inchangé depuis plus d'un jour.");
        assert_eq!(Lang::En.nothing_to_purge(1), "No trail unchanged for more than 1 day.");
        assert_eq!(Lang::Fr.nothing_to_purge(30), "Aucun parcours inchangé depuis plus de 30 jours.");
        assert!(
            Lang::Fr
                .confirm_purge(1, 1)
                .starts_with("Supprimer définitivement ce parcours, inchangé depuis plus d'un jour")
        );
        assert!(
            Lang::En.confirm_purge(1, 2).starts_with("Delete this trail, unchanged for more than 2 days")
        );
        assert_eq!(
            Lang::Fr.lint_summary(1),
            "1 élément ressemble à une donnée identifiante : pensez à pseudonymiser."
        );
    }
}

#[cfg(test)]
mod typography_tests {
    use super::Lang;

    #[test]
    fn a_colon_takes_a_space_before_it_in_french_only() {
        let trails = [("T1".to_string(), "delor-secret".to_string())];
        assert!(Lang::Fr.compare_different_grids(&trails).ends_with("\n  T1 : delor-secret"));
        assert!(Lang::En.compare_different_grids(&trails).ends_with("\n  T1: delor-secret"));
    }
}
