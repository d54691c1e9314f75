//! The follow-up screen: coming back to a decision. Three questions — what
//! happened, whether the decision held, what the worker learned — and the
//! next date to come back to it (or none). Nothing is written before Ctrl-S;
//! the entry goes beside the trail's answers, which do not change.

use chrono::NaiveDate;
use ratatui_textarea::TextArea;

use crate::grid::date::DateMisfit;
use crate::text::Lang;
use crate::trail::{FollowUp, Held, Time, next_date};
use crate::tui::editor;
use crate::tui::keys::{self, FollowUpMsg, Hint};
use crate::tui::theme::Palette;

mod view;
pub use view::render;

#[cfg(test)]
mod tests;

/// The part of the form that has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Happened,
    Held,
    Learned,
    Date,
}

impl Field {
    const ORDER: [Field; 4] = [Field::Happened, Field::Held, Field::Learned, Field::Date];

    fn moved(self, by: isize) -> Field {
        let i = Field::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        Field::ORDER[(i + by).rem_euclid(4) as usize]
    }
}

/// What the screen asks of the program.
#[derive(Debug, PartialEq)]
pub enum FollowUpOut {
    Save(FollowUp),
    /// Left without saving (Esc twice, or Ctrl-C on an unfinished form).
    Cancel,
    Help,
}

pub struct FollowUpScreen {
    /// The trail's title, for the heading.
    pub(in crate::tui) title: String,
    pub(in crate::tui) happened: TextArea<'static>,
    pub(in crate::tui) held: Option<Held>,
    /// The highlighted answer among `Held::ALL`.
    pub(in crate::tui) held_cursor: usize,
    pub(in crate::tui) learned: TextArea<'static>,
    pub(in crate::tui) date: TextArea<'static>,
    pub(in crate::tui) focus: Field,
    /// A problem to say (nothing chosen, a date that is not one).
    pub(in crate::tui) problem: Option<String>,
    /// Esc was pressed once on a form with something in it.
    pub(in crate::tui) leaving: bool,
    /// Being saved: keys wait.
    pub(in crate::tui) saving: bool,
    lang: Lang,
    palette: Palette,
}

impl FollowUpScreen {
    pub fn new(title: &str, lang: Lang, palette: Palette) -> FollowUpScreen {
        FollowUpScreen {
            title: title.to_string(),
            happened: editor::text("", "", &palette),
            held: None,
            held_cursor: 0,
            learned: editor::text("", "", &palette),
            date: editor::line("", lang.date_placeholder(), &palette),
            focus: Field::Happened,
            problem: None,
            leaving: false,
            saving: false,
            lang,
            palette,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    pub fn date_text(&self) -> String {
        editor::line_text(&self.date)
    }

    /// What the date field says today: no date, a day, or what is wrong.
    pub fn date_reading(&self, today: NaiveDate) -> Result<Option<NaiveDate>, DateMisfit> {
        next_date(&self.date_text(), today, self.lang.date_style())
    }

    fn is_empty(&self) -> bool {
        self.held.is_none()
            && self.date_text().trim().is_empty()
            && [&self.happened, &self.learned].iter().all(|e| e.lines().join("").trim().is_empty())
    }

    /// The entry, or why it cannot be saved yet (the field to go to, in words).
    fn entry(&self, now: Time) -> Result<FollowUp, (Field, String)> {
        let Some(held) = self.held else {
            let save = keys::label(self.lang, Hint::Save);
            return Err((Field::Held, self.lang.follow_up_held_needed(&save)));
        };
        let revisit =
            self.date_reading(now.date_naive()).map_err(|m| (Field::Date, self.lang.date_misfit(&m)))?;
        let text = |e: &TextArea| e.lines().join("\n");
        Ok(FollowUp::new(now, &text(&self.happened), held, &text(&self.learned), revisit))
    }

    fn save(&mut self, now: Time) -> Vec<FollowUpOut> {
        match self.entry(now) {
            Ok(entry) => {
                self.saving = true;
                vec![FollowUpOut::Save(entry)]
            }
            Err((field, problem)) => {
                self.focus = field;
                self.problem = Some(problem);
                Vec::new()
            }
        }
    }

    /// The save failed: said on the form, which keeps everything typed.
    pub fn save_failed(&mut self, message: String) {
        self.saving = false;
        self.problem = Some(message);
    }

    pub fn update(&mut self, msg: FollowUpMsg, now: Time) -> Vec<FollowUpOut> {
        if self.saving {
            return Vec::new();
        }
        let leaving = std::mem::take(&mut self.leaving);
        if !matches!(msg, FollowUpMsg::Help) {
            self.problem = None;
        }
        match msg {
            FollowUpMsg::Next => self.focus = self.focus.moved(1),
            FollowUpMsg::Prev => self.focus = self.focus.moved(-1),
            FollowUpMsg::Up => self.held_cursor = self.held_cursor.saturating_sub(1),
            FollowUpMsg::Down => self.held_cursor = (self.held_cursor + 1).min(Held::ALL.len() - 1),
            FollowUpMsg::Choose => self.held = Some(Held::ALL[self.held_cursor]),
            FollowUpMsg::Digit(n) => {
                if let Some(h) = n.checked_sub(1).and_then(|i| Held::ALL.get(i)) {
                    self.held_cursor = n - 1;
                    self.held = Some(*h);
                }
            }
            FollowUpMsg::Save => return self.save(now),
            FollowUpMsg::Help => return vec![FollowUpOut::Help],
            FollowUpMsg::Cancel => {
                if leaving || self.is_empty() {
                    return vec![FollowUpOut::Cancel];
                }
                self.leaving = true;
                let (cancel, save) =
                    (keys::label(self.lang, Hint::Cancel), keys::label(self.lang, Hint::Save));
                self.problem = Some(self.lang.follow_up_leave_warning(&cancel, &save));
            }
            // Ctrl-C: saved when it can be, else left as Esc twice would.
            FollowUpMsg::Quit => {
                return match self.entry(now) {
                    Ok(entry) if !self.is_empty() => {
                        self.saving = true;
                        vec![FollowUpOut::Save(entry)]
                    }
                    _ => vec![FollowUpOut::Cancel],
                };
            }
            FollowUpMsg::Edit(input) => match self.focus {
                Field::Happened => {
                    self.happened.input(input);
                }
                Field::Learned => {
                    self.learned.input(input);
                }
                Field::Date => {
                    editor::edit_line(&mut self.date, input);
                }
                Field::Held => {}
            },
        }
        Vec::new()
    }

    /// Pasted text goes to the field being typed in.
    pub fn paste(&mut self, text: &str) {
        match self.focus {
            Field::Happened => {
                self.happened.insert_str(text);
            }
            Field::Learned => {
                self.learned.insert_str(text);
            }
            Field::Date => {
                self.date.insert_str(text.replace(['\r', '\n'], " "));
            }
            Field::Held => {}
        }
    }
}
