//! The trail: a worker's private record of one walk through a grid.
//!
//! A trail carries the text of every prompt it answered and the labels of
//! the options, so that it can be read, exported and compared after its grid
//! has changed or disappeared.

pub mod asof;
mod file;
mod follow_up;
pub mod import;
pub mod lint;
pub mod revisit;
pub mod store;
mod unknown;

use chrono::{DateTime, FixedOffset};

use crate::grid::{Answer, Kind};

pub use file::{Damage, LoadError, ValueKind, from_toml, to_toml};
pub use follow_up::{FollowUp, Held, next_date};
pub use unknown::Unknown;

/// The trail format versions this build reads.
pub const FORMATS: &[i64] = &[1];

pub type Time = DateTime<FixedOffset>;

/// Now, in local time with its offset, to the second.
pub fn now() -> Time {
    let now = chrono::Local::now().fixed_offset();
    now - chrono::Duration::nanoseconds(i64::from(chrono::Timelike::nanosecond(&now)))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trail {
    pub id: String,
    pub title: String,
    pub created: Time,
    pub updated: Time,
    pub grid: GridRef,
    /// In the order they were first given.
    pub answers: Vec<AnswerRecord>,
    pub annotations: Vec<Annotation>,
    /// Where the worker stopped (`step` or `step.question`), so that a
    /// reopened trail opens there.
    pub place: Option<String>,
    /// Coming back to the decision later, oldest first: beside the answers.
    pub follow_ups: Vec<FollowUp>,
}

/// What lists show of a trail, without its answers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub created: Time,
    pub updated: Time,
    pub grid: GridRef,
    /// The label of the outcome answer.
    pub outcome: Option<String>,
    /// When the worker means to come back to the decision (see `revisit`).
    #[serde(default)]
    pub revisit: Option<chrono::NaiveDate>,
}

/// Which grid a trail was made with: the one encoding of the trail file's
/// `[grid]` table and of the index's summaries. Exports and `list --json`
/// show it through [`GridRef::shown`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GridRef {
    pub id: String,
    pub version: String,
    pub language: String,
    pub title: String,
    /// The grid's `outcome` question, so that lists can show it without the grid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The grid file, when the trail was started from a path rather than an id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The grid as a trail's JSON export and `list --json` show it: neither the
/// grid file's path (it may name the user's folders) nor the outcome
/// question, which the export gives answered.
#[derive(Debug, serde::Serialize)]
pub struct GridShown<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub language: &'a str,
    pub title: &'a str,
}

impl GridRef {
    pub fn shown(&self) -> GridShown<'_> {
        GridShown { id: &self.id, version: &self.version, language: &self.language, title: &self.title }
    }
}

/// Everything said about one question.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRecord {
    pub step: String,
    pub question: String,
    pub step_title: String,
    pub kind: Kind,
    pub prompt: String,
    /// For choice and multi: the options as they were, (id, label).
    pub options: Vec<(String, String)>,
    /// The current answer; `None` once cleared.
    pub answer: Option<Answer>,
    /// When the current answer was given (or cleared).
    pub at: Time,
    /// Hidden by a condition when last saved: kept, never deleted.
    pub hidden: bool,
    /// Earlier answers, oldest first.
    pub history: Vec<Revision>,
}

/// An earlier answer and the time it was replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub at: Time,
    pub answer: Option<Answer>,
    /// When that earlier answer had been given (absent from trails written
    /// before it was recorded).
    pub given: Option<Time>,
}

/// A supervisor's note on one answer, kept apart from the worker's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub at: Time,
    pub author: String,
    pub step: String,
    pub question: String,
    pub text: String,
}

impl AnswerRecord {
    pub fn full_name(&self) -> String {
        format!("{}.{}", self.step, self.question)
    }

    pub fn label_of(&self, option: &str) -> String {
        self.options
            .iter()
            .find(|(id, _)| id == option)
            .map_or_else(|| option.to_string(), |(_, l)| l.clone())
    }

    /// The labels of the chosen options (and the "other" text), for choice and multi.
    pub fn labels(&self, answer: &Answer) -> Vec<String> {
        match answer {
            Answer::Choice(id) => vec![self.label_of(id)],
            Answer::ChoiceOther(text) => vec![text.clone()],
            Answer::Multi { options, other } => {
                options.iter().map(|o| self.label_of(o)).chain(other.iter().cloned()).collect()
            }
            Answer::Text(_) | Answer::Scale(_) | Answer::Date(_) => Vec::new(),
        }
    }

    /// The answer in words, on one line: labels joined, text as typed.
    pub fn answer_in_words(&self, answer: &Answer) -> String {
        match answer {
            Answer::Text(t) => t.clone(),
            Answer::Scale(n) => n.to_string(),
            Answer::Date(d) => d.format("%Y-%m-%d").to_string(),
            _ => self.labels(answer).join(", "),
        }
    }
}

impl Trail {
    /// Every record by (step, question): for reading many answers, where
    /// `record` one at a time would make the work grow with the square of
    /// their number. The first record wins, as with `record`.
    pub fn records(&self) -> std::collections::HashMap<(&str, &str), &AnswerRecord> {
        let mut map = std::collections::HashMap::with_capacity(self.answers.len());
        for r in &self.answers {
            map.entry((r.step.as_str(), r.question.as_str())).or_insert(r);
        }
        map
    }

    pub fn record(&self, step: &str, question: &str) -> Option<&AnswerRecord> {
        self.answers.iter().find(|r| r.step == step && r.question == question)
    }

    pub fn record_mut(&mut self, step: &str, question: &str) -> Option<&mut AnswerRecord> {
        self.answers.iter_mut().find(|r| r.step == step && r.question == question)
    }

    pub fn summary(&self) -> Summary {
        Summary {
            id: self.id.clone(),
            title: self.title.clone(),
            created: self.created,
            updated: self.updated,
            grid: self.grid.clone(),
            outcome: self.outcome_label(),
            revisit: self.revisit(),
        }
    }

    /// The label of the outcome answer, for lists.
    pub fn outcome_label(&self) -> Option<String> {
        let (step, question) = self.grid.outcome.as_deref()?.split_once('.')?;
        // Hidden by a condition, it counts as unanswered (GRID-FORMAT.md).
        let record = self.record(step, question).filter(|r| !r.hidden)?;
        let answer = record.answer.as_ref()?;
        let words = record.answer_in_words(answer);
        let first_line = words.lines().next().unwrap_or("").trim().to_string();
        (!first_line.is_empty()).then_some(first_line)
    }

    /// A new, empty trail for `grid`.
    pub fn start(grid: &crate::grid::Grid, title: &str, id: String, now: Time) -> Trail {
        let m = &grid.meta;
        Trail {
            id,
            title: title.trim().to_string(),
            created: now,
            updated: now,
            grid: GridRef {
                id: m.id.clone(),
                version: m.version.clone(),
                language: m.language.clone(),
                title: m.title.clone(),
                outcome: m.outcome.clone(),
                path: None,
            },
            answers: Vec::new(),
            annotations: Vec::new(),
            place: None,
            follow_ups: Vec::new(),
        }
    }
}

/// A fresh trail id: eight lowercase letters and digits, from the standard
/// library's per-process random hash keys mixed with the time (no crate needed
/// for an id that only has to be unique on one machine).
pub fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    let mut n = hasher.finish();
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    (0..8)
        .map(|_| {
            let c = ALPHABET[(n % 32) as usize] as char;
            n /= 32;
            c
        })
        .collect()
}

/// Text made ready for a search that ignores case, accents and ligatures
/// (« college » finds « Collège », « oe » finds « œ »), with every run of
/// white space as one space.
pub fn search_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(fold_accent).flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// The words of a trail's current answers (texts, chosen labels, "other"
/// texts), folded for search; answers are kept apart by a character no
/// search holds, so that no match spans two answers.
pub fn answer_words(trail: &Trail) -> String {
    trail
        .answers
        .iter()
        .filter_map(|r| r.answer.as_ref().map(|a| search_fold(&r.answer_in_words(a))))
        .collect::<Vec<_>>()
        .join("\u{0}")
}

fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ÿ' | 'Ÿ' => 'y',
        'ñ' | 'Ñ' => 'n',
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        other => other,
    };
    vec![folded]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_folding_ignores_case_accents_ligatures_and_line_breaks() {
        assert_eq!(search_fold("Le  Collège\nde L'ŒUVRE"), "le college de l'oeuvre");
        assert!(search_fold("Un cœur").contains(&search_fold("coeur")));
    }

    #[test]
    fn ids_are_eight_safe_characters_and_differ() {
        let a = new_id();
        assert_eq!(a.len(), 8);
        assert!(a.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        assert_ne!(a, new_id());
    }
}
