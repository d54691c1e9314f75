//! The full-screen interface: library, grid picker, walkthrough, help.

use std::borrow::Cow;

use ratatui::crossterm::event::KeyCode;

use super::Lang;
use crate::trail::Time;
use crate::walk::StepState;

/// What a key does, as the footer and the help name it; which key does it
/// is told by the tables of the full screen's key map (`tui::keys`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    NextQuestion,
    PrevQuestion,
    MoveOption,
    Choose,
    Toggle,
    OtherText,
    ScaleChange,
    ScaleDigit,
    Clear,
    NewLine,
    NextStep,
    PrevStep,
    Steps,
    MoveStep,
    GoToStep,
    BackFromSteps,
    Scroll,
    Save,
    References,
    Help,
    ToLibrary,
    QuitWalk,
    SaveAndQuit,
    Open,
    New,
    Filter,
    Rename,
    Export,
    Delete,
    Quit,
    MoveTrail,
    ApplyFilter,
    ClearFilter,
    MoveGrid,
    PickGrid,
    Confirm,
    Cancel,
    Annotate,
    SaveAnnotation,
    NewLineAlt,
    Review,
    Page,
    HomeEnd,
    Close,
    /// The library shows only the trails whose revisit date has come.
    DueOnly,
    /// Back from the trails due to all of them.
    AllTrails,
    /// `f`: come back to the decision of the highlighted trail.
    FollowUp,
    NextField,
    PrevField,
    ScrollStep,
    Undo,
    Redo,
    ExportMd,
    ExportHtml,
    /// `o` on the end screen: the last export, with the system's application.
    OpenExport,
    /// `s` on the end screen of an ephemeral walk: keep it as a trail.
    KeepWalk,
    BackToWalk,
}

/// What keys do, for the footers and the help.
impl Lang {
    pub fn hint_action(self, hint: Hint) -> &'static str {
        use Hint as H;
        match self {
            Lang::Fr => match hint {
                H::NextQuestion => "question suivante",
                H::PrevQuestion => "question précédente",
                H::MoveOption => "options",
                H::Choose => "choisir",
                H::Toggle => "cocher/décocher",
                H::OtherText => "écrire votre réponse",
                H::ScaleChange => "valeur",
                H::ScaleDigit => "taper la valeur",
                H::Clear => "effacer la réponse",
                H::NewLine => "nouvelle ligne",
                H::NextStep => "étape suivante",
                H::PrevStep => "étape précédente",
                H::Steps => "étapes",
                H::MoveStep => "parcourir",
                H::GoToStep => "aller à l'étape",
                H::BackFromSteps => "retour",
                H::Scroll => "faire défiler",
                H::Save => "enregistrer",
                H::References => "références",
                H::Help => "aide",
                H::ToLibrary => "vos parcours",
                H::QuitWalk => "quitter",
                H::SaveAndQuit => "enregistrer et quitter",
                H::Open => "ouvrir",
                H::New => "nouveau",
                H::Filter => "filtrer",
                H::Rename => "renommer",
                H::Export => "exporter",
                H::Delete => "supprimer",
                H::Quit => "quitter",
                H::MoveTrail | H::MoveGrid => "choisir",
                H::ApplyFilter => "garder le filtre",
                H::ClearFilter => "effacer le filtre",
                H::PickGrid => "continuer",
                H::Confirm => "valider",
                H::Cancel => "annuler",
                H::Annotate => "annoter",
                H::SaveAnnotation => "enregistrer",
                H::NewLineAlt => "nouvelle ligne",
                H::Review => "relire",
                H::Page => "page",
                H::HomeEnd => "haut, bas",
                H::Close => "fermer",
                H::DueOnly => "à revoir",
                H::AllTrails => "tous les parcours",
                H::FollowUp => "faire le point",
                H::NextField => "champ suivant",
                H::PrevField => "champ précédent",
                H::ScrollStep => "faire défiler l'étape",
                H::Undo => "annuler la frappe",
                H::Redo => "rétablir",
                H::ExportMd => "Markdown",
                H::ExportHtml => "HTML",
                H::OpenExport => "ouvrir l'export",
                H::KeepWalk => "garder le parcours",
                H::BackToWalk => "retour au parcours",
            },
            Lang::En => match hint {
                H::NextQuestion => "next question",
                H::PrevQuestion => "previous question",
                H::MoveOption => "options",
                H::Choose => "choose",
                H::Toggle => "tick/untick",
                H::OtherText => "type your answer",
                H::ScaleChange => "value",
                H::ScaleDigit => "type the value",
                H::Clear => "clear the answer",
                H::NewLine => "new line",
                H::NextStep => "next step",
                H::PrevStep => "previous step",
                H::Steps => "steps",
                H::MoveStep => "move",
                H::GoToStep => "go to the step",
                H::BackFromSteps => "back",
                H::Scroll => "scroll",
                H::Save => "save",
                H::References => "references",
                H::Help => "help",
                H::ToLibrary => "your trails",
                H::QuitWalk => "quit",
                H::SaveAndQuit => "save and quit",
                H::Open => "open",
                H::New => "new",
                H::Filter => "filter",
                H::Rename => "rename",
                H::Export => "export",
                H::Delete => "delete",
                H::Quit => "quit",
                H::MoveTrail | H::MoveGrid => "select",
                H::ApplyFilter => "keep the filter",
                H::ClearFilter => "clear the filter",
                H::PickGrid => "continue",
                H::Confirm => "confirm",
                H::Cancel => "cancel",
                H::Annotate => "annotate",
                H::SaveAnnotation => "save",
                H::NewLineAlt => "new line",
                H::Review => "review",
                H::Page => "page",
                H::HomeEnd => "top, bottom",
                H::Close => "close",
                H::DueOnly => "due only",
                H::AllTrails => "all trails",
                H::FollowUp => "follow up",
                H::NextField => "next field",
                H::PrevField => "previous field",
                H::ScrollStep => "scroll the step",
                H::Undo => "undo typing",
                H::Redo => "redo",
                H::ExportMd => "Markdown",
                H::ExportHtml => "HTML",
                H::OpenExport => "open the export",
                H::KeepWalk => "keep the walk",
                H::BackToWalk => "back to the walk",
            },
        }
    }

    /// The name of a key, as printed on keyboards in each language.
    pub fn key_name(self, code: KeyCode) -> Cow<'static, str> {
        let name = match code {
            KeyCode::Tab => "Tab",
            KeyCode::BackTab => self.pick("Maj+Tab", "Shift+Tab"),
            KeyCode::Enter => self.pick("Entrée", "Enter"),
            KeyCode::Esc => self.pick("Échap", "Esc"),
            KeyCode::Char(' ') => self.pick("Espace", "Space"),
            KeyCode::Delete => self.pick("Suppr", "Del"),
            KeyCode::Backspace => self.pick("Retour arrière", "Backspace"),
            KeyCode::PageDown => self.pick("PgSuiv", "PgDn"),
            KeyCode::PageUp => self.pick("PgPréc", "PgUp"),
            KeyCode::Home => self.pick("Début", "Home"),
            KeyCode::End => self.pick("Fin", "End"),
            KeyCode::Up => "↑",
            KeyCode::Down => "↓",
            KeyCode::Left => "←",
            KeyCode::Right => "→",
            KeyCode::F(n) => return Cow::Owned(format!("F{n}")),
            KeyCode::Char(c) => return Cow::Owned(c.to_string()),
            _ => "?",
        };
        Cow::Borrowed(name)
    }

    /// Any letter typed: the key of writing an answer.
    pub fn typing_key(self) -> &'static str {
        "abc"
    }

    /// Any digit.
    pub fn digits_key(self) -> &'static str {
        "0-9"
    }

    /// The names of the modifier keys, before the key they go with.
    pub fn ctrl_key(self) -> &'static str {
        "Ctrl+"
    }

    pub fn alt_key(self) -> &'static str {
        "Alt+"
    }

    pub fn too_small(self, width: u16, height: u16) -> String {
        self.pick(
            format!("Agrandissez la fenêtre : au moins {width} × {height} caractères."),
            format!("Please enlarge the window: at least {width} × {height} characters."),
        )
    }

    /// A moment in lists: day and time, as each language writes them.
    pub fn short_time(self, t: &Time) -> String {
        t.format(self.pick("%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M")).to_string()
    }

    pub fn terminal_failed(self, e: &std::io::Error) -> String {
        self.pick(
            format!("le terminal ne permet pas le plein écran ({e}) ; --plain fonctionne sans"),
            format!("the terminal cannot be used full screen ({e}); --plain works without it"),
        )
    }

    /// The loop stopped on an error or a crash; `saved` says whether the
    /// walk on screen (if any) could be written first.
    pub fn screen_stopped(self, what: &str, saved: Option<bool>) -> String {
        let answers = match saved {
            Some(true) => self.pick(" Vos réponses ont été enregistrées.", " Your answers were saved."),
            Some(false) => self.pick(
                " Vos dernières réponses n'ont pas pu être enregistrées.",
                " Your last answers could not be saved.",
            ),
            None => "",
        };
        self.pick(
            format!("l'écran s'est arrêté : {what}.{answers}"),
            format!("the screen stopped: {what}.{answers}"),
        )
    }

    pub fn language_name(self, tag: &str) -> String {
        let base = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
        match base.as_str() {
            "fr" => self.pick("français", "French").to_string(),
            "en" => self.pick("anglais", "English").to_string(),
            _ => tag.to_string(),
        }
    }
}

/// The library.
impl Lang {
    pub fn library_title(self) -> &'static str {
        self.pick("Vos parcours", "Your trails")
    }

    /// Title, grid, outcome, last change.
    pub fn library_columns(self) -> [&'static str; 4] {
        self.pick(["Titre", "Grille", "Conclusion", "Modifié"], ["Title", "Grid", "Outcome", "Changed"])
    }

    /// `new`: the key that starts a trail.
    pub fn library_welcome(self, new: &str) -> [String; 3] {
        let [hello, about] = self.pick(
            [
                "Bienvenue dans discern.",
                "Un parcours garde la trace de votre réflexion sur une situation, pas à pas, en suivant une grille de lecture éthique. Il reste sur cet ordinateur, lisible par vous seulement.",
            ],
            [
                "Welcome to discern.",
                "A trail keeps your thinking about one situation, step by step, following an ethical reading grid. It stays on this computer, readable by you alone.",
            ],
        );
        let start = self.pick(
            format!("Appuyez sur {new} pour commencer un parcours."),
            format!("Press {new} to start a trail."),
        );
        [hello.to_string(), about.to_string(), start]
    }

    pub fn library_no_match(self, filter: &str) -> String {
        self.pick(
            format!("Aucun parcours ne correspond à {}.", self.quote(filter)),
            format!("No trail matches {}.", self.quote(filter)),
        )
    }

    pub fn filter_label(self) -> &'static str {
        self.pick("Filtre : ", "Filter: ")
    }

    pub fn damaged_file(self, reason: &str) -> String {
        self.pick(format!("fichier endommagé : {reason}"), format!("damaged file: {reason}"))
    }

    pub fn new_title_box(self) -> &'static str {
        self.pick("Titre du nouveau parcours", "Title of the new trail")
    }

    pub fn rename_box(self) -> &'static str {
        self.pick("Nouveau titre", "New title")
    }

    pub fn title_reminder(self) -> &'static str {
        self.pick("Pas de nom : des pseudonymes ou des initiales.", "No names: pseudonyms or initials.")
    }

    pub fn title_needed(self) -> &'static str {
        self.pick(
            "Donnez un titre, même court : il vous aidera à retrouver ce parcours.",
            "Give it a title, even a short one: it will help you find this trail again.",
        )
    }

    pub fn confirm_delete_trail(self, title: &str) -> String {
        self.pick(
            format!("Supprimer le parcours {} ? Il sera effacé de cet ordinateur.", self.quote(title)),
            format!("Delete the trail {}? It will be erased from this computer.", self.quote(title)),
        )
    }

    pub fn confirm_delete_damaged(self, file: &str) -> String {
        self.pick(
            format!("Supprimer le fichier endommagé {} ?", self.quote(file)),
            format!("Delete the damaged file {}?", self.quote(file)),
        )
    }

    pub fn delete_answers(self) -> &'static str {
        self.pick("o : oui, supprimer · n : non", "y: yes, delete · n: no")
    }

    pub fn export_answers(self) -> &'static str {
        self.pick("o : oui, exporter · n : non", "y: yes, export · n: no")
    }

    pub fn delete_failed(self, e: &str) -> String {
        self.pick(format!("Suppression impossible : {e}"), format!("Could not delete: {e}"))
    }

    pub fn renamed(self, title: &str) -> String {
        self.pick(format!("Renommé en {}.", self.quote(title)), format!("Renamed to {}.", self.quote(title)))
    }

    pub fn rename_failed(self, e: &str) -> String {
        self.pick(
            format!("Impossible de renommer : {e} ; le fichier n'a pas changé."),
            format!("Could not rename: {e}; the file has not changed."),
        )
    }

    pub fn export_failed(self, e: &str) -> String {
        self.pick(format!("Export impossible : {e}"), format!("Could not export: {e}"))
    }

    pub fn damaged_cannot_open(self, reason: &str) -> String {
        self.pick(
            format!(
                "Ce fichier est endommagé : {reason}. Il est conservé tel quel, mais ne peut pas être ouvert."
            ),
            format!("This file is damaged: {reason}. It is kept as it is, but cannot be opened."),
        )
    }

    pub fn damaged_cannot_change(self) -> &'static str {
        self.pick(
            "Ce fichier est endommagé : il ne peut être ni renommé ni exporté.",
            "This file is damaged: it can be neither renamed nor exported.",
        )
    }

    pub fn grid_unavailable(self, title: &str, id: &str, language: &str) -> String {
        self.pick(
            format!(
                "La grille {} ({id}, {language}) n'est plus disponible : ce parcours ne peut pas être repris. Ses réponses restent lisibles : e pour l'exporter.",
                self.quote(title)
            ),
            format!(
                "The grid {} ({id}, {language}) is no longer available: this trail cannot be continued. Its answers can still be read: e to export it.",
                self.quote(title)
            ),
        )
    }

    pub fn cannot_open(self, reason: &str) -> String {
        self.pick(format!("Ouverture impossible : {reason}"), format!("Could not open: {reason}"))
    }
}

/// The grid picker.
impl Lang {
    pub fn picker_title(self) -> &'static str {
        self.pick("Choisir une grille", "Choose a grid")
    }

    pub fn no_usable_grid(self) -> &'static str {
        self.pick(
            "Aucune grille utilisable. `discern grid list` indique pourquoi.",
            "No usable grid. `discern grid list` tells why.",
        )
    }

    pub fn picker_language(self, tag: &str) -> String {
        self.pick(
            format!("Langue : {}", self.language_name(tag)),
            format!("Language: {}", self.language_name(tag)),
        )
    }

    pub fn picker_source(self, source: &str) -> String {
        self.pick(format!("Source : {source}"), format!("Source: {source}"))
    }

    pub fn picker_file(self, file: &str) -> String {
        self.pick(format!("Fichier : {file}"), format!("File: {file}"))
    }

    pub fn picker_shipped(self) -> &'static str {
        self.pick("Fournie avec discern", "Shipped with discern")
    }
}

/// The walkthrough.
impl Lang {
    pub fn steps_title(self) -> &'static str {
        self.pick("Étapes", "Steps")
    }

    pub fn walk_header(self, trail: &str, grid: &str) -> String {
        format!("{trail} — {grid}")
    }

    pub fn text_placeholder(self) -> &'static str {
        self.pick("Écrivez ici…", "Write here…")
    }

    pub fn other_placeholder(self) -> &'static str {
        self.pick("précisez…", "say what…")
    }

    /// `key`: the key that shows them.
    pub fn references_hidden(self, n: usize, key: &str) -> String {
        self.pick(
            format!("Références ({n}) : {key} pour les afficher"),
            format!("References ({n}): {key} to show them"),
        )
    }

    pub fn status_saved(self) -> &'static str {
        self.pick("✓ Enregistré", "✓ Saved")
    }

    pub fn status_saving(self) -> &'static str {
        self.pick("Enregistrement…", "Saving…")
    }

    pub fn status_not_saved(self, e: &str) -> String {
        self.pick(
            format!(
                "⚠ Non enregistré : {e}. Vos réponses restent en mémoire ; nouvel essai dans un instant."
            ),
            format!("⚠ Not saved: {e}. Your answers are kept in memory; trying again shortly."),
        )
    }

    /// `back`, `quit`: the keys that leave.
    pub fn status_leave_unsaved(self, e: &str, back: &str, quit: &str) -> String {
        self.pick(
            format!("⚠ Non enregistré : {back} ou {quit} à nouveau pour partir sans enregistrer ({e})."),
            format!("⚠ Not saved: {back} or {quit} again to leave without saving ({e})."),
        )
    }

    pub fn status_ephemeral(self) -> &'static str {
        self.pick("Éphémère : rien n'est enregistré", "Ephemeral: nothing is saved")
    }

    pub fn no_next_question(self) -> &'static str {
        self.pick("Pas d'autre question après celle-ci.", "No more questions after this one.")
    }

    pub fn no_prev_question(self) -> &'static str {
        self.pick("Pas de question avant celle-ci.", "No question before this one.")
    }

    pub fn last_step(self) -> &'static str {
        self.pick("C'est la dernière étape.", "This is the last step.")
    }

    pub fn first_step(self) -> &'static str {
        self.pick("C'est la première étape.", "This is the first step.")
    }

    pub fn scale_range(self, min: i64, max: i64) -> String {
        self.pick(format!("Une valeur de {min} à {max}."), format!("A value from {min} to {max}."))
    }

    pub fn step_state_label(self, state: StepState) -> &'static str {
        match state {
            StepState::Answered => self.pick("répondue", "answered"),
            StepState::Partial => self.pick("en partie répondue", "partly answered"),
            StepState::Unanswered => self.pick("pas encore de réponse", "not answered yet"),
            StepState::RequiredMissing => {
                self.pick("une question importante sans réponse", "an important question is unanswered")
            }
            StepState::Reading => self.pick("à lire, sans question", "to read, no question"),
            StepState::Hidden => self.pick("masquée par vos réponses", "hidden by your answers"),
        }
    }

    pub fn current_step_label(self) -> &'static str {
        self.pick("l'étape affichée", "the step shown")
    }
}

/// The help.
impl Lang {
    pub fn help_title(self) -> &'static str {
        self.pick("Aide", "Help")
    }

    pub fn help_walk(self) -> &'static str {
        self.pick("Dans un parcours", "In a trail")
    }

    pub fn help_library(self) -> &'static str {
        self.pick("Dans la liste des parcours", "In the list of trails")
    }

    pub fn help_legend(self) -> &'static str {
        self.pick("Les marques des étapes", "The marks of the steps")
    }

    pub fn help_typing(self) -> &'static str {
        self.pick("écrire une réponse", "write an answer")
    }

    pub fn help_choose(self) -> &'static str {
        self.pick("choisir ou cocher une option", "choose or tick an option")
    }

    pub fn help_new_line(self) -> &'static str {
        self.pick("aller à la ligne", "new line")
    }

    pub fn help_saving(self) -> &'static str {
        self.pick(
            "Tout est enregistré de lui-même dans la seconde. Rien n'est obligatoire : passez ce qui ne s'applique pas.",
            "Everything saves by itself within a second. Nothing is mandatory: skip what does not apply.",
        )
    }

    pub fn help_close(self) -> &'static str {
        self.pick("Appuyez sur une touche pour fermer l'aide.", "Press any key to close the help.")
    }
}
