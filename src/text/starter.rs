//! The commented starter grid written by `discern grid new`.

use super::Lang;

const FR: &str = r#"# Grille de départ écrite par `discern grid new`.
# Le format est décrit dans docs/grid-format.fr.md, dans le dépôt de discern
# (chaque clé, chaque sorte de question, les conditions). Vérifiez vos changements avec :
#   discern grid check CE_FICHIER
# Une ligne qui commence par # est un commentaire.

format = 2                       # le format 2 ajoute les options exclusive et les questions date

[grid]
id = "{ID}"                      # lettres minuscules, chiffres, tirets
# Les identifiants (id) sont les mêmes dans chaque langue : seuls les textes se traduisent.
version = "0.1.0"                # changez-la à chaque révision : chaque parcours la garde
language = "fr"
title = "Ma grille de lecture"
summary = "Un paragraphe qui dit à quoi sert la grille, montré au moment de la choisir."
# source = "D'où vient la grille : une intervention, un livre, un texte de loi"
# authors = ["…"]
# license = "CC-BY-4.0"
outcome = "decision.choice"      # la question qui résume un parcours dans les listes

# Chaque [[steps]] est une étape ; ses questions suivent en [[steps.questions]].
[[steps]]
id = "read"
title = "Avant de commencer"
guidance = """
Pseudonymes ou initiales seulement : ni nom, ni adresse, ni date de naissance.

Cette grille est un support de réflexion, pas un avis juridique. Rien n'est obligatoire.
"""

[[steps]]
id = "situation"
title = "La situation"
guidance = "Ce que vous savez, et qui vous demande quoi."

[[steps.questions]]
id = "facts"
kind = "text"                    # text, choice, multi, scale, note ou date
prompt = "Que s'est-il passé ?"
hint = "Les faits, sans nom."
required = true                  # signale une question importante ; rien n'est bloqué

[[steps.questions]]
id = "request"
kind = "choice"
prompt = "Vous demande-t-on de transmettre une information ?"
options = [
  { id = "yes", label = "Oui" },
  { id = "no", label = "Non", hint = "Vous vous posez la question de vous-même." },
]

[[steps]]
id = "asker"
title = "La demande"
# Cette étape n'apparaît que si la réponse à situation.request est « yes ».
when = { question = "situation.request", is = "yes" }

[[steps.questions]]
id = "who"
kind = "multi"
prompt = "Qui vous la demande ?"
options = [
  { id = "colleague", label = "Un ou une collègue" },
  { id = "school", label = "L'école" },
  # exclusive : cocher cette réponse décoche les autres, et inversement.
  { id = "unsure", label = "Je ne sais pas", exclusive = true },
]
other = true                     # ajoute « Autre : … » avec un texte libre

[[steps.questions]]
id = "soundness"
kind = "scale"
prompt = "Cette demande vous paraît-elle fondée ?"
min = 1
max = 5
min_label = "pas du tout"
max_label = "tout à fait"

[[steps.references]]
label = "Code pénal, art. 226-13"
text = "La révélation d'une information à caractère secret par une personne qui en est dépositaire est punie."
url = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006417945"

[[steps]]
id = "decision"
title = "Décision"

[[steps.questions]]
id = "choice"
kind = "choice"
prompt = "Que décidez-vous ?"
options = [
  { id = "share", label = "Je transmets" },
  { id = "not-share", label = "Je ne transmets pas" },
]
other = true

[[steps.questions]]
id = "reasons"
kind = "text"
prompt = "Pour quelles raisons ?"

[[steps.questions]]
id = "revisit"
kind = "date"                    # tapée 15/12/2026, 15/12 ou +7 ; gardée en AAAA-MM-JJ
prompt = "Quand reviendrez-vous sur cette décision ?"
min_days = 0                     # pas dans le passé (max_days borne l'autre côté)
"#;

const EN: &str = r#"# Starter grid written by `discern grid new`.
# The format is described in docs/grid-format.md, in discern's repository
# (every key, every kind of question, conditions). Check your changes with:
#   discern grid check THIS_FILE
# A line that starts with # is a comment.

format = 2                       # format 2 adds exclusive options and date questions

[grid]
id = "{ID}"                      # lowercase letters, digits, dashes
# Ids are the same in every language: only the words are translated.
version = "0.1.0"                # change it at each revision: every trail records it
language = "en"
title = "My reading grid"
summary = "One paragraph on what the grid is for, shown when choosing it."
# source = "Where the grid comes from: a talk, a book, a law"
# authors = ["…"]
# license = "CC-BY-4.0"
outcome = "decision.choice"      # the question that sums a trail up in lists

# Each [[steps]] is a step; its questions follow as [[steps.questions]].
[[steps]]
id = "read"
title = "Before you start"
guidance = """
Pseudonyms or initials only: no name, no address, no date of birth.

This grid is a support for thinking, not legal advice. Nothing is mandatory.
"""

[[steps]]
id = "situation"
title = "The situation"
guidance = "What you know, and who is asking you for what."

[[steps.questions]]
id = "facts"
kind = "text"                    # text, choice, multi, scale, note or date
prompt = "What happened?"
hint = "The facts, without names."
required = true                  # marks an important question; nothing is blocked

[[steps.questions]]
id = "request"
kind = "choice"
prompt = "Are you asked to pass information on?"
options = [
  { id = "yes", label = "Yes" },
  { id = "no", label = "No", hint = "You are asking yourself the question." },
]

[[steps]]
id = "asker"
title = "The request"
# This step is shown only when the answer to situation.request is "yes".
when = { question = "situation.request", is = "yes" }

[[steps.questions]]
id = "who"
kind = "multi"
prompt = "Who is asking?"
options = [
  { id = "colleague", label = "A colleague" },
  { id = "school", label = "The school" },
  # exclusive: ticking this answer unticks the others, and the other way round.
  { id = "unsure", label = "I do not know", exclusive = true },
]
other = true                     # adds "Other: …" with free text

[[steps.questions]]
id = "soundness"
kind = "scale"
prompt = "Does the request seem well founded?"
min = 1
max = 5
min_label = "not at all"
max_label = "entirely"

[[steps.references]]
label = "Code pénal (French criminal code), art. 226-13"
text = "Revealing secret information by a person who holds it through their profession is an offence."
url = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006417945"

[[steps]]
id = "decision"
title = "Decision"

[[steps.questions]]
id = "choice"
kind = "choice"
prompt = "What do you decide?"
options = [
  { id = "share", label = "I pass it on" },
  { id = "not-share", label = "I do not pass it on" },
]
other = true

[[steps.questions]]
id = "reasons"
kind = "text"
prompt = "For what reasons?"

[[steps.questions]]
id = "revisit"
kind = "date"                    # typed 2026-12-15 or +7; kept as YYYY-MM-DD
prompt = "When will you look at this decision again?"
min_days = 0                     # not in the past (max_days bounds the other side)
"#;

impl Lang {
    /// The id of a starter grid when `grid new` is given none.
    pub fn starter_grid_id(self) -> &'static str {
        self.pick("ma-grille", "my-grid")
    }

    pub fn starter_grid(self, id: &str) -> String {
        self.pick(FR, EN).replace("{ID}", id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::translation::{Version, check_all};

    #[test]
    fn the_french_and_english_starters_are_translations_of_each_other() {
        let (fr, en) = (Lang::Fr.starter_grid("x"), Lang::En.starter_grid("x"));
        let (grid_fr, grid_en) = (crate::grid::parse(&fr).unwrap(), crate::grid::parse(&en).unwrap());
        let versions = [
            Version { label: "x.fr.toml".into(), src: &fr, grid: &grid_fr },
            Version { label: "x.en.toml".into(), src: &en, grid: &grid_en },
        ];
        assert_eq!(check_all(&versions), vec![]);
    }
}
