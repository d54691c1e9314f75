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

    pub fn not_yet_available(self) -> String {
        self.pick(
            "cette commande n'est pas encore disponible".into(),
            "this command is not available yet".into(),
        )
    }

    pub fn cannot_create(self, dir: &Path, e: &std::io::Error) -> String {
        self.pick(
            format!("impossible de créer le dossier {} : {e}", dir.display()),
            format!("cannot create the folder {}: {e}", dir.display()),
        )
    }

    pub fn cannot_write(self, path: &Path, e: &std::io::Error) -> String {
        self.pick(
            format!("impossible d'écrire {} : {e} ; rien n'a été remplacé", path.display()),
            format!("cannot write {}: {e}; nothing was replaced", path.display()),
        )
    }
}

/// Trail files.
impl Lang {
    pub fn load_error(self, e: &crate::trail::LoadError) -> String {
        use crate::trail::LoadError as E;
        match e {
            E::Unreadable(m) => self.pick(format!("lecture impossible : {m}"), format!("cannot be read: {m}")),
            E::TooLarge(n) => {
                self.pick(format!("fichier trop gros ({} Mo)", n / 1_048_576), format!("file too large ({} MB)", n / 1_048_576))
            }
            E::NotUtf8 => self.pick("le fichier n'est pas en UTF-8".into(), "the file is not UTF-8".into()),
            E::Empty => self.pick("le fichier est vide".into(), "the file is empty".into()),
            E::Invalid(m) => self.pick(format!("contenu invalide : {m}"), format!("invalid content: {m}")),
            E::Newer(n) => self.pick(
                format!("parcours au format {n}, écrit par une version plus récente de discern ; mettez discern à jour pour l'ouvrir"),
                format!("trail in format {n}, written by a newer discern; update discern to open it"),
            ),
            E::BadAnswer { step, question } => self.pick(
                format!("la réponse à {step}.{question} ne correspond pas à son type de question"),
                format!("the answer to {step}.{question} does not fit its kind of question"),
            ),
        }
    }
}
