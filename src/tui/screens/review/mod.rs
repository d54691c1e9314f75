//! Reading a trail without changing it: a supervisor's review, which adds
//! dated and signed annotations beside the answers, and a trail open in
//! another window, which is only read. Nothing here changes an answer;
//! a review saves its annotations alone (see `saver`).

pub(crate) mod rows;
pub(crate) mod view;

use ratatui_textarea::{Input, TextArea};

use crate::tui::editor;
use crate::tui::runtime::keys::WalkKeys;
use crate::tui::screens::walk::WalkScreen;
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

/// A review's own state: who signs, and the box that is open.
pub struct Review {
    /// The name that signs annotations: from the config file, or given
    /// once in this session.
    pub(in crate::tui) author: Option<String>,
    pub(in crate::tui) open: Option<ReviewBox>,
    /// What became of a name given in this session: saved in the config
    /// file, or kept for the session only (with the reason).
    pub(in crate::tui) author_saved: Option<Result<(), String>>,
}

/// The box over a review.
pub enum ReviewBox {
    /// The author's name, asked for before the first annotation.
    Author {
        editor: TextArea<'static>,
        empty: bool,
    },
    Annotation(Draft),
}

/// An annotation being written.
pub struct Draft {
    pub(in crate::tui) at: At,
    pub(in crate::tui) editor: TextArea<'static>,
    /// A privacy warning about what is typed.
    pub(in crate::tui) privacy: Option<String>,
    /// Enter was pressed on an empty annotation.
    pub(in crate::tui) empty: bool,
}

/// What a review asks of the program.
pub enum ReviewOut {
    /// A name was given: keep it in the config file.
    Author(String),
}

impl WalkScreen {
    /// Makes this screen a review or a read-only walk (`Access::Answer`
    /// leaves it as it is). A review reaches the answers that conditions
    /// hide, to read and annotate them.
    pub fn set_access(&mut self, access: Access, author: Option<String>) {
        self.access = access;
        if let Access::Review { .. } = access {
            self.walk.set_reach(Reach::Kept);
            self.review = Some(Box::new(Review { author, open: None, author_saved: None }));
        }
        let step = self.walk.first_step();
        let focus = self.walk.first_question_in(step);
        self.step = step;
        self.focus = focus;
        self.enter_question();
    }

    /// Where the keys go when a box of the review is open.
    pub(in crate::tui) fn review_keys(&self) -> Option<WalkKeys> {
        match self.review.as_ref()?.open.as_ref()? {
            ReviewBox::Author { .. } => Some(WalkKeys::Author),
            ReviewBox::Annotation(_) => Some(WalkKeys::Annotation),
        }
    }

    /// `a`: the annotation box on the focused answer, after the name box
    /// when no name is known yet.
    pub(in crate::tui) fn annotate(&mut self) {
        let lang = self.lang();
        let palette = *self.palette();
        match self.access {
            Access::Review { can_save: true } => {}
            Access::Review { can_save: false } => {
                self.notice = Some(lang.cannot_annotate_elsewhere().to_string());
                return;
            }
            Access::Answer | Access::ReadOnly => {
                self.notice = Some(lang.read_only_notice(false).to_string());
                return;
            }
        }
        let Some(at) = self.focus else {
            self.notice = Some(lang.annotate_needs_question().to_string());
            return;
        };
        let Some(review) = self.review.as_mut() else { return };
        review.open = Some(if review.author.is_some() {
            ReviewBox::Annotation(new_draft(at, lang, &palette))
        } else {
            ReviewBox::Author { editor: editor::line("", "", &palette), empty: false }
        });
    }

    pub(in crate::tui) fn box_edit(&mut self, input: Input) {
        let lang = self.lang();
        let Some(open) = self.review.as_mut().and_then(|r| r.open.as_mut()) else { return };
        match open {
            ReviewBox::Author { editor, empty } => {
                *empty &= !editor::edit_line(editor, input);
            }
            ReviewBox::Annotation(draft) => {
                if draft.editor.input(input) {
                    draft.empty = false;
                    draft.privacy =
                        crate::tui::popups::privacy_note::warning(lang, &draft.editor.lines().join("\n"));
                }
            }
        }
    }

    /// Pasted text goes to the open box: on one line for a name.
    pub(in crate::tui) fn box_paste(&mut self, text: &str) {
        let lang = self.lang();
        let Some(open) = self.review.as_mut().and_then(|r| r.open.as_mut()) else { return };
        match open {
            ReviewBox::Author { editor, empty } => {
                *empty &= !editor.insert_str(text.replace(['\r', '\n'], " "));
            }
            ReviewBox::Annotation(draft) => {
                if draft.editor.insert_str(text.replace("\r\n", "\n")) {
                    draft.empty = false;
                    draft.privacy =
                        crate::tui::popups::privacy_note::warning(lang, &draft.editor.lines().join("\n"));
                }
            }
        }
    }

    pub(in crate::tui) fn box_cancel(&mut self) {
        if let Some(review) = self.review.as_mut() {
            review.open = None;
        }
    }

    /// Enter in a box: a name is kept and the annotation box opens; an
    /// annotation is added to the trail (and saved at the next tick).
    pub(in crate::tui) fn box_confirm(&mut self) -> Option<ReviewOut> {
        let lang = self.lang();
        let palette = *self.palette();
        let review = self.review.as_mut()?;
        match review.open.take()? {
            ReviewBox::Author { editor, .. } => {
                let name = editor::line_text(&editor).trim().to_string();
                if name.is_empty() {
                    review.open = Some(ReviewBox::Author { editor, empty: true });
                    return None;
                }
                review.author = Some(name.clone());
                if let Some(at) = self.focus {
                    review.open = Some(ReviewBox::Annotation(new_draft(at, lang, &palette)));
                }
                Some(ReviewOut::Author(name))
            }
            ReviewBox::Annotation(mut draft) => {
                let text = draft.editor.lines().join("\n").trim().to_string();
                if text.is_empty() {
                    draft.empty = true;
                    review.open = Some(ReviewBox::Annotation(draft));
                    return None;
                }
                let author = review.author.clone().unwrap_or_default();
                // The name's fate was said in the box it concerned.
                review.author_saved = None;
                let now = (self.clock())();
                self.walk.annotate(draft.at, &author, &text, now);
                self.notice = Some(lang.annotation_added().to_string());
                None
            }
        }
    }

    /// Ctrl-C while an annotation is being written: it is kept, like
    /// everything else that quitting saves.
    pub(in crate::tui) fn keep_draft(&mut self) {
        if let Some(review) = &self.review
            && let Some(ReviewBox::Annotation(draft)) = &review.open
            && !draft.editor.lines().join("\n").trim().is_empty()
        {
            let _ = self.box_confirm();
        }
    }

    /// What became of the name given in this session.
    pub fn author_saved(&mut self, result: Result<(), String>) {
        if let Some(review) = self.review.as_mut() {
            review.author_saved = Some(result);
        }
    }
}

fn new_draft(at: At, lang: crate::text::Lang, palette: &crate::tui::widgets::theme::Palette) -> Draft {
    Draft {
        at,
        editor: editor::text("", lang.annotation_placeholder(), palette),
        privacy: None,
        empty: false,
    }
}

#[cfg(test)]
mod tests;
