//! Conditions as a sentence a person reads on a handout: « À remplir si vous
//! avez répondu « Oui » à 5.1 ». The plain shape is `grid::shape`'s.

pub use crate::grid::shape::{Form, MAX_CHARS, Numbers, Target, Test};
use crate::grid::shape::{depth, numbers_in, shape};
use crate::grid::{Condition, Grid};
use crate::lang::Lang;

/// The sentence for condition `c` on a step, a question or a note: written
/// out when it reads in one go, else described by the questions it tests.
pub fn sentence(grid: &Grid, numbers: &Numbers, c: &Condition, target: Target, lang: Lang) -> String {
    let form = shape(grid, numbers, c, false);
    // Two levels read as « si A et soit B, soit C »; deeper ones do not.
    if depth(&form) <= 2 {
        let written = lang.condition_sentence(target, &form);
        if written.chars().count() <= MAX_CHARS {
            return written;
        }
    }
    let mut tested = Vec::new();
    numbers_in(&form, &mut tested);
    tested
        .sort_by_key(|n| n.split('.').map(|p| p.parse::<usize>().unwrap_or(usize::MAX)).collect::<Vec<_>>());
    lang.condition_described(target, &tested)
}

#[cfg(test)]
mod tests;
