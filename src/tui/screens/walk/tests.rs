//! What a person sees in the walkthrough, at 80×24 and 120×40, in French
//! and in English, driven by the keys of the contract.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::grid::Answer;
use crate::text::{Hint, Lang};
use crate::tui::keys;
use crate::tui::testing::{Harness, LANGS, SIZES};
use crate::walk::At;

/// Runs `keys` on a fresh walk for each language and size, checks what a
/// person sees and what the keys did (`sees`: so that a snapshot is never
/// accepted blindly), and compares the screen with the accepted one.
fn snapshot(name: &str, keys: impl Fn(&mut Harness), sees: impl Fn(&Harness, &str, Lang)) {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut h = Harness::walk(lang, width, height);
            keys(&mut h);
            h.saved();
            let screen = h.screen();
            sees(&h, &screen, lang);
            insta::assert_snapshot!(format!("{name}_{}_{width}x{height}", lang.tag()), screen);
        }
    }
}

fn answer(h: &Harness, step: usize, question: usize) -> Option<Answer> {
    h.walk_screen().walk().answer(At { step, question }).cloned()
}

fn tab(h: &mut Harness, n: usize) {
    for _ in 0..n {
        h.press(KeyCode::Tab);
    }
}

#[test]
fn the_walk_opens_on_the_first_step_a_reading_step() {
    snapshot(
        "reading_step",
        |_| {},
        |h, screen, lang| {
            assert_eq!(
                (h.walk_screen().step(), h.walk_screen().focus()),
                (0, None),
                "a step to read, no question"
            );
            let references = keys::label(lang, Hint::References);
            assert!(screen.contains(&format!(" {references} ")), "the key that shows them: {screen}");
        },
    );
}

#[test]
fn references_are_shown_with_f3() {
    snapshot(
        "references_shown",
        |h| {
            h.press(KeyCode::F(3));
        },
        |_, screen, _| assert!(screen.contains("226-13"), "the reference itself: {screen}"),
    );
}

#[test]
fn a_text_question_with_its_editor() {
    snapshot(
        "text_question",
        |h| {
            tab(h, 1);
            h.type_text("The school asks whether M. is followed.\nThe mother does not know.");
        },
        |h, screen, _| {
            let typed = "The school asks whether M. is followed.\nThe mother does not know.";
            assert_eq!(answer(h, 1, 0), Some(Answer::Text(typed.into())));
            assert!(screen.contains("The mother does not know."), "{screen}");
        },
    );
}

#[test]
fn a_choice_question_with_the_highlight_on_an_option_with_a_hint() {
    snapshot(
        "choice_question",
        |h| {
            tab(h, 2);
            h.press(KeyCode::Down);
        },
        |h, _, _| {
            assert_eq!(h.walk_screen().highlight(), 1, "↓ moved the highlight");
            assert_eq!(answer(h, 1, 1), None, "moving chooses nothing");
        },
    );
}

#[test]
fn choosing_must_opens_the_duty_step() {
    snapshot(
        "step_opened",
        |h| {
            tab(h, 2);
            h.press(KeyCode::Down).press(KeyCode::Down).press(KeyCode::Char(' '));
        },
        |h, _, _| {
            assert_eq!(answer(h, 1, 1), Some(Answer::Choice("must".into())));
            assert!(h.walk_screen().walk().step_shown(2), "the duty step is open");
        },
    );
}

#[test]
fn choosing_silence_again_hides_the_duty_step() {
    snapshot(
        "step_hidden",
        |h| {
            tab(h, 2);
            h.press(KeyCode::Down).press(KeyCode::Down).press(KeyCode::Char(' '));
            h.press(KeyCode::Up).press(KeyCode::Up).press(KeyCode::Char(' '));
        },
        |h, _, _| {
            assert_eq!(answer(h, 1, 1), Some(Answer::Choice("silence".into())));
            assert!(!h.walk_screen().walk().step_shown(2), "the duty step is hidden again");
        },
    );
}

#[test]
fn a_multi_question_with_other_text_and_a_note() {
    snapshot(
        "multi_question",
        |h| {
            tab(h, 2);
            h.press(KeyCode::Down).press(KeyCode::Down).press(KeyCode::Char(' '));
            tab(h, 1);
            h.press(KeyCode::Char(' ')).press(KeyCode::Down).press(KeyCode::Down).press(KeyCode::Char(' '));
            h.type_text("Court order");
        },
        |h, screen, _| {
            let Some(Answer::Multi { options, other }) = answer(h, 2, 0) else { panic!("a multi answer") };
            assert_eq!((options.len(), other.as_deref()), (1, Some("Court order")));
            assert!(screen.contains("Court order"), "{screen}");
        },
    );
}

#[test]
fn a_scale_question_and_a_chosen_option() {
    snapshot(
        "scale_question",
        |h| {
            h.press(KeyCode::PageDown).press(KeyCode::PageDown);
            h.press(KeyCode::Char(' '));
            tab(h, 1);
            h.press(KeyCode::Right).press(KeyCode::Right).press(KeyCode::Right);
        },
        |h, screen, _| {
            assert_eq!(answer(h, 3, 1), Some(Answer::Scale(3)));
            assert!(screen.contains("[3]"), "{screen}");
        },
    );
}

#[test]
fn the_list_of_steps_has_the_keys_after_f2() {
    snapshot(
        "steps_focused",
        |h| {
            h.press(KeyCode::F(2)).press(KeyCode::Down);
        },
        |h, screen, lang| {
            assert_eq!(h.walk_screen().step(), 0, "moving in the list does not change the step");
            assert!(screen.contains(lang.hint_action(Hint::GoToStep)), "the footer has the list's keys");
        },
    );
}

#[test]
fn the_help_lists_the_keys_of_the_walkthrough() {
    snapshot(
        "help",
        |h| {
            tab(h, 1);
            h.press(KeyCode::F(1));
        },
        |_, screen, lang| assert!(screen.contains(lang.help_walk()), "the help is open: {screen}"),
    );
}

#[test]
fn a_window_too_small_asks_to_be_enlarged_and_never_panics() {
    for lang in LANGS {
        let mut h = Harness::walk(lang, 59, 15);
        insta::assert_snapshot!(format!("too_small_{}_59x15", lang.tag()), h.screen());
        for (w, height) in [(1, 1), (20, 5), (60, 16), (200, 3), (3, 200)] {
            h.session.terminal_mut().backend_mut().resize(w, height);
            h.session.handle(ratatui::crossterm::event::Event::Resize(w, height));
            let screen = h.screen();
            assert!(!screen.is_empty());
        }
    }
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small_except_ctrl_c() {
    let mut h = Harness::walk(crate::text::Lang::En, 40, 10);
    h.press(KeyCode::Tab).type_text("hidden typing");
    assert!(h.walk_screen().focus.is_none());
    h.key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.session.finished());
}

#[test]
fn a_second_digit_makes_ten_on_a_scale_that_goes_to_ten() {
    let mut h = Harness::walk(crate::text::Lang::En, 80, 24);
    h.press(KeyCode::PageDown).press(KeyCode::PageDown);
    tab(&mut h, 1);
    let at = At { step: 3, question: 1 };
    h.press(KeyCode::Char('4'));
    assert_eq!(h.walk_screen().walk.answer(at), Some(&Answer::Scale(4)));
    h.press(KeyCode::Char('9'));
    assert_eq!(h.walk_screen().walk.answer(at), Some(&Answer::Scale(4)), "9 is out of 1–5: ignored");
    assert!(h.screen().contains("A value from 1 to 5."));
    h.press(KeyCode::Char('2'));
    assert_eq!(h.walk_screen().walk.answer(at), Some(&Answer::Scale(2)));
    h.press(KeyCode::Delete);
    assert_eq!(h.walk_screen().walk.answer(at), None);
}

#[test]
fn typing_on_the_other_entry_of_a_choice_chooses_it() {
    let mut h = Harness::walk(crate::text::Lang::En, 80, 24);
    h.press(KeyCode::PageDown).press(KeyCode::PageDown);
    h.press(KeyCode::Down).press(KeyCode::Down).type_text("Ask the team first");
    let at = At { step: 3, question: 0 };
    assert_eq!(h.walk_screen().walk.answer(at), Some(&Answer::ChoiceOther("Ask the team first".into())));
    h.press(KeyCode::Up).press(KeyCode::Char(' '));
    assert_eq!(h.walk_screen().walk.answer(at), Some(&Answer::Choice("keep".into())));
    assert!(!h.walk_screen().other_open);
}

#[test]
fn an_existing_answer_puts_the_highlight_on_it_and_the_cursor_at_the_end() {
    let mut h = Harness::walk(crate::text::Lang::En, 80, 24);
    tab(&mut h, 1);
    h.type_text("first words");
    tab(&mut h, 1);
    h.press(KeyCode::Down).press(KeyCode::Down).press(KeyCode::Enter);
    // Back to the text: the cursor is after the last word.
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    h.type_text(", more");
    let facts = At { step: 1, question: 0 };
    assert_eq!(h.walk_screen().walk.answer(facts), Some(&Answer::Text("first words, more".into())));
    // Forward to the choice: the highlight is on "must".
    tab(&mut h, 1);
    assert_eq!(h.walk_screen().highlight, 2);
}

#[test]
fn typing_reaches_the_file_at_the_next_tick_and_leaves_no_temporary_file() {
    let mut h = Harness::walk(crate::text::Lang::Fr, 80, 24);
    tab(&mut h, 1);
    h.type_text("Le collège demande");
    assert!(h.screen().contains("Enregistrement…"));
    h.saved();
    assert!(h.screen().contains("✓ Enregistré"));
    let saved = crate::trail::store::Store::load(&h.trail_path()).expect("the trail reads back");
    let facts = saved.record("situation", "facts").and_then(|r| r.answer.clone());
    assert_eq!(facts, Some(Answer::Text("Le collège demande".into())));
    let sessions = crate::paths::sessions_dir(h.dir.path());
    let leftovers: Vec<_> = std::fs::read_dir(sessions)
        .expect("the sessions folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(crate::trail::store::TEMP_PREFIX))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn the_terminal_cursor_follows_the_typing() {
    let mut h = Harness::walk(crate::text::Lang::En, 80, 24);
    tab(&mut h, 1);
    h.type_text("abc\nde");
    let screen = h.screen();
    let (row, line) = screen.lines().enumerate().find(|(_, l)| l.contains("│ de ")).expect("the second line");
    let column = line.chars().position(|c| c == 'd').expect("typed text") - 1 + 2;
    let cursor = h.session.terminal_mut().get_cursor_position().expect("a cursor");
    assert_eq!((cursor.x as usize, cursor.y as usize), (column, row));
}

#[test]
fn a_long_reading_step_scrolls_with_the_arrows_and_stops_at_its_end() {
    let guidance = "A paragraph long enough to take a few rows on a small screen.\n\n".repeat(12);
    let toml = format!(
        "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"G\"\n\
         [[steps]]\nid = \"read\"\ntitle = \"Read\"\nguidance = \"\"\"\n{guidance}\"\"\"\n"
    );
    let mut h = Harness::walk_of_grid(&toml, crate::text::Lang::En, 60, 16);
    let top = h.screen();
    assert!(top.contains("▼") && !top.contains("▲"), "more below is marked: {top}");
    for _ in 0..500 {
        h.press(KeyCode::Down);
        h.screen();
    }
    let end = h.walk_screen().view.scroll;
    assert!(end > 0 && end < 500, "{end}");
    assert!(h.screen().contains("▲"));
    h.press(KeyCode::Up);
    assert_eq!(h.walk_screen().view.scroll, end - 1, "one ↑ moves at once, however many ↓ were pressed");
}

#[test]
fn a_privacy_warning_shows_on_the_status_line_as_the_answer_is_typed() {
    snapshot(
        "privacy_warning",
        |h| {
            tab(h, 1);
            h.type_text("Appeler le 06 12 34 56 78 ou écrire à jean.dupont@example.org");
        },
        |_, screen, _| assert!(screen.contains('⚠'), "the warning is shown: {screen}"),
    );
}

#[test]
fn the_privacy_warning_follows_the_text_and_the_focus() {
    let mut h = Harness::walk(crate::text::Lang::En, 80, 24);
    tab(&mut h, 1);
    h.type_text("Write to jean.dupont@example");
    assert_eq!(h.walk_screen().privacy, None, "not an address yet");
    h.type_text(".org");
    let warning = h.walk_screen().privacy.clone().expect("a warning");
    assert!(
        warning.contains("an e-mail address") && warning.contains("jean.dupont@example.org"),
        "{warning}"
    );
    h.type_text(" or 06 12 34 56 78");
    assert!(h.walk_screen().privacy.as_deref().is_some_and(|w| w.ends_with("(and 1 more)")));
    assert!(h.screen().contains("⚠ This looks like an e-mail address"));
    for _ in 0.." or 06 12 34 56 78".len() + 4 {
        h.press(KeyCode::Backspace);
    }
    assert_eq!(h.walk_screen().privacy, None, "cleared when the text no longer matches");
    h.type_text(".org");
    tab(&mut h, 1);
    assert_eq!(h.walk_screen().privacy, None, "the next question has nothing identifying");
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert!(h.walk_screen().privacy.is_some(), "back on the answer, its warning again");
    // It warns and never blocks: the answer is kept as typed.
    let facts = At { step: 1, question: 0 };
    assert_eq!(
        h.walk_screen().walk.answer(facts),
        Some(&Answer::Text("Write to jean.dupont@example.org".into()))
    );
}

#[test]
fn the_other_entry_is_scanned_too() {
    let mut h = Harness::walk(crate::text::Lang::Fr, 80, 24);
    h.press(KeyCode::PageDown).press(KeyCode::PageDown);
    h.press(KeyCode::Down).press(KeyCode::Down).type_text("Appeler Mme Martin");
    let warning = h.walk_screen().privacy.clone().expect("a warning");
    assert!(warning.contains("un nom de personne"), "{warning}");
    h.press(KeyCode::Up).press(KeyCode::Char(' '));
    assert_eq!(h.walk_screen().privacy, None, "another option chosen: no free text any more");
}

#[test]
fn a_long_answer_is_scanned_at_the_next_tick_not_at_every_key() {
    let mut h = Harness::walk(crate::text::Lang::En, 80, 24);
    tab(&mut h, 1);
    h.session.handle(ratatui::crossterm::event::Event::Paste("word ".repeat(5_000)));
    assert_eq!(h.walk_screen().privacy, None);
    h.type_text(" jean.dupont@example.org");
    assert_eq!(h.walk_screen().privacy, None, "not while typing");
    h.session.tick(std::time::Instant::now());
    assert!(h.walk_screen().privacy.is_some(), "at the tick");
}

/// A 100 KB answer of paragraphs of a few lines, some empty lines between.
fn long_answer() -> String {
    let sentence = "Une réflexion longue et soignée, qui pèse les raisons de parler et de se taire. ";
    let mut lines = Vec::new();
    let mut size = 0;
    for i in 0.. {
        if size >= 100 * 1024 {
            break;
        }
        let line = if i % 9 == 8 { String::new() } else { format!("{i}: {}", sentence.repeat(1 + i % 7)) };
        size += line.len() + 1;
        lines.push(line);
    }
    lines.join("\n").trim_end().to_string()
}

/// Presses each key and draws after it, as the terminal does; then the
/// screen and where its cursor is.
fn keys_then_screen(h: &mut Harness, keys: &[(KeyCode, KeyModifiers)], times: usize) -> String {
    for _ in 0..times {
        for (code, modifiers) in keys {
            h.key(*code, *modifiers);
            h.screen();
        }
    }
    let screen = h.screen();
    let cursor = h.session.terminal_mut().get_cursor_position().expect("a cursor");
    format!("{screen}cursor at {},{}", cursor.x, cursor.y)
}

/// A 100 KB answer edited all over, a screen after each kind of key.
fn long_answer_screens(width: u16, height: u16) -> String {
    let none = KeyModifiers::NONE;
    let mut h = Harness::walk(crate::text::Lang::Fr, width, height);
    tab(&mut h, 1);
    h.session.handle(ratatui::crossterm::event::Event::Paste(long_answer()));
    // Entered again: the cursor at the end of the answer.
    tab(&mut h, 1);
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    let mut screens = vec![keys_then_screen(&mut h, &[], 0)];
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Char('a'), none), (KeyCode::Char(' '), none)], 5));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Up, none)], 150));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Char('x'), none)], 3));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Home, none), (KeyCode::Backspace, none)], 40));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Down, none)], 90));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::End, none), (KeyCode::Delete, none)], 30));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Enter, none), (KeyCode::Char('y'), none)], 20));
    let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Up, ctrl_alt), (KeyCode::Char('t'), none)], 1));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Down, KeyModifiers::CONTROL)], 12));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Char('v'), KeyModifiers::CONTROL)], 7));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Char('v'), KeyModifiers::ALT)], 3));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Up, KeyModifiers::CONTROL)], 5));
    h.session.handle(ratatui::crossterm::event::Event::Paste(long_answer()[..20_000].to_string()));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Char('p'), none)], 1));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Up, none)], 70));
    screens.push(keys_then_screen(&mut h, &[(KeyCode::Down, ctrl_alt), (KeyCode::Char('b'), none)], 1));
    let text = match h.walk_screen().walk.answer(At { step: 1, question: 0 }) {
        Some(Answer::Text(t)) => t.clone(),
        other => panic!("a text answer: {other:?}"),
    };
    screens.push(format!("{} bytes, {} lines", text.len(), text.lines().count()));
    screens.join("\n\n")
}

#[test]
fn a_long_answer_is_edited_and_drawn_like_a_short_one() {
    for (width, height) in SIZES {
        insta::assert_snapshot!(format!("long_answer_{width}x{height}"), long_answer_screens(width, height));
    }
}

/// The key a person reads on screen for `hint`, pressed: it must be the
/// table's. Checked on the footer, the help and the hint about references,
/// so that a key written by hand in a text cannot drift from the binding.
#[test]
fn the_footer_the_help_and_the_texts_name_each_key_as_the_table_binds_it() {
    use crate::tui::keys::{self, WALK};
    for lang in LANGS {
        let mut h = Harness::walk(lang, 120, 40);
        // The first step has references, hidden: the text names the key that shows them.
        let references = keys::label(lang, crate::text::Hint::References);
        let screen = h.screen();
        let hidden = screen.lines().find(|l| l.contains("(1)")).expect("the references, hidden");
        assert!(hidden.contains(&format!(" {references} ")), "{hidden}");
        // The texts that name keys take them from the table, never write them.
        let names_no_key = |text: String| {
            assert!(text.contains("⟨key⟩"), "{text}");
            for table in keys::TABLES {
                for binding in table {
                    let label = keys::label(lang, binding.hint);
                    assert!(label.chars().count() < 2 || !text.contains(&label), "{label:?} in {text}");
                }
            }
        };
        names_no_key(lang.references_hidden(1, "⟨key⟩"));
        names_no_key(lang.status_leave_unsaved("full", "⟨key⟩", "⟨key⟩"));
        names_no_key(lang.read_only_notice(Some("⟨key⟩")));
        names_no_key(lang.annotate_needs_question("⟨key⟩"));
        names_no_key(lang.annotation_empty("⟨key⟩"));
        names_no_key(lang.library_welcome("⟨key⟩")[2].clone());
        names_no_key(lang.help_close_scroll("⟨key⟩"));
        names_no_key(lang.ephemeral_discard_question("⟨key⟩"));
        names_no_key(lang.follow_up_held_needed("⟨key⟩"));
        names_no_key(lang.follow_up_leave_warning("⟨key⟩", "⟨key⟩"));
        names_no_key(lang.follow_up_help_note("⟨key⟩", "⟨key⟩"));
        tab(&mut h, 1);
        // The footer: every « key action » it shows is a binding of the table.
        let screen = h.screen();
        let footer = screen.lines().rev().find(|l| l.contains(" · ")).expect("a footer");
        let mut named = 0;
        for part in footer.trim_matches(|c| c == '"' || c == ' ').split(" · ") {
            let binding = WALK.iter().find(|b| part.ends_with(&format!(" {}", lang.hint_action(b.hint))));
            let binding = binding.unwrap_or_else(|| panic!("{part:?} is no binding of the table"));
            assert_eq!(
                part,
                format!("{} {}", keys::label(lang, binding.hint), lang.hint_action(binding.hint))
            );
            named += 1;
        }
        assert!(named >= 3, "{footer}");
        // The help: every action of the table listed there has the table's key before it.
        h.press(KeyCode::F(1));
        let help = h.screen();
        let mut listed = 0;
        for binding in WALK {
            let action = lang.hint_action(binding.hint);
            let label = keys::label(lang, binding.hint);
            for line in help.lines() {
                let Some(at) = line.find(&format!("  {action}")) else { continue };
                let before = line[..at].trim_end();
                if before.ends_with('│') || before.is_empty() {
                    continue;
                }
                if before.rsplit("  ").next().is_some_and(|k| k.trim_start_matches(['│', '"', ' ']) == label)
                {
                    listed += 1;
                }
            }
        }
        assert!(listed >= 10, "{help}");
    }
}

/// Issue 11: a scale answer out of the grid's range is set aside, and the
/// question says so.
#[test]
fn a_recorded_answer_out_of_the_scale_is_shown_set_aside_on_the_question() {
    for lang in [crate::text::Lang::Fr, crate::text::Lang::En] {
        let at = At { step: 3, question: 1 };
        let mut walk = crate::tui::testing::walk(lang);
        walk.set(at, Some(Answer::Scale(4)), crate::tui::testing::clock());
        let mut trail = walk.trail;
        let sure =
            trail.answers.iter_mut().find(|r| matches!(r.answer, Some(Answer::Scale(_)))).expect("the scale");
        sure.answer = Some(Answer::Scale(9));
        let grid = crate::tui::testing::grid(lang);
        let mut h = Harness::unsaved_walk(crate::walk::Walk::new(grid, trail), lang, 120, 40);
        h.press(KeyCode::PageDown).press(KeyCode::PageDown);
        tab(&mut h, 1);
        let screen = h.screen();
        let said = lang.pick(
            "⚠ La réponse enregistrée (9) sort de l'échelle de 1 à 5 de la grille",
            "⚠ The recorded answer (9) is outside the grid's scale of 1 to 5",
        );
        assert!(screen.contains(said), "{screen}");
        assert_eq!(h.walk_screen().walk.answer(at), None);
        // Answering again takes the new answer, the 9 goes to the history.
        h.press(KeyCode::Char('3'));
        assert_eq!(h.walk_screen().walk.answer(at), Some(&Answer::Scale(3)));
        assert!(!h.screen().contains("(9)"), "{}", h.screen());
    }
}

/// Issue 11: an answer of 5 MB written as one line; typing at its end is
/// seen where it goes, with the terminal's cursor after it.
#[test]
fn typing_at_the_end_of_a_5_mb_one_line_answer_is_seen_with_the_cursor() {
    let lang = crate::text::Lang::En;
    let at = At { step: 1, question: 0 };
    let long = "A long and careful thought, weighing the reasons to speak. ".repeat(5 * 1024 * 1024 / 60);
    let mut walk = crate::tui::testing::walk(lang);
    walk.set(at, Some(Answer::Text(long.clone())), crate::tui::testing::clock());
    walk.close_edit();
    let mut h = Harness::unsaved_walk(walk, lang, 100, 30);
    tab(&mut h, 1);
    let opened = h.screen();
    assert!(opened.contains("the reasons to speak.  "), "the end of the answer in view: {opened}");
    h.type_text("The end.");
    let screen = h.screen();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("The end."))
        .unwrap_or_else(|| panic!("{screen}"));
    let cursor = h.session.terminal_mut().get_cursor_position().expect("a cursor");
    // The screen's lines are quoted: one char more before the text.
    let column =
        line.find("The end.").map(|b| line[..b].chars().count() - 1 + "The end.".len()).expect("typed");
    assert_eq!((cursor.x as usize, cursor.y as usize), (column, row), "{screen}");
    assert_eq!(h.walk_screen().walk.answer(at), Some(&Answer::Text(format!("{long}The end."))));
}
