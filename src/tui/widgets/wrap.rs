//! Word wrapping for the text the screens draw (guidance, prompts, hints,
//! answers seen from outside their editor). The screens wrap text
//! themselves, rather than letting the paragraph widget do it, so that they
//! know each block's height before drawing it: the step view places its
//! questions and scrolls to the focused one with that.

use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{for_terminal, sign_of};

/// Cells taken by one character as the screen shows it: a control
/// character or a bidirectional override from a grid or a trail is shown
/// as its visible sign (`␛`, `<U+202E>`), as on the command line, one cell
/// a character; line breaks and tabs take none.
pub fn char_width(c: char) -> usize {
    if let Some(sign) = sign_of(c) {
        return sign.chars().count();
    }
    if c.is_control() {
        return 0;
    }
    let mut buf = [0u8; 4];
    usize::from(c.encode_utf8(&mut buf).cell_width())
}

/// `s` as the screen shows it: controls and bidirectional overrides as
/// their signs. For text drawn as it is, not through [`wrap`] or
/// [`truncate`] (which show them so themselves).
pub fn shown(s: &str) -> String {
    for_terminal(s).into_owned()
}

pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` as the screen shows it, cut to `max` cells, with `…` when something
/// was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return shown(s);
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars().flat_map(shown_chars) {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        if !c.is_control() {
            out.push(c);
        }
        used += w;
    }
    out.push('…');
    out
}

/// The characters the screen shows for `c`: itself, or those of its sign.
fn shown_chars(c: char) -> impl Iterator<Item = char> {
    let sign = sign_of(c);
    let alone = if sign.is_none() { Some(c) } else { None };
    alone.into_iter().chain(sign.into_iter().flat_map(|s| s.chars().collect::<Vec<_>>()))
}

/// A wrapped row: pieces of text with their styles.
pub type Row = Vec<(String, Style)>;

/// The rows of `text` wrapped at `width` cells: a new line in the text
/// starts a new row; words are kept whole unless wider than a row.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_capped(text, width, usize::MAX).0
}

/// At most `cap` rows of `text` wrapped at `width`, and whether rows were
/// left out. Stops early, so that a long answer costs only what is shown.
pub fn wrap_capped(text: &str, width: usize, cap: usize) -> (Vec<String>, bool) {
    let (rows, more) = wrap_styled(&[(text, Style::default())], width, cap);
    (rows.into_iter().map(|r| r.into_iter().map(|(s, _)| s).collect()).collect(), more)
}

/// The number of rows `text` takes at `width`, counting no further than `cap`.
pub fn row_count(text: &str, width: usize, cap: usize) -> usize {
    let (rows, more) = wrap_capped(text, width, cap);
    if more { cap } else { rows.len() }
}

/// Styled pieces wrapped together, as one text, at `width` cells; at most
/// `cap` rows, and whether rows were left out.
pub fn wrap_styled(parts: &[(&str, Style)], width: usize, cap: usize) -> (Vec<Row>, bool) {
    let mut w = Wrapper { width: width.max(1), cap, ..Wrapper::default() };
    'parts: for (text, style) in parts {
        let mut chars = text.chars().peekable();
        let mut previous = ' ';
        while let Some(c) = chars.next() {
            // French puts a space before : ; ? ! » and after «: a row never
            // starts with the sign, nor ends with «.
            let glued = c == ' '
                && (chars.peek().is_some_and(|n| matches!(n, ':' | ';' | '?' | '!' | '»'))
                    || previous == '«');
            match sign_of(c) {
                Some(sign) => sign.chars().for_each(|s| w.push(s, *style)),
                None => w.push(if glued { NO_BREAK } else { c }, *style),
            }
            previous = c;
            if w.rows.len() > cap {
                break 'parts;
            }
        }
    }
    w.finish()
}

/// A space that does not break a row, drawn as a plain space.
const NO_BREAK: char = '\u{a0}';

/// Wrapped pieces as lines, the first row after `first`, the others after
/// `rest` (an indent of the same width, usually).
pub fn lines(rows: Vec<Row>, first: Span<'static>, rest: Span<'static>) -> Vec<Line<'static>> {
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let prefix = if i == 0 { first.clone() } else { rest.clone() };
            let mut spans = vec![prefix];
            spans.extend(row.into_iter().map(|(s, style)| Span::styled(s, style)));
            Line::from(spans)
        })
        .collect()
}

#[derive(Default)]
struct Wrapper {
    width: usize,
    cap: usize,
    rows: Vec<Row>,
    row: Row,
    row_width: usize,
    word: Row,
    word_width: usize,
    space: usize,
    space_style: Style,
}

fn push_piece(row: &mut Row, s: &str, style: Style) {
    match row.last_mut() {
        Some((last, last_style)) if *last_style == style => last.push_str(s),
        _ => row.push((s.to_string(), style)),
    }
}

impl Wrapper {
    fn push(&mut self, c: char, style: Style) {
        match c {
            '\n' => {
                self.flush_word();
                self.end_row();
            }
            ' ' | '\t' => {
                self.flush_word();
                if self.space == 0 {
                    self.space_style = style;
                }
                self.space += 1;
            }
            c if c.is_control() => {}
            c => {
                let c = if c == NO_BREAK { ' ' } else { c };
                let mut buf = [0u8; 4];
                push_piece(&mut self.word, c.encode_utf8(&mut buf), style);
                self.word_width += char_width(c);
            }
        }
    }

    fn end_row(&mut self) {
        self.rows.push(std::mem::take(&mut self.row));
        self.row_width = 0;
        self.space = 0;
    }

    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let word = std::mem::take(&mut self.word);
        let word_width = std::mem::take(&mut self.word_width);
        let space = if self.row.is_empty() { 0 } else { self.space.min(self.width) };
        self.space = 0;
        if self.row_width + space + word_width <= self.width {
            self.push_space(space);
            self.append(word, word_width);
        } else if word_width <= self.width {
            self.end_row();
            self.append(word, word_width);
        } else {
            // Wider than a whole row: cut it, filling the current row first.
            if self.row_width + space < self.width {
                self.push_space(space);
            } else if !self.row.is_empty() {
                self.end_row();
            }
            for (piece, style) in word {
                for c in piece.chars() {
                    let cw = char_width(c);
                    if self.row_width + cw > self.width && !self.row.is_empty() {
                        self.end_row();
                    }
                    let mut buf = [0u8; 4];
                    push_piece(&mut self.row, c.encode_utf8(&mut buf), style);
                    self.row_width += cw;
                }
            }
        }
    }

    fn push_space(&mut self, n: usize) {
        if n > 0 {
            push_piece(&mut self.row, &" ".repeat(n), self.space_style);
            self.row_width += n;
        }
    }

    fn append(&mut self, word: Row, word_width: usize) {
        for (piece, style) in word {
            push_piece(&mut self.row, &piece, style);
        }
        self.row_width += word_width;
    }

    fn finish(mut self) -> (Vec<Row>, bool) {
        if self.rows.len() <= self.cap {
            self.flush_word();
            self.end_row();
        }
        let more = self.rows.len() > self.cap;
        self.rows.truncate(self.cap);
        (self.rows, more)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn words_stay_whole_and_rows_fit() {
        assert_eq!(wrap("le secret protège la personne", 10), ["le secret", "protège la", "personne"]);
        for row in wrap("Une phrase assez longue pour être coupée plusieurs fois.", 12) {
            assert!(width(&row) <= 12, "{row:?}");
        }
    }

    #[test]
    fn new_lines_and_empty_lines_are_kept() {
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn a_word_wider_than_a_row_is_cut() {
        assert_eq!(wrap("https://example.org/abc", 10), ["https://ex", "ample.org/", "abc"]);
        assert_eq!(wrap("voir https://example.org", 10), ["voir https", "://example", ".org"]);
    }

    #[test]
    fn wrapping_stops_at_the_cap() {
        let long = "mot ".repeat(100_000);
        let (rows, more) = wrap_capped(&long, 20, 3);
        assert_eq!(rows.len(), 3);
        assert!(more);
        assert_eq!(row_count("a\nb", 5, 10), 2);
        assert_eq!(row_count("a\nb\nc", 5, 2), 2);
    }

    #[test]
    fn styles_follow_their_words_across_rows() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let (rows, _) = wrap_styled(&[("Que faire", Style::default()), (" (important)", bold)], 12, 10);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1], vec![("(important)".to_string(), bold)]);
    }

    #[test]
    fn french_punctuation_stays_with_its_word() {
        assert_eq!(wrap("Que se passe-t-il ?", 17), ["Que se", "passe-t-il ?"]);
        assert_eq!(wrap("dit « oui » ici", 9), ["dit", "« oui »", "ici"]);
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn zero_width_and_tabs_do_not_panic() {
        assert_eq!(wrap("a\tb", 0), ["a", "b"]);
        assert_eq!(width("e\u{301}"), 1);
    }
}
