//! A walk that ends: where one stands in it, the end screen, leaving.

use std::path::Path;

use super::Lang;

impl Lang {
    /// « Étape 3 sur 12 », counting the steps the answers show.
    pub fn step_of(self, step: usize, steps: usize) -> String {
        self.pick(format!("Étape {step} sur {steps}"), format!("Step {step} of {steps}"))
    }

    pub fn answered_of(self, answered: usize, questions: usize) -> String {
        match (self, answered) {
            (Lang::Fr, 0 | 1) => format!("{answered} réponse sur {questions}"),
            (Lang::Fr, _) => format!("{answered} réponses sur {questions}"),
            (Lang::En, 1) => format!("1 answer of {questions}"),
            (Lang::En, _) => format!("{answered} answers of {questions}"),
        }
    }

    pub fn end_title(self) -> &'static str {
        self.pick("Fin du parcours", "End of the walk")
    }

    pub fn end_counts(self, answered: usize, skipped: usize) -> String {
        let answered = match (self, answered) {
            (Lang::Fr, 0 | 1) => format!("{answered} question répondue"),
            (Lang::Fr, n) => format!("{n} questions répondues"),
            (Lang::En, 1) => "1 question answered".to_string(),
            (Lang::En, n) => format!("{n} questions answered"),
        };
        let skipped = match (self, skipped) {
            (Lang::Fr, 0 | 1) => format!("{skipped} laissée de côté"),
            (Lang::Fr, n) => format!("{n} laissées de côté"),
            (Lang::En, n) => format!("{n} left aside"),
        };
        format!("{answered}, {skipped}.")
    }

    pub fn end_outcome(self, outcome: Option<&str>) -> String {
        match outcome {
            Some(o) => self.pick(format!("Votre décision : {o}"), format!("Your decision: {o}")),
            None => self.pick(
                "Pas encore de décision : vous pouvez y revenir quand vous voulez.".into(),
                "No decision yet: you can come back to it whenever you like.".into(),
            ),
        }
    }

    pub fn end_revisit(self, when: &str) -> String {
        self.pick(format!("Vous y reviendrez : {when}"), format!("You will look at it again: {when}"))
    }

    pub fn end_required(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 1) => "Une question marquée importante est sans réponse.".into(),
            (Lang::Fr, n) => format!("{n} questions marquées importantes sont sans réponse."),
            (Lang::En, 1) => "One question marked as important has no answer.".into(),
            (Lang::En, n) => format!("{n} questions marked as important have no answer."),
        }
    }

    pub fn end_privacy(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 1) => {
                "⚠ Un passage ressemble à une donnée identifiante : relisez-le avant d'exporter.".into()
            }
            (Lang::Fr, n) => format!(
                "⚠ {n} passages ressemblent à des données identifiantes : relisez-les avant d'exporter."
            ),
            (Lang::En, 1) => "⚠ One passage looks identifying: read it again before exporting.".into(),
            (Lang::En, n) => format!("⚠ {n} passages look identifying: read them again before exporting."),
        }
    }

    /// What the end screen's keys do, in full sentences (the footer names
    /// them short): Markdown, HTML, open the last export, keep an ephemeral
    /// walk, back to the walk.
    pub fn end_keys(self) -> [&'static str; 5] {
        self.pick(
            [
                "exporter la synthèse en Markdown",
                "exporter la synthèse en HTML, à imprimer",
                "ouvrir le dernier export, pour le lire ou l'imprimer",
                "garder ce parcours (il n'est pas enregistré)",
                "revenir au parcours",
            ],
            [
                "export the summary as Markdown",
                "export the summary as HTML, to print",
                "open the last export, to read or print it",
                "keep this walk as a trail (it is not saved)",
                "back to the walk",
            ],
        )
    }

    pub fn end_exports_note(self) -> &'static str {
        self.pick(
            "La synthèse tient sur une page : la décision, ce que vos réponses font apparaître, vos réponses. Elle est écrite dans le dossier exports de vos données, lisible par vous seulement.",
            "The summary fits on one page: the decision, what your answers point to, your answers. It is written in the exports folder of your data, readable by you alone.",
        )
    }

    pub fn end_exported(self, path: &Path) -> String {
        self.pick(
            format!("Synthèse exportée : {}", path.display()),
            format!("Summary exported: {}", path.display()),
        )
    }

    /// The note of an ephemeral walk's end screen; `keep`, `md`, `html`:
    /// the keys that keep it and export it.
    pub fn end_ephemeral_note(self, keep: &str, md: &str, html: &str) -> String {
        self.pick(
            format!("Parcours éphémère : rien n'est écrit sans que vous le demandiez. {keep} le garde comme parcours ; {md} ou {html} écrit sa synthèse dans le dossier exports de vos données, lisible par vous seulement."),
            format!("Ephemeral walk: nothing is written unless you ask. {keep} keeps it as a trail; {md} or {html} writes its summary into the exports folder of your data, readable by you alone."),
        )
    }

    /// `o` before anything was exported; `md`, `html`: the keys that export.
    pub fn end_nothing_to_open(self, md: &str, html: &str) -> String {
        self.pick(
            format!("Rien n'a encore été exporté : {md} (Markdown) ou {html} (HTML) d'abord."),
            format!("Nothing was exported yet: {md} (Markdown) or {html} (HTML) first."),
        )
    }

    pub fn end_opened(self, path: &Path) -> String {
        self.pick(
            format!("Ouvert avec l'application par défaut : {}", path.display()),
            format!("Opened with the default application: {}", path.display()),
        )
    }

    /// The system could not open the export: why, and where it is.
    pub fn end_open_failed(self, path: &Path, why: &str) -> String {
        self.pick(
            format!("Impossible de l'ouvrir ({why}) ; le fichier est ici : {}", path.display()),
            format!("Could not open it ({why}); the file is here: {}", path.display()),
        )
    }

    pub fn end_kept(self, path: &Path) -> String {
        self.pick(
            format!("Parcours gardé : {}. Il s'enregistre désormais de lui-même.", path.display()),
            format!("Walk kept as a trail: {}. It now saves by itself.", path.display()),
        )
    }

    /// `s` on a walk that has its file already.
    pub fn end_already_kept(self) -> &'static str {
        self.pick("Ce parcours est déjà enregistré.", "This trail is saved already.")
    }

    /// The title box of `s` on an ephemeral walk.
    pub fn keep_box(self) -> &'static str {
        self.pick("Garder ce parcours", "Keep this walk as a trail")
    }

    /// The export of an ephemeral walk, asked first: where it will go.
    pub fn ephemeral_export_where(self, dir: &Path) -> String {
        self.pick(
            format!("Ce parcours éphémère n'a rien écrit. Sa synthèse sera écrite dans {}.", dir.display()),
            format!(
                "This ephemeral walk has written nothing. Its summary will be written into {}.",
                dir.display()
            ),
        )
    }

    /// `back`: the key that leaves.
    pub fn ephemeral_discard_question(self, back: &str) -> String {
        self.pick(
            format!("Ce parcours éphémère ne sera pas gardé. {back} encore pour le quitter ; une autre touche pour rester."),
            format!("This ephemeral walk will not be kept. {back} again to leave it; any other key to stay."),
        )
    }

    /// Printed after the full screen closes on a walk started by `discern new`.
    pub fn after_new(self, path: &Path, id: &str) -> String {
        self.pick(
            format!(
                "Parcours enregistré : {}\nPour en exporter la synthèse : discern export {id} --format md (ou html) -o synthese.md",
                path.display()
            ),
            format!(
                "Trail saved: {}\nTo export its summary: discern export {id} --format md (or html) -o summary.md",
                path.display()
            ),
        )
    }

    /// `keys`: the keys that scroll the help.
    pub fn help_close_scroll(self, keys: &str) -> String {
        self.pick(
            format!("{keys} : faire défiler · une autre touche ferme l'aide."),
            format!("{keys}: scroll · any other key closes the help."),
        )
    }
}
