//! The handout's conditions in words: « À remplir si vous avez répondu
//! « Oui » à 5.1 », "Answer if you answered “Yes” to 5.1".

use super::Lang;
use crate::grid::shape::{Form, Target, Test};

impl Lang {
    fn condition_opening(self, target: Target) -> &'static str {
        match target {
            Target::Step => self.pick("Étape à suivre si ", "Follow this step if "),
            Target::Question => self.pick("À remplir si ", "Answer if "),
            Target::Note => self.pick("À lire si ", "Read this if "),
        }
    }

    /// « a, b et c », "a, b and c" (`and`), or with « ou » / "or".
    fn listing(self, items: &[String], and: bool) -> String {
        let word = match (self, and) {
            (Lang::Fr, true) => " et ",
            (Lang::Fr, false) => " ou ",
            (Lang::En, true) => " and ",
            (Lang::En, false) => " or ",
        };
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}{word}{last}", rest.join(", ")),
        }
    }

    fn condition_test(self, test: &Test) -> String {
        match test {
            Test::Answered { numbers, yes: true, all } => {
                let which = self.listing(numbers, *all);
                self.pick(format!("vous avez répondu à {which}"), format!("you answered {which}"))
            }
            // "Left unanswered" rather than "did not answer 3.1 or 5.1",
            // which could be read as "neither".
            Test::Answered { numbers, yes: false, all } => {
                let which = self.listing(numbers, *all);
                self.pick(
                    format!("vous avez laissé {which} sans réponse"),
                    format!("you left {which} unanswered"),
                )
            }
            Test::Chose { numbers, labels, multi, negated, all } => {
                let number = self.listing(numbers, *all);
                let quoted: Vec<String> = labels.iter().map(|l| self.quote(l)).collect();
                let (fr_verb, en_verb, en_prep) =
                    if *multi { ("coché", "ticked", "at") } else { ("répondu", "answered", "to") };
                match (negated, quoted.len()) {
                    (false, _) => {
                        let (subject, rest) = self.chose_parts(test).expect("a positive choice");
                        format!("{subject}{rest}")
                    }
                    (true, 1) => self.pick(
                        format!("vous n'avez pas {fr_verb} {} à {number}", quoted[0]),
                        format!(
                            "you did not {} {} {en_prep} {number}",
                            if *multi { "tick" } else { "answer" },
                            quoted[0]
                        ),
                    ),
                    (true, 2) => self.pick(
                        format!("vous n'avez {fr_verb} ni {} ni {} à {number}", quoted[0], quoted[1]),
                        format!("you {en_verb} neither {} nor {} {en_prep} {number}", quoted[0], quoted[1]),
                    ),
                    (true, _) => {
                        let ni: Vec<String> = quoted.iter().map(|q| format!("ni {q}")).collect();
                        self.pick(
                            format!("vous n'avez {fr_verb} {} à {number}", ni.join(" ")),
                            format!(
                                "you {en_verb} none of {} {en_prep} {number}",
                                self.listing(&quoted, false)
                            ),
                        )
                    }
                }
            }
        }
    }

    /// A positive choice test as its subject (« vous avez répondu ») and
    /// the rest (« « Oui » à 5.1 »), so that a list says the subject once.
    fn chose_parts(self, test: &Test) -> Option<(String, String)> {
        let Test::Chose { numbers, labels, multi, negated: false, all } = test else { return None };
        let number = self.listing(numbers, *all);
        let quoted: Vec<String> = labels.iter().map(|l| self.quote(l)).collect();
        let (fr_verb, en_verb, en_prep) =
            if *multi { ("coché", "ticked", "at") } else { ("répondu", "answered", "to") };
        let listed = self.listing(&quoted, false);
        Some(self.pick(
            (format!("vous avez {fr_verb} "), format!("{listed} à {number}")),
            (format!("you {en_verb} "), format!("{listed} {en_prep} {number}")),
        ))
    }

    /// One part of a list: a test, or a list of tests one level down.
    fn condition_part(self, form: &Form) -> String {
        match form {
            Form::Test(t) => self.condition_test(t),
            // « vous avez répondu « A » à 2.5, « Oui » à 6.1 et … »: the
            // subject is said once for the choices that follow each other.
            Form::All(parts) => {
                let mut words: Vec<String> = Vec::new();
                let mut last_subject: Option<String> = None;
                for p in parts {
                    let split = match p {
                        Form::Test(t) => self.chose_parts(t),
                        _ => None,
                    };
                    match split {
                        Some((subject, rest)) if last_subject.as_ref() == Some(&subject) => words.push(rest),
                        Some((subject, rest)) => {
                            words.push(format!("{subject}{rest}"));
                            last_subject = Some(subject);
                        }
                        None => {
                            words.push(self.condition_part(p));
                            last_subject = None;
                        }
                    }
                }
                self.listing(&words, true)
            }
            // « … et soit A, soit B », "… and either A or B".
            Form::Any(parts) => {
                let words: Vec<String> = parts.iter().map(|p| self.condition_part(p)).collect();
                match self {
                    Lang::Fr => words.iter().map(|w| format!("soit {w}")).collect::<Vec<_>>().join(", "),
                    Lang::En => format!("either {}", self.listing(&words, false)),
                }
            }
        }
    }

    /// A condition in its plain shape (at most two levels), as one sentence.
    pub fn condition_sentence(self, target: Target, form: &Form) -> String {
        let body = match form {
            // « si A, ou si B et C »: each alternative gets its own « si ».
            Form::Any(parts) => {
                let words: Vec<String> = parts.iter().map(|p| self.condition_part(p)).collect();
                words.join(self.pick(", ou si ", ", or if "))
            }
            other => self.condition_part(other),
        };
        format!("{}{body}", self.condition_opening(target))
    }

    /// A condition too long or too deep to read: the questions it depends on.
    pub fn condition_described(self, target: Target, numbers: &[String]) -> String {
        let opening = match target {
            Target::Step => self.pick("Étape à suivre selon ", "Follow this step depending on "),
            Target::Question => self.pick("À remplir selon ", "Answer depending on "),
            Target::Note => self.pick("À lire selon ", "Read this depending on "),
        };
        let which = self.listing(numbers, true);
        if numbers.len() == 1 {
            format!("{opening}{}{which}", self.pick("votre réponse à ", "your answer to "))
        } else {
            format!("{opening}{}{which}", self.pick("vos réponses à ", "your answers to "))
        }
    }
}
