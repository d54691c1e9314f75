//! The keys of the walkthrough: the mode (answering, or reading: a review,
//! a trail open in another window) is asked once per key; the keys that
//! move and look are the same in every mode.

use crate::tui::keys::{self, Hint, WalkMsg};
use crate::tui::screens::walk::{Exit, Pane, WalkOut, WalkScreen};

impl WalkScreen {
    /// A message from a key. The mode (answering, or reading: a review, a
    /// trail open in another window) is asked once, here: the keys that
    /// move and look do the same in every mode, the others are the mode's.
    pub fn update(&mut self, msg: WalkMsg) -> Vec<WalkOut> {
        self.notice = None;
        // « Esc again to leave, another key to stay »: that other key is
        // the answer, and stays out of the walk (an `n` typed into the
        // answer, an arrow moving a choice).
        if self.leaving.discard_armed && !matches!(msg, WalkMsg::Back | WalkMsg::Quit) {
            self.leaving.discard_armed = false;
            return Vec::new();
        }
        if !matches!(msg, WalkMsg::Back | WalkMsg::Quit) {
            self.leaving.leave_armed = false;
        }
        if msg != WalkMsg::Back {
            self.leaving.discard_armed = false;
        }
        if !matches!(msg, WalkMsg::Digit(_)) {
            self.last_digit = false;
        }
        match self.look(msg) {
            Ok(outs) => outs,
            Err(msg) if self.access.answers() => self.answer(msg),
            Err(msg) => self.read(msg),
        }
    }

    /// The keys that move, look and leave, the same in every mode; the
    /// others are given back.
    fn look(&mut self, msg: WalkMsg) -> Result<Vec<WalkOut>, WalkMsg> {
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
            WalkMsg::ScrollUp if self.focus.is_some() => {
                self.view.shift = (self.view.shift - 1).max(self.view.shift_range.get().0)
            }
            WalkMsg::ScrollDown if self.focus.is_some() => {
                self.view.shift = (self.view.shift + 1).min(self.view.shift_range.get().1)
            }
            WalkMsg::ScrollUp => self.view.scroll = self.view.scroll.saturating_sub(1),
            WalkMsg::ScrollDown => {
                self.view.scroll = self.view.scroll.saturating_add(1).min(self.view.scroll_limit.get())
            }
            WalkMsg::ToggleReferences => self.view.show_references = !self.view.show_references,
            WalkMsg::Help => return Ok(vec![WalkOut::Help]),
            WalkMsg::LeaveEnd => self.set_pane(Pane::Questions),
            WalkMsg::ExportSummary(format) => return Ok(vec![WalkOut::Export(format)]),
            WalkMsg::OpenExport => match &self.last_export {
                Some(path) => return Ok(vec![WalkOut::OpenFile(path.clone())]),
                None => {
                    let (md, html) =
                        (keys::label(self.lang, Hint::ExportMd), keys::label(self.lang, Hint::ExportHtml));
                    self.notice = Some(self.lang.end_nothing_to_open(&md, &html));
                }
            },
            WalkMsg::KeepWalk if self.path.is_none() => return Ok(vec![WalkOut::Keep]),
            WalkMsg::KeepWalk => self.notice = Some(self.lang.end_already_kept().to_string()),
            // An ephemeral walk is thrown away on leaving: Esc asks first.
            WalkMsg::Back if self.path.is_none() && self.walk.changes > 0 && !self.leaving.discard_armed => {
                self.leaving.discard_armed = true;
                let back = keys::label(self.lang, Hint::QuitWalk);
                self.notice = Some(self.lang.ephemeral_discard_question(&back));
            }
            WalkMsg::Back => return Ok(self.leave(self.leaving.after_back)),
            WalkMsg::Quit => return Ok(self.leave(Exit::Quit)),
            other => return Err(other),
        }
        Ok(Vec::new())
    }

    /// The worker's own walk: the keys that answer, and saving.
    fn answer(&mut self, msg: WalkMsg) -> Vec<WalkOut> {
        match msg {
            WalkMsg::SaveNow => {
                return self.save_job().map(|job| WalkOut::Save { job, wait: false }).into_iter().collect();
            }
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
            WalkMsg::Annotate => return self.annotate().into_iter().collect(),
            WalkMsg::ReadOnlyKey => self.say_read_only(),
            _ => {}
        }
        Vec::new()
    }

    /// A review or a trail open elsewhere: no key changes an answer; a
    /// review annotates, and saves only its annotations.
    fn read(&mut self, msg: WalkMsg) -> Vec<WalkOut> {
        match msg {
            WalkMsg::SaveNow if self.access.elsewhere() => {
                self.notice = Some(self.lang.status_open_elsewhere().to_string())
            }
            // A review writes only when there is an annotation to write.
            WalkMsg::SaveNow if !self.dirty() => {}
            WalkMsg::SaveNow => {
                return self.save_job().map(|job| WalkOut::Save { job, wait: false }).into_iter().collect();
            }
            WalkMsg::Annotate => return self.annotate().into_iter().collect(),
            _ => self.say_read_only(),
        }
        Vec::new()
    }
}
