//! Words for coming back to a decision: a trail as it stood, `due`, follow-ups, workshop counts.

use super::Lang;
use crate::trail::Time;

impl Lang {
    pub fn as_of_before_creation(self, arg: &str, created: Time) -> String {
        let when = created.format("%Y-%m-%d %H:%M");
        self.pick(
            format!("{} : ce parcours n'existait pas encore ; il a été commencé le {when}", self.quote(arg)),
            format!("{}: this trail did not exist yet; it was started on {when}", self.quote(arg)),
        )
    }

    pub fn as_of_not_a_moment(self, when: &str) -> String {
        self.pick(
            format!(
                "{} après @ n'est ni une date ni une heure : écrivez PARCOURS@AAAA-MM-JJ ou PARCOURS@AAAA-MM-JJTHH:MM",
                self.quote(when)
            ),
            format!(
                "{} after @ is not a date or a time: write TRAIL@YYYY-MM-DD or TRAIL@YYYY-MM-DDTHH:MM",
                self.quote(when)
            ),
        )
    }

    pub fn as_of_no_such_time(self, arg: &str) -> String {
        self.pick(
            format!("{} : cette heure n'existe pas dans votre fuseau horaire", self.quote(arg)),
            format!("{}: that time does not exist in your time zone", self.quote(arg)),
        )
    }

    pub fn as_of_read_only(self, arg: &str) -> String {
        self.pick(
            format!(
                "{} désigne un parcours tel qu'il était : on peut le lire (export, compare, review, lint), pas le modifier",
                self.quote(arg)
            ),
            format!(
                "{} names a trail as it stood: it can be read (export, compare, review, lint), not changed",
                self.quote(arg)
            ),
        )
    }

    /// « 6 sur 10 »
    pub fn count_of(self, n: usize, total: usize) -> String {
        self.pick(format!("{n} sur {total}"), format!("{n} of {total}"))
    }

    pub fn compare_participants(self, n: usize) -> String {
        self.pick(format!("{n} participants (anonymes)"), format!("{n} participants (anonymous)"))
    }

    pub fn not_an_export(self, path: &std::path::Path, e: &crate::trail::import::ImportError) -> String {
        use crate::trail::import::ImportError as E;
        let path = path.display();
        match e {
            E::NotJson { line, column } => self.pick(
                format!("{path} : ce n'est pas du JSON (ligne {line}, colonne {column}) ; on compare des parcours ou leurs exports JSON (`discern export TRAIL --format json`)"),
                format!("{path}: this is not JSON (line {line}, column {column}); compare trails or their JSON exports (`discern export TRAIL --format json`)"),
            ),
            E::NotAnExport(field) => self.pick(
                format!("{path} : ce n'est pas un export JSON de discern (champ `{field}` absent ou invalide)"),
                format!("{path}: this is not a discern JSON export (field `{field}` missing or invalid)"),
            ),
            E::TooLarge { bytes, limit } => {
                let (size, limit) = (self.megabytes(*bytes), self.megabytes(*limit));
                self.pick(
                    format!("{path} : le fichier fait {size} Mo ; discern lit un export JSON de {limit} Mo au plus (un export fait quelques dizaines de Ko) : est-ce le bon fichier ?"),
                    format!("{path}: the file is {size} MB; discern reads a JSON export of {limit} MB at most (an export is some tens of KB): is this the right file?"),
                )
            }
            E::TooDense => self.pick(
                format!("{path} : ce n'est pas un export JSON de discern (bien trop de réponses pour sa taille)"),
                format!("{path}: this is not a discern JSON export (far too many answers for its size)"),
            ),
        }
    }

    /// A size in megabytes, to a tenth where it is not whole (« 16,5 », "16.5").
    fn megabytes(self, bytes: u64) -> String {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        let whole = tenths / 10;
        match (tenths % 10, self) {
            (0, _) => whole.to_string(),
            (t, Lang::Fr) => format!("{whole},{t}"),
            (t, Lang::En) => format!("{whole}.{t}"),
        }
    }

    /// How late a trail's revisit date is: « en retard de 3 j », « à revoir
    /// aujourd'hui » (in `due` and in the library's last column).
    pub fn days_late(self, days: i64) -> String {
        match (self, days) {
            (Lang::Fr, 0) => "à revoir aujourd'hui".into(),
            (Lang::Fr, n) => format!("en retard de {n} j"),
            (Lang::En, 0) => "due today".into(),
            (Lang::En, 1) => "1 day late".into(),
            (Lang::En, n) => format!("{n} days late"),
        }
    }

    pub fn nothing_due(self) -> &'static str {
        self.pick(
            "Aucun parcours à revoir : aucune date pour y revenir n'est arrivée.",
            "Nothing to come back to: no revisit date has come.",
        )
    }

    pub fn due_how_to_follow_up(self) -> &'static str {
        self.pick(
            "Pour noter ce qui s'est passé : discern follow-up PARCOURS",
            "To note what happened: discern follow-up TRAIL",
        )
    }

    /// The library's last heading when a row shows a date to come back to.
    pub fn library_changed_or_due(self) -> &'static str {
        self.pick("Modifié/à revoir", "Changed/due")
    }

    pub fn library_due_only(self) -> &'static str {
        self.pick("à revoir", "due")
    }

    pub fn follow_ups_heading(self) -> &'static str {
        self.pick("Retour sur la décision", "Coming back to the decision")
    }

    /// The three questions of a follow-up, and the fourth about the next date.
    pub fn follow_up_happened_prompt(self) -> &'static str {
        self.pick("Que s'est-il passé depuis la décision ?", "What has happened since the decision?")
    }

    pub fn follow_up_held_prompt(self) -> &'static str {
        self.pick("La décision a-t-elle tenu ?", "Did the decision hold?")
    }

    pub fn follow_up_learned_prompt(self) -> &'static str {
        self.pick("Qu'en retenez-vous ?", "What have you learned from it?")
    }

    pub fn follow_up_revisit_prompt(self) -> &'static str {
        self.pick(
            "Quand y revenir encore ? (date, ou rien : plus de date)",
            "When to come back to it again? (a date, or nothing: no more date)",
        )
    }

    pub fn follow_up_happened_label(self) -> &'static str {
        self.pick("Ce qui s'est passé :", "What happened:")
    }

    pub fn follow_up_learned_label(self) -> &'static str {
        self.pick("Ce que vous en retenez :", "What you learned:")
    }

    /// The answer to « La décision a-t-elle tenu ? », as an option.
    pub fn held_label(self, held: crate::trail::Held) -> &'static str {
        use crate::trail::Held as H;
        match held {
            H::Yes => self.pick("Oui", "Yes"),
            H::Partly => self.pick("En partie", "Partly"),
            H::No => self.pick("Non", "No"),
            H::TooEarly => self.pick("Trop tôt pour le dire", "Too early to say"),
        }
    }

    /// The same answer as a sentence, for documents.
    pub fn held_sentence(self, held: crate::trail::Held) -> &'static str {
        use crate::trail::Held as H;
        match held {
            H::Yes => self.pick("La décision a tenu.", "The decision held."),
            H::Partly => self.pick("La décision a tenu en partie.", "The decision partly held."),
            H::No => self.pick("La décision n'a pas tenu.", "The decision did not hold."),
            H::TooEarly => self.pick(
                "Trop tôt pour dire si la décision a tenu.",
                "Too early to say whether the decision held.",
            ),
        }
    }

    pub fn follow_up_next(self, revisit: Option<chrono::NaiveDate>) -> String {
        match revisit {
            Some(d) => self.pick(
                format!("Prochain retour prévu : {}", self.date_in_words(d)),
                format!("Next time to come back to it: {}", self.date_in_words(d)),
            ),
            None => self.pick("Pas d'autre date prévue.".into(), "No further date.".into()),
        }
    }

    pub fn follow_up_held_misfit(self, line: &str) -> String {
        self.pick(
            format!("{} ne correspond à aucune réponse : tapez un numéro de 1 à 4.", self.quote(line.trim())),
            format!("{} is none of the answers: type a number from 1 to 4.", self.quote(line.trim())),
        )
    }

    pub fn follow_up_saved(self, path: &std::path::Path) -> String {
        self.pick(
            format!("Retour sur la décision enregistré dans {}", path.display()),
            format!("Follow-up saved in {}", path.display()),
        )
    }

    pub fn follow_up_nothing_saved(self) -> &'static str {
        self.pick(
            "Retour sur la décision non terminé : rien n'a été enregistré.",
            "Follow-up not finished: nothing was saved.",
        )
    }

    pub fn follow_up_title(self, trail: &str) -> String {
        self.pick(
            format!("Retour sur la décision : {trail}"),
            format!("Coming back to the decision: {trail}"),
        )
    }

    /// `save`: the key that saves.
    pub fn follow_up_held_needed(self, save: &str) -> String {
        self.pick(
            format!("Dites si la décision a tenu (ou qu'il est trop tôt pour le dire), puis {save}."),
            format!("Say whether the decision held (or that it is too early to say), then {save}."),
        )
    }

    /// `cancel`, `save`: the keys that leave and save.
    pub fn follow_up_leave_warning(self, cancel: &str, save: &str) -> String {
        self.pick(
            format!(
                "Ce retour n'est pas enregistré : {cancel} encore pour le laisser, {save} pour l'enregistrer."
            ),
            format!("This follow-up is not saved: {cancel} again to leave it, {save} to save it."),
        )
    }

    pub fn follow_up_no_date(self) -> &'static str {
        self.pick("vide : plus de date", "empty: no more date")
    }

    /// `save`, `enter`: the key that saves, and Enter.
    pub fn follow_up_help_note(self, save: &str, enter: &str) -> String {
        self.pick(
            format!("Le retour sur la décision est daté et gardé à côté des réponses, qui ne changent pas. Rien n'est enregistré avant {save} (ou {enter} dans la date). La nouvelle date remplace l'ancienne ; laissée vide, le parcours n'est plus « à revoir »."),
            format!("The follow-up is dated and kept beside the answers, which do not change. Nothing is saved before {save} (or {enter} in the date). The new date replaces the old one; left empty, the trail is no longer due."),
        )
    }

    pub fn help_follow_up(self) -> &'static str {
        self.pick("Revenir sur une décision", "Coming back to a decision")
    }

    pub fn library_follow_up_saved(self, title: &str) -> String {
        self.pick(format!("Retour sur la décision enregistré : {title}"), format!("Follow-up saved: {title}"))
    }
}
