//! The privacy warnings of a whole trail: every piece of free text it holds
//! (title, answers, earlier answers, annotations) run through the lint.

use super::Trail;
use crate::grid::Answer;
use crate::privacy::{Finding, scan};

/// Where in the trail a warning was found.
#[derive(Debug, Clone, PartialEq)]
pub enum Where {
    Title,
    /// The current answer to a question: (full name, prompt).
    Answer(String, String),
    /// An earlier answer, kept in the history.
    Earlier(String, String),
    Annotation(String, String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub place: Where,
    pub finding: Finding,
}

/// The free text an answer holds.
pub fn text_of(answer: &Answer) -> Option<&str> {
    match answer {
        Answer::Text(t) | Answer::ChoiceOther(t) => Some(t),
        Answer::Multi { other: Some(t), .. } => Some(t),
        _ => None,
    }
}

pub fn warnings(trail: &Trail) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut add = |place: Where, text: &str| {
        out.extend(scan(text).into_iter().map(|finding| Warning { place: place.clone(), finding }));
    };
    add(Where::Title, &trail.title);
    for r in &trail.answers {
        let name = r.full_name();
        if let Some(text) = r.answer.as_ref().and_then(text_of) {
            add(Where::Answer(name.clone(), r.prompt.clone()), text);
        }
        for h in &r.history {
            if let Some(text) = h.answer.as_ref().and_then(text_of) {
                add(Where::Earlier(name.clone(), r.prompt.clone()), text);
            }
        }
    }
    for a in &trail.annotations {
        let name = format!("{}.{}", a.step, a.question);
        let prompt = trail.record(&a.step, &a.question).map_or_else(|| name.clone(), |r| r.prompt.clone());
        add(Where::Annotation(name, prompt), &a.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Kind, parse};
    use crate::walk::{At, Walk};

    #[test]
    fn every_text_of_the_trail_is_linted_and_named() {
        let grid = parse(
            "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"fr\"\ntitle = \"G\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n[[steps.questions]]\nid = \"t\"\nkind = \"text\"\nprompt = \"Les faits ?\"\n[[steps.questions]]\nid = \"n\"\nkind = \"scale\"\nprompt = \"N\"\nmin = 1\nmax = 5\n",
        )
        .unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").expect("a fixed time");
        let trail = Trail::start(&grid, "Situation de Madame Durand", "abcd2345".into(), now);
        let mut w = Walk::new(grid, trail);
        let at = At { step: 0, question: 0 };
        w.set(at, Some(Answer::Text("Appeler le 06 12 34 56 78".into())), now);
        w.close_edit();
        w.set(at, Some(Answer::Text("Rien d'identifiant ici.".into())), now);
        w.set(At { step: 0, question: 1 }, Some(Answer::Scale(3)), now);
        let found = warnings(&w.trail);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].place, Where::Title);
        assert_eq!(found[0].finding.excerpt, "Madame Durand");
        assert_eq!(found[1].place, Where::Earlier("s.t".into(), "Les faits ?".into()));
        assert_eq!(found[1].finding.excerpt, "06 12 34 56 78");
        assert_eq!(w.trail.answers[1].kind, Kind::Scale);
    }
}
