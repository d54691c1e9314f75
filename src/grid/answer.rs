//! The value of an answer to one question.

use serde::{Deserialize, Serialize};

use super::date::DateMisfit;

/// What a worker answered to one question. `note` questions take no answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Text(String),
    /// The id of the chosen option.
    Choice(String),
    /// The text typed in a `choice` question's "other" entry.
    ChoiceOther(String),
    /// The ids of the chosen options, in the grid's order, and the text typed
    /// in the "other" entry if any.
    Multi {
        options: Vec<String>,
        other: Option<String>,
    },
    Scale(i64),
    /// Format 2: a calendar day, written `YYYY-MM-DD` in trails and exports.
    Date(chrono::NaiveDate),
}

impl Answer {
    /// An empty text or an empty selection is no answer at all: the walk
    /// stores it as a cleared answer.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) | Answer::ChoiceOther(t) => t.trim().is_empty(),
            Answer::Multi { options, other } => {
                options.is_empty() && other.as_deref().is_none_or(|o| o.trim().is_empty())
            }
            Answer::Choice(_) | Answer::Scale(_) | Answer::Date(_) => false,
        }
    }

    /// Whether the answer is, or for `multi` contains, the option `id`.
    pub fn selects(&self, id: &str) -> bool {
        match self {
            Answer::Choice(c) => c == id,
            Answer::Multi { options, .. } => options.iter().any(|o| o == id),
            _ => false,
        }
    }
}

/// A text with every line break as LF: a CR or a CRLF, from a paste, a file
/// or an older trail, is one line break.
pub fn line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Why what a person typed does not fit the question.
#[derive(Debug, PartialEq)]
pub enum Misfit {
    NotAnOption(String),
    NotANumber(String),
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// An exclusive option ("none of these") together with another answer.
    Exclusive(String),
    Date(DateMisfit),
}

#[cfg(test)]
mod tests {
    #[test]
    fn cr_and_crlf_are_line_breaks() {
        assert_eq!(super::line_breaks("a\r\nb\rc\nd"), "a\nb\nc\nd");
    }
}
