//! The few styles the screens use. Text keeps the terminal's own foreground
//! and background, so it reads on dark and light terminals alike; colour
//! only adds an accent, and every meaning it carries is also carried by a
//! character or a modifier, so nothing is lost without colour (`NO_COLOR`,
//! `theme = "mono"`).

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    accent: Option<Color>,
    good: Option<Color>,
    warn: Option<Color>,
}

impl Palette {
    /// The palette for a configured theme; `no_color` (the `NO_COLOR`
    /// convention) wins over any theme.
    pub fn new(theme: Theme, no_color: bool) -> Palette {
        if no_color {
            return Palette::mono();
        }
        match theme {
            Theme::Mono => Palette::mono(),
            // Red, green and magenta keep enough contrast on both a black and
            // a white background; cyan and yellow do not on white.
            Theme::Auto => {
                Palette { accent: Some(Color::Magenta), good: Some(Color::Green), warn: Some(Color::Red) }
            }
            Theme::Dark => Palette {
                accent: Some(Color::LightCyan),
                good: Some(Color::LightGreen),
                warn: Some(Color::LightRed),
            },
            Theme::Light => {
                Palette { accent: Some(Color::Blue), good: Some(Color::Green), warn: Some(Color::Red) }
            }
        }
    }

    pub fn mono() -> Palette {
        Palette { accent: None, good: None, warn: None }
    }

    /// From the environment: `NO_COLOR` set to anything but the empty string.
    pub fn from_env(theme: Theme) -> Palette {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Palette::new(theme, no_color)
    }

    fn with(color: Option<Color>, style: Style) -> Style {
        match color {
            Some(c) => style.fg(c),
            None => style,
        }
    }

    pub fn plain(&self) -> Style {
        Style::default()
    }

    pub fn title(&self) -> Style {
        Palette::with(self.accent, Style::default().add_modifier(Modifier::BOLD))
    }

    pub fn strong(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::default().add_modifier(Modifier::DIM)
    }

    pub fn hint(&self) -> Style {
        Style::default().add_modifier(Modifier::DIM | Modifier::ITALIC)
    }

    pub fn hidden(&self) -> Style {
        Style::default().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
    }

    /// The line under the highlight in a list.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// The mark of the focused question.
    pub fn focus(&self) -> Style {
        Palette::with(self.accent, Style::default().add_modifier(Modifier::BOLD))
    }

    pub fn good(&self) -> Style {
        Palette::with(self.good, Style::default())
    }

    pub fn warn(&self) -> Style {
        Palette::with(self.warn, Style::default().add_modifier(Modifier::BOLD))
    }

    pub fn border(&self) -> Style {
        Style::default().add_modifier(Modifier::DIM)
    }

    /// The border of the panel that has the keys.
    pub fn border_focused(&self) -> Style {
        Palette::with(self.accent, Style::default())
    }

    /// A key name in the footer.
    pub fn key(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_over_every_theme() {
        for theme in [Theme::Auto, Theme::Dark, Theme::Light, Theme::Mono] {
            let p = Palette::new(theme, true);
            for style in [p.title(), p.warn(), p.good(), p.focus(), p.border_focused()] {
                assert_eq!(style.fg, None);
                assert_eq!(style.bg, None);
            }
        }
    }

    #[test]
    fn colour_never_sets_the_background() {
        let p = Palette::new(Theme::Dark, false);
        for style in [p.title(), p.warn(), p.good(), p.selected(), p.hidden()] {
            assert_eq!(style.bg, None);
        }
    }
}
