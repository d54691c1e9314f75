//! The translation check's findings in words.

use super::Lang;
use crate::grid::translation::{Drift, DriftKind};

impl Lang {
    /// `B:LINE:COLUMN: error: WHAT` (`erreur :` in French), WHAT naming the
    /// other file and its line.
    pub fn drift_line(self, d: &Drift) -> String {
        format!("{}:{}:{}: {} {}", d.b, d.b_pos.line, d.b_pos.column, self.error_word(), self.drift(d))
    }

    fn drift(self, d: &Drift) -> String {
        let q = |s: &str| self.quote(s);
        let there = format!("{}:{}", d.a, d.a_pos.line);
        let or_none = |v: &Option<String>, none: &str| v.as_deref().map_or(none.to_string(), q);
        let list = |ids: &[String]| ids.iter().map(|i| q(i)).collect::<Vec<_>>().join(", ");
        match &d.kind {
            DriftKind::Outcome { a, b } => self.pick(
                format!("outcome vaut {} ici, {} dans {there}", or_none(b, "rien"), or_none(a, "rien")),
                format!("outcome is {} here, {} in {there}", or_none(b, "nothing"), or_none(a, "nothing")),
            ),
            DriftKind::Step { rank, a, b } => self.pick(
                format!(
                    "l'étape n° {rank} est {} ici, {} dans {there}",
                    or_none(b, "absente"),
                    or_none(a, "absente")
                ),
                format!(
                    "step {rank} is {} here, {} in {there}",
                    or_none(b, "missing"),
                    or_none(a, "missing")
                ),
            ),
            DriftKind::StepCondition { step } => self.pick(
                format!("la condition (when) de l'étape {} n'est pas celle de {there}", q(step)),
                format!("the condition (when) of step {} is not the one in {there}", q(step)),
            ),
            DriftKind::Question { step, rank, a, b } => self.pick(
                format!(
                    "la question n° {rank} de l'étape {} est {} ici, {} dans {there}",
                    q(step),
                    or_none(b, "absente"),
                    or_none(a, "absente")
                ),
                format!(
                    "question {rank} of step {} is {} here, {} in {there}",
                    q(step),
                    or_none(b, "missing"),
                    or_none(a, "missing")
                ),
            ),
            DriftKind::Kind { question, a, b } => self.pick(
                format!("{} est de type {} ici, {} dans {there}", q(question), b.as_str(), a.as_str()),
                format!(
                    "{} is a {} question here, a {} question in {there}",
                    q(question),
                    b.as_str(),
                    a.as_str()
                ),
            ),
            DriftKind::Settings { question } => self.pick(
                format!("{} diffère de {there} par required, other ou ses bornes", q(question)),
                format!("{} differs from {there} in required, other or its bounds", q(question)),
            ),
            DriftKind::QuestionCondition { question } => self.pick(
                format!("la condition (when) de {} n'est pas celle de {there}", q(question)),
                format!("the condition (when) of {} is not the one in {there}", q(question)),
            ),
            DriftKind::Options { question, a, b } => self.pick(
                format!("les options de {} sont {} ici, {} dans {there}", q(question), list(b), list(a)),
                format!("the options of {} are {} here, {} in {there}", q(question), list(b), list(a)),
            ),
            DriftKind::Exclusive { question, option, here: true } => self.pick(
                format!("l'option {} de {} est exclusive ici, pas dans {there}", q(option), q(question)),
                format!("option {} of {} is exclusive here, not in {there}", q(option), q(question)),
            ),
            DriftKind::Exclusive { question, option, here: false } => self.pick(
                format!(
                    "l'option {} de {} n'est pas exclusive ici, elle l'est dans {there}",
                    q(option),
                    q(question)
                ),
                format!("option {} of {} is not exclusive here, but is in {there}", q(option), q(question)),
            ),
        }
    }

    /// Above the drifts `grid list` finds among the user's grids.
    pub fn translations_differ(self) -> &'static str {
        self.pick("Des traductions de vos grilles diffèrent :", "Translations of your grids differ:")
    }
}
