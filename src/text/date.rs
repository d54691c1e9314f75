//! Dates in words, and what to say about a date that was not taken.

use chrono::{Datelike, NaiveDate};

use super::Lang;
use crate::grid::date::{DateMisfit, DateStyle};

const JOURS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// How this language's people type a date by hand.
    pub fn date_style(self) -> DateStyle {
        self.pick(DateStyle::DayFirst, DateStyle::Iso)
    }

    /// « mardi 15 décembre 2026 », "Tuesday 15 December 2026".
    pub fn date_in_words(self, date: NaiveDate) -> String {
        let weekday = date.weekday().num_days_from_monday() as usize;
        let month = date.month0() as usize;
        match self {
            // The first of the month is written « 1er » in French.
            Lang::Fr => {
                let day = if date.day() == 1 { "1er".to_string() } else { date.day().to_string() };
                format!("{} {day} {} {}", JOURS[weekday], MOIS[month], date.year())
            }
            Lang::En => format!("{} {} {} {}", DAYS[weekday], date.day(), MONTHS[month], date.year()),
        }
    }

    /// An answer on one line as a person reads it: a date in words, the
    /// rest as the trail words it.
    pub fn answer_words(self, record: &crate::trail::AnswerRecord, answer: &crate::grid::Answer) -> String {
        match answer {
            crate::grid::Answer::Date(d) => self.date_in_words(*d),
            _ => record.answer_in_words(answer),
        }
    }

    /// A date as people of this language type it: « 15/12/2026 », `2026-12-15`.
    pub fn date_typed(self, date: NaiveDate) -> String {
        date.format(self.pick("%d/%m/%Y", "%Y-%m-%d")).to_string()
    }

    /// How to type a date, as a hint under a date question.
    pub fn date_how(self) -> &'static str {
        self.pick(
            "Tapez une date : 15/12/2026, 15/12 (cette année) ou +7 (dans sept jours).",
            "Type a date: 2026-12-15, or +7 (in seven days).",
        )
    }

    /// The day a date answer was taken as, so that `+7` is seen for what it is.
    pub fn plain_date_taken(self, date: NaiveDate) -> String {
        self.pick(
            format!("Date notée : {}.", self.date_in_words(date)),
            format!("Date taken: {}.", self.date_in_words(date)),
        )
    }

    /// Where a printed handout leaves room for a date.
    pub fn handout_date_blank(self) -> &'static str {
        self.pick("Date : …… / …… / ………", "Date: ……… - …… - ……")
    }

    /// A date question's bounds on a printed handout, counted from the day
    /// of the answer: « Au plus tôt le jour de la réponse, au plus tard
    /// 30 jours après. »; `None` without bounds.
    pub fn handout_date_bounds(self, min_days: Option<i64>, max_days: Option<i64>) -> Option<String> {
        let day = |d: i64| -> String {
            let n = d.unsigned_abs();
            let s = if n > 1 { "s" } else { "" };
            match d.signum() {
                0 => self.pick("le jour de la réponse", "the day of the answer").to_string(),
                1 => {
                    self.pick(format!("{n} jour{s} après la réponse"), format!("{n} day{s} after the answer"))
                }
                _ => self
                    .pick(format!("{n} jour{s} avant la réponse"), format!("{n} day{s} before the answer")),
            }
        };
        let earliest = min_days
            .map(|d| self.pick(format!("au plus tôt {}", day(d)), format!("no earlier than {}", day(d))));
        let latest = max_days
            .map(|d| self.pick(format!("au plus tard {}", day(d)), format!("no later than {}", day(d))));
        let words = match (earliest, latest) {
            (Some(e), Some(l)) => format!("{e}, {l}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => return None,
        };
        let mut chars = words.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
        Some(format!("{first}{}.", chars.as_str()))
    }

    pub fn date_placeholder(self) -> &'static str {
        self.pick("jj/mm/aaaa", "yyyy-mm-dd")
    }

    /// Beside an empty date field.
    pub fn date_short_how(self) -> &'static str {
        self.pick("15/12/2026, 15/12 ou +7", "2026-12-15, or +7")
    }

    /// Beside a date field whose text is not taken: short, on one row.
    pub fn date_misfit_short(self, m: &DateMisfit) -> String {
        match m {
            DateMisfit::NotADate(_) => self.pick(
                format!("pas une date ({})", self.date_short_how()),
                format!("not a date ({})", self.date_short_how()),
            ),
            DateMisfit::NoSuchDay(_) => self.pick("ce jour n'existe pas".into(), "no such day".into()),
            DateMisfit::TooEarly(d) => self.pick(
                format!("trop tôt : dès le {}", self.date_typed(*d)),
                format!("too early: from {}", self.date_typed(*d)),
            ),
            DateMisfit::TooLate(d) => self.pick(
                format!("trop loin : jusqu'au {}", self.date_typed(*d)),
                format!("too late: until {}", self.date_typed(*d)),
            ),
        }
    }

    pub fn date_misfit(self, m: &DateMisfit) -> String {
        match m {
            DateMisfit::NotADate(s) => self.pick(
                format!("{} n'est pas une date. {}", self.quote(s), self.date_how()),
                format!("{} is not a date. {}", self.quote(s), self.date_how()),
            ),
            DateMisfit::NoSuchDay(s) => self.pick(
                format!("Le {} n'existe pas dans le calendrier : vérifiez le jour et le mois.", s),
                format!("There is no such day as {} in the calendar: check the day and the month.", s),
            ),
            DateMisfit::TooEarly(earliest) => self.pick(
                format!(
                    "Cette date est trop tôt : choisissez le {} ou après.",
                    self.date_in_words(*earliest)
                ),
                format!("This date is too early: choose {} or later.", self.date_in_words(*earliest)),
            ),
            DateMisfit::TooLate(latest) => self.pick(
                format!(
                    "Cette date est trop loin : choisissez le {} au plus tard.",
                    self.date_in_words(*latest)
                ),
                format!("This date is too far ahead: choose {} at the latest.", self.date_in_words(*latest)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_words_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 15).expect("a real day");
        assert_eq!(Lang::Fr.date_in_words(day), "mardi 15 décembre 2026");
        assert_eq!(Lang::En.date_in_words(day), "Tuesday 15 December 2026");
        let first = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a real day");
        assert_eq!(Lang::Fr.date_in_words(first), "vendredi 1er janvier 2027");
        assert_eq!(Lang::En.date_in_words(first), "Friday 1 January 2027");
    }

    #[test]
    fn a_date_answer_reads_in_words_and_others_as_the_trail_words_them() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").expect("a valid time");
        let record = crate::trail::AnswerRecord {
            step: "s".into(),
            question: "q".into(),
            step_title: "S".into(),
            kind: crate::grid::Kind::Choice,
            prompt: "?".into(),
            options: vec![("yes".into(), "Oui".into())],
            answer: None,
            at: t,
            hidden: false,
            history: Vec::new(),
        };
        let day = NaiveDate::from_ymd_opt(2026, 12, 15).expect("a real day");
        assert_eq!(Lang::Fr.answer_words(&record, &crate::grid::Answer::Date(day)), "mardi 15 décembre 2026");
        assert_eq!(Lang::Fr.answer_words(&record, &crate::grid::Answer::Choice("yes".into())), "Oui");
    }
}
