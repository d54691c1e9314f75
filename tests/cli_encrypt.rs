//! Encryption at rest through the real binary: encrypt, decrypt, a wrong
//! passphrase, no plaintext left, the age format both ways, and kill -9.

mod common;
mod encrypt_support;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use common::{discern, stderr, stdout};
use encrypt_support::*;

#[test]
fn encrypt_leaves_no_plaintext_and_decrypt_brings_everything_back() {
    let f = folder();
    f.encrypt();
    let files = trail_files(&f.data);
    assert_eq!(files.len(), 2);
    assert!(files.iter().all(|p| p.extension().unwrap() == "age"), "{files:?}");
    assert!(f.data.join("sessions/.index.age").is_file() && !f.data.join("sessions/.index.json").exists());
    assert!(f.data.join("key.age").is_file() && f.data.join("key.pub").is_file());
    assert_no_plaintext(&f.data);
    let config = fs::read_to_string(f.data.join("config.toml")).unwrap();
    assert_eq!(config, "retention_days = 90\n", "the author left the config file");
    // Reading asks the passphrase; with it, everything is there.
    let out = f.run(&["list"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(TITLE), "{}", stdout(&out));
    assert_no_plaintext(&f.data);
    let out = f.run(&["export", "--yes", &files[0].display().to_string(), "--format", "json"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(ANSWER));

    let out = f.run(&["decrypt"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("decrypted: 2 trails"), "{}", stderr(&out));
    let files = trail_files(&f.data);
    assert!(files.iter().all(|p| p.extension().unwrap() == "toml"), "{files:?}");
    assert!(files.iter().any(|p| fs::read_to_string(p).unwrap().contains(TITLE)));
    assert!(!f.data.join("key.age").exists() && !f.data.join("key.pub").exists());
    assert!(fs::read_to_string(f.data.join("config.toml")).unwrap().contains("Camille Relectrice"));
    let out = f.run(&["list"], None);
    assert!(out.status.success() && stdout(&out).contains(TITLE), "{}", stderr(&out));
}

#[test]
fn a_wrong_passphrase_exits_2_and_changes_nothing() {
    let f = folder();
    f.encrypt();
    let before = snapshot(&f.data);
    for command in [
        &["list"][..],
        &["decrypt"],
        &["encrypt"],
        &["export", "--yes", "zz"],
        &["purge", "--older-than", "1", "--yes"],
    ] {
        let out = f.run(command, Some(&f.bad));
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        assert!(stderr(&out).contains("does not open this folder"), "{}", stderr(&out));
        assert_eq!(snapshot(&f.data), before, "{command:?} changed something");
    }
    // Without a terminal and without --passphrase-file: said, and exit 2.
    let out = f.run(&["list"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--passphrase-file"), "{}", stderr(&out));
    assert_eq!(snapshot(&f.data), before);
}

#[test]
fn an_empty_passphrase_is_refused_and_nothing_is_encrypted() {
    let f = folder();
    fs::write(&f.bad, "\n").unwrap();
    let before = snapshot(&f.data);
    let out = f.run(&["encrypt"], Some(&f.bad));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty passphrase"), "{}", stderr(&out));
    assert_eq!(snapshot(&f.data), before);
}

#[test]
fn saving_needs_no_passphrase_and_writes_no_plaintext() {
    let f = folder();
    f.encrypt();
    let out = discern(&f.data)
        .args(["new", "--grid", GRID, "--title", "Situation Zéphyrin bis"])
        .write_stdin(format!("{ANSWER} encore\n2\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = PathBuf::from(stdout(&out).lines().last().unwrap());
    assert_eq!(path.extension().unwrap(), "age");
    assert_no_plaintext(&f.data);
    let out = f.run(&["export", "--yes", &path.display().to_string()], Some(&f.good));
    assert!(stdout(&out).contains("encore"), "{}", stderr(&out));
}

#[test]
fn a_trail_written_by_discern_opens_with_the_age_crate_alone() {
    let f = folder();
    f.encrypt();
    let identity = identity(&f.data);
    let mut found = false;
    for path in trail_files(&f.data) {
        let bytes = fs::read(&path).unwrap();
        let mut text = String::new();
        age::Decryptor::new(&bytes[..])
            .unwrap()
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert!(text.starts_with("format = "), "{text}");
        found |= text.contains(TITLE) && text.contains(ANSWER);
    }
    assert!(found);
    // The index and the author name too.
    for file in ["sessions/.index.age", "author.age"] {
        let bytes = fs::read(f.data.join(file)).unwrap();
        let mut text = String::new();
        age::Decryptor::new(&bytes[..])
            .unwrap()
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert!(text.contains(TITLE) || text.contains("Camille Relectrice"), "{file}: {text}");
    }
}

#[test]
fn a_file_encrypted_by_the_age_crate_to_the_public_key_opens_in_discern() {
    let f = folder();
    f.encrypt();
    let public = fs::read_to_string(f.data.join("key.pub")).unwrap();
    let recipient = age::x25519::Recipient::from_str(public.trim()).unwrap();
    let example = trail_files(Path::new(".")).into_iter().next().expect("an example trail in sessions/");
    let id = example.file_stem().unwrap().to_string_lossy().rsplit('-').next().unwrap().to_string();
    let plain = fs::read(&example).unwrap();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).unwrap();
    std::io::Write::write_all(&mut writer, &plain).unwrap();
    writer.finish().unwrap();
    fs::write(f.data.join("sessions").join(format!("2026-11-29-{id}.age")), sealed).unwrap();
    let out = f.run(&["export", "--yes", &id, "--format", "json"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("\"id\": \"{id}\"")), "{}", stdout(&out));
}

#[test]
fn a_kill_9_at_any_point_of_encrypt_loses_nothing_and_running_it_again_finishes() {
    // Kill as soon as the key is made, then as soon as the first trail is
    // encrypted: whatever the timing, every trail stays readable.
    for wait_for in ["key.pub", ".age"] {
        let f = folder();
        let n = many_trails(&f, 150).len() + 2;
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("discern"))
            .env("DISCERN_DATA_DIR", &f.data)
            .env("LANG", "C")
            .arg("--passphrase-file")
            .arg(&f.good)
            .arg("encrypt")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let seen = |data: &Path| match wait_for {
            "key.pub" => data.join("key.pub").exists(),
            _ => trail_files(data).iter().any(|p| p.extension().is_some_and(|e| e == "age")),
        };
        while !seen(&f.data) && child.try_wait().unwrap().is_none() {
            std::thread::yield_now();
        }
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        assert_all_readable(&f, n);
        let out = f.run(&["encrypt"], Some(&f.good));
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(trail_files(&f.data).iter().all(|p| p.extension().unwrap() == "age"));
        assert_all_readable(&f, n);
        assert_no_plaintext(&f.data);
    }
}
