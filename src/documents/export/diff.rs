//! What changed between two versions of a text answer, word by word, so the
//! supervision copy shows the change rather than two whole texts to compare.

/// A run of words and whether it was kept, removed or added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Same(String),
    Removed(String),
    Added(String),
}

/// Above this many word pairs the comparison would cost too much: the new
/// text is then shown whole.
const MAX_CELLS: usize = 4_000_000;

/// The changes from `old` to `new`, or `None` when they have too little in
/// common for a word-by-word reading to help (or are too long to compare).
pub fn words(old: &str, new: &str) -> Option<Vec<Change>> {
    let (a, b) = (tokens(old), tokens(new));
    if a.is_empty() || b.is_empty() || a.len().saturating_mul(b.len()) > MAX_CELLS {
        return None;
    }
    // Longest common subsequence, table from the end.
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let common = table[at(0, 0)] as usize;
    if common * 2 < n.max(m) {
        return None;
    }
    let mut out: Vec<Change> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            push(&mut out, Change::Same(a[i].to_string()));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || table[at(i + 1, j)] >= table[at(i, j + 1)]) {
            // Removed words come before the words that replace them.
            push(&mut out, Change::Removed(a[i].to_string()));
            i += 1;
        } else {
            push(&mut out, Change::Added(b[j].to_string()));
            j += 1;
        }
    }
    Some(out)
}

/// Words and line breaks; the spaces between words are not kept.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push("\n");
        }
        out.extend(line.split_whitespace());
    }
    out
}

/// Adds a word to the run of the same kind, or starts a new run.
fn push(out: &mut Vec<Change>, change: Change) {
    let joined = |run: &mut String, word: &str| {
        if !(run.ends_with('\n') || word == "\n" || run.is_empty()) {
            run.push(' ');
        }
        run.push_str(word);
    };
    match (out.last_mut(), change) {
        (Some(Change::Same(run)), Change::Same(w))
        | (Some(Change::Removed(run)), Change::Removed(w))
        | (Some(Change::Added(run)), Change::Added(w)) => joined(run, &w),
        (_, change) => out.push(change),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_shows_as_removed_and_added() {
        let changes =
            words("Je vais en parler au collège demain.", "Je vais en parler au CMP demain.").unwrap();
        assert_eq!(
            changes,
            vec![
                Change::Same("Je vais en parler au".into()),
                Change::Removed("collège".into()),
                Change::Added("CMP".into()),
                Change::Same("demain.".into()),
            ]
        );
    }

    #[test]
    fn a_text_rewritten_whole_is_not_compared_word_by_word() {
        assert_eq!(words("Attendre la réunion.", "Transmettre au juge sans tarder."), None);
    }

    #[test]
    fn line_breaks_are_kept_in_the_runs() {
        let changes = words("a b\nc d", "a b\nc e").unwrap();
        assert_eq!(changes[0], Change::Same("a b\nc".into()));
    }
}
