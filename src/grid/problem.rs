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
    /// The text of the file at `range` (empty when out of it).
    pub fn text(&self, range: std::ops::Range<usize>) -> &'s str {
        self.src.get(range).unwrap_or("")
    }

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

/// At most this many problems of a grid are kept, the first in the file;
/// the others are counted in one last `ProblemKind::More`.
pub const KEPT_PROBLEMS: usize = 200;

/// Adds a problem found, keeping the memory bounded: past twice the
/// problems kept, the last in the file are counted instead.
pub(super) fn push_capped(problems: &mut Vec<Problem>, problem: Problem) {
    problems.push(problem);
    if problems.len() > 2 * KEPT_PROBLEMS {
        cap(problems);
    }
}

/// Sorts the problems by position and keeps the first `KEPT_PROBLEMS`,
/// then one `ProblemKind::More` counting the others (at the first of them).
pub(super) fn cap(problems: &mut Vec<Problem>) {
    let mut more = 0;
    let mut first: Option<Pos> = None;
    let mut note = |count: usize, pos: Pos| {
        more += count;
        first = Some(first.map_or(pos, |f| f.min(pos)));
    };
    problems.retain(|p| match p.kind {
        ProblemKind::More { count } => {
            note(count, p.pos);
            false
        }
        _ => true,
    });
    problems.sort_by_key(|p| p.pos);
    if problems.len() > KEPT_PROBLEMS {
        let dropped = problems.split_off(KEPT_PROBLEMS);
        note(dropped.len(), dropped[0].pos);
    }
    if let Some(pos) = first {
        problems.push(Problem { pos, place: Place::File, kind: ProblemKind::More { count: more } });
    }
}

/// How many problems a grid has, those only counted included.
pub fn problem_count(problems: &[Problem]) -> usize {
    problems.iter().map(|p| if let ProblemKind::More { count } = p.kind { count } else { 1 }).sum()
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
    /// The problems past the first `KEPT_PROBLEMS` in the file: counted,
    /// not kept (a small file can hold tens of thousands).
    More {
        count: usize,
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
    /// An option id that is blank or has spaces at its ends.
    BadOptionId(String),
    DuplicateId(String),
    /// A kind no format has; `date` is named among those of format 2 files.
    UnknownKind {
        kind: String,
        date: bool,
    },
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
    /// `any_of = []`: no option to test.
    ConditionNoOption,
    /// Something only format 2 has, in a file that declares format 1.
    NeedsFormat2(String),
    /// `exclusive` outside the options of a `multi` question.
    ExclusiveNotHere,
    /// A date question whose `min_days` is after its `max_days`.
    DateBounds {
        min: i64,
        max: i64,
    },
    /// A `min_days` or `max_days` further than `MAX_DATE_BOUND` days away.
    DateBoundFar {
        key: &'static str,
        days: i64,
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

    fn unknown_key(line: usize) -> Problem {
        let kind = ProblemKind::UnknownKey { key: format!("k{line}"), suggestion: None };
        Problem { pos: Pos { line, column: 1 }, place: Place::Grid, kind }
    }

    #[test]
    fn the_first_problems_in_the_file_are_kept_and_the_others_counted() {
        let mut problems = Vec::new();
        // Found out of order: the last lines first.
        for line in (1..=10_000).rev() {
            push_capped(&mut problems, unknown_key(line));
            assert!(problems.len() <= 2 * KEPT_PROBLEMS + 1);
        }
        cap(&mut problems);
        assert_eq!(problems.len(), KEPT_PROBLEMS + 1);
        assert_eq!(problems[0], unknown_key(1));
        assert_eq!(problems[KEPT_PROBLEMS - 1], unknown_key(KEPT_PROBLEMS));
        let more = &problems[KEPT_PROBLEMS];
        assert_eq!(more.kind, ProblemKind::More { count: 10_000 - KEPT_PROBLEMS });
        assert_eq!(more.pos, Pos { line: KEPT_PROBLEMS + 1, column: 1 });
        assert_eq!(problem_count(&problems), 10_000);
        // A few problems are all kept, with no count.
        let mut few = vec![unknown_key(3), unknown_key(1)];
        cap(&mut few);
        assert_eq!(few, [unknown_key(1), unknown_key(3)]);
    }

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
