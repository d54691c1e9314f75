//! Plain full names: « Camille Roux », "Jack Turner", « DUPONT Camille ».
//!
//! A first name from a shipped list (see `data/README.md`) next to a
//! capitalised word that could be a surname. A first name alone is not
//! reported ("Camille est venue" is how pseudonyms look too), nor a name in
//! lowercase, nor a first name followed by an initial (« Camille R. », the
//! recommended pseudonymisation). Precision first, as everywhere in the lint:
//! the word before a name may say it names a place or a law (« lycée Victor
//! Hugo », « loi Jules Ferry »), and first names that are also everyday
//! capitalised words are set aside.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{FindingKind, NOT_A_NAME, skip_spaces, word_end};

const LISTS: [&str; 2] =
    [include_str!("../../data/first-names.txt"), include_str!("../../data/extra-first-names.txt")];

/// First names of the lists that are far more often something else when
/// capitalised: a feast (Noël, Pâques), a country or a public body (France
/// of « France Travail »), a month or an English word that opens sentences
/// (Will, May, June, Grace, Hope, Guy…), a particle or a very short word
/// (El, Bo, Us, Man…), or a "Saint" of a place name.
const NOT_FIRST_NAMES: &str = "noël noel pâques france justice prince princesse will may june april august avril \
    mai juin grace hope faith joy rose page dean major duke king rich sterling summer autumn winter dawn chance \
    patience prudence constance fleur blanche bo el ibn us man mad sad toy jet job lot fem sep mar don bas che \
    guy ray sol ion dom eve saint sainte santa santo san sun star sky ocean river honor honour liberty \
    christian angel bill mark art earl";

/// Words that open the name of a place, a building, a law or a body: a
/// person's name after them names that thing, not someone in a trail.
const PLACE_WORDS: &str = "loi lycée lycee collège college école ecole rue avenue boulevard bd place allée allee \
    impasse quai square cours chemin route hôpital hopital clinique centre center chu ch stade gymnase gare \
    station métro metro résidence residence cité cite quartier foyer maison fondation institut association prix \
    pont parc jardin musée musee bibliothèque bibliotheque médiathèque mediatheque salle espace aéroport aeroport \
    saint sainte st ste hospital school street road university foundation trust park bridge law act avenue \
    promenade esplanade fort théâtre theatre cinéma cinema établissement etablissement ehpad groupe scolaire \
    campus amphithéâtre amphi pavillon bâtiment batiment tour villa domaine clos hameau lieu-dit";

/// Capitalised words that follow a first name without being a surname: days,
/// months, places and bodies, and acronyms of social work.
const NOT_SURNAMES: &str = "lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday \
    thursday friday saturday sunday january february march april may june july august september october \
    november december street road avenue station hospital court school college university park house centre \
    center hall square bridge council trust primary secondary academy junior nursery infant grammar nationale national travail services service sociale social \
    caf ase pmi chrs ccas mdph cpam rsa aah apl pjj spip jaf aemo aed crip odpe mecs itep ime esat ehpad samu \
    smur chu cmp cmpp sessad udaf anas casf csp cpp cnil rgpd mna cdas ssd cesf tisf sdf pch apa hlm siao cada \
    ofii ofpra ame css nhs dwp sen ehcp camhs gp cps cafcass lado mash uk usa eu un ok tv";

static FIRST_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let set_aside: HashSet<&str> = NOT_FIRST_NAMES.split_whitespace().collect();
    LISTS
        .iter()
        .flat_map(|list| list.lines())
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .filter(|name| name.chars().count() >= 2 && !set_aside.contains(name.as_str()))
        .collect()
});
static PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| PLACE_WORDS.split_whitespace().collect());
static NOT_SURNAME: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_SURNAMES.split_whitespace().collect());

/// Particles inside a surname: « Marie de La Tour », "Vincent van Gogh".
const PARTICLES: [&str; 14] =
    ["de", "du", "des", "le", "la", "van", "von", "der", "den", "di", "da", "del", "ben", "bin"];

/// One word of the text, and whether it is joined to the next one by
/// horizontal spaces only (no comma, no full stop, no line break).
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    joined: bool,
}

/// Every plain full name in `text`, as spans for [`super::scan`].
pub(super) fn find(text: &str, out: &mut Vec<(usize, usize, FindingKind)>) {
    let words = split(text);
    let mut i = 0;
    while i < words.len() {
        let found = first_then_surname(text, &words, i).or_else(|| surname_then_first(text, &words, i));
        match found {
            Some(last) => {
                out.push((words[i].start, words[last].end, FindingKind::NamedPerson));
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

fn split(text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(c) = text[pos..].chars().next() else { break };
        if !c.is_alphanumeric() {
            pos += c.len_utf8();
            continue;
        }
        let end = word_end(text, pos).max(pos + c.len_utf8());
        if let Some(last) = words.last_mut() {
            last.joined = skip_spaces(text, last.end) == Some(pos);
        }
        words.push(Word { start: pos, end, joined: false });
        pos = end;
    }
    words
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn all_caps(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

/// A capitalised first name of the lists; « Jean-Pierre » when each part is one.
fn is_first_name(word: &str) -> bool {
    if !capitalised(word) || word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let lower = word.to_lowercase();
    FIRST_NAMES.contains(&lower) || (lower.contains('-') && lower.split('-').all(|p| FIRST_NAMES.contains(p)))
}

/// A capitalised word that may be a surname: two letters or more, not
/// initials, not a word of the stop lists.
fn is_surname(word: &str) -> bool {
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let lower = word.to_lowercase();
    capitalised(word)
        && letters >= 2
        && letters == word.chars().filter(|c| c.is_alphanumeric()).count()
        && !(letters <= 2 && all_caps(word))
        && !NOT_A_NAME.contains(lower.as_str())
        && !NOT_SURNAME.contains(lower.as_str())
}

fn text_of<'t>(text: &'t str, w: &Word) -> &'t str {
    &text[w.start..w.end]
}

/// Whether the word before `i` says the name is a place's or a law's.
fn after_place_word(text: &str, words: &[Word], i: usize) -> bool {
    i > 0 && words[i - 1].joined && PLACES.contains(text_of(text, &words[i - 1]).to_lowercase().as_str())
}

/// « Camille Roux », « Marie de La Tour », "Jack Turner": the index of the
/// name's last word.
fn first_then_surname(text: &str, words: &[Word], i: usize) -> Option<usize> {
    if !is_first_name(text_of(text, &words[i])) || after_place_word(text, words, i) {
        return None;
    }
    let mut j = i;
    // Particles, then the surname proper: « de La Tour », « Le Gall ».
    while words[j].joined
        && j + 1 < words.len()
        && PARTICLES.contains(&text_of(text, &words[j + 1]).to_lowercase().as_str())
        && j - i < 3
    {
        j += 1;
    }
    if !words[j].joined || j + 1 >= words.len() || !is_surname(text_of(text, &words[j + 1])) {
        // « Marie Le » at the end: a particle is not a surname; "Le" is.
        return (j > i && is_surname(text_of(text, &words[j]))).then_some(j);
    }
    j += 1;
    // "Marie Claire Dupont": one more capitalised name.
    if words[j].joined && j + 1 < words.len() && is_surname(text_of(text, &words[j + 1])) {
        j += 1;
    }
    // "Victoria Park Road", « Jean Moulin Lycée »: the name of a place.
    let place_after = words[j].joined
        && words.get(j + 1).is_some_and(|w| {
            let lower = text_of(text, w).to_lowercase();
            PLACES.contains(lower.as_str()) || NOT_SURNAME.contains(lower.as_str())
        });
    (!place_after).then_some(j)
}

/// « DUPONT Camille », as forms and lists write it: a surname in capitals
/// (three letters or more, not an acronym of the stop list), then a first name.
fn surname_then_first(text: &str, words: &[Word], i: usize) -> Option<usize> {
    let surname = text_of(text, &words[i]);
    let ok = surname.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && all_caps(surname)
        && is_surname(surname)
        && words[i].joined
        && i + 1 < words.len()
        && is_first_name(text_of(text, &words[i + 1]))
        && !all_caps(text_of(text, &words[i + 1]));
    ok.then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|(s, e, _)| &text[s..e]).collect()
    }

    #[test]
    fn a_first_name_beside_a_capitalised_word_is_a_full_name() {
        assert_eq!(names("J'ai reçu Camille Roux ce matin."), ["Camille Roux"]);
        assert_eq!(names("Jack Turner called."), ["Jack Turner"]);
        assert_eq!(
            names("avec Marie de La Tour et Jean-Pierre Dupont"),
            ["Marie de La Tour", "Jean-Pierre Dupont"]
        );
        assert_eq!(names("Fiche : DUPONT Camille, 12 ans"), ["DUPONT Camille"]);
        assert_eq!(names("Camille ROUX est venue"), ["Camille ROUX"]);
        assert_eq!(names("Léa Martin"), ["Léa Martin"]);
    }

    #[test]
    fn what_is_not_a_full_name_stays_quiet() {
        for text in [
            "Camille est venue seule.",
            "Camille R. est venue seule.",
            "camille roux est venue.",
            "Le juge des enfants a été saisi.",
            "La CAF a suspendu les droits.",
            "À Noël, Marie viendra.",
            "Noël Approche",
            "L'Aide sociale à l'enfance a été informée.",
            "Le Code pénal punit la violation du secret.",
            "Il est inscrit au lycée Victor Hugo.",
            "La loi Jules Ferry rend l'école obligatoire.",
            "Inscrite à France Travail depuis mars.",
            "Will Social Services call back?",
            "I saw Emma, Paul and Léa.",
            "Camille. Martin viendra demain.",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
