//! A grid as a worksheet: what the participants of a workshop fill in on
//! paper (`discern grid show ID --worksheet`). The questions numbered as the
//! handout numbers them, options with boxes (`( )` one, `[ ]` several), each
//! condition as the handout's sentence, lines to write on, a scale's values,
//! a date's blank. No guidance, no hints, no notes and no reference texts
//! (their labels once, at the end): the handout is the reference a trainer
//! reads, the worksheet what a participant fills in, on a few pages.

use crate::documents::handout::HandoutFormat;
use crate::documents::handout::conditions::{self, Numbers, Target};
use crate::grid::{Grid, Question, QuestionKind, Step};
use crate::html::{Mark, Page};
use crate::lang::Lang;

/// How many lines a text question leaves to write on.
const WRITING_LINES: usize = 3;

/// One piece of the worksheet, before it is written in a format.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    /// A step's number and title, as the handout numbers it.
    Step(String),
    Condition(String),
    Question(Prompt),
}

#[derive(Debug, Clone, PartialEq)]
struct Prompt {
    number: String,
    text: String,
    important: bool,
    condition: Option<String>,
    space: Space,
}

/// Where the answer goes on paper.
#[derive(Debug, Clone, PartialEq)]
enum Space {
    /// Options with their boxes, the "other" entry last.
    Boxes {
        multi: bool,
        entries: Vec<String>,
    },
    /// Each value of a scale with its box, the labels at the ends.
    Scale {
        values: Vec<String>,
        low: Option<String>,
        high: Option<String>,
    },
    Lines(usize),
    Date,
}

pub fn render(grid: &Grid, format: HandoutFormat, interface: Lang) -> String {
    let lang = super::language(&grid.meta.language, interface);
    let blocks = blocks(grid, lang);
    let references = references(grid);
    match format {
        HandoutFormat::Md => text(grid, &blocks, &references, lang, true),
        HandoutFormat::Txt => text(grid, &blocks, &references, lang, false),
        HandoutFormat::Html => html(grid, &blocks, &references, lang),
    }
}

fn blocks(grid: &Grid, lang: Lang) -> Vec<Block> {
    let numbers = Numbers::of(grid);
    let mut out = Vec::new();
    for (i, step) in grid.steps.iter().enumerate() {
        // A step with nothing to answer (guidance, notes) has no place on
        // the sheet; the others keep the handout's numbers.
        let mut questions = answerable(step).peekable();
        if questions.peek().is_none() {
            continue;
        }
        out.push(Block::Step(format!("{}. {}", i + 1, one_line(&step.title))));
        if let Some(when) = &step.when {
            out.push(Block::Condition(conditions::sentence(grid, &numbers, when, Target::Step, lang)));
        }
        for q in questions {
            let name = format!("{}.{}", step.id, q.id);
            out.push(Block::Question(Prompt {
                number: numbers.number(&name).unwrap_or_default().to_string(),
                text: one_line(&q.prompt),
                important: q.required,
                condition: q
                    .when
                    .as_ref()
                    .map(|w| conditions::sentence(grid, &numbers, w, Target::Question, lang)),
                space: space(q, lang),
            }));
        }
    }
    out
}

fn answerable(step: &Step) -> impl Iterator<Item = &Question> {
    step.questions.iter().filter(|q| match q.kind {
        QuestionKind::Note => false,
        QuestionKind::Text
        | QuestionKind::Choice { .. }
        | QuestionKind::Multi { .. }
        | QuestionKind::Scale(_)
        | QuestionKind::Date(_) => true,
    })
}

fn space(q: &Question, lang: Lang) -> Space {
    match &q.kind {
        QuestionKind::Choice { options, other } | QuestionKind::Multi { options, other } => {
            // An option that excludes the others says so, as on the handout;
            // its hint is guidance, left to the handout.
            let mut entries: Vec<String> = options
                .iter()
                .map(|o| {
                    let alone = if o.exclusive { lang.plain_exclusive_mark() } else { "" };
                    format!("{}{alone}", one_line(&o.label))
                })
                .collect();
            if *other {
                entries.push(lang.worksheet_other());
            }
            Space::Boxes { multi: matches!(q.kind, QuestionKind::Multi { .. }), entries }
        }
        QuestionKind::Scale(s) => Space::Scale {
            values: (s.min..=s.max).map(|v| v.to_string()).collect(),
            low: s.min_label.as_deref().map(one_line),
            high: s.max_label.as_deref().map(one_line),
        },
        QuestionKind::Text => Space::Lines(WRITING_LINES),
        QuestionKind::Date(_) => Space::Date,
        // Not on the sheet (see `answerable`): nothing to write.
        QuestionKind::Note => Space::Lines(0),
    }
}

/// Every reference's label, once, in the order the grid first cites it.
fn references(grid: &Grid) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for r in grid.steps.iter().flat_map(|s| &s.references) {
        let label = one_line(&r.label);
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// A text on one line, whatever line breaks the grid's author typed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn mark(multi: bool) -> &'static str {
    if multi { "[ ]" } else { "( )" }
}

/// A scale on one line: « (pas du tout) ( ) 1   ( ) 2 … ( ) 5 (tout à fait) ».
fn scale_line(values: &[String], low: Option<&str>, high: Option<&str>) -> String {
    let boxes: Vec<String> = values.iter().map(|v| format!("( ) {v}")).collect();
    let low = low.map(|l| format!("({l}) ")).unwrap_or_default();
    let high = high.map(|h| format!(" ({h})")).unwrap_or_default();
    format!("{low}{}{high}", boxes.join("   "))
}

fn prompt_line(p: &Prompt, lang: Lang) -> String {
    let important = if p.important { format!(" ({})", lang.important()) } else { String::new() };
    format!("{}. {}{important}", p.number, p.text)
}

/// A line to write on, in a text format.
const WRITING_LINE: &str = "……………………………………………………………………………………………………………";

/// Markdown (`md`) or plain text.
fn text(grid: &Grid, blocks: &[Block], references: &[String], lang: Lang, md: bool) -> String {
    let m = &grid.meta;
    let title = one_line(&m.title);
    let mut out = if md {
        format!("# {title}\n\n")
    } else {
        format!("{title}\n{}\n\n", "=".repeat(title.chars().count()))
    };
    let emphasised = |t: &str| if md { format!("*{t}*") } else { t.to_string() };
    out.push_str(&format!("{}\n\n", lang.worksheet_line(&m.id, &m.version)));
    out.push_str(&format!("{}\n\n", emphasised(lang.worksheet_how())));
    let indent = if md { "" } else { "   " };
    for block in blocks {
        match block {
            Block::Step(heading) if md => out.push_str(&format!("## {heading}\n\n")),
            Block::Step(heading) => {
                out.push_str(&format!("{heading}\n{}\n\n", "-".repeat(heading.chars().count())))
            }
            Block::Condition(words) if md => out.push_str(&format!("*{words}*\n\n")),
            Block::Condition(words) => out.push_str(&format!("[{words}]\n\n")),
            Block::Question(p) => {
                let line = prompt_line(p, lang);
                out.push_str(&if md { format!("**{line}**\n\n") } else { format!("{line}\n") });
                if let Some(condition) = &p.condition {
                    out.push_str(&if md {
                        format!("*{condition}*\n\n")
                    } else {
                        format!("{indent}[{condition}]\n")
                    });
                }
                text_space(&mut out, &p.space, md, indent, lang);
                out.push('\n');
            }
        }
    }
    if !references.is_empty() {
        out.push_str(&format!("{}\n\n", emphasised(&lang.worksheet_references(&m.id))));
        for r in references {
            out.push_str(&format!("- {r}\n"));
        }
        out.push('\n');
    }
    out.push_str(&format!("{}\n", emphasised(lang.handout_footer())));
    out
}

fn text_space(out: &mut String, space: &Space, md: bool, indent: &str, lang: Lang) {
    match space {
        Space::Boxes { multi, entries } => {
            for e in entries {
                out.push_str(&format!("{}{} {e}\n", if md { "- " } else { indent }, mark(*multi)));
            }
        }
        Space::Scale { values, low, high } => {
            out.push_str(&format!("{indent}{}\n", scale_line(values, low.as_deref(), high.as_deref())));
        }
        // In Markdown each line is a paragraph of its own, so that no
        // viewer runs them together.
        Space::Lines(n) => {
            let separator = if md { "\n\n" } else { "\n" };
            let lines = vec![format!("{indent}{WRITING_LINE}"); *n];
            out.push_str(&format!("{}\n", lines.join(separator)));
        }
        Space::Date => out.push_str(&format!("{indent}{}\n", lang.handout_date_blank())),
    }
}

/// The printable page: each question kept whole on its page, options side
/// by side where they fit, ruled lines to write on.
fn html(grid: &Grid, blocks: &[Block], references: &[String], lang: Lang) -> String {
    let m = &grid.meta;
    let mut page = Page::new();
    page.heading(1, &one_line(&m.title));
    page.paragraph_class("meta", &lang.worksheet_line(&m.id, &m.version));
    page.paragraph_class("muted", lang.worksheet_how());
    for block in blocks {
        match block {
            Block::Step(heading) => {
                page.heading(2, heading);
            }
            Block::Condition(words) => {
                page.paragraph_class("muted", words);
            }
            Block::Question(p) => {
                page.open_division("question");
                page.heading(3, &prompt_line(p, lang));
                if let Some(condition) = &p.condition {
                    page.paragraph_class("muted", condition);
                }
                match &p.space {
                    Space::Boxes { multi, entries } => {
                        let boxes: Vec<String> =
                            entries.iter().map(|e| format!("{} {e}", mark(*multi))).collect();
                        page.boxes(&boxes);
                    }
                    Space::Scale { values, low, high } => {
                        let mut boxes: Vec<String> = low.iter().cloned().collect();
                        boxes.extend(values.iter().map(|v| format!("( ) {v}")));
                        boxes.extend(high.iter().cloned());
                        page.boxes(&boxes);
                    }
                    Space::Lines(n) => {
                        page.ruled_lines(*n);
                    }
                    Space::Date => {
                        page.paragraph(lang.handout_date_blank());
                    }
                }
                page.close_division();
            }
        }
    }
    if !references.is_empty() {
        page.paragraph_class("muted", &lang.worksheet_references(&m.id));
        let items: Vec<Vec<(Mark, &str)>> =
            references.iter().map(|r| vec![(Mark::Plain, r.as_str())]).collect();
        page.run_in_items(&items);
    }
    page.paragraph_class("muted small", lang.handout_footer());
    page.finish(&m.language, &m.title)
}

#[cfg(test)]
mod tests;
