//! Issue 13's budget with encryption on: unlocking (scrypt), `discern list`
//! of 1,000 encrypted trails once unlocked, and the encrypted autosave that
//! runs on the saver thread (the key-press path does not change: the
//! `frame` rows measure it, and no encryption happens there).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use discern::grid::Answer;
use discern::trail::store::Store;

use super::{Row, data, discern, median, ms, time_command};

const PASSPHRASE: &str = "benchmark passphrase";

/// An encrypted data folder with `n` trails.
fn encrypted_folder(data: &Path, pass: &Path, n: usize) {
    data::trails(data, n);
    let status = discern(data).arg("--passphrase-file").arg(pass).arg("encrypt").status().expect("runs");
    assert!(status.success());
}

pub fn rows(root: &Path) -> Vec<Row> {
    let pass = root.join("pass.txt");
    std::fs::write(&pass, PASSPHRASE).expect("written");
    let with_pass = |data: &Path| {
        let mut c: Command = discern(data);
        c.arg("--passphrase-file").arg(&pass).arg("list");
        c
    };
    let empty = root.join("encrypted-0");
    encrypted_folder(&empty, &pass, 0);
    let unlock = time_command(|| with_pass(&empty), 10);
    let full = root.join("encrypted-1000");
    encrypted_folder(&full, &pass, 1_000);
    let listed = time_command(|| with_pass(&full), 10);
    let after = listed.saturating_sub(unlock);
    vec![
        Row {
            what: "unlocking an encrypted folder (scrypt 2^17, with the program's start)".into(),
            budget: "≤ 1.5 s".into(),
            measured: ms(unlock),
            ok: unlock <= Duration::from_millis(1_500),
        },
        Row {
            what: "`discern list` of 1,000 encrypted trails, after the unlock".into(),
            budget: "≤ 30 ms".into(),
            measured: ms(after),
            ok: after <= Duration::from_millis(30),
        },
        Row {
            what: "encrypted autosave of a 1 MB trail (on the saver thread)".into(),
            budget: "measured".into(),
            measured: ms(encrypted_autosave(root)),
            ok: true,
        },
    ]
}

fn encrypted_autosave(root: &Path) -> Duration {
    let data = root.join("encrypted-autosave");
    let store = Store::new(&data);
    store.create_key(&age::secrecy::SecretString::from(PASSPHRASE.to_string())).expect("a key");
    let mut trail = data::sample_trail("Big");
    trail.answers[0].answer = Some(Answer::Text("Une longue réflexion. ".repeat(1024 * 1024 / 22)));
    let path = store.path_for(&trail);
    let times: Vec<Duration> = (0..10)
        .map(|_| {
            let start = Instant::now();
            store.save(&trail, &path).expect("saved");
            start.elapsed()
        })
        .collect();
    median(times)
}
