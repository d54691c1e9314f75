//! Conditions in the plain shape a person reads (on a handout: « À remplir si
//! vous avez répondu « Oui » à 5.1 »). Questions are named by their number.
//! The words are in `text`, the sentence in `documents::handout`.
//!
//! A condition is first brought to a plain shape: negations pushed down to
//! the answers they deny (never « il est faux que »), nested lists of the
//! same kind flattened, and tests of one question merged (« « A » ou
//! « B » »). What is still too deep or too long to read is described by the
//! questions it depends on instead.

use std::collections::HashMap;

use crate::grid::{Condition, Grid, QuestionKind};

/// A sentence longer than this is described instead of written out.
pub const MAX_CHARS: usize = 400;

/// What a condition is attached to: it chooses the sentence's opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Step,
    Question,
    Note,
}

/// One test of one question, as a person reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// The answer to the questions `numbers` is (or, for `multi`, ticks)
    /// one of `labels`, for all of them (`all`) or one of them; `negated`:
    /// none of the labels (and then a single question).
    Chose { numbers: Vec<String>, labels: Vec<String>, multi: bool, negated: bool, all: bool },
    /// Whether the questions `numbers` were answered (`yes`) or left
    /// unanswered: all of them (`all`), or one of them.
    Answered { numbers: Vec<String>, yes: bool, all: bool },
}

/// A condition in its plain shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    Test(Test),
    All(Vec<Form>),
    Any(Vec<Form>),
}

/// Questions by full name: their number (« 5.1 ») and whether they are `multi`.
pub struct Numbers {
    by_name: HashMap<String, (String, bool)>,
}

impl Numbers {
    /// Steps are numbered from 1, and the questions that take an answer
    /// within each step: a note gets no number.
    pub fn of(grid: &Grid) -> Numbers {
        let mut by_name = HashMap::new();
        for (s, step) in grid.steps.iter().enumerate() {
            let answerable = step.questions.iter().filter(|q| !matches!(q.kind, QuestionKind::Note));
            for (k, q) in answerable.enumerate() {
                let multi = matches!(q.kind, QuestionKind::Multi { .. });
                by_name.insert(format!("{}.{}", step.id, q.id), (format!("{}.{}", s + 1, k + 1), multi));
            }
        }
        Numbers { by_name }
    }

    pub fn number(&self, full_name: &str) -> Option<&str> {
        self.by_name.get(full_name).map(|(n, _)| n.as_str())
    }

    fn of_question(&self, full_name: &str) -> (String, bool) {
        self.by_name.get(full_name).cloned().unwrap_or_else(|| (full_name.to_string(), false))
    }
}

/// The plain shape of `c`, negated when `negate`.
pub fn shape(grid: &Grid, numbers: &Numbers, c: &Condition, negate: bool) -> Form {
    let label = |question: &str, option: &str| {
        grid.question(question)
            .and_then(|(_, q)| q.option(option))
            .map_or_else(|| option.to_string(), |o| o.label.clone())
    };
    let chose = |question: &str, options: &[String]| {
        let (number, multi) = numbers.of_question(question);
        let labels = options.iter().map(|o| label(question, o)).collect();
        Form::Test(Test::Chose { numbers: vec![number], labels, multi, negated: negate, all: true })
    };
    match c {
        Condition::Is { question, option } => chose(question, std::slice::from_ref(option)),
        Condition::AnyOf { question, options } => chose(question, options),
        Condition::Answered { question, answered } => {
            let number = numbers.of_question(question).0;
            Form::Test(Test::Answered { numbers: vec![number], yes: *answered != negate, all: true })
        }
        Condition::Not(inner) => shape(grid, numbers, inner, !negate),
        // Not (a and b) is (not a) or (not b), and the other way round.
        Condition::All(inner) | Condition::Any(inner) => {
            let all = matches!(c, Condition::All(_)) != negate;
            let parts = inner.iter().map(|i| shape(grid, numbers, i, negate)).collect();
            simplify(if all { Form::All(parts) } else { Form::Any(parts) })
        }
    }
}

/// Flattens lists nested in a list of the same kind, and merges the tests of
/// one question: « « A » ou « B » » rather than two sentences.
fn simplify(form: Form) -> Form {
    let (all, parts) = match form {
        Form::All(parts) => (true, parts),
        Form::Any(parts) => (false, parts),
        test => return test,
    };
    let mut flat: Vec<Form> = Vec::new();
    for part in parts {
        match part {
            Form::All(inner) if all => flat.extend(inner),
            Form::Any(inner) if !all => flat.extend(inner),
            other => flat.push(other),
        }
    }
    let mut merged: Vec<Form> = Vec::new();
    for part in flat {
        if !merge_into(&mut merged, &part, all) && !merged.contains(&part) {
            merged.push(part);
        }
    }
    match (merged.len(), all) {
        (1, _) => merged.pop().expect("one part"),
        (_, true) => Form::All(merged),
        (_, false) => Form::Any(merged),
    }
}

/// Merges the test `part` into one already in a list of kind `all`, when
/// one sentence says both; returns whether it did.
fn merge_into(merged: &mut [Form], part: &Form, all: bool) -> bool {
    // A test over several questions says "and" or "or" between them: it
    // joins a list of the same kind only.
    let fits = |numbers: &[String], joined: bool| numbers.len() == 1 || joined == all;
    match part {
        // "One of A, B" or'ed with "one of C" is "one of A, B, C"; "none of A"
        // and'ed with "none of B" is "none of A, B".
        Form::Test(Test::Chose { numbers, labels, multi, negated, .. })
            if *negated == all && numbers.len() == 1 =>
        {
            let same =
                merged.iter_mut().find_map(|m| match m {
                    Form::Test(Test::Chose {
                        numbers: n, labels: earlier, multi: mu, negated: ne, ..
                    }) if n == numbers && mu == multi && ne == negated => Some(earlier),
                    _ => None,
                });
            let Some(earlier) = same else { return merge_questions(merged, part, all, fits) };
            for l in labels {
                if !earlier.contains(l) {
                    earlier.push(l.clone());
                }
            }
            true
        }
        _ => merge_questions(merged, part, all, fits),
    }
}

/// "You answered “Yes” to 3.1" and "… to 3.2": "… to 3.1 and 3.2"; the same
/// for "you answered 3.1". Denials are not merged across questions: "you
/// did not answer “No” to 3.1 or 3.2" could be read as "neither".
fn merge_questions(
    merged: &mut [Form],
    part: &Form,
    all: bool,
    fits: impl Fn(&[String], bool) -> bool,
) -> bool {
    let (numbers, target) = match part {
        Form::Test(Test::Chose { numbers, labels, multi, negated: false, all: joined })
            if fits(numbers, *joined) =>
        {
            let target = merged.iter_mut().find_map(|m| match m {
                Form::Test(Test::Chose { numbers: n, labels: l, multi: mu, negated: false, all: j })
                    if l == labels && mu == multi && fits(n, *j) =>
                {
                    Some((n, j))
                }
                _ => None,
            });
            (numbers, target)
        }
        Form::Test(Test::Answered { numbers, yes, all: joined }) if fits(numbers, *joined) => {
            let target = merged.iter_mut().find_map(|m| match m {
                Form::Test(Test::Answered { numbers: n, yes: y, all: j }) if y == yes && fits(n, *j) => {
                    Some((n, j))
                }
                _ => None,
            });
            (numbers, target)
        }
        _ => return false,
    };
    let Some((earlier, joined)) = target else { return false };
    *joined = all;
    for n in numbers {
        if !earlier.contains(n) {
            earlier.push(n.clone());
        }
    }
    true
}

/// How many levels of lists the form has (a test alone: 0).
pub fn depth(form: &Form) -> usize {
    match form {
        Form::Test(_) => 0,
        Form::All(parts) | Form::Any(parts) => 1 + parts.iter().map(depth).max().unwrap_or(0),
    }
}

/// The numbers of the questions a form tests, each once.
pub fn numbers_in(form: &Form, out: &mut Vec<String>) {
    match form {
        Form::Test(Test::Chose { numbers, .. } | Test::Answered { numbers, .. }) => {
            for number in numbers {
                if !out.contains(number) {
                    out.push(number.clone());
                }
            }
        }
        Form::All(parts) | Form::Any(parts) => parts.iter().for_each(|p| numbers_in(p, out)),
    }
}
