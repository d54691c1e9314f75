//! The windowed editor against ratatui-textarea holding the whole text:
//! after every key, the same answer, the same rows drawn, the terminal's
//! cursor at the same place.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui_textarea::{Input, Key, TextArea};

use super::{AnswerEditor, MAX_BYTES, MAX_LINES};
use crate::tui::theme::Palette;

/// Where the editor is drawn, away from the terminal's corner.
const AREA: Rect = Rect { x: 3, y: 2, width: 60, height: 20 };

/// About `size` bytes of paragraphs of a few lines, an empty line
/// between some, the line's number at its start.
fn answer(size: usize) -> String {
    let sentence = "Une réflexion longue et soignée, qui pèse les raisons de parler et de se taire. ";
    let mut lines = Vec::new();
    let mut total = 0;
    for i in 0.. {
        if total >= size {
            break;
        }
        let line = if i % 9 == 8 { String::new() } else { format!("{i}: {}", sentence.repeat(1 + i % 7)) };
        total += line.len() + 1;
        lines.push(line);
    }
    lines.join("\n")
}

fn key(key: Key) -> Input {
    Input { key, ..Input::default() }
}

fn ctrl(key: Key) -> Input {
    Input { key, ctrl: true, ..Input::default() }
}

fn alt(key: Key) -> Input {
    Input { key, alt: true, ..Input::default() }
}

fn shift(key: Key) -> Input {
    Input { key, shift: true, ..Input::default() }
}

/// The windowed editor and the whole-text one, given the same keys.
struct Twins {
    editor: AnswerEditor,
    whole: TextArea<'static>,
    area: Rect,
    terminal: Terminal<TestBackend>,
    /// The windows seen: how many times it was cut.
    windows: Vec<super::Cut>,
}

impl Twins {
    fn new(text: &str, area: Rect) -> Twins {
        let palette = Palette::mono();
        let terminal =
            Terminal::new(TestBackend::new(area.right() + 2, area.bottom() + 2)).expect("a terminal");
        let mut twins = Twins {
            editor: AnswerEditor::new(text, "Votre réponse", &palette),
            whole: super::super::text(text, "Votre réponse", &palette),
            area,
            terminal,
            windows: Vec::new(),
        };
        twins.same();
        twins
    }

    /// Draws both: the same cells, the same cursor.
    fn same(&mut self) {
        let area = self.area;
        let (editor, whole) = (&self.editor, &self.whole);
        let draw = |terminal: &mut Terminal<TestBackend>, windowed: bool| {
            terminal
                .draw(|frame| {
                    if windowed {
                        frame.render_widget(editor, area);
                        editor.place_cursor(area, frame);
                    } else {
                        frame.render_widget(whole, area);
                        super::super::place_cursor(whole, area, frame);
                    }
                })
                .expect("drawn");
            let cursor = terminal.get_cursor_position().expect("a cursor");
            (terminal.backend().buffer().clone(), cursor)
        };
        let (cells, cursor) = draw(&mut self.terminal, true);
        let (whole_cells, whole_cursor) = draw(&mut self.terminal, false);
        assert_eq!(cells, whole_cells, "the same rows are drawn");
        assert_eq!(cursor, whole_cursor, "the cursor is at the same place");
        let cut = self.editor.current_cut();
        if self.windows.last() != Some(&cut) {
            self.windows.push(cut);
        }
    }

    fn press(&mut self, input: Input) -> &mut Self {
        let changed = self.editor.input(input.clone());
        let same_keys = super::super::undo_keys(input.clone());
        assert_eq!(changed, self.whole.input(same_keys), "{input:?} changes the text or not");
        assert_eq!(self.editor.text(), self.whole.lines().join("\n"), "the answer after {input:?}");
        self.same();
        self
    }

    fn times(&mut self, n: usize, inputs: &[Input]) -> &mut Self {
        for _ in 0..n {
            for input in inputs {
                self.press(input.clone());
            }
        }
        self
    }

    fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.press(key(Key::Char(c)));
        }
        self
    }

    fn paste(&mut self, text: &str) {
        assert_eq!(self.editor.insert_str(text), self.whole.insert_str(text));
        assert_eq!(self.editor.text(), self.whole.lines().join("\n"), "the answer after a paste");
        self.same();
    }

    fn window_bytes(&self) -> usize {
        self.editor.window.lines().iter().map(|l| l.len() + 1).sum()
    }
}

#[test]
fn typing_at_the_end_of_a_100_kb_answer_keeps_a_small_window() {
    let text = answer(100 * 1024);
    let mut twins = Twins::new(&text, AREA);
    twins.type_text(" Et puis");
    twins.press(key(Key::Enter)).type_text("une ligne de plus");
    assert!(twins.window_bytes() <= MAX_BYTES, "{} bytes held", twins.window_bytes());
    assert_eq!(twins.editor.text(), format!("{text} Et puis\nune ligne de plus"));
    assert_eq!(twins.editor.cursor(), (text.lines().count(), 17));
}

#[test]
fn moving_up_across_the_window_edge_then_typing_there() {
    let mut twins = Twins::new(&answer(100 * 1024), AREA);
    twins.times(300, &[key(Key::Up)]);
    assert!(twins.windows.len() >= 3, "the window moved up: {:?}", twins.windows);
    twins.type_text("ici ").press(key(Key::Enter)).type_text("là");
    twins.times(120, &[key(Key::Down)]).type_text("plus bas");
}

#[test]
fn backspace_at_the_start_of_lines_joins_them_across_the_window_edge() {
    let mut twins = Twins::new(&answer(40 * 1024), AREA);
    twins.times(60, &[key(Key::Up)]);
    twins.times(80, &[key(Key::Home), key(Key::Backspace)]);
    assert!(twins.windows.len() >= 3, "the window moved up: {:?}", twins.windows);
}

#[test]
fn delete_at_the_end_of_lines_joins_them_across_the_window_edge() {
    let mut twins = Twins::new(&answer(100 * 1024), AREA);
    twins.press(alt(Key::Char('<')));
    twins.times(80, &[key(Key::End), key(Key::Delete)]);
    assert!(twins.windows.len() >= 3, "the window moved down: {:?}", twins.windows);
}

#[test]
fn a_paste_of_many_lines_grows_the_window_then_it_is_cut_again() {
    let text = answer(100 * 1024);
    let mut twins = Twins::new(&text, AREA);
    twins.times(100, &[key(Key::Up)]);
    twins.paste(&answer(30 * 1024));
    assert!(twins.window_bytes() <= MAX_BYTES, "{} bytes held", twins.window_bytes());
    twins.type_text("après").times(50, &[key(Key::Up)]).times(100, &[key(Key::Down)]);
    assert!(twins.editor.text().len() > text.len() + 30 * 1024);
}

#[test]
fn the_keys_that_jump_far_land_where_they_do_in_the_whole_text() {
    let mut twins = Twins::new(&answer(100 * 1024), AREA);
    let ctrl_alt = |k| Input { key: k, ctrl: true, alt: true, shift: false };
    twins.press(ctrl_alt(Key::Up)).type_text("début ");
    twins.times(5, &[ctrl(Key::Down)]).type_text("paragraphe");
    twins.times(4, &[ctrl(Key::Char('v'))]).type_text("page");
    twins.times(2, &[alt(Key::Char('v'))]).times(3, &[ctrl(Key::Up)]);
    twins.press(ctrl_alt(Key::Down)).type_text(" fin");
    twins.press(alt(Key::Char('<'))).press(alt(Key::Char('>'))).press(alt(Key::Char(']')));
    twins.press(key(Key::PageUp)).press(key(Key::PageDown));
    assert!(twins.windows.len() >= 5, "{:?}", twins.windows);
}

#[test]
fn a_selection_across_the_window_edge_is_kept_and_cut_whole() {
    let mut twins = Twins::new(&answer(100 * 1024), AREA);
    twins.times(40, &[key(Key::Up)]);
    twins.times(90, &[shift(Key::Up)]);
    assert!(twins.windows.len() >= 2, "{:?}", twins.windows);
    twins.press(ctrl(Key::Char('x')));
    twins.times(50, &[key(Key::Down)]).press(key(Key::Paste));
}

#[test]
fn ctrl_z_undoes_typing_and_ctrl_y_redoes_it() {
    let mut twins = Twins::new("Le collège", AREA);
    twins.type_text(" demande");
    twins.press(ctrl(Key::Char('z'))).press(ctrl(Key::Char('z')));
    assert_eq!(twins.editor.text(), "Le collège deman");
    twins.press(ctrl(Key::Char('y'))).press(ctrl(Key::Char('y')));
    assert_eq!(twins.editor.text(), "Le collège demande");
}

#[test]
fn a_single_line_of_100_kb_is_cut_at_its_rows() {
    let text = "mot ".repeat(25 * 1024);
    let mut twins = Twins::new(&text, AREA);
    twins.type_text("fin").times(30, &[key(Key::Up)]).type_text("milieu");
    assert_eq!(twins.editor.window_range(), 0..1);
    assert!(!twins.editor.head.is_empty(), "the window starts inside the line");
    assert!(twins.window_bytes() <= MAX_BYTES, "{} bytes held", twins.window_bytes());
    twins.times(300, &[key(Key::Up)]).type_text("plus haut");
    assert!(twins.windows.len() >= 4, "the window moved up: {:?}", twins.windows);
    twins.times(100, &[key(Key::Down)]).times(40, &[key(Key::Backspace)]).times(40, &[key(Key::Delete)]);
    assert_eq!(twins.editor.text().matches('\n').count(), 0, "no line break invented");
}

#[test]
fn home_and_end_on_a_long_line_land_where_they_do_in_the_whole_text() {
    let text = format!("{}\n{}\n{}", answer(20 * 1024), "mot ".repeat(25 * 1024), answer(20 * 1024));
    let mut twins = Twins::new(&text, AREA);
    let ctrl_alt = |k| Input { key: k, ctrl: true, alt: true, shift: false };
    twins.times(250, &[key(Key::Up)]).press(key(Key::Home)).type_text("début");
    twins.press(key(Key::End)).type_text(" fin").press(ctrl(Key::Char('a'))).press(ctrl(Key::Char('e')));
    twins.times(20, &[key(Key::Up)]).press(ctrl_alt(Key::Up)).type_text("haut");
    twins.press(ctrl_alt(Key::Down)).type_text("bas").press(alt(Key::Char('<'))).press(alt(Key::Char('>')));
    twins.times(200, &[key(Key::Up)]).press(key(Key::PageUp)).press(key(Key::PageDown));
    assert!(twins.windows.len() >= 6, "{:?}", twins.windows);
}

/// Lines of every kind around long ones: long words cut by glyphs, runs
/// of spaces at the edge, wide chars, tabs.
#[test]
fn random_keys_around_long_lines_do_what_they_do_on_the_whole_text() {
    let mut long = String::new();
    for i in 0..2_000 {
        long.push_str(match i % 7 {
            0 => "anticonstitutionnellement-et-plus-encore-sans-espace-aucune-ici-pour-voir ",
            1 => "mot     mots  ",
            2 => "日本語の文字 ",
            3 => "\tun\t",
            _ => "des mots ordinaires ",
        });
    }
    let text = format!("{}\n{long}\n\n{long}\n{}", answer(6 * 1024), answer(6 * 1024));
    let inputs = [
        key(Key::Up),
        key(Key::Up),
        key(Key::Down),
        key(Key::Left),
        key(Key::Right),
        key(Key::Home),
        key(Key::End),
        key(Key::Backspace),
        key(Key::Delete),
        key(Key::Char('é')),
        key(Key::Char(' ')),
        ctrl(Key::Left),
        ctrl(Key::Right),
        ctrl(Key::Char('v')),
        alt(Key::Char('v')),
        shift(Key::Down),
        key(Key::Enter),
    ];
    for area in [AREA, Rect { x: 0, y: 0, width: 23, height: 5 }] {
        let mut twins = Twins::new(&text, area);
        twins.times(150, &[key(Key::Up)]);
        let mut seed: u64 = 11;
        for _ in 0..120 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let input = inputs[(seed >> 33) as usize % inputs.len()].clone();
            let run = 1 + (seed >> 20) as usize % 12;
            twins.times(run, &[input]);
        }
        assert!(twins.windows.len() >= 5, "{:?}", twins.windows);
    }
}

/// An answer of 5 MB written as one line: typing at its end is seen where
/// it goes, however long the line (ratatui-textarea's rows and columns
/// are 16-bit: a window holding the whole line would show its start).
#[test]
fn typing_at_the_end_of_a_5_mb_line_is_shown_with_the_cursor() {
    let text = "Une réflexion longue et soignée, qui pèse les raisons. ".repeat(5 * 1024 * 1024 / 56);
    let area = Rect { x: 1, y: 1, width: 60, height: 12 };
    let mut editor = AnswerEditor::new(&text, "", &Palette::mono());
    let _ = drawn(&editor, area);
    for c in "Et voici la fin.".chars() {
        editor.input(key(Key::Char(c)));
        let _ = drawn(&editor, area);
    }
    assert!(editor.window.lines().iter().map(String::len).sum::<usize>() <= MAX_BYTES);
    let (rows, cursor) = drawn(&editor, area);
    let row = usize::from(cursor.1);
    assert_eq!(row, usize::from(area.height) - 1, "the cursor on the last row: {rows:#?}");
    let shown = rows.iter().map(|r| r.trim_end()).collect::<Vec<_>>().join(" ");
    assert!(shown.ends_with("Et voici la fin."), "{rows:#?}");
    assert_eq!(usize::from(cursor.0), rows[row].trim_end().chars().count(), "the cursor after the text");
    assert_eq!(editor.text(), format!("{text}Et voici la fin."));
    // Home goes to the line's start, End back to its end.
    editor.input(key(Key::Home));
    let (rows, cursor) = drawn(&editor, area);
    assert_eq!(
        (cursor, rows[0].trim_end()),
        ((0, 0), "Une réflexion longue et soignée, qui pèse les raisons. Une")
    );
    editor.input(key(Key::End));
    let (rows, cursor) = drawn(&editor, area);
    assert_eq!(usize::from(cursor.1), usize::from(area.height) - 1);
    assert!(rows.iter().map(|r| r.trim_end()).collect::<Vec<_>>().join(" ").ends_with("Et voici la fin."));
}

#[test]
fn before_it_is_drawn_the_editor_holds_a_window_cut_for_a_usual_size() {
    let text = answer(100 * 1024);
    let mut editor = AnswerEditor::new(&text, "", &Palette::mono());
    let lines = text.lines().count();
    assert!(editor.window_range().start > 0 && editor.window_range().end == lines);
    for c in "abc".chars() {
        editor.input(key(Key::Char(c)));
    }
    editor.input(key(Key::Up));
    assert_eq!(editor.text(), format!("{text}abc"));
    let small = answer(10 * 1024);
    assert_eq!(AnswerEditor::new(&small, "", &Palette::mono()).window_range(), 0..small.lines().count());
}

#[test]
fn undo_reaches_back_to_the_last_cut_of_the_window() {
    let mut twins = Twins::new(&answer(100 * 1024), AREA);
    twins.type_text("a");
    let cut = twins.editor.window_range();
    twins.type_text("bc").press(ctrl(Key::Char('u')));
    assert_eq!(twins.editor.window_range(), cut, "typing at one place keeps the window");
    twins.times(200, &[key(Key::Up)]);
    assert!(!twins.editor.input(ctrl(Key::Char('u'))), "nothing to undo in a new window");
}

#[test]
fn a_window_never_holds_more_than_its_bounds_after_a_key() {
    let lines: Vec<String> = (0..5_000).map(|i| format!("ligne {i}")).collect();
    let mut twins = Twins::new(&lines.join("\n"), AREA);
    twins.times(3, &[key(Key::Char('x'))]);
    assert!(twins.editor.window.lines().len() <= MAX_LINES);
    twins.times(400, &[key(Key::Up)]);
}

/// Keys as a person might press them, in a reproducible order, on two
/// sizes of editor.
#[test]
fn random_keys_on_a_long_answer_do_what_they_do_on_the_whole_text() {
    let inputs = [
        key(Key::Up),
        key(Key::Up),
        key(Key::Down),
        key(Key::Left),
        key(Key::Right),
        key(Key::Home),
        key(Key::End),
        key(Key::Backspace),
        key(Key::Delete),
        key(Key::Enter),
        key(Key::Char('é')),
        key(Key::Char(' ')),
        ctrl(Key::Left),
        ctrl(Key::Right),
        ctrl(Key::Up),
        ctrl(Key::Down),
        ctrl(Key::Char('k')),
        ctrl(Key::Char('w')),
        ctrl(Key::Char('v')),
        alt(Key::Char('v')),
        shift(Key::Down),
    ];
    for area in [AREA, Rect { x: 0, y: 0, width: 30, height: 6 }] {
        let mut twins = Twins::new(&answer(24 * 1024), area);
        twins.times(40, &[key(Key::Up)]);
        let mut seed: u64 = 7;
        for _ in 0..100 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let input = inputs[(seed >> 33) as usize % inputs.len()].clone();
            // Runs of the same key, as when a key is held down.
            let run = 1 + (seed >> 20) as usize % 8;
            twins.times(run, &[input]);
        }
        assert!(twins.windows.len() >= 5, "{:?}", twins.windows);
    }
}

#[test]
fn deleting_forward_brings_the_lines_after_the_window_into_view() {
    let mut twins = Twins::new(&answer(40 * 1024), AREA);
    // In the middle of the answer, the cursor on the top row of the view.
    twins.press(alt(Key::Char('<'))).times(150, &[key(Key::Down)]).times(AREA.height.into(), &[key(Key::Up)]);
    twins.times(60, &[ctrl(Key::Char('k'))]);
    twins.times(150, &[key(Key::Delete)]);
    assert!(twins.windows.len() >= 3, "{:?}", twins.windows);
}

#[test]
fn a_terminal_made_taller_shows_the_same_rows_before_the_next_key() {
    let mut twins = Twins::new(&answer(100 * 1024), AREA);
    // In the middle of the answer, the cursor on the top row of the view.
    twins.press(alt(Key::Char('<'))).times(150, &[key(Key::Down)]).times(AREA.height.into(), &[key(Key::Up)]);
    twins.area = Rect { height: AREA.height * 2, ..AREA };
    twins.terminal = Terminal::new(TestBackend::new(80, 50)).expect("a terminal");
    twins.same();
    twins.times(30, &[key(Key::Down)]).times(60, &[key(Key::Up)]);
}

/// What a terminal shows of an editor drawn in `area`: its rows, and
/// where the cursor is (column and row inside the editor).
fn drawn(editor: &AnswerEditor, area: Rect) -> (Vec<String>, (u16, u16)) {
    let mut terminal = Terminal::new(TestBackend::new(area.right(), area.bottom())).expect("a terminal");
    terminal
        .draw(|frame| {
            frame.render_widget(editor, area);
            editor.place_cursor(area, frame);
        })
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    let rows = (area.top()..area.bottom())
        .map(|y| (area.left()..area.right()).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect();
    let cursor = terminal.get_cursor_position().expect("a cursor");
    (rows, (cursor.x - area.x, cursor.y - area.y))
}

#[test]
fn a_wrapped_row_never_starts_with_the_space_where_the_line_broke() {
    let area = Rect { x: 2, y: 1, width: 10, height: 3 };
    // The first row is full just before a space.
    let mut editor = AnswerEditor::new("Le collège a appelé", "", &Palette::mono());
    let (rows, cursor) = drawn(&editor, area);
    assert_eq!(rows, ["Le collège", "a appelé  ", "          "]);
    assert_eq!(cursor, (8, 1), "the cursor after the last word");
    // The cursor on the space where the line broke is shown at the end of
    // the row before.
    editor.input(key(Key::Home));
    editor.times_right(10);
    let (rows, cursor) = drawn(&editor, area);
    assert_eq!(rows[1], "a appelé  ");
    assert_eq!(cursor, (9, 0));
    // One key to the right: the start of the next row.
    editor.input(key(Key::Right));
    assert_eq!(drawn(&editor, area).1, (0, 1));
    editor.input(key(Key::Char('X')));
    let (rows, cursor) = drawn(&editor, area);
    assert_eq!(&rows[..2], ["Le collège", "Xa appelé "]);
    assert_eq!(cursor, (1, 1));
    assert_eq!(editor.text(), "Le collège Xa appelé");
}

#[test]
fn spaces_typed_at_the_edge_stay_at_the_end_of_the_row() {
    let area = Rect { x: 0, y: 0, width: 10, height: 3 };
    let mut twins = Twins::new("Le collège", area);
    twins.type_text("  demande");
    let (rows, _) = drawn(&twins.editor, area);
    assert_eq!(&rows[..2], ["Le collège", "demande   "]);
}

impl AnswerEditor {
    fn times_right(&mut self, n: usize) {
        for _ in 0..n {
            self.input(key(Key::Right));
        }
    }
}

/// A terminal resized while a long line is cut: each key still types where
/// the cursor is shown, and the answer stays exact.
#[test]
fn resizing_while_a_long_line_is_cut_keeps_typing_in_view() {
    let text = "mot, ".repeat(40 * 1024);
    let mut editor = AnswerEditor::new(&text, "", &Palette::mono());
    let mut typed = String::new();
    for (i, width) in [60u16, 23, 80, 41, 60, 17, 97].into_iter().enumerate() {
        let area = Rect { x: 1, y: 1, width, height: 9 };
        drawn(&editor, area);
        if i % 2 == 1 {
            for _ in 0..(200 * i) {
                editor.input(key(Key::Up));
            }
            drawn(&editor, area);
        }
        for c in ['x', 'y', 'z'] {
            editor.input(key(Key::Char(c)));
            typed.push(c);
            let (rows, (x, y)) = drawn(&editor, area);
            let before: String = rows[usize::from(y)].chars().take(usize::from(x)).collect();
            assert!(before.ends_with(c), "width {width}: {c:?} before the cursor in {rows:#?} at {x},{y}");
        }
    }
    let text_now = editor.text();
    assert_eq!(text_now.len(), text.len() + typed.len());
    assert_eq!(text_now.matches('\n').count(), 0);
    assert_eq!(text_now.replace(['x', 'y', 'z'], ""), text);
}
