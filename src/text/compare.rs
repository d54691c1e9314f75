//! The words of a comparison that are new with the third version: questions
//! not asked, and versions of one trail. (The older ones are in `general`
//! and `follow_up`.)

use super::Lang;

impl Lang {
    /// A question a participant was never shown, apart from « Sans réponse ».
    pub fn not_asked(self) -> &'static str {
        self.pick("Non posée", "Not asked")
    }

    /// One version of a trail: « 1. Titre, tel qu'il était le 23/11/2026 à
    /// 10:05 (grille version 2.0.0) »; without the title when anonymous.
    pub fn compare_version_line(self, n: usize, title: Option<&str>, when: &str, version: &str) -> String {
        match title {
            Some(title) => self.pick(
                format!("{n}. {title}, tel qu'il était le {when} (grille version {version})"),
                format!("{n}. {title}, as it stood on {when} (grid version {version})"),
            ),
            None => self.pick(
                format!("{n}. Tel qu'il était le {when} (grille version {version})"),
                format!("{n}. As it stood on {when} (grid version {version})"),
            ),
        }
    }

    /// The mark of an answer that changed between versions of one trail.
    pub fn compare_changed(self) -> &'static str {
        self.pick("réponse modifiée", "changed")
    }

    /// How many answers changed between versions, how many did not, and how
    /// to see those left out.
    pub fn compare_changes(self, changed: usize, unchanged: usize, all: bool) -> String {
        let hint = match (all, unchanged) {
            (true, _) | (_, 0) => String::new(),
            (false, 1) => self.pick(" (--all l'affiche)", " (--all shows it)").to_string(),
            (false, _) => self.pick(" (--all les affiche)", " (--all shows them)").to_string(),
        };
        match self {
            Lang::Fr => {
                let unchanged_words =
                    if unchanged == 1 { "1 réponse".to_string() } else { format!("{unchanged} réponses") };
                match (changed, unchanged) {
                    (0, _) if all => format!("Aucune réponse n'a changé ({unchanged_words})."),
                    (0, 1) => format!("Aucune réponse n'a changé ({unchanged_words} ; --all l'affiche)."),
                    (0, _) => format!("Aucune réponse n'a changé ({unchanged_words} ; --all les affiche)."),
                    (1, 0) => "1 réponse a changé.".to_string(),
                    (n, 0) => format!("{n} réponses ont changé."),
                    (1, 1) => format!("1 réponse a changé ; 1 n'a pas changé{hint}."),
                    (1, u) => format!("1 réponse a changé ; {u} n'ont pas changé{hint}."),
                    (n, 1) => format!("{n} réponses ont changé ; 1 n'a pas changé{hint}."),
                    (n, u) => format!("{n} réponses ont changé ; {u} n'ont pas changé{hint}."),
                }
            }
            Lang::En => {
                let unchanged_words =
                    if unchanged == 1 { "1 answer".to_string() } else { format!("{unchanged} answers") };
                let answers = |n: usize| if n == 1 { "1 answer".to_string() } else { format!("{n} answers") };
                match (changed, unchanged) {
                    (0, _) if all => format!("No answer changed ({unchanged_words})."),
                    (0, 1) => format!("No answer changed ({unchanged_words}; --all shows it)."),
                    (0, _) => format!("No answer changed ({unchanged_words}; --all shows them)."),
                    (n, 0) => format!("{} changed.", answers(n)),
                    (n, u) => format!("{} changed; {u} did not{hint}.", answers(n)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_counted_in_words_with_the_right_plurals() {
        assert_eq!(
            Lang::Fr.compare_changes(2, 31, false),
            "2 réponses ont changé ; 31 n'ont pas changé (--all les affiche)."
        );
        assert_eq!(
            Lang::Fr.compare_changes(1, 1, false),
            "1 réponse a changé ; 1 n'a pas changé (--all l'affiche)."
        );
        assert_eq!(Lang::Fr.compare_changes(2, 31, true), "2 réponses ont changé ; 31 n'ont pas changé.");
        assert_eq!(
            Lang::Fr.compare_changes(0, 5, false),
            "Aucune réponse n'a changé (5 réponses ; --all les affiche)."
        );
        assert_eq!(Lang::Fr.compare_changes(0, 5, true), "Aucune réponse n'a changé (5 réponses).");
        assert_eq!(Lang::En.compare_changes(1, 0, false), "1 answer changed.");
        assert_eq!(
            Lang::En.compare_changes(2, 31, false),
            "2 answers changed; 31 did not (--all shows them)."
        );
        assert_eq!(Lang::En.compare_changes(0, 1, false), "No answer changed (1 answer; --all shows it).");
    }
}
