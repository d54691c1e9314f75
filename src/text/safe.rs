//! Text from a trail, a grid or a config file is someone else's input: a
//! participant's export, a colleague's grid. Printed raw, an escape sequence
//! in a title could set the terminal's title, write the clipboard or redraw
//! the screen, and a bidirectional override could make a line read
//! differently from what it holds. Everything discern prints for a person
//! goes through [`for_terminal`]; files written with `-o` keep the text as
//! it is (their format escapes what it must).

use std::borrow::Cow;
use std::io::{self, Write};

/// `s` with every control character (but the line break and the tab) and
/// every bidirectional override shown as a visible sign: C0 controls as
/// their Unicode control picture (`␛` for escape), DEL as `␡`, C1 controls
/// and overrides as `<U+XXXX>`. Text without them is returned as it is.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match sign_of(c) {
            Some(sign) => out.push_str(&sign),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The visible sign [`for_terminal`] shows for `c`, or `None` when `c` is
/// shown as it is. The sign is made of characters one cell wide each: the
/// screen, which wraps text itself, shows it the same way.
pub fn sign_of(c: char) -> Option<String> {
    if !is_unsafe(c) {
        None
    } else if (c as u32) < 0x20 {
        Some(char::from_u32(0x2400 + c as u32).expect("control pictures are characters").to_string())
    } else if c == '\u{7f}' {
        Some('\u{2421}'.to_string())
    } else {
        Some(format!("<U+{:04X}>", c as u32))
    }
}

/// Whether a terminal may obey `c` instead of showing it: a control
/// character (line breaks and tabs included) or a bidirectional override.
/// The screen never sends one.
pub fn obeyed_by_terminal(c: char) -> bool {
    c.is_control() || is_bidi_override(c)
}

/// JSON for the terminal: serde_json already escapes C0 controls; DEL, C1
/// controls and bidirectional overrides (which can then only stand inside
/// strings) become `\uXXXX` escapes, so a program reading the JSON gets the
/// same text and a terminal shows nothing it would obey.
pub fn json_for_terminal(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A character a terminal may obey instead of showing.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_override(c)
}

/// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A writer that passes everything through [`for_terminal`]: plain mode
/// writes grid texts and answers to it line by line. A character split
/// across two writes is held until its end arrives.
pub struct TerminalSafe<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> TerminalSafe<W> {
        TerminalSafe { inner, pending: Vec::new() }
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            // An incomplete character at the end waits; bytes that can never
            // be UTF-8 are shown as the replacement character.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => {
                let text = String::from_utf8_lossy(&self.pending).into_owned();
                self.pending.clear();
                self.inner.write_all(for_terminal(&text).as_bytes())?;
                return Ok(buf.len());
            }
        };
        let text = std::str::from_utf8(&self.pending[..valid]).expect("checked above");
        self.inner.write_all(for_terminal(text).as_bytes())?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `eprintln!` for text that may hold someone else's characters; a closed
/// terminal is not a panic.
#[macro_export]
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "{}", $crate::text::for_terminal(&format!($($arg)*)));
    }};
}

/// `println!` for text that may hold someone else's characters; a closed
/// terminal or pipe is not a panic.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), "{}", $crate::text::for_terminal(&format!($($arg)*)));
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_shown_not_sent() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{9b}2J\u{202e}c\u{2066}\u{7f}\r";
        let safe = for_terminal(hostile);
        assert_eq!(safe, "a␛]0;pwned␇b<U+009B>2J<U+202E>c<U+2066>␡␍");
        assert!(!safe.chars().any(is_unsafe));
    }

    #[test]
    fn ordinary_text_is_kept_with_its_lines_and_tabs() {
        let text = "Élise a dit : « oui »\n\tet puis…";
        assert!(matches!(for_terminal(text), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_the_same_text_through_escapes() {
        let value = serde_json::json!({ "t": "x\u{1b}y\u{9b}z\u{202e}\u{7f}" });
        let json = serde_json::to_string(&value).unwrap();
        let safe = json_for_terminal(&json);
        assert!(!safe.chars().any(is_unsafe));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_writer_holds_a_character_split_between_writes() {
        let mut out = TerminalSafe::new(Vec::new());
        let bytes = "é\u{9b}".as_bytes();
        for b in bytes {
            out.write_all(std::slice::from_ref(b)).unwrap();
        }
        assert_eq!(String::from_utf8(out.inner).unwrap(), "é<U+009B>");
    }
}
