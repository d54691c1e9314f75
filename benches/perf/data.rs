//! Builds the data the benchmarks run on.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use discern::grid::{Answer, QuestionKind, library::SHIPPED, parse};
use discern::trail::store::Store;
use discern::trail::{Trail, from_toml, new_id, now, to_toml};
use discern::walk::Walk;

/// A realistic trail: the French delor-secret grid walked with an answer to
/// every question it shows.
pub fn sample_trail(title: &str) -> Trail {
    let (_, text) = SHIPPED.iter().find(|(n, _)| *n == "delor-secret.fr.toml").expect("shipped");
    let grid = parse(text).expect("valid");
    let mut walk = Walk::new(grid.clone(), Trail::start(&grid, title, new_id(), now()));
    let mut at = walk.next_question(0, None);
    while let Some(a) = at {
        let answer = match &walk.question(a).kind {
            QuestionKind::Text => {
                Some(Answer::Text("Quelques phrases de réflexion, sans nom, sur la situation.".repeat(3)))
            }
            QuestionKind::Choice { options, .. } => Some(Answer::Choice(options[0].id.clone())),
            QuestionKind::Multi { options, .. } => {
                Some(Answer::Multi { options: vec![options[0].id.clone()], other: None })
            }
            QuestionKind::Scale(s) => Some(Answer::Scale(s.min)),
            QuestionKind::Date(_) => Some(Answer::Date(now().date_naive())),
            QuestionKind::Note => None,
        };
        walk.set(a, answer, now());
        walk.close_edit();
        at = walk.next_question(a.step, Some(a.question));
    }
    walk.trail
}

/// `n` trails in `data/sessions`, as the program names them.
pub fn trails(data: &Path, n: usize) {
    let store = Store::new(data);
    store.ensure().expect("the data folder");
    let template = sample_trail("Situation");
    let text = to_toml(&template);
    for i in 0..n {
        let id = new_id();
        // The id is in the header and in the end marker: both change.
        let body = text.replace(&template.id, &id).replacen(
            "title = \"Situation\"",
            &format!("title = \"Situation {i}\""),
            1,
        );
        if i == 0 {
            from_toml(&body).expect("the benchmark's trails are whole");
        }
        fs::write(store.dir().join(format!("2026-01-01-situation-{i}-{id}.toml")), body).expect("written");
    }
}

/// A grid of `steps` steps of `per_step` questions, with conditions.
pub fn big_grid(path: &Path, steps: usize, per_step: usize) -> usize {
    let mut t = String::from(
        "format = 1\n[grid]\nid = \"big\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"Big\"\noutcome = \"s0.q0\"\n",
    );
    for s in 0..steps {
        t.push_str(&format!(
            "\n[[steps]]\nid = \"s{s}\"\ntitle = \"Step {s}\"\nguidance = \"Think about step {s}.\"\n"
        ));
        if s > 0 {
            t.push_str(&format!("when = {{ question = \"s{}.q0\", any_of = [\"a\", \"b\"] }}\n", s - 1));
        }
        for q in 0..per_step {
            t.push_str(&format!(
                "[[steps.questions]]\nid = \"q{q}\"\nprompt = \"Question {q} of step {s}?\"\n"
            ));
            match q % 4 {
                0 => t.push_str("kind = \"choice\"\noptions = [{ id = \"a\", label = \"A\" }, { id = \"b\", label = \"B\" }, { id = \"c\", label = \"C\" }]\n"),
                1 => t.push_str("kind = \"text\"\nhint = \"A few words.\"\n"),
                2 => t.push_str("kind = \"multi\"\noptions = [{ id = \"x\", label = \"X\" }, { id = \"y\", label = \"Y\" }]\nother = true\n"),
                _ => t.push_str("kind = \"scale\"\nmin = 1\nmax = 5\nwhen = { question = \"s0.q0\", answered = true }\n"),
            }
        }
        t.push_str("[[steps.references]]\nlabel = \"Code pénal, art. 226-13\"\n");
    }
    fs::write(path, t).expect("written");
    steps * per_step
}

/// Median time of saving a trail that holds a 1 MB answer.
pub fn autosave_1mb(root: &Path) -> Duration {
    let store = Store::new(&root.join("autosave"));
    store.ensure().expect("the data folder");
    let mut trail = sample_trail("Big");
    trail.answers[0].answer = Some(Answer::Text("Une longue réflexion. ".repeat(1024 * 1024 / 22)));
    let path = store.path_for(&trail);
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let start = Instant::now();
            store.save(&trail, &path).expect("saved");
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// A jrnl journal of `n` entries and its config file, if jrnl is installed.
pub fn jrnl_journal(dir: &Path, n: usize) -> Option<PathBuf> {
    Command::new("jrnl").arg("--version").output().ok().filter(|o| o.status.success())?;
    fs::create_dir_all(dir).ok()?;
    let journal = dir.join("journal.txt");
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "[2024-{:02}-{:02} 09:{:02}:00 AM] Entry {i} about a situation.\nA few words of body text for the entry.\n\n",
            1 + (i / 28) % 12,
            1 + i % 28,
            i % 60
        ));
    }
    fs::write(&journal, text).ok()?;
    let config = dir.join("jrnl.yaml");
    fs::write(
        &config,
        format!(
            "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\ndefault_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\nindent_character: '|'\njournals:\n  default:\n    journal: {}\nlinewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %I:%M:%S %p'\nversion: v4.6\n",
            journal.display()
        ),
    )
    .ok()?;
    Some(config)
}

/// `n` copies of the example trail of `sessions/`, each with a revisit date:
/// one in ten in the past (due), the others in the future.
pub fn due_trails(data: &Path, n: usize) {
    let store = Store::new(data);
    store.ensure().expect("the data folder");
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/2026-11-23-c8k3m2qa.toml"))
        .expect("the example trail");
    let today = chrono::Local::now().date_naive();
    for i in 0..n {
        let id = new_id();
        let days = if i % 10 == 0 { -(i as i64 % 400) - 1 } else { 30 + i as i64 % 300 };
        let revisit = today + chrono::Duration::days(days);
        let body = text.replacen("id = \"c8k3m2qa\"", &format!("id = \"{id}\""), 1).replacen(
            "date = \"2026-11-30\"",
            &format!("date = \"{}\"", revisit.format("%Y-%m-%d")),
            1,
        );
        fs::write(store.dir().join(format!("2026-01-01-{id}.toml")), body).expect("written");
    }
}
