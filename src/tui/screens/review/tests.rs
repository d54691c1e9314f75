//! What a person sees in a review and in a trail open in another window,
//! at 80×24 and 120×40, in French and in English.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::text::Lang;
use crate::tui::access::Access;
use crate::tui::testing::{Harness, LANGS, SIZES};

const CAN_SAVE: Access = Access::Review { can_save: true };

/// Runs `keys` on the lived trail with `access`, checks what a person sees
/// and what the keys did (`sees`), and compares the screen with the
/// accepted one.
fn snapshot(
    name: &str,
    access: Access,
    author: Option<&str>,
    keys: impl Fn(&mut Harness, Lang),
    sees: impl Fn(&Harness, &str, Lang),
) {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut h = Harness::review(lang, width, height, access, author);
            keys(&mut h, lang);
            h.saved();
            let screen = h.screen();
            sees(&h, &screen, lang);
            insta::assert_snapshot!(format!("{name}_{}_{width}x{height}", lang.tag()), screen);
        }
    }
}

/// The annotations of the trail on screen.
fn annotations(h: &Harness) -> usize {
    h.walk_screen().walk().trail.annotations.len()
}

#[test]
fn a_review_shows_each_answer_with_when_it_changed_and_from_what() {
    snapshot(
        "history",
        CAN_SAVE,
        Some("C. M."),
        |h, _| {
            h.press(KeyCode::Tab);
        },
        |h, screen, lang| {
            assert!(h.walk_screen().focus().is_some(), "Tab went to a question");
            assert!(screen.contains(lang.read_only_tag()), "the badge says nothing changes: {screen}");
        },
    );
}

#[test]
fn a_review_reaches_a_step_hidden_by_the_answers_and_says_its_answer_is_kept() {
    snapshot(
        "hidden_kept",
        CAN_SAVE,
        Some("C. M."),
        |h, _| {
            h.press(KeyCode::PageDown).press(KeyCode::PageDown);
        },
        |h, _, _| assert_eq!(h.walk_screen().step(), 2, "PageDown reaches the hidden step in a review"),
    );
}

#[test]
fn an_earlier_annotation_is_shown_under_its_answer() {
    snapshot(
        "annotation_shown",
        CAN_SAVE,
        Some("C. M."),
        |h, _| {
            h.press(KeyCode::PageDown).press(KeyCode::PageDown).press(KeyCode::PageDown);
        },
        |_, screen, _| assert!(screen.contains("A. B."), "the earlier annotation's author: {screen}"),
    );
}

#[test]
fn the_annotation_box_takes_several_lines() {
    snapshot(
        "annotation_box",
        CAN_SAVE,
        Some("C. M."),
        |h, lang| {
            h.press(KeyCode::Tab).press(KeyCode::Char('a'));
            h.type_text(lang.pick("Les faits sont précis.", "The facts are precise."));
            h.key(KeyCode::Enter, KeyModifiers::ALT);
            h.type_text(lang.pick("D'où vient la demande ?", "Where does the request come from?"));
        },
        |h, screen, lang| {
            assert!(h.box_open() && screen.contains(lang.annotation_box()), "the box is open: {screen}");
            assert_eq!(annotations(h), 1, "nothing added before Enter");
        },
    );
}

#[test]
fn a_saved_annotation_is_dated_signed_and_shown_beside_the_answer() {
    snapshot(
        "annotated",
        CAN_SAVE,
        Some("C. M."),
        |h, lang| {
            h.press(KeyCode::Tab).press(KeyCode::Char('a'));
            h.type_text(lang.pick("Les faits sont précis.", "The facts are precise."));
            h.press(KeyCode::Enter);
        },
        |h, screen, lang| {
            assert!(!h.box_open(), "Enter saved and closed the box");
            let last = h.walk_screen().walk().trail.annotations.last().expect("an annotation");
            assert_eq!((annotations(h), last.author.as_str()), (2, "C. M."));
            assert!(screen.contains(lang.pick("Les faits sont précis.", "The facts are precise.")));
        },
    );
}

#[test]
fn without_a_name_the_first_annotation_asks_for_one() {
    snapshot(
        "author_box",
        CAN_SAVE,
        None,
        |h, _| {
            h.press(KeyCode::Tab).press(KeyCode::Char('a'));
        },
        |h, screen, lang| assert!(h.box_open() && screen.contains(lang.author_box()), "{screen}"),
    );
}

#[test]
fn a_review_of_a_trail_open_elsewhere_says_annotations_cannot_be_saved() {
    snapshot(
        "review_elsewhere",
        Access::Review { can_save: false },
        Some("C. M."),
        |h, _| {
            h.press(KeyCode::Tab).press(KeyCode::Char('a'));
        },
        |h, _, lang| {
            assert!(!h.box_open(), "no box opens");
            assert_eq!(h.walk_screen().notice(), Some(lang.cannot_annotate_elsewhere()));
        },
    );
}

/// `discern review T@2026-12-07T21:53`: the moment shown is said, never
/// another window; `a` says a past version takes no annotation.
#[test]
fn a_review_of_a_past_version_says_when_and_that_it_cannot_be_annotated() {
    let moment = crate::trail::asof::Moment::parse("2026-12-07T21:53").expect("a moment");
    snapshot(
        "review_past",
        Access::Past(moment),
        Some("C. M."),
        |h, _| {
            h.press(KeyCode::Tab).press(KeyCode::Char('a'));
        },
        |h, screen, lang| {
            assert!(!h.box_open(), "no box opens");
            let notice = h.walk_screen().notice().unwrap_or_default().to_string();
            assert_eq!(notice, lang.cannot_annotate_the_past(&h.walk_screen().walk().trail.id));
            let status =
                lang.pick("Tel qu'il était le 07/12/2026 à 21:53", "As it stood on 2026-12-07 at 21:53");
            assert!(screen.contains(status), "{screen}");
            for elsewhere in ["autre fenêtre", "another window"] {
                assert!(!screen.contains(elsewhere) && !notice.contains(elsewhere), "{screen}");
            }
        },
    );
    let day = crate::trail::asof::Moment::parse("2026-12-07").expect("a day");
    assert_eq!(Lang::Fr.status_as_it_stood(day), "Tel qu'il était à la fin du 07/12/2026 — lecture seule");
    assert_eq!(Lang::En.status_as_it_stood(day), "As it stood at the end of 2026-12-07 — read-only");
}

/// The help of a past version says what it shows, not another window.
#[test]
fn the_help_of_a_past_version_says_it_is_rebuilt_from_the_history() {
    let moment = crate::trail::asof::Moment::parse("2026-12-07T21:53").expect("a moment");
    for lang in LANGS {
        let mut h = Harness::review(lang, 120, 40, Access::Past(moment), None);
        h.press(KeyCode::F(1));
        let screen = h.screen();
        assert!(screen.contains(&lang.help_past_note()[..40]), "{screen}");
        assert!(!screen.contains("autre fenêtre") && !screen.contains("another window"), "{screen}");
    }
}

#[test]
fn a_trail_open_elsewhere_is_read_only_and_typing_says_so() {
    snapshot(
        "read_only",
        Access::ReadOnly,
        None,
        |h, _| {
            h.press(KeyCode::Tab).press(KeyCode::Tab).press(KeyCode::Char(' '));
        },
        |h, _, lang| {
            assert_eq!(h.walk_screen().notice(), Some(lang.read_only_notice(None).as_str()));
            assert_eq!(h.walk_screen().walk().changes, 0, "Space changed nothing");
        },
    );
}

#[test]
fn the_help_of_a_review_lists_its_keys() {
    snapshot(
        "review_help",
        CAN_SAVE,
        Some("C. M."),
        |h, _| {
            h.press(KeyCode::F(1));
        },
        |_, screen, lang| assert!(screen.contains(lang.help_review()), "the review's help: {screen}"),
    );
}

#[test]
fn keys_that_change_answers_do_nothing_in_a_review() {
    let mut h = Harness::review(Lang::En, 80, 24, CAN_SAVE, Some("C. M."));
    let before = h.walk_screen().walk.trail.answers.clone();
    h.press(KeyCode::Tab).type_text("typed").press(KeyCode::Backspace).press(KeyCode::Delete);
    h.press(KeyCode::Tab).press(KeyCode::Char(' ')).press(KeyCode::Enter).press(KeyCode::Down);
    h.press(KeyCode::PageDown).press(KeyCode::Tab).press(KeyCode::Char('2')).press(KeyCode::Right);
    h.session.handle(ratatui::crossterm::event::Event::Paste("pasted".into()));
    assert_eq!(h.walk_screen().walk.trail.answers, before);
    assert_eq!(h.walk_screen().walk.changes, 0);
    assert_eq!(h.walk_screen().notice.as_deref(), Some("Answers do not change in a review; a to annotate."));
    let screen = h.screen();
    assert!(screen.lines().last().is_some_and(|l| l.starts_with("\" Read-only  a annotate")), "{screen}");
}

#[test]
fn arrows_scroll_a_long_focused_answer_in_a_review() {
    let mut h = Harness::review(Lang::En, 60, 16, CAN_SAVE, Some("C. M."));
    h.press(KeyCode::Tab);
    let top = h.screen();
    assert!(top.contains("▼"), "{top}");
    for _ in 0..40 {
        h.press(KeyCode::Down);
        h.screen();
    }
    let bottom = h.screen();
    assert!(bottom.contains("▲") && !bottom.contains("▼"), "{bottom}");
    assert!(h.walk_screen().view.shift > 0 && h.walk_screen().view.shift < 40, "↓ stops at the end");
    h.press(KeyCode::Tab);
    assert_eq!(h.walk_screen().view.shift, 0, "the focus moving puts the step back");
}

#[test]
fn a_review_shows_the_follow_ups_under_the_decision() {
    use crate::trail::store::Store;
    use crate::tui::App;
    use crate::tui::testing as support;
    for lang in LANGS {
        let mut h = Harness::new(
            |dir| {
                let mut walk = support::lived_walk(lang);
                walk.trail.add_follow_up(crate::trail::FollowUp::new(
                    support::clock(),
                    lang.pick("Le collège n'a pas rappelé.", "The school did not call back."),
                    crate::trail::Held::Yes,
                    lang.pick("Attendre était juste.", "Waiting was right."),
                    None,
                ));
                let store = Store::new(dir);
                let path = store.path_for(&walk.trail);
                store.save(&walk.trail, &path).expect("saved");
                App::walk(walk, Some(path), false, lang, crate::tui::theme::Palette::mono(), support::clock)
                    .with_access(CAN_SAVE, Some("C. M.".into()))
            },
            lang,
            80,
            40,
        );
        h.press(KeyCode::PageDown).press(KeyCode::PageDown).press(KeyCode::PageDown);
        let screen = h.screen();
        assert!(screen.contains(lang.held_sentence(crate::trail::Held::Yes)), "{screen}");
        assert!(screen.contains(lang.pick("Attendre était juste.", "Waiting was right.")), "{screen}");
        assert!(screen.contains(lang.follow_up_next(None).as_str()), "{screen}");
    }
}
