//! The editor of an answer, which may run to 100 KB: ratatui-textarea
//! wraps again every line it holds at every edit (its screen map), so it
//! holds only a window of the answer's lines around the cursor, and this
//! wrapper keeps the lines before and after. The answer is always the
//! lines before, the window's and the lines after, joined by "\n".
//!
//! The window keeps, on each side of the cursor, more rows than the editor
//! shows and at least one whole line: every key that moves or edits one
//! line or one row at a time stays inside it, and what is drawn is drawn
//! from it exactly as from the whole text (wrapping is per line, and the
//! editor's scrolling depends only on rows relative to the cursor). When a
//! key leaves the cursor too near an edge, or a paste makes the window too
//! big, the window is cut again around the cursor, the cursor at the same
//! place in the text and the same rows in view. The keys that jump far (to
//! the top or the bottom, a paragraph, a page) are applied to the whole
//! text, then the window is cut again.
//!
//! Undo reaches back only to the last time the window was cut.
//!
//! ratatui-textarea keeps its scroll as a row number, here counted from
//! the window's first line: after the terminal's width changes, the row at
//! the top of the editor may not be the one the whole text would show
//! there (the cursor is in view either way), until the cursor goes out of
//! view.
//!
//! The window is only ever cut once the editor has been drawn (its width
//! and height say how many rows each side must hold): until then it holds
//! the whole text. Nor can it be cut inside a line, so an answer that is
//! one 100 KB line with no line break is held whole, as before. And as
//! ratatui-textarea places a cursor with 16-bit rows and columns, a cut
//! that would put the cursor past the 65,535th line of the new window or
//! past the 65,535th char of its line is put off: the window stays as it
//! is (and a key that jumps far stops at its edge).

use std::cell::Cell;
use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor, Input, Key, TextArea, WrapMode};

use crate::tui::widgets::theme::Palette;

/// Rows kept on each side of the cursor, in heights of the editor as last
/// drawn: whatever the editor scrolls to, it draws from the window, even
/// in a terminal made up to twice as tall before the next key.
const VIEWS_HELD: usize = 2;
/// Text kept on each side of the cursor, beyond those rows, so that the
/// window is not cut again at every key...
const SIDE_BYTES: usize = 4 * 1024;
/// ...unless the lines are short: then this many lines.
const SIDE_LINES: usize = 100;
/// A window grown past either (a paste) is cut again, if it then holds
/// less than half.
const MAX_BYTES: usize = 16 * 1024;
const MAX_LINES: usize = 400;

pub struct AnswerEditor {
    /// The lines before the window.
    before: Vec<String>,
    window: TextArea<'static>,
    /// The lines after the window.
    after: Vec<String>,
    /// Where the editor was last drawn: its height says how many rows each
    /// side of the cursor must hold, its width how lines wrap.
    drawn: Cell<Option<Rect>>,
}

impl AnswerEditor {
    /// A text answer: soft word wrap, the cursor at the end.
    pub fn new(text: &str, placeholder: &str, palette: &Palette) -> Self {
        Self::whole(super::text(text, placeholder, palette))
    }

    /// An "Other" entry: one line, the cursor at the end.
    pub fn one_line(text: &str, placeholder: &str, palette: &Palette) -> Self {
        Self::whole(super::line(text, placeholder, palette))
    }

    fn whole(window: TextArea<'static>) -> Self {
        AnswerEditor { before: Vec::new(), window, after: Vec::new(), drawn: Cell::new(None) }
    }

    /// Every line of the answer.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        let window = self.window.lines().iter();
        self.before.iter().chain(window).chain(self.after.iter()).map(String::as_str)
    }

    /// The whole answer.
    pub fn text(&self) -> String {
        let size = self.lines().map(|l| l.len() + 1).sum();
        let mut text = String::with_capacity(size);
        for (i, line) in self.lines().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(line);
        }
        text
    }

    /// The text of a one-line entry.
    pub fn line_text(&self) -> String {
        self.lines().collect::<Vec<_>>().join(" ")
    }

    /// The cursor's line and column in the whole answer.
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.window.cursor();
        (self.before.len() + row, col)
    }

    /// A key; whether it changed the text.
    pub fn input(&mut self, input: Input) -> bool {
        let input = super::undo_keys(input);
        if jumps_far(&input) {
            self.widen();
        } else {
            self.recut_if_needed();
        }
        let changed = self.window.input(input);
        self.recut_if_needed();
        changed
    }

    /// Pasted text, at the cursor; whether it changed the text.
    pub fn insert_str(&mut self, text: &str) -> bool {
        let changed = self.window.insert_str(text);
        self.recut_if_needed();
        changed
    }

    /// Puts the terminal's cursor where the editor drawn in `area` types.
    pub fn place_cursor(&self, area: Rect, frame: &mut Frame) {
        super::place_cursor(&self.window, area, frame);
    }

    fn line_count(&self) -> usize {
        self.before.len() + self.window.lines().len() + self.after.len()
    }

    fn nth_line(&self, i: usize) -> &str {
        let window = self.window.lines();
        match i.checked_sub(self.before.len()) {
            None => &self.before[i],
            Some(w) if w < window.len() => &window[w],
            Some(w) => &self.after[w - window.len()],
        }
    }

    fn window_range(&self) -> Range<usize> {
        self.before.len()..self.before.len() + self.window.lines().len()
    }

    /// The other end of the selection, in the whole answer.
    fn anchor(&self) -> Option<(usize, usize)> {
        let (start, end) = self.window.selection_range()?;
        let DataCursor(row, col) = self.window.cursor();
        let (row, col) = if start == (row, col) { end } else { start };
        Some((self.before.len() + row, col))
    }

    /// Before a key that jumps far: the whole text in the window.
    fn widen(&mut self) {
        if let Some(area) = self.drawn.get()
            && !(self.before.is_empty() && self.after.is_empty())
        {
            self.cut(area, 0..self.line_count());
        }
    }

    fn recut_if_needed(&mut self) {
        let Some(area) = self.drawn.get() else { return };
        let cramped = self.cramped(area);
        if !cramped && !self.oversized() {
            return;
        }
        // Rows are guessed from the width before the window is cut; where
        // the guess was short (zero-width chars), more lines are taken.
        for factor in [VIEWS_HELD + 1, 2 * VIEWS_HELD + 2, 8 * VIEWS_HELD] {
            let range = self.wanted(area, factor);
            if !cramped && !self.much_bigger_than(&range) {
                return;
            }
            if range != self.window_range() {
                self.cut(area, range);
            }
            if !self.cramped(area) {
                return;
            }
        }
        self.cut(area, 0..self.line_count());
    }

    /// The cursor is too near an edge of the window that is not an end of
    /// the text: one key could leave it, or the rows drawn around it could
    /// go past the edge.
    fn cramped(&self, area: Rect) -> bool {
        let rows = VIEWS_HELD * usize::from(area.height.max(1));
        let DataCursor(line, _) = self.window.cursor();
        let last = self.window.lines().len() - 1;
        let row = self.window.screen_cursor().row;
        if !self.before.is_empty() && (line == 0 || row < rows) {
            return true;
        }
        // The row `rows` below the cursor's is on a line before the last.
        !self.after.is_empty() && (line == last || self.window.screen_to_data(row + rows, 0).0 >= last)
    }

    fn oversized(&self) -> bool {
        let lines = self.window.lines();
        lines.len() > MAX_LINES || lines.iter().map(|l| l.len() + 1).sum::<usize>() > MAX_BYTES
    }

    /// Whether the window is more than twice the lines `range` (a window
    /// that cannot be smaller, one long line, is not cut at every key).
    fn much_bigger_than(&self, range: &Range<usize>) -> bool {
        let bytes = |lines: Range<usize>| lines.map(|i| self.nth_line(i).len() + 1).sum::<usize>();
        let window = self.window_range();
        window.len() > 2 * range.len() || bytes(window) > 2 * bytes(range.clone())
    }

    /// The lines of the window around the cursor (and the selection):
    /// `factor` times the rows drawn on each side, and some text more.
    fn wanted(&self, area: Rect, factor: usize) -> Range<usize> {
        let width = usize::from(area.width.max(1));
        let rows = factor * usize::from(area.height.max(1));
        let (cursor, _) = self.cursor();
        let anchor = self.anchor().map_or(cursor, |(line, _)| line);
        let enough =
            |taken: &Taken| taken.rows >= rows && (taken.bytes >= SIDE_BYTES || taken.lines >= SIDE_LINES);
        let mut start = cursor.min(anchor);
        let mut taken = Taken::default();
        while start > 0 && !enough(&taken) {
            start -= 1;
            taken.add(self.nth_line(start), width);
        }
        let mut end = cursor.max(anchor) + 1;
        let mut taken = Taken::default();
        while end < self.line_count() && !enough(&taken) {
            taken.add(self.nth_line(end), width);
            end += 1;
        }
        start..end
    }

    /// Cuts the window to the lines `range`, which hold the cursor and the
    /// selection: the cursor stays at its place in the text, the same rows
    /// stay in view.
    fn cut(&mut self, area: Rect, range: Range<usize>) {
        let place = |(line, col): (usize, usize)| {
            let line = u16::try_from(line.checked_sub(range.start)?).ok()?;
            Some((line, u16::try_from(col).ok()?))
        };
        let Some(cursor) = place(self.cursor()) else { return };
        let anchor = match self.anchor() {
            Some(a) => match place(a) {
                Some(a) => Some(a),
                None => return,
            },
            None => None,
        };
        // How far below the top of the view the cursor is (negative: above
        // it, the view not yet scrolled to it).
        let below_top = self.window.screen_cursor().row as i64 - i64::from(self.window.scroll_offset().0);
        let mut old = std::mem::take(&mut self.window);
        let looks = Looks::of(&mut old);
        let mut lines = std::mem::take(&mut self.before);
        lines.extend(old.into_lines());
        lines.append(&mut self.after);
        self.after = lines.split_off(range.end);
        let window = lines.split_off(range.start);
        self.before = lines;
        self.window = looks.dress(TextArea::new(window));
        // Drawn once off screen, so that it wraps at the width it is shown
        // at, and it knows the height of its view.
        Widget::render(&self.window, area, &mut Buffer::empty(area));
        self.window.move_cursor(CursorMove::Jump(cursor.0, cursor.1));
        let row = self.window.screen_cursor().row as i64;
        // Any top above the cursor's row by more than the view scrolls to
        // the same place, and so does any top below it.
        let mut top = (row - below_top).clamp(0, row + 1);
        while top > 0 {
            let step = top.min(i64::from(i16::MAX));
            self.window.scroll((step as i16, 0));
            top -= step;
        }
        if let Some((line, col)) = anchor {
            self.window.move_cursor(CursorMove::Jump(line, col));
            self.window.start_selection();
        }
        self.window.move_cursor(CursorMove::Jump(cursor.0, cursor.1));
    }
}

/// How an editor is set up, passed on from one window to the next.
struct Looks {
    wrap: WrapMode,
    style: Style,
    cursor: Style,
    cursor_line: Style,
    selection: Style,
    placeholder: String,
    placeholder_style: Option<Style>,
    yank: String,
}

impl Looks {
    fn of(editor: &mut TextArea<'static>) -> Looks {
        Looks {
            wrap: editor.wrap_mode(),
            style: editor.style(),
            cursor: editor.cursor_style(),
            cursor_line: editor.cursor_line_style(),
            selection: editor.selection_style(),
            placeholder: editor.placeholder_text().to_string(),
            placeholder_style: editor.placeholder_style(),
            yank: editor.yank_text(),
        }
    }

    fn dress(self, mut editor: TextArea<'static>) -> TextArea<'static> {
        editor.set_wrap_mode(self.wrap);
        editor.set_style(self.style);
        editor.set_cursor_style(self.cursor);
        editor.set_cursor_line_style(self.cursor_line);
        editor.set_selection_style(self.selection);
        if !self.placeholder.is_empty() {
            editor.set_placeholder_text(self.placeholder);
        }
        if let Some(style) = self.placeholder_style {
            editor.set_placeholder_style(style);
        }
        editor.set_yank_text(self.yank);
        editor
    }
}

/// What one side of the window holds so far.
#[derive(Default)]
struct Taken {
    rows: usize,
    bytes: usize,
    lines: usize,
}

impl Taken {
    fn add(&mut self, line: &str, width: usize) {
        // At least this many rows: a row holds `width` cells at most.
        self.rows += line.chars().count().div_ceil(width).max(1);
        self.bytes += line.len() + 1;
        self.lines += 1;
    }
}

/// The keys of ratatui-textarea that may take the cursor more than one
/// line or row away, or move the view: the top, the bottom, a paragraph,
/// a page (Ctrl-V, Alt-V), the mouse wheel. Some more are counted in
/// (Ctrl-Alt-<): only the cost differs.
fn jumps_far(input: &Input) -> bool {
    match input.key {
        Key::PageUp | Key::PageDown | Key::MouseScrollUp | Key::MouseScrollDown => true,
        Key::Up | Key::Down => input.ctrl,
        Key::Char('<' | '>' | '[' | ']' | 'n' | 'p') => input.alt,
        Key::Char('v') => input.alt || input.ctrl,
        _ => false,
    }
}

impl Widget for &AnswerEditor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.drawn.set(Some(area));
        self.window.render(area, buf);
    }
}

#[cfg(test)]
mod tests;
