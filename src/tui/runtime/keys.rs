//! The key map: which key means what, where the focus is. Screens receive
//! messages, never raw keys (except the text a person types into an editor).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::Input;

/// A key and what it does, as the footer and the help name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    NextQuestion,
    PrevQuestion,
    MoveOption,
    Choose,
    Toggle,
    OtherText,
    ScaleChange,
    ScaleDigit,
    Clear,
    NewLine,
    NextStep,
    PrevStep,
    Steps,
    MoveStep,
    GoToStep,
    BackFromSteps,
    Scroll,
    Save,
    References,
    Help,
    ToLibrary,
    QuitWalk,
    SaveAndQuit,
    Open,
    New,
    Filter,
    Rename,
    Export,
    Delete,
    Quit,
    MoveTrail,
    ApplyFilter,
    ClearFilter,
    MoveGrid,
    PickGrid,
    Confirm,
    Cancel,
    Annotate,
    SaveAnnotation,
    NewLineAlt,
    Review,
    Page,
    HomeEnd,
    Close,
    /// The library shows only the trails whose revisit date has come.
    DueOnly,
    /// Back from the trails due to all of them.
    AllTrails,
    /// `f`: come back to the decision of the highlighted trail.
    FollowUp,
    NextField,
    PrevField,
    ScrollStep,
    Undo,
    Redo,
    ExportMd,
    ExportHtml,
    BackToWalk,
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
    /// The box of an annotation: several lines.
    Annotation,
    /// The box asking for the author's name: one line.
    Author,
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
    /// Enter in a box (annotation, name): done.
    BoxConfirm,
    /// Esc in a box: put it away.
    BoxCancel,
    /// A key for the box's editor.
    BoxEdit(Input),
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

fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char(k) if k.eq_ignore_ascii_case(&c))
}

pub fn walk_msg(key: KeyEvent, keys: WalkKeys) -> Option<WalkMsg> {
    use KeyCode as K;
    if is_ctrl_c(&key) {
        return Some(WalkMsg::Quit);
    }
    if matches!(keys, WalkKeys::Annotation | WalkKeys::Author) {
        return box_msg(key, keys);
    }
    if is_ctrl(&key, 's') {
        return Some(WalkMsg::SaveNow);
    }
    if keys == WalkKeys::End {
        return match key.code {
            K::F(1) => Some(WalkMsg::Help),
            K::Esc | K::BackTab | K::PageUp => Some(WalkMsg::LeaveEnd),
            K::F(2) => Some(WalkMsg::FocusSteps),
            K::Char('e' | 'E' | 'm' | 'M') => Some(WalkMsg::ExportSummary(crate::cli::ExportFormat::Md)),
            K::Char('h' | 'H') => Some(WalkMsg::ExportSummary(crate::cli::ExportFormat::Html)),
            _ => None,
        };
    }
    // Ctrl-↑↓ scroll the step while a question has the focus, so that its
    // guidance stays in reach.
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == K::Up && keys != WalkKeys::Steps {
        return Some(WalkMsg::ScrollUp);
    }
    if ctrl && key.code == K::Down && keys != WalkKeys::Steps {
        return Some(WalkMsg::ScrollDown);
    }
    let common = match key.code {
        K::F(1) => Some(WalkMsg::Help),
        K::F(2) if keys == WalkKeys::Steps => Some(WalkMsg::LeaveSteps),
        K::F(2) => Some(WalkMsg::FocusSteps),
        K::F(3) => Some(WalkMsg::ToggleReferences),
        K::Esc if keys == WalkKeys::Steps => Some(WalkMsg::LeaveSteps),
        K::Esc => Some(WalkMsg::Back),
        K::Tab => Some(WalkMsg::NextQuestion),
        K::BackTab => Some(WalkMsg::PrevQuestion),
        K::PageDown => Some(WalkMsg::NextStep),
        K::PageUp => Some(WalkMsg::PrevStep),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    let edit = Some(WalkMsg::Edit(Input::from(key)));
    match keys {
        WalkKeys::Steps => match key.code {
            K::Up => Some(WalkMsg::StepsUp),
            K::Down => Some(WalkMsg::StepsDown),
            K::Enter => Some(WalkMsg::GoToStep),
            _ => None,
        },
        WalkKeys::Text => edit,
        WalkKeys::Options { on_other, other_open } => match key.code {
            K::Up => Some(WalkMsg::OptionUp),
            K::Down => Some(WalkMsg::OptionDown),
            K::Enter => Some(WalkMsg::Choose),
            K::Char(' ') if on_other && other_open => edit,
            K::Char(' ') => Some(WalkMsg::Choose),
            K::Backspace | K::Delete if !(on_other && other_open) => Some(WalkMsg::Clear),
            K::Char(_) if on_other => edit,
            K::Backspace | K::Delete | K::Left | K::Right | K::Home | K::End if on_other => edit,
            _ => None,
        },
        WalkKeys::Date => match key.code {
            K::Enter => Some(WalkMsg::NextQuestion),
            K::Char(_) | K::Backspace | K::Delete | K::Left | K::Right | K::Home | K::End => edit,
            _ => None,
        },
        WalkKeys::Scale => match key.code {
            K::Left => Some(WalkMsg::ScaleLeft),
            K::Right => Some(WalkMsg::ScaleRight),
            K::Char(c) if c.is_ascii_digit() => Some(WalkMsg::Digit(c as u8 - b'0')),
            K::Backspace | K::Delete => Some(WalkMsg::Clear),
            _ => None,
        },
        WalkKeys::Reading => match key.code {
            K::Up => Some(WalkMsg::ScrollUp),
            K::Down => Some(WalkMsg::ScrollDown),
            _ => None,
        },
        WalkKeys::ReadOnly => match key.code {
            K::Up => Some(WalkMsg::ScrollUp),
            K::Down => Some(WalkMsg::ScrollDown),
            K::Char('a' | 'A') if plain_or_shift(&key) => Some(WalkMsg::Annotate),
            K::Char(_) | K::Backspace | K::Delete | K::Enter | K::Left | K::Right => {
                Some(WalkMsg::ReadOnlyKey)
            }
            _ => None,
        },
        WalkKeys::Annotation | WalkKeys::Author => box_msg(key, keys),
        WalkKeys::End => None,
    }
}

fn plain_or_shift(key: &KeyEvent) -> bool {
    (key.modifiers - KeyModifiers::SHIFT).is_empty()
}

/// The keys of the annotation box and of the name box. Enter is done;
/// in an annotation, Alt-Enter (or Shift-Enter, where the terminal tells
/// it apart) starts a new line.
fn box_msg(key: KeyEvent, keys: WalkKeys) -> Option<WalkMsg> {
    use KeyCode as K;
    let new_line = key.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SHIFT);
    match key.code {
        K::Enter if new_line && keys == WalkKeys::Annotation => {
            Some(WalkMsg::BoxEdit(Input { key: ratatui_textarea::Key::Enter, ..Input::default() }))
        }
        K::Enter => Some(WalkMsg::BoxConfirm),
        K::Esc => Some(WalkMsg::BoxCancel),
        K::F(1) => Some(WalkMsg::Help),
        _ => Some(WalkMsg::BoxEdit(Input::from(key))),
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
    use KeyCode as K;
    if is_ctrl_c(&key) {
        return Some(PagerMsg::Quit);
    }
    match key.code {
        K::Up | K::Char('k') => Some(PagerMsg::Up),
        K::Down | K::Char('j') => Some(PagerMsg::Down),
        K::PageUp => Some(PagerMsg::PageUp),
        K::PageDown | K::Char(' ') => Some(PagerMsg::PageDown),
        K::Home | K::Char('g') => Some(PagerMsg::Top),
        K::End | K::Char('G') => Some(PagerMsg::Bottom),
        K::F(1) => Some(PagerMsg::Help),
        K::Esc | K::Char('q' | 'Q') => Some(PagerMsg::Quit),
        _ => None,
    }
}

pub fn library_msg(key: KeyEvent, keys: LibraryKeys) -> Option<LibraryMsg> {
    use KeyCode as K;
    if is_ctrl_c(&key) {
        return Some(LibraryMsg::Quit);
    }
    match keys {
        LibraryKeys::List => match key.code {
            K::Up => Some(LibraryMsg::Up),
            K::Down => Some(LibraryMsg::Down),
            K::Enter => Some(LibraryMsg::Open),
            K::Char('n' | 'N') => Some(LibraryMsg::New),
            K::Char('/') => Some(LibraryMsg::Filter),
            K::Char('r' | 'R') => Some(LibraryMsg::Rename),
            K::Char('e' | 'E') => Some(LibraryMsg::Export),
            K::Char('d' | 'D') | K::Delete => Some(LibraryMsg::Delete),
            K::Char('v' | 'V') => Some(LibraryMsg::Review),
            K::Char('a' | 'A') => Some(LibraryMsg::DueOnly),
            K::Char('f' | 'F') => Some(LibraryMsg::FollowUp),
            K::F(1) => Some(LibraryMsg::Help),
            K::Char('q' | 'Q') => Some(LibraryMsg::Quit),
            K::Esc => Some(LibraryMsg::ClearFilter),
            _ => None,
        },
        LibraryKeys::Typing => match key.code {
            K::Enter => Some(LibraryMsg::Confirm),
            K::Esc => Some(LibraryMsg::Cancel),
            K::Up => Some(LibraryMsg::Up),
            K::Down => Some(LibraryMsg::Down),
            K::F(1) => Some(LibraryMsg::Help),
            _ => Some(LibraryMsg::Edit(Input::from(key))),
        },
        LibraryKeys::Picker => match key.code {
            K::Up => Some(LibraryMsg::Up),
            K::Down => Some(LibraryMsg::Down),
            K::Enter => Some(LibraryMsg::Confirm),
            K::Esc => Some(LibraryMsg::Cancel),
            K::F(1) => Some(LibraryMsg::Help),
            _ => None,
        },
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
        let b = WalkKeys::Annotation;
        assert_eq!(walk_msg(key(KeyCode::Enter), b), Some(WalkMsg::BoxConfirm));
        assert_eq!(walk_msg(key(KeyCode::Esc), b), Some(WalkMsg::BoxCancel));
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        assert!(matches!(
            walk_msg(alt_enter, b),
            Some(WalkMsg::BoxEdit(Input { key: ratatui_textarea::Key::Enter, alt: false, .. }))
        ));
        assert!(matches!(walk_msg(key(KeyCode::Char('a')), b), Some(WalkMsg::BoxEdit(_))));
        assert_eq!(
            walk_msg(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), b),
            Some(WalkMsg::Quit)
        );
        assert_eq!(walk_msg(alt_enter, WalkKeys::Author), Some(WalkMsg::BoxConfirm));
    }

    #[test]
    fn the_pager_keys() {
        assert_eq!(pager_msg(key(KeyCode::Char('q'))), Some(PagerMsg::Quit));
        assert_eq!(pager_msg(key(KeyCode::Esc)), Some(PagerMsg::Quit));
        assert_eq!(pager_msg(key(KeyCode::End)), Some(PagerMsg::Bottom));
        assert_eq!(pager_msg(key(KeyCode::PageDown)), Some(PagerMsg::PageDown));
        assert_eq!(pager_msg(key(KeyCode::F(1))), Some(PagerMsg::Help));
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
    if is_ctrl(&key, 's') {
        return Some(FollowUpMsg::Save);
    }
    match key.code {
        K::F(1) => return Some(FollowUpMsg::Help),
        K::Esc => return Some(FollowUpMsg::Cancel),
        K::Tab => return Some(FollowUpMsg::Next),
        K::BackTab => return Some(FollowUpMsg::Prev),
        _ => {}
    }
    if on_choices {
        return match key.code {
            K::Up | K::Left => Some(FollowUpMsg::Up),
            K::Down | K::Right => Some(FollowUpMsg::Down),
            K::Char(' ') | K::Enter => Some(FollowUpMsg::Choose),
            K::Char(c @ '1'..='4') => Some(FollowUpMsg::Digit(c as usize - '0' as usize)),
            _ => None,
        };
    }
    if on_date && key.code == K::Enter {
        return Some(FollowUpMsg::Save);
    }
    Some(FollowUpMsg::Edit(Input::from(key)))
}
