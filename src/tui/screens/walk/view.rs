//! The walkthrough's frame: header, the steps and the step side by side,
//! the status line and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::grid::QuestionKind;
use crate::tui::access::Access;
use crate::tui::keys::{self, Hint, WalkKeys};
use crate::tui::screens::walk::end_view;
use crate::tui::screens::walk::{Exit, Pane, WalkScreen};
use crate::tui::screens::walk::{step_view, steps_list};
use crate::tui::widgets::footer;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};

/// `boxed`: a review's box is open over the walk (its keys are the box's).
pub fn render(screen: &WalkScreen, frame: &mut Frame, area: Rect, cursor: bool, boxed: bool) {
    if area.height < 4 || area.width < 10 {
        return;
    }
    let p = screen.palette();
    let lang = screen.lang();
    let width = area.width as usize;
    // A privacy warning may take a second row: it is worth reading whole.
    let status_lines = status_lines(screen, width);
    let status_height = status_lines.len() as u16;
    let header = Rect { height: 1, ..area };
    let body = Rect { y: area.y + 1, height: area.height - 2 - status_height, ..area };
    let status = Rect { y: area.y + area.height - 1 - status_height, height: status_height, ..area };
    let keys = Rect { y: area.y + area.height - 1, height: 1, ..area };

    let trail = &screen.walk.trail;
    let grid_title = &screen.walk.grid.meta.title;
    let title = match screen.access {
        Access::Review { .. } | Access::Past(_) => lang.review_header(&trail.title, grid_title),
        Access::Answer | Access::ReadOnly => lang.walk_header(&trail.title, grid_title),
    };
    // Where one stands, on the right: « Étape 3 sur 12 · 5 réponses sur 20 ».
    let (place, steps) = screen.walk.step_number(screen.step);
    let (answered, questions) = screen.walk.answered_count();
    let progress = if screen.pane == Pane::End {
        format!("{} · {} ", lang.end_title(), lang.answered_of(answered, questions))
    } else {
        format!("{} · {} ", lang.step_of(place, steps), lang.answered_of(answered, questions))
    };
    let progress_width = wrap::width(&progress);
    let title_room = width.saturating_sub(progress_width + 2);
    let mut spans = footer::fit(vec![Span::raw(" "), Span::styled(title, p.title())], title_room).spans;
    if title_room > 10 {
        let used: usize = spans.iter().map(|s| wrap::width(&s.content)).sum();
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used + progress_width))));
        spans.push(Span::styled(progress, p.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), header);

    let left_width = (area.width / 3).clamp(20, 34);
    let left = Rect { width: left_width, ..body };
    let right = Rect { x: body.x + left_width, width: body.width - left_width, ..body };
    steps_list::render(screen, frame, left);
    if screen.pane == Pane::End {
        end_view::render(screen, frame, right);
    } else {
        step_view::render(screen, frame, right, cursor);
    }

    frame.render_widget(Paragraph::new(status_lines), status);
    let back = if screen.leaving.after_back == Exit::Library { Hint::ToLibrary } else { Hint::QuitWalk };
    let has_refs = !screen.walk.step(screen.step).references.is_empty();
    let hints = if boxed { Vec::new() } else { hints(screen, has_refs) };
    let tail: &[Hint] = match screen.keys() {
        _ if boxed => &[Hint::Help],
        WalkKeys::Steps | WalkKeys::End => &[Hint::Help],
        _ => &[Hint::Help, back],
    };
    let mut line = Line::default();
    let mut room = width;
    if !screen.access.answers() {
        // The footer says it first, as a badge: nothing here changes the answers.
        let tag = Span::styled(format!(" {} ", lang.read_only_tag()), p.selected());
        room = room.saturating_sub(wrap::width(&tag.content));
        line.spans.push(tag);
    }
    line.spans.extend(footer::line(lang, p, &hints, tail, room).spans);
    frame.render_widget(Paragraph::new(line), keys);
}

/// The status: where saving stands (or that this window only reads), the
/// notice of the last key, and the privacy warning; on two rows at most.
fn status_lines(screen: &WalkScreen, width: usize) -> Vec<Line<'static>> {
    let p = screen.palette();
    let mut parts = vec![status(screen)];
    if let Some(notice) = &screen.notice {
        parts.push(("  ".to_string(), p.plain()));
        parts.push((notice.clone(), p.strong()));
    }
    if let Some(warning) = &screen.privacy {
        parts.push(("  ".to_string(), p.plain()));
        parts.push((format!("⚠ {warning}"), p.warn()));
    }
    let parts: Vec<(&str, Style)> = parts.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    let inner = width.saturating_sub(2).max(1);
    let (mut rows, more) = wrap_styled(&parts, inner, 2);
    if more && let Some(last) = rows.last_mut() {
        let style = last.last().map_or(p.plain(), |(_, s)| *s);
        let text: String = last.iter().map(|(s, _)| s.as_str()).collect();
        *last = vec![(wrap::truncate(&format!("{text} …"), inner), style)];
    }
    lines(rows, Span::raw(" "), Span::raw(" "))
}

fn status(screen: &WalkScreen) -> (String, Style) {
    let p = screen.palette();
    let lang = screen.lang();
    let save = &screen.save;
    if let Access::Past(moment) = screen.access {
        return (lang.status_as_it_stood(moment), p.strong());
    }
    if screen.access.elsewhere() {
        return (lang.status_open_elsewhere().to_string(), p.strong());
    }
    let annotated = screen.walk.changes > 0;
    if matches!(screen.access, Access::Review { .. }) && !annotated {
        return (lang.status_review().to_string(), p.dim());
    }
    if screen.path.is_none() {
        (lang.status_ephemeral().to_string(), p.dim())
    } else if let (true, Some(e)) = (screen.leave_armed(), &save.error) {
        {
            let (back, quit) = (keys::label(lang, Hint::ToLibrary), keys::label(lang, Hint::SaveAndQuit));
            (lang.status_leave_unsaved(e, &back, &quit), p.warn())
        }
    } else if let Some(e) = &save.error {
        (lang.status_not_saved(e), p.warn())
    } else if screen.dirty() || save.in_flight.is_some() {
        (lang.status_saving().to_string(), p.dim())
    } else {
        (lang.status_saved().to_string(), p.good())
    }
}

/// The keys that work where the focus is, the most useful first.
fn hints(screen: &WalkScreen, has_refs: bool) -> Vec<Hint> {
    use Hint as H;
    let multi = matches!(screen.focused_kind(), Some(QuestionKind::Multi { .. }));
    let choose = if multi { H::Toggle } else { H::Choose };
    let mut hints = match screen.keys() {
        WalkKeys::Steps => return vec![H::MoveStep, H::GoToStep, H::BackFromSteps],
        WalkKeys::End if screen.path.is_some() => {
            return vec![H::ExportMd, H::ExportHtml, H::BackToWalk, H::OpenExport];
        }
        WalkKeys::End => return vec![H::KeepWalk, H::ExportMd, H::ExportHtml, H::BackToWalk, H::OpenExport],
        WalkKeys::ReadOnly if screen.access == (Access::Review { can_save: true }) => {
            vec![H::Annotate, H::NextQuestion, H::PrevQuestion, H::Scroll, H::NextStep, H::PrevStep, H::Steps]
        }
        WalkKeys::ReadOnly => {
            vec![H::NextQuestion, H::PrevQuestion, H::Scroll, H::NextStep, H::PrevStep, H::Steps]
        }
        WalkKeys::Text => {
            vec![H::NextQuestion, H::PrevQuestion, H::NextStep, H::PrevStep, H::ScrollStep, H::Undo, H::Steps]
        }
        WalkKeys::Date => {
            vec![H::NextQuestion, H::PrevQuestion, H::NextStep, H::PrevStep, H::ScrollStep, H::Steps]
        }
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
    if screen.access.answers() {
        hints.push(H::Save);
    }
    hints
}
