//! The walkthrough's frame: header, the steps and the step side by side,
//! the status line and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::footer;
use super::keys::{Hint, WalkKeys};
use super::walk_screen::{Exit, WalkScreen};
use super::{step_view, steps_list};
use crate::grid::QuestionKind;

pub fn render(screen: &WalkScreen, frame: &mut Frame, area: Rect, cursor: bool) {
    if area.height < 4 || area.width < 10 {
        return;
    }
    let p = screen.palette();
    let lang = screen.lang();
    let width = area.width as usize;
    let header = Rect { height: 1, ..area };
    let body = Rect { y: area.y + 1, height: area.height - 3, ..area };
    let status = Rect { y: area.y + area.height - 2, height: 1, ..area };
    let keys = Rect { y: area.y + area.height - 1, height: 1, ..area };

    let trail = &screen.walk.trail;
    let title = lang.walk_header(&trail.title, &screen.walk.grid.meta.title);
    frame.render_widget(
        Paragraph::new(footer::fit(vec![Span::raw(" "), Span::styled(title, p.title())], width)),
        header,
    );

    let left_width = (area.width / 3).clamp(20, 34);
    let left = Rect { width: left_width, ..body };
    let right = Rect { x: body.x + left_width, width: body.width - left_width, ..body };
    steps_list::render(screen, frame, left);
    step_view::render(screen, frame, right, cursor);

    frame.render_widget(Paragraph::new(status_line(screen, width)), status);
    let back = if screen.after_back == Exit::Library { Hint::ToLibrary } else { Hint::QuitWalk };
    let has_refs = !screen.walk.step(screen.step).references.is_empty();
    let hints = hints(screen, has_refs);
    let tail: &[Hint] = if screen.keys() == WalkKeys::Steps { &[Hint::Help] } else { &[Hint::Help, back] };
    frame.render_widget(Paragraph::new(footer::line(lang, p, &hints, tail, width)), keys);
}

fn status_line(screen: &WalkScreen, width: usize) -> Line<'static> {
    let p = screen.palette();
    let lang = screen.lang();
    let save = &screen.save;
    let (text, style) = if screen.path.is_none() {
        (lang.status_ephemeral().to_string(), p.dim())
    } else if let (true, Some(e)) = (screen.leave_armed(), &save.error) {
        (lang.status_leave_unsaved(e), p.warn())
    } else if let Some(e) = &save.error {
        (lang.status_not_saved(e), p.warn())
    } else if screen.dirty() || save.in_flight.is_some() {
        (lang.status_saving().to_string(), p.dim())
    } else {
        (lang.status_saved().to_string(), p.good())
    };
    let mut spans = vec![Span::raw(" "), Span::styled(text, style)];
    if let Some(notice) = &screen.notice {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(notice.clone(), p.strong()));
    }
    if let Some(warning) = &screen.privacy {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(format!("⚠ {warning}"), p.warn()));
    }
    footer::fit(spans, width)
}

/// The keys that work where the focus is, the most useful first.
fn hints(screen: &WalkScreen, has_refs: bool) -> Vec<Hint> {
    use Hint as H;
    let multi = matches!(screen.focused_kind(), Some(QuestionKind::Multi { .. }));
    let choose = if multi { H::Toggle } else { H::Choose };
    let mut hints = match screen.keys() {
        WalkKeys::Steps => return vec![H::MoveStep, H::GoToStep, H::BackFromSteps],
        WalkKeys::Text => vec![H::NextQuestion, H::PrevQuestion, H::NextStep, H::PrevStep, H::Steps],
        WalkKeys::Options { on_other: true, other_open: true } => {
            vec![H::OtherText, H::NextQuestion, H::MoveOption, H::NextStep, H::Steps]
        }
        WalkKeys::Options { .. } => {
            vec![H::MoveOption, choose, H::NextQuestion, H::PrevQuestion, H::NextStep, H::Steps]
        }
        WalkKeys::Scale => {
            vec![H::ScaleChange, H::ScaleDigit, H::NextQuestion, H::NextStep, H::Clear, H::Steps]
        }
        WalkKeys::Reading => vec![H::NextStep, H::NextQuestion, H::PrevStep, H::Scroll, H::Steps],
    };
    if has_refs {
        hints.push(H::References);
    }
    hints.push(H::Save);
    hints
}
