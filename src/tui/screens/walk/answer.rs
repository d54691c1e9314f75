//! Answering the focused question: choosing options, the "Other" entry,
//! scales, clearing. Every change goes through `Walk::set`, which keeps the
//! history and works out again what is shown.

use crate::grid::{Answer, QuestionKind};
use crate::tui::screens::walk::WalkScreen;

impl WalkScreen {
    /// Space or Enter on the highlighted entry: choose it (multi: tick or
    /// untick it).
    pub(in crate::tui) fn choose(&mut self) {
        let Some(at) = self.focus else { return };
        let answer = self.walk.answer(at).cloned();
        let kind = &self.walk.question(at).kind;
        let option = kind.options().get(self.highlight).map(|o| o.id.clone());
        let has_other = kind.has_other();
        match kind {
            QuestionKind::Choice { .. } => match option {
                Some(id) => {
                    self.other_open = false;
                    self.set_answer(Some(Answer::Choice(id)));
                }
                // Enter on an "Other" entry already open: it is chosen already.
                None if has_other && !self.other_open => self.open_other(),
                None => {}
            },
            QuestionKind::Multi { .. } => {
                let chosen = match &answer {
                    Some(Answer::Multi { options, .. }) => options.clone(),
                    _ => Vec::new(),
                };
                match option {
                    Some(id) => {
                        let toggled = crate::walk::toggle(self.walk.question(at), answer.as_ref(), &id);
                        // An exclusive option clears the "other" text: its box closes.
                        if matches!(&toggled, Answer::Multi { other: None, .. }) {
                            self.other_open = false;
                        }
                        self.set_answer(Some(toggled));
                    }
                    None if has_other && self.other_open => {
                        self.other_open = false;
                        self.set_answer(Some(Answer::Multi { options: chosen, other: None }));
                    }
                    None if has_other => self.open_other(),
                    None => {}
                }
            }
            _ => {}
        }
    }

    /// Chooses the "Other" entry: its text becomes the answer (none yet
    /// while nothing is typed).
    pub(in crate::tui) fn open_other(&mut self) {
        self.other_open = true;
        self.answer_from_editor();
    }

    /// The answer the focused editor now holds.
    pub(in crate::tui) fn answer_from_editor(&mut self) {
        let Some(at) = self.focus else { return };
        let typed = self.other_text();
        let other = (!typed.trim().is_empty()).then_some(typed);
        let answer = match &self.walk.question(at).kind {
            QuestionKind::Text => {
                let Some(editor) = &self.editor else { return };
                Some(Answer::Text(editor.text()))
            }
            QuestionKind::Choice { .. } if self.other_open => other.map(Answer::ChoiceOther),
            QuestionKind::Multi { .. } if self.other_open => {
                Some(crate::walk::with_other(self.walk.question(at), self.walk.answer(at), other))
            }
            _ => return,
        };
        self.set_answer(answer);
    }

    /// Backspace or Delete on a choice or a scale: no answer.
    pub(in crate::tui) fn clear(&mut self) {
        if matches!(self.focused_kind(), Some(QuestionKind::Text | QuestionKind::Note) | None) {
            return;
        }
        self.other_open = false;
        self.set_answer(None);
    }

    /// ← or →: one step, starting from the minimum when there was no value.
    pub(in crate::tui) fn nudge_scale(&mut self, delta: i64) {
        let Some(at) = self.focus else { return };
        let QuestionKind::Scale(scale) = &self.walk.question(at).kind else { return };
        let value = match self.walk.answer(at) {
            Some(Answer::Scale(n)) => (n.saturating_add(delta)).clamp(scale.min, scale.max),
            _ => scale.min,
        };
        self.set_answer(Some(Answer::Scale(value)));
    }

    /// A digit types the value; a second one right after extends it when the
    /// scale goes that far (1 then 0 gives 10 on a 0–10 scale).
    pub(in crate::tui) fn type_digit(&mut self, digit: u8) {
        let Some(at) = self.focus else { return };
        let QuestionKind::Scale(scale) = &self.walk.question(at).kind else { return };
        let (min, max) = (scale.min, scale.max);
        let digit = i64::from(digit);
        let extended = match self.walk.answer(at) {
            Some(Answer::Scale(n)) if self.last_digit() && *n > 0 => n.checked_mul(10).map(|n| n + digit),
            _ => None,
        };
        let value = match extended {
            Some(v) if (min..=max).contains(&v) => v,
            _ if (min..=max).contains(&digit) => digit,
            _ => {
                self.notice = Some(self.lang().scale_range(min, max));
                return;
            }
        };
        self.set_answer(Some(Answer::Scale(value)));
        self.set_last_digit(true);
    }
}
