//! Reading a trail without changing it: a supervisor's review, which adds
//! dated and signed annotations beside the answers, and a trail open in
//! another window, which is only read. Nothing here changes an answer;
//! a review saves its annotations alone (see `saver`).

pub(crate) mod view;

use ratatui_textarea::TextArea;

use crate::lang::Lang;
use crate::ops::Failure;
use crate::tui::access::Access;
use crate::tui::editor;
use crate::tui::keys::{self, Hint};
use crate::tui::screens::walk::{Review, WalkOut, WalkScreen};
use crate::tui::theme::Palette;
use crate::walk::{At, Reach};

/// An annotation being written.
pub struct Draft {
    pub(in crate::tui) at: At,
    pub(in crate::tui) editor: TextArea<'static>,
    /// A privacy warning about what is typed.
    pub(in crate::tui) privacy: Option<String>,
    /// Enter was pressed on an empty annotation.
    pub(in crate::tui) empty: bool,
}

impl Draft {
    pub(in crate::tui) fn new(at: At, lang: Lang, palette: &Palette) -> Draft {
        Draft {
            at,
            editor: editor::text("", lang.annotation_placeholder(), palette),
            privacy: None,
            empty: false,
        }
    }

    pub(in crate::tui) fn text(&self) -> String {
        self.editor.lines().join("\n").trim().to_string()
    }
}

impl WalkScreen {
    /// Makes this screen a review or a read-only walk (`Access::Answer`
    /// leaves it as it is). A review reaches the answers that conditions
    /// hide, to read and annotate them.
    pub fn set_access(&mut self, access: Access, author: Option<String>) {
        self.access = access;
        if access.reviews() {
            self.walk.set_reach(Reach::Kept);
            self.review = Some(Box::new(Review { author, author_saved: None }));
        }
        let step = self.walk.first_step();
        let focus = self.walk.first_question_in(step);
        self.pane = super::walk::Pane::Questions;
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
            Access::Past(_) => {
                self.notice = Some(lang.cannot_annotate_the_past(&self.walk.trail.id));
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
