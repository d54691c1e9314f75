//! Several trails made with one grid, side by side, question by question;
//! several versions of one trail (`T@DATE T`), what changed between them.
//!
//! The comparison is a model (this file) written out as Markdown or plain
//! text (`text`) or as a page to project (`html`). It speaks its grid's
//! language, whatever the interface's: it is a document, like a summary.

mod html;
#[cfg(test)]
mod tests;
mod text;

use std::collections::{HashMap, HashSet};

use crate::grid::{Answer, Grid, Kind, QuestionKind};
use crate::lang::Lang;
use crate::trail::{AnswerRecord, Time, Trail};
use crate::walk::outline::Outline;

/// The formats of a comparison printed rather than shown on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    Md,
    Txt,
    // One self-contained page to project or print, the counts drawn as bars
    // (a plain comment: clap would show a doc comment, in English only).
    Html,
}

impl CompareFormat {
    /// The format a file's name asks for (`.html`, `.htm`, `.txt`, `.md`).
    pub fn from_file_name(path: &std::path::Path) -> Option<CompareFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(CompareFormat::Html),
            "txt" | "text" => Some(CompareFormat::Txt),
            "md" | "markdown" => Some(CompareFormat::Md),
            _ => None,
        }
    }
}

/// How a comparison is written out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// No titles: the participants are P1, P2…
    pub anonymous: bool,
    /// Versions of one trail: every answer, not only those that changed.
    pub all: bool,
}

/// Why trails cannot be compared.
#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    DifferentGrids(Vec<(String, String)>),
}

/// What one trail says about one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// The answer in words (a date as `YYYY-MM-DD`), and when it was given.
    Answer { words: String, at: Time },
    /// Asked and not answered; `cleared` is when an earlier answer was
    /// cleared, if it was.
    NoAnswer { cleared: Option<Time> },
    /// Never put to this participant: hidden by a condition, or not in
    /// their trail at all. Counted apart from « sans réponse »: a question
    /// nobody was asked says nothing about those who skipped it.
    NotAsked,
}

impl Cell {
    /// The same answer (or the same absence of one), whenever given.
    pub fn same_as(&self, other: &Cell) -> bool {
        match (self, other) {
            (Cell::Answer { words: a, .. }, Cell::Answer { words: b, .. }) => a == b,
            (Cell::NoAnswer { .. }, Cell::NoAnswer { .. }) | (Cell::NotAsked, Cell::NotAsked) => true,
            _ => false,
        }
    }

    pub fn is_answer(&self) -> bool {
        matches!(self, Cell::Answer { .. })
    }

    /// When the answer was given, or cleared.
    pub fn at(&self) -> Option<Time> {
        match self {
            Cell::Answer { at, .. } => Some(*at),
            Cell::NoAnswer { cleared } => *cleared,
            Cell::NotAsked => None,
        }
    }
}

/// One question across the trails.
pub struct Row {
    pub step: String,
    pub step_title: String,
    pub prompt: String,
    /// A date question's answers are `YYYY-MM-DD`, written in words on output.
    pub kind: Kind,
    /// What each trail says, in the order of the trails.
    pub cells: Vec<Cell>,
    /// For choice and multi questions: how many trails chose each option.
    pub tally: Option<Tally>,
}

impl Row {
    /// Whether the trails did not all answer alike.
    pub fn differs(&self) -> bool {
        self.cells.windows(2).any(|w| !w[0].same_as(&w[1]))
    }
}

/// The answers to one choice or multi question, counted: each option (the
/// grid's order, then the options and "other" texts the trails recorded)
/// with the number of trails that chose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub counts: Vec<(String, usize)>,
    /// Asked, not answered.
    pub no_answer: usize,
    /// Never asked (hidden by a condition, or not in the trail).
    pub not_asked: usize,
    /// The labels of `counts` that are "other" texts, marked as such.
    pub others: Vec<String>,
}

/// From this many trails on, choices are counted rather than listed.
pub const COUNT_FROM: usize = 3;

pub struct Comparison<'t> {
    pub trails: &'t [Trail],
    /// The questions at least one trail answered, in the grid's order.
    pub rows: Vec<Row>,
    /// The trails were made with different versions of the grid.
    pub versions_differ: bool,
    /// The trails are versions of one trail (one id: `T@DATE T`, or a
    /// trail and its JSON export): what changed is shown, not counted.
    pub versions: bool,
}

/// Lines the trails up by step and question id, in the grid's order (or,
/// without the grid, in the order the trails recorded them).
pub fn compare<'t>(trails: &'t [Trail], grid: Option<&Grid>) -> Result<Comparison<'t>, Mismatch> {
    let first = &trails[0].grid.id;
    if trails.iter().any(|t| &t.grid.id != first) {
        return Err(Mismatch::DifferentGrids(
            trails.iter().map(|t| (t.title.clone(), t.grid.id.clone())).collect(),
        ));
    }
    let outlines: Vec<Outline> = trails.iter().map(|t| Outline::build(t, grid)).collect();
    // Every (step, question) that any trail knows, first-seen order.
    let mut keys: Vec<(String, String, String, String, Kind)> = Vec::new();
    let mut seen = HashSet::new();
    for outline in &outlines {
        for (s, q) in outline.questions() {
            if q.kind == Kind::Note || !seen.insert((s.id.clone(), q.id.clone())) {
                continue;
            }
            keys.push((s.id.clone(), q.id.clone(), s.title.clone(), q.prompt.clone(), q.kind));
        }
    }
    let said: Vec<HashMap<(&str, &str), Said>> = outlines.iter().map(said_in).collect();
    let rows = keys
        .into_iter()
        .map(|(step, question, step_title, prompt, kind)| {
            let key = (step.as_str(), question.as_str());
            let these: Vec<&Said> = said.iter().map(|m| m.get(&key).unwrap_or(&NOT_ASKED)).collect();
            let tally = matches!(kind, Kind::Choice | Kind::Multi)
                .then(|| tally(&these, grid_options(grid, &step, &question)));
            let cells = these.iter().map(|s| s.cell.clone()).collect();
            Row { step, step_title, prompt, kind, cells, tally }
        })
        .filter(|row| row.cells.iter().any(Cell::is_answer))
        .collect();
    let versions_differ = trails.iter().any(|t| t.grid.version != trails[0].grid.version);
    let versions = trails.iter().all(|t| t.id == trails[0].id);
    Ok(Comparison { trails, rows, versions_differ, versions })
}

/// One trail's cell for a question, with the record behind an answer (its
/// labels are what a tally counts).
struct Said<'t> {
    cell: Cell,
    record: Option<&'t AnswerRecord>,
}

const NOT_ASKED: Said<'static> = Said { cell: Cell::NotAsked, record: None };

/// What one trail says about each question of its outline. A question
/// hidden by a condition (or in a hidden step) was not asked; an answer
/// that does not fit the grid is set aside (GRID-FORMAT.md): the question
/// was asked, the answer is not counted.
fn said_in<'o, 't>(outline: &'o Outline<'t>) -> HashMap<(&'o str, &'o str), Said<'t>> {
    outline
        .questions()
        .filter(|(_, q)| q.kind != Kind::Note)
        .map(|(s, q)| {
            let said = if !s.shown || !q.shown {
                Said { cell: Cell::NotAsked, record: None }
            } else {
                match (q.set_aside.is_some(), q.record) {
                    (false, Some(r)) => match r.answer.as_ref().map(|a| r.answer_in_words(a)) {
                        Some(words) if !words.trim().is_empty() => Said {
                            cell: Cell::Answer { words: words.trim().to_string(), at: r.at },
                            record: Some(r),
                        },
                        Some(_) => Said { cell: Cell::NoAnswer { cleared: None }, record: None },
                        None => Said { cell: Cell::NoAnswer { cleared: Some(r.at) }, record: None },
                    },
                    _ => Said { cell: Cell::NoAnswer { cleared: None }, record: None },
                }
            };
            ((s.id.as_str(), q.id.as_str()), said)
        })
        .collect()
}

/// The labels of a question's options in the grid, when the grid has it.
fn grid_options(grid: Option<&Grid>, step: &str, question: &str) -> Vec<String> {
    let q = grid
        .and_then(|g| g.steps.iter().find(|s| s.id == step))
        .and_then(|s| s.questions.iter().find(|q| q.id == question));
    match q.map(|q| &q.kind) {
        Some(QuestionKind::Choice { options, .. } | QuestionKind::Multi { options, .. }) => {
            options.iter().map(|o| o.label.clone()).collect()
        }
        _ => Vec::new(),
    }
}

fn tally(said: &[&Said], grid_labels: Vec<String>) -> Tally {
    let mut counts: Vec<(String, usize)> = grid_labels.into_iter().map(|l| (l, 0)).collect();
    let mut add = |label: String, n: usize| match counts.iter_mut().find(|(l, _)| *l == label) {
        Some((_, c)) => *c += n,
        None => counts.push((label, n)),
    };
    // The options the trails recorded, in their order, even when nobody
    // here chose them.
    for r in said.iter().filter_map(|s| s.record) {
        for (_, label) in &r.options {
            add(label.clone(), 0);
        }
    }
    let (mut no_answer, mut not_asked) = (0, 0);
    let mut others: Vec<String> = Vec::new();
    for s in said {
        let answer = s.record.and_then(|r| r.answer.as_ref().map(|a| (r, a)));
        let Some((record, answer)) = answer else {
            match s.cell {
                Cell::NotAsked => not_asked += 1,
                _ => no_answer += 1,
            }
            continue;
        };
        if let Answer::ChoiceOther(text) | Answer::Multi { other: Some(text), .. } = answer
            && !others.iter().any(|o| o == text.trim())
        {
            others.push(text.trim().to_string());
        }
        for label in record.labels(answer) {
            add(label.trim().to_string(), 1);
        }
    }
    Tally { counts, no_answer, not_asked, others }
}

impl Comparison<'_> {
    /// The language of the document: its grid's, whatever the interface's.
    pub fn lang(&self) -> Lang {
        Lang::from_locale(&self.trails[0].grid.language)
    }

    /// Choices are counted (« 6 sur 10 ») from three participants on;
    /// versions of one trail are shown side by side, however many.
    pub fn counted(&self) -> bool {
        !self.versions && self.trails.len() >= COUNT_FROM
    }

    /// The rows written out: for versions of one trail, only the answers
    /// that changed, unless `all`.
    pub fn shown_rows(&self, all: bool) -> impl Iterator<Item = &Row> {
        let only_changes = self.versions && !all;
        self.rows.iter().filter(move |r| !only_changes || r.differs())
    }

    /// How many answers changed between the versions, and how many did not.
    pub fn changes(&self) -> (usize, usize) {
        let changed = self.rows.iter().filter(|r| r.differs()).count();
        (changed, self.rows.len() - changed)
    }

    /// The comparison as a document in `format`, in its grid's language.
    pub fn render(&self, format: CompareFormat, options: Options) -> String {
        match format {
            CompareFormat::Md => self.render_text(true, options),
            CompareFormat::Txt => self.render_text(false, options),
            CompareFormat::Html => self.render_html(options),
        }
    }

    /// The title of the document.
    pub fn title(&self) -> String {
        self.lang().compare_title(&self.trails[0].grid.title)
    }

    /// One line per trail (or, anonymous and not versions of one trail, how
    /// many participants).
    fn trail_lines(&self, anonymous: bool) -> Vec<String> {
        let lang = self.lang();
        if anonymous && !self.versions {
            return vec![lang.compare_participants(self.trails.len())];
        }
        self.trails
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let when = lang.date_time(&t.updated);
                if self.versions {
                    let title = (!anonymous).then_some(t.title.as_str());
                    lang.compare_version_line(i + 1, title, &when, &t.grid.version)
                } else {
                    lang.compare_trail_line(i + 1, &t.title, &t.grid.version, &when)
                }
            })
            .collect()
    }

    /// The mark beside a prompt whose answers differ.
    fn differs_mark(&self, row: &Row) -> Option<&'static str> {
        let lang = self.lang();
        row.differs().then(|| if self.versions { lang.compare_changed() } else { lang.compare_differs() })
    }

    /// The label of the `i`th trail's answer: « 1. », « P1. » when anonymous.
    fn who(&self, i: usize, anonymous: bool) -> String {
        if anonymous && !self.versions { format!("P{}.", i + 1) } else { format!("{}.", i + 1) }
    }

    /// A cell in words: a date in words, « (Sans réponse) », « (Non posée) ».
    fn cell_words(&self, row: &Row, cell: &Cell) -> String {
        let lang = self.lang();
        match cell {
            Cell::Answer { words, .. } => match row.kind {
                Kind::Date => chrono::NaiveDate::parse_from_str(words, "%Y-%m-%d")
                    .map_or_else(|_| words.clone(), |day| lang.date_in_words(day)),
                _ => words.clone(),
            },
            Cell::NoAnswer { .. } => format!("({})", lang.no_answer()),
            Cell::NotAsked => format!("({})", lang.not_asked()),
        }
    }

    /// When a version's answer was given (or cleared): for versions of one
    /// trail, where the dates tell the story.
    fn cell_when(&self, cell: &Cell) -> Option<String> {
        self.versions.then(|| cell.at()).flatten().map(|t| self.lang().date_time(&t))
    }

    /// A tally as lines of a count: each option, then « sans réponse » and
    /// « non posée » apart when there are any.
    fn bars(&self, tally: &Tally) -> Vec<Bar> {
        let lang = self.lang();
        let mut bars: Vec<Bar> = tally
            .counts
            .iter()
            .map(|(label, n)| Bar {
                label: if tally.others.contains(label) {
                    format!("{} {label}", lang.other_label())
                } else {
                    label.clone()
                },
                n: *n,
                apart: false,
            })
            .collect();
        if tally.no_answer > 0 {
            bars.push(Bar { label: format!("({})", lang.no_answer()), n: tally.no_answer, apart: true });
        }
        if tally.not_asked > 0 {
            bars.push(Bar { label: format!("({})", lang.not_asked()), n: tally.not_asked, apart: true });
        }
        bars
    }
}

/// One line of a count: how many participants chose a label.
struct Bar {
    label: String,
    n: usize,
    /// « Sans réponse » or « non posée »: not an option, drawn apart.
    apart: bool,
}
