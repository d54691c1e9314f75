//! The command line's own help, in French (the English is in the doc
//! comments of `cli.rs`, which clap reads).

use super::Lang;

impl Lang {
    /// (path, help): a path is `sub`, `sub/arg`, `sub/sub2`, `sub/sub2/arg`
    /// or `-/arg` for the top-level arguments. Empty in English.
    pub fn cli_help(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => &[],
            Lang::Fr => &[
                (
                    "",
                    "Parcourir une grille de lecture éthique sur le partage d'informations confidentielles, et garder une trace privée de sa réflexion.",
                ),
                ("-/lang", "Langue de l'interface (par défaut : fichier de réglages, puis LANG)."),
                (
                    "-/data_dir",
                    "Dossier des parcours et de vos grilles (par défaut : DISCERN_DATA_DIR, puis le dossier de données du système).",
                ),
                (
                    "-/plain",
                    "Questions et réponses en texte simple sur l'entrée et la sortie standard, sans plein écran.",
                ),
                ("grid", "Grilles : lister, vérifier, montrer, créer."),
                ("grid/list", "Les grilles disponibles."),
                (
                    "grid/check",
                    "Vérifier des fichiers de grille ; chaque problème avec fichier, ligne et colonne.",
                ),
                ("grid/check/files", "Les fichiers à vérifier."),
                ("grid/show", "La grille entière, comme document à distribuer."),
                ("grid/new", "Écrire une grille de départ commentée dans votre dossier de grilles."),
                ("grid/new/id", "L'identifiant de la nouvelle grille : minuscules, chiffres et tirets."),
                ("new", "Commencer un parcours avec une grille."),
                ("new/grid", "L'identifiant d'une grille, ou le chemin d'un fichier de grille."),
                ("new/title", "Le titre du parcours (sans nom : pseudonymes ou initiales)."),
                ("new/ephemeral", "Ne rien écrire sur le disque (ateliers, démonstrations)."),
                ("new/output", "À la fin, exporter le parcours dans ce fichier (aussi avec --ephemeral)."),
                ("new/format", "Le format de --output."),
                ("open", "Ouvrir un parcours pour le poursuivre."),
                ("open/trail", "Un identifiant, le début unique d'un identifiant, ou un chemin."),
                ("list", "Lister les parcours, du plus récent au plus ancien."),
                ("export", "Exporter un parcours."),
                ("export/format", "Le format : md, txt, html (une page à imprimer) ou json."),
                (
                    "export/full",
                    "La copie de supervision : textes des références, historique des réponses modifiées, annotations.",
                ),
                ("export/output", "Écrire dans ce fichier plutôt que sur la sortie standard."),
                ("export/yes", "Exporter même si la vérification de confidentialité trouve quelque chose."),
                ("delete", "Supprimer un parcours."),
                (
                    "purge",
                    "Supprimer les parcours inchangés depuis JOURS jours (par défaut : retention_days du fichier de réglages).",
                ),
                ("review", "Relire un parcours avec l'historique de chaque réponse, et l'annoter."),
                ("compare", "Comparer des parcours faits avec la même grille, question par question."),
                (
                    "compare/trails",
                    "Des parcours (PARCOURS ou PARCOURS@DATE), ou leurs exports JSON (FICHIER.json) ; à partir de trois, les choix sont comptés.",
                ),
                (
                    "compare/anonymous",
                    "Sans les titres : les réponses sont étiquetées P1, P2… (pour un vidéoprojecteur).",
                ),
                (
                    "follow-up",
                    "Revenir sur une décision : ce qui s'est passé, si elle a tenu, ce que vous en retenez.",
                ),
                ("follow-up/trail", "Un identifiant, le début unique d'un identifiant, ou un chemin."),
                ("due", "Les parcours dont la date pour y revenir est arrivée, les plus anciens d'abord."),
                ("lint", "Ce qui ressemble à une donnée identifiante dans tout un parcours."),
            ],
        }
    }

    pub fn cli_commands_heading(self) -> &'static str {
        self.pick("Commandes", "Commands")
    }

    pub fn cli_usage_heading(self) -> &'static str {
        self.pick("Utilisation :", "Usage:")
    }
}
