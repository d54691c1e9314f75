//! What a window may do with the trail it shows: answer, review (adding
//! annotations), read it as it stood at a past moment, or only read it
//! because another window holds it.

use crate::trail::asof::Moment;

/// What the walkthrough may do with its trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The worker's own walk: answers change and are saved.
    Answer,
    /// A review: the answers are read, annotations added. `can_save` is
    /// false when the trail is open in another window: then nothing is
    /// written, not even an annotation.
    Review { can_save: bool },
    /// A review of the trail as it stood at a past moment (`TRAIL@WHEN`):
    /// read as a review is, with the history, and never written; a past
    /// version takes no annotation.
    Past(Moment),
    /// Open in another window: read only, nothing written.
    ReadOnly,
}

impl Access {
    /// Whether keys may change the answers.
    pub fn answers(self) -> bool {
        self == Access::Answer
    }

    /// Whether this window may write the trail's file at all.
    pub fn writes(self) -> bool {
        matches!(self, Access::Answer | Access::Review { can_save: true })
    }

    /// A review, of the trail as it is or as it stood: the history of each
    /// answer is shown, and the answers a condition hides.
    pub fn reviews(self) -> bool {
        matches!(self, Access::Review { .. } | Access::Past(_))
    }

    /// Open in another window: this one only reads.
    pub fn elsewhere(self) -> bool {
        matches!(self, Access::ReadOnly | Access::Review { can_save: false })
    }
}
