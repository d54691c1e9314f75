//! The words of the manual page (`discern man`) that clap does not hold:
//! its headings, what discern is, the files and variables it reads, its
//! exit statuses. The commands' own words come from the help.

use super::Lang;

/// A heading of the manual page.
#[derive(Debug, Clone, Copy)]
pub enum ManHeading {
    Name,
    Synopsis,
    Description,
    Options,
    Commands,
    Files,
    Environment,
    ExitStatus,
    SeeAlso,
}

impl Lang {
    pub fn man_heading(self, heading: ManHeading) -> &'static str {
        use ManHeading as H;
        match heading {
            H::Name => self.pick("NOM", "NAME"),
            H::Synopsis => "SYNOPSIS",
            H::Description => "DESCRIPTION",
            H::Options => "OPTIONS",
            H::Commands => self.pick("COMMANDES", "COMMANDS"),
            H::Files => self.pick("FICHIERS", "FILES"),
            H::Environment => self.pick("ENVIRONNEMENT", "ENVIRONMENT"),
            H::ExitStatus => self.pick("CODE DE RETOUR", "EXIT STATUS"),
            H::SeeAlso => self.pick("VOIR AUSSI", "SEE ALSO"),
        }
    }

    /// The manual's name in the page's title line.
    pub fn man_manual(self) -> &'static str {
        self.pick("Manuel de l'utilisateur", "User Commands")
    }

    /// What discern is, in paragraphs.
    pub fn man_description(self) -> [&'static str; 3] {
        self.pick(
            [
                "discern accompagne une réflexion éthique sur le partage d'informations confidentielles : faut-il dire à l'école, au juge, à un collègue, à la famille ce que l'on sait ? Il fait parcourir une grille de lecture éthique, question après question, et garde la trace de ce parcours sur cet ordinateur, lisible par vous seulement.",
                "Une grille est un support de réflexion, pas un avis juridique : discern renvoie vos réponses, il ne décide jamais. Aucune question n'est obligatoire, et rien ne quitte l'ordinateur sans un export que vous demandez.",
                "Sans commande, discern ouvre la bibliothèque des parcours en plein écran ; avec --plain, ou sans terminal, les mêmes questions se posent en texte simple sur l'entrée et la sortie standard. PARCOURS est un identifiant, le début unique d'un identifiant, ou un chemin.",
            ],
            [
                "discern helps a social worker think through an ethical dilemma about sharing confidential information: should I tell the school, the judge, a colleague, the family what I know? It walks an ethical reading grid, question by question, and keeps the trail of that walk on this computer, readable by you alone.",
                "A grid is a support for thinking, not legal advice: discern reflects the answers back, it never decides. No question is mandatory, and nothing leaves the computer except by an export you ask for.",
                "Without a command, discern opens the library of trails on the full screen; with --plain, or without a terminal, the same questions are asked as plain text on standard input and output. TRAIL is an id, a unique prefix of one, or a path.",
            ],
        )
    }

    /// The files discern reads and writes: (where, what).
    pub fn man_files(self) -> [(&'static str, &'static str); 6] {
        self.pick(
            [
                (
                    "~/.local/share/discern/",
                    "Le dossier de données (sous Linux ; sous macOS ~/Library/Application Support/discern/, sous Windows %APPDATA%\\discern\\data\\), ou celui de --data-dir ou de DISCERN_DATA_DIR. Dossiers en 0700, fichiers en 0600.",
                ),
                ("sessions/", "Dans le dossier de données : un fichier par parcours, DATE-ID.toml (DATE-ID.age s'il est chiffré)."),
                ("grids/", "Dans le dossier de données : vos propres grilles, ID.LANGUE.toml (discern grid new en écrit une)."),
                ("exports/", "Dans le dossier de données : les synthèses exportées depuis l'écran, ID-1.md, ID-2.html…"),
                ("key.age, key.pub", "Dans le dossier de données chiffré : la clé, protégée par la phrase de passe, et sa clé publique."),
                (
                    "~/.config/discern/config.toml",
                    "Les réglages : language, author, retention_days, theme, tous facultatifs (sous macOS dans ~/Library/Application Support/discern/, sous Windows %APPDATA%\\discern\\config\\). Un dossier de données donné par --data-dir ou DISCERN_DATA_DIR garde le sien : DOSSIER/config.toml.",
                ),
            ],
            [
                (
                    "~/.local/share/discern/",
                    "The data folder (on Linux; on macOS ~/Library/Application Support/discern/, on Windows %APPDATA%\\discern\\data\\), or the one of --data-dir or DISCERN_DATA_DIR. Folders 0700, files 0600.",
                ),
                ("sessions/", "In the data folder: one file per trail, DATE-ID.toml (DATE-ID.age when encrypted)."),
                ("grids/", "In the data folder: your own grids, ID.LANGUAGE.toml (discern grid new writes one)."),
                ("exports/", "In the data folder: the summaries exported from the screen, ID-1.md, ID-2.html…"),
                ("key.age, key.pub", "In an encrypted data folder: the key, protected by the passphrase, and its public key."),
                (
                    "~/.config/discern/config.toml",
                    "The settings: language, author, retention_days, theme, all optional (on macOS in ~/Library/Application Support/discern/, on Windows %APPDATA%\\discern\\config\\). A data folder named by --data-dir or DISCERN_DATA_DIR keeps its own: DIR/config.toml.",
                ),
            ],
        )
    }

    /// The environment variables discern reads: (name, what).
    pub fn man_environment(self) -> [(&'static str, &'static str); 5] {
        self.pick(
            [
                ("DISCERN_DATA_DIR", "Le dossier de données, quand --data-dir n'est pas donné."),
                ("DISCERN_CONFIG", "Le fichier de réglages, à la place de celui par défaut."),
                (
                    "LC_ALL, LC_MESSAGES, LANG",
                    "La langue de l'interface, dans cet ordre, quand ni --lang ni le fichier de réglages ne la donnent : fr… donne le français, toute autre valeur l'anglais.",
                ),
                ("NO_COLOR", "Non vide : un écran sans couleurs."),
                ("COMPLETE", "Utilisée par les scripts de complétion (discern completions) pour demander à discern les mots possibles."),
            ],
            [
                ("DISCERN_DATA_DIR", "The data folder, when --data-dir is not given."),
                ("DISCERN_CONFIG", "The config file, instead of the default one."),
                (
                    "LC_ALL, LC_MESSAGES, LANG",
                    "The language of the interface, in this order, when neither --lang nor the config file gives it: fr… gives French, anything else English.",
                ),
                ("NO_COLOR", "Not empty: a screen without colours."),
                ("COMPLETE", "Used by the completion scripts (discern completions) to ask discern for the possible words."),
            ],
        )
    }

    /// The exit statuses: (status, meaning).
    pub fn man_exit_statuses(self) -> [(&'static str, &'static str); 3] {
        self.pick(
            [
                ("0", "Tout s'est bien passé."),
                (
                    "1",
                    "Quelque chose a été trouvé ou refusé : discern lint ou discern grid check ont trouvé un problème, un export a reçu « non » (ou aucune réponse), un suivi n'a pas été enregistré, des changements n'ont pas pu l'être.",
                ),
                ("2", "Une erreur, dite en mots : la ligne de commande, un fichier illisible, une phrase de passe fausse."),
            ],
            [
                ("0", "All went well."),
                (
                    "1",
                    "Something was found or refused: discern lint or discern grid check found a problem, an export was answered no (or not at all), a follow-up was not saved, changes could not be.",
                ),
                ("2", "An error, told in words: the command line, a file that cannot be read, a wrong passphrase."),
            ],
        )
    }

    pub fn man_see_also(self) -> &'static str {
        self.pick(
            "Le format des grilles, pour écrire les vôtres : docs/grid-format.fr.md dans le dépôt de discern (docs/grid-format.md en anglais).",
            "The grid format, to write your own grids: docs/grid-format.md in discern's repository (docs/grid-format.fr.md in French).",
        )
    }
}
