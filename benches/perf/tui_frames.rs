//! The full-screen measurements: a key press to the redrawn frame (in
//! process, over ratatui's TestBackend), and the library's first frame and
//! memory in a real pseudo-terminal.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use discern::commands::Ctx;
use discern::config::Config;
use discern::grid::Answer;
use discern::text::Lang;
use discern::trail::{Trail, new_id, now};
use discern::tui::theme::Palette;
use discern::tui::{App, Runtime, Session};
use discern::walk::{At, Walk};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{Row, data, median, ms};

pub fn rows(root: &Path, wanted: &dyn Fn(&str) -> bool) -> Vec<Row> {
    let mut rows = Vec::new();
    if wanted("frame") {
        // 100 KB as a worker writes it: paragraphs of a few lines each.
        let paragraph =
            "Une réflexion longue et soignée, qui pèse les raisons de parler et de se taire. ".repeat(5);
        let text = vec![paragraph.trim_end(); 100 * 1024 / paragraph.len() + 1].join("\n");
        let (median, worst) = key_to_frame(root, text);
        rows.push(Row {
            what: "key press to redrawn frame, 100 KB answer in focus, 200-step grid".into(),
            budget: "≤ 2 ms median, ≤ 16 ms worst".into(),
            measured: format!("{} median, {} worst", ms(median), ms(worst)),
            ok: median <= Duration::from_millis(2) && worst <= Duration::from_millis(16),
        });
    }
    if wanted("frame") || wanted("typing") {
        // Issue 11: an answer of 5 MB written or pasted as one line.
        let text = "Une réflexion longue et soignée, qui pèse les raisons. ".repeat(5 * 1024 * 1024 / 56);
        let (median, worst) = key_to_frame(root, text);
        rows.push(Row {
            what: "key press to redrawn frame, 5 MB answer on one line in focus".into(),
            budget: "≤ 16 ms median".into(),
            measured: format!(
                "{} median ({:.0} keys/s), {} worst",
                ms(median),
                1.0 / median.as_secs_f64(),
                ms(worst)
            ),
            ok: median <= Duration::from_millis(16),
        });
    }
    if wanted("library") || wanted("memory") {
        for (n, budget) in [(1_000usize, 50u64), (10_000, 200)] {
            let data_dir = root.join(format!("library-{n}"));
            if !data_dir.exists() {
                data::trails(&data_dir, n);
            }
            // A returning user: the trails are older than the index's racy
            // window, and the index is already there.
            std::thread::sleep(Duration::from_millis(2500));
            let _ = Command::new(env!("CARGO_BIN_EXE_discern"))
                .arg("list")
                .env("DISCERN_DATA_DIR", &data_dir)
                .output();
            let (first_frame, rss_kb) = library_in_pty(&data_dir);
            if wanted("library") {
                rows.push(Row {
                    what: format!("library's first full frame with {n} trails (pseudo-terminal)"),
                    budget: format!("≤ {budget} ms"),
                    measured: ms(first_frame),
                    ok: first_frame <= Duration::from_millis(budget),
                });
            }
            if wanted("memory") && n == 10_000 {
                rows.push(Row {
                    what: "memory with 10,000 trails in the library".into(),
                    budget: "≤ 30 MB resident".into(),
                    measured: format!("{:.1} MB", rss_kb as f64 / 1024.0),
                    ok: rss_kb <= 30 * 1024,
                });
            }
        }
    }
    rows
}

/// Typing one character in a 100 KB answer on a 200-step grid, drawn at
/// 120×40: the time of taking the key in and drawing the frame.
fn key_to_frame(root: &Path, text: String) -> (Duration, Duration) {
    let size = text.len();
    let grid_file = root.join("frames.toml");
    data::big_grid(&grid_file, 200, 5);
    let grid = discern::grid::library::load_file(&grid_file).expect("the big grid is valid");
    let mut walk = Walk::new(grid.clone(), Trail::start(&grid, "Frames", new_id(), now()));
    let text_at = At { step: 0, question: 1 };
    // A worker who has walked the whole grid: every other question answered.
    for (s, step) in grid.steps.iter().enumerate() {
        for (q, question) in step.questions.iter().enumerate() {
            let answer = match &question.kind {
                discern::grid::QuestionKind::Choice { options, .. } => Answer::Choice(options[0].id.clone()),
                discern::grid::QuestionKind::Multi { options, .. } => {
                    Answer::Multi { options: vec![options[0].id.clone()], other: None }
                }
                discern::grid::QuestionKind::Scale(sc) => Answer::Scale(sc.min),
                _ => Answer::Text(format!("Réponse {s}.{q}.")),
            };
            walk.set(At { step: s, question: q }, Some(answer), now());
            walk.close_edit();
        }
    }
    walk.set(text_at, Some(Answer::Text(text)), now());
    walk.close_edit();
    let ctx = Ctx {
        lang: Lang::Fr,
        data_dir: root.join("frames-data"),
        config: Config::default(),
        plain: false,
        passphrase_file: None,
        key: None,
    };
    // Ephemeral: the saver writes nothing, so only the screen is measured.
    let app = App::walk(walk, None, false, Lang::Fr, Palette::mono(), now);
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let mut session = Session::new(terminal, app, Runtime::new(&ctx, now));
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    // The walkthrough opens on s0.q0; Tab reaches the long text answer.
    session.handle(key(KeyCode::Tab));
    session.draw().expect("drawn");
    let mut times = Vec::new();
    let (mut handling, mut drawing) = (Vec::new(), Vec::new());
    for i in 0..300 {
        let c = if i % 10 == 9 { ' ' } else { 'a' };
        let start = Instant::now();
        session.handle(key(KeyCode::Char(c)));
        let handled = start.elapsed();
        session.draw().expect("drawn");
        times.push(start.elapsed());
        handling.push(handled);
        drawing.push(start.elapsed() - handled);
    }
    if std::env::var_os("DISCERN_BENCH_DETAIL").is_some() {
        eprintln!(
            "key: {} handling, {} drawing (medians)",
            ms(median(handling.clone())),
            ms(median(drawing))
        );
        let slowest = (0..times.len()).max_by_key(|&i| times[i]).unwrap_or(0);
        eprintln!("slowest: key {slowest} of {}, {} handling", times.len(), ms(handling[slowest]));
    }
    let typed = session.into_app().into_walk().and_then(|w| match w.answer(text_at) {
        Some(Answer::Text(t)) => Some(t.len()),
        _ => None,
    });
    assert!(typed.is_some_and(|n| n >= size + 300), "the keys reached the answer: {typed:?}");
    let worst = *times.iter().max().expect("measured");
    (median(times), worst)
}

/// Starts the library in a pseudo-terminal of 120×40; the time until the
/// first trail's title is on the screen, and the resident memory then. The
/// pseudo-terminal is read directly (rexpect's reader polls every 100 ms).
fn library_in_pty(data_dir: &Path) -> (Duration, u64) {
    use std::io::{Read, Write};
    let mut times = Vec::new();
    let mut rss = 0;
    for _ in 0..7 {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            // The shell's pid is discern's after exec: printed to read its memory.
            .arg("echo \"pid=$$=\"; stty cols 120 rows 40 && exec \"$0\"")
            .arg(env!("CARGO_BIN_EXE_discern"))
            .env("DISCERN_DATA_DIR", data_dir)
            .env("LANG", "C")
            .env("TERM", "xterm-256color");
        let start = Instant::now();
        let process = rexpect::process::PtyProcess::new(command).expect("discern starts");
        let mut pty = process.get_file_handle().expect("the pseudo-terminal");
        let mut seen = Vec::new();
        let mut buf = [0u8; 65536];
        while !String::from_utf8_lossy(&seen).contains("Situation ") {
            let n = pty.read(&mut buf).expect("discern writes");
            assert!(n > 0, "discern ended early");
            seen.extend_from_slice(&buf[..n]);
        }
        times.push(start.elapsed());
        let text = String::from_utf8_lossy(&seen).into_owned();
        let pid: u32 = text
            .split("pid=")
            .nth(1)
            .and_then(|r| r.split('=').next())
            .and_then(|n| n.parse().ok())
            .expect("the pid is printed");
        std::thread::sleep(Duration::from_millis(100));
        rss = rss.max(resident_kb(pid));
        let _ = pty.write_all(b"q");
        let _ = pty.flush();
        let _ = process.wait();
    }
    (median(times), rss)
}

fn resident_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
