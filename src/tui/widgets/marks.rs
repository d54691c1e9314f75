//! The marks of a step's state, in the list of steps and in the help.

use crate::walk::StepState;

/// The mark of a step's state; the help explains each.
pub fn mark(state: StepState) -> &'static str {
    match state {
        StepState::Answered => "✓",
        StepState::Partial => "◐",
        StepState::Unanswered => "○",
        StepState::RequiredMissing => "!",
        StepState::Reading => "≡",
        StepState::Hidden => "⊘",
    }
}

/// The mark of the step shown.
pub const CURRENT: &str = "▶";
