//! A document on screen, to read at one's pace: `discern compare` on a
//! terminal. The text is given whole; it is wrapped again when the window
//! changes size (never while drawing), with its Markdown marks read as
//! styles: `#` titles, `**strong**`, `•` bullets that keep their indent.
//! A first line that repeats the title shown above is left out.

pub(crate) mod view;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::Lang;
use crate::tui::keys::PagerMsg;
use crate::tui::theme::Palette;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};

/// The widest a row of text gets, however wide the window: long rows are
/// hard to follow.
const MAX_TEXT_WIDTH: usize = 100;

/// Rows around the text: the title above, the position and the keys below.
pub const CHROME_ROWS: u16 = 3;

pub struct Pager {
    pub(in crate::tui) title: String,
    text: String,
    /// The text as drawn at the present width.
    rows: Vec<Line<'static>>,
    /// The first row in view.
    pub(in crate::tui) top: usize,
    /// How many rows of text the window shows.
    view: usize,
    lang: Lang,
    palette: Palette,
}

/// What the pager asks of the program.
pub enum PagerOut {
    Help,
    Quit,
}

impl Pager {
    pub fn new(title: &str, text: &str, lang: Lang, palette: Palette) -> Pager {
        let text = match text.strip_prefix(&format!("# {title}\n")) {
            Some(rest) => rest.trim_start_matches('\n'),
            None => text,
        };
        let mut pager = Pager {
            title: title.to_string(),
            text: text.to_string(),
            rows: Vec::new(),
            top: 0,
            view: 1,
            lang,
            palette,
        };
        pager.resize(80, 24);
        pager
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    pub fn rows(&self) -> &[Line<'static>] {
        &self.rows
    }

    /// Wraps the text for a window of `width` × `height`.
    pub fn resize(&mut self, width: u16, height: u16) {
        let text_width = text_width(width);
        self.rows = self.text.lines().flat_map(|line| styled_rows(line, text_width, &self.palette)).collect();
        self.view = usize::from(height.saturating_sub(CHROME_ROWS)).max(1);
        self.top = self.top.min(self.last_top());
    }

    fn last_top(&self) -> usize {
        self.rows.len().saturating_sub(self.view)
    }

    /// The rows in view: from, to (exclusive), of how many.
    pub fn position(&self) -> (usize, usize, usize) {
        let end = (self.top + self.view).min(self.rows.len());
        (self.top, end, self.rows.len())
    }

    pub fn update(&mut self, msg: PagerMsg) -> Option<PagerOut> {
        let page = self.view.saturating_sub(1).max(1);
        self.top = match msg {
            PagerMsg::Up => self.top.saturating_sub(1),
            PagerMsg::Down => self.top + 1,
            PagerMsg::PageUp => self.top.saturating_sub(page),
            PagerMsg::PageDown => self.top + page,
            PagerMsg::Top => 0,
            PagerMsg::Bottom => self.last_top(),
            PagerMsg::Help => return Some(PagerOut::Help),
            PagerMsg::Quit => return Some(PagerOut::Quit),
        }
        .min(self.last_top());
        None
    }
}

/// The width of the text in a window `width` wide: a margin of two on
/// each side, no wider than `MAX_TEXT_WIDTH`.
pub fn text_width(width: u16) -> usize {
    usize::from(width).saturating_sub(4).clamp(1, MAX_TEXT_WIDTH)
}

/// One line of the document as rows: a title or a heading styled without
/// its `#`, `**` marks turned to bold, and the continuation rows of a
/// bullet or an indented line under its text.
fn styled_rows(line: &str, width: usize, p: &Palette) -> Vec<Line<'static>> {
    if line.trim().is_empty() {
        return vec![Line::default()];
    }
    if let Some(title) = line.strip_prefix("# ") {
        return plain_rows(title, p.title(), width);
    }
    if let Some(heading) = line.strip_prefix("## ").or_else(|| line.strip_prefix("### ")) {
        return plain_rows(heading, p.strong(), width);
    }
    // Headings of the plain text form are underlined with = or -.
    if line.chars().all(|c| c == '=' || c == '-') && line.len() > 2 {
        return plain_rows(line, p.dim(), width);
    }
    let indent = line.len() - line.trim_start().len();
    let body = &line[indent..];
    let (bullet, body) = match body.strip_prefix("- ").or_else(|| body.strip_prefix("* ")) {
        Some(rest) => ("• ", rest),
        None => ("", body),
    };
    let first = format!("{}{bullet}", " ".repeat(indent));
    let rest = " ".repeat(wrap::width(&first));
    let parts = strong_parts(body, p);
    let parts: Vec<(&str, Style)> = parts.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    let (rows, _) = wrap_styled(&parts, width.saturating_sub(wrap::width(&first)).max(1), usize::MAX);
    lines(rows, Span::raw(first), Span::raw(rest))
}

fn plain_rows(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    lines(wrap_styled(&[(text, style)], width, usize::MAX).0, Span::raw(""), Span::raw(""))
}

/// `**` marks turned into bold pieces; an unpaired mark stays as it is.
fn strong_parts(text: &str, p: &Palette) -> Vec<(String, Style)> {
    let pieces: Vec<&str> = text.split("**").collect();
    if pieces.len().is_multiple_of(2) {
        return vec![(text.to_string(), p.plain())];
    }
    pieces
        .into_iter()
        .enumerate()
        .filter(|(_, piece)| !piece.is_empty())
        .map(|(i, piece)| (piece.to_string(), if i % 2 == 1 { p.strong() } else { p.plain() }))
        .collect()
}

#[cfg(test)]
mod tests;
