//! A format 2 date question on the screen: a small field where the date is
//! typed as one writes it (« 15/12/2026 », « 15/12 », `+7`), with the date
//! in words beside it (« mardi 15 décembre 2026 ») or what is wrong with it.
//!
//! The answer follows the field only when the field holds a day within the
//! question's bounds (or is emptied): a slip while typing never throws away
//! the date given before.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::grid::date::{self, DateMisfit};
use crate::grid::{Answer, QuestionKind};
use crate::tui::editor::AnswerEditor;
use crate::tui::screens::walk::WalkScreen;
use crate::tui::screens::walk::step_view::Sink;
use crate::tui::widgets::wrap;

/// Room for « 15/12/2026 » and the cursor after it.
const FIELD_WIDTH: usize = 12;

/// What the field's text says, against the question's bounds today.
enum Reading {
    Empty,
    Day(NaiveDate),
    Misfit(DateMisfit),
}

impl WalkScreen {
    /// The focused date question's field, holding its answer.
    pub(in crate::tui) fn enter_date(&mut self, answer: Option<&Answer>) {
        let text = match answer {
            Some(Answer::Date(d)) => self.lang().date_typed(*d),
            _ => String::new(),
        };
        self.editor = Some(AnswerEditor::one_line(&text, self.lang().date_placeholder(), self.palette()));
    }

    fn date_reading(&self) -> Option<Reading> {
        let at = self.focus?;
        let QuestionKind::Date(bounds) = &self.walk.question(at).kind else { return None };
        let text = self.editor.as_ref()?.line_text();
        if text.trim().is_empty() {
            return Some(Reading::Empty);
        }
        let today = (self.clock())().date_naive();
        Some(match date::answer(&text, bounds, today, self.lang().date_style()) {
            Ok(day) => Reading::Day(day),
            Err(misfit) => Reading::Misfit(misfit),
        })
    }

    /// After a key in the field: a day within bounds becomes the answer, an
    /// emptied field clears it, anything else waits for more typing.
    pub(in crate::tui) fn date_from_editor(&mut self) {
        match self.date_reading() {
            Some(Reading::Day(day)) => self.set_answer(Some(Answer::Date(day))),
            Some(Reading::Empty) => self.set_answer(None),
            Some(Reading::Misfit(_)) | None => {}
        }
    }
}

/// The field's row: `[15/12/2026  ]  mardi 15 décembre 2026`.
pub(in crate::tui) fn render(
    screen: &WalkScreen,
    mut sink: Sink,
    answer: Option<&Answer>,
    is_focus: bool,
    width: usize,
) {
    let p = screen.palette();
    let lang = screen.lang();
    let editing = is_focus && screen.editor.is_some();
    let given = match answer {
        Some(Answer::Date(d)) => Some(*d),
        _ => None,
    };
    let mut line = vec![Span::raw("  "), Span::styled("[", p.dim())];
    if editing {
        line.push(Span::raw(" ".repeat(FIELD_WIDTH)));
    } else {
        let shown = given.map(|d| lang.date_typed(d)).unwrap_or_default();
        let pad = FIELD_WIDTH.saturating_sub(wrap::width(&shown));
        line.push(Span::styled(format!("{shown}{}", " ".repeat(pad)), p.strong()));
    }
    line.push(Span::styled("]", p.dim()));
    let beside = FIELD_WIDTH + 6;
    let room = width.saturating_sub(beside);
    let (words, style) = match (editing, screen.date_reading()) {
        (true, Some(Reading::Day(day))) => (lang.date_in_words(day), p.strong()),
        (true, Some(Reading::Misfit(m))) => (lang.date_misfit_short(&m), p.warn()),
        (true, _) => (lang.date_short_how().to_string(), p.hint()),
        (false, _) => match given {
            Some(d) => (lang.date_in_words(d), p.plain()),
            None => ("…".to_string(), p.hint()),
        },
    };
    line.push(Span::raw("  "));
    line.push(Span::styled(wrap::truncate(&words, room), style));
    let row = sink.next_row();
    sink.lines(vec![Line::from(line)]);
    if is_focus {
        sink.mark_cursor(row);
    }
    if editing {
        sink.editor_on_last_row(3, FIELD_WIDTH);
    }
}

#[cfg(test)]
mod tests;
