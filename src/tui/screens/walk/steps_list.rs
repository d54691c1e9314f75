//! The list of steps, on the left: a mark for each step's state, the step
//! shown, and the steps that conditions hide, dimmed and struck through.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::tui::screens::walk::{Pane, WalkScreen};
use crate::tui::widgets::marks::{CURRENT, mark};
use crate::tui::widgets::wrap;
use crate::walk::StepState;

pub fn render(screen: &WalkScreen, frame: &mut Frame, area: Rect) {
    let p = screen.palette();
    let in_pane = matches!(screen.pane, Pane::Steps(_));
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", screen.lang().steps_title()), p.title()))
        .border_style(if in_pane { p.border_focused() } else { p.border() });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let count = screen.walk.grid.steps.len();
    if height == 0 || inner.width == 0 {
        return;
    }
    let cursor = match screen.pane {
        Pane::Steps(c) => c,
        Pane::Questions | Pane::End => screen.step,
    };
    // Only the rows in view are worked out: a long grid costs no more.
    let offset = if count <= height { 0 } else { cursor.saturating_sub(height / 2).min(count - height) };
    let width = inner.width as usize;
    let rows: Vec<Line> = (offset..count.min(offset + height))
        .map(|s| {
            let state = screen.walk.step_state(s);
            let current = match (s == screen.step, in_pane && s == cursor) {
                (true, _) => CURRENT,
                (false, true) => "›",
                (false, false) => " ",
            };
            let title = wrap::truncate(&screen.walk.step(s).title, width.saturating_sub(3));
            let title_style = if state == StepState::Hidden {
                p.hidden()
            } else if s == screen.step {
                p.strong()
            } else {
                p.plain()
            };
            let mark_style = match state {
                StepState::RequiredMissing => p.warn(),
                StepState::Answered => p.good(),
                StepState::Hidden => p.dim(),
                _ => p.plain(),
            };
            let line = Line::from(vec![
                Span::styled(current, p.focus()),
                Span::styled(mark(state), mark_style),
                Span::raw(" "),
                Span::styled(title, title_style),
            ]);
            if in_pane && s == cursor { line.style(p.selected()) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), inner);
}
