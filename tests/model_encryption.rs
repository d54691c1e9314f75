//! A model-based test of the encrypted data folder (issue 21, "Done when"):
//! real processes on one data folder, through random sequences of
//! `encrypt`, `decrypt`, `passphrase`, `new --plain` and a walk's saves
//! (alone, or beside an `encrypt`/`decrypt`/`passphrase`), with `kill -9`
//! at random moments. After each sequence the folder is finished by the
//! command it names (a half-done folder says so), then:
//!
//! - every trail reads back exactly once with the current passphrase, with
//!   what was saved in it (a walk that ended holds its last answer; a trail
//!   once seen never changes nor goes);
//! - in an encrypted folder, no byte of a trail's text is left in plaintext
//!   in any file, and the age crate alone (as a user's `age -d` would) opens
//!   `key.age` with the passphrase and every trail, the index and the words;
//! - in a plaintext folder, no key and no encrypted file is left.
//!
//! `cargo test` runs 20 killed sequences (two folders side by side, ten
//! each); the long variant, `cargo test --test model_encryption
//! -- --ignored --nocapture`, runs 300 and prints its figures. A failure
//! prints its seed: `DISCERN_MODEL_SEED=N` replays it.

mod common;
mod encrypt_support;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{stderr, stdout};
use encrypt_support::{GRID, age_decrypt, identity_with, process, snapshot};

/// A small, seeded random source (SplitMix64): a failing run is replayed
/// from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Encrypt,
    Decrypt,
    Passphrase,
    /// `new --plain`, its answers coming one by one: a save after each.
    Walk,
    /// A walk, and one of the three commands that hold the folder alone,
    /// started at nearly the same moment.
    WalkBeside(Exclusive),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Exclusive {
    Encrypt,
    Decrypt,
    Passphrase,
}

impl Exclusive {
    fn name(self) -> &'static str {
        match self {
            Exclusive::Encrypt => "encrypt",
            Exclusive::Decrypt => "decrypt",
            Exclusive::Passphrase => "passphrase",
        }
    }
}

/// What a trail must hold once seen: its answers as read (a later read may
/// only add to them).
#[derive(Debug, Clone)]
struct Seen {
    /// The answers of a walk that ended: its last one is in the trail.
    ended: bool,
    answers: Option<String>,
}

#[derive(Debug, Default)]
struct Figures {
    sequences: usize,
    /// Sequences in which at least one process was killed while at work.
    killed_sequences: usize,
    operations: BTreeMap<String, usize>,
    kills: usize,
    ended_before_kill: usize,
    half_encrypted: usize,
    half_decrypted: usize,
    passphrase_kills_new_won: usize,
    refused_busy: usize,
    trails: usize,
    checks_encrypted: usize,
    checks_plain: usize,
}

struct Model {
    root: tempfile::TempDir,
    data: PathBuf,
    rng: Rng,
    seed: u64,
    /// The passphrase that opens key.age, and one a killed `passphrase`
    /// may have put in its place.
    current: usize,
    pending: Option<usize>,
    next_passphrase: usize,
    walks: usize,
    trails: BTreeMap<String, Seen>,
    /// Every word a trail was given: none may be found in plaintext in an
    /// encrypted folder.
    secrets: Vec<String>,
    /// key.age as last opened, and its identity (scrypt once per change).
    opened: Option<(Vec<u8>, age::x25519::Identity)>,
    figures: Figures,
    log: Vec<String>,
    /// How long each command took when it was not killed: kills are drawn
    /// within it, so that they land while it works.
    took: BTreeMap<&'static str, Duration>,
}

const WALK_STEP: Duration = Duration::from_millis(60);

fn passphrase_text(n: usize) -> String {
    format!("phrase {n} du modèle, assez longue")
}

impl Model {
    /// A new folder with `trails` trails to start with.
    fn new(seed: u64, trails: usize) -> Model {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let mut model = Model {
            data,
            root,
            rng: Rng(seed),
            seed,
            current: 0,
            pending: None,
            next_passphrase: 1,
            walks: 0,
            trails: BTreeMap::new(),
            secrets: Vec::new(),
            opened: None,
            figures: Figures::default(),
            log: Vec::new(),
            took: BTreeMap::new(),
        };
        // Trails from the start, so that a kill lands in the middle of an
        // encryption's work: one walk, and copies of it under other ids,
        // titles and answers.
        model.walk(None, Duration::ZERO);
        let first = trail_files(&model.data).remove(0);
        let text = fs::read_to_string(&first).unwrap();
        let id = first.file_stem().unwrap().to_string_lossy().rsplit('-').next().unwrap().to_string();
        for _ in 1..trails {
            let k = model.next_walk();
            let copy = text
                .replace(&id, &format!("m{k:07}"))
                .replace("Trace-1-titre", &format!("Trace-{k}-titre"))
                .replace("Mot-1-", &format!("Mot-{k}-"));
            fs::write(model.data.join("sessions").join(format!("2026-11-29-m{k:07}.toml")), copy).unwrap();
            model.trails.insert(format!("Trace-{k}-titre"), Seen { ended: true, answers: None });
        }
        model
    }

    fn pass_file(&self, n: usize) -> PathBuf {
        let path = self.root.path().join(format!("pass-{n}.txt"));
        if !path.exists() {
            fs::write(&path, format!("{}\n", passphrase_text(n))).unwrap();
        }
        path
    }

    fn fail(&self, what: &str) -> ! {
        panic!(
            "{what}\nseed {} (DISCERN_MODEL_SEED={} replays it)\nsteps:\n{}",
            self.seed,
            self.seed,
            self.log.join("\n")
        );
    }

    fn key_exists(&self) -> bool {
        self.data.join("key.age").exists()
    }

    /// Runs one sequence: operations, most of them killed at a random
    /// moment, until one was killed while at work (four at most); then
    /// finishes and checks the folder.
    fn sequence(&mut self) {
        self.figures.sequences += 1;
        let kills_before = self.figures.kills;
        let mut ops = 0;
        while ops == 0 || (ops < 4 && self.figures.kills == kills_before) {
            let op = self.pick();
            let kill = self.rng.chance(70);
            *self.figures.operations.entry(format!("{op:?}")).or_default() += 1;
            self.run(op, kill);
            ops += 1;
        }
        if self.figures.kills > kills_before {
            self.figures.killed_sequences += 1;
        }
        self.settle();
    }

    /// What to do next, weighed by the folder's state, so that each
    /// command mostly has work to be killed in.
    fn pick(&mut self) -> Op {
        let n = self.rng.below(100);
        if self.key_exists() {
            match n {
                0..25 => Op::Walk,
                25..50 => Op::Decrypt,
                50..70 => Op::Passphrase,
                70..78 => Op::Encrypt,
                78..86 => Op::WalkBeside(Exclusive::Decrypt),
                86..93 => Op::WalkBeside(Exclusive::Passphrase),
                _ => Op::WalkBeside(Exclusive::Encrypt),
            }
        } else {
            match n {
                0..50 => Op::Encrypt,
                50..75 => Op::Walk,
                75..90 => Op::WalkBeside(Exclusive::Encrypt),
                90..95 => Op::Decrypt,
                _ => Op::Passphrase,
            }
        }
    }

    /// A moment within the time `what` takes; mostly in its second half,
    /// where an encryption's work is (the first is the passphrase's scrypt).
    fn kill_moment(&mut self, what: &'static str) -> Duration {
        let took = self.took.get(what).copied().unwrap_or(Duration::from_millis(2000)).as_millis() as u64;
        let from = if self.rng.chance(70) { took / 2 } else { 0 };
        Duration::from_millis(from + self.rng.below(took * 11 / 10 - from + 1))
    }

    fn took(&mut self, what: &'static str, time: Duration) {
        let before = self.took.get(what).copied().unwrap_or(time);
        self.took.insert(what, (before + time) / 2);
    }

    fn run(&mut self, op: Op, kill: bool) {
        match op {
            Op::Walk => {
                let at = kill.then(|| self.kill_moment("walk"));
                let started = Instant::now();
                self.walk(at, WALK_STEP);
                if at.is_none() {
                    self.took("walk", started.elapsed());
                }
            }
            Op::Encrypt | Op::Decrypt | Op::Passphrase => {
                let exclusive = match op {
                    Op::Encrypt => Exclusive::Encrypt,
                    Op::Decrypt => Exclusive::Decrypt,
                    _ => Exclusive::Passphrase,
                };
                let at = kill.then(|| self.kill_moment(exclusive.name()));
                let child = self.start(exclusive);
                self.finish_exclusive(exclusive, child, at, false);
            }
            Op::WalkBeside(exclusive) => {
                let at = kill.then(|| self.kill_moment(exclusive.name()));
                let walk_first = self.rng.chance(50);
                let offset = Duration::from_millis(self.rng.below(200));
                let data = self.data.clone();
                let k = self.next_walk();
                let walk = std::thread::spawn(move || {
                    if !walk_first {
                        std::thread::sleep(offset);
                    }
                    run_walk(&data, k, None, WALK_STEP)
                });
                if walk_first {
                    std::thread::sleep(offset);
                }
                let child = self.start(exclusive);
                self.finish_exclusive(exclusive, child, at, true);
                let outcome = walk.join().unwrap();
                self.walk_outcome(k, outcome, None);
            }
        }
    }

    fn next_walk(&mut self) -> usize {
        self.walks += 1;
        let k = self.walks;
        self.secrets.extend([format!("Trace-{k}-titre"), format!("Mot-{k}-a"), format!("Mot-{k}-b")]);
        k
    }

    fn walk(&mut self, kill_at: Option<Duration>, step: Duration) {
        let k = self.next_walk();
        let outcome = run_walk(&self.data, k, kill_at, step);
        self.walk_outcome(k, outcome, kill_at);
    }

    fn walk_outcome(&mut self, k: usize, outcome: WalkOutcome, kill_at: Option<Duration>) {
        self.log.push(format!("walk {k} (kill at {kill_at:?}): {outcome:?}"));
        match outcome {
            WalkOutcome::Ended => {
                self.trails.insert(format!("Trace-{k}-titre"), Seen { ended: true, answers: None });
            }
            WalkOutcome::Killed => self.figures.kills += 1,
            WalkOutcome::Refused => self.figures.refused_busy += 1,
            WalkOutcome::Failed(why) => self.fail(&format!("walk {k} failed: {why}")),
        }
        if let (Some(_), WalkOutcome::Ended) = (kill_at, &outcome) {
            self.figures.ended_before_kill += 1;
        }
    }

    fn start(&mut self, op: Exclusive) -> Child {
        let mut cmd = process(&self.data);
        match op {
            Exclusive::Encrypt => {
                // A folder without a key gets a new passphrase.
                if !self.key_exists() {
                    self.current = self.next_passphrase;
                    self.next_passphrase += 1;
                    self.opened = None;
                }
                cmd.arg("--passphrase-file").arg(self.pass_file(self.current)).arg("encrypt");
            }
            Exclusive::Decrypt => {
                cmd.arg("--passphrase-file").arg(self.pass_file(self.current)).arg("decrypt");
            }
            Exclusive::Passphrase => {
                let new = self.next_passphrase;
                self.next_passphrase += 1;
                self.pending = Some(new);
                cmd.arg("--passphrase-file")
                    .arg(self.pass_file(self.current))
                    .arg("passphrase")
                    .arg("--new-passphrase-file")
                    .arg(self.pass_file(new));
            }
        }
        cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()
    }

    fn finish_exclusive(&mut self, op: Exclusive, mut child: Child, kill_at: Option<Duration>, beside: bool) {
        let started = Instant::now();
        let took = |model: &mut Model| {
            if kill_at.is_none() && !beside {
                model.took(op.name(), started.elapsed());
            }
        };
        let mut killed = false;
        if let Some(at) = kill_at {
            while started.elapsed() < at && child.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_millis(5));
            }
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                killed = true;
                self.figures.kills += 1;
            } else {
                self.figures.ended_before_kill += 1;
            }
        }
        let out = child.wait_with_output().unwrap();
        if !killed {
            took(self);
        }
        let said = stderr(&out);
        self.log.push(format!(
            "{op:?} (kill at {kill_at:?}, beside a walk: {beside}): killed {killed}, {:?}",
            out.status.code()
        ));
        if killed {
            // Which passphrase opens the key now is found out before the
            // next command needs it.
            if op == Exclusive::Passphrase && self.key_exists() {
                self.open_key();
            }
            return;
        }
        let code = out.status.code();
        let busy = said.contains("still open in another discern");
        if busy {
            self.figures.refused_busy += 1;
        }
        let ok = match op {
            Exclusive::Encrypt | Exclusive::Decrypt => code == Some(0) || (beside && busy && code == Some(2)),
            Exclusive::Passphrase => {
                code == Some(0) || (code == Some(2) && (said.contains("not encrypted") || (beside && busy)))
            }
        };
        if !ok {
            self.fail(&format!("{op:?} ended with {code:?}: {said}"));
        }
        if op == Exclusive::Passphrase && code == Some(0) {
            self.current = self.pending.take().expect("a new passphrase");
            self.opened = None;
        }
    }

    /// Which passphrase opens key.age now (after a kill, the old one or the
    /// new one, never neither), and its identity.
    fn open_key(&mut self) -> age::x25519::Identity {
        let key = fs::read(self.data.join("key.age")).unwrap_or_else(|e| self.fail(&format!("key.age: {e}")));
        if let Some((bytes, identity)) = &self.opened
            && *bytes == key
        {
            return identity.clone();
        }
        let mut candidates = vec![self.current];
        candidates.extend(self.pending);
        for n in candidates {
            if let Some(identity) = identity_with(&self.data, &passphrase_text(n)) {
                if n != self.current {
                    self.figures.passphrase_kills_new_won += 1;
                }
                self.current = n;
                self.pending = None;
                self.opened = Some((key, identity.clone()));
                return identity;
            }
        }
        self.fail("neither the old passphrase nor the new one opens key.age")
    }

    /// The listing with the current passphrase (none for a plaintext folder).
    fn list(&mut self) -> (Vec<serde_json::Value>, String) {
        let mut cmd = common::discern(&self.data);
        if self.key_exists() {
            cmd.arg("--passphrase-file").arg(self.pass_file(self.current));
        }
        let out = cmd.args(["list", "--json"]).output().unwrap();
        if !out.status.success() {
            self.fail(&format!("list: {}", stderr(&out)));
        }
        let items: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        (items.as_array().unwrap().clone(), stderr(&out))
    }

    /// Finishes what the folder says is half done, then checks it.
    fn settle(&mut self) {
        self.pending = self.pending.filter(|_| self.key_exists());
        if self.key_exists() {
            self.open_key();
        }
        let (_, said) = self.list();
        let finish = if said.contains("half encrypted") {
            self.figures.half_encrypted += 1;
            Some("encrypt")
        } else if said.contains("half decrypted") {
            self.figures.half_decrypted += 1;
            Some("decrypt")
        } else {
            None
        };
        if let Some(command) = finish {
            let out = common::discern(&self.data)
                .arg("--passphrase-file")
                .arg(self.pass_file(self.current))
                .arg(command)
                .output()
                .unwrap();
            self.log.push(format!("finish with {command}: {:?}", out.status.code()));
            if !out.status.success() {
                self.fail(&format!("{command} did not finish: {}", stderr(&out)));
            }
        }
        self.check();
    }

    fn check(&mut self) {
        let (listed, said) = self.list();
        if said.contains("half") {
            self.fail(&format!("still half done after the command that finishes: {said}"));
        }
        if listed.iter().any(|i| !i["damaged"].is_null()) {
            self.fail(&format!("a damaged trail: {listed:?}"));
        }
        let encrypted = self.key_exists();
        let identity = encrypted.then(|| self.open_key());
        if encrypted {
            self.figures.checks_encrypted += 1;
            let public = fs::read_to_string(self.data.join("key.pub")).unwrap_or_default();
            let identity = identity.as_ref().expect("opened");
            if public.trim() != identity.to_public().to_string() {
                self.fail("key.pub is not key.age's public key");
            }
        } else {
            self.figures.checks_plain += 1;
            if self.data.join("key.pub").exists() {
                self.fail("key.pub without key.age");
            }
        }
        // Every trail file, read as the age tools would.
        let mut read: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for path in trail_files(&self.data) {
            let bytes = fs::read(&path).unwrap();
            let text = match (&identity, bytes.starts_with(b"age-encryption.org/v1")) {
                (Some(identity), true) => age_decrypt(&bytes, identity)
                    .unwrap_or_else(|| self.fail(&format!("{} does not open with age", path.display()))),
                (None, true) => self.fail(&format!("{} is encrypted in a plaintext folder", path.display())),
                (Some(_), false) => {
                    self.fail(&format!("{} is plaintext in an encrypted folder", path.display()))
                }
                (None, false) => bytes,
            };
            let trail = discern::trail::from_toml(&String::from_utf8(text).unwrap())
                .unwrap_or_else(|e| self.fail(&format!("{}: {e:?}", path.display())));
            let answers: Vec<String> =
                trail.answers.iter().filter_map(|a| a.answer.as_ref().map(|x| format!("{x:?}"))).collect();
            read.entry(trail.title.clone()).or_default().push(answers.join(" | "));
        }
        for (title, copies) in &read {
            if copies.len() != 1 {
                self.fail(&format!("{title} is there {} times", copies.len()));
            }
        }
        let listed_titles: Vec<String> =
            listed.iter().map(|i| i["title"].as_str().unwrap_or_default().to_string()).collect();
        let mut sorted = listed_titles.clone();
        sorted.sort();
        if sorted != read.keys().cloned().collect::<Vec<_>>() {
            self.fail(&format!(
                "the listing {sorted:?} is not the files {:?}",
                read.keys().collect::<Vec<_>>()
            ));
        }
        // A trail once seen is there with what it held; a walk that ended
        // holds its last answer.
        let expected = self.trails.clone();
        for (title, seen) in &expected {
            let Some(copies) = read.get(title) else { self.fail(&format!("{title} is gone")) };
            if seen.ended && !copies[0].contains("-b") {
                self.fail(&format!("{title} lost its last answer: {}", copies[0]));
            }
            // A copy a kill left may be recovered since (newest wins): it
            // holds the same answers and more, never fewer.
            if let Some(answers) = &seen.answers
                && !copies[0].starts_with(answers.as_str())
            {
                self.fail(&format!("{title} lost answers: {answers} became {}", copies[0]));
            }
        }
        for (title, copies) in read {
            self.trails.insert(
                title.clone(),
                Seen {
                    ended: expected.get(&title).is_some_and(|s| s.ended),
                    answers: Some(copies[0].clone()),
                },
            );
        }
        self.figures.trails = self.trails.len();
        // Nothing of a trail in plaintext anywhere in an encrypted folder;
        // every encrypted file the program keeps opens with the identity.
        for (path, bytes) in snapshot(&self.data) {
            if let Some(identity) = &identity {
                for secret in &self.secrets {
                    if bytes.windows(secret.len()).any(|w| w == secret.as_bytes()) {
                        self.fail(&format!("{} holds {secret} in plaintext", path.display()));
                    }
                }
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let kept = [".index.age", ".words.age", "author.age"].contains(&name.as_str());
                if kept && age_decrypt(&bytes, identity).is_none() {
                    self.fail(&format!("{} does not open with age", path.display()));
                }
            } else if bytes.starts_with(b"age-encryption.org/v1") {
                self.fail(&format!("{} is still encrypted in a plaintext folder", path.display()));
            }
        }
    }
}

#[derive(Debug)]
enum WalkOutcome {
    Ended,
    Killed,
    Refused,
    Failed(String),
}

/// `new --plain` for walk `k`, its answers sent one by one `step` apart
/// (each is saved), killed at `kill_at` if it has not ended by then.
fn run_walk(data: &Path, k: usize, kill_at: Option<Duration>, step: Duration) -> WalkOutcome {
    let mut child = process(data)
        .args(["new", "--plain", "--grid", GRID, "--title", &format!("Trace-{k}-titre")])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = [format!("Mot-{k}-a\n"), "3\n".into(), "1\n".into(), "3\n".into(), format!("Mot-{k}-b\n")];
    let started = Instant::now();
    let mut stdin = child.stdin.take().unwrap();
    for line in &lines {
        if kill_at.is_some_and(|at| started.elapsed() >= at) {
            break;
        }
        // A refused walk has closed its input: nothing more to send.
        if stdin.write_all(line.as_bytes()).and_then(|()| stdin.flush()).is_err() {
            break;
        }
        std::thread::sleep(step);
    }
    if let Some(at) = kill_at {
        while started.elapsed() < at && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(5));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            let _ = child.wait();
            return WalkOutcome::Killed;
        }
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    match out.status.code() {
        Some(0) => WalkOutcome::Ended,
        Some(2) if stderr(&out).contains("still encrypting or decrypting") => WalkOutcome::Refused,
        _ if kill_at.is_some() => WalkOutcome::Killed,
        code => WalkOutcome::Failed(format!("{code:?}: {}", stderr(&out))),
    }
}

fn trail_files(data: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(data.join("sessions")) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with('.') && (name.ends_with(".toml") || name.ends_with(".age"))
        })
        .collect();
    files.sort();
    files
}

fn seed(index: u64) -> u64 {
    match std::env::var("DISCERN_MODEL_SEED").ok().and_then(|s| s.parse().ok()) {
        Some(seed) => seed,
        None => {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
            now.as_nanos() as u64 ^ (index << 48) ^ u64::from(std::process::id())
        }
    }
}

/// Runs sequences on a new folder of `trails` trails until `killed` of
/// them had a process killed at work; its figures.
fn model_run(index: u64, killed: usize, trails: usize) -> Figures {
    let mut model = Model::new(seed(index), trails);
    while model.figures.killed_sequences < killed {
        model.sequence();
    }
    model.figures
}

#[test]
fn twenty_killed_sequences_lose_no_trail_and_leave_no_plaintext() {
    let figures: Vec<Figures> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..2).map(|i| s.spawn(move || model_run(i, 10, 20))).collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    let killed: usize = figures.iter().map(|f| f.killed_sequences).sum();
    assert!(killed >= 20);
    for f in &figures {
        println!("{f:?}");
    }
}

/// The long variant: 300 killed sequences, on 15 folders of 20 (a folder
/// grows by a trail or two a sequence; encrypting hundreds at each step
/// would measure the disk, not the model). Its figures go in the README.
#[test]
#[ignore = "long: about half an hour; run with --ignored"]
fn three_hundred_killed_sequences() {
    let started = Instant::now();
    let mut total = Figures::default();
    for i in 0..15 {
        let f = model_run(i, 20, 31);
        total.sequences += f.sequences;
        total.killed_sequences += f.killed_sequences;
        total.kills += f.kills;
        total.ended_before_kill += f.ended_before_kill;
        total.half_encrypted += f.half_encrypted;
        total.half_decrypted += f.half_decrypted;
        total.passphrase_kills_new_won += f.passphrase_kills_new_won;
        total.refused_busy += f.refused_busy;
        total.trails += f.trails;
        total.checks_encrypted += f.checks_encrypted;
        total.checks_plain += f.checks_plain;
        for (op, n) in f.operations {
            *total.operations.entry(op).or_default() += n;
        }
        println!("folder {i}: {} sequences, {} kills, {:?} so far", f.sequences, f.kills, started.elapsed());
    }
    println!("{total:#?}\nin {:?}", started.elapsed());
    assert!(total.killed_sequences >= 300);
}
