//! Encryption of the data folder: passphrase, encrypt, decrypt, unlock.

use std::path::Path;

use super::Lang;
use crate::trail::store::crypt::CannotEncrypt;
use crate::trail::store::encryption::{Converted, FolderState};
use crate::trail::store::folder_lock::Hold;

impl Lang {
    pub fn passphrase_prompt(self) -> &'static str {
        self.pick("Phrase de passe : ", "Passphrase: ")
    }

    pub fn passphrase_again(self) -> &'static str {
        self.pick("La même, une seconde fois : ", "The same, once more: ")
    }

    pub fn passphrase_warning(self) -> &'static str {
        self.pick(
            "Choisissez une phrase de passe dont vous vous souviendrez : si elle est oubliée, personne ne peut la retrouver, et les parcours chiffrés sont perdus. Quelques mots inhabituels valent mieux qu'un mot compliqué.",
            "Choose a passphrase you will remember: if you forget it, nobody can recover it, and the encrypted trails are lost. A few unusual words are better than one complicated word.",
        )
    }

    pub fn passphrase_empty(self) -> &'static str {
        self.pick(
            "une phrase de passe vide ne protège rien : rien n'a été changé",
            "an empty passphrase protects nothing: nothing was changed",
        )
    }

    pub fn passphrase_mismatch(self) -> &'static str {
        self.pick(
            "les deux phrases de passe ne sont pas les mêmes : rien n'a été changé",
            "the two passphrases differ: nothing was changed",
        )
    }

    pub fn passphrase_cancelled(self) -> &'static str {
        self.pick("abandon : rien n'a été changé", "cancelled: nothing was changed")
    }

    pub fn passphrase_wrong(self) -> &'static str {
        self.pick(
            "cette phrase de passe n'ouvre pas ce dossier : rien n'a été changé",
            "this passphrase does not open this folder: nothing was changed",
        )
    }

    pub fn passphrase_needed(self) -> &'static str {
        self.pick(
            "le dossier de données est chiffré : donnez sa phrase de passe sur un terminal, ou avec --passphrase-file FICHIER ; rien n'a été changé",
            "the data folder is encrypted: give its passphrase on a terminal, or with --passphrase-file FILE; nothing was changed",
        )
    }

    pub fn passphrase_file_unreadable(self, path: &Path, e: &std::io::Error) -> String {
        self.pick(
            format!("impossible de lire la phrase de passe dans {} : {e}", path.display()),
            format!("cannot read the passphrase from {}: {e}", path.display()),
        )
    }

    pub fn key_unusable(self, path: &Path, m: &str) -> String {
        self.pick(
            format!("la clé du dossier {} est illisible : {m}", path.display()),
            format!("the folder's key {} cannot be used: {m}", path.display()),
        )
    }

    pub fn key_mismatch(self, key: &Path, public: &Path) -> String {
        let (k, p) = (key.display(), public.display());
        self.pick(
            format!(
                "{p} n'est pas la clé publique de {k} : ce qui serait chiffré avec elle ne s'ouvrirait pas avec votre phrase de passe. \
                 S'il vient d'une copie ou d'une synchronisation, supprimez {p} : discern le refera à partir de {k}. Rien n'a été changé."
            ),
            format!(
                "{p} is not the public key of {k}: what was encrypted to it would not open with your passphrase. \
                 If it came from a copy or a sync, delete {p}: discern makes it again from {k}. Nothing was changed."
            ),
        )
    }

    pub fn key_missing(self, key: &Path, public: &Path) -> String {
        let (k, p) = (key.display(), public.display());
        self.pick(
            format!(
                "{k} manque, alors que {p} est là : les parcours chiffrés ne s'ouvrent qu'avec {k}. \
                 Remettez-le depuis une sauvegarde ; discern ne crée pas de nouvelle clé par-dessus. Rien n'a été changé."
            ),
            format!(
                "{k} is missing, though {p} is here: encrypted trails open only with {k}. \
                 Put it back from a backup; discern does not make a new key over it. Nothing was changed."
            ),
        )
    }

    /// Why a save wrote nothing in an encrypted folder. Short: it is shown
    /// in the walk's status line, before "your answers are kept in memory".
    /// The keys are always in the data folder: their name says enough.
    pub fn cannot_encrypt(self, e: &CannotEncrypt) -> String {
        match e {
            CannotEncrypt::PublicKeyUnusable(_) => self.pick(
                "key.pub absent ou abîmé : rien n'a été écrit (votre phrase de passe le refera)",
                "key.pub is missing or damaged: nothing was written (your passphrase remakes it)",
            ),
            CannotEncrypt::KeyMissing(_) => self.pick(
                "key.age absent : rien n'a été écrit (remettez-le depuis une sauvegarde)",
                "key.age is missing: nothing was written (put it back from a backup)",
            ),
        }
        .to_string()
    }

    pub fn passphrase_not_encrypted(self) -> &'static str {
        self.pick(
            "le dossier n'est pas chiffré : il n'y a pas de phrase de passe à changer (« discern encrypt » chiffre le dossier)",
            "the folder is not encrypted: there is no passphrase to change (\"discern encrypt\" encrypts it)",
        )
    }

    pub fn passphrase_current_prompt(self) -> &'static str {
        self.pick("Phrase de passe actuelle : ", "Current passphrase: ")
    }

    pub fn passphrase_new_prompt(self) -> &'static str {
        self.pick("Nouvelle phrase de passe : ", "New passphrase: ")
    }

    pub fn passphrase_changed(self, key: &Path) -> String {
        self.pick(
            format!(
                "Phrase de passe changée : {} s'ouvre désormais avec la nouvelle. Les parcours n'ont pas changé.",
                key.display()
            ),
            format!("Passphrase changed: {} now opens with the new one. The trails did not change.", key.display()),
        )
    }

    pub fn new_passphrase_needed(self) -> &'static str {
        self.pick(
            "donnez la nouvelle phrase de passe sur un terminal, ou avec --new-passphrase-file FICHIER ; rien n'a été changé",
            "give the new passphrase on a terminal, or with --new-passphrase-file FILE; nothing was changed",
        )
    }

    /// Said once when the data folder's lock makes a command wait.
    pub fn folder_waiting(self, wanted: Hold) -> String {
        let seconds = crate::ops::FOLDER_WAIT.as_secs();
        match wanted {
            Hold::Shared => self.pick(
                format!(
                    "Un autre discern chiffre ou déchiffre ce dossier, ou change sa phrase de passe : attente ({seconds} s au plus)…"
                ),
                format!(
                    "Another discern is encrypting or decrypting this folder, or changing its passphrase: waiting (at most {seconds} s)…"
                ),
            ),
            Hold::Exclusive => self.pick(
                format!(
                    "Ce dossier est ouvert dans un autre discern (bibliothèque, parcours ou commande) : attente ({seconds} s au plus)…"
                ),
                format!(
                    "This folder is open in another discern (a library, a walk or a command): waiting (at most {seconds} s)…"
                ),
            ),
        }
    }

    pub fn folder_busy(self, wanted: Hold) -> String {
        match wanted {
            Hold::Shared => self.pick(
                "un autre discern chiffre ou déchiffre encore ce dossier, ou change sa phrase de passe : rien n'a été fait ; relancez la commande quand il aura fini".into(),
                "another discern is still encrypting or decrypting this folder, or changing its passphrase: nothing was done; run the command again once it has finished".into(),
            ),
            Hold::Exclusive => self.pick(
                "ce dossier est encore ouvert dans un autre discern (une fenêtre avec la bibliothèque ou un parcours, ou une commande en cours) : rien n'a été changé ; fermez-le, puis relancez la commande".into(),
                "this folder is still open in another discern (a window with the library or a walk, or a command at work): nothing was changed; close it, then run the command again".into(),
            ),
        }
    }

    pub fn leftover_sealed(self, p: &Path) -> String {
        self.pick(
            format!(
                "une copie en clair laissée par un arrêt brutal a été chiffrée ({}) ; elle sera comparée à son parcours quand la phrase de passe sera donnée",
                p.display()
            ),
            format!(
                "a plaintext copy left by a crash was encrypted ({}); it will be compared with its trail once the passphrase is given",
                p.display()
            ),
        )
    }

    /// A folder whose encryption or decryption was interrupted, for `list`:
    /// what is left, and the command that finishes the work.
    pub fn folder_half_done(self, state: FolderState) -> Option<String> {
        match state {
            FolderState::Plain | FolderState::Encrypted => None,
            FolderState::HalfEncrypted { plaintext: n } => Some(self.pick(
                format!(
                    "Ce dossier est à moitié chiffré (un chiffrement a été interrompu) : {n} fichier{} encore en clair. « discern encrypt » termine le travail.",
                    if n > 1 { "s" } else { "" }
                ),
                format!(
                    "This folder is half encrypted (an encryption was interrupted): {n} file{} still in plaintext. \"discern encrypt\" finishes the work.",
                    if n == 1 { "" } else { "s" }
                ),
            )),
            FolderState::HalfDecrypted { encrypted: n } => Some(self.pick(
                format!(
                    "Ce dossier est à moitié déchiffré (un déchiffrement a été interrompu) : {n} parcours encore chiffré{}. « discern decrypt » termine le travail.",
                    if n > 1 { "s" } else { "" }
                ),
                format!(
                    "This folder is half decrypted (a decryption was interrupted): {n} trail{} still encrypted. \"discern decrypt\" finishes the work.",
                    if n == 1 { "" } else { "s" }
                ),
            )),
        }
    }

    pub fn unlocking(self) -> &'static str {
        self.pick("Déverrouillage…", "Unlocking…")
    }

    pub fn already_encrypted(self) -> &'static str {
        self.pick(
            "Le dossier est déjà chiffré ; les fichiers encore en clair le sont maintenant.",
            "The folder is already encrypted; files still in plaintext are encrypted now.",
        )
    }

    pub fn still_encrypted(self) -> &'static str {
        self.pick("encore chiffré", "still encrypted")
    }

    pub fn not_encrypted(self) -> &'static str {
        self.pick(
            "Le dossier n'est pas chiffré : rien à faire.",
            "The folder is not encrypted: nothing to do.",
        )
    }

    pub fn encrypted_report(self, r: &Converted, data_dir: &Path) -> String {
        let n = r.done;
        let (es, s) = (if n > 1 { "s" } else { "" }, if n == 1 { "" } else { "s" });
        let mut out = self.pick(
            format!(
                "Dossier {} chiffré : {n} parcours chiffré{es}, plus l'index et le nom d'auteur. La clé est dans key.age, protégée par votre phrase de passe.",
                data_dir.display()
            ),
            format!(
                "Folder {} encrypted: {n} trail{s} encrypted, and the index and the author name. The key is in key.age, protected by your passphrase.",
                data_dir.display()
            ),
        );
        out.push_str(&self.leftover_report(r));
        out
    }

    pub fn decrypted_report(self, r: &Converted, data_dir: &Path) -> String {
        let n = r.done;
        let s = if n == 1 { "" } else { "s" };
        let mut out = if r.complete() {
            self.pick(
                format!(
                    "Dossier {} déchiffré : {n} parcours remis en clair ; la clé a été supprimée.",
                    data_dir.display()
                ),
                format!(
                    "Folder {} decrypted: {n} trail{s} back in plaintext; the key was removed.",
                    data_dir.display()
                ),
            )
        } else {
            self.pick(
                format!("{n} parcours remis en clair ; le dossier reste chiffré tant que les autres ne le sont pas."),
                format!("{n} trail{s} back in plaintext; the folder stays encrypted until the others are."),
            )
        };
        out.push_str(&self.leftover_report(r));
        out
    }

    fn leftover_report(self, r: &Converted) -> String {
        let mut out = String::new();
        for p in &r.open_elsewhere {
            out.push_str(&self.pick(
                format!(
                    "\n  {} est ouvert dans une autre fenêtre : relancez la commande quand il sera fermé.",
                    p.display()
                ),
                format!(
                    "\n  {} is open in another window: run the command again once it is closed.",
                    p.display()
                ),
            ));
        }
        for (p, e) in &r.failed {
            out.push_str(&self.pick(
                format!("\n  {} n'a pas été converti : {e} ; il est resté tel quel.", p.display()),
                format!("\n  {} was not converted: {e}; it was left as it was.", p.display()),
            ));
        }
        out
    }

    pub fn plaintext_exports_left(self, n: usize, dir: &Path) -> String {
        let d = dir.display();
        match n {
            1 => self.pick(
                format!("1 export fait auparavant reste en clair dans {d} : supprimez-le si vous n'en avez plus besoin."),
                format!("1 export made before stays in plaintext in {d}: delete it if you no longer need it."),
            ),
            n => self.pick(
                format!("{n} exports faits auparavant restent en clair dans {d} : supprimez ceux dont vous n'avez plus besoin."),
                format!("{n} exports made before stay in plaintext in {d}: delete those you no longer need."),
            ),
        }
    }

    pub fn suggest_encrypt(self) -> &'static str {
        self.pick(
            "Conseil : vos parcours sont en clair sur ce disque. « discern encrypt » les chiffre avec une phrase de passe (ce conseil ne sera pas répété).",
            "Tip: your trails are in plaintext on this disk. \"discern encrypt\" encrypts them with a passphrase (this tip is not repeated).",
        )
    }
}

/// The passphrase dialog on the screen.
impl Lang {
    /// Beside the library's title: a half-done folder names the command
    /// that finishes the work.
    pub fn folder_state(self, state: FolderState) -> &'static str {
        match state {
            FolderState::Encrypted => self.pick("dossier chiffré", "encrypted folder"),
            FolderState::Plain => self.pick("dossier non chiffré", "folder not encrypted"),
            // Short, to be read whole beside the title at 80 columns.
            FolderState::HalfEncrypted { .. } => self.pick(
                "à moitié chiffré : « discern encrypt » termine",
                "half encrypted: \"discern encrypt\" finishes",
            ),
            FolderState::HalfDecrypted { .. } => self.pick(
                "à moitié déchiffré : « discern decrypt » termine",
                "half decrypted: \"discern decrypt\" finishes",
            ),
        }
    }

    pub fn export_is_plaintext(self) -> &'static str {
        self.pick(
            "Le dossier est chiffré, mais l'export sera un fichier en clair dans exports/.",
            "The folder is encrypted, but the export will be a plaintext file in exports/.",
        )
    }

    pub fn export_plaintext_confirm(self) -> &'static str {
        self.pick("Exporter en clair ?", "Export in plaintext?")
    }

    pub fn unlock_title(self) -> &'static str {
        self.pick("Dossier chiffré", "Encrypted folder")
    }

    pub fn unlock_explain(self) -> &'static str {
        self.pick(
            "Vos parcours sont chiffrés. Tapez la phrase de passe pour les lire.",
            "Your trails are encrypted. Type the passphrase to read them.",
        )
    }

    pub fn unlock_wrong(self) -> &'static str {
        self.pick(
            "Cette phrase de passe n'ouvre pas le dossier. Vérifiez les majuscules et réessayez.",
            "This passphrase does not open the folder. Check capital letters and try again.",
        )
    }

    pub fn unlock_keys(self) -> &'static str {
        self.pick("Entrée : ouvrir · Échap : quitter", "Enter: open · Esc: leave")
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use crate::trail::store::encryption::Converted;
    use std::path::Path;

    #[test]
    fn the_reports_count_trails_in_each_language() {
        let one = Converted { done: 1, ..Converted::default() };
        let two = Converted { done: 2, ..Converted::default() };
        let dir = Path::new("d");
        assert!(Lang::En.encrypted_report(&one, dir).contains(": 1 trail encrypted,"));
        assert!(Lang::En.encrypted_report(&two, dir).contains(": 2 trails encrypted,"));
        assert!(Lang::Fr.encrypted_report(&one, dir).contains(" : 1 parcours chiffré,"));
        assert!(Lang::Fr.encrypted_report(&two, dir).contains(" : 2 parcours chiffrés,"));
        assert!(Lang::En.decrypted_report(&one, dir).contains(": 1 trail back"));
    }
}
