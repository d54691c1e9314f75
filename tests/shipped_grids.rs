//! The shipped grids, read the way a worker meets them: answers go in, the
//! steps and the notes of "what your answers point to" come out. Each test
//! names the legal or wording point of the first review (grids 2.0.0) it
//! guards; `shipped_grids_second_review.rs` holds those of the second (2.1.0).

mod shipped_support;

use discern::grid::{Answer, Grid, QuestionKind};
use shipped_support::{
    IDS, all, at, choice, contains, grid, multi, note_text, notes, step_shown, texts, walk,
};

#[test]
fn every_shipped_grid_is_version_2_1_in_both_languages() {
    for g in all() {
        assert_eq!(g.meta.version, "2.1.0", "{} {}", g.meta.id, g.meta.language);
    }
}

/// The French and English versions match in everything but their words:
/// ids, kinds, options, exclusive marks, date bounds, conditions, order.
#[test]
fn french_and_english_versions_have_the_same_structure() {
    fn shape(g: &Grid) -> Vec<String> {
        let mut out = vec![format!("outcome {:?}", g.meta.outcome)];
        for s in &g.steps {
            out.push(format!("step {} when {:?} refs {}", s.id, s.when, s.references.len()));
            for q in &s.questions {
                let options: Vec<(&str, bool)> =
                    q.kind.options().iter().map(|o| (o.id.as_str(), o.exclusive)).collect();
                let bounds = match &q.kind {
                    QuestionKind::Date(b) => format!("{b:?}"),
                    QuestionKind::Scale(sc) => format!("{}..{}", sc.min, sc.max),
                    _ => String::new(),
                };
                out.push(format!(
                    "  {} {:?} req={} other={} {options:?} {bounds} when {:?}",
                    q.id,
                    q.kind.kind(),
                    q.required,
                    q.kind.has_other(),
                    q.when
                ));
            }
        }
        out
    }
    for id in IDS {
        assert_eq!(shape(&grid(id, "fr")), shape(&grid(id, "en")), "{id}");
    }
}

#[test]
fn every_decision_step_asks_when_to_come_back_as_a_date_not_in_the_past() {
    for g in all() {
        let (step, q) =
            g.question("decision.revisit").unwrap_or_else(|| panic!("{} has decision.revisit", g.meta.id));
        assert_eq!(step.id, "decision");
        match &q.kind {
            QuestionKind::Date(b) => {
                assert_eq!(b.min_days, Some(0), "{}", g.meta.id);
                assert_eq!(b.max_days, None, "{}", g.meta.id);
            }
            other => panic!("{}: decision.revisit is {other:?}", g.meta.id),
        }
        let expected = if g.meta.language == "fr" {
            "Quand reviendrez-vous sur cette décision ?"
        } else {
            "When will you come back to this decision?"
        };
        assert_eq!(q.prompt, expected);
        assert!(g.question("decision.review_date").is_none(), "the old text question is gone");
    }
}

/// « Aucune de ces situations », « Je ne sais pas » and « Nulle part »
/// exclude every other option; nothing else does.
#[test]
fn none_of_these_and_i_dont_know_are_exclusive_options() {
    let mut seen = 0;
    for g in all() {
        for s in &g.steps {
            for q in &s.questions {
                let QuestionKind::Multi { options, .. } = &q.kind else { continue };
                for o in options {
                    let should = matches!(o.id.as_str(), "none" | "unsure" | "nowhere" | "discretion");
                    assert_eq!(o.exclusive, should, "{} {}.{} {}", g.meta.language, s.id, q.id, o.id);
                    seen += usize::from(o.exclusive);
                }
            }
        }
    }
    assert!(seen >= 14, "exclusive options in both languages: {seen}");
    let fr = grid("delor-secret", "fr");
    let labels: Vec<&str> = fr
        .question("may_speak.permission")
        .unwrap()
        .1
        .kind
        .options()
        .iter()
        .map(|o| o.label.as_str())
        .collect();
    assert!(labels.ends_with(&["Aucune de ces situations", "Je ne sais pas"]), "{labels:?}");
}

/// The two questions « L'une de ces situations est-elle la vôtre ? » of 1.1.0
/// are told apart: one asks about a duty, the other about a permission.
#[test]
fn the_duty_and_the_permission_questions_are_told_apart() {
    let fr = grid("delor-secret", "fr");
    assert_eq!(
        fr.question("must_transmit.duty").unwrap().1.prompt,
        "La loi vous oblige-t-elle à transmettre ?"
    );
    assert_eq!(
        fr.question("may_speak.permission").unwrap().1.prompt,
        "La loi vous autorise-t-elle à parler ?"
    );
    let en = grid("delor-secret", "en");
    assert_eq!(en.question("must_transmit.duty").unwrap().1.prompt, "Does the law oblige you to transmit?");
    assert_eq!(en.question("may_speak.permission").unwrap().1.prompt, "Does the law allow you to speak?");
}

/// Plain situations in labels, article numbers in hints.
#[test]
fn option_labels_describe_situations_and_leave_article_numbers_to_hints() {
    for g in all() {
        for (step, question) in [
            ("must_transmit", "duty"),
            ("may_speak", "permission"),
            ("situation", "framework"),
            ("legal_check", "which_text"),
        ] {
            let Some((_, q)) = g.question(&format!("{step}.{question}")) else { continue };
            for o in q.kind.options() {
                for article in ["art.", "CASF", "CSP", "L226", "L121", "L1110", "226-14", "434-", "CPP"] {
                    assert!(!o.label.contains(article), "{} {step}.{question}: {}", g.meta.language, o.label);
                }
            }
        }
    }
}

/// Each text sets its own conditions: no note may say that a sharing falls
/// outside the law because a condition of some other text is missing.
#[test]
fn no_text_merges_the_conditions_of_different_texts() {
    for g in all() {
        for t in texts(&g) {
            for banned in [
                "hors du cadre prévu par la loi",
                "sort du cadre",
                "cumulative",
                "outside the frame the law provides",
                "falls outside the frame",
            ] {
                assert!(!t.contains(banned), "{} {}: {t}", g.meta.id, g.meta.language);
            }
        }
    }
}

#[test]
fn the_french_wording_points_of_the_review() {
    let grids: Vec<Grid> = IDS.iter().map(|id| grid(id, "fr")).collect();
    let anywhere = |needle: &str| grids.iter().any(|g| contains(g, needle));
    for wanted in [
        "Le cadre légal",
        "Le moindre mal",
        "Ricœur",
        "La loi vous autorise-t-elle à parler ?",
        "user de cette faculté",
        "À l'égard de tous les autres",
        "un support de réflexion",
        "instance élargie",
        "Que pouvez-vous taire ?",
        "La commission de déontologie de l'ANAS",
    ] {
        assert!(anywhere(wanted), "missing: {wanted}");
    }
    for unwanted in [
        "Le contrôle du droit français",
        "Ricoeur",
        "Quand une norme est claire et s'applique, elle s'impose",
        "commission éthique et déontologie de l'ANAS",
        "Envers tous les autres",
        "support pour penser",
        "moindre tort",
    ] {
        assert!(!anywhere(unwanted), "still there: {unwanted}");
    }
}

#[test]
fn the_english_wording_points_of_the_review() {
    let grids: Vec<Grid> = IDS.iter().map(|id| grid(id, "en")).collect();
    for g in &grids {
        for t in texts(g) {
            assert!(!t.to_lowercase().contains("constant"), "{}: {t}", g.meta.id);
            assert!(!t.contains("département council"), "{}: {t}", g.meta.id);
            assert!(!t.contains("Ricoeur"), "{}: {t}", g.meta.id);
        }
    }
    let delor = &grids[0];
    assert!(contains(delor, "grave, imminent and actual"));
    assert!(contains(delor, "departmental council"));
    assert!(contains(delor, "A person who consults me"));
    assert!(contains(delor, "deprivation or abuse"), "sévices is abuse");
    assert!(
        contains(delor, "deprivation, ill-treatment or sexual assault"),
        "mauvais traitements is ill-treatment"
    );
    assert!(contains(
        delor,
        "An assistant de service social (the French state-qualified social worker) is bound by secrecy by profession"
    ));
}

/// 226-14 1° and 434-3 name the cause of vulnerability, in their current wording.
#[test]
fn the_vulnerability_texts_name_its_cause() {
    let fr = grid("delor-secret", "fr");
    assert!(contains(&fr, "en raison de son âge ou de son incapacité physique ou psychique"));
    assert!(contains(
        &fr,
        "en raison de son âge, d'une maladie, d'une infirmité, d'une déficience physique ou psychique ou d'un état de grossesse"
    ));
    assert!(contains(&fr, "continuer à ne pas informer"));
    assert!(contains(&fr, "sauf s'il est établi qu'il n'a pas agi de bonne foi"));
}

/// A worker who skips every question is told only what holds anyway.
#[test]
fn a_worker_who_skips_everything_is_told_only_what_holds() {
    let expected: [(&str, &[&str]); 3] = [
        ("delor-secret", &["p_unanswered", "p_title_unknown", "p_consult", "p_always"]),
        ("partage", &["p_framework_open", "p_consult", "p_always"]),
        ("deliberation", &["p_options", "p_person", "p_no_legal_check", "p_consult", "p_always"]),
    ];
    for (id, want) in expected {
        for lang in ["fr", "en"] {
            let g = grid(id, lang);
            assert_eq!(notes(&walk(&g, &[])), want, "{id} {lang}");
        }
    }
}

#[test]
fn delor_the_silence_step_stays_when_a_permission_is_not_used() {
    let g = grid("delor-secret", "fr");
    let base = [
        ("peril.peril", choice("no")),
        ("must_transmit.duty", multi(&["none"])),
        ("may_speak.permission", multi(&["abuse"])),
    ];

    let undecided = walk(&g, &base);
    assert!(step_shown(&undecided, "silence"), "until the worker decides to speak, the principle holds");

    let mut not_used = base.to_vec();
    not_used.push(("may_speak.use", choice("no")));
    let w = walk(&g, &not_used);
    assert!(step_shown(&w, "silence"));
    let shown = notes(&w);
    for note in ["p_permission", "p_permission_unused", "p_good_faith", "p_silence"] {
        assert!(shown.contains(&note.to_string()), "{note} in {shown:?}");
    }

    let mut used = base.to_vec();
    used.push(("may_speak.use", choice("yes")));
    let w = walk(&g, &used);
    assert!(!step_shown(&w, "silence"));
    assert!(!notes(&w).contains(&"p_silence".to_string()));
}

#[test]
fn delor_a_peril_or_a_duty_hides_the_silence_step_and_never_sends_an_emergency_to_the_crip() {
    let g = grid("delor-secret", "fr");
    let w = walk(&g, &[("peril.peril", choice("yes"))]);
    assert!(!step_shown(&w, "silence"));
    assert!(step_shown(&w, "act_now"));
    assert!(note_text(&g, "p_peril").contains("pas la CRIP"));
    let emergency = g.question("act_now.action").unwrap().1;
    let crip_as_emergency =
        emergency.kind.options().iter().any(|o| o.hint.as_deref().is_some_and(|h| h.contains("CRIP")));
    assert!(!crip_as_emergency, "the CRIP is not an emergency route");

    let w = walk(&g, &[("must_transmit.duty", multi(&["ip"]))]);
    assert!(!step_shown(&w, "silence"));
    assert!(w.question_shown(at(&g, "must_transmit.route")));
    assert!(notes(&w).contains(&"p_route".to_string()));
}

#[test]
fn delor_asks_first_under_what_title_and_draws_the_consequences() {
    let g = grid("delor-secret", "fr");
    assert_eq!(g.steps[1].id, "bound");
    let ids: Vec<&str> = g.steps[1].questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["title", "public_agent", "mandate"]);

    let w = walk(&g, &[("bound.title", multi(&["discretion"]))]);
    let shown = notes(&w);
    assert!(
        shown.contains(&"p_discretion".to_string()) && !shown.contains(&"p_title_unknown".to_string()),
        "{shown:?}"
    );

    let w = walk(&g, &[("bound.public_agent", choice("no")), ("must_transmit.duty", multi(&["art40"]))]);
    assert!(notes(&w).contains(&"p_art40_private".to_string()));

    let w = walk(&g, &[("situation.origin", choice("hierarchy"))]);
    assert!(notes(&w).contains(&"p_personal".to_string()), "secrecy is personal");
}

#[test]
fn delor_tells_a_phone_call_from_a_requisition_and_a_summons() {
    let g = grid("delor-secret", "fr");
    assert!(!step_shown(&walk(&g, &[]), "police"));
    let forms = [
        ("phone", "p_phone"),
        ("requisition", "p_requisition"),
        ("convocation", "p_convocation"),
        ("summons", "p_summons"),
    ];
    for (form, note) in forms {
        let w = walk(&g, &[("situation.origin", choice("police")), ("police.form", choice(form))]);
        assert!(step_shown(&w, "police"));
        let shown = notes(&w);
        for (_, other) in forms {
            assert_eq!(shown.contains(&other.to_string()), other == note, "{form}: {shown:?}");
        }
    }
}

#[test]
fn delor_an_adult_victim_of_intimate_partner_violence_is_not_a_permission_by_itself() {
    let g = grid("delor-secret", "fr");
    let w =
        walk(&g, &[("may_speak.adult_victim", choice("yes")), ("may_speak.permission", multi(&["none"]))]);
    let shown = notes(&w);
    assert!(shown.contains(&"p_adult_victim".to_string()));
    assert!(!shown.contains(&"p_permission".to_string()));
    let text = note_text(&g, "p_adult_victim");
    assert!(text.contains("réservé aux médecins et autres professionnels de santé"), "{text}");
    assert!(text.contains("hors péril (art. 223-6)"), "{text}");
}

#[test]
fn partage_reads_each_text_by_its_own_conditions() {
    let g = grid("partage", "fr");
    let w = walk(
        &g,
        &[
            ("situation.framework", choice("coordination")),
            ("coordination.coord_frame", choice("yes")),
            ("coordination.coord_same", choice("yes")),
            ("coordination.coord_purpose", choice("yes")),
            ("coordination.coord_necessary", choice("yes")),
            ("coordination.coord_informed", choice("no")),
        ],
    );
    for other in ["child", "exchange", "team"] {
        assert!(!step_shown(&w, other), "{other} is not this sharing's text");
    }
    let shown = notes(&w);
    assert!(
        shown.contains(&"p_coord_met".to_string()),
        "L121-6-2 does not require informing the person: {shown:?}"
    );
    assert!(shown.contains(&"p_coord_informed".to_string()));
    assert!(note_text(&g, "p_coord_informed").starts_with("Garantie éthique. La loi n'exige pas"));
    assert!(
        shown.iter().all(|n| !n.starts_with("p_child") && !n.starts_with("p_ex") && !n.starts_with("p_team")),
        "{shown:?}"
    );
}

#[test]
fn partage_when_unsure_of_the_text_every_text_stays_open() {
    let g = grid("partage", "en");
    for framework in [None, Some("unsure")] {
        let answers: Vec<(&str, Answer)> =
            framework.map(|f| ("situation.framework", choice(f))).into_iter().collect();
        let w = walk(&g, &answers);
        for text in ["child", "coordination", "exchange", "team"] {
            assert!(step_shown(&w, text), "{framework:?} {text}");
        }
    }
    let w = walk(&g, &[("situation.framework", choice("none"))]);
    assert!(notes(&w).contains(&"p_framework_none".to_string()));
}

#[test]
fn partage_the_person_may_object_at_any_time_under_the_public_health_code() {
    let g = grid("partage", "fr");
    let met = [
        ("situation.framework", choice("exchange")),
        ("exchange.ex_identified", choice("yes")),
        ("exchange.ex_category", choice("yes")),
        ("exchange.ex_care", choice("yes")),
        ("exchange.ex_necessary", choice("yes")),
        ("exchange.ex_informed", choice("yes")),
    ];
    let mut agrees = met.to_vec();
    agrees.push(("exchange.ex_objects", choice("no")));
    assert!(notes(&walk(&g, &agrees)).contains(&"p_ex_met".to_string()));

    let mut objects = met.to_vec();
    objects.push(("exchange.ex_objects", choice("yes")));
    let shown = notes(&walk(&g, &objects));
    assert!(
        shown.contains(&"p_ex_objects".to_string()) && !shown.contains(&"p_ex_met".to_string()),
        "{shown:?}"
    );

    let w = walk(
        &g,
        &[
            ("situation.framework", choice("team")),
            ("team.team_member", choice("yes")),
            ("team.team_objects", choice("yes")),
        ],
    );
    assert!(
        notes(&w).contains(&"p_team_objects".to_string()),
        "the right to object holds within the care team too"
    );
}

#[test]
fn partage_only_the_coordinator_or_the_lone_professional_tells_the_mayor() {
    let g = grid("partage", "fr");
    let w = walk(
        &g,
        &[
            ("situation.framework", choice("coordination")),
            ("coordination.coord_mayor", choice("other_role")),
        ],
    );
    assert!(notes(&w).contains(&"p_coord_mayor_role".to_string()));
    let w = walk(
        &g,
        &[("situation.framework", choice("coordination")), ("coordination.coord_frame", choice("meeting"))],
    );
    assert!(notes(&w).contains(&"p_coord_frame".to_string()), "a case conference is not L121-6-2");
}

#[test]
fn deliberation_checks_the_law_text_by_text() {
    let g = grid("deliberation", "fr");
    assert_eq!(g.step("legal_check").unwrap().title, "Le cadre légal");
    assert!(g.question("legal_check.conditions").is_none(), "no merged checklist of conditions");
    let w = walk(&g, &[("legal_check.regime", choice("may")), ("legal_check.which_text", choice("child"))]);
    let shown = notes(&w);
    assert!(shown.contains(&"p_text_child".to_string()) && shown.contains(&"p_may".to_string()), "{shown:?}");
    assert!(shown.iter().filter(|n| n.starts_with("p_text_")).count() == 1, "{shown:?}");
    let w = walk(&g, &[("legal_check.regime", choice("may"))]);
    assert!(notes(&w).contains(&"p_text_unsure".to_string()));
    let w = walk(&g, &[("norm.service_rule", choice("yes"))]);
    assert!(note_text(&g, "p_service_rule").contains("ne peuvent pas ordonner ce que l'article 226-13"));
    assert!(notes(&w).contains(&"p_service_rule".to_string()));
}
