//! A comparison on screen at 80×24, in French and in English, and the keys
//! that move through it.

use ratatui::crossterm::event::KeyCode;

use crate::documents::compare;
use crate::grid::Answer;
use crate::text::Lang;
use crate::tui::testing::{self as support, Harness, LANGS};
use crate::walk::{At, Walk};

/// Two trails of the test grid, compared as `discern compare` does.
fn comparison(lang: Lang) -> (String, String) {
    // Two trails of their own (one id would make them versions of one trail).
    let trail = |title: &str, id: &str, facts: &str, choice: &str| {
        let mut walk = Walk::new(support::grid(lang), support::trail(lang, title, id));
        let now = support::clock();
        walk.set(At { step: 1, question: 0 }, Some(Answer::Text(facts.into())), now);
        walk.set(At { step: 3, question: 0 }, Some(Answer::Choice(choice.into())), now);
        walk.trail
    };
    let trails = lang.pick(
        vec![
            trail(
                "Avant la supervision",
                "abcd2345",
                "L'école demande si M. est suivi.\nLa mère ne le sait pas.",
                "share",
            ),
            trail("Après la supervision", "efgh6789", "L'école demande si M. est suivi.", "keep"),
        ],
        vec![
            trail(
                "Before supervision",
                "abcd2345",
                "The school asks whether M. is followed.\nThe mother does not know.",
                "share",
            ),
            trail("After supervision", "efgh6789", "The school asks whether M. is followed.", "keep"),
        ],
    );
    let grid = support::grid(lang);
    let comparison = compare::compare(&trails, Some(&grid)).expect("the same grid");
    (
        lang.compare_title(&grid.meta.title),
        comparison.render(compare::CompareFormat::Md, compare::Options::default()),
    )
}

#[test]
fn a_comparison_reads_calmly_with_its_marks_as_styles() {
    for lang in LANGS {
        let (title, text) = comparison(lang);
        let mut h = Harness::pager(lang, 80, 24, &title, &text);
        let screen = h.screen();
        let (before, after) = lang.pick(
            ("Avant la supervision", "Après la supervision"),
            ("Before supervision", "After supervision"),
        );
        assert!(screen.contains(before) && screen.contains(after), "both trails are named: {screen}");
        assert!(!screen.contains("**"), "the marks are styles, not shown: {screen}");
        insta::assert_snapshot!(format!("compare_{}_80x24", lang.tag()), screen);
    }
}

#[test]
fn a_workshop_comparison_shows_the_counts_on_screen() {
    for lang in LANGS {
        let grid = support::grid(lang);
        let trails: Vec<_> = ["share", "keep", "share"]
            .iter()
            .enumerate()
            .map(|(i, choice)| {
                let id = format!("abcd234{i}");
                let mut walk = Walk::new(grid.clone(), support::trail(lang, &format!("P{i}"), &id));
                walk.set(
                    At { step: 3, question: 0 },
                    Some(Answer::Choice((*choice).into())),
                    support::clock(),
                );
                walk.trail
            })
            .collect();
        let text = compare::compare(&trails, Some(&grid))
            .expect("the same grid")
            .render(compare::CompareFormat::Txt, compare::Options { anonymous: true, all: false });
        let mut h = Harness::pager(lang, 80, 24, &lang.compare_title(&grid.meta.title), &text);
        let screen = h.screen();
        let two = lang.count_of(2, 3);
        let one = lang.count_of(1, 3);
        assert!(screen.contains(&two) && screen.contains(&one), "{screen}");
        assert!(screen.contains(&lang.compare_participants(3)), "{screen}");
    }
}

#[test]
fn a_long_text_scrolls_to_its_end_and_back() {
    let text: String = (1..=100).map(|n| format!("Line {n} of a long comparison.\n")).collect();
    let mut h = Harness::pager(Lang::En, 80, 24, "Comparison", &text);
    assert!(h.screen().contains("lines 1–21 of 100"));
    h.press(KeyCode::End);
    let end = h.screen();
    assert!(end.contains("Line 100 of") && end.contains("lines 80–100 of 100"), "{end}");
    h.press(KeyCode::Down);
    assert!(h.screen().contains("lines 80–100 of 100"), "never past the end");
    h.press(KeyCode::PageUp);
    assert!(h.screen().contains("lines 60–80 of 100"));
    h.press(KeyCode::Up).press(KeyCode::Home);
    assert!(h.screen().contains("Line 1 of"));
    h.press(KeyCode::PageDown);
    assert!(h.screen().contains("lines 21–41 of 100"));
    h.press(KeyCode::F(1));
    assert!(h.screen().contains("In this document"));
    h.press(KeyCode::Char('q'));
    assert!(!h.session.finished(), "the key that closes the help does nothing else");
    h.press(KeyCode::Char('q'));
    assert!(h.session.finished());
}

#[test]
fn esc_quits_and_a_resize_wraps_again_and_keeps_in_range() {
    let text = "word ".repeat(400);
    let mut h = Harness::pager(Lang::Fr, 80, 24, "Comparaison", &text);
    h.press(KeyCode::End);
    h.session.terminal_mut().backend_mut().resize(200, 50);
    h.session.handle(ratatui::crossterm::event::Event::Resize(200, 50));
    let wide = h.screen();
    assert!(wide.contains("lignes 1–"), "{wide}");
    for (w, height) in [(1, 1), (20, 5), (60, 3)] {
        h.session.terminal_mut().backend_mut().resize(w, height);
        h.session.handle(ratatui::crossterm::event::Event::Resize(w, height));
        assert!(!h.screen().is_empty());
    }
    h.session.terminal_mut().backend_mut().resize(80, 24);
    h.session.handle(ratatui::crossterm::event::Event::Resize(80, 24));
    h.press(KeyCode::Esc);
    assert!(h.session.finished());
}
