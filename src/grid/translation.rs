//! The translation check: the language versions of one grid must have the
//! same steps, questions, kinds, option ids, exclusive marks, conditions and
//! outcome, in the same order, so that trails made in either language read
//! and compare alike. Each difference names both files and the line in each.
//!
//! Pure: it is given the text of each file and the grid read from it.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{DateBounds, Grid, Kind, Pos, Question, QuestionKind};

/// One language version: how its file is named in messages, its text, its grid.
pub struct Version<'a> {
    pub label: String,
    pub src: &'a str,
    pub grid: &'a Grid,
}

/// One difference between the reference version (`a`) and a translation (`b`).
#[derive(Debug, Clone, PartialEq)]
pub struct Drift {
    pub a: String,
    pub a_pos: Pos,
    pub b: String,
    pub b_pos: Pos,
    pub kind: DriftKind,
}

/// What differs. `None` stands for "nothing at that rank".
#[derive(Debug, Clone, PartialEq)]
pub enum DriftKind {
    Outcome {
        a: Option<String>,
        b: Option<String>,
    },
    /// The `rank`-th step (1-based) has another id, or exists in one file only.
    Step {
        rank: usize,
        a: Option<String>,
        b: Option<String>,
    },
    StepCondition {
        step: String,
    },
    /// The `rank`-th question of `step` has another id, or exists in one file only.
    Question {
        step: String,
        rank: usize,
        a: Option<String>,
        b: Option<String>,
    },
    Kind {
        question: String,
        a: Kind,
        b: Kind,
    },
    /// `required`, `other`, or the bounds of a scale or a date differ.
    Settings {
        question: String,
    },
    QuestionCondition {
        question: String,
    },
    Options {
        question: String,
        a: Vec<String>,
        b: Vec<String>,
    },
    /// `here`: whether the option is exclusive in the translation.
    Exclusive {
        question: String,
        option: String,
        here: bool,
    },
}

/// Byte offsets of what drifts are reported at, found again in the text:
/// the grid keeps no positions once it is valid.
#[derive(Default)]
struct Places {
    grid: usize,
    outcome: Option<usize>,
    steps: Vec<StepPlaces>,
}

#[derive(Default)]
struct StepPlaces {
    id: usize,
    when: Option<usize>,
    questions: Vec<QuestionPlaces>,
}

#[derive(Default)]
struct QuestionPlaces {
    id: usize,
    kind: usize,
    when: Option<usize>,
    options: Vec<usize>,
}

fn start(v: &toml::Spanned<DeValue>) -> usize {
    v.span().start
}

fn tables<'t, 'i>(t: &'t DeTable<'i>, key: &str) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
    match t.get(key).map(|v| v.get_ref()) {
        Some(DeValue::Array(items)) => items
            .iter()
            .filter_map(|i| match i.get_ref() {
                DeValue::Table(t) => Some((t, i.span())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn places(src: &str) -> Places {
    let (doc, _) = DeTable::parse_recoverable(src);
    let root = doc.get_ref();
    let mut places = Places::default();
    if let Some(grid) = root.get("grid") {
        places.grid = start(grid);
        if let DeValue::Table(g) = grid.get_ref() {
            places.outcome = g.get("outcome").map(start);
        }
    }
    for (step, span) in tables(root, "steps") {
        let mut sp = StepPlaces {
            id: step.get("id").map_or(span.start, start),
            when: step.get("when").map(start),
            questions: Vec::new(),
        };
        for (q, qspan) in tables(step, "questions") {
            let id = q.get("id").map_or(qspan.start, start);
            sp.questions.push(QuestionPlaces {
                id,
                kind: q.get("kind").map_or(id, start),
                when: q.get("when").map(start),
                options: tables(q, "options")
                    .into_iter()
                    .map(|(o, ospan)| o.get("id").map_or(ospan.start, start))
                    .collect(),
            });
        }
        places.steps.push(sp);
    }
    places
}

/// Line starts of a text, so that each offset finds its line at once.
struct Lines<'s> {
    src: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    fn new(src: &'s str) -> Self {
        let starts = std::iter::once(0).chain(src.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { src, starts }
    }

    fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let column = self.src.get(line_start..offset).map_or(1, |s| s.chars().count() + 1);
        Pos { line, column }
    }
}

/// Every difference of `b` from `a`, in the order of the files.
pub fn compare(a: &Version, b: &Version) -> Vec<Drift> {
    let (pa, pb) = (places(a.src), places(b.src));
    let (la, lb) = (Lines::new(a.src), Lines::new(b.src));
    let mut drifts = Vec::new();
    let mut report = |at_a: usize, at_b: usize, kind: DriftKind| {
        drifts.push(Drift {
            a: a.label.clone(),
            a_pos: la.pos(at_a),
            b: b.label.clone(),
            b_pos: lb.pos(at_b),
            kind,
        });
    };
    let (ga, gb) = (a.grid, b.grid);
    if ga.meta.outcome != gb.meta.outcome {
        report(
            pa.outcome.unwrap_or(pa.grid),
            pb.outcome.unwrap_or(pb.grid),
            DriftKind::Outcome { a: ga.meta.outcome.clone(), b: gb.meta.outcome.clone() },
        );
    }
    // Where a step or question exists in one file only, the other file's
    // report points at the last one before it.
    let step_at = |p: &Places, i: usize| p.steps.get(i).or(p.steps.last()).map_or(p.grid, |s| s.id);
    for i in 0..ga.steps.len().max(gb.steps.len()) {
        let (sa, sb) = (ga.steps.get(i), gb.steps.get(i));
        let (Some(sa), Some(sb)) = (sa, sb) else {
            let kind =
                DriftKind::Step { rank: i + 1, a: sa.map(|s| s.id.clone()), b: sb.map(|s| s.id.clone()) };
            report(step_at(&pa, i), step_at(&pb, i), kind);
            continue;
        };
        if sa.id != sb.id {
            let kind = DriftKind::Step { rank: i + 1, a: Some(sa.id.clone()), b: Some(sb.id.clone()) };
            report(step_at(&pa, i), step_at(&pb, i), kind);
            // Different steps: their questions are not compared one by one.
            continue;
        }
        let (spa, spb) = (&pa.steps[i], &pb.steps[i]);
        if sa.when != sb.when {
            let kind = DriftKind::StepCondition { step: sa.id.clone() };
            report(spa.when.unwrap_or(spa.id), spb.when.unwrap_or(spb.id), kind);
        }
        let question_at =
            |s: &StepPlaces, j: usize| s.questions.get(j).or(s.questions.last()).map_or(s.id, |q| q.id);
        for j in 0..sa.questions.len().max(sb.questions.len()) {
            let (qa, qb) = (sa.questions.get(j), sb.questions.get(j));
            let same = matches!((qa, qb), (Some(x), Some(y)) if x.id == y.id);
            if !same {
                let kind = DriftKind::Question {
                    step: sa.id.clone(),
                    rank: j + 1,
                    a: qa.map(|q| q.id.clone()),
                    b: qb.map(|q| q.id.clone()),
                };
                report(question_at(spa, j), question_at(spb, j), kind);
                continue;
            }
            let (qa, qb) = (qa.expect("same"), qb.expect("same"));
            let (qpa, qpb) = (&spa.questions[j], &spb.questions[j]);
            let name = format!("{}.{}", sa.id, qa.id);
            compare_questions(qa, qb, &name, qpa, qpb, &mut report);
        }
    }
    drifts
}

fn compare_questions(
    qa: &Question,
    qb: &Question,
    name: &str,
    pa: &QuestionPlaces,
    pb: &QuestionPlaces,
    report: &mut impl FnMut(usize, usize, DriftKind),
) {
    let (ka, kb) = (qa.kind.kind(), qb.kind.kind());
    if ka != kb {
        report(pa.kind, pb.kind, DriftKind::Kind { question: name.to_string(), a: ka, b: kb });
        return;
    }
    if qa.when != qb.when {
        report(
            pa.when.unwrap_or(pa.id),
            pb.when.unwrap_or(pb.id),
            DriftKind::QuestionCondition { question: name.to_string() },
        );
    }
    if settings(qa) != settings(qb) {
        report(pa.id, pb.id, DriftKind::Settings { question: name.to_string() });
    }
    let ids = |q: &Question| q.kind.options().iter().map(|o| o.id.clone()).collect::<Vec<_>>();
    if ids(qa) != ids(qb) {
        let at = |p: &QuestionPlaces| p.options.first().copied().unwrap_or(p.id);
        report(at(pa), at(pb), DriftKind::Options { question: name.to_string(), a: ids(qa), b: ids(qb) });
    }
    // The options both files have, matched by id: their `exclusive` marks.
    let (options_a, options_b) = (qa.kind.options(), qb.kind.options());
    for (ka, oa) in options_a.iter().enumerate() {
        let Some((kb, ob)) = options_b.iter().enumerate().find(|(_, o)| o.id == oa.id) else { continue };
        if oa.exclusive != ob.exclusive {
            let at = |p: &QuestionPlaces, k: usize| p.options.get(k).copied().unwrap_or(p.id);
            let kind = DriftKind::Exclusive {
                question: name.to_string(),
                option: oa.id.clone(),
                here: ob.exclusive,
            };
            report(at(pa, ka), at(pb, kb), kind);
        }
    }
}

/// What else a translation keeps: importance, the "other" entry, bounds.
#[derive(PartialEq)]
struct Settings {
    required: bool,
    other: bool,
    scale: Option<(i64, i64)>,
    date: Option<DateBounds>,
}

fn settings(q: &Question) -> Settings {
    Settings {
        required: q.required,
        other: q.kind.has_other(),
        scale: match &q.kind {
            QuestionKind::Scale(s) => Some((s.min, s.max)),
            _ => None,
        },
        date: match &q.kind {
            QuestionKind::Date(d) => Some(*d),
            _ => None,
        },
    }
}

/// Groups versions by grid id and compares each group's later files with
/// its first one. Files alone in their group are not compared.
pub fn check_all(versions: &[Version]) -> Vec<Drift> {
    let mut drifts = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        if let Some(first) = versions[..i].iter().find(|w| w.grid.meta.id == v.grid.meta.id) {
            drifts.extend(compare(first, v));
        }
    }
    drifts
}

#[cfg(test)]
mod tests;
