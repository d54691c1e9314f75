//! The plain walkthrough: the same walk as plain questions and answers on
//! standard input and output, for screen readers, scripts, and terminals
//! that are not interactive (PRODUCT.md, "The plain walkthrough").

use std::io::{self, BufRead, Write};

use chrono::NaiveDate;

pub use crate::grid::Misfit;
use crate::grid::date::{self, DateStyle};
use crate::grid::{Answer, GridOption, Question, QuestionKind};
use crate::lang::Lang;
use crate::trail::Time;
use crate::walk::{At, Walk};

pub mod follow_up;

/// What one line says about one question.
#[derive(Debug, PartialEq)]
enum Line {
    /// Empty: skip (new trail) or keep (reopened).
    Keep,
    /// A lone `-`.
    Clear,
    Set(Answer),
    /// The number of the "other" entry alone: its text comes on the next line.
    AskOther {
        multi: Vec<String>,
    },
}

pub struct Plain<'a, R, W> {
    pub input: R,
    pub out: W,
    pub lang: Lang,
    /// The time of each answer, and the day date questions count from.
    pub clock: fn() -> Time,
    /// Called after each answer, so that the trail is saved as it grows.
    pub on_change: &'a mut dyn FnMut(&Walk),
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Walks every shown step; stops at the end of the grid or of the input.
    pub fn run(&mut self, walk: &mut Walk, reopened: bool) -> io::Result<()> {
        self.walk_steps(walk, reopened)?;
        // Nothing blocks, but what is important is pointed out (GRID-FORMAT.md).
        let missing = walk.required_unanswered();
        if !missing.is_empty() {
            writeln!(self.out, "\n{}", self.lang.end_required(missing.len()))?;
            for at in missing {
                writeln!(self.out, "- {}", walk.question(at).prompt.trim())?;
            }
        }
        Ok(())
    }

    fn walk_steps(&mut self, walk: &mut Walk, reopened: bool) -> io::Result<()> {
        let lang = self.lang;
        writeln!(self.out, "{}", lang.plain_intro(&walk.grid.meta.title, reopened))?;
        let total = walk.grid.steps.len();
        for s in 0..total {
            // Conditions are read again at each step, as the answers come in.
            if !walk.step_shown(s) {
                continue;
            }
            // Counted among the steps the answers show, as the screen's header.
            let (place, shown) = walk.step_number(s);
            let step = walk.step(s);
            writeln!(self.out, "\n{}", lang.plain_step(place, shown, &step.title))?;
            if let Some(guidance) = &step.guidance {
                writeln!(self.out, "{}", guidance.trim())?;
            }
            for q in 0..step.questions.len() {
                let at = At { step: s, question: q };
                if !walk.question_shown(at) {
                    continue;
                }
                if !self.ask(walk, at, reopened)? {
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// Asks one question until a line fits. Returns false at the end of input.
    fn ask(&mut self, walk: &mut Walk, at: At, reopened: bool) -> io::Result<bool> {
        let lang = self.lang;
        let question = walk.question(at).clone();
        writeln!(self.out)?;
        if matches!(question.kind, QuestionKind::Note) {
            writeln!(self.out, "{}", question.prompt.trim())?;
            if let Some(hint) = &question.hint {
                writeln!(self.out, "{}", hint.trim())?;
            }
            return Ok(true);
        }
        self.print_question(&question)?;
        if let Some((answer, misfit)) = walk.set_aside(at)
            && let Some(record) = walk.record(at)
        {
            let words = lang.set_aside(record, answer, &misfit, true).replace('\n', " / ");
            writeln!(self.out, "{words}")?;
        } else if let Some(record) = walk.record(at)
            && let Some(answer) = &record.answer
        {
            let words = lang.answer_words(record, answer).replace('\n', " / ");
            writeln!(self.out, "{}", lang.plain_current(&words))?;
        }
        loop {
            let Some(line) = self.read_line()? else { return Ok(false) };
            let now = (self.clock)();
            let parsed = match parse(&question, &line, now.date_naive(), lang.date_style()) {
                Ok(Line::AskOther { multi }) => {
                    writeln!(self.out, "{}", lang.plain_other_prompt())?;
                    let Some(text) = self.read_line()? else { return Ok(false) };
                    if text.trim().is_empty() {
                        writeln!(self.out, "{}", lang.plain_again())?;
                        continue;
                    }
                    Ok(Line::Set(match question.kind {
                        QuestionKind::Multi { .. } => {
                            Answer::Multi { options: multi, other: Some(text.trim().to_string()) }
                        }
                        _ => Answer::ChoiceOther(text.trim().to_string()),
                    }))
                }
                other => other,
            };
            match parsed {
                Ok(Line::Keep) => {
                    if !reopened {
                        writeln!(self.out, "{}", lang.plain_skipped())?;
                    }
                }
                Ok(Line::Clear) => {
                    walk.close_edit();
                    if walk.set(at, None, now) {
                        (self.on_change)(walk);
                    }
                }
                Ok(Line::Set(answer)) => {
                    // Warned, never blocked: the worker decides. What is said
                    // about the answer comes after it is kept, so that an
                    // output closed meanwhile (`| head`) loses no answer read.
                    let findings = crate::trail::lint::text_of(&answer).map(crate::privacy::scan);
                    let date = match &answer {
                        Answer::Date(d) => Some(*d),
                        _ => None,
                    };
                    walk.close_edit();
                    if walk.set(at, Some(answer), now) {
                        (self.on_change)(walk);
                    }
                    for finding in findings.iter().flatten() {
                        writeln!(self.out, "{}", lang.privacy_warning(finding))?;
                    }
                    if let Some(d) = date {
                        writeln!(self.out, "{}", lang.plain_date_taken(d))?;
                    }
                }
                Ok(Line::AskOther { .. }) => unreachable!("handled above"),
                Err(misfit) => {
                    writeln!(self.out, "{}", lang.plain_misfit(&misfit))?;
                    continue;
                }
            }
            walk.close_edit();
            return Ok(true);
        }
    }

    fn print_question(&mut self, q: &Question) -> io::Result<()> {
        let lang = self.lang;
        let mark = if q.required { format!(" ({})", lang.important()) } else { String::new() };
        writeln!(self.out, "{}{mark}", q.prompt.trim())?;
        if let Some(hint) = &q.hint {
            writeln!(self.out, "{}", hint.trim())?;
        }
        match &q.kind {
            QuestionKind::Choice { options, other } | QuestionKind::Multi { options, other } => {
                for (i, o) in options.iter().enumerate() {
                    let hint = o.hint.as_ref().map(|h| format!(" — {h}")).unwrap_or_default();
                    // Said before the slip, for those who hear the list.
                    let alone = if o.exclusive { lang.plain_exclusive_mark() } else { "" };
                    writeln!(self.out, "{}) {}{alone}{hint}", i + 1, o.label)?;
                }
                if *other {
                    writeln!(self.out, "{}) {} …", options.len() + 1, lang.other_label())?;
                }
                let multi = matches!(q.kind, QuestionKind::Multi { .. });
                writeln!(self.out, "{}", lang.plain_how_choice(multi, *other))?;
            }
            QuestionKind::Scale(s) => {
                writeln!(
                    self.out,
                    "{}",
                    lang.plain_how_scale(s.min, s.max, s.min_label.as_deref(), s.max_label.as_deref())
                )?;
            }
            QuestionKind::Date(_) => writeln!(self.out, "{}", lang.date_how())?,
            QuestionKind::Text | QuestionKind::Note => {}
        }
        Ok(())
    }

    /// One line, without its line ending; `None` at the end of input. No
    /// prompt mark is printed: every line of output stays whole, for screen
    /// readers and for scripts that read it.
    fn read_line(&mut self) -> io::Result<Option<String>> {
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        // A CR inside the line (a paste from an old Mac file) is a line break.
        Ok(Some(crate::grid::line_breaks(line.trim_end_matches(['\n', '\r'])).into_owned()))
    }
}

/// Reads one line as an answer to `q`; `today` and `style` read dates.
fn parse(q: &Question, line: &str, today: NaiveDate, style: DateStyle) -> Result<Line, Misfit> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Ok(Line::Keep);
    }
    if trimmed == "-" {
        return Ok(Line::Clear);
    }
    match &q.kind {
        QuestionKind::Text => Ok(Line::Set(Answer::Text(line.trim_end().to_string()))),
        QuestionKind::Note => Ok(Line::Keep),
        QuestionKind::Date(bounds) => date::answer(trimmed, bounds, today, style)
            .map(|d| Line::Set(Answer::Date(d)))
            .map_err(Misfit::Date),
        QuestionKind::Scale(s) => {
            let n: i64 = trimmed.parse().map_err(|_| Misfit::NotANumber(trimmed.to_string()))?;
            if n < s.min || n > s.max {
                return Err(Misfit::OutOfRange { min: s.min, max: s.max });
            }
            Ok(Line::Set(Answer::Scale(n)))
        }
        QuestionKind::Choice { options, other } => match option_of(options, *other, trimmed) {
            Some(Some(id)) => Ok(Line::Set(Answer::Choice(id))),
            Some(None) => Ok(Line::AskOther { multi: Vec::new() }),
            // A number that is no option is a slip, not an "other" text.
            None if *other && !looks_like_a_number(trimmed) => {
                Ok(Line::Set(Answer::ChoiceOther(trimmed.to_string())))
            }
            None => Err(Misfit::NotAnOption(trimmed.to_string())),
        },
        QuestionKind::Multi { options, other } => multi(options, *other, trimmed),
    }
}

/// A multi answer. Numbers or ids separated by commas or spaces are options
/// (« 2 6 », « 2, 6 »); words after them are the "other" text (« 2 6
/// cahier de liaison »), and so is a part between commas that starts with
/// words (its own commas kept: « cahier, classeur »). A number that is no
/// option is a slip, never an "other" text.
fn multi(options: &[GridOption], other: bool, line: &str) -> Result<Line, Misfit> {
    let mut chosen: Vec<String> = Vec::new();
    let mut other_text: Vec<String> = Vec::new();
    let mut asks_other = false;
    for part in line.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let mut rest = part;
        while !rest.is_empty() {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..end];
            match option_of(options, other, word) {
                Some(Some(id)) => {
                    if !chosen.contains(&id) {
                        chosen.push(id);
                    }
                }
                Some(None) => asks_other = true,
                None if other && !looks_like_a_number(word) => {
                    other_text.push(rest.to_string());
                    break;
                }
                None => return Err(Misfit::NotAnOption(word.to_string())),
            }
            rest = rest[end..].trim_start();
        }
    }
    // The grid's order, whatever order they were typed in.
    chosen.sort_by_key(|id| options.iter().position(|o| &o.id == id));
    // "None of these" with something else is a slip to explain, not a
    // choice to guess between.
    let alone = chosen.len() == 1 && other_text.is_empty() && !asks_other;
    if let Some(exclusive) = options.iter().find(|o| o.exclusive && chosen.contains(&o.id))
        && !alone
    {
        return Err(Misfit::Exclusive(exclusive.label.clone()));
    }
    if asks_other && other_text.is_empty() {
        return Ok(Line::AskOther { multi: chosen });
    }
    let other = (!other_text.is_empty()).then(|| other_text.join(", "));
    Ok(Line::Set(Answer::Multi { options: chosen, other }))
}

/// "9", "4." or "2)": meant as an option's number.
fn looks_like_a_number(item: &str) -> bool {
    let digits = item.trim_end_matches(['.', ')']);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// `Some(Some(id))` for an option by number or id, `Some(None)` for the
/// number of the "other" entry, `None` for anything else.
fn option_of(options: &[GridOption], other: bool, item: &str) -> Option<Option<String>> {
    if let Ok(n) = item.trim_end_matches(['.', ')']).parse::<usize>() {
        if n >= 1 && n <= options.len() {
            return Some(Some(options[n - 1].id.clone()));
        }
        if other && n == options.len() + 1 {
            return Some(None);
        }
    }
    options.iter().find(|o| o.id == item).map(|o| Some(o.id.clone()))
}

#[cfg(test)]
mod tests;
