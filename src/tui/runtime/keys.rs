//! The key map: which key means what, where the focus is. Screens receive
//! messages, never raw keys (except the text a person types into an editor).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::Input;

pub use crate::text::Hint;
use crate::text::Lang;

/// A key of the tables, as it is pressed and as it is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key, whatever the modifiers (Ctrl-↑↓ are taken before ↑↓).
    Code(KeyCode),
    /// This letter, in either case.
    Letter(char),
    /// This character exactly (`g` and `G` differ in the pager).
    Exact(char),
    Ctrl(KeyCode),
    /// With Alt, or with Shift where the terminal tells Shift-Enter apart.
    Alt(KeyCode),
    /// Any digit.
    Digits,
    /// Any letter: typing into an answer.
    Typing,
}

/// One binding: what it does (named by `text`), the keys the footer and
/// the help show for it, and other keys that do the same without being
/// shown, each standing for the shown key of that index (`k` for ↑).
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub hint: Hint,
    pub keys: &'static [Key],
    pub also: &'static [(usize, Key)],
}

const fn bind(hint: Hint, keys: &'static [Key]) -> Binding {
    Binding { hint, keys, also: &[] }
}

const fn bind_also(hint: Hint, keys: &'static [Key], also: &'static [(usize, Key)]) -> Binding {
    Binding { hint, keys, also }
}

use Key::{Code, Ctrl, Exact, Letter};
const UP_DOWN: &[Key] = &[Code(KeyCode::Up), Code(KeyCode::Down)];
const ENTER: &[Key] = &[Code(KeyCode::Enter)];
const ESC: &[Key] = &[Code(KeyCode::Esc)];
const SPACE: &[Key] = &[Code(KeyCode::Char(' '))];
const F1: &[Key] = &[Code(KeyCode::F(1))];
const CTRL_S: &[Key] = &[Ctrl(KeyCode::Char('s'))];

/// The keys of the walkthrough, the review and their boxes.
pub const WALK: &[Binding] = &[
    bind(Hint::NextQuestion, &[Code(KeyCode::Tab)]),
    bind(Hint::PrevQuestion, &[Code(KeyCode::BackTab)]),
    bind(Hint::MoveOption, UP_DOWN),
    bind_also(Hint::Choose, SPACE, &[(0, Code(KeyCode::Enter))]),
    bind_also(Hint::Toggle, SPACE, &[(0, Code(KeyCode::Enter))]),
    bind(Hint::OtherText, &[Key::Typing]),
    bind(Hint::ScaleChange, &[Code(KeyCode::Left), Code(KeyCode::Right)]),
    bind(Hint::ScaleDigit, &[Key::Digits]),
    bind_also(Hint::Clear, &[Code(KeyCode::Delete)], &[(0, Code(KeyCode::Backspace))]),
    bind(Hint::NewLine, ENTER),
    bind(Hint::NextStep, &[Code(KeyCode::PageDown)]),
    bind(Hint::PrevStep, &[Code(KeyCode::PageUp)]),
    bind(Hint::Steps, &[Code(KeyCode::F(2))]),
    bind(Hint::MoveStep, UP_DOWN),
    bind(Hint::GoToStep, ENTER),
    bind(Hint::BackFromSteps, ESC),
    bind(Hint::Scroll, UP_DOWN),
    bind(Hint::ScrollStep, &[Ctrl(KeyCode::Up), Ctrl(KeyCode::Down)]),
    bind(Hint::Save, CTRL_S),
    bind(Hint::References, &[Code(KeyCode::F(3))]),
    bind(Hint::Help, F1),
    bind(Hint::ToLibrary, ESC),
    bind(Hint::QuitWalk, ESC),
    bind(Hint::SaveAndQuit, &[Ctrl(KeyCode::Char('c'))]),
    bind(Hint::Undo, &[Ctrl(KeyCode::Char('z'))]),
    bind(Hint::Redo, &[Ctrl(KeyCode::Char('y'))]),
    bind(Hint::Annotate, &[Letter('a')]),
    bind(Hint::SaveAnnotation, ENTER),
    bind(Hint::Confirm, ENTER),
    bind(Hint::NewLineAlt, &[Key::Alt(KeyCode::Enter)]),
    bind(Hint::Cancel, ESC),
    bind_also(Hint::ExportMd, &[Letter('e')], &[(0, Letter('m'))]),
    bind(Hint::ExportHtml, &[Letter('h')]),
    bind_also(Hint::BackToWalk, ESC, &[(0, Code(KeyCode::BackTab)), (0, Code(KeyCode::PageUp))]),
];

/// The keys of the library, its boxes and the grid picker.
pub const LIBRARY: &[Binding] = &[
    bind(Hint::MoveTrail, UP_DOWN),
    bind(Hint::Open, ENTER),
    bind(Hint::Review, &[Letter('v')]),
    bind(Hint::DueOnly, &[Letter('a')]),
    bind(Hint::AllTrails, &[Letter('a')]),
    bind(Hint::New, &[Letter('n')]),
    bind(Hint::Filter, &[Exact('/')]),
    bind(Hint::Rename, &[Letter('r')]),
    bind(Hint::Export, &[Letter('e')]),
    bind(Hint::FollowUp, &[Letter('f')]),
    bind_also(Hint::Delete, &[Letter('d')], &[(0, Code(KeyCode::Delete))]),
    bind(Hint::Help, F1),
    bind(Hint::Quit, &[Letter('q')]),
    bind(Hint::ClearFilter, ESC),
    bind(Hint::ApplyFilter, ENTER),
    bind(Hint::MoveGrid, UP_DOWN),
    bind(Hint::PickGrid, ENTER),
    bind(Hint::Confirm, ENTER),
    bind(Hint::Cancel, ESC),
];

/// The keys of a document on screen.
pub const PAGER: &[Binding] = &[
    bind_also(Hint::Scroll, UP_DOWN, &[(0, Exact('k')), (1, Exact('j'))]),
    bind_also(Hint::Page, &[Code(KeyCode::PageUp), Code(KeyCode::PageDown)], &[(1, Exact(' '))]),
    bind_also(Hint::HomeEnd, &[Code(KeyCode::Home), Code(KeyCode::End)], &[(0, Exact('g')), (1, Exact('G'))]),
    bind(Hint::Help, F1),
    bind_also(Hint::Close, &[Letter('q')], &[(0, Code(KeyCode::Esc))]),
];

/// The keys of the follow-up entry.
pub const FOLLOW_UP: &[Binding] = &[
    bind(Hint::NextField, &[Code(KeyCode::Tab)]),
    bind(Hint::PrevField, &[Code(KeyCode::BackTab)]),
    bind_also(Hint::MoveOption, UP_DOWN, &[(0, Code(KeyCode::Left)), (1, Code(KeyCode::Right))]),
    bind_also(Hint::Choose, SPACE, &[(0, Code(KeyCode::Enter))]),
    bind(Hint::NewLine, ENTER),
    bind(Hint::Save, CTRL_S),
    bind(Hint::Help, F1),
    bind(Hint::Cancel, ESC),
];

/// Every table, for the footer and the help (a hint found in several has
/// the same shown keys in all: a test sees to it).
pub const TABLES: [&[Binding]; 4] = [WALK, LIBRARY, PAGER, FOLLOW_UP];

impl Key {
    fn hit(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let same = |code: KeyCode| match (code, key.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        };
        match self {
            Code(code) => key.code == code,
            Letter(c) => same(KeyCode::Char(c)),
            Exact(c) => key.code == KeyCode::Char(c),
            Ctrl(code) => ctrl && same(code),
            Key::Alt(code) => {
                key.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SHIFT) && key.code == code
            }
            Key::Digits => matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit()),
            Key::Typing => matches!(key.code, KeyCode::Char(_)),
        }
    }

    /// The modifier's name (if any) and the key's.
    fn name(self, lang: Lang) -> (Option<&'static str>, String) {
        match self {
            Code(code) => (None, lang.key_name(code).into_owned()),
            Letter(c) | Exact(c) => (None, lang.key_name(KeyCode::Char(c)).into_owned()),
            // Ctrl+S, as keyboards print the letter.
            Ctrl(KeyCode::Char(c)) => (Some(lang.ctrl_key()), c.to_ascii_uppercase().to_string()),
            Ctrl(code) => (Some(lang.ctrl_key()), lang.key_name(code).into_owned()),
            Key::Alt(code) => (Some(lang.alt_key()), lang.key_name(code).into_owned()),
            Key::Digits => (None, lang.digits_key().to_string()),
            Key::Typing => (None, lang.typing_key().to_string()),
        }
    }
}

/// The binding of `hint` in `table`.
fn find(table: &[Binding], hint: Hint) -> Option<&Binding> {
    table.iter().find(|b| b.hint == hint)
}

/// Which of `hint`'s shown keys `key` is (or stands for), in `table`.
fn which(table: &[Binding], hint: Hint, key: &KeyEvent) -> Option<usize> {
    let binding = find(table, hint)?;
    binding
        .keys
        .iter()
        .position(|k| k.hit(key))
        .or_else(|| binding.also.iter().find(|(_, k)| k.hit(key)).map(|&(i, _)| i))
}

/// The shown keys of `hint`, from the first table that binds it.
pub fn keys_of(hint: Hint) -> &'static [Key] {
    TABLES.iter().find_map(|t| find(t, hint)).map_or(&[], |b| b.keys)
}

/// The keys of `hint` as the footer and the help name them: a modifier
/// shared by all is named once (`Ctrl+↑↓`), arrows go together (`↑↓`),
/// other keys are set apart by a space (`PgUp PgDn`).
pub fn label(lang: Lang, hint: Hint) -> String {
    let names: Vec<_> = keys_of(hint).iter().map(|k| k.name(lang)).collect();
    let shared = names.first().and_then(|(m, _)| *m).filter(|m| names.iter().all(|(n, _)| *n == Some(*m)));
    let arrows = names.iter().all(|(_, n)| matches!(n.as_str(), "↑" | "↓" | "←" | "→"));
    let parts: Vec<String> = names
        .into_iter()
        .map(|(m, n)| if shared.is_some() { n } else { format!("{}{n}", m.unwrap_or("")) })
        .collect();
    format!("{}{}", shared.unwrap_or(""), parts.join(if arrows { "" } else { " " }))
}

/// The keys of `hint` in `table`, those not shown in the footer too, as
/// the help lists them (`Space, Enter`).
pub fn label_with_others(lang: Lang, table: &[Binding], hint: Hint) -> String {
    let Some(binding) = find(table, hint) else { return String::new() };
    let mut names = vec![label(lang, hint)];
    names.extend(binding.also.iter().map(|(_, k)| {
        let (m, n) = k.name(lang);
        format!("{}{n}", m.unwrap_or(""))
    }));
    names.join(", ")
}

/// A hint as the footer and the help show it: its keys and what they do.
pub fn hint(lang: Lang, hint: Hint) -> (String, &'static str) {
    (label(lang, hint), lang.hint_action(hint))
}

/// Where the keys go in the walkthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkKeys {
    /// The list of steps (F2).
    Steps,
    /// A text answer's editor.
    Text,
    /// A choice or multi question; `on_other` when the highlight is on the
    /// "Other" entry, `other_open` when its text is being typed.
    Options {
        on_other: bool,
        other_open: bool,
    },
    Scale,
    /// A date question's field: one line; Enter goes on to the next question.
    Date,
    /// No question focused: a reading step.
    Reading,
    /// A review, or a trail open in another window: nothing changes the
    /// answers; ↑↓ scroll and `a` annotates.
    ReadOnly,
    /// The end screen, after the last question.
    End,
}

/// What a key asks of the walkthrough.
#[derive(Debug, Clone, PartialEq)]
pub enum WalkMsg {
    NextQuestion,
    PrevQuestion,
    NextStep,
    PrevStep,
    OptionUp,
    OptionDown,
    /// Space or Enter on an option.
    Choose,
    ScaleLeft,
    ScaleRight,
    Digit(u8),
    Clear,
    FocusSteps,
    StepsUp,
    StepsDown,
    GoToStep,
    LeaveSteps,
    ScrollUp,
    ScrollDown,
    SaveNow,
    ToggleReferences,
    Help,
    /// Esc: back to the library (or out, for a walk without library).
    Back,
    /// Ctrl-C: save and quit.
    Quit,
    /// A key for the focused editor.
    Edit(Input),
    /// `a` in a review: annotate the focused answer.
    Annotate,
    /// A key that would change an answer, on a trail that is read only.
    ReadOnlyKey,
    /// The end screen: export the summary.
    ExportSummary(crate::cli::ExportFormat),
    /// Out of the end screen, back to the walk.
    LeaveEnd,
}

/// What a key asks of the library.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryMsg {
    Up,
    Down,
    Open,
    New,
    Filter,
    Rename,
    Export,
    Delete,
    /// `v`: the trail in review.
    Review,
    /// `a`: only the trails to come back to (« à revoir »), or all again.
    DueOnly,
    /// `f`: a follow-up of the highlighted trail.
    FollowUp,
    Help,
    Quit,
    /// Esc in the list: clears the filter.
    ClearFilter,
    /// Enter in a box.
    Confirm,
    /// Esc in a box.
    Cancel,
    Yes,
    No,
    Edit(Input),
}

/// Where the keys go in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryKeys {
    List,
    /// Typing in the filter, the title box: text goes to the editor.
    Typing,
    /// The grid picker.
    Picker,
    /// A yes/no question.
    Question,
}

/// Press and repeat count; release events (sent by some terminals) do not.
pub fn is_press(key: &KeyEvent) -> bool {
    matches!(key.kind, KeyEventKind::Press | KeyEventKind::Repeat)
}

pub fn is_ctrl_c(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'C'))
}

pub fn walk_msg(key: KeyEvent, keys: WalkKeys) -> Option<WalkMsg> {
    use KeyCode as K;
    let at = |hint| which(WALK, hint, &key);
    let on = |hint| at(hint).is_some();
    if on(Hint::SaveAndQuit) {
        return Some(WalkMsg::Quit);
    }
    if on(Hint::Save) {
        return Some(WalkMsg::SaveNow);
    }
    if keys == WalkKeys::End {
        return if on(Hint::Help) {
            Some(WalkMsg::Help)
        } else if on(Hint::BackToWalk) {
            Some(WalkMsg::LeaveEnd)
        } else if on(Hint::Steps) {
            Some(WalkMsg::FocusSteps)
        } else if on(Hint::ExportMd) {
            Some(WalkMsg::ExportSummary(crate::cli::ExportFormat::Md))
        } else if on(Hint::ExportHtml) {
            Some(WalkMsg::ExportSummary(crate::cli::ExportFormat::Html))
        } else {
            None
        };
    }
    // Ctrl-↑↓ scroll the step while a question has the focus, so that its
    // guidance stays in reach.
    if keys != WalkKeys::Steps
        && let Some(i) = at(Hint::ScrollStep)
    {
        return Some(if i == 0 { WalkMsg::ScrollUp } else { WalkMsg::ScrollDown });
    }
    let in_steps = keys == WalkKeys::Steps;
    let common = if on(Hint::Help) {
        Some(WalkMsg::Help)
    } else if on(Hint::Steps) {
        Some(if in_steps { WalkMsg::LeaveSteps } else { WalkMsg::FocusSteps })
    } else if on(Hint::References) {
        Some(WalkMsg::ToggleReferences)
    } else if in_steps && on(Hint::BackFromSteps) {
        Some(WalkMsg::LeaveSteps)
    } else if on(Hint::ToLibrary) || on(Hint::QuitWalk) {
        Some(WalkMsg::Back)
    } else if on(Hint::NextQuestion) {
        Some(WalkMsg::NextQuestion)
    } else if on(Hint::PrevQuestion) {
        Some(WalkMsg::PrevQuestion)
    } else if on(Hint::NextStep) {
        Some(WalkMsg::NextStep)
    } else if on(Hint::PrevStep) {
        Some(WalkMsg::PrevStep)
    } else {
        None
    };
    if common.is_some() {
        return common;
    }
    let edit = Some(WalkMsg::Edit(Input::from(key)));
    let up_down = |hint, up: WalkMsg, down: WalkMsg| at(hint).map(|i| if i == 0 { up } else { down });
    match keys {
        WalkKeys::Steps => up_down(Hint::MoveStep, WalkMsg::StepsUp, WalkMsg::StepsDown)
            .or_else(|| on(Hint::GoToStep).then_some(WalkMsg::GoToStep)),
        WalkKeys::Text => edit,
        WalkKeys::Options { on_other, other_open } => {
            let typing = on_other && other_open;
            if let Some(msg) = up_down(Hint::MoveOption, WalkMsg::OptionUp, WalkMsg::OptionDown) {
                Some(msg)
            } else if typing && matches!(key.code, K::Char(_)) {
                edit
            } else if on(Hint::Choose) || on(Hint::Toggle) {
                Some(WalkMsg::Choose)
            } else if !typing && on(Hint::Clear) {
                Some(WalkMsg::Clear)
            } else if on_other
                && matches!(
                    key.code,
                    K::Char(_) | K::Backspace | K::Delete | K::Left | K::Right | K::Home | K::End
                )
            {
                edit
            } else {
                None
            }
        }
        WalkKeys::Date => match key.code {
            K::Enter => Some(WalkMsg::NextQuestion),
            K::Char(_) | K::Backspace | K::Delete | K::Left | K::Right | K::Home | K::End => edit,
            _ => None,
        },
        WalkKeys::Scale => up_down(Hint::ScaleChange, WalkMsg::ScaleLeft, WalkMsg::ScaleRight)
            .or_else(|| match key.code {
                K::Char(c) if on(Hint::ScaleDigit) => Some(WalkMsg::Digit(c as u8 - b'0')),
                _ => None,
            })
            .or_else(|| on(Hint::Clear).then_some(WalkMsg::Clear)),
        WalkKeys::Reading => up_down(Hint::Scroll, WalkMsg::ScrollUp, WalkMsg::ScrollDown),
        WalkKeys::ReadOnly => {
            if let Some(msg) = up_down(Hint::Scroll, WalkMsg::ScrollUp, WalkMsg::ScrollDown) {
                Some(msg)
            } else if on(Hint::Annotate) && plain_or_shift(&key) {
                Some(WalkMsg::Annotate)
            } else if matches!(
                key.code,
                K::Char(_) | K::Backspace | K::Delete | K::Enter | K::Left | K::Right
            ) {
                Some(WalkMsg::ReadOnlyKey)
            } else {
                None
            }
        }
        WalkKeys::End => None,
    }
}

fn plain_or_shift(key: &KeyEvent) -> bool {
    (key.modifiers - KeyModifiers::SHIFT).is_empty()
}

/// What a key asks of a box over the walkthrough (an annotation, a name).
#[derive(Debug, Clone, PartialEq)]
pub enum BoxMsg {
    /// Enter: done.
    Confirm,
    /// Esc: put it away.
    Cancel,
    Help,
    /// A key for the box's editor.
    Edit(Input),
}

/// The keys of the annotation box (`several_lines`) and of the name box.
/// Enter is done; in an annotation, Alt-Enter (or Shift-Enter, where the
/// terminal tells it apart) starts a new line.
pub fn box_msg(key: KeyEvent, several_lines: bool) -> BoxMsg {
    let on = |hint| which(WALK, hint, &key).is_some();
    if on(Hint::NewLineAlt) && several_lines {
        BoxMsg::Edit(Input { key: ratatui_textarea::Key::Enter, ..Input::default() })
    } else if on(Hint::SaveAnnotation) || on(Hint::Confirm) {
        BoxMsg::Confirm
    } else if on(Hint::Cancel) {
        BoxMsg::Cancel
    } else if on(Hint::Help) {
        BoxMsg::Help
    } else {
        BoxMsg::Edit(Input::from(key))
    }
}

/// What a key asks of a pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerMsg {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Help,
    Quit,
}

pub fn pager_msg(key: KeyEvent) -> Option<PagerMsg> {
    if is_ctrl_c(&key) {
        return Some(PagerMsg::Quit);
    }
    let at = |hint| which(PAGER, hint, &key);
    let pair = |hint, first, second| at(hint).map(|i| if i == 0 { first } else { second });
    pair(Hint::Scroll, PagerMsg::Up, PagerMsg::Down)
        .or_else(|| pair(Hint::Page, PagerMsg::PageUp, PagerMsg::PageDown))
        .or_else(|| pair(Hint::HomeEnd, PagerMsg::Top, PagerMsg::Bottom))
        .or_else(|| at(Hint::Help).map(|_| PagerMsg::Help))
        .or_else(|| at(Hint::Close).map(|_| PagerMsg::Quit))
}

pub fn library_msg(key: KeyEvent, keys: LibraryKeys) -> Option<LibraryMsg> {
    use KeyCode as K;
    if is_ctrl_c(&key) {
        return Some(LibraryMsg::Quit);
    }
    let at = |hint| which(LIBRARY, hint, &key);
    let on = |hint| at(hint).is_some();
    let up_down = |hint| at(hint).map(|i| if i == 0 { LibraryMsg::Up } else { LibraryMsg::Down });
    match keys {
        LibraryKeys::List => {
            let actions = [
                (Hint::Open, LibraryMsg::Open),
                (Hint::New, LibraryMsg::New),
                (Hint::Filter, LibraryMsg::Filter),
                (Hint::Rename, LibraryMsg::Rename),
                (Hint::Export, LibraryMsg::Export),
                (Hint::Delete, LibraryMsg::Delete),
                (Hint::Review, LibraryMsg::Review),
                (Hint::DueOnly, LibraryMsg::DueOnly),
                (Hint::AllTrails, LibraryMsg::DueOnly),
                (Hint::FollowUp, LibraryMsg::FollowUp),
                (Hint::Help, LibraryMsg::Help),
                (Hint::Quit, LibraryMsg::Quit),
                (Hint::ClearFilter, LibraryMsg::ClearFilter),
            ];
            up_down(Hint::MoveTrail).or_else(|| actions.into_iter().find(|(h, _)| on(*h)).map(|(_, m)| m))
        }
        LibraryKeys::Typing => {
            up_down(Hint::MoveTrail).or(Some(if on(Hint::ApplyFilter) || on(Hint::Confirm) {
                LibraryMsg::Confirm
            } else if on(Hint::ClearFilter) || on(Hint::Cancel) {
                LibraryMsg::Cancel
            } else if on(Hint::Help) {
                LibraryMsg::Help
            } else {
                LibraryMsg::Edit(Input::from(key))
            }))
        }
        LibraryKeys::Picker => up_down(Hint::MoveGrid).or_else(|| {
            if on(Hint::PickGrid) {
                Some(LibraryMsg::Confirm)
            } else if on(Hint::Cancel) {
                Some(LibraryMsg::Cancel)
            } else if on(Hint::Help) {
                Some(LibraryMsg::Help)
            } else {
                None
            }
        }),
        // "y" in English, "o" (oui) in French: both are taken in both
        // languages, so a habit from either never deletes by surprise
        // nor fails to.
        LibraryKeys::Question => match key.code {
            K::Char('y' | 'Y' | 'o' | 'O') => Some(LibraryMsg::Yes),
            K::Esc | K::Enter | K::Char('n' | 'N') => Some(LibraryMsg::No),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for code in
            [KeyCode::Char('x'), KeyCode::Char(' '), KeyCode::Char('4'), KeyCode::Delete, KeyCode::Enter]
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
            Hint::ExportMd => (WalkKeys::End, M::ExportSummary(crate::cli::ExportFormat::Md)),
            Hint::ExportHtml => (WalkKeys::End, M::ExportSummary(crate::cli::ExportFormat::Html)),
            Hint::BackToWalk => (WalkKeys::End, M::LeaveEnd),
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
                assert_eq!(
                    follow_up_msg(press(k), on_choices, false),
                    Some(expected),
                    "{binding:?}, key {k:?}"
                );
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
}

/// What a key means on the follow-up screen.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowUpMsg {
    Next,
    Prev,
    /// Among the answers to « La décision a-t-elle tenu ? ».
    Up,
    Down,
    Choose,
    /// `1`…`4` choose that answer.
    Digit(usize),
    Save,
    /// Esc: leave without saving (asked twice when something was typed).
    Cancel,
    Help,
    /// Ctrl-C.
    Quit,
    Edit(Input),
}

/// `on_choices`: the answers to choose from have the keys; `on_date`: the
/// date field (Enter saves there; in a text, Enter is a new line).
pub fn follow_up_msg(key: KeyEvent, on_choices: bool, on_date: bool) -> Option<FollowUpMsg> {
    use KeyCode as K;
    if is_ctrl_c(&key) {
        return Some(FollowUpMsg::Quit);
    }
    let at = |hint| which(FOLLOW_UP, hint, &key);
    let on = |hint| at(hint).is_some();
    if on(Hint::Save) {
        return Some(FollowUpMsg::Save);
    }
    let common = [
        (Hint::Help, FollowUpMsg::Help),
        (Hint::Cancel, FollowUpMsg::Cancel),
        (Hint::NextField, FollowUpMsg::Next),
        (Hint::PrevField, FollowUpMsg::Prev),
    ];
    if let Some((_, msg)) = common.into_iter().find(|(h, _)| on(*h)) {
        return Some(msg);
    }
    if on_choices {
        return if let Some(i) = at(Hint::MoveOption) {
            Some(if i == 0 { FollowUpMsg::Up } else { FollowUpMsg::Down })
        } else if on(Hint::Choose) {
            Some(FollowUpMsg::Choose)
        } else {
            match key.code {
                K::Char(c @ '1'..='4') => Some(FollowUpMsg::Digit(c as usize - '0' as usize)),
                _ => None,
            }
        };
    }
    if on_date && key.code == K::Enter {
        return Some(FollowUpMsg::Save);
    }
    Some(FollowUpMsg::Edit(Input::from(key)))
}
