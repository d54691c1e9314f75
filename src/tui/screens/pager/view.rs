//! How a document looks on screen: its title, the rows in view with a
//! margin, where one is in it, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::keys::Hint;
use crate::tui::screens::pager::{CHROME_ROWS, Pager, text_width};
use crate::tui::widgets::footer;

pub fn render(pager: &Pager, frame: &mut Frame, area: Rect) {
    if area.height <= CHROME_ROWS || area.width < 10 {
        return;
    }
    let p = pager.palette();
    let lang = pager.lang();
    let width = area.width as usize;
    let header = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(footer::fit(
            vec![Span::raw(" "), Span::styled(pager.title.clone(), p.title())],
            width,
        )),
        header,
    );
    let body = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: (text_width(area.width) as u16).min(area.width.saturating_sub(2)),
        height: area.height - CHROME_ROWS,
    };
    let (top, end, total) = pager.position();
    let visible: Vec<Line> = pager.rows()[top..end].to_vec();
    frame.render_widget(Paragraph::new(visible), body);

    let status = Rect { y: area.y + area.height - 2, height: 1, ..area };
    if total > 0 {
        let marks = format!("{}{}", if top > 0 { "▲" } else { " " }, if end < total { "▼" } else { " " });
        let position = format!("{}  {marks} ", lang.pager_position(top + 1, end, total));
        frame.render_widget(Paragraph::new(Line::styled(position, p.dim()).right_aligned()), status);
    }
    let keys = Rect { y: area.y + area.height - 1, height: 1, ..area };
    let hints = [Hint::Scroll, Hint::Page, Hint::HomeEnd];
    frame.render_widget(
        Paragraph::new(footer::line(lang, p, &hints, &[Hint::Help, Hint::Close], width)),
        keys,
    );
}
