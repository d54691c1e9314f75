//! The keys of each screen, and the tables agreeing with what they do.

use super::table::find;
use super::*;
use crate::text::Lang;
use Key::{Code, Ctrl, Exact, Letter};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_contract_keys_of_the_walkthrough() {
    let text = WalkKeys::Text;
    assert_eq!(walk_msg(key(KeyCode::Tab), text), Some(WalkMsg::NextQuestion));
    assert_eq!(walk_msg(key(KeyCode::BackTab), text), Some(WalkMsg::PrevQuestion));
    assert_eq!(walk_msg(key(KeyCode::PageDown), text), Some(WalkMsg::NextStep));
    assert_eq!(walk_msg(key(KeyCode::PageUp), text), Some(WalkMsg::PrevStep));
    assert_eq!(walk_msg(key(KeyCode::F(2)), text), Some(WalkMsg::FocusSteps));
    assert_eq!(walk_msg(key(KeyCode::F(1)), text), Some(WalkMsg::Help));
    assert_eq!(walk_msg(key(KeyCode::Esc), text), Some(WalkMsg::Back));
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(walk_msg(ctrl('s'), text), Some(WalkMsg::SaveNow));
    assert_eq!(walk_msg(ctrl('c'), WalkKeys::Steps), Some(WalkMsg::Quit));
    assert!(matches!(walk_msg(key(KeyCode::Enter), text), Some(WalkMsg::Edit(_))));
    let options = WalkKeys::Options { on_other: false, other_open: false };
    assert_eq!(walk_msg(key(KeyCode::Char(' ')), options), Some(WalkMsg::Choose));
    assert_eq!(walk_msg(key(KeyCode::Enter), options), Some(WalkMsg::Choose));
    assert_eq!(walk_msg(key(KeyCode::Down), options), Some(WalkMsg::OptionDown));
    assert_eq!(walk_msg(key(KeyCode::Left), WalkKeys::Scale), Some(WalkMsg::ScaleLeft));
    assert_eq!(walk_msg(key(KeyCode::Char('4')), WalkKeys::Scale), Some(WalkMsg::Digit(4)));
    assert_eq!(walk_msg(key(KeyCode::Enter), WalkKeys::Steps), Some(WalkMsg::GoToStep));
    assert_eq!(walk_msg(key(KeyCode::Esc), WalkKeys::Steps), Some(WalkMsg::LeaveSteps));
}

#[test]
fn space_types_into_an_open_other_entry() {
    let typing = WalkKeys::Options { on_other: true, other_open: true };
    assert!(matches!(walk_msg(key(KeyCode::Char(' ')), typing), Some(WalkMsg::Edit(_))));
    assert_eq!(walk_msg(key(KeyCode::Enter), typing), Some(WalkMsg::Choose));
}

#[test]
fn a_read_only_walk_takes_no_answer_and_a_annotates() {
    let ro = WalkKeys::ReadOnly;
    for code in [KeyCode::Char('x'), KeyCode::Char(' '), KeyCode::Char('4'), KeyCode::Delete, KeyCode::Enter]
    {
        assert_eq!(walk_msg(key(code), ro), Some(WalkMsg::ReadOnlyKey), "{code:?}");
    }
    assert_eq!(walk_msg(key(KeyCode::Char('a')), ro), Some(WalkMsg::Annotate));
    assert_eq!(walk_msg(key(KeyCode::Down), ro), Some(WalkMsg::ScrollDown));
    assert_eq!(walk_msg(key(KeyCode::Tab), ro), Some(WalkMsg::NextQuestion));
    assert_eq!(walk_msg(key(KeyCode::PageDown), ro), Some(WalkMsg::NextStep));
    assert_eq!(walk_msg(key(KeyCode::F(2)), ro), Some(WalkMsg::FocusSteps));
    assert_eq!(walk_msg(key(KeyCode::F(3)), ro), Some(WalkMsg::ToggleReferences));
    assert_eq!(walk_msg(key(KeyCode::Esc), ro), Some(WalkMsg::Back));
}

#[test]
fn the_annotation_box_saves_on_enter_and_alt_enter_starts_a_line() {
    assert_eq!(box_msg(key(KeyCode::Enter), true), BoxMsg::Confirm);
    assert_eq!(box_msg(key(KeyCode::Esc), true), BoxMsg::Cancel);
    let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    assert!(matches!(
        box_msg(alt_enter, true),
        BoxMsg::Edit(Input { key: ratatui_textarea::Key::Enter, alt: false, .. })
    ));
    assert!(matches!(box_msg(key(KeyCode::Char('a')), true), BoxMsg::Edit(_)));
    assert_eq!(box_msg(alt_enter, false), BoxMsg::Confirm, "a name is one line");
}

#[test]
fn the_pager_keys() {
    assert_eq!(pager_msg(key(KeyCode::Char('q'))), Some(PagerMsg::Quit));
    assert_eq!(pager_msg(key(KeyCode::Esc)), Some(PagerMsg::Quit));
    assert_eq!(pager_msg(key(KeyCode::End)), Some(PagerMsg::Bottom));
    assert_eq!(pager_msg(key(KeyCode::PageDown)), Some(PagerMsg::PageDown));
    assert_eq!(pager_msg(key(KeyCode::F(1))), Some(PagerMsg::Help));
}

/// A key event for a key of the tables.
fn press(k: Key) -> KeyEvent {
    match k {
        Code(code) => key(code),
        Letter(c) | Exact(c) => key(KeyCode::Char(c)),
        Ctrl(code) => KeyEvent::new(code, KeyModifiers::CONTROL),
        Key::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
        Key::Digits => key(KeyCode::Char('4')),
        Key::Typing => key(KeyCode::Char('x')),
    }
}

/// Every key of a binding with the index of the shown key it stands for.
fn all_keys(b: &Binding) -> Vec<(usize, Key)> {
    b.keys.iter().copied().enumerate().chain(b.also.iter().copied()).collect()
}

/// What a walkthrough key of `hint` must do: where the focus is, and
/// the message (`i`: which of the shown keys).
fn walk_effect(hint: Hint, i: usize) -> (WalkKeys, WalkMsg) {
    use WalkMsg as M;
    let text = WalkKeys::Text;
    let options = WalkKeys::Options { on_other: false, other_open: false };
    let pick = |a: M, b: M| if i == 0 { a } else { b };
    match hint {
        Hint::NextQuestion => (text, M::NextQuestion),
        Hint::PrevQuestion => (text, M::PrevQuestion),
        Hint::MoveOption => (options, pick(M::OptionUp, M::OptionDown)),
        Hint::Choose | Hint::Toggle => (options, M::Choose),
        Hint::ScaleChange => (WalkKeys::Scale, pick(M::ScaleLeft, M::ScaleRight)),
        Hint::ScaleDigit => (WalkKeys::Scale, M::Digit(4)),
        Hint::Clear => (WalkKeys::Scale, M::Clear),
        Hint::NextStep => (text, M::NextStep),
        Hint::PrevStep => (text, M::PrevStep),
        Hint::Steps => (text, M::FocusSteps),
        Hint::MoveStep => (WalkKeys::Steps, pick(M::StepsUp, M::StepsDown)),
        Hint::GoToStep => (WalkKeys::Steps, M::GoToStep),
        Hint::BackFromSteps => (WalkKeys::Steps, M::LeaveSteps),
        Hint::Scroll => (WalkKeys::Reading, pick(M::ScrollUp, M::ScrollDown)),
        Hint::ScrollStep => (text, pick(M::ScrollUp, M::ScrollDown)),
        Hint::Save => (text, M::SaveNow),
        Hint::References => (text, M::ToggleReferences),
        Hint::Help => (text, M::Help),
        Hint::ToLibrary | Hint::QuitWalk => (text, M::Back),
        Hint::SaveAndQuit => (text, M::Quit),
        Hint::Annotate => (WalkKeys::ReadOnly, M::Annotate),
        // The keys of the boxes: checked below.
        Hint::SaveAnnotation | Hint::Confirm | Hint::Cancel => (text, M::Help),
        Hint::ExportMd => (WalkKeys::End, M::ExportSummary(crate::documents::ExportFormat::Md)),
        Hint::ExportHtml => (WalkKeys::End, M::ExportSummary(crate::documents::ExportFormat::Html)),
        Hint::BackToWalk => (WalkKeys::End, M::LeaveEnd),
        Hint::OpenExport => (WalkKeys::End, M::OpenExport),
        Hint::KeepWalk => (WalkKeys::End, M::KeepWalk),
        // Keys the focused editor takes: checked below.
        Hint::OtherText | Hint::NewLine | Hint::Undo | Hint::Redo | Hint::NewLineAlt => {
            (text, M::Edit(Input::default()))
        }
        other => panic!("{other:?} is in the walkthrough's table but does nothing there"),
    }
}

#[test]
fn every_key_of_the_walkthrough_table_does_what_its_label_says() {
    for binding in WALK {
        for (i, k) in all_keys(binding) {
            let (focus, expected) = walk_effect(binding.hint, i);
            let got = walk_msg(press(k), focus);
            match (binding.hint, &expected) {
                (Hint::OtherText, _) => {
                    let typing = WalkKeys::Options { on_other: true, other_open: true };
                    assert!(matches!(walk_msg(press(k), typing), Some(WalkMsg::Edit(_))), "{binding:?}");
                }
                (Hint::NewLineAlt, _) => assert!(
                    matches!(
                        box_msg(press(k), true),
                        BoxMsg::Edit(Input { key: ratatui_textarea::Key::Enter, .. })
                    ),
                    "{binding:?}"
                ),
                (Hint::SaveAnnotation | Hint::Confirm, _) => {
                    assert_eq!(box_msg(press(k), true), BoxMsg::Confirm, "{binding:?}")
                }
                (Hint::Cancel, _) => assert_eq!(box_msg(press(k), true), BoxMsg::Cancel, "{binding:?}"),
                (_, WalkMsg::Edit(_)) => {
                    let Some(WalkMsg::Edit(input)) = got else { panic!("{binding:?}: {got:?}") };
                    assert_eq!(input, Input::from(press(k)), "{binding:?}");
                }
                _ => assert_eq!(got, Some(expected.clone()), "{binding:?}, key {k:?}"),
            }
        }
    }
}

#[test]
fn every_key_of_the_library_pager_and_follow_up_tables_does_what_its_label_says() {
    use LibraryMsg as L;
    for binding in LIBRARY {
        for (i, k) in all_keys(binding) {
            let (focus, expected) = match binding.hint {
                Hint::MoveTrail => (LibraryKeys::List, if i == 0 { L::Up } else { L::Down }),
                Hint::MoveGrid => (LibraryKeys::Picker, if i == 0 { L::Up } else { L::Down }),
                Hint::Open => (LibraryKeys::List, L::Open),
                Hint::Review => (LibraryKeys::List, L::Review),
                Hint::DueOnly | Hint::AllTrails => (LibraryKeys::List, L::DueOnly),
                Hint::New => (LibraryKeys::List, L::New),
                Hint::Filter => (LibraryKeys::List, L::Filter),
                Hint::Rename => (LibraryKeys::List, L::Rename),
                Hint::Export => (LibraryKeys::List, L::Export),
                Hint::FollowUp => (LibraryKeys::List, L::FollowUp),
                Hint::Delete => (LibraryKeys::List, L::Delete),
                Hint::Help => (LibraryKeys::List, L::Help),
                Hint::Quit => (LibraryKeys::List, L::Quit),
                Hint::ClearFilter => (LibraryKeys::List, L::ClearFilter),
                Hint::ApplyFilter | Hint::Confirm => (LibraryKeys::Typing, L::Confirm),
                Hint::PickGrid => (LibraryKeys::Picker, L::Confirm),
                Hint::Cancel => (LibraryKeys::Picker, L::Cancel),
                other => panic!("{other:?} is in the library's table but does nothing there"),
            };
            assert_eq!(library_msg(press(k), focus), Some(expected), "{binding:?}, key {k:?}");
        }
    }
    for binding in PAGER {
        for (i, k) in all_keys(binding) {
            let pick = |a, b| if i == 0 { a } else { b };
            let expected = match binding.hint {
                Hint::Scroll => pick(PagerMsg::Up, PagerMsg::Down),
                Hint::Page => pick(PagerMsg::PageUp, PagerMsg::PageDown),
                Hint::HomeEnd => pick(PagerMsg::Top, PagerMsg::Bottom),
                Hint::Help => PagerMsg::Help,
                Hint::Close => PagerMsg::Quit,
                other => panic!("{other:?} is in the pager's table but does nothing there"),
            };
            assert_eq!(pager_msg(press(k)), Some(expected), "{binding:?}, key {k:?}");
        }
    }
    for binding in FOLLOW_UP {
        for (i, k) in all_keys(binding) {
            let (on_choices, expected) = match binding.hint {
                Hint::NextField => (false, FollowUpMsg::Next),
                Hint::PrevField => (false, FollowUpMsg::Prev),
                Hint::MoveOption => (true, if i == 0 { FollowUpMsg::Up } else { FollowUpMsg::Down }),
                Hint::Choose => (true, FollowUpMsg::Choose),
                Hint::NewLine => (false, FollowUpMsg::Edit(Input::from(press(k)))),
                Hint::Save => (false, FollowUpMsg::Save),
                Hint::Help => (false, FollowUpMsg::Help),
                Hint::Cancel => (false, FollowUpMsg::Cancel),
                other => panic!("{other:?} is in the follow-up's table but does nothing there"),
            };
            assert_eq!(follow_up_msg(press(k), on_choices, false), Some(expected), "{binding:?}, key {k:?}");
        }
    }
}

#[test]
fn a_hint_in_several_tables_shows_the_same_keys_in_each() {
    for (i, a) in TABLES.iter().enumerate() {
        for b in &TABLES[i + 1..] {
            for binding in a.iter() {
                if let Some(other) = find(b, binding.hint) {
                    assert_eq!(binding.keys, other.keys, "{:?}", binding.hint);
                }
            }
        }
    }
}

#[test]
fn labels_name_the_keys_of_the_table_in_each_language() {
    assert_eq!(label(Lang::Fr, Hint::References), "F3");
    assert_eq!(label(Lang::En, Hint::ScrollStep), "Ctrl+↑↓");
    assert_eq!(label(Lang::Fr, Hint::Page), "PgPréc PgSuiv");
    assert_eq!(label(Lang::En, Hint::Save), "Ctrl+S");
    assert_eq!(label(Lang::Fr, Hint::NewLineAlt), "Alt+Entrée");
    assert_eq!(label_with_others(Lang::En, WALK, Hint::Choose), "Space, Enter");
    // Every hint of a table has a label and words in both languages.
    for table in TABLES {
        for binding in table {
            for lang in [Lang::Fr, Lang::En] {
                assert!(!label(lang, binding.hint).is_empty(), "{binding:?}");
                assert!(!lang.hint_action(binding.hint).is_empty(), "{binding:?}");
            }
        }
    }
}

#[test]
fn deleting_asks_yes_and_defaults_to_no() {
    assert_eq!(library_msg(key(KeyCode::Char('y')), LibraryKeys::Question), Some(LibraryMsg::Yes));
    assert_eq!(library_msg(key(KeyCode::Char('o')), LibraryKeys::Question), Some(LibraryMsg::Yes));
    assert_eq!(library_msg(key(KeyCode::Enter), LibraryKeys::Question), Some(LibraryMsg::No));
    assert_eq!(library_msg(key(KeyCode::Char('x')), LibraryKeys::Question), None);
}
