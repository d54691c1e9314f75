//! A whole grid as a document to hand out in a workshop: every step,
//! including those hidden by conditions, questions numbered (5.1, 6.1) and
//! each condition a short sentence that names questions by number.
//!
//! The grid is laid out once as blocks; Markdown, plain text and a printable
//! HTML page are three ways of writing the same blocks.

pub mod conditions;

use self::conditions::{Numbers, Target};
use crate::grid::{Grid, Question, QuestionKind, Step};
use crate::html::Page;
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HandoutFormat {
    Md,
    Txt,
    // One self-contained page that prints on A4. (A plain comment: a doc
    // comment would show, untranslated, in the French --help.)
    Html,
}

/// One piece of the handout, before it is written in a format.
enum Block {
    Step(String),
    Condition(String),
    Guidance(String),
    Question {
        number: String,
        prompt: String,
        important: bool,
    },
    Note(String),
    Hint(String),
    /// `( )` for one choice, `[ ]` for several.
    Options {
        multi: bool,
        entries: Vec<String>,
    },
    Line(String),
    References(Vec<String>),
}

/// The handout speaks the grid's language; `interface` only where discern
/// has no words for it.
pub fn render(grid: &Grid, format: HandoutFormat, interface: Lang) -> String {
    let lang = super::language(&grid.meta.language, interface);
    let blocks = blocks(grid, lang);
    match format {
        HandoutFormat::Md => text(grid, &blocks, lang, true),
        HandoutFormat::Txt => text(grid, &blocks, lang, false),
        HandoutFormat::Html => html(grid, &blocks, lang),
    }
}

fn facts(grid: &Grid, lang: Lang) -> Vec<String> {
    let m = &grid.meta;
    let mut facts = vec![lang.handout_grid_line(&m.id, &m.version, &m.language)];
    if let Some(source) = &m.source {
        facts.push(lang.handout_source(source));
    }
    if !m.authors.is_empty() {
        facts.push(lang.handout_authors(&m.authors.join(", ")));
    }
    if let Some(license) = &m.license {
        facts.push(lang.handout_license(license));
    }
    facts
}

fn blocks(grid: &Grid, lang: Lang) -> Vec<Block> {
    let numbers = Numbers::of(grid);
    let mut out = Vec::new();
    for (i, step) in grid.steps.iter().enumerate() {
        step_blocks(grid, &numbers, step, i + 1, lang, &mut out);
    }
    out
}

fn step_blocks(grid: &Grid, numbers: &Numbers, step: &Step, n: usize, lang: Lang, out: &mut Vec<Block>) {
    out.push(Block::Step(format!("{n}. {}", step.title)));
    if let Some(when) = &step.when {
        out.push(Block::Condition(conditions::sentence(grid, numbers, when, Target::Step, lang)));
    }
    if let Some(guidance) = &step.guidance {
        out.extend(paragraphs(guidance).map(Block::Guidance));
    }
    for q in &step.questions {
        let is_note = matches!(q.kind, QuestionKind::Note);
        if is_note {
            out.push(Block::Note(q.prompt.trim().to_string()));
        } else {
            let number = numbers.number(&format!("{}.{}", step.id, q.id)).unwrap_or_default().to_string();
            out.push(Block::Question { number, prompt: q.prompt.trim().to_string(), important: q.required });
        }
        if let Some(when) = &q.when {
            let target = if is_note { Target::Note } else { Target::Question };
            out.push(Block::Condition(conditions::sentence(grid, numbers, when, target, lang)));
        }
        if let Some(hint) = &q.hint {
            out.push(Block::Hint(hint.trim().to_string()));
        }
        answer_space(q, lang, out);
    }
    if !step.references.is_empty() {
        let refs = step
            .references
            .iter()
            .map(|r| {
                let mut line = r.label.clone();
                if let Some(text) = &r.text {
                    line.push_str(&format!(" — {}", text.trim()));
                }
                if let Some(url) = &r.url {
                    line.push_str(&format!(" ({url})"));
                }
                line
            })
            .collect();
        out.push(Block::References(refs));
    }
}

/// Guidance paragraphs: a blank line separates two; the line breaks inside
/// one are only where the grid's author wrapped the source.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
}

fn answer_space(q: &Question, lang: Lang, out: &mut Vec<Block>) {
    match &q.kind {
        QuestionKind::Choice { options, other } | QuestionKind::Multi { options, other } => {
            let mut entries: Vec<String> = options
                .iter()
                .map(|o| {
                    // An option that excludes the others says so, as in the plain walk.
                    let alone = if o.exclusive { lang.plain_exclusive_mark() } else { "" };
                    match &o.hint {
                        Some(h) => format!("{}{alone} — {h}", o.label),
                        None => format!("{}{alone}", o.label),
                    }
                })
                .collect();
            if *other {
                entries.push(format!("{} …", lang.other_label()));
            }
            out.push(Block::Options { multi: matches!(q.kind, QuestionKind::Multi { .. }), entries });
        }
        QuestionKind::Scale(s) => {
            let values: Vec<String> = (s.min..=s.max).map(|v| v.to_string()).collect();
            let low = s.min_label.as_ref().map(|l| format!("({l}) ")).unwrap_or_default();
            let high = s.max_label.as_ref().map(|l| format!(" ({l})")).unwrap_or_default();
            out.push(Block::Line(format!("{low}{}{high}", values.join(" · "))));
        }
        QuestionKind::Text => out.push(Block::Line("………………………………………………………………".into())),
        QuestionKind::Date(bounds) => {
            out.push(Block::Line(lang.handout_date_blank().into()));
            if let Some(words) = lang.handout_date_bounds(bounds.min_days, bounds.max_days) {
                out.push(Block::Hint(words));
            }
        }
        QuestionKind::Note => {}
    }
}

fn mark(multi: bool) -> &'static str {
    if multi { "[ ]" } else { "( )" }
}

/// Markdown (`md`) or plain text.
fn text(grid: &Grid, blocks: &[Block], lang: Lang, md: bool) -> String {
    let m = &grid.meta;
    let mut out = String::new();
    if md {
        out.push_str(&format!("# {}\n\n", m.title));
    } else {
        out.push_str(&format!("{}\n{}\n\n", m.title, "=".repeat(m.title.chars().count())));
    }
    if let Some(summary) = &m.summary {
        out.push_str(&format!("{}\n\n", summary.trim()));
    }
    for fact in facts(grid, lang) {
        out.push_str(&format!("{}{fact}\n", if md { "- " } else { "" }));
    }
    out.push('\n');
    let indent = if md { "" } else { "   " };
    for block in blocks {
        match block {
            Block::Step(heading) if md => out.push_str(&format!("## {heading}\n\n")),
            Block::Step(heading) => {
                out.push_str(&format!("{heading}\n{}\n\n", "-".repeat(heading.chars().count())))
            }
            Block::Condition(words) if md => out.push_str(&format!("*{words}*\n\n")),
            Block::Condition(words) => out.push_str(&format!("{indent}[{words}]\n\n")),
            Block::Guidance(p) => out.push_str(&format!("{p}\n\n")),
            Block::Question { number, prompt, important } => {
                let mark = if *important { format!(" ({})", lang.important()) } else { String::new() };
                if md {
                    out.push_str(&format!("**{number}. {prompt}**{mark}\n\n"));
                } else {
                    out.push_str(&format!("{number}. {prompt}{mark}\n\n"));
                }
            }
            Block::Note(p) if md => out.push_str(&format!("> {}\n\n", p.replace('\n', "\n> "))),
            Block::Note(p) => {
                out.push_str(&format!("{indent}{}\n\n", p.replace('\n', &format!("\n{indent}"))))
            }
            Block::Hint(h) if md => out.push_str(&format!("*{h}*\n\n")),
            Block::Hint(h) => out.push_str(&format!("{indent}({h})\n\n")),
            Block::Options { multi, entries } => {
                for e in entries {
                    out.push_str(&format!("{}{} {e}\n", if md { "- " } else { indent }, mark(*multi)));
                }
                out.push('\n');
            }
            Block::Line(l) => out.push_str(&format!("{indent}{l}\n\n")),
            Block::References(refs) => {
                out.push_str(&if md {
                    format!("**{}**\n\n", lang.references())
                } else {
                    format!("{}\n", lang.references())
                });
                for r in refs {
                    out.push_str(&format!("- {r}\n"));
                }
                out.push('\n');
            }
        }
    }
    out.push_str(&format!("{}\n", lang.handout_footer()));
    out
}

/// The printable page: every text escaped by the page builder.
fn html(grid: &Grid, blocks: &[Block], lang: Lang) -> String {
    let m = &grid.meta;
    let mut page = Page::new();
    page.heading(1, &m.title);
    if let Some(summary) = &m.summary {
        page.paragraph(summary.trim());
    }
    page.paragraph_class("meta", &facts(grid, lang).join("\n"));
    for block in blocks {
        match block {
            Block::Step(heading) => page.heading(2, heading),
            Block::Condition(words) => page.paragraph_class("muted", words),
            Block::Guidance(p) => page.paragraph(p),
            Block::Question { number, prompt, important } => {
                let mark = if *important { format!(" ({})", lang.important()) } else { String::new() };
                page.heading(3, &format!("{number}. {prompt}{mark}"))
            }
            Block::Note(p) => page.paragraph_class("note", p),
            Block::Hint(h) => page.paragraph_class("muted", h),
            Block::Options { multi, entries } => {
                let lines: Vec<String> = entries.iter().map(|e| format!("{} {e}", mark(*multi))).collect();
                page.paragraph(&lines.join("\n"))
            }
            Block::Line(l) => page.paragraph(l),
            Block::References(refs) => {
                page.paragraph_class("muted", lang.references());
                for r in refs {
                    page.item(r);
                }
                page.end_list()
            }
        };
    }
    page.paragraph_class("muted", lang.handout_footer());
    page.finish(&m.language, &m.title)
}

#[cfg(test)]
mod tests;
