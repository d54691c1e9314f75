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
    /// The position of byte `offset` in `src`. Scans `src` once: to place
    /// many offsets in one text, build a [`Lines`] once instead.
    pub fn at(src: &str, offset: usize) -> Pos {
        Lines::new(src).pos(offset)
    }
}

/// Where each line of a text starts, and how many characters come before
/// every few kilobytes, so that placing an offset costs a binary search and
/// a short count instead of a scan from byte 0: a grid with 100,000 problems
/// is reported in linear time, even when it is all on one line.
pub struct Lines<'s> {
    src: &'s str,
    starts: Vec<usize>,
    /// `chars[k]`: characters in `src[..k * CHUNK]`.
    chars: Vec<usize>,
}

const CHUNK: usize = 4096;

impl<'s> Lines<'s> {
    pub fn new(src: &'s str) -> Lines<'s> {
        let bytes = src.as_bytes();
        let mut starts = vec![0];
        starts.extend(bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1));
        let mut chars = Vec::with_capacity(bytes.len() / CHUNK + 1);
        let mut count = 0;
        chars.push(0);
        for chunk in bytes.chunks(CHUNK) {
            count += count_chars(chunk);
            chars.push(count);
        }
        Lines { src, starts, chars }
    }

    /// The position of byte `offset` (clamped to the end of the text).
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        // A short way into its line, counting there is cheapest.
        let column = if offset - start <= CHUNK {
            count_chars(&self.src.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        Pos { line, column: column + 1 }
    }

    fn chars_before(&self, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        self.chars[chunk] + count_chars(&self.src.as_bytes()[chunk * CHUNK..offset])
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| !is_continuation(**b)).count()
}

/// A byte inside a UTF-8 character, not at its start.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
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
    Unreadable(std::io::ErrorKind),
    /// A FIFO, a device or a folder: only a regular file is read as a grid.
    NotAFile,
    NotUtf8,
    Empty,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// Far more keys, values and tables than any grid holds.
    TooManyItems {
        limit: usize,
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

    #[test]
    fn positions_far_into_a_long_line_count_characters_across_chunks() {
        let src = format!("x\n{}{}", "é".repeat(5000), "a = 1");
        let lines = Lines::new(&src);
        let offset = src.find("a =").expect("the key is there");
        assert_eq!(lines.pos(offset), Pos { line: 2, column: 5001 });
        for at in [0, 1, 2, 3, 4097, 9000, src.len()].into_iter().filter(|&at| src.is_char_boundary(at)) {
            let before = &src[..at];
            let expected = Pos {
                line: before.matches('\n').count() + 1,
                column: before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1,
            };
            assert_eq!(lines.pos(at), expected, "offset {at}");
        }
    }
}
