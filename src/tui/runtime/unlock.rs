//! The passphrase dialog of an encrypted folder, on the full screen before
//! the library or a trail opens: the passphrase is shown as dots, a wrong
//! one is said kindly and asked again, `Esc` leaves without doing anything.

use ratatui::Frame;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use zeroize::{Zeroize, Zeroizing};

use age::secrecy::SecretString;

use crate::ops::Failure;
use crate::text::Lang;
use crate::tui::popups::dialog::centered;
use crate::tui::theme::Palette;

pub struct Unlock {
    /// What was typed: a secret, zeroised when it goes.
    typed: Zeroizing<String>,
    /// The last passphrase tried did not open the folder.
    pub wrong: bool,
    /// Unlocking is under way (scrypt takes about a second).
    pub working: bool,
}

impl Default for Unlock {
    /// Room for any passphrase from the start: growing the string would
    /// leave copies of what was typed behind, which zeroising cannot reach.
    fn default() -> Unlock {
        Unlock { typed: Zeroizing::new(String::with_capacity(1024)), wrong: false, working: false }
    }
}

/// What a key does to the dialog.
pub enum Step {
    Stay,
    Try(SecretString),
    Leave,
}

impl Unlock {
    pub fn key(&mut self, event: &Event) -> Step {
        let Event::Key(key) = event else { return Step::Stay };
        if key.kind == KeyEventKind::Release {
            return Step::Stay;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => Step::Leave,
            KeyCode::Char('c') if ctrl => Step::Leave,
            // Copied into a secret of its exact size; what was typed is
            // wiped where it lies, its room kept for the next try.
            KeyCode::Enter if !self.typed.is_empty() => {
                let tried = SecretString::from(self.typed.as_str());
                self.typed.zeroize();
                Step::Try(tried)
            }
            KeyCode::Backspace => {
                self.typed.pop();
                Step::Stay
            }
            KeyCode::Char(c) if !ctrl => {
                self.typed.push(c);
                self.wrong = false;
                Step::Stay
            }
            _ => Step::Stay,
        }
    }

    pub fn render(&self, lang: Lang, p: &Palette, frame: &mut Frame) {
        let area = frame.area();
        let rect = centered(area, area.width.saturating_sub(4).min(64), 10);
        frame.render_widget(Clear, rect);
        let block = Block::bordered()
            .title(Span::styled(format!(" {} ", lang.unlock_title()), p.title()))
            .border_style(p.border_focused());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let dots: String = "•".repeat(self.typed.chars().count());
        let mut rows = vec![
            Line::styled(lang.unlock_explain(), p.plain()),
            Line::raw(""),
            Line::from(vec![Span::styled(lang.passphrase_prompt(), p.strong()), Span::raw(dots)]),
            Line::raw(""),
        ];
        if self.working {
            rows.push(Line::styled(lang.unlocking(), p.dim()));
        } else if self.wrong {
            rows.push(Line::styled(lang.unlock_wrong(), p.warn()));
        }
        rows.push(Line::styled(lang.unlock_keys(), p.hint()));
        let content = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
        frame.render_widget(Paragraph::new(rows).wrap(Wrap { trim: true }), content);
    }
}

/// Runs the dialog on `terminal` until the folder opens (what `try_unlock`
/// gave: the key) or the user leaves (`None`). A wrong passphrase
/// ([`Failure::PassphraseWrong`]) is said and asked again; any other
/// failure ends the dialog.
pub fn run<B: Backend, T>(
    terminal: &mut ratatui::Terminal<B>,
    events: &mut impl crate::tui::Events,
    lang: Lang,
    palette: &Palette,
    mut try_unlock: impl FnMut(&SecretString) -> Result<T, Failure>,
) -> Result<Option<T>, Failure> {
    let mut dialog = Unlock::default();
    loop {
        terminal
            .draw(|f| dialog.render(lang, palette, f))
            .map_err(|e| Failure::Terminal(std::io::Error::other(e.to_string())))?;
        let next = events.next(std::time::Duration::from_millis(500)).map_err(Failure::Terminal)?;
        // A closed terminal or a signal: leave, as Esc does.
        if events.stop_requested() {
            return Ok(None);
        }
        let Some(event) = next else {
            continue;
        };
        match dialog.key(&event) {
            Step::Stay => {}
            Step::Leave => return Ok(None),
            Step::Try(passphrase) => {
                dialog.working = true;
                terminal
                    .draw(|f| dialog.render(lang, palette, f))
                    .map_err(|e| Failure::Terminal(std::io::Error::other(e.to_string())))?;
                let opened = try_unlock(&passphrase);
                dialog.working = false;
                match opened {
                    Ok(key) => return Ok(Some(key)),
                    Err(Failure::PassphraseWrong) => dialog.wrong = true,
                    Err(e) => return Err(e),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::KeyEvent;

    struct Script(std::collections::VecDeque<Event>);

    impl crate::tui::Events for Script {
        fn next(&mut self, _: std::time::Duration) -> std::io::Result<Option<Event>> {
            Ok(self.0.pop_front())
        }
    }

    fn keys(text: &str, then: KeyCode) -> Script {
        let mut events: Vec<Event> =
            text.chars().map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))).collect();
        events.push(Event::Key(KeyEvent::new(then, KeyModifiers::NONE)));
        Script(events.into())
    }

    fn screen(t: &ratatui::Terminal<TestBackend>) -> String {
        let buffer = t.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                out.push_str(buffer[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn the_passphrase_shows_as_dots_and_a_wrong_one_is_said_kindly() {
        let mut terminal = ratatui::Terminal::new(TestBackend::new(70, 14)).unwrap();
        let mut tried = Vec::new();
        let mut events = keys("abc", KeyCode::Enter);
        events.0.extend(keys("good", KeyCode::Enter).0);
        let opened = run(&mut terminal, &mut events, Lang::En, &Palette::mono(), |p| {
            use age::secrecy::ExposeSecret;
            tried.push(p.expose_secret().to_string());
            if p.expose_secret() == "good" { Ok(()) } else { Err(Failure::PassphraseWrong) }
        })
        .unwrap();
        assert!(opened.is_some());
        assert_eq!(tried, ["abc", "good"]);
        let mut terminal = ratatui::Terminal::new(TestBackend::new(70, 14)).unwrap();
        let mut events = keys("abc", KeyCode::Enter);
        events.0.extend(keys("se", KeyCode::Null).0);
        let mut events = Script(events.0.into_iter().take(6).collect());
        events.0.push_back(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        let left = run(&mut terminal, &mut events, Lang::En, &Palette::mono(), |_| {
            Err::<(), _>(Failure::PassphraseWrong)
        })
        .unwrap();
        assert!(left.is_none());
        let shown = screen(&terminal);
        assert!(shown.contains("Passphrase: ••"), "{shown}");
        assert!(!shown.contains("abc"), "{shown}");
    }

    #[test]
    fn a_wrong_passphrase_is_said_until_typing_again() {
        let mut d = Unlock { wrong: true, ..Unlock::default() };
        let mut terminal = ratatui::Terminal::new(TestBackend::new(70, 14)).unwrap();
        terminal.draw(|f| d.render(Lang::Fr, &Palette::mono(), f)).unwrap();
        assert!(screen(&terminal).contains("n'ouvre pas"), "{}", screen(&terminal));
        d.key(&Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)));
        assert!(!d.wrong);
        assert!(matches!(d.key(&Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))), Step::Leave));
    }
}
