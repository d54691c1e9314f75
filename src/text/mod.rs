//! Every string of the interface, in French and in English.
//!
//! Each message is a method on `Lang` with both languages side by side, so a
//! change of wording is made once and nothing is left half-translated. The
//! submodules follow the parts of the program.

mod cli;
pub use cli::CliHeading;
mod date;
mod encryption;
mod follow_up;
mod general;
mod grid;
mod handout;
mod review;
mod safe;
mod starter;
mod summary;
mod translation;
mod tui;
pub use tui::Hint;
mod walk_end;

pub use safe::{TerminalSafe, for_terminal, json_for_terminal};

/// The language of the interface.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    /// `--lang` first, then the config file, then the locale variables in
    /// POSIX order (LC_ALL, LC_MESSAGES, LANG): `fr…` gives French, anything
    /// else English.
    pub fn detect(flag: Option<Lang>, config: Option<Lang>) -> Lang {
        flag.or(config).unwrap_or_else(|| {
            let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty());
            Lang::from_locale(var.as_deref().unwrap_or(""))
        })
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") { Lang::Fr } else { Lang::En }
    }

    /// The language tag grids use.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub(crate) fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// Quotes a piece of user or grid text the way each language does.
    pub fn quote(self, s: &str) -> String {
        self.pick(format!("« {s} »"), format!("“{s}”"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_locales_give_french() {
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_locale("fr"), Lang::Fr);
        assert_eq!(Lang::from_locale("FR_be"), Lang::Fr);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn the_flag_wins_over_the_config() {
        assert_eq!(Lang::detect(Some(Lang::Fr), Some(Lang::En)), Lang::Fr);
        assert_eq!(Lang::detect(None, Some(Lang::Fr)), Lang::Fr);
    }
}
