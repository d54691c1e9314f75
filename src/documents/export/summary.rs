//! The meeting summary as a list of blocks, written afterwards as Markdown,
//! plain text or HTML: what goes in the document, and in which order, is
//! decided once here.
//!
//! The meeting copy (the default) fits one printed page for a typical walk:
//! the decision first, what the answers pointed to, the answers step by step,
//! the references by their label. The supervision copy (`full`) adds the
//! references' texts, the answers of a path no longer taken, the history of
//! every changed answer and the annotations.

use super::blocks::{Block, Piece};
use super::diff::{self, Change};
use crate::grid::{Answer, Kind, line_breaks};
use crate::html::Mark;
use crate::lang::Lang;
use crate::trail::{AnswerRecord, FollowUp, Trail};
use crate::walk::outline::{Outline, QuestionOutline, StepOutline};

pub fn build(trail: &Trail, outline: &Outline, lang: Lang, full: bool) -> Vec<Block> {
    let mut b = Builder { trail, outline, lang, full, blocks: Vec::new() };
    b.head();
    b.decision();
    b.blocks.extend(super::follow_ups::blocks(trail, lang));
    b.pointers();
    b.answers();
    b.references();
    if full {
        b.hidden_answers();
        b.history();
        b.annotations();
    }
    b.blocks.push(Block::Footer(lang.summary_footer().to_string()));
    b.blocks
}

/// The notes a condition showed, in grid order: what the answers point to.
pub fn notes_shown<'o, 't>(outline: &'o Outline<'t>) -> Vec<(&'o StepOutline<'t>, &'o QuestionOutline<'t>)> {
    outline.questions().filter(|(s, q)| s.shown && q.shown && q.kind == Kind::Note && q.conditional).collect()
}

/// The current answer of a question as a person reads it, or `None`; an
/// answer that does not fit the grid, marked as set aside and why.
pub fn answer_words(lang: Lang, q: &QuestionOutline) -> Option<String> {
    let record = q.record?;
    let answer = record.answer.as_ref()?;
    Some(match &q.set_aside {
        Some(misfit) => format!("⚠ {}", lang.set_aside(record, answer, misfit, false)),
        None => words(lang, q, record, answer),
    })
}

/// An answer as a person reads it: a scale with its bounds and labels, an
/// "other" text marked as such, labels joined so that a comma inside one
/// stays readable, line breaks kept.
fn words(lang: Lang, q: &QuestionOutline, record: &AnswerRecord, answer: &Answer) -> String {
    match answer {
        Answer::Text(text) => line_breaks(text.trim()).into_owned(),
        Answer::Scale(n) => match &q.scale {
            Some(scale) => lang.summary_scale(
                *n,
                scale.min,
                scale.max,
                (scale.min_label.as_deref(), scale.max_label.as_deref()),
            ),
            None => n.to_string(),
        },
        Answer::Choice(id) => record.label_of(id),
        Answer::ChoiceOther(text) => lang.summary_other(&line_breaks(text.trim())),
        Answer::Multi { options, other } => options
            .iter()
            .map(|o| record.label_of(o))
            .chain(other.iter().map(|t| lang.summary_other(&line_breaks(t.trim()))))
            .collect::<Vec<_>>()
            .join(lang.summary_label_separator()),
        Answer::Date(date) => lang.date_in_words(*date),
    }
}

/// How many characters a prompt and its answer hold among the answers step
/// by step in the meeting copy: about one printed line, so that a typical
/// walk fits on one page; a long answer is cut, never to less than
/// `SHORT_ANSWER_MIN` characters.
const SHORT_LINE: usize = 95;
const SHORT_ANSWER_MIN: usize = 30;

/// The beginning of a text longer than `max` characters, cut between words
/// and ended with « … »; `None` when the text is short enough.
fn shorten(text: &str, max: usize) -> Option<String> {
    if text.chars().count() <= max {
        return None;
    }
    let head: String = text.chars().take(max).collect();
    let cut = head.rfind(char::is_whitespace).filter(|&i| i > max / 2).unwrap_or(head.len());
    let head = head[..cut].trim_end_matches(|c: char| c.is_whitespace() || ",;:.".contains(c));
    Some(format!("{head} …"))
}

struct Builder<'a, 't> {
    trail: &'a Trail,
    outline: &'a Outline<'t>,
    lang: Lang,
    full: bool,
    blocks: Vec<Block>,
}

impl<'a, 't> Builder<'a, 't> {
    fn head(&mut self) {
        let (t, lang) = (self.trail, self.lang);
        self.blocks.push(Block::Title(t.title.clone()));
        self.blocks.push(Block::Meta(vec![
            lang.export_grid_line(&t.grid.title, &t.grid.id, &t.grid.version),
            lang.export_dates(&lang.date_time(&t.created), &lang.date_time(&t.updated)),
        ]));
    }

    fn outcome_step(&self) -> Option<&str> {
        self.trail.grid.outcome.as_deref().and_then(|o| o.split_once('.')).map(|(s, _)| s)
    }

    /// The questions of a step a worker could answer, as the walk shows them.
    fn answerable<'s>(step: &'s StepOutline<'t>) -> impl Iterator<Item = &'s QuestionOutline<'t>> {
        step.questions.iter().filter(|q| q.shown && q.kind != Kind::Note)
    }

    fn answer_item(&self, q: &QuestionOutline) -> Option<Vec<Piece>> {
        self.item(q, answer_words(self.lang, q)?)
    }

    /// In the meeting copy, a long free text among the answers step by step
    /// is cut to its beginning, marked « … »; what was chosen (options, an
    /// "other" text, a scale and its labels, a date) and the decision's
    /// answers are always whole: a cut choice could read as another one.
    fn short_answer_item(&self, q: &QuestionOutline, shortened: &mut bool) -> Option<Vec<Piece>> {
        let answer = answer_words(self.lang, q)?;
        let free_text = matches!(q.record.and_then(|r| r.answer.as_ref()), Some(Answer::Text(_)));
        if self.full || q.set_aside.is_some() || !free_text {
            return self.item(q, answer);
        }
        let room = SHORT_LINE.saturating_sub(q.prompt.chars().count()).max(SHORT_ANSWER_MIN);
        match shorten(&answer, room) {
            Some(short) => {
                *shortened = true;
                self.item(q, short)
            }
            None => self.item(q, answer),
        }
    }

    fn item(&self, q: &QuestionOutline, answer: String) -> Option<Vec<Piece>> {
        let prompt = q.prompt.split_whitespace().collect::<Vec<_>>().join(" ");
        // A question mark already ends the prompt: a space is enough.
        let separator = if prompt.ends_with(['?', ':', '!', '.', '…']) {
            " "
        } else {
            self.lang.summary_answer_separator()
        };
        Some(vec![(Mark::Strong, prompt), (Mark::Plain, separator.to_string()), (Mark::Plain, answer)])
    }

    /// The outcome's step comes first: the decision, its reasons, what would
    /// change the worker's mind, what they will tell the person, when they
    /// will look at it again — in the grid's order, whatever their kind.
    fn decision(&mut self) {
        let Some(step_id) = self.outcome_step() else { return };
        let Some(step) = self.outline.steps.iter().find(|s| s.id == step_id) else { return };
        // The date a follow-up set replaces the one first answered: the
        // document says when the worker now means to come back, not when
        // they first meant to.
        let revisit = Self::answerable(step).find(|q| q.kind == Kind::Date).map(|q| q.id.as_str());
        let items: Vec<Vec<Piece>> = Self::answerable(step)
            .filter_map(|q| match self.trail.follow_ups.last() {
                Some(last) if Some(q.id.as_str()) == revisit => self.item(q, self.revisit_words(last)),
                _ => self.answer_item(q),
            })
            .collect();
        self.blocks.push(Block::Heading(self.lang.export_decision_heading().to_string()));
        if items.is_empty() {
            self.blocks.push(Block::Paragraph(vec![(Mark::Emph, self.lang.export_no_decision().into())]));
        } else {
            self.blocks.push(Block::Items(items));
        }
    }

    /// The revisit date the last follow-up set, or that it set none.
    fn revisit_words(&self, last: &FollowUp) -> String {
        let at = self.lang.date_time(&last.at);
        match last.revisit {
            Some(date) => self.lang.summary_revisit_moved(&self.lang.date_in_words(date), &at),
            None => self.lang.summary_revisit_dropped(&at),
        }
    }

    fn pointers(&mut self) {
        let notes: Vec<Vec<Piece>> = notes_shown(self.outline)
            .into_iter()
            .map(|(_, q)| vec![(Mark::Plain, line_breaks(q.prompt.trim()).into_owned())])
            .collect();
        if notes.is_empty() {
            return;
        }
        self.blocks.push(Block::Heading(self.lang.summary_pointers_heading().to_string()));
        self.blocks.push(Block::Items(notes));
    }

    /// The answers of every shown step but the decision's, short; the
    /// questions left aside as a count.
    fn answers(&mut self) {
        let outcome_step = self.outcome_step();
        let mut steps = Vec::new();
        let mut skipped = 0;
        let mut shortened = false;
        for step in self.outline.steps.iter().filter(|s| s.shown) {
            let mut items = Vec::new();
            let in_decision = Some(step.id.as_str()) == outcome_step;
            for q in Self::answerable(step) {
                let item =
                    if in_decision { self.answer_item(q) } else { self.short_answer_item(q, &mut shortened) };
                match item {
                    Some(item) => items.push(item),
                    None => skipped += 1,
                }
            }
            if in_decision || items.is_empty() {
                continue;
            }
            steps.push((step.title.clone(), items));
        }
        let hidden = self.hidden().len();
        if steps.is_empty() && skipped == 0 && hidden == 0 {
            return;
        }
        self.blocks.push(Block::Heading(self.lang.summary_answers_heading().to_string()));
        if !steps.is_empty() {
            self.blocks.push(Block::Steps(steps));
        }
        let mut after = Vec::new();
        if shortened {
            after.push(self.lang.summary_shortened().to_string());
        }
        if skipped > 0 {
            after.push(self.lang.summary_skipped(skipped));
        }
        if hidden > 0 && !self.full {
            after.push(self.lang.summary_hidden_kept(hidden));
        }
        if !after.is_empty() {
            self.blocks.push(Block::Paragraph(vec![(Mark::Emph, after.join(" "))]));
        }
    }

    /// Answers kept from a step or a question the current answers hide.
    fn hidden(&self) -> Vec<&'a QuestionOutline<'t>> {
        self.outline
            .questions()
            .filter(|(s, q)| !(s.shown && q.shown) && q.record.is_some_and(|r| r.answer.is_some()))
            .map(|(_, q)| q)
            .collect()
    }

    fn hidden_answers(&mut self) {
        let items: Vec<Vec<Piece>> = self.hidden().into_iter().filter_map(|q| self.answer_item(q)).collect();
        if items.is_empty() {
            return;
        }
        self.blocks.push(Block::Heading(self.lang.export_hidden_heading().to_string()));
        self.blocks.push(Block::Paragraph(vec![(Mark::Plain, self.lang.export_hidden_note().to_string())]));
        self.blocks.push(Block::Items(items));
    }

    /// One line each, the same reference once; their texts in the full copy.
    fn references(&mut self) {
        let mut seen: Vec<&str> = Vec::new();
        let mut items = Vec::new();
        for r in self.outline.steps.iter().filter(|s| s.shown).flat_map(|s| &s.references) {
            if seen.contains(&r.label.as_str()) {
                continue;
            }
            seen.push(&r.label);
            let mut item = vec![(Mark::Plain, r.label.clone())];
            if self.full {
                if let Some(text) = &r.text {
                    item.push((Mark::Plain, format!(" — {}", line_breaks(text.trim()))));
                }
                if let Some(url) = &r.url {
                    item.push((Mark::Plain, format!(" ({url})")));
                }
            }
            items.push(item);
        }
        if items.is_empty() {
            return;
        }
        self.blocks.push(Block::Heading(self.lang.references().to_string()));
        self.blocks.push(if self.full { Block::Items(items) } else { Block::ShortItems(items) });
    }

    /// Every changed answer: each version with the dates it held, a changed
    /// text as what changed from the version before.
    fn history(&mut self) {
        let lang = self.lang;
        let changed: Vec<&QuestionOutline> = self
            .outline
            .questions()
            .map(|(_, q)| q)
            .filter(|q| q.record.is_some_and(|r| !r.history.is_empty()))
            .collect();
        if changed.is_empty() {
            return;
        }
        self.blocks.push(Block::Heading(lang.export_history_heading().to_string()));
        if changed.iter().any(|q| q.kind == Kind::Text) {
            self.blocks.push(Block::DiffLegend);
        }
        for q in changed {
            let record = q.record.expect("kept only with a record");
            let versions: Vec<Option<&Answer>> = record
                .history
                .iter()
                .map(|h| h.answer.as_ref())
                .chain(std::iter::once(record.answer.as_ref()))
                .collect();
            let mut items = Vec::new();
            for (k, answer) in versions.iter().enumerate() {
                let lead = match record.history.get(k) {
                    // An answer replaced an earlier one when that one was replaced.
                    Some(h) => lang.history_line(
                        h.given
                            .as_ref()
                            .or_else(|| k.checked_sub(1).map(|p| &record.history[p].at))
                            .map(|g| lang.date_time(g))
                            .as_deref(),
                        &lang.date_time(&h.at),
                        "",
                    ),
                    None => lang.history_since(&lang.date_time(&record.at), ""),
                };
                let mut item = vec![(Mark::Plain, lead)];
                let before = k.checked_sub(1).and_then(|p| versions[p]);
                item.extend(self.version(q, record, before, *answer));
                items.push(item);
            }
            self.blocks.push(Block::Paragraph(vec![(Mark::Strong, record.prompt.clone())]));
            self.blocks.push(Block::Items(items));
        }
    }

    /// One version of an answer: a text that changed a little as its changes.
    fn version(
        &self,
        q: &QuestionOutline,
        record: &AnswerRecord,
        before: Option<&Answer>,
        answer: Option<&Answer>,
    ) -> Vec<Piece> {
        let Some(answer) = answer else { return vec![(Mark::Emph, self.lang.no_answer().to_string())] };
        if let (Some(Answer::Text(old)), Answer::Text(new)) = (before, answer) {
            let (old, new) = (line_breaks(old.trim()), line_breaks(new.trim()));
            if let Some(changes) = diff::words(&old, &new) {
                let mut pieces: Vec<Piece> = Vec::new();
                for change in changes {
                    let (mark, text) = match change {
                        Change::Same(t) => (Mark::Plain, t),
                        // A moved line break is not worth a mark.
                        Change::Removed(t) if t.trim().is_empty() => continue,
                        Change::Added(t) if t.trim().is_empty() => (Mark::Plain, t),
                        Change::Removed(t) => (Mark::Removed, t),
                        Change::Added(t) => (Mark::Added, t),
                    };
                    let glued =
                        pieces.last().is_none_or(|(_, p)| p.ends_with('\n')) || text.starts_with('\n');
                    if !glued {
                        pieces.push((Mark::Plain, " ".to_string()));
                    }
                    pieces.push((mark, text));
                }
                return pieces;
            }
        }
        vec![(Mark::Plain, words(self.lang, q, record, answer))]
    }

    fn annotations(&mut self) {
        let lang = self.lang;
        if self.trail.annotations.is_empty() {
            return;
        }
        self.blocks.push(Block::Heading(lang.export_annotations_heading().to_string()));
        let records = self.trail.records();
        let items = self
            .trail
            .annotations
            .iter()
            .map(|a| {
                let prompt = records
                    .get(&(a.step.as_str(), a.question.as_str()))
                    .map_or_else(|| format!("{}.{}", a.step, a.question), |r| r.prompt.clone());
                vec![
                    (
                        Mark::Plain,
                        lang.annotation_line(&a.author, &lang.date_time(&a.at), &line_breaks(&a.text)),
                    ),
                    (Mark::Plain, " — ".to_string()),
                    (Mark::Emph, prompt),
                ]
            })
            .collect();
        self.blocks.push(Block::Items(items));
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn a_long_answer_is_cut_between_words() {
        assert_eq!(shorten("court", 10), None);
        assert_eq!(
            shorten("Le collège demande des nouvelles, vite.", 24).as_deref(),
            Some("Le collège demande des …")
        );
        assert_eq!(shorten("abcdefghijklmnop", 5).as_deref(), Some("abcde …"));
    }
}
