//! What a person sees in the library, at 80×24 and 120×40, in French and
//! in English: empty, full (with a damaged file), filtered, and its boxes.

use std::path::Path;
use std::time::{Duration, SystemTime};

use ratatui::crossterm::event::KeyCode;

use crate::grid::Answer;
use crate::text::Lang;
use crate::trail::store::Store;
use crate::tui::popups::picker::{Picker, PickerGrid};
use crate::tui::screens::Screen;
use crate::tui::testing::{self as support, Harness, LANGS, SIZES};
use crate::walk::{At, Walk};

fn at_minute(minute: u32) -> crate::trail::Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-{:02}T09:{minute:02}:00+01:00", 20 + minute % 9))
        .expect("a valid time")
}

/// Three trails, one with an outcome, and a damaged file.
fn fill(dir: &Path, lang: Lang) {
    let store = Store::new(dir);
    let titles = lang.pick(
        ["Demande de l'école pour M.", "Appel du juge, situation B.", "Réunion de synthèse, famille K."],
        ["School's request about M.", "Call from the judge, situation B.", "Case meeting, family K."],
    );
    for (i, title) in titles.iter().enumerate() {
        let grid = support::grid(lang);
        let mut trail = crate::trail::Trail::start(&grid, title, format!("abcd234{i}"), at_minute(i as u32));
        trail.updated = at_minute(i as u32 + 1);
        let mut walk = Walk::new(grid, trail);
        if i == 1 {
            walk.set(At { step: 3, question: 0 }, Some(Answer::Choice("share".into())), at_minute(5));
        }
        store.save(&walk.trail, &store.path_for(&walk.trail)).expect("saved");
    }
    let damaged = store.dir().join("2026-11-01-broken.toml");
    std::fs::write(&damaged, "format = 1\nid = ").expect("written");
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    std::fs::File::options().write(true).open(&damaged).and_then(|f| f.set_modified(old)).expect("dated");
}

/// The library on screen.
fn library(h: &Harness) -> &crate::tui::screens::library::LibraryScreen {
    let Screen::Library(library) = h.session.app().screen() else { panic!("the library is on screen") };
    library
}

/// Runs `keys` on the library (with the trails of `fill` when `full`),
/// checks what a person sees and what the keys did (`sees`), and compares
/// the screen with the accepted one.
fn snapshot(name: &str, full: bool, keys: impl Fn(&mut Harness), sees: impl Fn(&Harness, &str, Lang)) {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut h = Harness::library(lang, width, height, |dir| {
                if full {
                    fill(dir, lang);
                }
            });
            keys(&mut h);
            let screen = h.screen();
            sees(&h, &screen, lang);
            insta::assert_snapshot!(format!("{name}_{}_{width}x{height}", lang.tag()), screen);
        }
    }
}

#[test]
fn a_first_time_user_is_greeted_and_told_to_press_n() {
    snapshot(
        "empty",
        false,
        |_| {},
        |h, screen, lang| {
            assert!(library(h).rows.is_empty());
            let [hello, _, _] = lang.library_welcome("n");
            assert!(screen.contains(&hello), "{screen}");
        },
    );
}

#[test]
fn trails_are_listed_newest_first_with_a_damaged_file() {
    snapshot(
        "full",
        true,
        |_| {},
        |h, screen, lang| {
            assert_eq!(library(h).shown.len(), 4, "three trails and a damaged file");
            let judge = lang.pick("Appel du juge", "Call from the judge");
            assert!(screen.contains(judge), "{screen}");
            assert!(screen.contains(lang.library_columns()[3]), "{screen}");
            assert!(!screen.contains(lang.library_changed_or_due()), "no trail is due: {screen}");
        },
    );
}

#[test]
fn the_filter_keeps_what_matches_title_or_grid_as_you_type() {
    snapshot(
        "filtered",
        true,
        |h| {
            h.press(KeyCode::Char('/')).type_text("situation");
        },
        |h, screen, _| {
            assert_eq!(library(h).shown.len(), 1, "one title has the word");
            assert!(screen.contains("situation"), "{screen}");
        },
    );
}

#[test]
fn a_filter_that_matches_nothing_says_so() {
    snapshot(
        "filtered_nothing",
        true,
        |h| {
            h.press(KeyCode::Char('/')).type_text("zzz").press(KeyCode::Enter);
        },
        |h, _, _| assert!(library(h).shown.is_empty()),
    );
}

fn with_test_grids(h: &mut Harness) {
    let Screen::Library(library) = h.session.app().screen() else { panic!("the library is on screen") };
    let lang = library.lang();
    let other = if lang == Lang::Fr { Lang::En } else { Lang::Fr };
    let grids = vec![
        PickerGrid { grid: support::grid(lang), file: None },
        PickerGrid {
            grid: support::grid(other),
            file: Some(format!("/data/grids/test-grid.{}.toml", other.tag())),
        },
    ];
    // As the runtime gives them, once read: the picker opens over the library.
    h.session.app_mut().update(crate::tui::Msg::Grids(Picker { grids, selected: 0 }));
}

#[test]
fn the_grid_picker_shows_title_language_summary_and_source() {
    snapshot("picker", true, with_test_grids, |_, screen, lang| {
        let title = support::grid(lang).meta.title;
        assert!(screen.contains(&title[..10]), "the grids are listed: {screen}");
    });
}

#[test]
fn the_title_box_reminds_to_use_no_names() {
    snapshot(
        "new_title",
        true,
        |h| {
            with_test_grids(h);
            h.press(KeyCode::Enter);
        },
        |_, screen, lang| assert!(screen.contains(lang.new_title_box()), "the title box: {screen}"),
    );
}

#[test]
fn an_empty_title_is_explained() {
    snapshot(
        "new_title_empty",
        true,
        |h| {
            with_test_grids(h);
            h.press(KeyCode::Enter).press(KeyCode::Enter);
        },
        |h, screen, lang| {
            assert!(screen.contains(lang.new_title_box()), "the box stays open: {screen}");
            assert_eq!(library(h).shown.len(), 4, "no trail was created");
        },
    );
}

#[test]
fn renaming_shows_the_current_title() {
    snapshot(
        "rename",
        true,
        |h| {
            h.press(KeyCode::Char('r'));
        },
        |_, screen, lang| assert!(screen.contains(lang.rename_box()), "the rename box: {screen}"),
    );
}

#[test]
fn deleting_asks_first() {
    snapshot(
        "delete",
        true,
        |h| {
            h.press(KeyCode::Down).press(KeyCode::Char('d'));
        },
        |h, screen, lang| {
            assert!(screen.contains(lang.delete_answers()), "the question: {screen}");
            assert_eq!(library(h).shown.len(), 4, "nothing deleted before the answer");
        },
    );
}

#[test]
fn the_help_lists_the_keys_of_the_library() {
    snapshot(
        "help",
        true,
        |h| {
            h.press(KeyCode::F(1));
        },
        |_, screen, lang| assert!(screen.contains(lang.help_library()), "the library's help: {screen}"),
    );
}

#[test]
fn a_damaged_file_cannot_be_opened_and_says_why() {
    let mut h = Harness::library(Lang::En, 80, 24, |dir| fill(dir, Lang::En));
    for _ in 0..3 {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("This file is damaged"), "{screen}");
    assert!(h.session.app().walk_screen().is_none());
}

#[test]
fn folding_lets_plain_letters_find_accented_ones() {
    let mut h = Harness::library(Lang::Fr, 80, 24, |dir| fill(dir, Lang::Fr));
    h.press(KeyCode::Char('/')).type_text("ecole");
    let Screen::Library(library) = h.session.app().screen() else { panic!("the library is on screen") };
    assert_eq!(library.shown.len(), 1);
}

#[test]
fn the_title_box_warns_as_an_identifying_title_is_typed() {
    snapshot(
        "new_title_privacy",
        true,
        |h| {
            with_test_grids(h);
            h.press(KeyCode::Enter).type_text("Mme Martin, 06 12 34 56 78");
        },
        |_, screen, _| assert!(screen.contains('⚠'), "the warning: {screen}"),
    );
}

/// `fill`, with one trail whose revisit date came two days before the
/// test clock (2026-11-29), one due that day and one due later.
fn fill_due(dir: &Path, lang: Lang) {
    fill(dir, lang);
    let store = Store::new(dir);
    let titles = lang.pick(
        [
            ("Suivi du foyer T.", "2026-11-27"),
            ("Point avec la PMI", "2026-11-29"),
            ("Plus tard", "2026-12-15"),
        ],
        [
            ("Follow-up, household T.", "2026-11-27"),
            ("Meeting with the nurse", "2026-11-29"),
            ("Later", "2026-12-15"),
        ],
    );
    for (i, (title, revisit)) in titles.iter().enumerate() {
        let grid = support::grid(lang);
        let mut trail =
            crate::trail::Trail::start(&grid, title, format!("due2345{i}"), at_minute(i as u32 + 10));
        trail.answers.push(crate::trail::AnswerRecord {
            step: "decision".into(),
            question: "revisit".into(),
            step_title: "Décision".into(),
            kind: crate::grid::Kind::Date,
            prompt: "Quand ?".into(),
            options: vec![],
            answer: Some(Answer::Date(
                chrono::NaiveDate::parse_from_str(revisit, "%Y-%m-%d").expect("a date"),
            )),
            at: trail.created,
            hidden: false,
            history: vec![],
        });
        store.save(&trail, &store.path_for(&trail)).expect("saved");
    }
}

#[test]
fn trails_due_are_marked_and_a_key_shows_them_alone() {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut h = Harness::library(lang, width, height, |dir| fill_due(dir, lang));
            let all = h.screen();
            assert!(all.contains(&lang.days_late(2)), "{all}");
            assert!(all.contains(&lang.days_late(0)), "{all}");
            assert!(
                all.contains(lang.library_changed_or_due()),
                "the heading says the column holds both: {all}"
            );
            assert!(
                all.contains(&format!("a {}", lang.hint_action(crate::tui::keys::Hint::DueOnly))),
                "{all}"
            );
            insta::assert_snapshot!(format!("due_all_{}_{width}x{height}", lang.tag()), all);
            h.press(KeyCode::Char('a'));
            let Screen::Library(library) = h.session.app().screen() else {
                panic!("the library is on screen")
            };
            assert_eq!(library.shown.len(), 2, "the two trails due, nothing else");
            let due = h.screen();
            assert!(!due.contains(lang.pick("Plus tard", "Later")), "{due}");
            assert!(due.contains(lang.hint_action(crate::tui::keys::Hint::AllTrails)), "{due}");
            insta::assert_snapshot!(format!("due_only_{}_{width}x{height}", lang.tag()), due);
            h.press(KeyCode::Char('a'));
            let Screen::Library(library) = h.session.app().screen() else {
                panic!("the library is on screen")
            };
            assert_eq!(library.shown.len(), 7, "all again");
        }
    }
}

/// At 80×24 and 100×30 a long title gets the room (it was cut at 24
/// characters), a trail late says by how much in words that cannot be read
/// as "in N days", and the footer keeps `n`, `/`, F1 and `q` whatever else
/// it leaves out.
#[test]
fn long_titles_get_the_room_and_the_footer_keeps_new_filter_help_and_quit() {
    use crate::tui::keys::{self, Hint};
    let long = |lang: Lang| {
        lang.pick(
            "Demande de l'école pour M., après l'appel de la principale",
            "School's request about M., after the head teacher's call",
        )
    };
    for lang in LANGS {
        for (width, height) in [(80, 24), (100, 30)] {
            let mut h = Harness::library(lang, width, height, |dir| {
                fill_due(dir, lang);
                let grid = support::grid(lang);
                let trail = crate::trail::Trail::start(&grid, long(lang), "long2345".into(), at_minute(30));
                let store = Store::new(dir);
                store.save(&trail, &store.path_for(&trail)).expect("saved");
            });
            let screen = h.screen();
            let shown: String = long(lang).chars().take(if width == 80 { 36 } else { 58 }).collect();
            assert!(screen.contains(&shown), "{width}: the title gets the room: {screen}");
            assert!(screen.contains(&lang.days_late(2)) && screen.contains(&lang.days_late(0)), "{screen}");
            assert!(!screen.contains("(+"), "no « (+2 j) », read as « in 2 days »: {screen}");
            let footer = screen.lines().last().unwrap_or_default();
            for hint in [Hint::New, Hint::Filter, Hint::Help, Hint::Quit] {
                let (key, action) = keys::hint(lang, hint);
                assert!(footer.contains(&format!("{key} {action}")), "{width}: {hint:?} kept: {footer}");
            }
            insta::assert_snapshot!(format!("due_long_{}_{width}x{height}", lang.tag()), screen);
        }
    }
}

#[test]
fn with_nothing_due_the_key_says_so() {
    let mut h = Harness::library(Lang::Fr, 80, 24, |dir| fill(dir, Lang::Fr));
    assert!(!h.screen().contains("à revoir"), "no key for trails due when none is");
    h.press(KeyCode::Char('a'));
    let screen = h.screen();
    assert!(screen.contains(Lang::Fr.nothing_due()), "{screen}");
}

#[test]
fn the_filter_finds_words_inside_answers_without_accents_and_shows_only_its_keys() {
    let mut h = Harness::library(Lang::Fr, 80, 24, |dir| {
        fill(dir, Lang::Fr);
        let store = Store::new(dir);
        let grid = support::grid(Lang::Fr);
        let trail = crate::trail::Trail::start(&grid, "Sans rapport", "zzzz2345".into(), at_minute(7));
        let mut walk = Walk::new(grid, trail);
        walk.set(
            At { step: 1, question: 0 },
            Some(Answer::Text("Le collège et le cœur du sujet".into())),
            at_minute(8),
        );
        store.save(&walk.trail, &store.path_for(&walk.trail)).expect("saved");
    });
    h.press(KeyCode::Char('/'));
    h.type_text("college");
    let screen = h.screen();
    assert!(screen.contains("Sans rapport"), "{screen}");
    assert!(!screen.contains("Appel du juge"), "{screen}");
    let footer = screen.lines().last().unwrap().to_string();
    assert!(!footer.contains("quitter"), "q is a letter here: {footer}");
    assert!(footer.contains("F1"), "{footer}");
    for _ in 0..7 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("coeur");
    assert!(h.screen().contains("Sans rapport"));
    h.type_text(" absent");
    assert!(!h.screen().contains("Sans rapport"));
}

/// The pop-up layer: the help opens over the rename box, Esc closes the
/// help alone, the box keeps the keys until it is put away, and only then
/// do the keys go to the list again.
#[test]
fn esc_closes_the_top_pop_up_and_the_one_under_it_keeps_the_keys() {
    let lang = Lang::En;
    let mut h = Harness::library(lang, 80, 24, |dir| fill(dir, lang));
    h.press(KeyCode::Down).press(KeyCode::Char('r'));
    assert!(h.screen().contains(lang.rename_box()), "the rename box opens");
    h.press(KeyCode::F(1));
    assert!(h.screen().contains(lang.help_library()), "the help opens over the box");
    h.press(KeyCode::Esc);
    let screen = h.screen();
    assert!(!screen.contains(lang.help_library()), "Esc closed the help");
    assert!(screen.contains(lang.rename_box()), "the box is still open: {screen}");
    // `q` is typed into the title (in the list, it would quit).
    h.press(KeyCode::Char('q'));
    assert!(!h.session.app().finished(), "q went to the box, not to the library");
    h.press(KeyCode::Esc);
    assert!(!h.screen().contains(lang.rename_box()), "Esc put the box away");
    h.press(KeyCode::Char('q'));
    assert!(h.session.app().finished(), "the list has the keys again");
}
