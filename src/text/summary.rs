//! The meeting summary: the document a worker brings to a case meeting.

use super::Lang;

impl Lang {
    pub fn summary_pointers_heading(self) -> &'static str {
        self.pick("Ce que vos réponses font apparaître", "What your answers point to")
    }

    pub fn summary_footer(self) -> &'static str {
        self.pick(
            "Document de travail personnel, exporté par discern : un support de réflexion, ni un dossier sur la personne ni un avis juridique. La décision vous appartient.",
            "Personal working document, exported by discern: a support for thinking, neither a file on the person nor legal advice. The decision is yours.",
        )
    }

    pub fn summary_answers_heading(self) -> &'static str {
        self.pick("Réponses, étape par étape", "Answers, step by step")
    }

    /// Between a prompt and its answer on one line.
    pub fn summary_answer_separator(self) -> &'static str {
        self.pick(" : ", ": ")
    }

    /// Between the labels of a `multi` answer: a label may hold a comma.
    pub fn summary_label_separator(self) -> &'static str {
        self.pick(" ; ", "; ")
    }

    pub fn summary_shortened(self) -> &'static str {
        self.pick(
            "Les réponses longues sont abrégées ici ; la copie complète (--full) les donne en entier.",
            "Long answers are shortened here; the full copy (--full) gives them whole.",
        )
    }

    pub fn summary_skipped(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 1) => "Une question laissée de côté.".into(),
            (Lang::Fr, n) => format!("{n} questions laissées de côté."),
            (Lang::En, 1) => "One question left aside.".into(),
            (Lang::En, n) => format!("{n} questions left aside."),
        }
    }

    pub fn summary_hidden_kept(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 1) => {
                "Une réponse d'une piste abandonnée est gardée : elle figure dans la copie complète.".into()
            }
            (Lang::Fr, n) => {
                format!(
                    "{n} réponses d'une piste abandonnée sont gardées : elles figurent dans la copie complète."
                )
            }
            (Lang::En, 1) => "One answer from a path no longer taken is kept: it is in the full copy.".into(),
            (Lang::En, n) => {
                format!("{n} answers from a path no longer taken are kept: they are in the full copy.")
            }
        }
    }

    /// A scale's value as a person reads it: « 2 sur 5 (pas du tout … tout à fait) ».
    /// « 2 sur 5 (pas du tout … tout à fait) »: a scale counted from 0 or 1
    /// reads as a mark out of its maximum; another says its bounds
    /// (« -2 sur une échelle de -5 à 5 »). A lone label is kept on its side.
    pub fn summary_scale(
        self,
        value: i64,
        min: i64,
        max: i64,
        labels: (Option<&str>, Option<&str>),
    ) -> String {
        let value = if min == 0 || min == 1 {
            self.pick(format!("{value} sur {max}"), format!("{value} of {max}"))
        } else {
            self.pick(
                format!("{value} sur une échelle de {min} à {max}"),
                format!("{value} on a scale from {min} to {max}"),
            )
        };
        match labels {
            (Some(low), Some(high)) => format!("{value} ({low} … {high})"),
            (Some(low), None) => format!("{value} ({low} …)"),
            (None, Some(high)) => format!("{value} (… {high})"),
            (None, None) => value,
        }
    }

    /// The revisit date a follow-up (made `at`) set in place of the answer.
    pub fn summary_revisit_moved(self, date: &str, at: &str) -> String {
        self.pick(
            format!("{date} (date fixée lors du retour sur la décision du {at})"),
            format!("{date} (set at the follow-up of {at})"),
        )
    }

    /// A follow-up (made `at`) left no revisit date.
    pub fn summary_revisit_dropped(self, at: &str) -> String {
        self.pick(
            format!("plus de date prévue (depuis le retour sur la décision du {at})"),
            format!("no date set any more (since the follow-up of {at})"),
        )
    }

    /// An answer typed in an "other" entry.
    pub fn summary_other(self, text: &str) -> String {
        format!("{} {text}", self.other_label())
    }

    /// The current answer in the history of a changed answer.
    pub fn history_since(self, since: &str, now: &str) -> String {
        self.pick(format!("depuis le {since} : {now}"), format!("since {since}: {now}"))
    }

    /// Words of a changed text, in plain text where nothing can strike them out.
    pub fn summary_removed(self, words: &str) -> String {
        self.pick(format!("[retiré : {words}]"), format!("[removed: {words}]"))
    }

    pub fn summary_added(self, words: &str) -> String {
        self.pick(format!("[ajouté : {words}]"), format!("[added: {words}]"))
    }

    pub fn summary_diff_legend(self, md: bool) -> &'static str {
        match (self, md) {
            (Lang::Fr, true) => {
                "Dans un texte modifié, les mots retirés sont barrés et les mots ajoutés en gras."
            }
            (Lang::En, true) => "In a changed text, removed words are struck out and added words in bold.",
            (Lang::Fr, false) => {
                "Dans un texte modifié, les mots retirés et ajoutés sont signalés entre crochets."
            }
            (Lang::En, false) => "In a changed text, removed and added words are marked in brackets.",
        }
    }
}
