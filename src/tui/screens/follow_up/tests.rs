//! The follow-up screen at 80×24 and 120×40, in French and English: what a
//! person sees, and what Ctrl-S keeps (from the command line and from the
//! library).

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::text::Lang;
use crate::trail::Held;
use crate::trail::store::Store;
use crate::tui::App;
use crate::tui::screens::Screen;
use crate::tui::testing::{self as support, Harness, LANGS, SIZES};
use crate::tui::theme::Palette;

fn form(lang: Lang, width: u16, height: u16) -> Harness {
    let title = lang.pick("Demande du collège", "The school's request");
    Harness::new(|_| App::follow_up(title, lang, Palette::mono(), support::clock), lang, width, height)
}

/// Fills the form as a worker would; the test clock says 29/11/2026.
fn fill(h: &mut Harness, lang: Lang) {
    h.type_text(lang.pick("Le collège a rappelé.\nLa mère a appelé le CPE.", "The school called back."));
    h.press(KeyCode::Tab).press(KeyCode::Down).press(KeyCode::Char(' '));
    h.press(KeyCode::Tab).type_text(lang.pick("Parler d'abord avec la mère.", "Talk with the mother first."));
    h.press(KeyCode::Tab).type_text(lang.pick("15/01/2027", "2027-01-15"));
}

#[test]
fn the_follow_up_screen_asks_three_questions_and_a_date() {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut h = form(lang, width, height);
            let empty = h.screen();
            for prompt in [
                lang.follow_up_happened_prompt(),
                lang.follow_up_held_prompt(),
                lang.follow_up_learned_prompt(),
                lang.follow_up_revisit_prompt(),
            ] {
                assert!(empty.contains(prompt), "{prompt:?} missing in\n{empty}");
            }
            for held in Held::ALL {
                assert!(empty.contains(lang.held_label(held)), "{empty}");
            }
            fill(&mut h, lang);
            let filled = h.screen();
            assert!(filled.contains(&format!("(•) {}", lang.held_label(Held::Partly))), "{filled}");
            assert!(
                filled.contains(&lang.date_in_words(chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()))
            );
            insta::assert_snapshot!(format!("follow_up_{}_{width}x{height}", lang.tag()), filled);
        }
    }
}

#[test]
fn ctrl_s_gives_the_entry_back_and_nothing_is_kept_without_an_answer_to_held() {
    let mut h = form(Lang::Fr, 80, 24);
    h.type_text("Rien de neuf.");
    h.key(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let screen = h.screen();
    assert!(screen.contains("Dites si la décision a tenu"), "{screen}");
    assert!(!h.session.finished());
    let Screen::FollowUp(f, _) = h.session.app().screen() else { panic!("the follow-up is on screen") };
    assert_eq!(f.focus, super::Field::Held);
    h.press(KeyCode::Char('4'));
    h.key(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(h.session.finished());
    let entry = h.session.app().saved_follow_up().expect("an entry").clone();
    assert_eq!((entry.happened.as_str(), entry.held, entry.revisit), ("Rien de neuf.", Held::TooEarly, None));
    assert_eq!(entry.at, support::clock());
}

#[test]
fn a_date_that_is_not_one_is_said_and_esc_asks_before_leaving() {
    let mut h = form(Lang::En, 80, 24);
    h.press(KeyCode::Tab).press(KeyCode::Char('1')).press(KeyCode::BackTab).press(KeyCode::BackTab);
    h.type_text("2026-11-01").press(KeyCode::Enter);
    let screen = h.screen();
    assert!(
        screen.contains("too early") || screen.contains("Too early") || screen.contains("earliest"),
        "{screen}"
    );
    assert!(!h.session.finished());
    h.press(KeyCode::Esc);
    assert!(h.screen().contains("Esc again to leave it"), "{}", h.screen());
    assert!(!h.session.finished());
    h.press(KeyCode::Esc);
    assert!(h.session.finished());
    assert!(h.session.app().saved_follow_up().is_none());
}

#[test]
fn from_the_library_f_opens_it_and_ctrl_s_saves_beside_the_answers() {
    let mut h = Harness::library(Lang::Fr, 80, 24, |dir| {
        let walk = support::lived_walk(Lang::Fr);
        let store = Store::new(dir);
        store.save(&walk.trail, &store.path_for(&walk.trail)).expect("saved");
    });
    let path = Store::new(h.dir.path()).list()[0].path.clone();
    let before = Store::load(&path).expect("a trail");
    h.press(KeyCode::Char('f'));
    assert!(h.screen().contains("Retour sur la décision"), "{}", h.screen());
    fill(&mut h, Lang::Fr);
    h.press(KeyCode::Enter);
    h.saved();
    let screen = h.screen();
    assert!(screen.contains("Retour sur la décision enregistré"), "{screen}");
    let after = Store::load(&path).expect("a trail");
    assert_eq!(after.answers, before.answers, "the answers do not change");
    assert_eq!(after.follow_ups.len(), 1);
    let f = &after.follow_ups[0];
    assert_eq!(f.happened, "Le collège a rappelé.\nLa mère a appelé le CPE.");
    assert_eq!(f.held, Held::Partly);
    assert_eq!(f.learned, "Parler d'abord avec la mère.");
    assert_eq!(f.revisit, chrono::NaiveDate::from_ymd_opt(2027, 1, 15));
    assert_eq!(after.revisit(), f.revisit);
}
