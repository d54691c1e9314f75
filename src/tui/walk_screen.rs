//! The walkthrough: its state, and how messages change it. What is shown
//! and where Tab or PageDown lead is the walk's business (`crate::walk`);
//! this screen only keeps the focus and the editors, and says when to save.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui_textarea::TextArea;

use super::editor;
use super::keys::{WalkKeys, WalkMsg};
use super::saver::{SaveJob, SaveReport};
use super::theme::Palette;
use crate::grid::{Answer, QuestionKind};
use crate::text::Lang;
use crate::trail::Time;
use crate::walk::{At, Walk};

/// How long a failed save waits before it is tried again.
const RETRY_AFTER: Duration = Duration::from_secs(3);

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
}

/// What the walkthrough asks of the program.
pub enum WalkOut {
    Save { job: SaveJob, wait: bool },
    Leave { exit: Exit, saved: bool },
    Help,
}

/// Where saving stands. The walk counts its changes; a save carries the
/// count it holds, so a report says how far the file is.
#[derive(Debug, Default)]
pub struct SaveState {
    pub saved: u64,
    /// The file does not hold the trail at all yet.
    pub never_saved: bool,
    pub in_flight: Option<u64>,
    pub error: Option<String>,
    retry_at: Option<Instant>,
}

pub struct WalkScreen {
    pub walk: Walk,
    /// `None`: ephemeral, nothing is ever written.
    pub path: Option<PathBuf>,
    pub step: usize,
    pub focus: Option<At>,
    pub pane: Pane,
    /// The option under the highlight of a choice or multi question; the
    /// "Other" entry comes after the options.
    pub highlight: usize,
    /// The editor of the focused text answer, or of the "Other" entry.
    pub editor: Option<TextArea<'static>>,
    /// The "Other" entry is chosen and its text is being typed.
    pub other_open: bool,
    /// The scale's value was just typed: one more digit extends it (for 10).
    last_digit: bool,
    pub show_references: bool,
    /// How far a reading step is scrolled.
    pub scroll: u16,
    /// How far it can be, as last drawn: kept by the view (like the
    /// editor's own viewport), so that ↓ past the end does not pile up.
    pub scroll_limit: std::cell::Cell<u16>,
    pub save: SaveState,
    /// A privacy warning about the focused answer, when one applies.
    pub privacy: Option<String>,
    /// A short message after a key that could not do anything.
    pub notice: Option<String>,
    pub after_back: Exit,
    /// Leaving waits for this save.
    pending_exit: Option<Exit>,
    /// The save before leaving failed: the same key again leaves anyway.
    leave_armed: bool,
    lang: Lang,
    palette: Palette,
    clock: fn() -> Time,
}

impl WalkScreen {
    pub fn new(walk: Walk, path: Option<PathBuf>, lang: Lang, palette: Palette, clock: fn() -> Time) -> Self {
        let step = walk.first_step();
        let focus = walk.first_question_in(step);
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
            show_references: false,
            scroll: 0,
            scroll_limit: std::cell::Cell::new(u16::MAX),
            save: SaveState { saved, ..SaveState::default() },
            privacy: None,
            notice: None,
            after_back,
            pending_exit: None,
            leave_armed: false,
            lang,
            palette,
            clock,
        };
        screen.enter_question();
        screen
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    /// Something the file does not hold yet.
    pub fn dirty(&self) -> bool {
        self.path.is_some() && (self.walk.changes > self.save.saved || self.save.never_saved)
    }

    /// The trail is not in its file yet: the first tick saves it.
    pub fn needs_first_save(&mut self) {
        self.save.never_saved = true;
    }

    pub fn leave_armed(&self) -> bool {
        self.leave_armed
    }

    pub fn keys(&self) -> WalkKeys {
        if let Pane::Steps(_) = self.pane {
            return WalkKeys::Steps;
        }
        let Some(at) = self.focus else { return WalkKeys::Reading };
        match &self.walk.question(at).kind {
            QuestionKind::Text => WalkKeys::Text,
            QuestionKind::Scale(_) => WalkKeys::Scale,
            QuestionKind::Note => WalkKeys::Reading,
            kind => WalkKeys::Options {
                on_other: kind.has_other() && self.highlight == kind.options().len(),
                other_open: self.other_open,
            },
        }
    }

    pub fn update(&mut self, msg: WalkMsg) -> Vec<WalkOut> {
        self.notice = None;
        if !matches!(msg, WalkMsg::Back | WalkMsg::Quit) {
            self.leave_armed = false;
        }
        if !matches!(msg, WalkMsg::Digit(_)) {
            self.last_digit = false;
        }
        match msg {
            WalkMsg::NextQuestion => self.next_question(),
            WalkMsg::PrevQuestion => self.prev_question(),
            WalkMsg::NextStep => match self.walk.next_step(self.step) {
                Some(s) => self.go_to_step(s),
                None => self.notice = Some(self.lang.last_step().to_string()),
            },
            WalkMsg::PrevStep => match self.walk.prev_step(self.step) {
                Some(s) => self.go_to_step(s),
                None => self.notice = Some(self.lang.first_step().to_string()),
            },
            WalkMsg::FocusSteps => self.set_pane(Pane::Steps(self.step)),
            WalkMsg::StepsUp => self.move_steps_cursor(|w, s| w.prev_step(s)),
            WalkMsg::StepsDown => self.move_steps_cursor(|w, s| w.next_step(s)),
            WalkMsg::GoToStep => {
                if let Pane::Steps(s) = self.pane {
                    self.set_pane(Pane::Questions);
                    self.go_to_step(s);
                }
            }
            WalkMsg::LeaveSteps => self.set_pane(Pane::Questions),
            WalkMsg::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            WalkMsg::ScrollDown => self.scroll = self.scroll.saturating_add(1).min(self.scroll_limit.get()),
            WalkMsg::ToggleReferences => self.show_references = !self.show_references,
            WalkMsg::Help => return vec![WalkOut::Help],
            WalkMsg::SaveNow => {
                return self.save_job().map(|job| WalkOut::Save { job, wait: false }).into_iter().collect();
            }
            WalkMsg::Back => return self.leave(self.after_back),
            WalkMsg::Quit => return self.leave(Exit::Quit),
            WalkMsg::OptionUp => self.highlight = self.highlight.saturating_sub(1),
            WalkMsg::OptionDown => {
                self.highlight = (self.highlight + 1).min(self.entry_count().saturating_sub(1))
            }
            WalkMsg::Choose => self.choose(),
            WalkMsg::Clear => self.clear(),
            WalkMsg::ScaleLeft => self.nudge_scale(-1),
            WalkMsg::ScaleRight => self.nudge_scale(1),
            WalkMsg::Digit(d) => self.type_digit(d),
            WalkMsg::Edit(input) => self.edit(input),
        }
        Vec::new()
    }

    /// Pasted text goes to the focused editor as it is.
    pub fn paste(&mut self, text: &str) {
        if self.pane != Pane::Questions {
            return;
        }
        let Some(editor) = &mut self.editor else { return };
        let is_text = self.focus.is_some_and(|at| matches!(self.walk.question(at).kind, QuestionKind::Text));
        if !is_text && !self.other_open {
            return;
        }
        let text = if is_text { text.replace("\r\n", "\n") } else { text.replace(['\r', '\n'], " ") };
        if editor.insert_str(text) {
            self.answer_from_editor();
        }
    }

    /// Every half second or so: saves what changed, once no save is on its way.
    pub fn tick(&mut self, now: Instant) -> Option<WalkOut> {
        if self.save.error.is_some() && self.save.retry_at.is_none() {
            self.save.retry_at = Some(now + RETRY_AFTER);
        }
        let due = self.save.retry_at.is_none_or(|t| now >= t);
        if self.dirty() && self.save.in_flight.is_none() && due {
            return self.save_job().map(|job| WalkOut::Save { job, wait: false });
        }
        None
    }

    pub fn saved(&mut self, report: &SaveReport) {
        if self.path.as_ref() != Some(&report.path) {
            return;
        }
        if self.save.in_flight.is_some_and(|g| g <= report.generation) {
            self.save.in_flight = None;
        }
        match &report.result {
            Ok(()) => {
                self.save.saved = self.save.saved.max(report.generation);
                self.save.never_saved = false;
                self.save.error = None;
                self.save.retry_at = None;
            }
            Err(e) => {
                self.save.error = Some(e.clone());
                self.save.retry_at = None;
            }
        }
    }

    /// After the save that leaving waited for: where to go, if anywhere.
    pub fn take_exit(&mut self) -> Option<Exit> {
        let exit = self.pending_exit.take()?;
        if self.dirty() {
            self.leave_armed = true;
            None
        } else {
            Some(exit)
        }
    }

    fn save_job(&mut self) -> Option<SaveJob> {
        let path = self.path.clone()?;
        let generation = self.walk.changes;
        let bytes = crate::trail::to_toml(&self.walk.trail).into_bytes();
        self.save.in_flight = Some(generation);
        Some(SaveJob { path, bytes, generation })
    }

    fn leave(&mut self, exit: Exit) -> Vec<WalkOut> {
        self.walk.close_edit();
        if self.path.is_none() {
            return vec![WalkOut::Leave { exit, saved: true }];
        }
        if self.leave_armed {
            return vec![WalkOut::Leave { exit, saved: false }];
        }
        if !self.dirty() && self.save.in_flight.is_none() {
            return vec![WalkOut::Leave { exit, saved: true }];
        }
        self.pending_exit = Some(exit);
        match self.save_job() {
            Some(job) => vec![WalkOut::Save { job, wait: true }],
            None => Vec::new(),
        }
    }

    fn set_pane(&mut self, pane: Pane) {
        self.pane = pane;
    }

    /// Whether the keys go to the editor: the terminal's cursor is shown there.
    pub fn typing(&self) -> bool {
        match self.keys() {
            WalkKeys::Text => true,
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

    fn next_question(&mut self) {
        let from = self.focus.map(|f| f.question);
        match self.walk.next_question(self.step, from) {
            Some(at) => self.focus_on(Some(at), at.step),
            None => self.notice = Some(self.lang.no_next_question().to_string()),
        }
    }

    fn prev_question(&mut self) {
        let from = self.focus.map(|f| f.question);
        match self.walk.prev_question(self.step, from) {
            Some(at) => self.focus_on(Some(at), at.step),
            None => self.notice = Some(self.lang.no_prev_question().to_string()),
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
            self.scroll = 0;
        }
        self.focus = focus;
        self.step = step;
        self.set_pane(Pane::Questions);
        self.enter_question();
    }

    /// Sets up the focused question's highlight and editors from its answer.
    fn enter_question(&mut self) {
        self.highlight = 0;
        self.other_open = false;
        self.editor = None;
        self.last_digit = false;
        let Some(at) = self.focus else { return };
        let answer = self.walk.answer(at).cloned();
        let kind = &self.walk.question(at).kind;
        match kind {
            QuestionKind::Text => {
                let text = match &answer {
                    Some(Answer::Text(t)) => t.as_str(),
                    _ => "",
                };
                self.editor = Some(editor::text(text, self.lang.text_placeholder(), &self.palette));
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
                    self.editor = Some(editor::line(text, self.lang.other_placeholder(), &self.palette));
                }
            }
            QuestionKind::Scale(_) | QuestionKind::Note => {}
        }
    }

    fn entry_count(&self) -> usize {
        self.focus.map_or(0, |at| {
            let kind = &self.walk.question(at).kind;
            kind.options().len() + usize::from(kind.has_other())
        })
    }

    pub(super) fn set_answer(&mut self, answer: Option<Answer>) {
        if let Some(at) = self.focus {
            self.walk.set(at, answer, (self.clock)());
        }
    }

    pub(super) fn focused_kind(&self) -> Option<&QuestionKind> {
        self.focus.map(|at| &self.walk.question(at).kind)
    }

    pub(super) fn other_text(&self) -> String {
        self.editor.as_ref().map(editor::line_text).unwrap_or_default()
    }

    pub(super) fn set_last_digit(&mut self, typed: bool) {
        self.last_digit = typed;
    }

    pub(super) fn last_digit(&self) -> bool {
        self.last_digit
    }

    pub(super) fn edit(&mut self, input: ratatui_textarea::Input) {
        let Some(kind) = self.focused_kind() else { return };
        let is_text = matches!(kind, QuestionKind::Text);
        let on_other = kind.has_other() && self.highlight == kind.options().len();
        if !is_text && !on_other {
            return;
        }
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

#[cfg(test)]
mod tests;
