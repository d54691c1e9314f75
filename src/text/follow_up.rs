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
}
