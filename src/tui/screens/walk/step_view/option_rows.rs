//! The options of a choice or multi question, with the "Other" entry last.

use ratatui::text::{Line, Span};

use crate::grid::{Answer, Question, QuestionKind};
use crate::tui::screens::walk::WalkScreen;
use crate::tui::screens::walk::step_view::Sink;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};

/// "  › (•) ": the indent, the highlight, the mark.
const PREFIX_WIDTH: usize = 8;

fn mark(multi: bool, chosen: bool) -> &'static str {
    match (multi, chosen) {
        (false, true) => "(•)",
        (false, false) => "( )",
        (true, true) => "[x]",
        (true, false) => "[ ]",
    }
}

fn prefix(highlighted: bool, multi: bool, chosen: bool) -> String {
    format!("  {} {} ", if highlighted { "›" } else { " " }, mark(multi, chosen))
}

pub(in crate::tui) fn render(
    screen: &WalkScreen,
    mut sink: Sink<'_>,
    question: &Question,
    answer: Option<&Answer>,
    is_focus: bool,
    width: usize,
) {
    let p = screen.palette();
    // A trail that is only read has no highlight to move.
    let is_focus = is_focus && screen.access.answers();
    let multi = matches!(question.kind, QuestionKind::Multi { .. });
    let options = question.kind.options();
    let label_width = width.saturating_sub(PREFIX_WIDTH).max(1);
    let indent = " ".repeat(PREFIX_WIDTH);
    for (i, option) in options.iter().enumerate() {
        let chosen = answer.is_some_and(|a| a.selects(&option.id));
        let highlighted = is_focus && screen.highlight == i;
        let style = match (highlighted, chosen) {
            (true, _) => p.selected(),
            (false, true) => p.strong(),
            (false, false) => p.plain(),
        };
        let mut parts = vec![(option.label.as_str(), style)];
        if let Some(hint) = &option.hint {
            parts.push((" — ", p.hint()));
            parts.push((hint.as_str(), p.hint()));
        }
        let (rows, _) = wrap_styled(&parts, label_width, usize::MAX);
        if highlighted {
            let row = sink.next_row();
            sink.mark_cursor(row);
        }
        let first =
            Span::styled(prefix(highlighted, multi, chosen), if chosen { p.strong() } else { p.plain() });
        sink.lines(lines(rows, first, Span::raw(indent.clone())));
    }
    if !question.kind.has_other() {
        return;
    }
    let lang = screen.lang();
    let highlighted = is_focus && screen.highlight == options.len();
    let typed = match answer {
        Some(Answer::ChoiceOther(t)) => Some(t.as_str()),
        Some(Answer::Multi { other, .. }) => other.as_deref(),
        _ => None,
    };
    let chosen = if is_focus { screen.other_open } else { typed.is_some() };
    let label = format!("{} ", lang.other_label());
    let label_style = if highlighted { p.selected() } else { p.plain() };
    let mut line = vec![
        Span::styled(prefix(highlighted, multi, chosen), if chosen { p.strong() } else { p.plain() }),
        Span::styled(label.clone(), label_style),
    ];
    let x = PREFIX_WIDTH + wrap::width(&label);
    let room = width.saturating_sub(x);
    let editing = is_focus && screen.other_open && screen.editor.is_some();
    if !editing {
        match typed {
            Some(t) => line.push(Span::raw(wrap::truncate(&t.replace('\n', " "), room))),
            None => line.push(Span::styled("…", p.hint())),
        }
    }
    let row = sink.next_row();
    sink.lines(vec![Line::from(line)]);
    if highlighted {
        sink.mark_cursor(row);
    }
    if editing {
        sink.editor_on_last_row(x, room);
    }
}
