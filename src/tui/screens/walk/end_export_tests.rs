//! The end screen's exports: asked first when a passage looks identifying
//! (naming each passage), `o` opening the last export with the system's
//! application (recorded here, never launched), and an ephemeral walk that
//! is kept as a trail or exported after all.

use ratatui::crossterm::event::KeyCode;

use super::Pane;
use crate::text::Lang;
use crate::tui::testing::{Harness, LANGS, walk};

/// Types `facts` into the first question, then goes to the end screen.
fn answer_then_end(h: &mut Harness, facts: &str) {
    h.press(KeyCode::Tab).type_text(facts);
    for _ in 0..20 {
        if h.walk_screen().pane == Pane::End {
            return;
        }
        h.press(KeyCode::Tab);
    }
    panic!("the end screen was not reached");
}

fn exports(h: &Harness) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(h.dir.path().join("exports"))
        .map(|dir| dir.map(|e| e.expect("an entry").path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

const IDENTIFYING: &str = "Mme Durand a appelé du 06 12 34 56 78.";

#[test]
fn e_asks_first_when_a_passage_looks_identifying_and_names_it() {
    for lang in LANGS {
        let mut h = Harness::walk(lang, 80, 24);
        answer_then_end(&mut h, IDENTIFYING);
        h.press(KeyCode::Char('e')).saved();
        let screen = h.screen();
        assert!(exports(&h).is_empty(), "nothing is written before the answer");
        let prompt = h.walk_screen().walk().grid.steps[1].questions[0].prompt.clone();
        // Each passage as `lint` names it: the question and the quoted text.
        assert!(screen.contains(&prompt[..prompt.len().min(20)]), "{screen}");
        assert!(screen.contains(&lang.quote("06 12 34 56 78")), "{screen}");
        assert!(screen.contains(&lang.quote("Mme Durand")), "{screen}");
        assert!(screen.contains(lang.export_confirm()), "{screen}");
        // No: nothing is written, and the end screen is back.
        h.press(KeyCode::Char('n')).saved();
        assert!(exports(&h).is_empty());
        assert!(!h.screen().contains(lang.export_confirm()));
        // Yes: the summary is written.
        h.press(KeyCode::Char('h')).saved();
        h.press(KeyCode::Char(lang.pick('o', 'y'))).saved();
        let files = exports(&h);
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0].extension().is_some_and(|e| e == "html"));
        let screen = h.screen();
        assert!(screen.contains(lang.pick("Synthèse exportée :", "Summary exported:")), "{screen}");
    }
}

/// A long list of passages fits the box: as many as it holds, then how
/// many more, and the command that lists them all.
#[test]
fn a_long_list_of_passages_fits_the_question_and_says_how_many_more() {
    let mut h = Harness::walk(Lang::Fr, 80, 24);
    let many: Vec<String> = (10..40).map(|n| format!("Appeler le 06 12 34 56 {n}.")).collect();
    answer_then_end(&mut h, &many.join("\n"));
    h.press(KeyCode::Char('e')).saved();
    let screen = h.screen();
    let id = h.walk_screen().walk().trail.id.clone();
    assert!(screen.contains("06 12 34 56 10"), "the first passages are shown: {screen}");
    assert!(!screen.contains("06 12 34 56 39"), "{screen}");
    assert!(screen.contains("de plus : discern lint"), "{screen}");
    assert!(screen.contains(&id[..4]), "{screen}");
    assert!(screen.contains("Exporter quand même ?") && screen.contains("o : oui"), "{screen}");
    insta::assert_snapshot!("export_question_many_fr_80x24", screen);
}

#[test]
fn without_anything_identifying_e_exports_at_once() {
    let mut h = Harness::walk(Lang::En, 80, 24);
    answer_then_end(&mut h, "The school asked about M.");
    h.press(KeyCode::Char('e')).saved();
    assert_eq!(exports(&h).len(), 1);
}

#[test]
fn o_opens_the_last_export_and_says_so_or_why_not() {
    let mut h = Harness::walk(Lang::En, 80, 24);
    answer_then_end(&mut h, "The school asked about M.");
    h.press(KeyCode::Char('o'));
    assert_eq!(h.walk_screen().notice(), Some("Nothing was exported yet: e (Markdown) or h (HTML) first."));
    assert!(h.opened().is_empty(), "nothing to open");
    h.press(KeyCode::Char('h')).saved();
    h.press(KeyCode::Char('o')).saved();
    let files = exports(&h);
    assert_eq!(h.opened(), files, "the export, and nothing else, was asked to open");
    let screen = h.screen();
    assert!(screen.contains("Opened with the default application"), "{screen}");
    // The system cannot open it: why, and where the file is.
    h.opening_fails(std::io::ErrorKind::NotFound);
    h.press(KeyCode::Char('o')).saved();
    let screen = h.screen();
    assert!(screen.contains("Could not open it ("), "{screen}");
    assert!(screen.contains("file is here:"), "{screen}");
}

#[test]
fn s_keeps_an_ephemeral_walk_as_a_trail_with_the_title_asked() {
    for lang in LANGS {
        let mut h = Harness::unsaved_walk(walk(lang), lang, 80, 24);
        answer_then_end(&mut h, "Atelier");
        assert!(h.trail_files().is_empty(), "an ephemeral walk writes nothing");
        let screen = h.screen();
        assert!(screen.contains(lang.end_keys()[3]), "{screen}");
        assert!(!screen.contains("-o"), "no « start again with -o »: {screen}");
        h.press(KeyCode::Char('s'));
        assert!(h.screen().contains(lang.keep_box()), "{}", h.screen());
        h.press(KeyCode::End);
        h.type_text(" (atelier)").press(KeyCode::Enter).saved();
        let files = h.trail_files();
        assert_eq!(files.len(), 1, "the walk is kept: {files:?}");
        let kept = crate::trail::store::Store::load(&files[0]).expect("the trail reads back");
        assert!(kept.title.ends_with(" (atelier)"), "{}", kept.title);
        assert!(kept.answers.iter().any(|r| r.answer.is_some()), "with its answers");
        let screen = h.screen();
        assert!(screen.contains(lang.pick("Parcours gardé :", "Walk kept as a trail:")), "{screen}");
        // It saves by itself from now on, and e exports without asking where.
        h.press(KeyCode::Char('e')).saved();
        assert_eq!(exports(&h).len(), 1);
        h.press(KeyCode::Char('s'));
        assert_eq!(h.walk_screen().notice(), Some(lang.end_already_kept()));
    }
}

#[test]
fn e_on_an_ephemeral_walk_says_where_the_summary_goes_and_writes_it_when_asked() {
    let mut h = Harness::unsaved_walk(walk(Lang::Fr), Lang::Fr, 80, 24);
    answer_then_end(&mut h, "Atelier");
    h.press(KeyCode::Char('e')).saved();
    let screen = h.screen();
    assert!(screen.contains("Ce parcours éphémère n'a rien écrit."), "{screen}");
    assert!(screen.contains("L'écrire ?"), "{screen}");
    assert!(exports(&h).is_empty());
    h.press(KeyCode::Char('o')).saved();
    assert_eq!(exports(&h).len(), 1, "written once asked");
    assert!(h.trail_files().is_empty(), "the walk itself is still not kept");
    let screen = h.screen();
    assert!(screen.contains("Synthèse exportée :") && screen.contains("abcd2345-1.md"), "{screen}");
}

#[test]
fn the_end_screen_of_an_ephemeral_walk_as_a_person_sees_it() {
    for lang in LANGS {
        let mut h = Harness::unsaved_walk(walk(lang), lang, 80, 24);
        answer_then_end(&mut h, "Atelier");
        insta::assert_snapshot!(format!("end_screen_ephemeral_{}_80x24", lang.tag()), h.screen());
    }
}

/// An ephemeral walk holds no lock of the data folder; kept as a trail, it
/// writes into the folder, so it takes the lock then: while `encrypt` holds
/// it alone, nothing is written (the new trail would be missed, plaintext in
/// an encrypted folder) and the screen says why.
#[test]
fn s_while_encrypt_holds_the_folder_writes_nothing_and_says_why() {
    use crate::trail::store::folder_lock::{FolderLock, Hold};
    let mut h = Harness::unsaved_walk(walk(Lang::En), Lang::En, 100, 30);
    answer_then_end(&mut h, "Atelier");
    let data_dir = h.sessions().parent().expect("the data folder").to_path_buf();
    crate::paths::create_private_dir(&data_dir).expect("the data folder");
    let encrypting = FolderLock::try_take(&data_dir, Hold::Exclusive).expect("the lock, alone");
    h.press(KeyCode::Char('s'));
    h.press(KeyCode::Enter).saved();
    assert!(h.trail_files().is_empty(), "nothing written while encrypt runs");
    let screen = h.screen();
    assert!(screen.contains("another discern is still encrypting"), "{screen}");
    // Still ephemeral: no save is retried behind the user's back.
    h.press(KeyCode::Char('x')).saved();
    assert!(h.trail_files().is_empty());
    drop(encrypting);
    h.press(KeyCode::Char('s'));
    h.press(KeyCode::Enter).saved();
    assert_eq!(h.trail_files().len(), 1, "kept once the folder is free: {}", h.screen());
}
