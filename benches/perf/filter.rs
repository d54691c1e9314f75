//! The library's `/` filter over 1,000 trails whose answers it searches:
//! each key typed into the filter, to the redrawn frame (in process, over
//! ratatui's TestBackend). The words of the answers are read once as the
//! filter opens, from their own file after the first time.

use std::path::Path;
use std::time::{Duration, Instant};

use discern::commands::Ctx;
use discern::config::Config;
use discern::text::Lang;
use discern::trail::now;
use discern::tui::theme::Palette;
use discern::tui::{App, Runtime, Session};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{Row, data, median, ms};

pub fn rows(root: &Path) -> Vec<Row> {
    let data_dir = root.join("filter-1000");
    data::trails(&data_dir, 1_000);
    // A returning user: the trails are older than the indexes' racy window,
    // and both were written by an earlier run.
    std::thread::sleep(Duration::from_millis(2500));
    let _ = session(&data_dir, &mut Vec::new());
    let mut opening = Vec::new();
    let keys = session(&data_dir, &mut opening);
    let worst = keys.iter().copied().max().unwrap_or_default();
    let med = median(keys);
    vec![
        Row {
            what: "library `/` filter over the answers of 1,000 trails: a key to the redrawn frame".into(),
            budget: "≤ 16 ms a key".into(),
            measured: format!("{} median, {} worst", ms(med), ms(worst)),
            ok: worst <= Duration::from_millis(16),
        },
        Row {
            what: "opening the filter (reading the answers' words of 1,000 trails)".into(),
            budget: "measured".into(),
            measured: ms(opening[0]),
            ok: true,
        },
    ]
}

/// Opens the filter and types a word that matches every trail, then one
/// that matches none, then clears them: the time of each key.
fn session(data_dir: &Path, opening: &mut Vec<Duration>) -> Vec<Duration> {
    let ctx = Ctx {
        lang: Lang::Fr,
        data_dir: data_dir.to_path_buf(),
        config: Config::default(),
        plain: false,
        passphrase_file: None,
        key: None,
    };
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
    let mut s = Session::new(terminal, App::library(Lang::Fr, Palette::mono(), now), Runtime::new(&ctx, now));
    s.draw().expect("drawn");
    let key = |c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let start = Instant::now();
    s.handle(key(KeyCode::Char('/')));
    s.draw().expect("drawn");
    opening.push(start.elapsed());
    let mut times = Vec::new();
    let typed = "reflexion situation zzz";
    let codes = typed.chars().map(KeyCode::Char).chain(std::iter::repeat_n(KeyCode::Backspace, typed.len()));
    for code in codes {
        let start = Instant::now();
        s.handle(key(code));
        s.draw().expect("drawn");
        times.push(start.elapsed());
    }
    times
}
