//! How much a grid file may ask of memory. toml's document tree costs a few
//! hundred bytes for every key, value and table, so a file under the size
//! limit made of tiny keys (`k=1` a line) would need fifty times its size.
//! Before parsing, one pass counts the marks that open a key, a value or a
//! table outside strings and comments, and a file with far more than any real
//! grid (the shipped ones have about a thousand) is refused at once.

/// Keys, values and tables a grid may hold: fifty times the largest
/// shipped grid, and what keeps a grid at the size limit within ten times
/// its size in memory.
pub const MAX_GRID_ITEMS: usize = 50_000;

/// Any file may hold this many, whatever its size: more than four times
/// the largest shipped grid (about 1,200).
const MIN_GRID_ITEMS: usize = 5_000;

/// Beyond that, one item for this many bytes of the file: toml's tree
/// costs about 460 bytes an item at its peak, so a file packed with tiny
/// keys is refused before it could take more than ten times its size.
/// The shipped grids spend 37 to 52 bytes an item.
const BYTES_PER_ITEM: usize = 46;

/// The keys, values and tables a grid file of `bytes` bytes may hold.
pub fn item_limit(bytes: usize) -> usize {
    (bytes / BYTES_PER_ITEM).clamp(MIN_GRID_ITEMS, MAX_GRID_ITEMS)
}

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
    fn a_small_file_packed_with_keys_has_a_limit_of_its_size() {
        assert_eq!(item_limit(100), MIN_GRID_ITEMS);
        assert_eq!(item_limit(400_000), 400_000 / BYTES_PER_ITEM);
        assert_eq!(item_limit(4 * 1024 * 1024), MAX_GRID_ITEMS);
        // 40,000 one-line keys (`k12345 = 1`) in 0.4 MB: refused.
        let packed: String = (0..40_000).map(|i| format!("k{i} = 1\n")).collect();
        assert!(items(&packed) > item_limit(packed.len()));
    }

    #[test]
    fn the_shipped_grids_are_far_under_the_limit() {
        for (name, text) in super::super::library::SHIPPED {
            assert!(items(text) * 20 < MAX_GRID_ITEMS, "{name}: {}", items(text));
            assert!(items(text) * 3 < item_limit(text.len()), "{name}: {}", items(text));
        }
    }
}
