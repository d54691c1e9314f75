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
                (
                    "-/passphrase_file",
                    "Lire la phrase de passe d'un dossier chiffré sur la première ligne de FICHIER, sans sa fin de ligne (LF ou CRLF) ni marque d'ordre des octets UTF-8 (pour les scripts).",
                ),
                (
                    "encrypt",
                    "Chiffrer le dossier de données : chaque parcours, l'index et le nom d'auteur, avec une phrase de passe.",
                ),
                ("decrypt", "Déchiffrer le dossier de données : retour à des fichiers en clair."),
                (
                    "passphrase",
                    "Changer la phrase de passe du dossier de données chiffré (les parcours restent tels quels).",
                ),
                (
                    "passphrase/new_passphrase_file",
                    "Lire la nouvelle phrase de passe sur la première ligne de FICHIER, comme --passphrase-file lit l'actuelle (pour les scripts).",
                ),
                ("grid", "Grilles : lister, vérifier, montrer, créer."),
                ("grid/list", "Les grilles disponibles."),
                (
                    "grid/check",
                    "Vérifier des fichiers de grille ; chaque problème avec fichier, ligne et colonne.",
                ),
                ("grid/check/files", "Les fichiers à vérifier."),
                ("grid/show", "La grille entière, comme document à distribuer."),
                ("grid/show/grid", "L'identifiant d'une grille, ou le chemin d'un fichier de grille."),
                ("grid/show/format", "Le format : md, txt ou html (une page à imprimer)."),
                (
                    "grid/show/worksheet",
                    "La feuille que les participants remplissent sur papier : questions numérotées, cases à cocher, lignes pour écrire ; sans les explications.",
                ),
                ("grid/new", "Écrire une grille de départ commentée dans votre dossier de grilles."),
                (
                    "grid/new/id",
                    "L'identifiant de la nouvelle grille : minuscules, chiffres et tirets (par défaut : ma-grille).",
                ),
                ("new", "Commencer un parcours avec une grille."),
                ("new/grid", "L'identifiant d'une grille, ou le chemin d'un fichier de grille."),
                ("new/title", "Le titre du parcours (sans nom : pseudonymes ou initiales)."),
                ("new/ephemeral", "Ne rien écrire sur le disque (ateliers, démonstrations)."),
                (
                    "new/output",
                    "À la fin, exporter le parcours dans ce fichier (aussi avec --ephemeral), jamais par-dessus un fichier existant, sauf avec --force.",
                ),
                ("new/force", "Remplacer le fichier de --output s'il existe déjà."),
                ("new/format", "Le format de --output."),
                ("open", "Ouvrir un parcours pour le poursuivre."),
                ("open/trail", "Un identifiant, le début unique d'un identifiant, ou un chemin."),
                ("list", "Lister les parcours, du plus récent au plus ancien."),
                ("list/json", "Un tableau JSON des parcours, pour les scripts."),
                ("export", "Exporter un parcours."),
                (
                    "export/trail",
                    "Un identifiant, le début unique d'un identifiant, ou un chemin ; PARCOURS@AAAA-MM-JJ est le parcours tel qu'il était ce jour-là.",
                ),
                ("export/format", "Le format : md, txt, html (une page à imprimer) ou json."),
                (
                    "export/full",
                    "La copie de supervision : textes des références, historique des réponses modifiées, annotations.",
                ),
                (
                    "export/output",
                    "Écrire dans ce fichier plutôt que sur la sortie standard (jamais par-dessus un fichier existant, sauf avec --force).",
                ),
                ("export/force", "Remplacer le fichier de --output s'il existe déjà."),
                ("export/yes", "Exporter même si la vérification de confidentialité trouve quelque chose."),
                ("delete", "Supprimer un parcours."),
                ("delete/trail", "Un identifiant, le début unique d'un identifiant, ou un chemin."),
                ("delete/yes", "Supprimer sans demander d'abord."),
                (
                    "purge",
                    "Supprimer les parcours inchangés depuis JOURS jours (par défaut : retention_days du fichier de réglages).",
                ),
                ("purge/older_than", "Combien de jours sans changement rendent un parcours ancien."),
                ("purge/yes", "Supprimer sans demander d'abord."),
                ("review", "Relire un parcours avec l'historique de chaque réponse, et l'annoter."),
                (
                    "review/trail",
                    "Un identifiant, le début unique d'un identifiant, ou un chemin ; PARCOURS@AAAA-MM-JJ est le parcours tel qu'il était ce jour-là.",
                ),
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
                    "compare/format",
                    "Le format : md, txt ou html (une page à projeter ou à imprimer) ; sans lui, lecture à l'écran.",
                ),
                (
                    "compare/all",
                    "Versions d'un même parcours (PARCOURS@DATE PARCOURS) : toutes les réponses, pas seulement celles qui ont changé.",
                ),
                (
                    "compare/output",
                    "Écrire dans ce fichier (jamais par-dessus un fichier existant, sauf avec --force) ; .html ou .txt en donne le format.",
                ),
                ("compare/force", "Remplacer le fichier de --output s'il existe déjà."),
                (
                    "follow-up",
                    "Revenir sur une décision : ce qui s'est passé, si elle a tenu, ce que vous en retenez.",
                ),
                ("follow-up/trail", "Un identifiant, le début unique d'un identifiant, ou un chemin."),
                ("due", "Les parcours dont la date pour y revenir est arrivée, les plus anciens d'abord."),
                ("lint", "Ce qui ressemble à une donnée identifiante dans tout un parcours."),
                (
                    "lint/trail",
                    "Un identifiant, le début unique d'un identifiant, ou un chemin ; PARCOURS@AAAA-MM-JJ est le parcours tel qu'il était ce jour-là.",
                ),
                ("completions/shell", "Le shell : bash, zsh, fish ou powershell."),
            ],
        }
    }

    pub fn cli_usage_heading(self) -> &'static str {
        self.pick("Utilisation\u{a0}:", "Usage:")
    }
}

/// The fixed words of the command line's help.
impl Lang {
    /// A heading of the help, with its colon as each language writes it.
    pub fn cli_heading(self, heading: CliHeading) -> &'static str {
        match (self, heading) {
            (Lang::Fr, CliHeading::Commands) => "Commandes\u{a0}:",
            (Lang::Fr, CliHeading::Arguments) => "Arguments\u{a0}:",
            (Lang::Fr, CliHeading::Options) => "Options\u{a0}:",
            (Lang::En, CliHeading::Commands) => "Commands:",
            (Lang::En, CliHeading::Arguments) => "Arguments:",
            (Lang::En, CliHeading::Options) => "Options:",
        }
    }

    /// A placeholder of the command line (`TRAIL` in `<TRAIL>`) in the
    /// user's language, when it is not the English one.
    pub fn cli_value_name(self, name: &str) -> Option<&'static str> {
        if self == Lang::En {
            return None;
        }
        Some(match name {
            "TRAIL" | "TRAILS" => "PARCOURS",
            "FILE" | "FILES" => "FICHIER",
            "TITLE" => "TITRE",
            "DAYS" => "JOURS",
            "DIR" => "DOSSIER",
            "ID|PATH" => "ID|CHEMIN",
            "LANG" => "LANGUE",
            "SHELL" => "SHELL",
            _ => return None,
        })
    }

    pub fn cli_command_placeholder(self) -> &'static str {
        self.pick("COMMANDE", "COMMAND")
    }

    pub fn cli_print_help(self) -> &'static str {
        self.pick("Afficher l'aide", "Print help")
    }

    pub fn cli_print_version(self) -> &'static str {
        self.pick("Afficher la version", "Print version")
    }

    pub fn cli_help_command(self) -> &'static str {
        self.pick(
            "Afficher cette aide, ou celle des commandes nommées",
            "Print this message or the help of the given subcommand(s)",
        )
    }

    pub fn cli_completions(self) -> &'static str {
        self.pick(
            "Afficher le script de complétion pour un shell (bash, zsh, fish, powershell).",
            "Print the completion script for a shell (bash, zsh, fish, powershell)",
        )
    }

    /// Under the help of `grid check`: where the grid format is told.
    pub fn cli_grid_format_page(self) -> &'static str {
        self.pick(
            "Le format des grilles, chaque clé et chaque sorte de question : docs/grid-format.fr.md dans le dépôt de discern.",
            "The grid format, every key and every kind of question: docs/grid-format.md in discern's repository.",
        )
    }

    pub fn cli_man(self) -> &'static str {
        self.pick("Afficher la page de manuel (roff).", "Print the manual page (roff)")
    }

    /// What an argument's help says of the values it takes.
    pub fn cli_possible_values(self, values: &[String]) -> String {
        let values = values.join(", ");
        self.pick(format!("[valeurs possibles\u{a0}: {values}]"), format!("[possible values: {values}]"))
    }

    pub fn cli_default_value(self, value: &str) -> String {
        self.pick(format!("[par défaut\u{a0}: {value}]"), format!("[default: {value}]"))
    }

    /// After a failure, in a console window that closes with the program
    /// (Windows, started by a double-click).
    pub fn press_enter_to_close(self) -> &'static str {
        self.pick("Appuyez sur Entrée pour fermer cette fenêtre.", "Press Enter to close this window.")
    }

    /// A mistake on the command line, in words, with the usage and where
    /// to learn more. Clap's own words are English only: its errors are
    /// told again from their kind and their details.
    pub fn cli_error(self, e: &clap::Error) -> String {
        use clap::error::{ContextKind as C, ErrorKind as K};
        let get = |kind: C| e.get(kind).map(|v| v.to_string()).filter(|v| !v.is_empty());
        let arg = get(C::InvalidArg).unwrap_or_default();
        let value = get(C::InvalidValue).unwrap_or_default();
        let mut text = match e.kind() {
            K::InvalidSubcommand => self.pick(
                format!(
                    "commande inconnue «\u{a0}{value}\u{a0}»",
                    value = get(C::InvalidSubcommand).unwrap_or_default()
                ),
                format!("unrecognized subcommand '{}'", get(C::InvalidSubcommand).unwrap_or_default()),
            ),
            K::UnknownArgument => self.pick(
                format!("argument inattendu «\u{a0}{arg}\u{a0}»"),
                format!("unexpected argument '{arg}' found"),
            ),
            K::InvalidValue if value.is_empty() => self.pick(
                format!("il manque une valeur après «\u{a0}{arg}\u{a0}»"),
                format!("a value is required for '{arg}' but none was supplied"),
            ),
            K::InvalidValue | K::ValueValidation => self.pick(
                format!("valeur «\u{a0}{value}\u{a0}» invalide pour «\u{a0}{arg}\u{a0}»"),
                format!("invalid value '{value}' for '{arg}'"),
            ),
            K::MissingRequiredArgument => {
                let missing = match e.get(C::InvalidArg) {
                    Some(clap::error::ContextValue::Strings(args)) => args.join(", "),
                    _ => arg,
                };
                self.pick(
                    format!("il manque des arguments obligatoires\u{a0}: {missing}"),
                    format!("the following required arguments were not provided: {missing}"),
                )
            }
            K::MissingSubcommand => self.pick(
                format!(
                    "il manque une commande après «\u{a0}{}\u{a0}»",
                    get(C::InvalidSubcommand).unwrap_or_default()
                ),
                format!("'{}' requires a subcommand", get(C::InvalidSubcommand).unwrap_or_default()),
            ),
            K::ArgumentConflict => self.pick(
                format!(
                    "«\u{a0}{arg}\u{a0}» ne peut pas être utilisé avec «\u{a0}{}\u{a0}»",
                    get(C::PriorArg).unwrap_or_default()
                ),
                format!(
                    "the argument '{arg}' cannot be used with '{}'",
                    get(C::PriorArg).unwrap_or_default()
                ),
            ),
            K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => self.pick(
                format!("nombre de valeurs incorrect pour «\u{a0}{arg}\u{a0}»"),
                format!("wrong number of values for '{arg}'"),
            ),
            K::NoEquals => self.pick(
                format!("«\u{a0}{arg}\u{a0}» s'écrit avec un signe égal («\u{a0}=\u{a0}»)"),
                format!("equal sign is needed when assigning values to '{arg}'"),
            ),
            _ => self.pick(
                "la ligne de commande n'est pas comprise".into(),
                "the command line is not understood".into(),
            ),
        };
        // A value clap cannot list (a grid id, a title) has no possible values to show.
        if let Some(clap::error::ContextValue::Strings(values)) = e.get(C::ValidValue)
            && !values.is_empty()
        {
            text.push_str(&format!("\n  {}", self.cli_possible_values(values)));
        }
        for kind in [C::SuggestedSubcommand, C::SuggestedArg, C::SuggestedValue] {
            if let Some(suggestion) = e.get(kind) {
                let quote = |s: &str| self.pick(format!("«\u{a0}{s}\u{a0}»"), format!("'{s}'"));
                let suggestion = match suggestion {
                    clap::error::ContextValue::Strings(s) => {
                        s.iter().map(|s| quote(s)).collect::<Vec<_>>().join(self.pick(" ou ", " or "))
                    }
                    other => quote(&other.to_string()),
                };
                text.push_str(&self.pick(
                    format!("\n  vouliez-vous dire {suggestion}\u{a0}?"),
                    format!("\n  did you mean {suggestion}?"),
                ));
            }
        }
        if let Some(usage) = get(C::Usage) {
            let usage = usage.trim().trim_start_matches("Usage:").trim();
            text.push_str(&format!("\n\n{} {usage}", self.cli_usage_heading()));
        }
        text.push_str(&self.pick(
            "\n\nPour en savoir plus, essayez «\u{a0}--help\u{a0}».".to_string(),
            "\n\nFor more information, try '--help'.".to_string(),
        ));
        format!("{} {text}", self.pick("erreur\u{a0}:", "error:"))
    }
}

/// The headings of the command line's help.
#[derive(Debug, Clone, Copy)]
pub enum CliHeading {
    Commands,
    Arguments,
    Options,
}
