//! Bad input never crashes: grids and trails from arbitrary bytes, from
//! mutations of valid files, and from the public toml-test suite.
//!
//! The number of cases per property is proptest's default (256); for a longer
//! run: `PROPTEST_CASES=20000 cargo test --release --test robustness`.

use std::path::Path;

use discern::grid::{self, library::SHIPPED};
use discern::trail::{Trail, from_toml, to_toml};
use proptest::prelude::*;

/// A fixed moment, so that no test depends on the clock.
fn moment(minute: u32) -> discern::trail::Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-29T10:{minute:02}:00+01:00"))
        .expect("a valid time")
}

/// A valid trail, as the program writes it, to mutate.
fn sample_trail() -> String {
    let (_, text) = SHIPPED.iter().find(|(n, _)| n.starts_with("delor-secret.fr")).expect("shipped grid");
    let g = grid::parse(text).expect("valid");
    let mut walk =
        discern::walk::Walk::new(g.clone(), Trail::start(&g, "Exemple", "abcd2345".into(), moment(0)));
    let at = walk.next_question(0, None).expect("a question");
    walk.set(at, Some(grid::Answer::Text("Des faits, sans nom.".into())), moment(1));
    to_toml(&walk.trail)
}

/// An ordinary trail: several answers (one changed, so with a history) and
/// an annotation, as the program writes it.
fn ordinary_trail() -> String {
    let (_, text) = SHIPPED.iter().find(|(n, _)| n.starts_with("delor-secret.fr")).expect("shipped grid");
    let g = grid::parse(text).expect("valid");
    let mut walk =
        discern::walk::Walk::new(g.clone(), Trail::start(&g, "Exemple", "abcd2345".into(), moment(0)));
    let mut texts = Vec::new();
    let mut at = walk.next_question(0, None);
    let mut minute = 1;
    while let Some(here) = at.filter(|_| texts.len() < 4) {
        if matches!(walk.question(here).kind, grid::QuestionKind::Text) {
            walk.set(
                here,
                Some(grid::Answer::Text(format!("Réponse « {minute} »,\nsur deux lignes."))),
                moment(minute),
            );
            texts.push(here);
            minute += 1;
        }
        at = walk.next_question(here.step, Some(here.question));
    }
    // Back to the first answer: changing it keeps the earlier one in its history.
    let first = *texts.first().expect("a text question");
    walk.set(first, Some(grid::Answer::Text("Réponse revue".into())), moment(20));
    walk.trail.annotations.push(discern::trail::Annotation {
        at: moment(30),
        author: "Sup".into(),
        step: "s".into(),
        question: "q".into(),
        text: "Et le consentement ?".into(),
    });
    to_toml(&walk.trail)
}

/// A trail cut at any byte is refused as damaged, or (cut only in its last
/// line break) read whole: never read as a trail with less in it.
#[test]
fn a_trail_cut_at_any_byte_is_never_read_as_a_shorter_one() {
    let text = ordinary_trail();
    let whole = from_toml(&text).expect("the whole trail loads");
    assert!(whole.answers.len() >= 2 && whole.answers.iter().any(|a| !a.history.is_empty()), "{text}");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("cut.toml");
    for cut in 0..text.len() {
        std::fs::write(&path, &text.as_bytes()[..cut]).expect("the cut file is written");
        if let Ok(trail) = discern::trail::store::Store::load(&path) {
            assert_eq!(trail, whole, "cut at byte {cut} of {} read as another trail", text.len());
        }
        assert_eq!(std::fs::read(&path).expect("the cut file"), &text.as_bytes()[..cut], "cut file changed");
    }
}

/// One mutation of a text: a byte changed, a range removed, a range repeated,
/// or the text cut short.
fn mutate(text: &str, op: u8, a: usize, b: usize, byte: u8) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let len = bytes.len().max(1);
    let (i, j) = (a % len, b % len);
    let (lo, hi) = (i.min(j), i.max(j));
    match op % 4 {
        0 => {
            if !bytes.is_empty() {
                bytes[i] = byte;
            }
        }
        1 => {
            bytes.drain(lo..hi);
        }
        2 => {
            let copy = bytes[lo..hi].to_vec();
            bytes.splice(hi..hi, copy);
        }
        _ => bytes.truncate(i),
    }
    bytes
}

proptest! {
    #[test]
    fn arbitrary_bytes_are_never_a_crash_as_a_grid(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = grid::parse_bytes(&bytes);
    }

    #[test]
    fn arbitrary_text_is_never_a_crash_as_a_trail(text in ".{0,2048}") {
        let _ = from_toml(&text);
    }

    #[test]
    fn mutated_shipped_grids_give_errors_not_crashes(
        which in 0..SHIPPED.len(), op in any::<u8>(), a in any::<usize>(), b in any::<usize>(), byte in any::<u8>()
    ) {
        let bytes = mutate(SHIPPED[which].1, op, a, b, byte);
        if let Err(problems) = grid::parse_bytes(&bytes) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.pos.line >= 1 && p.pos.column >= 1);
            }
        }
    }

    #[test]
    fn mutated_trails_give_errors_not_crashes(op in any::<u8>(), a in any::<usize>(), b in any::<usize>(), byte in any::<u8>()) {
        let bytes = mutate(&sample_trail(), op, a, b, byte);
        if let Ok(text) = String::from_utf8(bytes) {
            // Whatever loads must save and load again to the same trail.
            if let Ok(trail) = from_toml(&text) {
                prop_assert_eq!(from_toml(&to_toml(&trail)).ok(), Some(trail));
            }
        }
    }

    #[test]
    fn grid_lines_shuffled_or_dropped_give_errors_not_crashes(which in 0..SHIPPED.len(), keep in proptest::collection::vec(any::<bool>(), 0..400)) {
        let text: String = SHIPPED[which].1
            .lines()
            .zip(keep.iter().chain(std::iter::repeat(&true)))
            .filter(|(_, k)| **k)
            .map(|(l, _)| format!("{l}\n"))
            .collect();
        let _ = grid::parse(&text);
    }
}

/// Every document of the public toml-test suite (none of them a grid) gets
/// errors, never a crash, as a grid and as a trail.
#[test]
fn the_toml_test_suite_is_never_a_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/toml-test");
    assert!(root.join("LICENSE").is_file(), "the toml-test suite is missing from {}", root.display());
    let mut seen = 0;
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let bytes = std::fs::read(&path).unwrap();
                let result = grid::parse_bytes(&bytes);
                assert!(result.is_err(), "{} is no grid, yet it loaded", path.display());
                if let Ok(text) = String::from_utf8(bytes) {
                    assert!(from_toml(&text).is_err(), "{} is no trail, yet it loaded", path.display());
                }
                seen += 1;
            }
        }
    }
    assert!(seen > 700, "only {seen} documents read");
}
