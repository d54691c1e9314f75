//! How much a grid file may ask of memory. toml's document tree costs a few
//! hundred bytes for every key, value and table, so a file under the size
//! limit made of tiny keys (`k=1` a line) would need fifty times its size.
//! Before parsing, one pass counts the marks that open a key, a value or a
//! table outside strings and comments, and a file with far more than any real
//! grid (the shipped ones count 1,500 to 2,200) is refused at once.

/// What a grid may cost the parser, in items (as [`items`] counts them, which
/// counts every comma too): over forty times the largest shipped grid (2,137), and
/// room for a dense grid of thousands of questions (2,000 choice questions
/// of five inline options each count about 90,000). At about 460 bytes an
/// item at the parser's peak, no file accepted takes more than some 50 MB to
/// check, whatever its size, and that in a fifth of a second.
pub const MAX_GRID_ITEMS: usize = 100_000;

/// What a table holding a key costs, in items. A dotted key `a.b.c = 1`
/// opens a table at each dot, and an inline table `{ a = 1 }` one more:
/// toml keeps each in a map of its own, some 1.2 KB at the parser's peak,
/// about three plain keys. Their dots uncounted, 4 MB of `kN.x.x.x… = 1`
/// (one `=` a line) passed, and took 2.2 GB and 9 s to check.
const TABLE_ITEMS: usize = 3;

/// An upper bound of what a TOML text costs to parse, in items: every `=`,
/// `,` and `[` outside strings and comments counts one, every `.` (a key's
/// segment) and `{` (an inline table) counts [`TABLE_ITEMS`]. A dot in a
/// number (`1.5`) is counted too: it only makes the bound higher, and a grid
/// has no such number.
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
            b'.' | b'{' => {
                count += TABLE_ITEMS;
                i += 1;
            }
            _ => i += 1,
        }
    }
    count
}

/// The index just past the first `end` at or after `from` (a backslash
/// escapes the next byte in basic strings), or the end of the text. A
/// one-line string (`"…"`, `'…'`) also ends at the end of its line, as the
/// parser ends it there (an error) and goes on reading the next lines:
/// counted as running to the end of the file, an unclosed `"` hid 4 MB of
/// keys from the count.
fn skip_past(bytes: &[u8], mut from: usize, end: &[u8], escapes: bool) -> usize {
    let one_line = end == b"\"" || end == b"'";
    while from < bytes.len() {
        if one_line && bytes[from] == b'\n' {
            return from;
        }
        if escapes && bytes[from] == b'\\' {
            // (A backslash at the end of a one-line string escapes no line end.)
            from += if one_line && bytes.get(from + 1) == Some(&b'\n') { 1 } else { 2 };
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
        assert_eq!(items("t = '''\nlong, text = [here]\n'''\n"), 1);
    }

    #[test]
    fn an_unclosed_string_hides_nothing_past_its_line() {
        assert_eq!(items("a = \"open\nb = 1\nc = 2\n"), 3);
        assert_eq!(items("a = 'open\nb = 1\n"), 2);
        assert_eq!(items("a = \"open \\\nb = 1\n"), 2);
    }

    #[test]
    fn a_key_segment_and_an_inline_table_count_as_the_table_they_open() {
        assert_eq!(items("a.b.c = 1\n"), 1 + 2 * TABLE_ITEMS);
        assert_eq!(items("[a.b]\n"), 1 + TABLE_ITEMS);
        assert_eq!(items("a = { b = 1, c = { d = 2 } }\n"), 4 + 1 + 2 * TABLE_ITEMS);
        assert_eq!(items("a = \"x.y {z}\" # .{\n"), 1);
    }

    #[test]
    fn the_shipped_grids_are_far_under_the_limit() {
        for (name, text) in super::super::library::SHIPPED {
            assert!(items(text) * 30 < MAX_GRID_ITEMS, "{name}: {}", items(text));
        }
    }
}
