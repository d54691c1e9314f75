//! The grid: what a worker walks through. Types, parsing with positions,
//! validation, conditions, and where grids come from.
//!
//! Everything here is pure except `library`, which reads grid files.

mod answer;
mod budget;
mod condition;
pub mod date;
pub mod library;
mod parse;
mod problem;
pub mod shape;
pub mod translation;
mod validate;

#[cfg(test)]
mod format2_tests;

pub use answer::{Answer, Misfit, line_breaks};
pub use condition::Condition;
pub use parse::parse;
pub use parse::{MAX_GRID_BYTES, parse_bytes};
pub use problem::{Expected, KEPT_PROBLEMS, Lines, Place, Pos, Problem, ProblemKind, problem_count};

/// The grid format versions this build reads.
pub const FORMATS: &[i64] = &[1, 2];

/// A grid, as read from a valid file.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub meta: GridMeta,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct GridMeta {
    pub id: String,
    pub version: String,
    pub language: String,
    pub title: String,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub authors: Vec<String>,
    pub license: Option<String>,
    /// Full name (`step.question`) of the question that sums a trail up.
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub guidance: Option<String>,
    pub when: Option<Condition>,
    pub questions: Vec<Question>,
    pub references: Vec<Reference>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub hint: Option<String>,
    pub required: bool,
    pub when: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    Text,
    Choice {
        options: Vec<GridOption>,
        other: bool,
    },
    Multi {
        options: Vec<GridOption>,
        other: bool,
    },
    Scale(Scale),
    Note,
    /// Format 2: a calendar day.
    Date(DateBounds),
}

/// The bounds of a `date` question, in days from the day it is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateBounds {
    pub min_days: Option<i64>,
    pub max_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
}

/// One entry of a `choice` or `multi` question.
#[derive(Debug, Clone, PartialEq)]
pub struct GridOption {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    /// Format 2, `multi` only: excludes every other answer ("none of these").
    pub exclusive: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub label: String,
    pub text: Option<String>,
    pub url: Option<String>,
}

/// The kind of a question as a plain word, as written in grid files and trails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Text,
    Choice,
    Multi,
    Scale,
    Note,
    Date,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Choice => "choice",
            Kind::Multi => "multi",
            Kind::Scale => "scale",
            Kind::Note => "note",
            Kind::Date => "date",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "text" => Kind::Text,
            "choice" => Kind::Choice,
            "multi" => Kind::Multi,
            "scale" => Kind::Scale,
            "note" => Kind::Note,
            "date" => Kind::Date,
            _ => return None,
        })
    }
}

impl QuestionKind {
    pub fn kind(&self) -> Kind {
        match self {
            QuestionKind::Text => Kind::Text,
            QuestionKind::Choice { .. } => Kind::Choice,
            QuestionKind::Multi { .. } => Kind::Multi,
            QuestionKind::Scale(_) => Kind::Scale,
            QuestionKind::Note => Kind::Note,
            QuestionKind::Date(_) => Kind::Date,
        }
    }

    /// The options of a `choice` or `multi` question; empty for the others.
    pub fn options(&self) -> &[GridOption] {
        match self {
            QuestionKind::Choice { options, .. } | QuestionKind::Multi { options, .. } => options,
            _ => &[],
        }
    }

    pub fn has_other(&self) -> bool {
        matches!(self, QuestionKind::Choice { other: true, .. } | QuestionKind::Multi { other: true, .. })
    }
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&GridOption> {
        self.kind.options().iter().find(|o| o.id == id)
    }
}

impl Grid {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The question named `step.question`, with its step.
    pub fn question(&self, full_name: &str) -> Option<(&Step, &Question)> {
        let (step_id, question_id) = full_name.split_once('.')?;
        let step = self.step(step_id)?;
        let question = step.questions.iter().find(|q| q.id == question_id)?;
        Some((step, question))
    }

    pub fn question_count(&self) -> usize {
        self.steps.iter().map(|s| s.questions.len()).sum()
    }
}

/// `[a-z0-9][a-z0-9-]*`: the pattern of a grid id.
pub fn is_grid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `[a-z0-9_-]+`: the pattern of step, question and option ids.
/// An option id: any text that is not empty and does not start or end with
/// a space (the plain walk trims what is typed).
pub fn is_option_id(id: &str) -> bool {
    !id.is_empty() && id.trim() == id
}

pub fn is_item_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_ids_follow_their_pattern() {
        assert!(is_grid_id("delor-secret"));
        assert!(is_grid_id("0a"));
        assert!(!is_grid_id("-a"));
        assert!(!is_grid_id("a_b"));
        assert!(!is_grid_id("Delor"));
        assert!(!is_grid_id(""));
    }

    #[test]
    fn item_ids_follow_their_pattern() {
        assert!(is_item_id("a_b-1"));
        assert!(is_item_id("_"));
        assert!(!is_item_id(""));
        assert!(!is_item_id("a.b"));
        assert!(!is_item_id("é"));
    }
}
