//! A walk that ends: where one stands, Tab through steps that are only
//! read, the end screen and its exports, the place kept for next time,
//! Ctrl-↑↓, the help that scrolls, and an ephemeral walk that asks.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::Pane;
use crate::grid::Answer;
use crate::text::Lang;
use crate::trail::store::Store;
use crate::tui::runtime::app::App;
use crate::tui::testing::{Harness, clock, walk};
use crate::tui::theme::Palette;
use crate::walk::{At, Walk};

const DELOR_FR: &str = include_str!("../../../../grids/delor-secret.fr.toml");

fn tab(h: &mut Harness, n: usize) {
    for _ in 0..n {
        h.press(KeyCode::Tab);
    }
}

/// Through the test grid to its end screen, choosing one answer on the way.
fn to_the_end(h: &mut Harness) {
    tab(h, 3);
    h.press(KeyCode::Char(' '));
    tab(h, 2);
}

#[test]
fn the_header_says_which_step_of_how_many_and_how_many_answers() {
    let mut h = Harness::walk(Lang::Fr, 80, 24);
    tab(&mut h, 2);
    h.press(KeyCode::Char(' '));
    let screen = h.screen();
    let header = screen.lines().next().unwrap();
    assert!(header.contains("Étape 2 sur 3 · 1 réponse sur 4"), "{header}");
    let mut h = Harness::walk(Lang::En, 120, 40);
    let header = h.screen().lines().next().unwrap().to_string();
    assert!(header.contains("Step 1 of 3 · 0 answers of 4"), "{header}");
}

#[test]
fn tab_after_the_last_question_opens_the_end_screen_which_exports_the_summary() {
    let mut h = Harness::walk(Lang::Fr, 80, 24);
    to_the_end(&mut h);
    assert_eq!(h.walk_screen().pane, Pane::End);
    let screen = h.screen();
    for seen in [
        "Fin du parcours",
        "1 question répondue, 3 laissées de côté.",
        "Votre décision : ",
        "exporter la synthèse en Markdown",
        "exporter la synthèse en HTML, à imprimer",
        "revenir au parcours",
    ] {
        assert!(screen.contains(seen), "{seen:?} in\n{screen}");
    }
    h.press(KeyCode::Char('e')).saved();
    let exports = h.dir.path().join("exports");
    let md = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"));
    let md = md.expect("a Markdown summary in exports/");
    assert!(std::fs::read_to_string(&md).unwrap().starts_with("# Demande de l'école pour M.\n"));
    let screen = h.screen();
    assert!(screen.contains("Synthèse exportée :"), "{screen}");
    h.press(KeyCode::Char('h')).saved();
    let html = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "html"));
    assert!(std::fs::read_to_string(html.expect("an HTML summary")).unwrap().starts_with("<!DOCTYPE html>"));
    h.press(KeyCode::Esc);
    assert_eq!(h.walk_screen().pane, Pane::Questions);
    assert!(!h.screen().contains("Fin du parcours"));
}

#[test]
fn tab_stops_on_the_step_of_what_the_answers_point_to() {
    let grid = crate::grid::parse(DELOR_FR).unwrap();
    let pointers = grid.steps.iter().position(|s| s.id == "pointers").unwrap();
    let mut h = Harness::new(
        |dir| {
            let trail = crate::trail::Trail::start(&grid, "Test", "abcd2345".into(), clock());
            let store = Store::new(dir);
            let path = store.path_for(&trail);
            store.save(&trail, &path).unwrap();
            App::walk(Walk::new(grid.clone(), trail), Some(path), false, Lang::Fr, Palette::mono(), clock)
        },
        Lang::Fr,
        100,
        30,
    );
    let mut stopped = false;
    for _ in 0..60 {
        h.press(KeyCode::Tab);
        if h.walk_screen().step == pointers {
            stopped = true;
            assert_eq!(h.walk_screen().focus, None);
            let screen = h.screen();
            assert!(screen.contains("Ce que vos réponses font apparaître"), "{screen}");
            break;
        }
    }
    assert!(stopped, "Tab never stopped on the step of the pointers");
}

#[test]
fn a_reopened_trail_opens_where_the_worker_stopped() {
    let mut h = Harness::walk(Lang::Fr, 80, 24);
    tab(&mut h, 2);
    h.saved();
    let trail = Store::load(&h.trail_path()).unwrap();
    assert_eq!(trail.place.as_deref(), Some("situation.regime"));
    let mut again = Harness::unsaved_walk(Walk::new(walk(Lang::Fr).grid, trail), Lang::Fr, 80, 24);
    assert_eq!(again.walk_screen().focus, Some(At { step: 1, question: 1 }));
    assert!(again.screen().contains("▶ Dans quel régime vous situez-vous d'abord ?"));
}

#[test]
fn a_trail_left_on_the_end_screen_reopens_on_it() {
    let mut h = Harness::walk(Lang::Fr, 80, 24);
    to_the_end(&mut h);
    assert_eq!(h.walk_screen().pane, Pane::End);
    h.saved();
    let trail = Store::load(&h.trail_path()).unwrap();
    assert_eq!(trail.place.as_deref(), Some(Walk::END_PLACE));
    let mut again = Harness::unsaved_walk(Walk::new(walk(Lang::Fr).grid, trail), Lang::Fr, 80, 24);
    assert_eq!(again.walk_screen().pane, Pane::End);
    assert!(again.screen().contains("Fin du parcours"), "{}", again.screen());
    // Back from it: the last question, and that is the place kept.
    again.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(again.walk_screen().pane, Pane::Questions);
    assert_ne!(again.walk_screen().walk.trail.place.as_deref(), Some(Walk::END_PLACE));
}

#[test]
fn ctrl_arrows_bring_the_guidance_above_a_focused_question_into_view() {
    let mut h = Harness::walk(Lang::Fr, 60, 16);
    tab(&mut h, 2);
    let guidance = "Décrivez les faits";
    assert!(!h.screen().contains(guidance), "{}", h.screen());
    for _ in 0..10 {
        h.key(KeyCode::Up, KeyModifiers::CONTROL);
    }
    assert!(h.screen().contains(guidance), "{}", h.screen());
    for _ in 0..10 {
        h.key(KeyCode::Down, KeyModifiers::CONTROL);
    }
    assert!(!h.screen().contains(guidance));
}

#[test]
fn the_help_scrolls_in_a_small_window_and_says_how() {
    let mut h = Harness::walk(Lang::Fr, 60, 16);
    h.press(KeyCode::F(1));
    let first = h.screen();
    assert!(first.contains("faire défiler"), "{first}");
    assert!(!first.contains("enregistrer et quitter"));
    for _ in 0..40 {
        h.press(KeyCode::Down);
    }
    let last = h.screen();
    assert!(last.contains("enregistrer et quitter"), "{last}");
    h.press(KeyCode::Char('x'));
    assert!(!h.screen().contains("faire défiler"));
}

#[test]
fn escape_asks_before_throwing_an_ephemeral_walk_away() {
    let mut h = Harness::unsaved_walk(walk(Lang::Fr), Lang::Fr, 80, 24);
    tab(&mut h, 1);
    h.type_text("Quelque chose");
    h.press(KeyCode::Esc);
    assert!(!h.session.app().finished());
    let screen = h.screen();
    assert!(screen.contains("ne sera pas gardé"), "{screen}");
    // The key that answers « stay » does only that: `n` is not typed.
    h.press(KeyCode::Char('n'));
    assert!(!h.screen().contains("ne sera pas gardé"));
    assert!(h.screen().contains("Quelque chose") && !h.screen().contains("Quelque chosen"), "{}", h.screen());
    h.press(KeyCode::Esc);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Esc);
    assert!(!h.session.app().finished(), "another key cancelled the question");
    h.press(KeyCode::Esc);
    assert!(h.session.app().finished());
}

#[test]
fn a_paste_with_carriage_returns_keeps_its_lines() {
    let mut h = Harness::walk(Lang::Fr, 80, 24);
    tab(&mut h, 1);
    h.session.handle(ratatui::crossterm::event::Event::Paste("un\r\ndeux\rtrois".into()));
    let at = At { step: 1, question: 0 };
    assert_eq!(h.walk_screen().walk.answer(at), Some(&crate::grid::Answer::Text("un\ndeux\ntrois".into())));
}

#[test]
fn the_end_screen_shows_the_decision_and_the_revisit_date_in_words() {
    let grid = crate::grid::parse(DELOR_FR).unwrap();
    let mut h = Harness::new(
        |dir| {
            let trail = crate::trail::Trail::start(&grid, "Test", "abcd2345".into(), clock());
            let mut walk = Walk::new(grid.clone(), trail);
            let s = grid.steps.iter().position(|s| s.id == "decision").unwrap();
            let q = |id: &str| grid.steps[s].questions.iter().position(|q| q.id == id).unwrap();
            let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
            walk.set(At { step: s, question: q("choice") }, Some(Answer::Choice("wait".into())), clock());
            walk.set(At { step: s, question: q("revisit") }, Some(Answer::Date(day)), clock());
            let store = Store::new(dir);
            let path = store.path_for(&walk.trail);
            store.save(&walk.trail, &path).unwrap();
            App::walk(walk, Some(path), false, Lang::Fr, Palette::mono(), clock)
        },
        Lang::Fr,
        100,
        30,
    );
    for _ in 0..80 {
        if h.walk_screen().pane == Pane::End {
            break;
        }
        h.press(KeyCode::Tab);
    }
    assert_eq!(h.walk_screen().pane, Pane::End);
    let screen = h.screen();
    assert!(screen.contains("Votre décision : Attendre, consulter d'abord"), "{screen}");
    assert!(screen.contains("Vous y reviendrez : mardi 8 décembre 2026"), "{screen}");
}

#[test]
fn the_end_screen_as_a_person_sees_it() {
    for lang in crate::tui::testing::LANGS {
        for (width, height) in [(80, 24), (60, 16)] {
            let mut h = Harness::walk(lang, width, height);
            to_the_end(&mut h);
            h.saved();
            assert_eq!(h.walk_screen().pane, Pane::End, "Tab after the last question: the end screen");
            let screen = h.screen();
            assert!(screen.contains(lang.end_title()), "{screen}");
            insta::assert_snapshot!(format!("end_screen_{}_{width}x{height}", lang.tag()), screen);
        }
    }
}
