//! What is said of a data folder less private than it should be.

use std::path::Path;

use crate::lang::Lang;
use crate::paths::Exposure;

impl Lang {
    pub fn exposure(self, e: &Exposure) -> String {
        match e {
            Exposure::OwnedByOther(path) => {
                let path = path.display();
                self.pick(
                    format!("{path} appartient à un autre utilisateur de cet ordinateur, qui peut lire et modifier ce que discern y range : utilisez un dossier à vous (--data-dir DOSSIER)"),
                    format!("{path} belongs to another user of this computer, who can read and change what discern keeps there: use a folder of your own (--data-dir FOLDER)"),
                )
            }
            Exposure::WritableByOthers(path) => {
                let path = path.display();
                self.pick(
                    format!("d'autres utilisateurs de cet ordinateur peuvent écrire dans {path} (y renommer, supprimer ou remplacer des fichiers) : rendez-le privé (chmod 700 {path}) ou utilisez un autre dossier"),
                    format!("other users of this computer can write in {path} (rename, delete or replace files there): make it private (chmod 700 {path}) or use another folder"),
                )
            }
        }
    }

    pub fn made_private(self, folder: &Path) -> String {
        let folder = folder.display();
        self.pick(
            format!("{folder} était ouvert aux autres utilisateurs de cet ordinateur : discern l'a rendu privé (accessible à vous seulement)"),
            format!("{folder} was open to other users of this computer: discern made it private (yours alone)"),
        )
    }
}
