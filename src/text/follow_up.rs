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
        }
    }

    /// « aujourd'hui », « 3 jours de retard »
    pub fn days_late(self, days: i64) -> String {
        match (self, days) {
            (Lang::Fr, 0) => "aujourd'hui".into(),
            (Lang::Fr, 1) => "1 jour de retard".into(),
            (Lang::Fr, n) => format!("{n} jours de retard"),
            (Lang::En, 0) => "today".into(),
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

    /// The library's last column for a trail whose revisit date has come
    /// (at most 16 columns).
    pub fn library_due_mark(self, days: i64) -> String {
        match (self, days) {
            (Lang::Fr, 0) => "à revoir".into(),
            (Lang::Fr, n) => format!("à revoir (+{n} j)"),
            (Lang::En, 0) => "due today".into(),
            (Lang::En, n) => format!("due (+{n} d)"),
        }
    }

    pub fn library_due_only(self) -> &'static str {
        self.pick("à revoir", "due")
    }
}
