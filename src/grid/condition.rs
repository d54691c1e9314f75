//! Conditions (`when`): when a step or a question is shown.

use super::Answer;

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Is { question: String, option: String },
    AnyOf { question: String, options: Vec<String> },
    Answered { question: String, answered: bool },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Whether the condition holds. `answer_of` gives the answer to a question
    /// by full name, or `None` when it has none or is not shown: a question
    /// that is not shown counts as unanswered.
    pub fn holds<'a>(&self, answer_of: &dyn Fn(&str) -> Option<&'a Answer>) -> bool {
        let given = |q: &str| answer_of(q).filter(|a| !a.is_empty());
        match self {
            Condition::Is { question, option } => given(question).is_some_and(|a| a.selects(option)),
            Condition::AnyOf { question, options } => {
                given(question).is_some_and(|a| options.iter().any(|o| a.selects(o)))
            }
            Condition::Answered { question, answered } => given(question).is_some() == *answered,
            Condition::All(inner) => inner.iter().all(|c| c.holds(answer_of)),
            Condition::Any(inner) => inner.iter().any(|c| c.holds(answer_of)),
            Condition::Not(inner) => !inner.holds(answer_of),
        }
    }

    /// Every question the condition names.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Condition::Is { question, .. }
            | Condition::AnyOf { question, .. }
            | Condition::Answered { question, .. } => vec![question.as_str()],
            Condition::All(inner) | Condition::Any(inner) => {
                inner.iter().flat_map(|c| c.questions()).collect()
            }
            Condition::Not(inner) => inner.questions(),
        }
    }
}

/// A condition with the byte offsets validation points at.
#[derive(Debug, Clone)]
pub(super) struct ConditionAt {
    pub condition: Condition,
    /// Where the named question stands (leaves), or the condition itself.
    pub at: usize,
    /// Where each option id of an `is` or `any_of` stands, in order.
    pub option_ats: Vec<usize>,
    pub children: Vec<ConditionAt>,
}

impl ConditionAt {
    pub fn leaf(condition: Condition, question_at: usize, option_ats: Vec<usize>) -> Self {
        ConditionAt { condition, at: question_at, option_ats, children: Vec::new() }
    }

    pub fn list(all: bool, children: Vec<ConditionAt>, at: usize) -> Self {
        let inner = children.iter().map(|c| c.condition.clone()).collect();
        let condition = if all { Condition::All(inner) } else { Condition::Any(inner) };
        ConditionAt { condition, at, option_ats: Vec::new(), children }
    }

    pub fn not(child: ConditionAt, at: usize) -> Self {
        let condition = Condition::Not(Box::new(child.condition.clone()));
        ConditionAt { condition, at, option_ats: Vec::new(), children: vec![child] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn answers(pairs: &[(&str, Answer)]) -> HashMap<String, Answer> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    fn holds(c: &Condition, a: &HashMap<String, Answer>) -> bool {
        c.holds(&|q| a.get(q))
    }

    fn is(q: &str, o: &str) -> Condition {
        Condition::Is { question: q.into(), option: o.into() }
    }

    #[test]
    fn is_matches_a_choice_and_a_multi_that_contains_it() {
        let a = answers(&[
            ("s.c", Answer::Choice("must".into())),
            ("s.m", Answer::Multi { options: vec!["a".into(), "b".into()], other: None }),
        ]);
        assert!(holds(&is("s.c", "must"), &a));
        assert!(!holds(&is("s.c", "may"), &a));
        assert!(holds(&is("s.m", "b"), &a));
        assert!(!holds(&is("s.m", "c"), &a));
        assert!(!holds(&is("s.none", "a"), &a));
    }

    #[test]
    fn any_of_needs_one_of_the_options() {
        let a = answers(&[("s.c", Answer::Choice("may".into()))]);
        let c = Condition::AnyOf { question: "s.c".into(), options: vec!["must".into(), "may".into()] };
        assert!(holds(&c, &a));
        let c = Condition::AnyOf { question: "s.c".into(), options: vec!["must".into()] };
        assert!(!holds(&c, &a));
    }

    #[test]
    fn answered_treats_an_empty_answer_as_none() {
        let a = answers(&[("s.t", Answer::Text("  ".into())), ("s.u", Answer::Text("x".into()))]);
        let answered = |q: &str, yes| Condition::Answered { question: q.into(), answered: yes };
        assert!(!holds(&answered("s.t", true), &a));
        assert!(holds(&answered("s.t", false), &a));
        assert!(holds(&answered("s.u", true), &a));
        assert!(holds(&answered("s.missing", false), &a));
    }

    #[test]
    fn all_any_and_not_combine() {
        let a = answers(&[("s.c", Answer::Choice("x".into()))]);
        let yes = is("s.c", "x");
        let no = is("s.c", "y");
        assert!(holds(&Condition::All(vec![yes.clone(), yes.clone()]), &a));
        assert!(!holds(&Condition::All(vec![yes.clone(), no.clone()]), &a));
        assert!(holds(&Condition::Any(vec![no.clone(), yes.clone()]), &a));
        assert!(!holds(&Condition::Any(vec![no.clone()]), &a));
        assert!(holds(&Condition::Not(Box::new(no)), &a));
        assert!(!holds(&Condition::Not(Box::new(yes)), &a));
    }

    #[test]
    fn other_text_is_not_an_option() {
        let a = answers(&[("s.c", Answer::ChoiceOther("x".into()))]);
        assert!(!holds(&is("s.c", "x"), &a));
        assert!(holds(&Condition::Answered { question: "s.c".into(), answered: true }, &a));
    }
}
