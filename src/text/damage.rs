//! What is wrong with a damaged trail file: where, which key, and what
//! discern writes there. Never the value, nor the line: they may hold
//! confidential text.

use crate::grid::Pos;
use crate::lang::Lang;
use crate::trail::{Damage, ValueKind};

impl Lang {
    pub fn damage(self, at: Option<&Pos>, key: Option<&str>, damage: &Damage) -> String {
        let place = match at {
            Some(at) => self.pick(
                format!("contenu invalide ligne {}, colonne {} : ", at.line, at.column),
                format!("invalid content at line {}, column {}: ", at.line, at.column),
            ),
            None => self.pick("contenu invalide : ", "invalid content: ").to_string(),
        };
        let subject = key.map_or_else(|| self.pick("une clé", "a key").to_string(), |k| format!("`{k}`"));
        let what = match damage {
            Damage::Syntax(words) => self.pick(
                format!("syntaxe TOML : {}", super::grid::toml_message_fr(words)),
                format!("TOML syntax: {words}"),
            ),
            Damage::Missing => self.pick(format!("{subject} manque"), format!("{subject} is missing")),
            Damage::NotOneOf(names) => {
                let names = self.or_list(names);
                self.pick(
                    format!("{subject} porte une valeur que discern n'y écrit pas (il y écrit {names})"),
                    format!("{subject} holds a value discern does not write there (it writes {names})"),
                )
            }
            Damage::NotA(kind) => {
                let kind = self.value_kind(*kind);
                self.pick(
                    format!("{subject} porte une valeur que discern n'y écrit pas (il y écrit {kind})"),
                    format!("{subject} holds a value discern does not write there (it writes {kind})"),
                )
            }
            Damage::Unreadable => self.pick(
                format!("{subject} porte une valeur que discern ne sait pas lire"),
                format!("{subject} holds a value discern cannot read"),
            ),
        };
        format!("{place}{what}")
    }

    fn value_kind(self, kind: ValueKind) -> &'static str {
        match kind {
            ValueKind::Text => self.pick("un texte entre guillemets", "a text in quotes"),
            ValueKind::Boolean => self.pick("true ou false", "true or false"),
            ValueKind::List => self.pick("une liste entre crochets", "a list in brackets"),
            ValueKind::Integer => self.pick("un nombre entier", "a whole number"),
            ValueKind::Table => self.pick("une table", "a table"),
            ValueKind::Other => self.pick("une valeur d'une autre sorte", "a value of another kind"),
        }
    }

    /// « a, b ou c », "a, b or c".
    fn or_list(self, names: &[String]) -> String {
        match names {
            [] => self.pick("autre chose", "something else").to_string(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.pick("ou", "or")),
        }
    }
}
