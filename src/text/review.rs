//! Reviews, trails read in another window, annotations, and documents on
//! screen (the pager).

use super::Lang;
use crate::trail::Time;

/// Review, read-only trails and annotations.
impl Lang {
    pub fn read_only_tag(self) -> &'static str {
        self.pick("Lecture seule", "Read-only")
    }

    pub fn review_header(self, trail: &str, grid: &str) -> String {
        self.pick(format!("Relecture : {trail} — {grid}"), format!("Review: {trail} — {grid}"))
    }

    pub fn status_review(self) -> &'static str {
        self.pick(
            "Relecture : les réponses ne peuvent pas être modifiées",
            "Review: the answers cannot be changed",
        )
    }

    pub fn status_open_elsewhere(self) -> &'static str {
        self.pick("Ouvert dans une autre fenêtre : lecture seule", "Open in another window: read-only")
    }

    /// A key that would change an answer, in a review (`annotate`: one that
    /// can save annotations) or in a window that only reads.
    /// `annotate`: the key that annotates, in a review that can save.
    pub fn read_only_notice(self, annotate: Option<&str>) -> String {
        match annotate {
            Some(key) => self.pick(
                format!("Les réponses ne changent pas en relecture ; {key} pour annoter."),
                format!("Answers do not change in a review; {key} to annotate."),
            ),
            None => self
                .pick(
                    "Les réponses ne peuvent pas être modifiées ici.",
                    "The answers cannot be changed here.",
                )
                .to_string(),
        }
    }

    /// The status of a review of `TRAIL@WHEN`: the moment it shows.
    pub fn status_as_it_stood(self, moment: crate::trail::asof::Moment) -> String {
        use crate::trail::asof::Moment;
        match moment {
            Moment::Day(day) => self.pick(
                format!("Tel qu'il était à la fin du {} — lecture seule", day.format("%d/%m/%Y")),
                format!("As it stood at the end of {} — read-only", day.format("%Y-%m-%d")),
            ),
            Moment::Minute(at) => self.pick(
                format!("Tel qu'il était le {} — lecture seule", at.format("%d/%m/%Y à %H:%M")),
                format!("As it stood on {} — read-only", at.format("%Y-%m-%d at %H:%M")),
            ),
        }
    }

    /// `a` in a review of a past version; `id`: the trail's.
    pub fn cannot_annotate_the_past(self, id: &str) -> String {
        self.pick(
            format!("Une version passée ne s'annote pas : annotez le parcours actuel, discern review {id}."),
            format!("A past version cannot be annotated: annotate the trail as it is, discern review {id}."),
        )
    }

    pub fn cannot_annotate_elsewhere(self) -> &'static str {
        self.pick(
            "Pour annoter, fermez d'abord le parcours dans l'autre fenêtre.",
            "To annotate, close the trail in the other window first.",
        )
    }

    /// `key`: the key that goes to the next question.
    pub fn annotate_needs_question(self, key: &str) -> String {
        self.pick(
            format!("Allez sur une question ({key}) pour l'annoter."),
            format!("Go to a question ({key}) to annotate it."),
        )
    }

    pub fn annotation_box(self) -> &'static str {
        self.pick("Annoter la réponse", "Annotate the answer")
    }

    pub fn annotation_signed(self, author: &str) -> String {
        self.pick(
            format!(
                "Signée {author}, datée à l'enregistrement, gardée à côté de la réponse sans la modifier."
            ),
            format!("Signed {author}, dated when saved, kept beside the answer without changing it."),
        )
    }

    pub fn annotation_placeholder(self) -> &'static str {
        self.pick("Votre annotation…", "Your annotation…")
    }

    /// `cancel`: the key that puts the box away.
    pub fn annotation_empty(self, cancel: &str) -> String {
        self.pick(
            format!("Écrivez l'annotation, ou {cancel} pour annuler."),
            format!("Write the annotation, or {cancel} to cancel."),
        )
    }

    pub fn annotation_added(self) -> &'static str {
        self.pick("Annotation ajoutée.", "Annotation added.")
    }

    pub fn annotation_heading(self, author: &str, at: &Time) -> String {
        let at = self.date_time(at);
        self.pick(format!("Annotation de {author}, le {at}"), format!("Annotation by {author}, {at}"))
    }

    pub fn author_box(self) -> &'static str {
        self.pick("Votre nom, pour signer", "Your name, to sign")
    }

    pub fn author_why(self) -> &'static str {
        self.pick(
            "Les annotations sont signées. Ce nom est gardé dans le fichier de configuration pour les prochaines fois ; des initiales suffisent.",
            "Annotations are signed. This name is kept in the configuration file for next time; initials will do.",
        )
    }

    pub fn no_config_file(self) -> &'static str {
        self.pick("pas de fichier de configuration", "no configuration file")
    }

    pub fn author_needed(self) -> &'static str {
        self.pick("Donnez un nom, même court.", "Give a name, even a short one.")
    }

    pub fn author_saved(self) -> &'static str {
        self.pick("Nom enregistré pour les prochaines fois.", "Name saved for next time.")
    }

    pub fn author_not_saved(self, e: &str) -> String {
        self.pick(
            format!("Ce nom n'a pas pu être enregistré ({e}) : il sert pour cette session seulement."),
            format!("This name could not be saved ({e}): it is used for this session only."),
        )
    }

    /// When the current answer was given, or cleared.
    pub fn answered_on(self, at: &Time, cleared: bool) -> String {
        let at = self.date_time(at);
        match (self, cleared) {
            (Lang::Fr, false) => format!("réponse du {at}"),
            (Lang::Fr, true) => format!("réponse effacée le {at}"),
            (Lang::En, false) => format!("answered {at}"),
            (Lang::En, true) => format!("answer cleared {at}"),
        }
    }

    /// One earlier answer: when it was replaced, and what it was.
    pub fn changed_on(self, at: &Time, before: &str) -> String {
        let at = self.date_time(at);
        self.pick(format!("modifiée le {at} ; avant : {before}"), format!("changed {at}; before: {before}"))
    }

    pub fn no_answer_before(self) -> &'static str {
        self.pick("pas de réponse", "no answer")
    }

    pub fn hidden_kept(self) -> &'static str {
        self.pick(
            "Masquée par les réponses actuelles : réponse gardée",
            "Hidden by the current answers: answer kept",
        )
    }

    /// A recorded answer that does not fit the grid (`walk::Misfit`): what
    /// it was and why it is not taken into account, then, where the person
    /// can answer (`advice`), that they may answer again.
    pub fn set_aside(
        self,
        record: &crate::trail::AnswerRecord,
        answer: &crate::grid::Answer,
        misfit: &crate::walk::Misfit,
        advice: bool,
    ) -> String {
        use crate::walk::Misfit;
        let words = self.answer_words(record, answer);
        let why = match misfit {
            Misfit::OutOfScale { value, min, max } => self.pick(
                format!("La réponse enregistrée ({value}) sort de l'échelle de {min} à {max} de la grille"),
                format!("The recorded answer ({value}) is outside the grid's scale of {min} to {max}"),
            ),
            Misfit::NotOffered(_) => self.pick(
                format!("La réponse enregistrée ({words}) ne fait pas partie des choix de la grille"),
                format!("The recorded answer ({words}) is not among the grid's choices"),
            ),
            Misfit::OtherKind => self.pick(
                format!("La réponse enregistrée ({words}) ne correspond pas au type de cette question dans la grille"),
                format!("The recorded answer ({words}) does not match the kind of this question in the grid"),
            ),
        };
        let rest = match advice {
            true => self.pick(
                " : elle n'est pas prise en compte. Répondez à nouveau si besoin.",
                ": it is not taken into account. Answer again if needed.",
            ),
            false => self.pick(" : elle n'est pas prise en compte.", ": it is not taken into account."),
        };
        format!("{why}{rest}")
    }

    pub fn hidden_step_kept(self) -> &'static str {
        self.pick(
            "Cette étape est masquée par les réponses actuelles ; les réponses données ici sont gardées.",
            "This step is hidden by the current answers; the answers given here are kept.",
        )
    }

    /// The first privacy warning, and how many more there are.
    pub fn privacy_and_more(self, first: &str, more: usize) -> String {
        match (self, more) {
            (_, 0) => first.to_string(),
            (Lang::Fr, 1) => format!("{first} (et 1 autre)"),
            (Lang::Fr, n) => format!("{first} (et {n} autres)"),
            (Lang::En, n) => format!("{first} (and {n} more)"),
        }
    }

    /// Where a pager is: "lignes 1–20 sur 134".
    pub fn pager_position(self, first: usize, last: usize, total: usize) -> String {
        self.pick(format!("lignes {first}–{last} sur {total}"), format!("lines {first}–{last} of {total}"))
    }
}

/// The help of a review and of a document on screen.
impl Lang {
    pub fn help_review(self) -> &'static str {
        self.pick("Dans une relecture", "In a review")
    }

    pub fn help_read_only(self) -> &'static str {
        self.pick("Dans un parcours en lecture seule", "In a read-only trail")
    }

    pub fn help_review_note(self) -> &'static str {
        self.pick(
            "Les réponses ne changent pas pendant une relecture. Une annotation est datée, signée et gardée à côté de la réponse ; elle est enregistrée dans la seconde.",
            "The answers do not change during a review. An annotation is dated, signed and kept beside the answer; it is saved within a second.",
        )
    }

    pub fn help_read_only_note(self) -> &'static str {
        self.pick(
            "Ce parcours est ouvert dans une autre fenêtre : il se lit ici sans rien modifier, et rien n'est enregistré depuis cette fenêtre.",
            "This trail is open in another window: it can be read here without changing anything, and nothing is saved from this window.",
        )
    }

    pub fn help_past_note(self) -> &'static str {
        self.pick(
            "Ce parcours est montré tel qu'il était à ce moment-là, reconstitué à partir de l'historique de ses réponses : rien n'y change et rien n'est enregistré. Pour l'annoter, relisez-le tel qu'il est aujourd'hui.",
            "This trail is shown as it stood at that moment, rebuilt from the history of its answers: nothing changes and nothing is saved. To annotate it, review it as it is now.",
        )
    }

    pub fn help_scroll(self) -> &'static str {
        self.pick("faire défiler l'étape", "scroll the step")
    }

    /// What the keys of the annotation box do, for the help: save, new
    /// line, cancel.
    pub fn help_annotation_rows(self) -> [&'static str; 3] {
        self.pick(
            ["enregistrer l'annotation", "nouvelle ligne dans l'annotation", "annuler l'annotation"],
            ["save the annotation", "new line in the annotation", "cancel the annotation"],
        )
    }

    pub fn help_pager(self) -> &'static str {
        self.pick("Dans ce document", "In this document")
    }

    pub fn help_pager_note(self) -> &'static str {
        self.pick(
            "Ce texte est seulement affiché : rien n'est enregistré.",
            "This text is only shown: nothing is saved.",
        )
    }
}
