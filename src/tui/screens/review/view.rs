//! The boxes of a review, over the walkthrough: the annotation being
//! written, and the name that signs it, asked for once.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};
use ratatui_textarea::TextArea;

use crate::tui::keys::{self, Hint};
use crate::tui::popups::dialog::centered;
use crate::tui::screens::review::Draft;
use crate::tui::screens::walk::WalkScreen;
use crate::tui::widgets::footer;
use crate::tui::widgets::wrap::{lines, wrap_styled};

/// Rows of the annotation's editor, when the window has them.
const EDITOR_ROWS: u16 = 6;

fn wrapped(text: &str, style: Style, width: usize, cap: usize) -> Vec<Line<'static>> {
    lines(wrap_styled(&[(text, style)], width, cap).0, Span::raw(""), Span::raw(""))
}

/// At most `cap` rows of `text`, the last ending with "…" when cut.
fn excerpt(text: &str, style: Style, width: usize, cap: usize) -> Vec<Line<'static>> {
    let (mut rows, more) = wrap_styled(&[(text, style)], width, cap);
    if more && let Some(last) = rows.last_mut() {
        let row: String = last.iter().map(|(s, _)| s.as_str()).collect();
        *last = vec![(crate::tui::widgets::wrap::truncate(&format!("{row} …"), width), style)];
    }
    lines(rows, Span::raw(""), Span::raw(""))
}

/// The annotation being written, over the walkthrough of `screen`.
pub fn annotation_box(screen: &WalkScreen, draft: &Draft, frame: &mut Frame, area: Rect, cursor: bool) {
    let Some(review) = screen.review.as_deref() else { return };
    let p = screen.palette();
    let lang = screen.lang();
    let width = area.width.saturating_sub(4).min(76);
    let text_width = width.saturating_sub(4) as usize;
    // What is annotated stays in sight: the question and its answer.
    let prompt = &screen.walk.question(draft.at).prompt;
    let mut above = wrapped(prompt, p.strong(), text_width, 2);
    let answer =
        screen.walk.record(draft.at).and_then(|r| r.answer.as_ref().map(|a| lang.answer_words(r, a)));
    match answer {
        Some(words) => above.extend(excerpt(&words, p.plain(), text_width, 3)),
        None => above.extend(wrapped(lang.no_answer(), p.dim(), text_width, 1)),
    }
    let author = review.author.as_deref().unwrap_or("");
    let mut below = wrapped(&lang.annotation_signed(author), p.hint(), text_width, usize::MAX);
    match &review.author_saved {
        Some(Ok(())) => below.extend(wrapped(lang.author_saved(), p.good(), text_width, usize::MAX)),
        Some(Err(e)) => {
            below.extend(wrapped(&lang.author_not_saved(&lang.failure(e)), p.warn(), text_width, usize::MAX))
        }
        None => {}
    }
    if let Some(warning) = &draft.privacy {
        below.extend(wrapped(&format!("⚠ {warning}"), p.warn(), text_width, 3));
    }
    if draft.empty {
        below.extend(wrapped(
            &lang.annotation_empty(&keys::label(lang, Hint::Cancel)),
            p.warn(),
            text_width,
            usize::MAX,
        ));
    }
    // Borders, the text around, the key line; the editor takes what is left.
    let fixed = (above.len() + below.len()) as u16 + 2 + 2 + 1;
    let editor_rows = EDITOR_ROWS.min(area.height.saturating_sub(fixed)).max(1);
    let rect = centered(area, width, fixed + editor_rows);
    let inner = open_box(lang.annotation_box(), screen, frame, rect);
    let mut rows = Rows::new(inner);
    let above_rows = above.len() as u16;
    frame.render_widget(Paragraph::new(above), rows.take(above_rows));
    let field = rows.take(editor_rows + 2);
    let field_block = Block::bordered().border_style(p.border()).padding(Padding::horizontal(1));
    let field_inner = field_block.inner(field);
    frame.render_widget(field_block, field);
    frame.render_widget(&draft.editor, field_inner);
    if cursor {
        crate::tui::editor::place_cursor(&draft.editor, field_inner, frame);
    }
    let below_rows = below.len() as u16;
    frame.render_widget(Paragraph::new(below), rows.take(below_rows));
    let keys = rows.take(1);
    let hints = [Hint::SaveAnnotation, Hint::NewLineAlt];
    let keys = Rect { x: inner.x, width: inner.width, ..keys };
    frame.render_widget(
        Paragraph::new(footer::line(lang, p, &hints, &[Hint::Cancel], keys.width as usize)),
        keys,
    );
}

/// The name that signs the annotations, asked for once.
pub fn author_box(
    screen: &WalkScreen,
    editor: &TextArea<'static>,
    empty: bool,
    frame: &mut Frame,
    area: Rect,
    cursor: bool,
) {
    let p = screen.palette();
    let lang = screen.lang();
    let width = area.width.saturating_sub(4).min(64);
    let text_width = width.saturating_sub(4) as usize;
    let above = wrapped(lang.author_why(), p.plain(), text_width, usize::MAX);
    let below =
        if empty { wrapped(lang.author_needed(), p.warn(), text_width, usize::MAX) } else { Vec::new() };
    let height = (above.len() + below.len()) as u16 + 3 + 1 + 2;
    let rect = centered(area, width, height);
    let inner = open_box(lang.author_box(), screen, frame, rect);
    let mut rows = Rows::new(inner);
    let above_rows = above.len() as u16;
    frame.render_widget(Paragraph::new(above), rows.take(above_rows));
    let field = rows.take(3);
    let field_block = Block::bordered().border_style(p.border()).padding(Padding::horizontal(1));
    let field_inner = field_block.inner(field);
    frame.render_widget(field_block, field);
    frame.render_widget(editor, field_inner);
    if cursor {
        crate::tui::editor::place_cursor(editor, field_inner, frame);
    }
    let below_rows = below.len() as u16;
    frame.render_widget(Paragraph::new(below), rows.take(below_rows));
    let keys = rows.take(1);
    let keys = Rect { x: inner.x, width: inner.width, ..keys };
    frame.render_widget(
        Paragraph::new(footer::line(lang, p, &[Hint::Confirm], &[Hint::Cancel], keys.width as usize)),
        keys,
    );
}

/// Clears `rect` and draws a box titled `title` there; gives its inside.
fn open_box(title: &str, screen: &WalkScreen, frame: &mut Frame, rect: Rect) -> Rect {
    let p = screen.palette();
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), p.title()))
        .border_style(p.border_focused());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// The rows of a box, handed out from the top, never past its bottom.
struct Rows {
    area: Rect,
    y: u16,
}

impl Rows {
    fn new(inner: Rect) -> Rows {
        // A column of margin on each side.
        let area = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
        Rows { area, y: inner.y }
    }

    fn take(&mut self, rows: u16) -> Rect {
        let bottom = self.area.y + self.area.height;
        let rect = Rect { y: self.y, height: rows.min(bottom.saturating_sub(self.y)), ..self.area };
        self.y = (self.y + rows).min(bottom);
        rect
    }
}
