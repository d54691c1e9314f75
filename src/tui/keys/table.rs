//! The tables of the key map: for each screen, which keys do what, and
//! the words the footer and the help name them with.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::text::{Hint, Lang};

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
    bind(Hint::OpenExport, &[Letter('o')]),
    bind(Hint::KeepWalk, &[Letter('s')]),
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
pub(super) fn find(table: &[Binding], hint: Hint) -> Option<&Binding> {
    table.iter().find(|b| b.hint == hint)
}

/// Which of `hint`'s shown keys `key` is (or stands for), in `table`.
pub(super) fn which(table: &[Binding], hint: Hint, key: &KeyEvent) -> Option<usize> {
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
