//! The walk: which steps and questions are shown, the order Tab and
//! PageDown follow, and how answers change with their history. Shared by
//! the full-screen and the plain front ends; pure.

pub mod outline;

use std::collections::HashMap;

use crate::grid::{Answer, Grid, Question, QuestionKind, Step};
use crate::trail::{Annotation, AnswerRecord, Revision, Time, Trail};

/// A question by its place in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct At {
    pub step: usize,
    pub question: usize,
}

/// How a step looks in the list of steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Hidden,
    /// No question to answer: guidance and references only.
    Reading,
    Unanswered,
    /// Some questions answered, and no required one left.
    Partial,
    Answered,
    /// A required question is still unanswered.
    RequiredMissing,
}

/// What Tab, PageDown and the list of steps reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reach {
    /// What the answers show: the walkthrough.
    #[default]
    Shown,
    /// Also the answers that conditions now hide, kept in the trail: a
    /// review reads them and can annotate them.
    Kept,
}

pub struct Walk {
    pub grid: Grid,
    pub trail: Trail,
    reach: Reach,
    shown_steps: Vec<bool>,
    shown: Vec<Vec<bool>>,
    /// The question whose answer is being worked on: changes to it amend the
    /// current answer instead of adding a revision, so that typing a sentence
    /// does not leave one revision per key. Moving away closes it.
    amending: Option<At>,
    /// Counts changes, so that front ends know when to save.
    pub changes: u64,
    /// `step.question` of every question, by grid position: the names
    /// conditions use, made once.
    names: Vec<Vec<String>>,
    /// Where each question's record stands in `trail.answers`, by grid
    /// position, so that finding an answer does not scan the trail: with a
    /// long grid walked to the end, scanning made a choice cost milliseconds.
    slots: Vec<Vec<Option<usize>>>,
    /// How many records the trail held when `slots` last knew them all: a
    /// question without a slot has no record unless the trail grew since
    /// (records added from outside the walk), so that an unanswered
    /// question is not searched for at every condition it appears in.
    slots_cover: usize,
}

/// `step.question` of every question of `grid`, by grid position.
fn full_names(grid: &Grid) -> Vec<Vec<String>> {
    grid.steps.iter().map(|s| s.questions.iter().map(|q| format!("{}.{}", s.id, q.id)).collect()).collect()
}

/// What is shown of `grid` (steps, then questions by step) given the answer
/// at each position, in one pass: conditions only name earlier questions,
/// so every answer a condition needs is known when it is met. An answer
/// to a hidden question counts for nothing.
fn visibility<'a>(
    grid: &Grid,
    names: &'a [Vec<String>],
    answer: impl Fn(At) -> Option<&'a Answer>,
) -> (Vec<bool>, Vec<Vec<bool>>) {
    let mut given: HashMap<&str, &Answer> = HashMap::new();
    let mut shown_steps = Vec::with_capacity(grid.steps.len());
    let mut shown = Vec::with_capacity(grid.steps.len());
    for (s, step) in grid.steps.iter().enumerate() {
        let step_shown = step.when.as_ref().is_none_or(|c| c.holds(&|q| given.get(q).copied()));
        let mut questions = Vec::with_capacity(step.questions.len());
        for (q, question) in step.questions.iter().enumerate() {
            let q_shown =
                step_shown && question.when.as_ref().is_none_or(|c| c.holds(&|n| given.get(n).copied()));
            if q_shown && let Some(a) = answer(At { step: s, question: q }) {
                given.insert(names[s][q].as_str(), a);
            }
            questions.push(q_shown);
        }
        shown_steps.push(step_shown);
        shown.push(questions);
    }
    (shown_steps, shown)
}

/// What is shown of `grid` for the answers of `trail`, as a walk of them
/// would show it, from borrowed values (an export needs no walk, and no
/// copy of either): steps, then questions by step.
pub fn shown(grid: &Grid, trail: &Trail) -> (Vec<bool>, Vec<Vec<bool>>) {
    let names = full_names(grid);
    let records = trail.records();
    visibility(grid, &names, |at| {
        let step = &grid.steps[at.step];
        let question = &step.questions[at.question];
        // An answer set aside (see `Walk::set_aside`) counts for nothing.
        records
            .get(&(step.id.as_str(), question.id.as_str()))
            .and_then(|r| r.answer.as_ref())
            .filter(|a| misfit(question, a).is_none())
    })
}

impl Walk {
    pub fn new(grid: Grid, trail: Trail) -> Walk {
        let names = full_names(&grid);
        let positions: HashMap<(&str, &str), usize> = trail
            .answers
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.step.as_str(), r.question.as_str()), i))
            .collect();
        let slots = grid
            .steps
            .iter()
            .map(|s| {
                s.questions.iter().map(|q| positions.get(&(s.id.as_str(), q.id.as_str())).copied()).collect()
            })
            .collect();
        let slots_cover = trail.answers.len();
        let mut walk = Walk {
            grid,
            trail,
            reach: Reach::Shown,
            shown_steps: Vec::new(),
            shown: Vec::new(),
            amending: None,
            changes: 0,
            names,
            slots,
            slots_cover,
        };
        // An outcome naming a question the grid lacks (for lists, which
        // read it without the grid): the grid's own.
        if let Some(name) = walk.trail.grid.outcome.as_deref()
            && !walk.names.iter().flatten().any(|n| n == name)
        {
            walk.trail.grid.outcome = walk.grid.meta.outcome.clone();
        }
        walk.recompute();
        walk
    }

    /// The index of the record of `at` in `trail.answers`. The slot is
    /// checked against the record's ids, and the trail searched when it does
    /// not match, so that a trail changed from outside is still read right.
    fn slot(&self, at: At) -> Option<usize> {
        let step = &self.grid.steps[at.step];
        let question = &step.questions[at.question].id;
        let fits = |i: usize| {
            self.trail.answers.get(i).is_some_and(|r| r.step == step.id && &r.question == question)
        };
        match self.slots[at.step][at.question] {
            Some(i) if fits(i) => Some(i),
            None if self.trail.answers.len() == self.slots_cover => None,
            _ => self.trail.answers.iter().position(|r| r.step == step.id && &r.question == question),
        }
    }

    /// Works out what is shown, in one pass: conditions only name earlier
    /// questions, so every answer a condition needs is known when it is met.
    fn recompute(&mut self) {
        let (shown_steps, shown) = visibility(&self.grid, &self.names, |at| self.answer(at));
        // Answers to questions that conditions now hide are kept, marked hidden.
        for (s, questions) in shown.iter().enumerate() {
            for (q, q_shown) in questions.iter().enumerate() {
                if let Some(i) = self.slot(At { step: s, question: q }) {
                    self.trail.answers[i].hidden = !q_shown;
                }
            }
        }
        self.shown_steps = shown_steps;
        self.shown = shown;
    }

    pub fn step(&self, s: usize) -> &Step {
        &self.grid.steps[s]
    }

    pub fn question(&self, at: At) -> &Question {
        &self.grid.steps[at.step].questions[at.question]
    }

    pub fn step_shown(&self, s: usize) -> bool {
        self.shown_steps.get(s).copied().unwrap_or(false)
    }

    pub fn question_shown(&self, at: At) -> bool {
        self.shown.get(at.step).and_then(|q| q.get(at.question)).copied().unwrap_or(false)
    }

    /// Shown and takes an answer (a note does not): what Tab reaches in a
    /// walkthrough.
    pub fn answerable(&self, at: At) -> bool {
        self.question_shown(at) && !matches!(self.question(at).kind, QuestionKind::Note)
    }

    pub fn set_reach(&mut self, reach: Reach) {
        self.reach = reach;
    }

    /// Hidden by a condition, with an answer kept in the trail, and reached
    /// (in a review).
    pub fn hidden_but_kept(&self, at: At) -> bool {
        self.reach == Reach::Kept
            && !self.question_shown(at)
            && !matches!(self.question(at).kind, QuestionKind::Note)
            && self.answer(at).is_some()
    }

    /// What Tab reaches: a shown question that takes an answer, and in a
    /// review also a hidden one whose answer is kept.
    pub fn reaches(&self, at: At) -> bool {
        self.answerable(at) || self.hidden_but_kept(at)
    }

    /// What PageDown reaches: a shown step, and in a review also a hidden
    /// one that keeps answers.
    pub fn step_reached(&self, s: usize) -> bool {
        self.step_shown(s)
            || (self.reach == Reach::Kept
                && (0..self.grid.steps.get(s).map_or(0, |step| step.questions.len()))
                    .any(|q| self.hidden_but_kept(At { step: s, question: q })))
    }

    pub fn record(&self, at: At) -> Option<&AnswerRecord> {
        self.slot(at).map(|i| &self.trail.answers[i])
    }

    /// The answer to the question at `at`, if it fits the question as the
    /// grid has it now (see `set_aside`).
    pub fn answer(&self, at: At) -> Option<&Answer> {
        self.record(at).and_then(|r| r.answer.as_ref()).filter(|a| misfit(self.question(at), a).is_none())
    }

    /// The label of the outcome answer, unless it is set aside or hidden.
    pub fn outcome_label(&self) -> Option<String> {
        let (step, question) = self.grid.meta.outcome.as_deref()?.split_once('.')?;
        let s = self.grid.steps.iter().position(|st| st.id == step)?;
        let q = self.grid.steps[s].questions.iter().position(|qu| qu.id == question)?;
        let at = At { step: s, question: q };
        if !self.question_shown(at) {
            return None;
        }
        self.answer(at)?;
        self.trail.outcome_label()
    }

    /// A recorded answer that does not fit the question as the grid has it
    /// now (the grid changed since, or the trail was edited): a scale out
    /// of range, options the grid does not offer, an answer of another
    /// kind. It stays in the trail, but nothing uses it (conditions,
    /// counts, the summary) until the person answers again.
    pub fn set_aside(&self, at: At) -> Option<(&Answer, Misfit)> {
        let answer = self.record(at)?.answer.as_ref()?;
        Some((answer, misfit(self.question(at), answer)?))
    }

    /// Every question in grid order.
    fn all(&self) -> impl DoubleEndedIterator<Item = At> + '_ {
        self.grid
            .steps
            .iter()
            .enumerate()
            .flat_map(|(s, step)| (0..step.questions.len()).map(move |q| At { step: s, question: q }))
    }

    pub fn first_question_in(&self, s: usize) -> Option<At> {
        (0..self.grid.steps.get(s)?.questions.len())
            .map(|q| At { step: s, question: q })
            .find(|&at| self.reaches(at))
    }

    /// The next question Tab reaches from the focus: after `from` when a
    /// question is focused, else the first of step `step` or of a later step.
    pub fn next_question(&self, step: usize, from: Option<usize>) -> Option<At> {
        self.all().filter(|&at| self.reaches(at)).find(|at| match from {
            Some(q) => (at.step, at.question) > (step, q),
            None => at.step >= step,
        })
    }

    /// The question Shift-Tab reaches: before `from`, or before step `step`.
    pub fn prev_question(&self, step: usize, from: Option<usize>) -> Option<At> {
        self.all().rev().filter(|&at| self.reaches(at)).find(|at| match from {
            Some(q) => (at.step, at.question) < (step, q),
            None => at.step < step,
        })
    }

    /// Where Tab stops, in order: each question it reaches, and each step
    /// it reaches that has none (guidance and notes only, such as "what your
    /// answers point to"), read as a whole: `(step, None)`.
    pub fn stops(&self) -> impl DoubleEndedIterator<Item = (usize, Option<usize>)> + '_ {
        (0..self.grid.steps.len()).filter(|&s| self.step_reached(s)).flat_map(move |s| {
            let questions: Vec<Option<usize>> = (0..self.grid.steps[s].questions.len())
                .filter(|&q| self.reaches(At { step: s, question: q }))
                .map(Some)
                .collect();
            let stops = if questions.is_empty() { vec![None] } else { questions };
            stops.into_iter().map(move |q| (s, q))
        })
    }

    /// The stop after the focus: after question `from` of step `step`, or
    /// after the step itself when no question has the focus.
    pub fn next_stop(&self, step: usize, from: Option<usize>) -> Option<(usize, Option<usize>)> {
        self.stops().find(|&stop| stop > (step, from))
    }

    /// The stop before the focus.
    pub fn prev_stop(&self, step: usize, from: Option<usize>) -> Option<(usize, Option<usize>)> {
        self.stops().rev().find(|&stop| stop < (step, from))
    }

    /// The place of the end screen (no step id holds an `@`).
    pub const END_PLACE: &'static str = "@end";

    /// Where the walk stands, as `step` or `step.question`: kept in the
    /// trail so that a reopened trail opens where the worker stopped.
    pub fn place_name(&self, step: usize, question: Option<usize>) -> String {
        let s = &self.grid.steps[step];
        match question.and_then(|q| s.questions.get(q)) {
            Some(q) => format!("{}.{}", s.id, q.id),
            None => s.id.clone(),
        }
    }

    /// Keeps the place in the trail. Moving is no change of the answers:
    /// the trail's last change stays as it was, but the place is saved.
    pub fn set_place(&mut self, place: String) {
        if self.trail.place.as_deref() != Some(place.as_str()) {
            self.trail.place = Some(place);
            self.changes += 1;
        }
    }

    /// The place named by `place_name`, if the grid still has it and the
    /// walk still reaches it.
    pub fn place(&self, name: &str) -> Option<(usize, Option<usize>)> {
        let (step_id, question_id) = match name.split_once('.') {
            Some((s, q)) => (s, Some(q)),
            None => (name, None),
        };
        let s = self.grid.steps.iter().position(|st| st.id == step_id)?;
        let q = match question_id {
            Some(id) => Some(self.grid.steps[s].questions.iter().position(|q| q.id == id)?),
            None => None,
        };
        let reached = match q {
            Some(q) => self.reaches(At { step: s, question: q }),
            None => self.step_reached(s),
        };
        reached.then_some((s, q))
    }

    /// Steps shown by the answers, and the place of `step` among them
    /// (from 1): « Étape 3 sur 12 ».
    pub fn step_number(&self, step: usize) -> (usize, usize) {
        let shown: Vec<usize> = (0..self.grid.steps.len()).filter(|&s| self.step_shown(s)).collect();
        let place = shown.iter().position(|&s| s >= step).map_or(shown.len(), |i| i + 1);
        (place, shown.len())
    }

    /// Questions shown that take an answer, and how many of them have one.
    pub fn answered_count(&self) -> (usize, usize) {
        let shown: Vec<At> = self.all().filter(|&at| self.answerable(at)).collect();
        let answered = shown.iter().filter(|&&at| self.answer(at).is_some()).count();
        (answered, shown.len())
    }

    pub fn first_step(&self) -> usize {
        (0..self.grid.steps.len()).find(|&s| self.step_reached(s)).unwrap_or(0)
    }

    pub fn next_step(&self, s: usize) -> Option<usize> {
        (s + 1..self.grid.steps.len()).find(|&n| self.step_reached(n))
    }

    pub fn prev_step(&self, s: usize) -> Option<usize> {
        (0..s).rev().find(|&n| self.step_reached(n))
    }

    pub fn step_state(&self, s: usize) -> StepState {
        if !self.step_shown(s) {
            return StepState::Hidden;
        }
        let questions: Vec<At> = (0..self.step(s).questions.len())
            .map(|q| At { step: s, question: q })
            .filter(|&at| self.answerable(at))
            .collect();
        if questions.is_empty() {
            return StepState::Reading;
        }
        let answered = |at: &At| self.answer(*at).is_some();
        if questions.iter().any(|at| self.question(*at).required && !answered(at)) {
            StepState::RequiredMissing
        } else if questions.iter().all(answered) {
            StepState::Answered
        } else if questions.iter().any(answered) {
            StepState::Partial
        } else {
            StepState::Unanswered
        }
    }

    /// Required questions that are shown and unanswered.
    pub fn required_unanswered(&self) -> Vec<At> {
        self.all()
            .filter(|&at| self.answerable(at) && self.question(at).required && self.answer(at).is_none())
            .collect()
    }

    /// Adds a supervisor's annotation on the question at `at`, beside its
    /// answer: the answers and their history are left exactly as they are,
    /// and so is the trail's last change, which is the worker's.
    pub fn annotate(&mut self, at: At, author: &str, text: &str, now: Time) {
        let step = &self.grid.steps[at.step];
        self.trail.annotations.push(Annotation {
            at: now,
            author: author.to_string(),
            step: step.id.clone(),
            question: step.questions[at.question].id.clone(),
            text: text.to_string(),
        });
        self.changes += 1;
    }

    /// The annotations on the question at `at`, oldest first.
    pub fn annotations(&self, at: At) -> impl Iterator<Item = &Annotation> + '_ {
        let step = &self.grid.steps[at.step];
        let question = &step.questions[at.question].id;
        self.trail.annotations.iter().filter(move |a| a.step == step.id && a.question == *question)
    }

    /// Ends the amending of the question being worked on: the next change to
    /// any answer keeps the current one in the history.
    pub fn close_edit(&mut self) {
        self.amending = None;
    }

    /// Sets (or with `None` clears) the answer at `at`. An empty answer
    /// clears. A change to another question than the one being worked on
    /// keeps the earlier answer in the history with the time of the change.
    /// Returns whether anything changed.
    pub fn set(&mut self, at: At, answer: Option<Answer>, now: Time) -> bool {
        let answer = answer.filter(|a| !a.is_empty());
        let amend = self.amending == Some(at);
        let step = &self.grid.steps[at.step];
        let question = &step.questions[at.question];
        if matches!(question.kind, QuestionKind::Note) {
            return false;
        }
        let options: Vec<(String, String)> =
            question.kind.options().iter().map(|o| (o.id.clone(), o.label.clone())).collect();
        let affects_conditions = !matches!(question.kind, QuestionKind::Text);
        let was_answered;
        let slot = self.slot(at);
        match slot.map(|i| &mut self.trail.answers[i]) {
            Some(record) => {
                if record.answer == answer {
                    return false;
                }
                was_answered = record.answer.is_some();
                // One option chosen over another is a change of mind, kept
                // even within one visit (typing, ticking several options,
                // stepping a scale are one answer being made).
                let switched =
                    matches!((&record.answer, &answer), (Some(Answer::Choice(_)), Some(Answer::Choice(_))));
                if !amend || switched {
                    let given = Some(record.at);
                    record.history.push(Revision { at: now, answer: record.answer.take(), given });
                }
                record.answer = answer;
                record.at = now;
                // The trail keeps the text the worker last answered.
                record.prompt = question.prompt.clone();
                record.step_title = step.title.clone();
                record.options = options;
            }
            None => {
                if answer.is_none() {
                    return false;
                }
                was_answered = false;
                self.slots[at.step][at.question] = Some(self.trail.answers.len());
                if self.slots_cover == self.trail.answers.len() {
                    self.slots_cover += 1;
                }
                self.trail.answers.push(AnswerRecord {
                    step: step.id.clone(),
                    question: question.id.clone(),
                    step_title: step.title.clone(),
                    kind: question.kind.kind(),
                    prompt: question.prompt.clone(),
                    options,
                    answer,
                    at: now,
                    hidden: false,
                    history: Vec::new(),
                });
            }
        }
        let is_answered = self.answer(at).is_some();
        self.amending = Some(at);
        self.trail.updated = now;
        let m = &self.grid.meta;
        self.trail.grid.version = m.version.clone();
        self.trail.grid.title = m.title.clone();
        self.trail.grid.outcome = m.outcome.clone();
        self.changes += 1;
        if affects_conditions || was_answered != is_answered {
            self.recompute();
        }
        true
    }
}

/// Why a recorded answer does not fit its question in the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// A scale answer out of the grid's scale.
    OutOfScale { value: i64, min: i64, max: i64 },
    /// Options (ids) that the grid does not offer, or an "other" text
    /// where the grid has no "other" entry (an empty list).
    NotOffered(Vec<String>),
    /// An answer of another kind than the question's.
    OtherKind,
}

/// Whether `answer` fits `question` as the grid has it.
pub fn misfit(question: &Question, answer: &Answer) -> Option<Misfit> {
    let unknown =
        |ids: &mut dyn Iterator<Item = &String>, options: &[crate::grid::GridOption]| -> Vec<String> {
            ids.filter(|id| !options.iter().any(|o| &o.id == *id)).cloned().collect()
        };
    match (&question.kind, answer) {
        (QuestionKind::Text, Answer::Text(_)) | (QuestionKind::Date(_), Answer::Date(_)) => None,
        (QuestionKind::Scale(scale), Answer::Scale(value)) => (!(scale.min..=scale.max).contains(value))
            .then_some(Misfit::OutOfScale { value: *value, min: scale.min, max: scale.max }),
        (QuestionKind::Choice { options, .. }, Answer::Choice(id)) => {
            let ids = unknown(&mut std::iter::once(id), options);
            (!ids.is_empty()).then_some(Misfit::NotOffered(ids))
        }
        (QuestionKind::Choice { other, .. }, Answer::ChoiceOther(_)) => {
            (!other).then_some(Misfit::NotOffered(Vec::new()))
        }
        (QuestionKind::Multi { options, other: offered }, Answer::Multi { options: ids, other }) => {
            let ids = unknown(&mut ids.iter(), options);
            let other_refused = other.is_some() && !offered;
            (!ids.is_empty() || other_refused).then_some(Misfit::NotOffered(ids))
        }
        _ => Some(Misfit::OtherKind),
    }
}

/// The answer of a `multi` question once `option` is ticked or unticked.
/// An exclusive option ("none of these", "I don't know") excludes every
/// other answer: ticking it clears the others and the "other" text, and
/// ticking another option clears it. The options stay in the grid's order.
pub fn toggle(question: &Question, current: Option<&Answer>, option: &str) -> Answer {
    let options = question.kind.options();
    let (mut chosen, mut other) = match current {
        Some(Answer::Multi { options, other }) => (options.clone(), other.clone()),
        _ => (Vec::new(), None),
    };
    let exclusive = |id: &str| options.iter().any(|o| o.id == id && o.exclusive);
    if chosen.iter().any(|c| c == option) {
        chosen.retain(|c| c != option);
    } else if exclusive(option) {
        chosen = vec![option.to_string()];
        other = None;
    } else {
        chosen.retain(|c| !exclusive(c));
        chosen.push(option.to_string());
    }
    chosen.sort_by_key(|id| options.iter().position(|o| &o.id == id));
    Answer::Multi { options: chosen, other }
}

/// The answer of a `multi` question with `other` as its "other" text: a
/// text typed there clears an exclusive option, as ticking another would.
pub fn with_other(question: &Question, current: Option<&Answer>, other: Option<String>) -> Answer {
    let mut chosen = match current {
        Some(Answer::Multi { options, .. }) => options.clone(),
        _ => Vec::new(),
    };
    if other.is_some() {
        chosen.retain(|c| question.option(c).is_none_or(|o| !o.exclusive));
    }
    Answer::Multi { options: chosen, other }
}

#[cfg(test)]
mod tests;
