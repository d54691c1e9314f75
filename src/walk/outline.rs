//! A trail laid out step by step, question by question: from its grid when
//! the grid is still here (so unanswered and hidden questions appear), else
//! from what the trail itself recorded. Export and compare read this.

use std::collections::{HashMap, HashSet};

use crate::grid::{Grid, Kind, QuestionKind, Reference, Scale};
use crate::trail::{AnswerRecord, Trail};
use crate::walk::{Misfit, misfit};

pub struct Outline<'t> {
    pub steps: Vec<StepOutline<'t>>,
}

pub struct StepOutline<'t> {
    pub id: String,
    pub title: String,
    pub shown: bool,
    pub references: Vec<Reference>,
    pub questions: Vec<QuestionOutline<'t>>,
}

pub struct QuestionOutline<'t> {
    pub id: String,
    pub kind: Kind,
    pub prompt: String,
    pub shown: bool,
    pub required: bool,
    /// The question, or its step, has a condition: for a note, one the
    /// answers met, so the note is part of what the answers point to.
    pub conditional: bool,
    /// A scale's bounds and labels, from the grid.
    pub scale: Option<Scale>,
    pub record: Option<&'t AnswerRecord>,
    /// The recorded answer does not fit the grid: the walk sets it aside.
    pub set_aside: Option<Misfit>,
}

impl<'t> Outline<'t> {
    pub fn build(trail: &'t Trail, grid: Option<&Grid>) -> Outline<'t> {
        let mut steps = match grid {
            Some(grid) => from_grid(trail, grid),
            None => Vec::new(),
        };
        // Answers the grid no longer has (or all of them, without a grid).
        // Sets and maps keep this linear in the number of answers.
        let mut known: HashSet<(String, String)> =
            steps.iter().flat_map(|s| s.questions.iter().map(|q| (s.id.clone(), q.id.clone()))).collect();
        let mut step_at: HashMap<String, usize> =
            steps.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        for record in &trail.answers {
            if !known.insert((record.step.clone(), record.question.clone())) {
                continue;
            }
            let question = QuestionOutline {
                id: record.question.clone(),
                kind: record.kind,
                prompt: record.prompt.clone(),
                shown: !record.hidden,
                required: false,
                conditional: false,
                scale: None,
                record: Some(record),
                set_aside: None,
            };
            match step_at.get(&record.step) {
                Some(&i) => steps[i].questions.push(question),
                None => {
                    step_at.insert(record.step.clone(), steps.len());
                    steps.push(StepOutline {
                        id: record.step.clone(),
                        title: record.step_title.clone(),
                        shown: !record.hidden,
                        references: Vec::new(),
                        questions: vec![question],
                    })
                }
            }
        }
        for step in steps.iter_mut().filter(|s| !s.shown) {
            step.shown = grid.is_none() && step.questions.iter().any(|q| q.shown);
        }
        Outline { steps }
    }

    pub fn questions(&self) -> impl Iterator<Item = (&StepOutline<'t>, &QuestionOutline<'t>)> {
        self.steps.iter().flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }
}

fn from_grid<'t>(trail: &'t Trail, grid: &Grid) -> Vec<StepOutline<'t>> {
    let (shown_steps, shown) = super::shown(grid, trail);
    let records = trail.records();
    grid.steps
        .iter()
        .enumerate()
        .map(|(s, step)| StepOutline {
            id: step.id.clone(),
            title: step.title.clone(),
            shown: shown_steps[s],
            references: step.references.clone(),
            questions: step
                .questions
                .iter()
                .enumerate()
                .map(|(q, question)| {
                    let record = records.get(&(step.id.as_str(), question.id.as_str())).copied();
                    QuestionOutline {
                        id: question.id.clone(),
                        kind: question.kind.kind(),
                        // The prompt as the worker answered it, if they did.
                        prompt: record.map_or_else(|| question.prompt.clone(), |r| r.prompt.clone()),
                        shown: shown[s][q],
                        required: question.required,
                        conditional: question.when.is_some() || step.when.is_some(),
                        scale: match &question.kind {
                            QuestionKind::Scale(scale) => Some(scale.clone()),
                            _ => None,
                        },
                        record,
                        set_aside: record.and_then(|r| r.answer.as_ref()).and_then(|a| misfit(question, a)),
                    }
                })
                .collect(),
        })
        .collect()
}
