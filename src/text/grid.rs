//! Messages about grids: validation problems, lists, handouts.

use std::path::Path;

use super::Lang;
use crate::grid::{Expected, Kind, Place, Problem, ProblemKind};

impl Lang {
    /// One line: `FILE:LINE:COLUMN: error: WHAT`, in French `erreur :` as
    /// compilers localised to French write it; the `FILE:LINE:COLUMN:`
    /// prefix stays, so that editors can jump to the line.
    pub fn problem_line(self, file: &str, p: &Problem) -> String {
        format!("{file}:{}:{}: {} {}", p.pos.line, p.pos.column, self.error_word(), self.problem(p))
    }

    /// The word that marks a problem's line: `error:` / `erreur :`.
    pub fn error_word(self) -> &'static str {
        self.pick("erreur :", "error:")
    }

    pub fn problem(self, p: &Problem) -> String {
        let what = self.problem_kind(&p.kind);
        match self.place(&p.place) {
            Some(place) => format!("{what} ({place})"),
            None => what,
        }
    }

    fn place(self, place: &Place) -> Option<String> {
        let q = |s: &str| self.quote(s);
        Some(match place {
            Place::File => return None,
            Place::Grid => self.pick("dans [grid]".into(), "in [grid]".into()),
            Place::Step(s) => self.pick(format!("étape {}", q(s)), format!("step {}", q(s))),
            Place::Question(s, qu) => self.pick(
                format!("étape {}, question {}", q(s), q(qu)),
                format!("step {}, question {}", q(s), q(qu)),
            ),
            Place::Option(s, qu, o) => self.pick(
                format!("étape {}, question {}, option {}", q(s), q(qu), q(o)),
                format!("step {}, question {}, option {}", q(s), q(qu), q(o)),
            ),
            Place::Reference(s, n) => self
                .pick(format!("étape {}, référence n° {n}", q(s)), format!("step {}, reference #{n}", q(s))),
        })
    }

    fn expected(self, e: Expected) -> &'static str {
        match e {
            Expected::String => self.pick("une chaîne de caractères", "a string"),
            Expected::Integer => self.pick("un nombre entier", "a whole number"),
            Expected::Boolean => self.pick("true ou false", "true or false"),
            Expected::Table => self.pick("une table", "a table"),
            Expected::ArrayOfTables => self.pick("une liste de tables", "an array of tables"),
            Expected::ArrayOfStrings => self.pick("une liste de chaînes", "an array of strings"),
            Expected::Condition => self.pick(
                "une condition (table en ligne, par exemple { question = \"etape.question\", is = \"option\" })",
                "a condition (an inline table such as { question = \"step.question\", is = \"option\" })",
            ),
            Expected::ConditionList => self.pick("une liste de conditions", "an array of conditions"),
        }
    }

    fn problem_kind(self, k: &ProblemKind) -> String {
        let q = |s: &str| self.quote(s);
        let versions = {
            let all: Vec<String> = crate::grid::FORMATS.iter().map(|f| f.to_string()).collect();
            match all.split_last() {
                Some((last, [])) => format!("{} {last}", self.pick("le format", "format")),
                Some((last, rest)) => {
                    format!(
                        "{} {} {} {last}",
                        self.pick("les formats", "formats"),
                        rest.join(", "),
                        self.pick("et", "and")
                    )
                }
                None => String::new(),
            }
        };
        match k {
            ProblemKind::Unreadable(e) => {
                let e = self.io_kind(*e);
                self.pick(format!("lecture impossible : {e}"), format!("cannot be read: {e}"))
            }
            ProblemKind::NotAFile => self.pick(
                "ce n'est pas un fichier ordinaire (un tube, un terminal ou un dossier ?) : il n'est pas lu".into(),
                "this is not a regular file (a pipe, a terminal or a folder?): it is not read".into(),
            ),
            ProblemKind::NotUtf8 => self.pick(
                "le fichier n'est pas en UTF-8 ; enregistrez-le en UTF-8 depuis votre éditeur".into(),
                "the file is not UTF-8; save it as UTF-8 from your editor".into(),
            ),
            ProblemKind::Empty => self.pick(
                "le fichier est vide ; `discern grid new ID` crée une grille de départ".into(),
                "the file is empty; `discern grid new ID` writes a starter grid".into(),
            ),
            ProblemKind::TooLarge { bytes, limit } => self.pick(
                format!("le fichier est trop gros ({} Ko, au plus {} Ko)", bytes / 1024, limit / 1024),
                format!("the file is too large ({} KB, at most {} KB)", bytes / 1024, limit / 1024),
            ),
            ProblemKind::More { count: 1 } => self.pick("… et 1 autre problème".into(), "… and 1 more problem".into()),
            ProblemKind::More { count } => self.pick(
                format!("… et {} autres problèmes", self.thousands(*count)),
                format!("… and {} more problems", self.thousands(*count)),
            ),
            ProblemKind::TooManyItems { limit } => {
                let limit = self.thousands(*limit);
                self.pick(
                    format!(
                        "le fichier contient plus de {limit} clés, valeurs et tables, bien plus qu’aucune grille : est-ce le bon fichier ?"
                    ),
                    format!(
                        "the file holds more than {limit} keys, values and tables, far more than any grid: is this the right file?"
                    ),
                )
            }
            ProblemKind::Syntax(m) => {
                self.pick(format!("syntaxe TOML : {}", toml_message_fr(m)), format!("TOML syntax: {m}"))
            }
            ProblemKind::UnsupportedFormat(v) => self.pick(
                format!("format {v} non pris en charge ; cette version lit {versions}"),
                format!("unsupported format {v}; this version reads {versions}"),
            ),
            ProblemKind::UnknownKey { key, suggestion: Some(s) } => self.pick(
                format!("clé inconnue {} (vouliez-vous écrire {} ?)", q(key), q(s)),
                format!("unknown key {} (did you mean {}?)", q(key), q(s)),
            ),
            ProblemKind::UnknownKey { key, suggestion: None } => {
                self.pick(format!("clé inconnue {}", q(key)), format!("unknown key {}", q(key)))
            }
            ProblemKind::KeyNotForKind { key, kind } => self.pick(
                format!("la clé {} ne sert pas à une question de type {}", q(key), kind.as_str()),
                format!("the key {} does not apply to a {} question", q(key), kind.as_str()),
            ),
            ProblemKind::MissingKey(key) => {
                self.pick(format!("clé obligatoire absente : {}", q(key)), format!("missing required key {}", q(key)))
            }
            ProblemKind::WrongType { key, expected } => self.pick(
                format!("{} doit être {}", q(key), self.expected(*expected)),
                format!("{} must be {}", q(key), self.expected(*expected)),
            ),
            ProblemKind::BadGridId(id) => self.pick(
                format!("l'identifiant {} ne suit pas le modèle [a-z0-9][a-z0-9-]*", q(id)),
                format!("the id {} does not follow the pattern [a-z0-9][a-z0-9-]*", q(id)),
            ),
            ProblemKind::BadId(id) => self.pick(
                format!("l'identifiant {} ne suit pas le modèle [a-z0-9_-]+", q(id)),
                format!("the id {} does not follow the pattern [a-z0-9_-]+", q(id)),
            ),
            ProblemKind::BadOptionId(id) => self.pick(
                format!("l'identifiant d'option {} est vide, ou commence ou finit par une espace", q(id)),
                format!("the option id {} is empty or starts or ends with a space", q(id)),
            ),
            ProblemKind::DuplicateId(id) => {
                self.pick(format!("l'identifiant {} est répété", q(id)), format!("the id {} is repeated", q(id)))
            }
            ProblemKind::UnknownKind { kind, date: false } => self.pick(
                format!("type de question inconnu {} (text, choice, multi, scale ou note)", q(kind)),
                format!("unknown question kind {} (text, choice, multi, scale or note)", q(kind)),
            ),
            ProblemKind::UnknownKind { kind, date: true } => self.pick(
                format!("type de question inconnu {} (text, choice, multi, scale, note ou date)", q(kind)),
                format!("unknown question kind {} (text, choice, multi, scale, note or date)", q(kind)),
            ),
            ProblemKind::TooFewOptions => self.pick(
                "une question choice ou multi demande au moins deux options".into(),
                "a choice or multi question needs at least two options".into(),
            ),
            ProblemKind::ScaleBounds { min, max } => self.pick(
                format!("échelle : min ({min}) doit être plus petit que max ({max})"),
                format!("scale: min ({min}) must be less than max ({max})"),
            ),
            ProblemKind::ScaleTooWide { min, max } => self.pick(
                format!("échelle : de {min} à {max}, c'est plus de 11 valeurs"),
                format!("scale: {min} to {max} is more than 11 values"),
            ),
            ProblemKind::NoSteps => {
                self.pick("la grille n'a aucune étape".into(), "the grid has no step".into())
            }
            ProblemKind::BadQuestionName(name) => self.pick(
                format!("{} n'est pas un nom de question de la forme etape.question", q(name)),
                format!("{} is not a question name of the form step.question", q(name)),
            ),
            ProblemKind::UnknownQuestion(name) => {
                self.pick(format!("la question {} n'existe pas", q(name)), format!("no question named {}", q(name)))
            }
            ProblemKind::LaterQuestion(name) => self.pick(
                format!("la condition nomme {}, qui ne vient pas avant elle ; une condition ne peut porter que sur une question antérieure", q(name)),
                format!("the condition names {}, which does not come before it; a condition may only name an earlier question", q(name)),
            ),
            ProblemKind::OutcomeKind { question, kind } => self.pick(
                format!("outcome nomme {}, de type {} ; il faut une question choice ou text", q(question), kind.as_str()),
                format!("outcome names {}, a {} question; it must be a choice or text question", q(question), kind.as_str()),
            ),
            ProblemKind::ConditionKind { question, kind, test } => match kind {
                Kind::Note => self.pick(
                    format!("{} est une note : elle ne reçoit pas de réponse, « {test} » ne peut pas la tester", q(question)),
                    format!("{} is a note: it takes no answer, so “{test}” cannot test it", q(question)),
                ),
                Kind::Date => self.pick(
                    format!("{} est une question date : une condition ne peut la tester qu'avec answered", q(question)),
                    format!("{} is a date question: a condition may test it only with answered", q(question)),
                ),
                _ => self.pick(
                    format!("« {test} » ne s'applique qu'à une question choice ou multi ; {} est de type {}", q(question), kind.as_str()),
                    format!("“{test}” applies only to a choice or multi question; {} is a {} question", q(question), kind.as_str()),
                ),
            },
            ProblemKind::UnknownOption { question, option } => self.pick(
                format!("la question {} n'a pas d'option {}", q(question), q(option)),
                format!("the question {} has no option {}", q(question), q(option)),
            ),
            ProblemKind::ConditionForm => self.pick(
                "une condition prend une seule forme : question avec is, any_of ou answered ; ou all, any, not".into(),
                "a condition takes exactly one form: question with is, any_of or answered; or all, any, not".into(),
            ),
            ProblemKind::ConditionEmptyList(key) => self.pick(
                format!("« {key} » demande au moins une condition"),
                format!("“{key}” needs at least one condition"),
            ),
            ProblemKind::ConditionNoOption => self.pick(
                "« any_of » demande au moins une option".into(),
                "“any_of” needs at least one option".into(),
            ),
            ProblemKind::NeedsFormat2(key) => self.pick(
                format!("{key} demande le format 2 : écrivez format = 2 en tête du fichier"),
                format!("{key} needs format 2: write format = 2 at the top of the file"),
            ),
            ProblemKind::ExclusiveNotHere => self.pick(
                "exclusive ne se met que sur une option d'une question multi".into(),
                "exclusive belongs only on an option of a multi question".into(),
            ),
            ProblemKind::DateBounds { min, max } => self.pick(
                format!("min_days ({min}) vient après max_days ({max})"),
                format!("min_days ({min}) comes after max_days ({max})"),
            ),
            ProblemKind::DateBoundFar { key, days } => {
                let most = self.thousands(crate::grid::date::MAX_DATE_BOUND as usize);
                self.pick(
                    format!("{key} ({days}) porte à plus de {most} jours du jour de la réponse : aucune date ne se saisit si loin"),
                    format!("{key} ({days}) reaches more than {most} days from the day of the answer: no date can be typed that far"),
                )
            }
        }
    }
}

/// The handout.
impl Lang {
    pub fn handout_grid_line(self, id: &str, version: &str, language: &str) -> String {
        self.pick(
            format!("Grille {id}, version {version}, langue {language}"),
            format!("Grid {id}, version {version}, language {language}"),
        )
    }

    pub fn handout_source(self, source: &str) -> String {
        self.pick(format!("Source : {source}"), format!("Source: {source}"))
    }

    pub fn handout_authors(self, authors: &str) -> String {
        self.pick(format!("Auteurs : {authors}"), format!("Authors: {authors}"))
    }

    pub fn handout_license(self, license: &str) -> String {
        self.pick(format!("Licence : {license}"), format!("License: {license}"))
    }

    pub fn handout_footer(self) -> &'static str {
        self.pick(
            "Une grille est un support de réflexion, pas un avis juridique. Rien n'y est obligatoire : passez ce qui ne s'applique pas.",
            "A grid is a support for thinking, not legal advice. Nothing in it is mandatory: skip what does not apply.",
        )
    }

    pub fn important(self) -> &'static str {
        self.pick("important", "important")
    }

    pub fn references(self) -> &'static str {
        self.pick("Références", "References")
    }

    pub fn other_label(self) -> &'static str {
        self.pick("Autre :", "Other:")
    }
}

/// `discern grid …`
impl Lang {
    pub fn origin_shipped(self) -> String {
        self.pick("fournie".into(), "shipped".into())
    }

    pub fn replaced_by_user_grid(self) -> &'static str {
        self.pick("remplacée par une de vos grilles", "replaced by one of your grids")
    }

    pub fn replaces_shipped_grid(self) -> &'static str {
        self.pick("remplace la grille fournie", "replaces the shipped grid")
    }

    pub fn broken(self) -> &'static str {
        self.pick("INUTILISABLE", "BROKEN")
    }

    /// A count with its thousands apart: « 39 800 », "39,800".
    pub fn thousands(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = self.pick(" ", ",");
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(d);
        }
        out
    }

    pub fn broken_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 1) => "1 erreur".into(),
            (Lang::Fr, n) => format!("{n} erreurs"),
            (Lang::En, 1) => "1 error".into(),
            (Lang::En, n) => format!("{n} errors"),
        }
    }

    pub fn grid_has_errors(self, file: &str) -> String {
        self.pick(
            format!("la grille {file} a des erreurs et ne peut pas servir ; `discern grid check {file}` les détaille :"),
            format!("the grid {file} has errors and cannot be used; `discern grid check {file}` lists them:"),
        )
    }

    pub fn no_such_grid(self, id: &str, known: &[String]) -> String {
        self.pick(
            format!(
                "aucune grille {} ; grilles disponibles : {} (`discern grid list`)",
                self.quote(id),
                known.join(", ")
            ),
            format!(
                "no grid {}; available grids: {} (`discern grid list`)",
                self.quote(id),
                known.join(", ")
            ),
        )
    }

    pub fn bad_new_grid_id(self, id: &str) -> String {
        self.pick(
            format!("{} ne peut pas servir d'identifiant : lettres minuscules, chiffres et tirets, par exemple « ma-grille »", self.quote(id)),
            format!("{} cannot be an id: lowercase letters, digits and dashes, such as “my-grid”", self.quote(id)),
        )
    }

    pub fn grid_exists(self, path: &Path) -> String {
        self.pick(
            format!(
                "{} existe déjà ; il n'a pas été modifié (choisissez un autre identifiant)",
                path.display()
            ),
            format!("{} already exists; it was left as it is (choose another id)", path.display()),
        )
    }
}

/// The TOML parser's message in French: its description from a table of
/// the parser's own phrases, and what it expected. A phrase not in the
/// table is left as the parser wrote it.
pub(super) fn toml_message_fr(message: &str) -> String {
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let what = TOML_PHRASES.iter().find(|(en, _)| *en == what).map_or(what, |(_, fr)| fr);
    match expected {
        Some(expected) => {
            let expected =
                TOML_EXPECTED.iter().fold(expected.replace(" or ", " ou "), |e, (en, fr)| e.replace(en, fr));
            format!("{what} (attendu : {expected})")
        }
        None => what.to_string(),
    }
}

/// What the parser expected, in French (longest first: they are replaced in turn).
const TOML_EXPECTED: &[(&str, &str)] = &[
    ("non-double-quote visible characters", "des caractères visibles autres que « \" »"),
    ("non-single-quote visible characters", "des caractères visibles autres que « ' »"),
    ("non-single-quote characters", "des caractères autres que « ' »"),
    ("multi-line basic string", "une chaîne sur plusieurs lignes"),
    ("unicode hexadecimal value", "une valeur Unicode hexadécimale"),
    ("printable characters", "des caractères imprimables"),
    ("literal string", "une chaîne entre apostrophes"),
    ("basic string", "une chaîne entre guillemets"),
    ("characters", "des caractères"),
    ("digits", "des chiffres"),
    ("letters", "des lettres"),
    ("numbers", "des nombres"),
    ("value", "une valeur"),
    ("key", "une clé"),
];

/// (the parser's phrase, in French).
const TOML_PHRASES: &[(&str, &str)] = &[
    ("duplicate key", "clé en double"),
    ("unclosed table", "en-tête de table non fermé"),
    ("unclosed array table", "en-tête de tableau de tables non fermé"),
    ("unclosed array", "tableau non fermé"),
    ("unclosed inline table", "table en ligne non fermée"),
    ("invalid basic string", "chaîne entre guillemets non fermée ou invalide"),
    ("invalid literal string", "chaîne entre apostrophes non fermée ou invalide"),
    ("invalid multi-line basic string", "chaîne sur plusieurs lignes non fermée ou invalide"),
    ("invalid multi-line literal string", "chaîne littérale sur plusieurs lignes non fermée ou invalide"),
    ("invalid string", "chaîne invalide"),
    ("invalid key", "clé invalide"),
    ("invalid unquoted key", "clé sans guillemets invalide"),
    ("invalid key-value pair", "paire clé = valeur invalide"),
    ("invalid table", "table invalide"),
    ("invalid inline table element", "élément de table en ligne invalide"),
    ("invalid value", "valeur invalide"),
    ("invalid boolean", "booléen invalide (true ou false)"),
    ("invalid integer number", "nombre entier invalide"),
    ("invalid float", "nombre à virgule invalide"),
    ("invalid fraction", "partie décimale invalide"),
    ("invalid exponent", "exposant invalide"),
    ("invalid mantissa", "mantisse invalide"),
    ("invalid date-time", "date ou heure invalide"),
    ("invalid hexadecimal number", "nombre hexadécimal invalide"),
    ("invalid octal number", "nombre octal invalide"),
    ("invalid binary number", "nombre binaire invalide"),
    ("invalid comment character", "caractère interdit dans un commentaire"),
    ("integer number overflowed", "nombre entier trop grand"),
    ("missing value", "valeur manquante"),
    ("missing value for key", "valeur manquante pour la clé"),
    ("missing assignment between key-value pairs", "signe « = » manquant entre la clé et la valeur"),
    ("missing comma between array elements", "virgule manquante entre les éléments du tableau"),
    ("missing comma between key-value pairs", "virgule manquante entre les paires clé = valeur"),
    ("missing key for inline table element", "clé manquante dans une table en ligne"),
    ("missing opening quote", "guillemet ouvrant manquant"),
    ("missing escaped value", "caractère d'échappement incomplet"),
    ("missing array opening", "crochet ouvrant « [ » manquant"),
    ("missing inline table opening", "accolade ouvrante « { » manquante"),
    ("missing table open", "crochet ouvrant « [ » manquant"),
    ("missing comment start", "début de commentaire « # » manquant"),
    ("extra comma in array", "virgule en trop dans le tableau"),
    ("extra comma in inline table", "virgule en trop dans la table en ligne"),
    ("extra assignment between key-value pairs", "signe « = » en trop"),
    ("extra `=`", "signe « = » en trop"),
    ("unexpected `=` in array", "signe « = » inattendu dans un tableau"),
    ("unexpected content", "contenu inattendu"),
    ("unexpected content between comment and newline", "contenu inattendu après le commentaire"),
    ("unexpected key or value", "clé ou valeur inattendue"),
    ("unexpected leading zero", "zéro en tête inattendu"),
    ("unexpected sign", "signe inattendu"),
    ("string values must be quoted", "un texte doit être entre guillemets"),
    ("carriage return must be followed by newline", "un retour chariot doit être suivi d'un saut de ligne"),
    ("radix must be lowercase", "le préfixe de base doit être en minuscules"),
    (
        "cannot extend value of type array with a dotted key",
        "un tableau ne peut pas être prolongé par une clé pointée",
    ),
    (
        "cannot extend value of type inline table with a dotted key",
        "une table en ligne ne peut pas être prolongée par une clé pointée",
    ),
];

#[cfg(test)]
mod toml_words_tests {
    use super::toml_message_fr;

    #[test]
    fn the_toml_parsers_words_are_told_in_french() {
        assert_eq!(
            toml_message_fr("unclosed table, expected `]`"),
            "en-tête de table non fermé (attendu : `]`)"
        );
        assert_eq!(toml_message_fr("duplicate key"), "clé en double");
        assert_eq!(
            toml_message_fr("invalid basic string, expected `\"`"),
            "chaîne entre guillemets non fermée ou invalide (attendu : `\"`)"
        );
    }
}
