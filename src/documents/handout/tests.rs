use super::*;
use crate::grid::parse;

const GRID: &str = include_str!("../../../tests/grids/good/format2.fr.toml");

#[test]
fn markdown_marks_one_choice_and_several_choices_apart() {
    let md = render(&parse(GRID).unwrap(), HandoutFormat::Md, Lang::Fr);
    assert!(
        md.contains(
            "**1.1. Une obligation de transmettre s'applique-t-elle ?**\n\n- [ ] Un enfant en danger"
        ),
        "{md}"
    );
    assert!(md.contains("- [ ] Je ne sais pas (seule)\n"), "{md}");
    assert!(md.contains("**2.1. Que décidez-vous ?**\n\n- ( ) Transmettre\n- ( ) Attendre\n"), "{md}");
    assert!(md.contains("> Vous pouvez en parler à un collègue sans nommer la personne.\n\n*À lire si vous avez coché « Je ne sais pas » à 1.1*"), "{md}");
    assert!(
        md.contains(
            "**2.2. Quand reviendrez-vous sur cette décision ?**\n\nDate : …… / …… / ………\n\n*Au plus tôt le jour de la réponse.*"
        ),
        "{md}"
    );
    assert!(md.contains("*À remplir si vous avez répondu à 2.2*"), "{md}");
}

#[test]
fn plain_text_uses_the_same_marks_and_brackets_conditions() {
    let txt = render(&parse(GRID).unwrap(), HandoutFormat::Txt, Lang::Fr);
    assert!(txt.contains("   [ ] Aucune de ces situations (seule)\n"), "{txt}");
    assert!(txt.contains("   ( ) Attendre\n"), "{txt}");
    assert!(txt.contains("   [À remplir si vous avez répondu à 2.2]\n"), "{txt}");
}

#[test]
fn the_html_handout_is_one_escaped_page() {
    let html = render(&parse(GRID).unwrap(), HandoutFormat::Html, Lang::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "{html}");
    assert!(html.contains("<title>Une décision &amp; son suivi</title>"), "{html}");
    assert!(html.contains("<h3>2.1. Que décidez-vous ?</h3>"), "{html}");
    assert!(html.contains("<p>( ) Transmettre<br>\n( ) Attendre</p>"), "{html}");
    assert!(html.contains("Qu&#39;en direz-vous à la personne ?"), "{html}");
    assert!(!html.contains("<script"));
}

#[test]
fn date_bounds_are_said_from_the_day_of_the_answer() {
    assert_eq!(Lang::Fr.handout_date_bounds(None, None), None);
    assert_eq!(
        Lang::Fr.handout_date_bounds(Some(1), Some(30)).as_deref(),
        Some("Au plus tôt 1 jour après la réponse, au plus tard 30 jours après la réponse.")
    );
    assert_eq!(
        Lang::En.handout_date_bounds(None, Some(-2)).as_deref(),
        Some("No later than 2 days before the answer.")
    );
}

#[test]
fn a_french_grid_gives_a_french_handout_under_an_english_interface() {
    let grid = parse(GRID).unwrap();
    for format in [HandoutFormat::Md, HandoutFormat::Txt, HandoutFormat::Html] {
        let doc = render(&grid, format, Lang::En);
        for french in [
            "Grille suivi, version",
            "Date : …… / …… / ………",
            "Au plus tôt le jour de la réponse",
            "À remplir si vous avez répondu à 2.2",
        ] {
            assert!(doc.contains(french), "{format:?}: {french:?} missing in\n{doc}");
        }
        for english in ["Grid ", "Answer if", "No earlier than", "support for thinking"] {
            assert!(!doc.contains(english), "{format:?}: {english:?} in\n{doc}");
        }
    }
}
