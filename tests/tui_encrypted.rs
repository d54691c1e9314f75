//! The screen in an encrypted folder: the library's title line when the
//! work was left half done, and a save that cannot encrypt.

use age::secrecy::SecretString;
use discern::grid::Answer;
use discern::trail::store::Store;
use discern::tui::testing::{Harness, at, save_trail};
use ratatui::crossterm::event::KeyCode;

fn passphrase() -> SecretString {
    SecretString::from("a passphrase for the test".to_string())
}

#[test]
fn the_library_says_a_half_encrypted_folder_and_the_command_that_finishes() {
    let mut h = Harness::library_unlocked(|dir| {
        // A plaintext trail left by an encryption that was interrupted.
        save_trail(dir, "Left in plaintext", "aaaa2345");
        let key = Store::new(dir).create_key(&passphrase()).expect("a key");
        save_trail(dir, "Encrypted", "bbbb2345");
        key
    });
    let screen = h.screen();
    assert!(screen.contains("half encrypted: \"discern encrypt\" finishes"), "{screen}");
    assert!(screen.contains("Left in plaintext") && screen.contains("Encrypted"), "{screen}");
}

#[test]
fn a_save_that_cannot_encrypt_writes_nothing_and_keeps_the_answers_on_screen() {
    let mut h = Harness::walk_with_saver(|dir| {
        Store::new(dir).create_key(&passphrase()).expect("a key");
        // key.pub damaged (a sync that emptied it): nothing to encrypt to.
        std::fs::write(dir.join("key.pub"), "").expect("written");
        None
    });
    let before = std::fs::read(h.trail_path()).expect("the trail");
    h.press(KeyCode::Tab).type_text("never in plaintext");
    h.saved();
    let screen = h.screen();
    assert!(screen.contains("Not saved:") && screen.contains("key.pub"), "{screen}");
    assert!(screen.contains("kept in memory"), "{screen}");
    assert_eq!(h.walk_screen().walk().answer(at(1, 0)), Some(&Answer::Text("never in plaintext".into())));
    assert_eq!(std::fs::read(h.trail_path()).expect("the trail"), before, "nothing was written");
    for entry in std::fs::read_dir(h.sessions()).expect("the sessions folder") {
        let bytes = std::fs::read(entry.expect("an entry").path()).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&bytes).contains("never in plaintext"));
    }
}

#[test]
fn in_french_the_status_line_says_it_whole_at_80_columns() {
    let mut h = Harness::walk(discern::text::Lang::Fr, 80, 24);
    Store::new(h.dir.path()).create_key(&passphrase()).expect("a key");
    std::fs::write(h.dir.path().join("key.pub"), "").expect("written");
    h.press(KeyCode::Tab).type_text("jamais en clair");
    h.saved();
    let screen = h.screen();
    assert!(screen.contains("Non enregistré") && screen.contains("key.pub absent ou abîmé"), "{screen}");
    assert!(screen.contains("en mémoire"), "{screen}");
}

#[test]
fn in_french_the_library_says_a_half_decrypted_folder_whole_at_80_columns() {
    let mut h = Harness::library(discern::text::Lang::Fr, 80, 24, |dir| {
        Store::new(dir).create_key(&passphrase()).expect("a key");
        save_trail(dir, "Chiffré", "aaaa2345");
        // A decryption was under way when it was killed.
        std::fs::write(dir.join(".decrypting"), "").expect("written");
    });
    let screen = h.screen();
    assert!(screen.contains("à moitié déchiffré : « discern decrypt » termine"), "{screen}");
}
