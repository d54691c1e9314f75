//! How much a grid file may ask of memory. toml's document tree costs a few
//! hundred bytes for every key, value and table, so a file under the size
//! limit made of tiny keys (`k=1` a line) would need fifty times its size.
//! Before parsing, one pass counts the marks that open a key, a value or a
//! table outside strings and comments, and a file with far more than any real
//! grid (the shipped ones have about a thousand) is refused at once.

/// Keys, values and tables a grid may hold (as `items` counts them, which
/// counts every comma too): a hundred times the largest shipped grid (about
/// 1,200), and room for a dense grid of thousands of questions (2,000 choice
/// questions of five options each count about 52,000). At about 460 bytes an
/// item at the parser's peak, no file accepted takes more than some 50 MB to
/// check, whatever its size, and that in a third of a second.
pub const MAX_GRID_ITEMS: usize = 100_000;

/// An upper bound of the keys, values and tables in a TOML text: every `=`,
/// `,` and `[` outside strings and comments.
pub fn items(src: &str) -> usize {
    let bytes = src.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' if bytes[i..].starts_with(b"\"\"\"") => i = skip_past(bytes, i + 3, b"\"\"\"", true),
            b'\'' if bytes[i..].starts_with(b"'''") => i = skip_past(bytes, i + 3, b"'''", false),
            b'"' => i = skip_past(bytes, i + 1, b"\"", true),
            b'\'' => i = skip_past(bytes, i + 1, b"'", false),
            b'#' => i = skip_past(bytes, i + 1, b"\n", false),
            b'=' | b',' | b'[' => {
                count += 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    count
}

/// The index just past the first `end` at or after `from` (a backslash
/// escapes the next byte in basic strings), or the end of the text.
fn skip_past(bytes: &[u8], mut from: usize, end: &[u8], escapes: bool) -> usize {
    while from < bytes.len() {
        if escapes && bytes[from] == b'\\' {
            from += 2;
            continue;
        }
        if bytes[from..].starts_with(end) {
            return from + end.len();
        }
        from += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_inside_strings_and_comments_are_not_counted() {
        assert_eq!(items("a = 1\nb = [1, 2]\n"), 4);
        assert_eq!(items("a = \"x = [1, 2]\" # c = [,]\nb = '''=,[''' \nc = \"\\\"=\"\n"), 3);
        assert_eq!(items("t = \"\"\"\nlong, text = [here]\n\"\"\"\n"), 1);
    }

    #[test]
    fn the_shipped_grids_are_far_under_the_limit() {
        for (name, text) in super::super::library::SHIPPED {
            assert!(items(text) * 50 < MAX_GRID_ITEMS, "{name}: {}", items(text));
        }
    }
}
