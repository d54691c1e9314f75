//! The points of the second legal review of the shipped grids (issue 23,
//! grids 2.1.0; `DOMAIN.md`, "Corrections of 2026-12-07"), each checked on
//! the words a worker reads and, where it changes the walk, on the walk.
//! French and English alike wherever a string can show the point.

mod shipped_support;

use shipped_support::{
    all, choice, contains, grid, multi, note_text, notes, question_shown, reference, shows, step_shown,
    texts, walk,
};

/// (1) A réquisition may be made « par tout moyen », orally included: a phone
/// call is not "no duty to answer". The OPJ summons obliges to appear.
#[test]
fn a_police_request_may_be_a_requisition_by_any_means_and_an_opj_summons_obliges_to_appear() {
    for (lang, any_means, articles, appear) in [
        ("fr", "« par tout moyen »", "art. 61 et 78", "« sont tenues de comparaître »"),
        ("en", "“by any means” (« par tout moyen »)", "art. 61 and 78", "“are bound to appear”"),
    ] {
        let g = grid("delor-secret", lang);
        let police = g.step("police").expect("the police step");
        let guidance = police.guidance.clone().unwrap_or_default();
        assert!(guidance.contains(any_means) && guidance.contains(articles), "{lang}: {guidance}");
        let phone = note_text(&g, "p_phone");
        assert!(phone.contains(any_means), "{lang}: {phone}");
        assert!(phone.contains("60-1, 77-1-1"), "{lang}: {phone}");
        let convocation = note_text(&g, "p_convocation");
        assert!(convocation.contains(appear) && convocation.contains(articles), "{lang}: {convocation}");
        assert!(reference(&g, "61").contains(appear), "{lang}");
        for t in texts(&g) {
            for banned in [
                "aucune obligation de répondre",
                "ne vous oblige pas à répondre",
                "creates no duty to answer",
                "does not oblige you to answer",
                "Une réquisition écrite",
                "A written requisition",
            ] {
                assert!(!t.contains(banned), "{lang}: {banned} in {t}");
            }
        }
        // Who, in what capacity, in which investigation, and a written trace.
        let ask = if lang == "fr" {
            "à quel titre, dans quelle enquête"
        } else {
            "in what capacity, in which investigation"
        };
        assert!(phone.contains(ask) && guidance.contains(ask), "{lang}");
    }
    let g = grid("delor-secret", "fr");
    let w = walk(&g, &[("situation.origin", choice("police")), ("police.form", choice("convocation"))]);
    assert!(shows(&w, "p_convocation") && !shows(&w, "p_phone"), "{:?}", notes(&w));
}

/// (2) L121-6-2 paragraph 1 covers what is transmitted « dans les conditions
/// et aux fins prévues au présent alinéa »: the need for coordination, only.
#[test]
fn informing_the_mayor_under_l121_6_2_is_covered_for_that_sole_purpose() {
    for (lang, words, sole, duty) in [
        (
            "fr",
            "« dans les conditions et aux fins prévues au présent alinéa »",
            "pour cette seule fin",
            "C'est une obligation, sans sanction pénale",
        ),
        (
            "en",
            "« dans les conditions et aux fins prévues au présent alinéa »",
            "for that purpose alone",
            "It is a duty, with no criminal penalty",
        ),
    ] {
        let g = grid("partage", lang);
        let guidance = g.step("coordination").unwrap().guidance.clone().unwrap();
        assert!(guidance.contains(words) && guidance.contains(sole) && guidance.contains(duty), "{lang}");
        assert!(reference(&g, "L121-6-2").contains("aux fins prévues au présent alinéa"), "{lang}");
        let delor = grid("delor-secret", lang);
        assert!(contains(&delor, "aux fins prévues au présent alinéa"), "{lang}");
        for g in [&g, &delor] {
            for t in texts(g) {
                for banned in [
                    "ce n'est pas une permission de parler",
                    "n'est pas une permission d'en dire le contenu",
                    "it is not a permission to speak",
                    "is not a permission to disclose its content",
                ] {
                    assert!(!t.contains(banned), "{lang}: {banned} in {t}");
                }
            }
        }
    }
}

/// (3) The duty of L121-6-2's last paragraph lies on the coordinator or the
/// professional acting alone; the mayor does not coordinate.
#[test]
fn the_l121_6_2_duty_lies_on_the_coordinator_or_the_professional_acting_alone() {
    for (lang, label, mayor) in [
        (
            "fr",
            "je suis le coordonnateur ou j'interviens seul, et un mineur paraît en danger",
            "Le maire ne coordonne pas",
        ),
        (
            "en",
            "I am the coordinator or I act alone, and a minor seems to be in danger",
            "The mayor does not coordinate",
        ),
    ] {
        let g = grid("delor-secret", lang);
        let duty = g.question("must_transmit.duty").unwrap().1;
        let l121 = duty.kind.options().iter().find(|o| o.id == "l121").unwrap();
        assert!(l121.label.contains(label), "{lang}: {}", l121.label);
        assert!(contains(&grid("partage", lang), mayor), "{lang}");
        for t in texts(&g) {
            assert!(!t.contains("coordonnée par le maire") && !t.contains("coordinated by the mayor"), "{t}");
        }
    }
}

/// (4) The law provides sharing in many frames, not four: the grid examines
/// the four general ones and says others exist for particular schemes.
#[test]
fn partage_does_not_claim_four_frames_only_and_leaves_room_for_another_text() {
    for (lang, others) in [
        ("fr", "D'autres textes prévoient un partage pour des dispositifs particuliers"),
        ("en", "Other texts provide for sharing within particular schemes"),
    ] {
        let g = grid("partage", lang);
        assert!(contains(&g, others), "{lang}");
        for t in texts(&g) {
            for banned in [
                "dans quatre cadres",
                "Hors de ces cas",
                "quelques cas",
                "in four frames",
                "a few defined cases",
            ] {
                assert!(!t.contains(banned), "{lang}: {banned} in {t}");
            }
        }
        let w = walk(&g, &[("situation.framework", choice("other_text"))]);
        assert!(shows(&w, "p_framework_other") && !shows(&w, "p_framework_none"), "{:?}", notes(&w));
        for text in ["child", "coordination", "exchange", "team"] {
            assert!(!step_shown(&w, text), "{text}");
        }
    }
}

/// (5) Vulnerable adults: CASF L119-2, a permission for those bound by
/// secrecy (« peuvent signaler »), beside 3977, where the grids meet abuse.
#[test]
fn the_maltreatment_of_a_vulnerable_adult_is_a_permission_under_l119_2_beside_3977() {
    for lang in ["fr", "en"] {
        let g = grid("delor-secret", lang);
        let l119 = reference(&g, "L119-2");
        assert!(l119.contains("peuvent signaler") || l119.contains("may report"), "{lang}: {l119}");
        assert!(l119.contains("226-14"), "{lang}");
        let permission = g.question("may_speak.permission").unwrap().1;
        let option =
            permission.kind.options().iter().find(|o| o.id == "vulnerable_adult").expect("the option");
        let hint = option.hint.clone().unwrap();
        assert!(hint.contains("L119-2") && hint.contains("3977"), "{lang}: {hint}");
        let guidance = g.step("must_transmit").unwrap().guidance.clone().unwrap();
        assert!(guidance.contains("3977") && guidance.contains("L119-2"), "{lang}");

        let w = walk(&g, &[("may_speak.permission", multi(&["vulnerable_adult"]))]);
        assert!(question_shown(&w, "may_speak.use"), "a permission: the worker decides");
        for note in ["p_vulnerable_adult", "p_permission", "p_good_faith"] {
            assert!(shows(&w, note), "{lang}: {note} in {:?}", notes(&w));
        }
        let text = note_text(&g, "p_vulnerable_adult");
        assert!(
            text.contains("3977") && text.contains("L119-2") && text.contains("226-14"),
            "{lang}: {text}"
        );

        let d = grid("deliberation", lang);
        let w = walk(
            &d,
            &[("legal_check.regime", choice("may")), ("legal_check.which_text", choice("vulnerable_adult"))],
        );
        assert!(shows(&w, "p_text_vulnerable_adult") && !shows(&w, "p_text_unsure"), "{:?}", notes(&w));
        let text = note_text(&d, "p_text_vulnerable_adult");
        assert!(text.contains("L119-2") && text.contains("3977"), "{lang}: {text}");
    }
    let fr = grid("delor-secret", "fr");
    assert!(note_text(&fr, "p_discretion").contains("L119-2"), "without secrecy, reporting is a duty");
}

/// (6) CP 434-4-1 (a minor under fifteen who disappeared: 2 years, €30,000,
/// no exception for secrecy) and 434-3 al. 2 (5 years, €75,000), where the
/// duties are.
#[test]
fn the_disappearance_of_a_minor_and_the_heavier_penalty_for_under_fifteens_are_where_the_duties_are() {
    for (lang, two_years, thirty, five_years, seventy_five, in_guidance) in [
        ("fr", "deux ans d'emprisonnement", "30 000 euros", "cinq ans", "75 000 euros", "75 000 euros"),
        ("en", "two years' imprisonment", "30,000 euros", "five years", "75,000 euros", "€75,000"),
    ] {
        let g = grid("delor-secret", lang);
        let disappearance = reference(&g, "434-4-1");
        assert!(
            disappearance.contains(two_years) && disappearance.contains(thirty),
            "{lang}: {disappearance}"
        );
        let ill_treatment = reference(&g, "434-3");
        assert!(ill_treatment.contains(five_years) && ill_treatment.contains(seventy_five), "{lang}");
        let exemptions = g.step("exemptions").unwrap().guidance.clone().unwrap();
        assert!(exemptions.contains("434-4-1"), "{lang}: the exemption does not cover it");
        assert!(exemptions.contains(in_guidance), "{lang}: the heavier penalty for a minor under fifteen");

        let w = walk(&g, &[("peril.peril", choice("no")), ("must_transmit.duty", multi(&["disappearance"]))]);
        assert!(shows(&w, "p_disappearance") && shows(&w, "p_transmit"), "{:?}", notes(&w));
        assert!(
            !step_shown(&w, "silence") && !shows(&w, "p_silence"),
            "a duty, not the principle of silence"
        );
        let text = note_text(&g, "p_disappearance");
        assert!(text.contains("434-4-1") && text.contains(two_years), "{lang}: {text}");
    }
}

/// (7) L226-4 I in full: the PCD also refers a « danger grave et immédiat,
/// notamment dans les situations de maltraitance » to the procureur.
#[test]
fn l226_4_names_the_grave_and_immediate_danger() {
    let fr = grid("delor-secret", "fr");
    assert!(
        reference(&fr, "L226-4")
            .contains("« danger grave et immédiat, notamment dans les situations de maltraitance »")
    );
    assert!(fr.step("must_transmit").unwrap().guidance.clone().unwrap().contains("danger grave et immédiat"));
    let en = grid("delor-secret", "en");
    assert!(reference(&en, "L226-4").contains("grave and immediate danger"));
    assert!(
        en.step("must_transmit").unwrap().guidance.clone().unwrap().contains("grave and immediate danger")
    );
}

/// (8) A note never tells the worker the law « vous impose de vous taire »
/// while their own answers leave a peril, a duty or a permission open.
#[test]
fn the_silence_note_is_no_verdict_while_a_peril_or_a_permission_is_open() {
    for (lang, verdict, unless) in [
        ("fr", "vous impose de vous taire", "tant que vous n'usez d'aucune permission"),
        ("en", "requires you to keep silent", "as long as you use no permission"),
    ] {
        for g in all().iter().filter(|g| g.meta.language == lang) {
            for t in texts(g) {
                assert!(
                    !t.contains(verdict) || t.to_lowercase().contains(unless),
                    "{} {lang}: {t}",
                    g.meta.id
                );
            }
        }
        let g = grid("delor-secret", lang);
        let settled = [("peril.peril", choice("no")), ("must_transmit.duty", multi(&["none"]))];
        let with = |more: &[(&'static str, discern::grid::Answer)]| {
            let mut answers = settled.to_vec();
            answers.extend(more.iter().cloned());
            walk(&g, &answers)
        };
        // Answers that settle it: the note says so.
        let w = with(&[("may_speak.permission", multi(&["none"]))]);
        assert!(shows(&w, "p_silence") && !shows(&w, "p_silence_open"), "{:?}", notes(&w));
        let w = with(&[("may_speak.permission", multi(&["abuse"])), ("may_speak.use", choice("no"))]);
        assert!(shows(&w, "p_silence") && !shows(&w, "p_silence_open"), "{:?}", notes(&w));
        // Answers that leave it open: never the verdict, the open note instead.
        let open: [Vec<(&str, discern::grid::Answer)>; 4] = [
            vec![
                ("peril.peril", choice("maybe")),
                ("must_transmit.duty", multi(&["none"])),
                ("may_speak.permission", multi(&["none"])),
            ],
            vec![
                ("peril.peril", choice("no")),
                ("must_transmit.duty", multi(&["unsure"])),
                ("may_speak.permission", multi(&["none"])),
            ],
            vec![
                ("peril.peril", choice("no")),
                ("must_transmit.duty", multi(&["none"])),
                ("may_speak.permission", multi(&["unsure"])),
            ],
            vec![
                ("peril.peril", choice("no")),
                ("must_transmit.duty", multi(&["none"])),
                ("may_speak.permission", multi(&["abuse"])),
                ("may_speak.use", choice("undecided")),
            ],
        ];
        for answers in open {
            let w = walk(&g, &answers);
            assert!(
                !shows(&w, "p_silence") && shows(&w, "p_silence_open"),
                "{lang} {answers:?}: {:?}",
                notes(&w)
            );
        }
        // Questions skipped: the note about them speaks, not the verdict.
        let w = walk(&g, &[]);
        assert!(!shows(&w, "p_silence") && !shows(&w, "p_silence_open") && shows(&w, "p_unanswered"));
        assert!(note_text(&g, "p_silence_open").to_lowercase().contains(unless), "{lang}");
    }
}

/// (9) ANAS code of ethics: art. 15 quoted as written, art. 16 present.
#[test]
fn the_anas_code_is_quoted_as_written_articles_15_and_16() {
    let fr = grid("delor-secret", "fr");
    assert!(reference(&fr, "1994), art. 15").starts_with(
        "« L'Assistant de Service Social ne doit pas accepter d'intervenir, ni de fournir des renseignements dans un but de contrôle. »"
    ));
    assert!(reference(&fr, "1994), art. 16").contains("mais il n'a pas à les dénoncer. »"));
    let personal = note_text(&fr, "p_personal");
    assert!(personal.contains(
        "« ne doit pas accepter d'intervenir, ni de fournir des renseignements dans un but de contrôle »"
    ));
    assert!(personal.contains("« il n'a pas à les dénoncer »") && personal.contains("art. 16"));
    let en = grid("delor-secret", "en");
    assert!(
        reference(&en, "1994), art. 15")
            .contains("must not agree to intervene, nor to provide information, for the purpose of control")
    );
    assert!(reference(&en, "1994), art. 16").contains("il n'a pas à les dénoncer"));
    assert!(note_text(&en, "p_personal").contains("art. 16"));
}

/// (10) A reference text is either the words of the text, in quotation
/// marks, or marked as adapted (or, for a publication, as a summary).
#[test]
fn every_reference_text_is_a_quotation_or_says_it_is_adapted() {
    for g in all() {
        let marks: &[&str] = if g.meta.language == "fr" {
            &["« ", "Extrait adapté : ", "Résumé : "]
        } else {
            &["Translation: “", "Adapted excerpt: ", "Summary: "]
        };
        for r in g.steps.iter().flat_map(|s| &s.references) {
            let Some(text) = &r.text else { continue };
            assert!(
                marks.iter().any(|m| text.starts_with(m)),
                "{} {}: {}: {text}",
                g.meta.id,
                g.meta.language,
                r.label
            );
            // A quotation closes before anything said about it.
            if text.starts_with("« ") {
                assert!(text.contains(" »"), "{}: {text}", r.label);
            }
        }
    }
    // L411-3 in its own words, not « astreints … qui se préparent ».
    let fr = grid("delor-secret", "fr");
    assert_eq!(
        reference(&fr, "L411-3, al. 1"),
        "« Les assistants de service social et les étudiants des écoles se préparant à l'exercice de cette profession sont tenus au secret professionnel dans les conditions et sous les réserves énoncées aux articles 226-13 et 226-14 du code pénal. »"
    );
    assert!(!contains(&fr, "qui se préparent à cette profession sont astreints"));
}

/// (11) The wording fixes: a purpose asked before it is put in a sentence;
/// « qui correspondent à la vôtre »; "intimate-partner violence", and no
/// "her" where the French is neutral.
#[test]
fn the_wording_fixes_of_the_second_review() {
    let fr = grid("partage", "fr");
    let purpose = fr.question("situation.purpose_words").unwrap().1;
    assert_eq!(purpose.prompt, "Quel est le but de ce partage ?");
    assert!(purpose.hint.clone().unwrap().starts_with("Formulez-le en une phrase"));
    let en = grid("partage", "en");
    assert_eq!(
        en.question("situation.purpose_words").unwrap().1.prompt,
        "What is the purpose of this sharing?"
    );
    for g in all() {
        for t in texts(&g) {
            for banned in ["Formulez ce but", "qui sont la vôtre", "that are yours", "domestic violence"] {
                assert!(!t.contains(banned), "{} {}: {banned} in {t}", g.meta.id, g.meta.language);
            }
            if g.meta.language == "en" {
                let words: Vec<&str> = t.split(|c: char| !c.is_alphabetic()).collect();
                assert!(!words.iter().any(|w| matches!(*w, "her" | "herself" | "she")), "{}: {t}", g.meta.id);
            }
        }
    }
    let delor = grid("delor-secret", "fr");
    assert_eq!(
        delor.question("may_speak.permission").unwrap().1.hint.as_deref(),
        Some("Cochez les situations qui correspondent à la vôtre.")
    );
    let delor_en = grid("delor-secret", "en");
    assert!(contains(&delor_en, "intimate-partner violence"));
    assert!(
        delor_en.question("may_speak.adult_victim").unwrap().1.prompt.contains("intimate-partner violence")
    );
}

/// (12) Who « la personne concernée » is is asked where the answer changes
/// what follows: for a child, the parents are asked about (L226-2-1,
/// L226-2-2: their information, and the child's according to age).
#[test]
fn who_the_person_concerned_is_changes_what_follows() {
    for lang in ["fr", "en"] {
        let g = grid("delor-secret", lang);
        let order: Vec<&str> = g.step("situation").unwrap().questions.iter().map(|q| q.id.as_str()).collect();
        let pos = |id: &str| order.iter().position(|q| *q == id).unwrap();
        assert!(pos("concerned") < pos("person_knows") && pos("person_knows") < pos("parents_know"));
        assert!(!question_shown(
            &walk(&g, &[("situation.concerned", multi(&["adult"]))]),
            "situation.parents_know"
        ));
        let child = [("situation.concerned", multi(&["parent", "child"]))];
        assert!(question_shown(&walk(&g, &child), "situation.parents_know"));
        let mut refuse = child.to_vec();
        refuse.push(("situation.parents_know", choice("refuses")));
        let w = walk(&g, &refuse);
        assert!(shows(&w, "p_parents"), "{:?}", notes(&w));
        assert!(note_text(&g, "p_parents").contains("L226-2-2"));
        assert!(shows(&walk(&g, &[("situation.concerned", multi(&["third"]))]), "p_third"));

        let p = grid("partage", lang);
        assert!(!question_shown(
            &walk(&p, &[("situation.concerned", multi(&["adult"]))]),
            "serves.parents_agree"
        ));
        let mut refuse = vec![("situation.concerned", multi(&["child"]))];
        assert!(question_shown(&walk(&p, &refuse), "serves.parents_agree"));
        refuse.push(("serves.parents_agree", choice("refuses")));
        let w = walk(&p, &refuse);
        assert!(shows(&w, "p_parents_refuse") && !shows(&w, "p_refuses"), "{:?}", notes(&w));
        assert!(shows(&walk(&p, &[("situation.concerned", multi(&["third"]))]), "p_third"));
    }
}
