//! How the follow-up looks: the three questions and the date, one under
//! the other, the field with the keys framed brighter, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Field, FollowUpScreen};
use crate::text::Lang;
use crate::trail::{Held, Time};
use crate::tui::keys::Hint;
use crate::tui::widgets::footer;
use crate::tui::widgets::wrap::{lines, wrap_styled};

/// Room for « 15/12/2026 » and the cursor after it.
const DATE_WIDTH: u16 = 14;

pub fn render(screen: &FollowUpScreen, now: Time, frame: &mut Frame, area: Rect, cursor: bool) {
    if area.height < 12 || area.width < 20 {
        return;
    }
    let p = screen.palette();
    let lang = screen.lang();
    let width = area.width as usize;
    let content = Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area };
    let title = format!("discern — {}", lang.follow_up_title(&screen.title));
    frame.render_widget(
        Paragraph::new(footer::fit(vec![Span::raw(" "), Span::styled(title, p.title())], width)),
        Rect { height: 1, ..area },
    );
    // Header, four prompts, the answers row, the date row, the message and
    // the keys; what is left goes to the two text boxes.
    let fixed = 1 + 4 + 1 + 1 + 2 + 1 + 1;
    let boxes = area.height.saturating_sub(fixed).max(6);
    let happened_h = boxes / 2;
    let learned_h = boxes - happened_h;
    let mut y = area.y + 2;
    let mut row = |h: u16| {
        let r = Rect { y, height: h.min((area.y + area.height).saturating_sub(y)), ..content };
        y += h;
        r
    };
    let prompt = |text: &str, field: Field| {
        let style = if screen.focus == field { p.strong() } else { p.plain() };
        Paragraph::new(Line::styled(text.to_string(), style))
    };
    let framed = |field: Field| {
        Block::bordered().border_style(if screen.focus == field { p.border_focused() } else { p.border() })
    };

    frame.render_widget(prompt(lang.follow_up_happened_prompt(), Field::Happened), row(1));
    let r = row(happened_h);
    let block = framed(Field::Happened);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    frame.render_widget(&screen.happened, inner);
    if cursor && screen.focus == Field::Happened {
        crate::tui::editor::place_cursor(&screen.happened, inner, frame);
    }

    frame.render_widget(prompt(lang.follow_up_held_prompt(), Field::Held), row(1));
    frame.render_widget(Paragraph::new(held_line(screen, lang)).wrap(Wrap { trim: false }), row(1));

    frame.render_widget(prompt(lang.follow_up_learned_prompt(), Field::Learned), row(1));
    let r = row(learned_h);
    let block = framed(Field::Learned);
    let inner = block.inner(r);
    frame.render_widget(block, r);
    frame.render_widget(&screen.learned, inner);
    if cursor && screen.focus == Field::Learned {
        crate::tui::editor::place_cursor(&screen.learned, inner, frame);
    }

    frame.render_widget(prompt(lang.follow_up_revisit_prompt(), Field::Date), row(1));
    let r = row(1);
    let field = Rect { width: DATE_WIDTH.min(r.width), ..r };
    let marker = if screen.focus == Field::Date { "› " } else { "  " };
    frame.render_widget(Paragraph::new(marker), field);
    let typing = Rect { x: field.x + 2, width: field.width.saturating_sub(2), ..field };
    frame.render_widget(&screen.date, typing);
    if cursor && screen.focus == Field::Date {
        crate::tui::editor::place_cursor(&screen.date, typing, frame);
    }
    let beside = match screen.date_reading(now.date_naive()) {
        Ok(Some(d)) => Span::styled(lang.date_in_words(d), p.good()),
        Ok(None) => {
            Span::styled(format!("{} — {}", lang.date_short_how(), lang.follow_up_no_date()), p.hint())
        }
        Err(_) => Span::styled(lang.date_short_how().to_string(), p.warn()),
    };
    let rest = Rect { x: field.x + field.width, width: r.width.saturating_sub(field.width), ..r };
    frame.render_widget(Paragraph::new(Line::from(beside)), rest);

    let bottom = area.y + area.height;
    if let Some(problem) = &screen.problem {
        let (rows, _) = wrap_styled(&[(problem, p.warn())], width.saturating_sub(2), 2);
        let text = lines(rows, Span::raw(" "), Span::raw(" "));
        let h = text.len() as u16;
        frame.render_widget(Paragraph::new(text), Rect { y: bottom - 1 - h, height: h, ..area });
    }
    let hints = match screen.focus {
        Field::Held => vec![Hint::MoveOption, Hint::Choose, Hint::NextField, Hint::Save],
        Field::Date => vec![Hint::NextField, Hint::Save],
        Field::Happened | Field::Learned => vec![Hint::NextField, Hint::NewLine, Hint::Save],
    };
    frame.render_widget(
        Paragraph::new(footer::line(lang, p, &hints, &[Hint::Help, Hint::Cancel], width)),
        Rect { y: bottom - 1, height: 1, ..area },
    );
}

/// « (•) Oui   ( ) En partie   ( ) Non   ( ) Trop tôt pour le dire », the
/// highlighted one marked when the answers have the keys.
fn held_line(screen: &FollowUpScreen, lang: Lang) -> Line<'static> {
    let p = screen.palette();
    let mut spans = Vec::new();
    for (i, h) in Held::ALL.iter().enumerate() {
        let chosen = screen.held == Some(*h);
        let here = screen.focus == Field::Held && screen.held_cursor == i;
        let mark = if chosen { "(•)" } else { "( )" };
        let style = if here {
            p.selected()
        } else if chosen {
            p.strong()
        } else {
            p.plain()
        };
        if i > 0 {
            spans.push(Span::raw("   "));
        }
        spans.push(Span::styled(format!("{mark} {}", lang.held_label(*h)), style));
    }
    Line::from(spans)
}
