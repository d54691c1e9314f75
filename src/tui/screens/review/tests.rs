//! What a person sees in a review and in a trail open in another window,
//! at 80×24 and 120×40, in French and in English.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::text::Lang;
use crate::tui::screens::review::Access;
use crate::tui::testing::{Harness, LANGS, SIZES};

const CAN_SAVE: Access = Access::Review { can_save: true };

fn snapshot(name: &str, access: Access, author: Option<&str>, keys: impl Fn(&mut Harness, Lang)) {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut h = Harness::review(lang, width, height, access, author);
            keys(&mut h, lang);
            h.saved();
            insta::assert_snapshot!(format!("{name}_{}_{width}x{height}", lang.tag()), h.screen());
        }
    }
}

#[test]
fn a_review_shows_each_answer_with_when_it_changed_and_from_what() {
    snapshot("history", CAN_SAVE, Some("C. M."), |h, _| {
        h.press(KeyCode::Tab);
    });
}

#[test]
fn a_review_reaches_a_step_hidden_by_the_answers_and_says_its_answer_is_kept() {
    snapshot("hidden_kept", CAN_SAVE, Some("C. M."), |h, _| {
        h.press(KeyCode::PageDown).press(KeyCode::PageDown);
    });
}

#[test]
fn an_earlier_annotation_is_shown_under_its_answer() {
    snapshot("annotation_shown", CAN_SAVE, Some("C. M."), |h, _| {
        h.press(KeyCode::PageDown).press(KeyCode::PageDown).press(KeyCode::PageDown);
    });
}

#[test]
fn the_annotation_box_takes_several_lines() {
    snapshot("annotation_box", CAN_SAVE, Some("C. M."), |h, lang| {
        h.press(KeyCode::Tab).press(KeyCode::Char('a'));
        h.type_text(lang.pick("Les faits sont précis.", "The facts are precise."));
        h.key(KeyCode::Enter, KeyModifiers::ALT);
        h.type_text(lang.pick("D'où vient la demande ?", "Where does the request come from?"));
    });
}

#[test]
fn a_saved_annotation_is_dated_signed_and_shown_beside_the_answer() {
    snapshot("annotated", CAN_SAVE, Some("C. M."), |h, lang| {
        h.press(KeyCode::Tab).press(KeyCode::Char('a'));
        h.type_text(lang.pick("Les faits sont précis.", "The facts are precise."));
        h.press(KeyCode::Enter);
    });
}

#[test]
fn without_a_name_the_first_annotation_asks_for_one() {
    snapshot("author_box", CAN_SAVE, None, |h, _| {
        h.press(KeyCode::Tab).press(KeyCode::Char('a'));
    });
}

#[test]
fn a_review_of_a_trail_open_elsewhere_says_annotations_cannot_be_saved() {
    snapshot("review_elsewhere", Access::Review { can_save: false }, Some("C. M."), |h, _| {
        h.press(KeyCode::Tab).press(KeyCode::Char('a'));
    });
}

#[test]
fn a_trail_open_elsewhere_is_read_only_and_typing_says_so() {
    snapshot("read_only", Access::ReadOnly, None, |h, _| {
        h.press(KeyCode::Tab).press(KeyCode::Tab).press(KeyCode::Char(' '));
    });
}

#[test]
fn the_help_of_a_review_lists_its_keys() {
    snapshot("review_help", CAN_SAVE, Some("C. M."), |h, _| {
        h.press(KeyCode::F(1));
    });
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
    assert!(h.walk_screen().shift > 0 && h.walk_screen().shift < 40, "↓ stops at the end");
    h.press(KeyCode::Tab);
    assert_eq!(h.walk_screen().shift, 0, "the focus moving puts the step back");
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
                App::walk(
                    walk,
                    Some(path),
                    false,
                    lang,
                    crate::tui::widgets::theme::Palette::mono(),
                    support::clock,
                )
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
