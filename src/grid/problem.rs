//! What can be wrong with a grid file, as data. `text` words it in the
//! user's language; keeping the data apart lets tests assert on it exactly.

use super::Kind;

/// A position in a file, both 1-based; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    /// The position of byte `offset` in `src`.
    pub fn at(src: &str, offset: usize) -> Pos {
        let offset = offset.min(src.len());
        let before = src.get(..offset).unwrap_or(src);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }
}

/// Where in the grid a problem is, by ids (or by rank where an id is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    File,
    Grid,
    Step(String),
    Question(String, String),
    Option(String, String, String),
    Reference(String, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub pos: Pos,
    pub place: Place,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    Unreadable(String),
    NotUtf8,
    Empty,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Syntax(String),
    UnsupportedFormat(String),
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    /// A key that exists in the format but means nothing for this kind of question.
    KeyNotForKind {
        key: String,
        kind: Kind,
    },
    MissingKey(String),
    WrongType {
        key: String,
        expected: Expected,
    },
    BadGridId(String),
    BadId(String),
    DuplicateId(String),
    UnknownKind(String),
    TooFewOptions,
    ScaleBounds {
        min: i64,
        max: i64,
    },
    ScaleTooWide {
        min: i64,
        max: i64,
    },
    NoSteps,
    BadQuestionName(String),
    UnknownQuestion(String),
    LaterQuestion(String),
    OutcomeKind {
        question: String,
        kind: Kind,
    },
    ConditionKind {
        question: String,
        kind: Kind,
        test: &'static str,
    },
    UnknownOption {
        question: String,
        option: String,
    },
    ConditionForm,
    ConditionEmptyList(&'static str),
    /// Something only format 2 has, in a file that declares format 1.
    NeedsFormat2(String),
    /// `exclusive` outside the options of a `multi` question.
    ExclusiveNotHere,
    /// A date question whose `min_days` is after its `max_days`.
    DateBounds {
        min: i64,
        max: i64,
    },
}

/// The type a key should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Integer,
    Boolean,
    Table,
    ArrayOfTables,
    ArrayOfStrings,
    Condition,
    ConditionList,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let src = "a = 1\nété = 2\n";
        assert_eq!(Pos::at(src, 0), Pos { line: 1, column: 1 });
        assert_eq!(Pos::at(src, 6), Pos { line: 2, column: 1 });
        // "été" is 5 bytes and 3 characters.
        assert_eq!(Pos::at(src, 12), Pos { line: 2, column: 5 });
        assert_eq!(Pos::at(src, 999), Pos { line: 3, column: 1 });
    }
}
