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
//! A line longer than `LONG_LINE` (an answer written or pasted as one
//! line) is cut too: the window then starts at the start of one of its
//! rows, as the whole line wraps at the width last drawn (a line wraps the
//! same from the start of any of its rows), and ends at the end of a row;
//! the parts of the line outside are kept as they are (`head`, `tail`),
//! no line break is invented there. The keys that go to the start or the
//! end of that line (Home, End) or of the text jump there, the window cut
//! again around the place they land. Some keys still stop at the window's
//! edge inside such a line: Home and End with Shift (a selection), Ctrl-K
//! and Ctrl-J (delete to the end or the start of the line), the keys of a
//! paragraph; and a selection over more than 65,535 chars of a line is not
//! cut (ratatui-textarea places a cursor with 16-bit rows and columns).
//!
//! The window is only ever cut again once the editor has been drawn (its
//! width and height say how many rows each side must hold): until then it
//! holds the whole text, or, for a text longer than `MAX_BYTES`, a window
//! cut for a 80×24 editor, cut again at the first key. While a line is cut
//! at another width than the editor is drawn at (before that first key,
//! after the terminal's width changed), what is drawn is a preview: the
//! rows around the cursor cut at the drawn width, made once for that area;
//! the next key cuts the window there, the cursor as far below the view's
//! top as the preview showed it.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor, Input, Key, TextArea, WrapMode, wrap_line};

use crate::tui::theme::Palette;

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
/// A line longer than this is cut inside, at its rows.
const LONG_LINE: usize = MAX_BYTES / 2;
/// The editor a long text is cut for before it is first drawn.
const FIRST_AREA: Rect = Rect { x: 0, y: 0, width: 80, height: 24 };

/// A place in the whole answer: a line, and a byte in it.
type Place = (usize, usize);

/// What the window holds: from `start` (the start of a row) to `end`
/// (the end of a row), both in the whole answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cut {
    start: Place,
    end: Place,
}

pub struct AnswerEditor {
    /// The lines before the window.
    before: Vec<String>,
    /// The start of the window's first line, when the window starts inside
    /// it (at the start of a row)...
    head: String,
    /// ...its chars...
    head_chars: usize,
    /// ...and the width it was cut at (its end is the start of a row at
    /// that width).
    head_width: u16,
    window: TextArea<'static>,
    /// The end of the window's last line, when the window ends inside it.
    tail: String,
    /// The lines after the window.
    after: Vec<String>,
    /// Where the editor was last drawn: its height says how many rows each
    /// side of the cursor must hold, its width how lines wrap.
    drawn: Cell<Option<Rect>>,
    /// What is drawn while the window was cut at another width than the
    /// editor is drawn at (before the first key, after a resize): the rows
    /// around the cursor cut again at that width, for that area.
    preview: RefCell<Option<Preview>>,
    /// How far below the view's top the cursor was in the preview last
    /// drawn: the window cut again at the next key keeps it there.
    previewed: Option<i64>,
    /// Where the preview last drawn started (the start of a row at that
    /// width), until the window is cut again: the line need not be wrapped
    /// from its start a second time.
    row_start: Option<(u16, Place)>,
}

/// What is drawn of a window cut at another width (see `preview`).
struct Preview {
    area: Rect,
    editor: TextArea<'static>,
    start: Place,
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
        let mut editor = AnswerEditor {
            before: Vec::new(),
            head: String::new(),
            head_chars: 0,
            head_width: 0,
            window,
            tail: String::new(),
            after: Vec::new(),
            drawn: Cell::new(None),
            preview: RefCell::new(None),
            previewed: None,
            row_start: None,
        };
        let bytes: usize = editor.window.lines().iter().map(|l| l.len() + 1).sum();
        if bytes > MAX_BYTES {
            let (cursor, anchor) = editor.places();
            let cut = editor.wanted(FIRST_AREA, VIEWS_HELD + 1, cursor, anchor);
            // Not scrolled yet, as ratatui-textarea starts: the view's
            // top on the window's first row.
            editor.cut(FIRST_AREA, cut, cursor, anchor, Some(i64::MAX / 4));
        }
        editor
    }

    /// Every line of the answer.
    pub fn lines(&self) -> impl Iterator<Item = Cow<'_, str>> {
        (0..self.line_count()).map(|i| self.full_line(i))
    }

    /// The whole answer.
    pub fn text(&self) -> String {
        let window = self.window.lines();
        let bytes = |lines: &[String]| lines.iter().map(|l| l.len() + 1).sum::<usize>();
        let size =
            bytes(&self.before) + self.head.len() + bytes(window) + self.tail.len() + bytes(&self.after);
        let mut text = String::with_capacity(size);
        for line in &self.before {
            text.push_str(line);
            text.push('\n');
        }
        // A line the window cuts is whole again: no line break at a cut.
        text.push_str(&self.head);
        for (i, line) in window.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(line);
        }
        text.push_str(&self.tail);
        for line in &self.after {
            text.push('\n');
            text.push_str(line);
        }
        text
    }

    /// The answer in pieces that each wrap on their own rows (the lines,
    /// a line the window cuts in two or three pieces), for a count of rows
    /// that may run over by one at a cut: cheap however long a line.
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        let window = self.window.lines().iter().map(String::as_str);
        let before = self
            .before
            .iter()
            .map(String::as_str)
            .chain([self.head.as_str()].into_iter().filter(|h| !h.is_empty()));
        let after = [self.tail.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .chain(self.after.iter().map(String::as_str));
        before.chain(window).chain(after)
    }

    /// The text of a one-line entry.
    pub fn line_text(&self) -> String {
        self.lines().collect::<Vec<_>>().join(" ")
    }

    /// The cursor's line and column (in chars) in the whole answer.
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.window.cursor();
        self.in_answer(row, col)
    }

    /// A line and column of the window, in the whole answer.
    fn in_answer(&self, row: usize, col: usize) -> (usize, usize) {
        let col = if row == 0 { self.head_chars + col } else { col };
        (self.before.len() + row, col)
    }

    /// A key; whether it changed the text.
    pub fn input(&mut self, input: Input) -> bool {
        let input = super::undo_keys(input);
        self.leave_preview();
        if let Some(area) = self.drawn.get()
            && let Some(target) = self.far_end(&input)
        {
            self.jump(area, target);
            return false;
        }
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
        self.leave_preview();
        self.recut_if_needed();
        let changed = self.window.insert_str(text);
        self.recut_if_needed();
        changed
    }

    /// Puts the terminal's cursor where the editor drawn in `area` types.
    pub fn place_cursor(&self, area: Rect, frame: &mut Frame) {
        match &*self.preview.borrow() {
            Some(preview) if preview.area == area => super::place_cursor(&preview.editor, area, frame),
            _ => super::place_cursor(&self.window, area, frame),
        }
    }

    /// Before a key: the preview is dropped, where it showed the cursor
    /// kept for the window cut again at the drawn width.
    fn leave_preview(&mut self) {
        if let Some(preview) = self.preview.get_mut().take() {
            self.previewed = Some(below_view_top(&preview.editor));
            self.row_start = Some((preview.area.width, preview.start));
        }
    }

    /// The rows around the cursor cut at the width of `area` (the window's
    /// selection is not shown in it).
    fn make_preview(&self, area: Rect) -> Option<Preview> {
        let (cursor, _) = self.places();
        let cut = self.wanted(area, VIEWS_HELD + 1, cursor, None);
        let lines: Vec<String> = (cut.start.0..=cut.end.0)
            .map(|i| {
                let line = self.full_line(i);
                let start = if i == cut.start.0 { cut.start.1 } else { 0 };
                let end = if i == cut.end.0 { cut.end.1 } else { line.len() };
                line[start..end].to_string()
            })
            .collect();
        let line = cursor.0 - cut.start.0;
        let byte = if line == 0 { cursor.1 - cut.start.1 } else { cursor.1 };
        let col = u16::try_from(lines[line][..byte].chars().count()).ok()?;
        let line = u16::try_from(line).ok()?;
        let mut copy = self.window.clone();
        let mut preview = Looks::of(&mut copy).dress(TextArea::new(lines));
        Widget::render(&preview, area, &mut Buffer::empty(area));
        preview.move_cursor(CursorMove::Jump(line, col));
        scroll_to(&mut preview, below_view_top(&self.window));
        // Scrolling keeps the cursor in the view: put it back.
        preview.move_cursor(CursorMove::Jump(line, col));
        Some(Preview { area, editor: preview, start: cut.start })
    }

    fn line_count(&self) -> usize {
        self.before.len() + self.window.lines().len() + self.after.len()
    }

    /// A line of the whole answer (made whole again if the window cuts it).
    fn full_line(&self, i: usize) -> Cow<'_, str> {
        let window = self.window.lines();
        match i.checked_sub(self.before.len()) {
            None => Cow::Borrowed(&self.before[i]),
            Some(w) if w < window.len() => {
                let head = if w == 0 { self.head.as_str() } else { "" };
                let tail = if w + 1 == window.len() { self.tail.as_str() } else { "" };
                if head.is_empty() && tail.is_empty() {
                    Cow::Borrowed(&window[w])
                } else {
                    Cow::Owned([head, &window[w], tail].concat())
                }
            }
            Some(w) => Cow::Borrowed(&self.after[w - window.len()]),
        }
    }

    /// A line's length in bytes, without making it whole.
    fn line_len(&self, i: usize) -> usize {
        let window = self.window.lines();
        match i.checked_sub(self.before.len()) {
            None => self.before[i].len(),
            Some(w) if w < window.len() => {
                let head = if w == 0 { self.head.len() } else { 0 };
                let tail = if w + 1 == window.len() { self.tail.len() } else { 0 };
                head + window[w].len() + tail
            }
            Some(w) => self.after[w - window.len()].len(),
        }
    }

    #[cfg(test)]
    fn window_range(&self) -> std::ops::Range<usize> {
        self.before.len()..self.before.len() + self.window.lines().len()
    }

    /// The other end of the selection, in the whole answer.
    fn anchor(&self) -> Option<(usize, usize)> {
        let (start, end) = self.window.selection_range()?;
        let DataCursor(row, col) = self.window.cursor();
        let (row, col) = if start == (row, col) { end } else { start };
        Some(self.in_answer(row, col))
    }

    /// Before a key that jumps far: the whole text in the window, unless
    /// a line is too long for ratatui-textarea to hold whole.
    fn widen(&mut self) {
        if let Some(area) = self.drawn.get()
            && !(self.before.is_empty()
                && self.after.is_empty()
                && self.head.is_empty()
                && self.tail.is_empty())
            && self.can_widen()
        {
            let (cursor, anchor) = self.places();
            self.cut(area, self.everything(), cursor, anchor, None);
        }
    }

    /// Whether every line fits in ratatui-textarea's 16-bit columns.
    fn can_widen(&self) -> bool {
        (0..self.line_count()).all(|i| self.line_len(i) <= usize::from(u16::MAX))
    }

    /// Where a key that goes to the start or the end of the line or of the
    /// text lands, when that is outside the window (and out of view).
    fn far_end(&self, input: &Input) -> Option<(usize, usize)> {
        if input.shift {
            return None;
        }
        let (line, _) = self.cursor();
        let DataCursor(row, _) = self.window.cursor();
        let last = self.line_count() - 1;
        let (ctrl, alt) = (input.ctrl, input.alt);
        let head = match input.key {
            Key::Home => Some(true),
            Key::End => Some(false),
            Key::Char('a') if ctrl && !alt => Some(true),
            Key::Char('e') if ctrl && !alt => Some(false),
            Key::Left | Key::Char('b') if ctrl && alt => Some(true),
            Key::Right | Key::Char('f') if ctrl && alt => Some(false),
            _ => None,
        };
        match head {
            Some(true) if row == 0 && !self.head.is_empty() => return Some((line, 0)),
            Some(false) if row + 1 == self.window.lines().len() && !self.tail.is_empty() => {
                return Some((line, self.full_line(line).chars().count()));
            }
            Some(_) => return None,
            None => {}
        }
        let top = match input.key {
            Key::Char('<') if alt && !ctrl => true,
            Key::Char('>') if alt && !ctrl => false,
            Key::Up | Key::Char('p') if ctrl && alt => true,
            Key::Down | Key::Char('n') if ctrl && alt => false,
            _ => return None,
        };
        if self.can_widen() {
            return None;
        }
        // The first or the last line, at the cursor's column if it is that long.
        let (_, col) = self.cursor();
        let text_above = !(self.before.is_empty() && self.head.is_empty());
        let text_below = !(self.after.is_empty() && self.tail.is_empty());
        if top && text_above {
            Some((0, col.min(self.full_line(0).chars().count())))
        } else if !top && text_below {
            Some((last, col.min(self.full_line(last).chars().count())))
        } else {
            None
        }
    }

    /// Moves the cursor to `target`, outside the window: the window is cut
    /// around it, the view scrolled to it as ratatui-textarea scrolls.
    fn jump(&mut self, area: Rect, target: (usize, usize)) {
        let upward = target < self.cursor();
        let place = self.place_of(target);
        let cut = self.wanted(area, VIEWS_HELD + 1, place, None);
        let below_top = if upward { 0 } else { i64::from(area.height.max(1)) - 1 };
        self.window.cancel_selection();
        self.cut(area, cut, place, None, Some(below_top));
    }

    fn recut_if_needed(&mut self) {
        let Some(area) = self.drawn.get() else { return };
        // A line cut at another width: its window may not start at a row.
        let rewrap = !self.head.is_empty() && self.head_width != area.width;
        let cramped = rewrap || self.cramped(area);
        if !cramped && !self.oversized() {
            return;
        }
        let (cursor, anchor) = self.places();
        // Rows are guessed from the width before the window is cut; where
        // the guess was short (zero-width chars), more lines are taken.
        for factor in [VIEWS_HELD + 1, 2 * VIEWS_HELD + 2, 8 * VIEWS_HELD] {
            let cut = self.wanted(area, factor, cursor, anchor);
            if !cramped && !self.much_bigger_than(&cut) {
                return;
            }
            if rewrap || cut != self.current_cut() {
                self.cut(area, cut, cursor, anchor, None);
            }
            if !self.cramped(area) {
                return;
            }
        }
        if self.can_widen() {
            self.cut(area, self.everything(), cursor, anchor, None);
        }
    }

    /// The cursor is too near an edge of the window that is not an end of
    /// the text: one key could leave it, or the rows drawn around it could
    /// go past the edge.
    fn cramped(&self, area: Rect) -> bool {
        let rows = VIEWS_HELD * usize::from(area.height.max(1));
        let DataCursor(line, _) = self.window.cursor();
        let last = self.window.lines().len() - 1;
        let row = self.window.screen_cursor().row;
        if !self.head.is_empty() && row < rows {
            return true;
        }
        if !self.before.is_empty() && self.head.is_empty() && (line == 0 || row < rows) {
            return true;
        }
        if !self.tail.is_empty() {
            // The row `rows` below the cursor's is the window's last, or
            // past it (`screen_to_data` stops at the last).
            let below = |n: usize| self.window.screen_to_data(row + n, 0);
            return below(rows) == below(rows + 1);
        }
        // The row `rows` below the cursor's is on a line before the last.
        !self.after.is_empty() && (line == last || self.window.screen_to_data(row + rows, 0).0 >= last)
    }

    fn oversized(&self) -> bool {
        let lines = self.window.lines();
        lines.len() > MAX_LINES || lines.iter().map(|l| l.len() + 1).sum::<usize>() > MAX_BYTES
    }

    /// Whether the window is more than twice `cut` (a window that cannot
    /// be smaller is not cut at every key).
    fn much_bigger_than(&self, cut: &Cut) -> bool {
        let window = self.window.lines();
        let bytes: usize = window.iter().map(|l| l.len() + 1).sum();
        let lines = cut.end.0 - cut.start.0 + 1;
        window.len() > 2 * lines || bytes > 2 * self.bytes_in(cut)
    }

    fn bytes_in(&self, cut: &Cut) -> usize {
        let whole: usize = (cut.start.0..=cut.end.0).map(|i| self.line_len(i) + 1).sum();
        whole - cut.start.1 - (self.line_len(cut.end.0) - cut.end.1)
    }

    /// What the window holds now.
    fn current_cut(&self) -> Cut {
        let last = self.before.len() + self.window.lines().len() - 1;
        Cut {
            start: (self.before.len(), self.head.len()),
            end: (last, self.line_len(last) - self.tail.len()),
        }
    }

    /// The whole answer.
    fn everything(&self) -> Cut {
        let last = self.line_count() - 1;
        Cut { start: (0, 0), end: (last, self.line_len(last)) }
    }

    /// The cursor and the other end of the selection, as places.
    fn places(&self) -> (Place, Option<Place>) {
        (self.place_of(self.cursor()), self.anchor().map(|a| self.place_of(a)))
    }

    /// A line and column (in chars) of the whole answer as a place.
    fn place_of(&self, (line, col): (usize, usize)) -> Place {
        let text = self.full_line(line);
        (line, text.char_indices().nth(col).map_or(text.len(), |(byte, _)| byte))
    }

    /// Where a line that the window starts in starts a row, at `width`.
    fn known_row_start(&self, line: usize, width: u16) -> Option<usize> {
        match self.row_start {
            Some((at, (l, byte))) if at == width && l == line => Some(byte),
            _ => (line == self.before.len() && !self.head.is_empty() && self.head_width == width)
                .then_some(self.head.len()),
        }
    }

    /// What the window should hold around the cursor and the selection:
    /// `factor` times the rows drawn on each side, and some text more. The
    /// lines between the cursor and the other end of the selection are
    /// held whole; a long line on either side is cut at a row.
    fn wanted(&self, area: Rect, factor: usize, cursor: Place, anchor: Option<Place>) -> Cut {
        let rows = factor * usize::from(area.height.max(1));
        let wrap = Wrap {
            width: usize::from(area.width.max(1)),
            tab: self.window.tab_length(),
            mode: self.window.wrap_mode(),
            rows,
        };
        let enough =
            |taken: &Taken| taken.rows >= rows && (taken.bytes >= SIDE_BYTES || taken.lines >= SIDE_LINES);
        let (top, bottom) = match anchor {
            Some(anchor) => (cursor.min(anchor), cursor.max(anchor)),
            None => (cursor, cursor),
        };

        // Upwards, from the row of `top`.
        let mut taken = Taken::default();
        let mut start = (top.0, 0);
        if self.line_len(top.0) > LONG_LINE {
            let line = self.full_line(top.0);
            let known = self.known_row_start(top.0, area.width).filter(|&k| k <= top.1);
            let mut rows = wrap.rows(&line, known.unwrap_or(0), top.1, 0);
            let mut k = rows.iter().rposition(|r| r.0 <= top.1).unwrap_or(0);
            loop {
                while k > 0 && !enough(&taken) {
                    k -= 1;
                    taken.add_row(rows[k]);
                }
                if k > 0 || rows[0].0 == 0 || enough(&taken) {
                    break;
                }
                // The rows before the one the window started at.
                let from = rows[0].0;
                rows = wrap.rows(&line, 0, top.1, 0);
                k = rows.iter().rposition(|r| r.0 <= from).unwrap_or(0);
            }
            start = (top.0, rows[k].0);
        }
        while start.1 == 0 && start.0 > 0 && !enough(&taken) {
            let i = start.0 - 1;
            if self.line_len(i) > LONG_LINE {
                let line = self.full_line(i);
                let rows = wrap.rows(&line, 0, line.len(), 0);
                let mut k = rows.len();
                while k > 0 && !enough(&taken) {
                    k -= 1;
                    taken.add_row(rows[k]);
                }
                start = (i, rows[k].0);
            } else {
                taken.add(&self.full_line(i), wrap.width);
                start = (i, 0);
            }
        }

        // Downwards, from the row of `bottom`.
        let mut taken = Taken::default();
        let mut end = (bottom.0, self.line_len(bottom.0));
        if self.line_len(bottom.0) > LONG_LINE {
            let line = self.full_line(bottom.0);
            let from = if start.0 == bottom.0 {
                start.1
            } else {
                self.known_row_start(bottom.0, area.width).filter(|&k| k <= bottom.1).unwrap_or(0)
            };
            let k = wrap.rows(&line, from, bottom.1, 0).iter().rposition(|r| r.0 <= bottom.1).unwrap_or(0);
            end = (bottom.0, wrap.rows_after(&line, from, bottom.1, k, &mut taken, &enough));
        }
        while end.1 == self.line_len(end.0) && end.0 + 1 < self.line_count() && !enough(&taken) {
            let i = end.0 + 1;
            if self.line_len(i) > LONG_LINE {
                let line = self.full_line(i);
                taken.add_row(wrap.rows(&line, 0, 0, 0)[0]);
                end = (i, wrap.rows_after(&line, 0, 0, 0, &mut taken, &enough));
            } else {
                end = (i, self.line_len(i));
                taken.add(&self.full_line(i), wrap.width);
            }
        }
        Cut { start, end }
    }

    /// Cuts the window to `cut`, which holds the cursor and the selection:
    /// the cursor stays at its place in the text, and the same rows stay
    /// in view, or the cursor is put `below_top` rows below the view's top.
    fn cut(&mut self, area: Rect, cut: Cut, cursor: Place, anchor: Option<Place>, below_top: Option<i64>) {
        // A place in the new window, its byte fitting ratatui-textarea's
        // 16 bits (so its column does).
        let place = |(line, byte): Place| {
            let line = line.checked_sub(cut.start.0)?;
            let byte = if line == 0 { byte.checked_sub(cut.start.1)? } else { byte };
            u16::try_from(line).ok()?;
            u16::try_from(byte).ok()?;
            Some((line, byte))
        };
        let Some(cursor) = place(cursor) else { return };
        let anchor = match anchor {
            Some(a) => match place(a) {
                Some(a) => Some(a),
                None => return,
            },
            None => None,
        };
        let below_top = below_top.or(self.previewed.take()).unwrap_or_else(|| below_view_top(&self.window));
        self.row_start = None;
        let mut old = std::mem::take(&mut self.window);
        let looks = Looks::of(&mut old);
        let mut window = old.into_lines();
        if !self.head.is_empty() {
            let mut head = std::mem::take(&mut self.head);
            head.push_str(&window[0]);
            window[0] = head;
        }
        if !self.tail.is_empty() {
            let last = window.len() - 1;
            window[last].push_str(&std::mem::take(&mut self.tail));
        }
        let mut lines = std::mem::take(&mut self.before);
        lines.extend(window);
        lines.append(&mut self.after);
        self.after = lines.split_off(cut.end.0 + 1);
        let mut window = lines.split_off(cut.start.0);
        self.before = lines;
        let last = window.len() - 1;
        self.tail = window[last].split_off(cut.end.1);
        self.head = if cut.start.1 > 0 {
            let rest = window[0].split_off(cut.start.1);
            std::mem::replace(&mut window[0], rest)
        } else {
            String::new()
        };
        self.head_chars = self.head.chars().count();
        self.head_width = area.width;
        let column = |(line, byte): (usize, usize)| window[line][..byte].chars().count() as u16;
        let cursor = (cursor.0 as u16, column(cursor));
        let anchor = anchor.map(|a| (a.0 as u16, column(a)));
        self.window = looks.dress(TextArea::new(window));
        // Drawn once off screen, so that it wraps at the width it is shown
        // at, and it knows the height of its view.
        Widget::render(&self.window, area, &mut Buffer::empty(area));
        self.window.move_cursor(CursorMove::Jump(cursor.0, cursor.1));
        scroll_to(&mut self.window, below_top);
        if let Some((line, col)) = anchor {
            self.window.move_cursor(CursorMove::Jump(line, col));
            self.window.start_selection();
        }
        self.window.move_cursor(CursorMove::Jump(cursor.0, cursor.1));
    }
}

/// How the editor wraps a line, and how many rows a side of the window
/// wants.
struct Wrap {
    width: usize,
    tab: u8,
    mode: WrapMode,
    rows: usize,
}

impl Wrap {
    /// The rows of `line` from `from` (the start of a row) on, as byte
    /// ranges of the line: at least up to the row holding `upto`, and
    /// `more` rows after it (fewer at the line's end).
    fn rows(&self, line: &str, from: usize, upto: usize, more: usize) -> Vec<(usize, usize)> {
        let mut margin = (more + 2) * self.width * 4 + 64;
        loop {
            let mut limit = upto.saturating_add(margin).min(line.len());
            while !line.is_char_boundary(limit) {
                limit -= 1;
            }
            let mut rows: Vec<(usize, usize)> =
                wrap_line(&line[from..limit], self.mode, self.width, self.tab)
                    .into_iter()
                    .map(|(start, end)| (from + start, from + end))
                    .collect();
            if limit == line.len() {
                return rows;
            }
            // The last row may end differently in the whole line.
            rows.pop();
            if let Some(k) = rows.iter().position(|r| r.1 > upto)
                && rows.len() > k + more
            {
                return rows;
            }
            margin *= 2;
        }
    }

    /// The end of the rows after row `k` of the rows of `line` from `from`
    /// holding `upto`, taken until `enough` or the line's end.
    fn rows_after(
        &self,
        line: &str,
        from: usize,
        upto: usize,
        k: usize,
        taken: &mut Taken,
        enough: &dyn Fn(&Taken) -> bool,
    ) -> usize {
        // Rows enough for most: those wanted, and a side's bytes in rows
        // as wide as the editor.
        let mut more = self.rows + SIDE_BYTES / self.width + 2;
        loop {
            let rows = self.rows(line, from, upto, more);
            let mut scratch = Taken { ..*taken };
            let mut j = k;
            while j + 1 < rows.len() && !enough(&scratch) {
                j += 1;
                scratch.add_row(rows[j]);
            }
            if enough(&scratch) || rows[rows.len() - 1].1 == line.len() {
                *taken = scratch;
                return rows[j].1;
            }
            more *= 2;
        }
    }
}

/// How far below the top of the view the cursor is (negative: above it,
/// the view not yet scrolled to it).
fn below_view_top(editor: &TextArea<'static>) -> i64 {
    editor.screen_cursor().row as i64 - i64::from(editor.scroll_offset().0)
}

/// Scrolls an editor just drawn off screen so that its cursor is
/// `below_top` rows below the view's top.
fn scroll_to(editor: &mut TextArea<'static>, below_top: i64) {
    let row = editor.screen_cursor().row as i64;
    // Any top above the cursor's row by more than the view scrolls to
    // the same place, and so does any top below it.
    let mut top = (row - below_top).clamp(0, row + 1);
    while top > 0 {
        let step = top.min(i64::from(i16::MAX));
        editor.scroll((step as i16, 0));
        top -= step;
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
#[derive(Clone, Copy, Default)]
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

    /// A row of a long line.
    fn add_row(&mut self, (start, end): (usize, usize)) {
        self.rows += 1;
        self.bytes += end - start;
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
        if !self.head.is_empty() && self.head_width != area.width {
            let mut preview = self.preview.borrow_mut();
            if preview.as_ref().is_none_or(|p| p.area != area) {
                *preview = self.make_preview(area);
            }
            if let Some(preview) = preview.as_ref() {
                preview.editor.render(area, buf);
                return;
            }
        }
        self.window.render(area, buf);
    }
}

#[cfg(test)]
mod tests;
