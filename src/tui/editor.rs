//! The text editors of the screens (ratatui-textarea): a text answer with
//! soft word wrap, one-line boxes (an "Other" entry, a title, the filter),
//! and the terminal's own cursor placed where the text goes, so that a
//! screen magnifier or a braille display follows the typing.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};

use crate::tui::theme::Palette;

mod window;
pub use window::AnswerEditor;

/// The editor of a text: soft word wrap (words too long for a row are
/// cut), the cursor at the end of what is there. A text answer, which may
/// be long, is edited through `AnswerEditor`.
pub fn text(text: &str, placeholder: &str, palette: &Palette) -> TextArea<'static> {
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    style(&mut editor, placeholder, palette);
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

/// A one-line editor, the cursor at the end.
pub fn line(text: &str, placeholder: &str, palette: &Palette) -> TextArea<'static> {
    let mut editor = TextArea::new(vec![text.replace(['\r', '\n'], " ")]);
    style(&mut editor, placeholder, palette);
    editor.move_cursor(CursorMove::End);
    editor
}

fn style(editor: &mut TextArea<'static>, placeholder: &str, palette: &Palette) {
    // The terminal's cursor shows where typing goes (see `place_cursor`):
    // the editor draws none of its own.
    editor.set_cursor_style(Style::default());
    editor.set_cursor_line_style(Style::default());
    editor.set_selection_style(palette.selected());
    if !placeholder.is_empty() {
        editor.set_placeholder_text(placeholder);
    }
    editor.set_placeholder_style(palette.hint());
    editor.set_style(palette.plain());
}

/// Feeds a key to a one-line editor; Enter never reaches it, so it stays one line.
pub fn edit_line(editor: &mut TextArea<'static>, input: Input) -> bool {
    if matches!(input.key, Key::Enter) {
        return false;
    }
    editor.input(undo_keys(input))
}

/// Ctrl-Z undoes and Ctrl-Y redoes, as in the editors people know; the
/// text area's own keys for them are Ctrl-U and Ctrl-R (and its Ctrl-Y
/// pastes what Ctrl-K cut, which nobody here expects).
pub fn undo_keys(input: Input) -> Input {
    match input {
        Input { key: Key::Char('z' | 'Z'), ctrl: true, alt: false, .. } => {
            Input { key: Key::Char('u'), ctrl: true, alt: false, shift: false }
        }
        Input { key: Key::Char('y' | 'Y'), ctrl: true, alt: false, .. } => {
            Input { key: Key::Char('r'), ctrl: true, alt: false, shift: false }
        }
        other => other,
    }
}

/// The text of a one-line editor.
pub fn line_text(editor: &TextArea<'static>) -> String {
    editor.lines().join(" ")
}

/// Puts the terminal's cursor where the editor drawn in `area` types.
/// Call it after drawing the editor: the position depends on how it
/// wrapped and scrolled there.
pub fn place_cursor(editor: &TextArea<'static>, area: Rect, frame: &mut Frame) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let cursor = editor.screen_cursor();
    let (top_row, top_col) = editor.scroll_offset();
    let row = cursor.row.saturating_sub(usize::from(top_row)).min(usize::from(area.height) - 1);
    let col = cursor.col.saturating_sub(usize::from(top_col)).min(usize::from(area.width) - 1);
    frame.set_cursor_position(Position { x: area.x + col as u16, y: area.y + row as u16 });
}
