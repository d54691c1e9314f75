//! The checks that need the whole grid: what `outcome` and conditions name.

use super::condition::{Condition, ConditionAt};
use std::collections::{HashMap, HashSet};

use super::problem::{Lines, Place, Problem, ProblemKind};
use super::{Grid, Kind, Question};

/// A grid as parsed, with the positions that validation needs.
pub(super) struct Parsed {
    pub grid: Grid,
    pub outcome_at: Option<usize>,
    /// Every condition, with where it stands: (step index, index among the
    /// step's questions or None for a step's own condition, the place its
    /// problems name, the condition with positions). A question left out for
    /// problems of its own keeps the index of the next question kept.
    pub conditions: Vec<(usize, Option<usize>, Place, ConditionAt)>,
    /// Full names of questions left out because they had problems of their
    /// own: conditions naming them are not reported a second time.
    pub broken: Vec<String>,
}

/// Where a question stands in the grid.
struct Found<'g> {
    step: usize,
    index: usize,
    question: &'g Question,
}

pub(super) fn check(lines: &Lines, parsed: &Parsed, problems: &mut Vec<Problem>) {
    let mut report = |at: usize, place: &Place, kind| {
        super::problem::push_capped(problems, Problem { pos: lines.pos(at), place: place.clone(), kind });
    };
    let grid = &parsed.grid;
    // Looked up once per condition: maps keep a grid with many conditions linear.
    let broken: HashSet<&str> = parsed.broken.iter().map(String::as_str).collect();
    let mut questions: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
    for (si, step) in grid.steps.iter().enumerate() {
        for (qi, q) in step.questions.iter().enumerate() {
            questions.entry((step.id.as_str(), q.id.as_str())).or_insert((si, qi));
        }
    }
    let find = |name: &str| -> Result<Option<Found>, ProblemKind> {
        let Some((step_id, question_id)) =
            name.split_once('.').filter(|(s, q)| !s.is_empty() && !q.contains('.') && !q.is_empty())
        else {
            return Err(ProblemKind::BadQuestionName(name.to_string()));
        };
        if broken.contains(name) {
            return Ok(None);
        }
        let found = questions.get(&(step_id, question_id)).map(|&(si, index)| Found {
            step: si,
            index,
            question: &grid.steps[si].questions[index],
        });
        found.map(Some).ok_or_else(|| ProblemKind::UnknownQuestion(name.to_string()))
    };

    if let (Some(outcome), Some(at)) = (&grid.meta.outcome, parsed.outcome_at) {
        match find(outcome) {
            Err(kind) => report(at, &Place::Grid, kind),
            Ok(Some(found)) => {
                let kind = found.question.kind.kind();
                if !matches!(kind, Kind::Choice | Kind::Text) {
                    report(at, &Place::Grid, ProblemKind::OutcomeKind { question: outcome.clone(), kind });
                }
            }
            Ok(None) => {}
        }
    }

    for (step, question, place, condition) in &parsed.conditions {
        let mut leaves = Vec::new();
        collect_leaves(condition, &mut leaves);
        for leaf in leaves {
            let name = leaf.condition.questions()[0];
            let found = match find(name) {
                Err(kind) => {
                    report(leaf.at, place, kind);
                    continue;
                }
                Ok(None) => continue,
                Ok(Some(found)) => found,
            };
            let comes_before =
                found.step < *step || (found.step == *step && question.is_some_and(|q| found.index < q));
            if !comes_before {
                report(leaf.at, place, ProblemKind::LaterQuestion(name.to_string()));
                continue;
            }
            let kind = found.question.kind.kind();
            let (test, options): (&'static str, &[String]) = match &leaf.condition {
                Condition::Is { option, .. } => ("is", std::slice::from_ref(option)),
                Condition::AnyOf { options, .. } => ("any_of", options),
                _ => ("answered", &[]),
            };
            let testable = match test {
                "answered" => kind != Kind::Note,
                _ => matches!(kind, Kind::Choice | Kind::Multi),
            };
            if !testable {
                report(leaf.at, place, ProblemKind::ConditionKind { question: name.to_string(), kind, test });
                continue;
            }
            for (option, at) in options.iter().zip(&leaf.option_ats) {
                if found.question.option(option).is_none() {
                    let kind =
                        ProblemKind::UnknownOption { question: name.to_string(), option: option.clone() };
                    report(*at, place, kind);
                }
            }
        }
    }
}

fn collect_leaves<'c>(c: &'c ConditionAt, out: &mut Vec<&'c ConditionAt>) {
    if c.children.is_empty()
        && matches!(c.condition, Condition::Is { .. } | Condition::AnyOf { .. } | Condition::Answered { .. })
    {
        out.push(c);
    }
    for child in &c.children {
        collect_leaves(child, out);
    }
}
