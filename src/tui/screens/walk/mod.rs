//! The walkthrough: its state, and how messages change it. What is shown
//! and where Tab or PageDown lead is the walk's business (`crate::walk`);
//! this screen only keeps the focus and the editors, and says when to save.

pub(crate) mod answer;
pub(crate) mod end_view;
pub(crate) mod saving;
pub(crate) mod step_view;
pub(crate) mod steps_list;
mod update;
pub(crate) mod view;

use std::cell::Cell;
use std::path::PathBuf;

use crate::documents::ExportFormat;
use crate::grid::{Answer, QuestionKind};
use crate::ops::Failure;
use crate::text::Lang;
use crate::trail::Time;
use crate::tui::access::Access;
use crate::tui::editor::AnswerEditor;
use crate::tui::keys::{self, Hint, WalkKeys};
use crate::tui::saver::SaveJob;
pub use crate::tui::screens::walk::saving::SaveState;
use crate::tui::theme::Palette;
use crate::walk::{At, Walk};

/// An answer up to this size is scanned for identifying details at each
/// key; a longer one at the next tick, so that typing stays instant.
const SCAN_AT_ONCE: usize = 16 * 1024;

/// Where Esc leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Library,
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Questions,
    /// The list of steps (F2), with its highlight.
    Steps(usize),
    /// After the last question: what was answered, the outcome, and the
    /// summary to export.
    End,
}

/// What the walkthrough asks of the program.
pub enum WalkOut {
    Save {
        job: SaveJob,
        wait: bool,
    },
    Leave {
        exit: Exit,
        saved: bool,
    },
    Help,
    /// The meeting summary into the data folder's `exports/` (asked first
    /// when something looks identifying, or for an ephemeral walk).
    Export(ExportFormat),
    /// An export to open with the system's default application.
    OpenFile(PathBuf),
    /// An ephemeral walk to keep as a trail: its title is asked.
    Keep,
    /// A review's box over the answer at `at`: the annotation's, after the
    /// name's when no name is known yet.
    Annotate {
        at: At,
        name_known: bool,
    },
}

pub struct WalkScreen {
    pub(in crate::tui) walk: Walk,
    /// `None`: ephemeral, nothing is ever written.
    pub(in crate::tui) path: Option<PathBuf>,
    pub(in crate::tui) step: usize,
    pub(in crate::tui) focus: Option<At>,
    pub(in crate::tui) pane: Pane,
    /// The option under the highlight of a choice or multi question; the
    /// "Other" entry comes after the options.
    pub(in crate::tui) highlight: usize,
    /// The editor of the focused text answer, or of the "Other" entry.
    pub(in crate::tui) editor: Option<AnswerEditor>,
    /// The "Other" entry is chosen and its text is being typed.
    pub(in crate::tui) other_open: bool,
    /// The scale's value was just typed: one more digit extends it (for 10).
    last_digit: bool,
    /// How the step shown is scrolled, and whether its references are open.
    pub(in crate::tui) view: StepScroll,
    /// What this window may do with the trail.
    pub(in crate::tui) access: Access,
    /// A review's name and boxes.
    pub(in crate::tui) review: Option<Box<Review>>,
    pub(in crate::tui) save: SaveState,
    /// A privacy warning about the focused answer, when one applies.
    pub(in crate::tui) privacy: Option<String>,
    /// The focused answer changed since its last scan (a long one is
    /// scanned at the next tick, not at every key).
    privacy_due: bool,
    /// A short message after a key that could not do anything.
    pub(in crate::tui) notice: Option<String>,
    /// Leaving the walk: where to, and what waits or was asked first.
    pub(in crate::tui) leaving: Leaving,
    /// Where the end screen's last export went, or why it failed.
    pub(in crate::tui) exported: Option<Result<PathBuf, Failure>>,
    /// The last export written, for `o` to open.
    pub(in crate::tui) last_export: Option<PathBuf>,
    /// What came of `o`: the file opened, or why it could not be (in words).
    pub(in crate::tui) opened: Option<Result<PathBuf, (PathBuf, String)>>,
    lang: Lang,
    palette: Palette,
    clock: fn() -> Time,
}

/// How the step shown is scrolled, and whether its references are open.
#[derive(Debug)]
pub struct StepScroll {
    pub(in crate::tui) show_references: bool,
    /// How far a reading step is scrolled.
    pub(in crate::tui) scroll: u16,
    /// How far it can be, as last drawn: kept by the view (like the
    /// editor's own viewport), so that ↓ past the end does not pile up.
    pub(in crate::tui) scroll_limit: Cell<u16>,
    /// In a trail that is only read, how far ↑↓ moved the step from where
    /// the focus puts it; back to 0 when the focus moves.
    pub(in crate::tui) shift: i32,
    /// How far it can go either way, as last drawn.
    pub(in crate::tui) shift_range: Cell<(i32, i32)>,
}

impl Default for StepScroll {
    fn default() -> StepScroll {
        StepScroll {
            show_references: false,
            scroll: 0,
            scroll_limit: Cell::new(u16::MAX),
            shift: 0,
            shift_range: Cell::new((0, 0)),
        }
    }
}

/// Leaving the walk: where `Esc` goes, and what leaving waits for.
#[derive(Debug)]
pub struct Leaving {
    pub(in crate::tui) after_back: Exit,
    /// Leaving waits for this save.
    pub(in crate::tui) pending_exit: Option<Exit>,
    /// The save before leaving failed: the same key again leaves anyway.
    pub(in crate::tui) leave_armed: bool,
    /// An ephemeral walk: Esc asked once whether to throw it away.
    pub(in crate::tui) discard_armed: bool,
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
    pub fn new(walk: Walk, path: Option<PathBuf>, lang: Lang, palette: Palette, clock: fn() -> Time) -> Self {
        // A reopened trail opens where the worker stopped: on the end
        // screen, with the last question behind it, or at a question.
        let at_end = walk.trail.place.as_deref() == Some(Walk::END_PLACE);
        let place = match walk.trail.place.as_deref() {
            Some(Walk::END_PLACE) => walk.stops().last(),
            Some(p) => walk.place(p),
            None => None,
        };
        let (step, focus) = match place {
            Some((s, q)) => (s, q.map(|q| At { step: s, question: q })),
            None => {
                let step = walk.first_step();
                (step, walk.first_question_in(step))
            }
        };
        let saved = walk.changes;
        let after_back = if path.is_some() { Exit::Library } else { Exit::Quit };
        let mut screen = WalkScreen {
            walk,
            path,
            step,
            focus,
            pane: Pane::Questions,
            highlight: 0,
            editor: None,
            other_open: false,
            last_digit: false,
            view: StepScroll::default(),
            access: Access::Answer,
            review: None,
            save: SaveState { saved, ..SaveState::default() },
            privacy: None,
            privacy_due: false,
            notice: None,
            leaving: Leaving { after_back, pending_exit: None, leave_armed: false, discard_armed: false },
            exported: None,
            last_export: None,
            opened: None,
            lang,
            palette,
            clock,
        };
        screen.enter_question();
        if at_end {
            screen.pane = Pane::End;
        }
        screen
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The walk on screen: the grid and the trail with its answers.
    pub fn walk(&self) -> &Walk {
        &self.walk
    }

    /// The trail's file; `None` for an ephemeral walk.
    pub fn path(&self) -> Option<&PathBuf> {
        self.path.as_ref()
    }

    /// The step shown.
    pub fn step(&self) -> usize {
        self.step
    }

    /// The question with the focus, if any (a reading step has none).
    pub fn focus(&self) -> Option<At> {
        self.focus
    }

    /// The option under the highlight of a choice or multi question.
    pub fn highlight(&self) -> usize {
        self.highlight
    }

    /// What this window may do with the trail.
    pub fn access(&self) -> Access {
        self.access
    }

    /// The short message after a key that could not do anything.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// A key taken by a box over this screen: what any key does to the
    /// screen's passing states (the last notice, the keys armed twice).
    pub(in crate::tui) fn key_taken_above(&mut self) {
        self.notice = None;
        self.leaving.leave_armed = false;
        self.leaving.discard_armed = false;
        self.last_digit = false;
    }

    /// A review, whose boxes annotate answers.
    pub fn is_review(&self) -> bool {
        self.review.is_some()
    }

    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    /// Something the file does not hold yet.
    pub fn dirty(&self) -> bool {
        self.can_write() && (self.walk.changes > self.save.saved || self.save.never_saved)
    }

    /// A file to write, and the right to write it.
    pub fn can_write(&self) -> bool {
        self.path.is_some() && self.access.writes()
    }

    pub(in crate::tui) fn clock(&self) -> fn() -> Time {
        self.clock
    }

    /// The trail is not in its file yet: the first tick saves it.
    pub fn needs_first_save(&mut self) {
        self.save.never_saved = true;
    }

    pub fn leave_armed(&self) -> bool {
        self.leaving.leave_armed
    }

    pub fn keys(&self) -> WalkKeys {
        match self.pane {
            Pane::Steps(_) => return WalkKeys::Steps,
            Pane::End => return WalkKeys::End,
            Pane::Questions => {}
        }
        if !self.access.answers() {
            return WalkKeys::ReadOnly;
        }
        let Some(at) = self.focus else { return WalkKeys::Reading };
        match &self.walk.question(at).kind {
            QuestionKind::Text => WalkKeys::Text,
            QuestionKind::Scale(_) => WalkKeys::Scale,
            QuestionKind::Date(_) => WalkKeys::Date,
            QuestionKind::Note => WalkKeys::Reading,
            kind => WalkKeys::Options {
                on_other: kind.has_other() && self.highlight == kind.options().len(),
                other_open: self.other_open,
            },
        }
    }

    /// Pasted text goes to the focused editor as it is.
    pub fn paste(&mut self, text: &str) {
        if self.pane != Pane::Questions {
            return;
        }
        if !self.access.answers() {
            self.say_read_only();
            return;
        }
        let is_date = matches!(self.focused_kind(), Some(QuestionKind::Date(_)));
        let Some(editor) = &mut self.editor else { return };
        let is_text = self.focus.is_some_and(|at| matches!(self.walk.question(at).kind, QuestionKind::Text));
        if is_date {
            if editor.insert_str(&text.replace(['\r', '\n'], " ")) {
                self.date_from_editor();
            }
            return;
        }
        if !is_text && !self.other_open {
            return;
        }
        // CR and CRLF (from another system's clipboard) are line breaks.
        let text = crate::grid::line_breaks(text);
        let text = if is_text { text.into_owned() } else { text.replace('\n', " ") };
        if editor.insert_str(&text) {
            self.answer_from_editor();
        }
    }

    fn set_pane(&mut self, pane: Pane) {
        let from_end = self.pane == Pane::End && pane != Pane::End;
        self.pane = pane;
        // The end screen is a place to come back to, as a question is.
        if pane == Pane::End && self.access.answers() {
            self.walk.set_place(Walk::END_PLACE.to_string());
        } else if from_end {
            self.remember_place();
        }
    }

    /// A key or a paste that would change an answer, here where none changes.
    fn say_read_only(&mut self) {
        let annotate = self.access.writes().then(|| keys::label(self.lang, Hint::Annotate));
        self.notice = Some(self.lang.read_only_notice(annotate.as_deref()));
    }

    /// Whether the keys go to the editor: the terminal's cursor is shown there.
    pub fn typing(&self) -> bool {
        match self.keys() {
            WalkKeys::Text | WalkKeys::Date => true,
            WalkKeys::Options { on_other, other_open } => on_other && other_open,
            _ => false,
        }
    }

    fn move_steps_cursor(&mut self, next: impl Fn(&Walk, usize) -> Option<usize>) {
        if let Pane::Steps(s) = self.pane
            && let Some(n) = next(&self.walk, s)
        {
            self.pane = Pane::Steps(n);
        }
    }

    /// Tab: the next question, or the next step that is only read; after
    /// the last one, the end screen.
    fn next_question(&mut self) {
        let from = self.focus.map(|f| f.question);
        match self.walk.next_stop(self.step, from) {
            Some((s, q)) => self.focus_on(q.map(|q| At { step: s, question: q }), s),
            None if self.access.answers() => {
                self.walk.close_edit();
                self.set_pane(Pane::End);
            }
            None => self.notice = Some(self.lang.no_next_question().to_string()),
        }
    }

    fn prev_question(&mut self) {
        if self.pane == Pane::End {
            self.set_pane(Pane::Questions);
            return;
        }
        let from = self.focus.map(|f| f.question);
        match self.walk.prev_stop(self.step, from) {
            Some((s, q)) => self.focus_on(q.map(|q| At { step: s, question: q }), s),
            None => self.notice = Some(self.lang.no_prev_question().to_string()),
        }
    }

    /// Keeps where the worker stands in the trail, for the next opening.
    fn remember_place(&mut self) {
        if !self.access.answers() {
            return;
        }
        let place = self.walk.place_name(self.step, self.focus.map(|f| f.question));
        self.walk.set_place(place);
    }

    /// The outcome of an export from the end screen.
    pub fn exported(&mut self, result: Result<PathBuf, Failure>) {
        if let Ok(path) = &result {
            self.last_export = Some(path.clone());
        }
        self.opened = None;
        self.exported = Some(result);
    }

    /// What came of opening `path` with the system's application (`why`:
    /// the reason it could not, in words).
    pub fn opened(&mut self, path: PathBuf, result: Result<(), String>) {
        self.opened = Some(match result {
            Ok(()) => Ok(path),
            Err(why) => Err((path, why)),
        });
    }

    /// An ephemeral walk became a trail in `path` (`saved`: its file was
    /// written, or why not; saving tries again, as for a new trail). It
    /// saves by itself from now on, and Esc leads to the library.
    /// Keeping the walk was refused before anything was written (another
    /// discern holds the data folder alone): it stays ephemeral.
    pub fn keep_refused(&mut self, why: String) {
        self.notice = Some(why);
    }

    pub fn kept(&mut self, path: PathBuf, saved: Result<(), String>) {
        self.notice = Some(self.lang.end_kept(&path));
        self.path = Some(path);
        self.leaving.after_back = Exit::Library;
        match saved {
            Ok(()) => self.save.saved = self.walk.changes,
            Err(e) => {
                self.needs_first_save();
                self.save.error = Some(e);
            }
        }
    }

    fn go_to_step(&mut self, s: usize) {
        let focus = self.walk.first_question_in(s);
        self.focus_on(focus, s);
    }

    fn focus_on(&mut self, focus: Option<At>, step: usize) {
        if focus != self.focus {
            self.walk.close_edit();
        }
        if step != self.step {
            self.view.scroll = 0;
        }
        self.view.shift = 0;
        self.focus = focus;
        self.step = step;
        self.set_pane(Pane::Questions);
        self.enter_question();
        self.remember_place();
    }

    /// Sets up the focused question's highlight and editors from its
    /// answer (a trail that is only read has no editor), and its privacy
    /// warning.
    pub(in crate::tui) fn enter_question(&mut self) {
        self.highlight = 0;
        self.other_open = false;
        self.editor = None;
        self.last_digit = false;
        self.scan_privacy();
        let Some(at) = self.focus else { return };
        if !self.access.answers() {
            return;
        }
        let answer = self.walk.answer(at).cloned();
        let kind = &self.walk.question(at).kind;
        match kind {
            QuestionKind::Text => {
                let text = match &answer {
                    Some(Answer::Text(t)) => t.as_str(),
                    _ => "",
                };
                self.editor = Some(AnswerEditor::new(text, self.lang.text_placeholder(), &self.palette));
            }
            QuestionKind::Choice { options, other } | QuestionKind::Multi { options, other } => {
                let other_text = match &answer {
                    Some(Answer::ChoiceOther(t)) => Some(t.as_str()),
                    Some(Answer::Multi { other, .. }) => other.as_deref(),
                    _ => None,
                };
                self.other_open = other_text.is_some();
                self.highlight = options
                    .iter()
                    .position(|o| answer.as_ref().is_some_and(|a| a.selects(&o.id)))
                    .or_else(|| other_text.map(|_| options.len()))
                    .unwrap_or(0);
                if *other {
                    let text = other_text.unwrap_or("");
                    self.editor =
                        Some(AnswerEditor::one_line(text, self.lang.other_placeholder(), &self.palette));
                }
            }
            QuestionKind::Date(_) => self.enter_date(answer.as_ref()),
            QuestionKind::Scale(_) | QuestionKind::Note => {}
        }
    }

    fn entry_count(&self) -> usize {
        self.focus.map_or(0, |at| {
            let kind = &self.walk.question(at).kind;
            kind.options().len() + usize::from(kind.has_other())
        })
    }

    pub(in crate::tui) fn set_answer(&mut self, answer: Option<Answer>) {
        if let Some(at) = self.focus {
            self.walk.set(at, answer, (self.clock)());
            self.privacy_due = true;
            if self.focused_text().is_none_or(|t| t.len() <= SCAN_AT_ONCE) {
                self.scan_privacy();
            }
        }
    }

    /// The focused answer's free text (a text, an "Other" entry), if any.
    fn focused_text(&self) -> Option<&str> {
        self.focus.and_then(|at| self.walk.answer(at)).and_then(crate::trail::lint::text_of)
    }

    /// The privacy warning about the focused answer's free text.
    pub(in crate::tui) fn scan_privacy(&mut self) {
        self.privacy =
            self.focused_text().and_then(|t| crate::tui::popups::privacy_note::warning(self.lang, t));
        self.privacy_due = false;
    }

    /// At a tick: the warning of a long answer, left from the last edit.
    pub(in crate::tui) fn scan_privacy_if_due(&mut self) {
        if self.privacy_due {
            self.scan_privacy();
        }
    }

    pub(in crate::tui) fn focused_kind(&self) -> Option<&QuestionKind> {
        self.focus.map(|at| &self.walk.question(at).kind)
    }

    pub(in crate::tui) fn other_text(&self) -> String {
        self.editor.as_ref().map(AnswerEditor::line_text).unwrap_or_default()
    }

    pub(in crate::tui) fn set_last_digit(&mut self, typed: bool) {
        self.last_digit = typed;
    }

    pub(in crate::tui) fn last_digit(&self) -> bool {
        self.last_digit
    }

    pub(in crate::tui) fn edit(&mut self, input: ratatui_textarea::Input) {
        let Some(kind) = self.focused_kind() else { return };
        if matches!(kind, QuestionKind::Date(_)) {
            if let Some(editor) = &mut self.editor
                && editor.input(input)
            {
                self.date_from_editor();
            }
            return;
        }
        let is_text = matches!(kind, QuestionKind::Text);
        let on_other = kind.has_other() && self.highlight == kind.options().len();
        if !is_text && !on_other {
            return;
        }
        // Typing brings the step back to the question.
        self.view.shift = 0;
        if !is_text && !self.other_open {
            // Typing on the "Other" entry chooses it.
            self.open_other();
        }
        let Some(editor) = &mut self.editor else { return };
        if editor.input(input) {
            self.answer_from_editor();
        }
    }
}

/// The messages that change an answer: a trail that is only read takes none.
#[cfg(test)]
mod tests;

#[cfg(test)]
mod end_tests;

#[cfg(test)]
mod end_export_tests;

#[cfg(test)]
mod exclusive_tests;
