//! Reading a trail without changing it: a supervisor's review, which adds
//! dated and signed annotations beside the answers, and a trail open in
//! another window, which is only read. Nothing here changes an answer;
//! a review saves its annotations alone (see `saver`).

pub(crate) mod rows;
pub(crate) mod view;

use crate::ops::Failure;
use crate::tui::runtime::keys::{self, Hint};
use crate::tui::screens::walk::{WalkOut, WalkScreen};
use crate::walk::{At, Reach};

/// What the walkthrough may do with its trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The worker's own walk: answers change and are saved.
    Answer,
    /// A review: the answers are read, annotations added. `can_save` is
    /// false when the trail is open in another window: then nothing is
    /// written, not even an annotation.
    Review { can_save: bool },
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

    /// Open in another window: this one only reads.
    pub fn elsewhere(self) -> bool {
        matches!(self, Access::ReadOnly | Access::Review { can_save: false })
    }
}

/// A review's own state: who signs. Its boxes (the annotation, the name)
/// open in the pop-up layer, over the walkthrough.
pub struct Review {
    /// The name that signs annotations: from the config file, or given
    /// once in this session.
    pub(in crate::tui) author: Option<String>,
    /// What became of a name given in this session: saved in the config
    /// file, or kept for the session only (with the reason).
    pub(in crate::tui) author_saved: Option<Result<(), Failure>>,
}

impl WalkScreen {
    /// Makes this screen a review or a read-only walk (`Access::Answer`
    /// leaves it as it is). A review reaches the answers that conditions
    /// hide, to read and annotate them.
    pub fn set_access(&mut self, access: Access, author: Option<String>) {
        self.access = access;
        if let Access::Review { .. } = access {
            self.walk.set_reach(Reach::Kept);
            self.review = Some(Box::new(Review { author, author_saved: None }));
        }
        let step = self.walk.first_step();
        let focus = self.walk.first_question_in(step);
        self.step = step;
        self.focus = focus;
        self.enter_question();
    }

    /// `a`: which box to open over the focused answer (the name's first,
    /// when no name is known yet), or why none opens.
    pub(in crate::tui) fn annotate(&mut self) -> Option<WalkOut> {
        let lang = self.lang();
        match self.access {
            Access::Review { can_save: true } => {}
            Access::Review { can_save: false } => {
                self.notice = Some(lang.cannot_annotate_elsewhere().to_string());
                return None;
            }
            Access::Answer | Access::ReadOnly => {
                self.notice = Some(lang.read_only_notice(None));
                return None;
            }
        }
        let Some(at) = self.focus else {
            self.notice = Some(lang.annotate_needs_question(&keys::label(lang, Hint::NextQuestion)));
            return None;
        };
        let review = self.review.as_ref()?;
        Some(WalkOut::Annotate { at, name_known: review.author.is_some() })
    }

    /// The name given in the box: it signs the annotations from now on.
    pub(in crate::tui) fn set_author(&mut self, name: &str) {
        if let Some(review) = self.review.as_mut() {
            review.author = Some(name.to_string());
        }
    }

    /// An annotation written in its box, added to the trail (and saved at
    /// the next tick).
    pub(in crate::tui) fn add_annotation(&mut self, at: At, text: &str) {
        let Some(review) = self.review.as_mut() else { return };
        let author = review.author.clone().unwrap_or_default();
        // The name's fate was said in the box it concerned.
        review.author_saved = None;
        let now = (self.clock())();
        self.walk.annotate(at, &author, text, now);
        self.notice = Some(self.lang().annotation_added().to_string());
    }

    /// What became of the name given in this session.
    pub fn author_saved(&mut self, result: Result<(), Failure>) {
        if let Some(review) = self.review.as_mut() {
            review.author_saved = Some(result);
        }
    }
}

#[cfg(test)]
mod tests;
