//! Helpers shared by the tests of the shipped grids: each grid read the way a
//! worker meets it (answers go in, steps and notes come out), and every word
//! of it a person can read.
#![allow(dead_code)]

use discern::grid::{Answer, Grid, library::SHIPPED, parse};
use discern::trail::{Time, Trail};
use discern::walk::{At, Walk};

pub const IDS: [&str; 3] = ["delor-secret", "partage", "deliberation"];

pub fn grid(id: &str, lang: &str) -> Grid {
    let name = format!("{id}.{lang}.toml");
    let (_, text) = SHIPPED.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("{name} is shipped"));
    parse(text).unwrap_or_else(|p| panic!("{name}: {p:?}"))
}

pub fn all() -> Vec<Grid> {
    IDS.iter().flat_map(|id| [grid(id, "fr"), grid(id, "en")]).collect()
}

fn time() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").expect("a valid time")
}

pub fn at(g: &Grid, full_name: &str) -> At {
    let (step_id, question_id) = full_name.split_once('.').expect("step.question");
    let step = g.steps.iter().position(|s| s.id == step_id).unwrap_or_else(|| panic!("no step {step_id}"));
    let question = g.steps[step]
        .questions
        .iter()
        .position(|q| q.id == question_id)
        .unwrap_or_else(|| panic!("no question {full_name}"));
    At { step, question }
}

pub fn choice(id: &str) -> Answer {
    Answer::Choice(id.into())
}

pub fn multi(ids: &[&str]) -> Answer {
    Answer::Multi { options: ids.iter().map(|s| s.to_string()).collect(), other: None }
}

/// The walk after these answers, given in order.
pub fn walk(g: &Grid, answers: &[(&str, Answer)]) -> Walk {
    let mut w = Walk::new(g.clone(), Trail::start(g, "T", "abcd2345".into(), time()));
    for (name, answer) in answers {
        let place = at(g, name);
        assert!(w.question_shown(place), "{name} is shown when answered in this test");
        w.set(place, Some(answer.clone()), time());
        w.close_edit();
    }
    w
}

/// The notes shown in the step "what your answers point to".
pub fn notes(w: &Walk) -> Vec<String> {
    let s = w.grid.steps.iter().position(|s| s.id == "pointers").expect("a pointers step");
    w.step(s)
        .questions
        .iter()
        .enumerate()
        .filter(|(q, _)| w.question_shown(At { step: s, question: *q }))
        .map(|(_, q)| q.id.clone())
        .collect()
}

pub fn shows(w: &Walk, note: &str) -> bool {
    notes(w).iter().any(|n| n == note)
}

pub fn step_shown(w: &Walk, id: &str) -> bool {
    let s = w.grid.steps.iter().position(|s| s.id == id).unwrap_or_else(|| panic!("no step {id}"));
    w.step_shown(s)
}

pub fn question_shown(w: &Walk, full_name: &str) -> bool {
    w.question_shown(at(&w.grid, full_name))
}

pub fn note_text(g: &Grid, id: &str) -> String {
    g.question(&format!("pointers.{id}")).unwrap_or_else(|| panic!("no note {id}")).1.prompt.clone()
}

/// The text of the reference whose label contains `label` (the only one).
pub fn reference(g: &Grid, label: &str) -> String {
    let found: Vec<&String> = g
        .steps
        .iter()
        .flat_map(|s| &s.references)
        .filter(|r| r.label.contains(label))
        .filter_map(|r| r.text.as_ref())
        .collect();
    assert!(!found.is_empty(), "{} {}: no reference {label}", g.meta.id, g.meta.language);
    assert!(
        found.windows(2).all(|w| w[0] == w[1]),
        "{} {}: references {label} differ",
        g.meta.id,
        g.meta.language
    );
    found[0].clone()
}

/// Every word of a grid a person can read, one string per place.
pub fn texts(g: &Grid) -> Vec<String> {
    let mut out = vec![g.meta.title.clone()];
    out.extend(g.meta.summary.clone());
    out.extend(g.meta.source.clone());
    for s in &g.steps {
        out.push(s.title.clone());
        out.extend(s.guidance.clone());
        for q in &s.questions {
            out.push(q.prompt.clone());
            out.extend(q.hint.clone());
            for o in q.kind.options() {
                out.push(o.label.clone());
                out.extend(o.hint.clone());
            }
        }
        for r in &s.references {
            out.push(r.label.clone());
            out.extend(r.text.clone());
        }
    }
    out
}

pub fn contains(g: &Grid, needle: &str) -> bool {
    texts(g).iter().any(|t| t.contains(needle))
}
