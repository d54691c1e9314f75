//! The real binary in a pseudo-terminal: a bracketed paste keeps its lines
//! (CR and CRLF become line breaks), and `discern new` says, after the
//! screen closes, where the trail is and how to export it.
#![cfg(unix)]

mod pty_support;

use pty_support::{Setup, send, trail_text, wait_for};

#[test]
fn a_pasted_text_keeps_its_lines_and_new_says_where_the_trail_is() {
    let setup = Setup::new();
    let data = setup.data.as_path();
    let mut p = setup.new_trail("Paste");
    p.exp_string("Zebrafacts?").expect("the first question is shown");
    // A paste from a clipboard with Windows and old Mac line ends.
    send(&mut p, "\x1b[200~first line\r\nsecond line\rthird line\x1b[201~");
    wait_for("the pasted text in the trail file", || {
        trail_text(data).is_some_and(|t| t.contains("third line"))
    });
    let text = trail_text(data).expect("a trail");
    assert!(text.contains("first line\nsecond line\nthird line"), "{text}");
    assert!(!text.contains('\r') && !text.contains("\\r"), "no carriage return is kept: {text}");
    // Ctrl-C saves and quits; then the path and how to export.
    send(&mut p, "\x03");
    p.exp_string("Trail saved: ").expect("the trail's path is printed");
    p.exp_string("discern export").expect("how to export it is printed");
    p.exp_eof().expect("discern ends");
}
