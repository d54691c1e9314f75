//! The key map: which key means what, where the focus is. Screens receive
//! messages, never raw keys (except the text a person types into an editor).
//! Which keys do what is read from the tables (`table`), which the footers
//! and the help name the keys from too.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::Input;

pub use crate::text::Hint;

mod table;
use table::which;
pub use table::{
    Binding, FOLLOW_UP, Key, LIBRARY, PAGER, TABLES, WALK, hint, keys_of, label, label_with_others,
};

#[cfg(test)]
mod tests;

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
    ExportSummary(crate::documents::ExportFormat),
    /// The end screen: open the last export with the system's application.
    OpenExport,
    /// The end screen of an ephemeral walk: keep it as a trail.
    KeepWalk,
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
            Some(WalkMsg::ExportSummary(crate::documents::ExportFormat::Md))
        } else if on(Hint::ExportHtml) {
            Some(WalkMsg::ExportSummary(crate::documents::ExportFormat::Html))
        } else if on(Hint::OpenExport) {
            Some(WalkMsg::OpenExport)
        } else if on(Hint::KeepWalk) {
            Some(WalkMsg::KeepWalk)
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
