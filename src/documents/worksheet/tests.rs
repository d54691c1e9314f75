use super::*;
use crate::documents::handout;
use crate::grid::parse;

/// Every kind of question, a reading step, conditions on a step and on a
/// question, hints, notes, guidance and references (one cited twice).
const GRID: &str = r#"
format = 2
[grid]
id = "atelier"
version = "1.2.0"
language = "fr"
title = "Une <demande> & sa réponse"
outcome = "end.decide"

[[steps]]
id = "intro"
title = "Avant de commencer"
guidance = "GUIDANCE-INTRO : rien n'est obligatoire."
[[steps.references]]
label = "Code pénal, art. 226-13"
text = "TEXTE-REF : la révélation est punie."

[[steps]]
id = "s"
title = "La situation"
guidance = "GUIDANCE-S : décrivez les faits."
[[steps.questions]]
id = "facts"
kind = "text"
prompt = "Que se passe-t-il ?"
hint = "HINT-FACTS : pseudonymes seulement."
required = true
[[steps.questions]]
id = "who"
kind = "choice"
prompt = "Qui demande ?"
options = [
  { id = "school", label = "Le collège", hint = "HINT-OPTION : le CPE, la direction." },
  { id = "police", label = "La police" },
]
other = true
[[steps.questions]]
id = "seen"
kind = "note"
prompt = "NOTE-SEEN : ce que vous avez vu compte."
when = { question = "s.who", is = "police" }
[[steps.questions]]
id = "basis"
kind = "multi"
prompt = "Sur quel fondement ?"
when = { question = "s.who", is = "police" }
options = [
  { id = "req", label = "Une réquisition écrite" },
  { id = "none", label = "Aucun", exclusive = true },
]
[[steps.references]]
label = "Code pénal, art. 226-13"
text = "TEXTE-REF : la révélation est punie."
[[steps.references]]
label = "Code de procédure pénale, art. 60-1"

[[steps]]
id = "pointers"
title = "Ce que vos réponses font apparaître"
[[steps.questions]]
id = "p"
kind = "note"
prompt = "NOTE-POINTER : une permission n'oblige pas."
when = { question = "s.who", is = "school" }

[[steps]]
id = "end"
title = "Votre décision"
when = { question = "s.facts", answered = true }
[[steps.questions]]
id = "decide"
kind = "choice"
prompt = "Que décidez-vous ?"
options = [{ id = "share", label = "Transmettre" }, { id = "keep", label = "Garder le secret" }]
[[steps.questions]]
id = "sure"
kind = "scale"
prompt = "Êtes-vous au clair ?"
min = 1
max = 4
min_label = "dans le brouillard"
max_label = "tout à fait"
[[steps.questions]]
id = "revisit"
kind = "date"
prompt = "Quand y reviendrez-vous ?"
min_days = 0
"#;

fn grid() -> Grid {
    parse(GRID).unwrap()
}

#[test]
fn the_markdown_worksheet_numbers_questions_as_the_handout_with_boxes_and_lines() {
    let md = render(&grid(), HandoutFormat::Md, Lang::Fr);
    assert!(
        md.starts_with(
            "# Une <demande> & sa réponse\n\nFeuille de réponses — grille atelier, version 1.2.0\n\n"
        ),
        "{md}"
    );
    assert!(md.contains("*( ) : une seule réponse ; [ ] : autant de réponses que vous voulez."), "{md}");
    // The reading step and the notes' step have no place; the others keep
    // the handout's numbers.
    assert!(!md.contains("Avant de commencer") && !md.contains("font apparaître"), "{md}");
    assert!(md.contains("## 2. La situation\n\n**2.1. Que se passe-t-il ? (important)**\n\n……"), "{md}");
    assert_eq!(md.matches(WRITING_LINE).count(), WRITING_LINES, "{md}");
    assert!(
        md.contains("**2.2. Qui demande ?**\n\n- ( ) Le collège\n- ( ) La police\n- ( ) Autre : ………"),
        "{md}"
    );
    assert!(
        md.contains("**2.3. Sur quel fondement ?**\n\n*À remplir si vous avez répondu « La police » à 2.2*\n\n- [ ] Une réquisition écrite\n- [ ] Aucun (seule)\n"),
        "{md}"
    );
    assert!(md.contains("## 4. Votre décision\n\n*Étape à suivre si vous avez répondu à 2.1*\n\n**4.1. Que décidez-vous ?**"), "{md}");
    assert!(md.contains("(dans le brouillard) ( ) 1   ( ) 2   ( ) 3   ( ) 4 (tout à fait)\n"), "{md}");
    assert!(md.contains("**4.3. Quand y reviendrez-vous ?**\n\nDate : …… / …… / ………\n"), "{md}");
    // No guidance, hints, notes or reference texts: the references' labels
    // once, at the end.
    for absent in ["GUIDANCE", "HINT", "NOTE", "TEXTE-REF", "Au plus tôt"] {
        assert!(!md.contains(absent), "{absent} in\n{md}");
    }
    let refs = md.find("*Textes cités par la grille").expect("the references' labels");
    assert!(refs > md.find("4.3.").unwrap(), "{md}");
    assert_eq!(md.matches("Code pénal, art. 226-13").count(), 1, "{md}");
    assert!(md[refs..].contains("discern grid show atelier) :*\n\n- Code pénal, art. 226-13\n- Code de procédure pénale, art. 60-1\n"), "{md}");
}

#[test]
fn each_condition_is_the_sentence_the_handout_writes() {
    let g = grid();
    let sheet = render(&g, HandoutFormat::Md, Lang::Fr);
    let handout = handout::render(&g, HandoutFormat::Md, Lang::Fr);
    let sentences: Vec<&str> =
        sheet.lines().filter(|l| l.starts_with("*À remplir") || l.starts_with("*Étape à suivre")).collect();
    assert_eq!(sentences.len(), 2, "{sheet}");
    for s in sentences {
        assert!(handout.contains(s), "{s} is not the handout's sentence");
    }
}

#[test]
fn the_text_worksheet_has_no_marks() {
    let txt = render(&grid(), HandoutFormat::Txt, Lang::Fr);
    assert!(txt.starts_with("Une <demande> & sa réponse\n==========================\n"), "{txt}");
    assert!(txt.contains("2.3. Sur quel fondement ?\n   [À remplir si vous avez répondu « La police » à 2.2]\n   [ ] Une réquisition écrite\n"), "{txt}");
    assert!(txt.contains("\n   ( ) Autre : ………"), "{txt}");
    assert!(!txt.contains("**") && !txt.contains("## ") && !txt.contains("\n- ( )"), "{txt}");
}

#[test]
fn the_html_worksheet_is_one_escaped_page_with_ruled_lines_and_boxes() {
    let html = render(&grid(), HandoutFormat::Html, Lang::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "{html}");
    assert!(html.contains("<title>Une &lt;demande&gt; &amp; sa réponse</title>"), "{html}");
    assert!(html.contains("<div class=\"question\">\n<h3>2.1. Que se passe-t-il ? (important)</h3>\n<div class=\"ruled\"><div></div><div></div><div></div></div>\n</div>"), "{html}");
    assert!(html.contains("<p class=\"boxes\"><span>( ) Le collège</span>\n<span>( ) La police</span>\n<span>( ) Autre : ………"), "{html}");
    assert!(html.contains("<span>dans le brouillard</span>\n<span>( ) 1</span>"), "{html}");
    assert!(
        html.contains(
            "<span>Code pénal, art. 226-13 ·</span>\n<span>Code de procédure pénale, art. 60-1</span>"
        ),
        "{html}"
    );
    for absent in ["GUIDANCE", "HINT", "NOTE", "TEXTE-REF", "<script"] {
        assert!(!html.contains(absent), "{absent} in\n{html}");
    }
}

#[test]
fn the_worksheet_speaks_its_grids_language() {
    let french = render(&grid(), HandoutFormat::Txt, Lang::En);
    assert!(french.contains("Feuille de réponses") && french.contains("À remplir si"), "{french}");
    assert!(!french.contains("Worksheet") && !french.contains("Answer if"), "{french}");
    let english = parse(&GRID.replace("language = \"fr\"", "language = \"en\"")).unwrap();
    let txt = render(&english, HandoutFormat::Txt, Lang::Fr);
    assert!(txt.contains("Worksheet — grid atelier, version 1.2.0"), "{txt}");
    assert!(txt.contains("[Answer if you answered “La police” to 2.2]"), "{txt}");
    assert!(txt.contains("( ) Other: ………"), "{txt}");
    assert!(txt.contains("Date: ……… - …… - ……"), "{txt}");
    assert!(!txt.contains("Feuille") && !txt.contains("À remplir"), "{txt}");
}
