//! The last guard between the screen and the terminal. Text from a grid or
//! a trail is drawn with its controls and bidirectional overrides shown as
//! signs (`wrap`); should some text be drawn without, ratatui still sends a
//! zero-width character such as U+202E with the cell before it, and the
//! terminal would obey it (flip the rest of the row). Each frame is swept
//! of them before it is sent.

use ratatui::buffer::Buffer;

use crate::text::obeyed_by_terminal;

/// Takes out of every cell the characters a terminal would obey.
pub fn scrub(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if cell.symbol().chars().any(obeyed_by_terminal) {
            let kept: String = cell.symbol().chars().filter(|c| !obeyed_by_terminal(*c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::text::Span;
    use ratatui::widgets::Widget;

    use super::*;

    #[test]
    fn a_zero_width_override_drawn_raw_is_taken_out_of_its_cell() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        Span::raw("ab\u{202e}cd").render(buf.area, &mut buf);
        assert_eq!(buf[(1, 0)].symbol(), "b\u{202e}", "ratatui keeps it with the cell before");
        scrub(&mut buf);
        let row: String = (0..6).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, "abcd  ");
    }
}
