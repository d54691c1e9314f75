//! Follow-ups: coming back to a decision after the fact. Each entry is
//! dated and kept in the trail beside the answers, never inside them; it may
//! set the next revisit date (or none).

use chrono::NaiveDate;

use crate::grid::DateBounds;
use crate::grid::date::{self, DateMisfit, DateStyle};

use super::Time;

/// Whether the decision held, as the worker sees it at the follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Held {
    Yes,
    Partly,
    No,
    TooEarly,
}

impl Held {
    pub const ALL: [Held; 4] = [Held::Yes, Held::Partly, Held::No, Held::TooEarly];

    /// As in files and in the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            Held::Yes => "yes",
            Held::Partly => "partly",
            Held::No => "no",
            Held::TooEarly => "too_early",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub at: Time,
    /// What happened since the decision.
    pub happened: String,
    pub held: Held,
    /// What the worker learned.
    pub learned: String,
    /// The next revisit date set at this follow-up; `None`: no more.
    pub revisit: Option<NaiveDate>,
}

impl FollowUp {
    /// Texts trimmed of the blank lines around them.
    pub fn new(at: Time, happened: &str, held: Held, learned: &str, revisit: Option<NaiveDate>) -> FollowUp {
        FollowUp {
            at,
            happened: happened.trim().to_string(),
            held,
            learned: learned.trim().to_string(),
            revisit,
        }
    }
}

impl super::Trail {
    /// Adds a follow-up at the end (entries stay in the order they were made).
    pub fn add_follow_up(&mut self, entry: FollowUp) {
        self.updated = self.updated.max(entry.at);
        self.follow_ups.push(entry);
    }
}

/// The next date of a follow-up as typed: an empty line is no date; else a
/// day from tomorrow on.
pub fn next_date(line: &str, today: NaiveDate, style: DateStyle) -> Result<Option<NaiveDate>, DateMisfit> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let from_tomorrow = DateBounds { min_days: Some(1), max_days: None };
    date::answer(line, &from_tomorrow, today, style).map(Some)
}
