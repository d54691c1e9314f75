//! Coming back to a decision: the revisit date of a trail, and which
//! trails are due. Pure: the caller gives today's date.

use chrono::NaiveDate;

use super::{Summary, Trail};
use crate::grid::{Answer, Kind};

impl Trail {
    /// The revisit date: the answer to a `date` question of the step that
    /// holds the grid's outcome (the shipped grids ask « Quand reviendrez-vous
    /// sur cette décision ? »). The first such answer, in the trail's order;
    /// a hidden one does not count.
    /// After a follow-up, the date it set (or none) replaces the answer.
    pub fn revisit(&self) -> Option<NaiveDate> {
        if let Some(last) = self.follow_ups.last() {
            return last.revisit;
        }
        let (step, _) = self.grid.outcome.as_deref()?.split_once('.')?;
        self.answers.iter().filter(|r| r.step == step && r.kind == Kind::Date && !r.hidden).find_map(|r| {
            match r.answer {
                Some(Answer::Date(d)) => Some(d),
                _ => None,
            }
        })
    }
}

/// A trail whose revisit date has come.
#[derive(Debug, Clone, PartialEq)]
pub struct Due<'s> {
    pub summary: &'s Summary,
    pub revisit: NaiveDate,
    /// 0 when the date is today.
    pub days_late: i64,
}

/// The trails whose revisit date is `today` or earlier, oldest date first
/// (then by title).
pub fn due<'s>(summaries: impl IntoIterator<Item = &'s Summary>, today: NaiveDate) -> Vec<Due<'s>> {
    let mut due: Vec<Due> = summaries
        .into_iter()
        .filter_map(|s| {
            let revisit = s.revisit.filter(|d| *d <= today)?;
            Some(Due { summary: s, revisit, days_late: (today - revisit).num_days() })
        })
        .collect();
    due.sort_by(|a, b| a.revisit.cmp(&b.revisit).then_with(|| a.summary.title.cmp(&b.summary.title)));
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trail::GridRef;

    fn summary(title: &str, revisit: Option<&str>) -> Summary {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap();
        Summary {
            id: title.to_lowercase(),
            title: title.into(),
            created: t,
            updated: t,
            grid: GridRef {
                id: "g".into(),
                version: "1".into(),
                language: "fr".into(),
                title: "G".into(),
                outcome: None,
                path: None,
            },
            outcome: None,
            revisit: revisit.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        }
    }

    #[test]
    fn due_lists_today_and_earlier_oldest_first_with_days_late() {
        let all = [
            summary("Future", Some("2026-12-02")),
            summary("Today", Some("2026-12-01")),
            summary("None", None),
            summary("Past", Some("2026-11-21")),
        ];
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let due: Vec<(&str, i64)> =
            due(&all, today).iter().map(|d| (d.summary.title.as_str(), d.days_late)).collect();
        assert_eq!(due, [("Past", 10), ("Today", 0)]);
    }

    #[test]
    fn the_revisit_date_is_a_date_answer_of_the_outcome_step() {
        let text = std::fs::read_to_string("sessions/2026-11-23-c8k3m2qa.toml").unwrap();
        let trail = crate::trail::from_toml(&text).unwrap();
        assert_eq!(trail.revisit(), NaiveDate::from_ymd_opt(2026, 11, 30));
        let mut other = trail.clone();
        other.grid.outcome = None;
        assert_eq!(other.revisit(), None);
    }
}
