//! Helpers for the tests of an encrypted data folder: a folder with trails
//! and passphrase files, what is in it byte for byte, and reading its files
//! with the age crate alone, as a user's `age -d` would.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::secrecy::SecretString;

use crate::common::{discern, stderr, stdout};

pub const GRID: &str = "tests/grids/good/example.fr.toml";
pub const PASSPHRASE: &str = "trois mots inhabituels";
pub const TITLE: &str = "Situation Zéphyrin";
pub const ANSWER: &str = "Récit confidentiel du mardi";

/// A data folder with two trails and an author in its config, and the
/// passphrase files beside it (outside the data folder).
pub struct Folder {
    pub root: tempfile::TempDir,
    pub data: PathBuf,
    pub good: PathBuf,
    pub bad: PathBuf,
}

pub fn folder() -> Folder {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let good = root.path().join("pass.txt");
    let bad = root.path().join("wrong.txt");
    fs::write(&good, format!("{PASSPHRASE}\nignored second line\n")).unwrap();
    fs::write(&bad, "not the passphrase\n").unwrap();
    for title in [TITLE, "Autre situation"] {
        let out = discern(&data)
            .args(["new", "--grid", GRID, "--title", title])
            .write_stdin(format!("{ANSWER}\n1\n"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    fs::write(data.join("config.toml"), "author = \"Camille Relectrice\"\nretention_days = 90\n").unwrap();
    Folder { root, data, good, bad }
}

impl Folder {
    pub fn run(&self, args: &[&str], pass: Option<&Path>) -> std::process::Output {
        let mut cmd = discern(&self.data);
        if let Some(p) = pass {
            cmd.arg("--passphrase-file").arg(p);
        }
        cmd.args(args).output().unwrap()
    }

    pub fn encrypt(&self) {
        let out = self.run(&["encrypt"], Some(&self.good));
        assert!(out.status.success(), "{}", stderr(&out));
    }

    /// A file beside the data folder holding `text`.
    pub fn file(&self, name: &str, text: &[u8]) -> PathBuf {
        let path = self.root.path().join(name);
        fs::write(&path, text).unwrap();
        path
    }
}

/// Every file under `dir` and its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = fs::read(&p) {
                out.insert(p.clone(), bytes);
            }
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// No file of the data folder holds a title, an answer or the author.
pub fn assert_no_plaintext(data: &Path) {
    assert_none_of(data, &[TITLE, "Zéphyrin", ANSWER, "Autre situation", "Camille Relectrice"]);
}

/// No file of the data folder holds any of `secrets` in plaintext.
pub fn assert_none_of(data: &Path, secrets: &[&str]) {
    for (path, bytes) in snapshot(data) {
        for secret in secrets {
            assert!(!contains(&bytes, secret), "{} holds {secret:?} in plaintext", path.display());
        }
    }
}

/// The folder's identity, read from key.age with the age crate alone.
pub fn identity(data: &Path) -> age::x25519::Identity {
    identity_with(data, PASSPHRASE).expect("key.age opens with the passphrase")
}

pub fn identity_with(data: &Path, passphrase: &str) -> Option<age::x25519::Identity> {
    let bytes = fs::read(data.join("key.age")).ok()?;
    let scrypt = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let mut text = String::new();
    age::Decryptor::new(&bytes[..])
        .ok()?
        .decrypt(std::iter::once(&scrypt as &dyn age::Identity))
        .ok()?
        .read_to_string(&mut text)
        .ok()?;
    let line = text.lines().find(|l| l.starts_with("AGE-SECRET-KEY-"))?;
    age::x25519::Identity::from_str(line).ok()
}

/// An age file's plaintext, with the age crate alone.
pub fn age_decrypt(bytes: &[u8], identity: &age::x25519::Identity) -> Option<Vec<u8>> {
    let mut plain = Vec::new();
    age::Decryptor::new(bytes)
        .ok()?
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .ok()?
        .read_to_end(&mut plain)
        .ok()?;
    Some(plain)
}

/// The trail files of the sessions folder (not the hidden ones).
pub fn trail_files(data: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(data.join("sessions")) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    files
}

/// Many trails, so that a kill lands in the middle of the work.
pub fn many_trails(f: &Folder, n: usize) -> Vec<String> {
    let sessions = f.data.join("sessions");
    let model = trail_files(&f.data).into_iter().next().unwrap();
    let text = fs::read_to_string(&model).unwrap();
    let id = model.file_stem().unwrap().to_string_lossy().rsplit('-').next().unwrap().to_string();
    let mut ids = Vec::new();
    for i in 0..n {
        let new_id = format!("k{i:07}");
        fs::write(sessions.join(format!("2026-11-29-{new_id}.toml")), text.replace(&id, &new_id)).unwrap();
        ids.push(new_id);
    }
    ids
}

/// Every trail is there exactly once and readable, plaintext or encrypted.
pub fn assert_all_readable(f: &Folder, expected: usize) {
    let out = f.run(&["list", "--json"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    let items: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let items = items.as_array().unwrap();
    assert!(items.iter().all(|i| i["damaged"].is_null()), "{items:?}");
    let mut ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), expected);
    assert_eq!(items.len(), expected, "no trail is there twice");
}

/// The id in a trail file's name.
pub fn id_of(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().rsplit('-').next().unwrap().to_string()
}

/// The real binary as a process of its own (to run several at once, or
/// to kill), in English, with its data folder in `data`.
pub fn process(data: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("discern"));
    cmd.env("DISCERN_DATA_DIR", data)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("DISCERN_CONFIG")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    cmd
}

/// Waits until `done` holds (or `child` ended), at most `limit`.
pub fn wait_until(
    child: &mut std::process::Child,
    limit: std::time::Duration,
    mut done: impl FnMut() -> bool,
) {
    let start = std::time::Instant::now();
    while !done() && child.try_wait().unwrap().is_none() && start.elapsed() < limit {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}
