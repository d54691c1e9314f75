//! Every string of the interface, in French and in English.
//!
//! Each message is a method on `Lang` with both languages side by side, so a
//! change of wording is made once and nothing is left half-translated. The
//! submodules follow the parts of the program.

mod cli;
mod damage;
pub use cli::CliHeading;
mod compare;
mod date;
mod encryption;
mod failure;
mod folder;
mod follow_up;
mod general;
mod grid;
mod handout;
mod man;
pub use man::ManHeading;
mod review;
mod safe;
mod starter;
mod summary;
mod translation;
mod tui;
pub use tui::Hint;
mod walk_end;
mod worksheet;

pub use safe::{TerminalSafe, for_terminal, json_for_terminal, obeyed_by_terminal, sign_of};

pub use crate::lang::Lang;

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
