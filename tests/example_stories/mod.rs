//! The worked cases behind the example trails in `sessions/`: each story is
//! the list of answers a worker gave, with the moment each was given, walked
//! through the shipped grid so that the trail holds the grid's own prompts
//! and labels. `cargo test --test examples -- --ignored` writes them again.

use discern::grid::{Answer, Grid, library::SHIPPED, parse};
use discern::trail::{Time, Trail};
use discern::walk::{At, Walk};

pub struct Story {
    pub id: &'static str,
    pub title: &'static str,
    pub grid: &'static str,
    pub lang: &'static str,
    pub entries: Vec<(&'static str, &'static str, Answer)>,
}

fn t(s: &str) -> Time {
    chrono::DateTime::parse_from_rfc3339(s).expect("a valid time in a story")
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn choice(s: &str) -> Answer {
    Answer::Choice(s.into())
}

fn multi(ids: &[&str]) -> Answer {
    Answer::Multi { options: ids.iter().map(|s| s.to_string()).collect(), other: None }
}

fn date(s: &str) -> Answer {
    Answer::Date(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a valid date in a story"))
}

pub fn grid(id: &str, lang: &str) -> Grid {
    let name = format!("{id}.{lang}.toml");
    let (_, source) = SHIPPED.iter().find(|(n, _)| *n == name).expect("a shipped grid");
    parse(source).expect("a valid shipped grid")
}

/// The trail the story leaves: every answer set at its moment, each change
/// to an earlier answer kept in the history.
pub fn build(story: &Story) -> Trail {
    let g = grid(story.grid, story.lang);
    let created = t(story.entries[0].0);
    let mut w = Walk::new(g.clone(), Trail::start(&g, story.title, story.id.into(), created));
    for (when, name, answer) in &story.entries {
        let (step_id, question_id) = name.split_once('.').expect("step.question");
        let step = g.steps.iter().position(|s| s.id == step_id).unwrap_or_else(|| panic!("no step {name}"));
        let question = g.steps[step]
            .questions
            .iter()
            .position(|q| q.id == question_id)
            .unwrap_or_else(|| panic!("no question {name}"));
        let at = At { step, question };
        assert!(w.question_shown(at), "{}: {name} is shown when the worker answers it", story.id);
        w.close_edit();
        assert!(w.set(at, Some(answer.clone()), t(when)), "{}: {name} changes", story.id);
    }
    w.trail
}

/// `DATE-ID.toml`: the day the trail was started and its id, no title word.
pub fn file_name(trail: &Trail) -> String {
    format!("{}-{}.toml", trail.created.format("%Y-%m-%d"), trail.id)
}

pub fn stories() -> Vec<Story> {
    vec![college(), partners_meeting(), police_call(), child_welfare_review()]
}

/// delor-secret, French: a school asks about a family; nothing obliges or
/// allows the worker to speak; she works with the mother instead.
fn college() -> Story {
    let d1 = "2026-11-23T09:40:00+01:00";
    let d1b = "2026-11-23T10:05:00+01:00";
    let d2 = "2026-11-24T16:20:00+01:00";
    let d3 = "2026-11-26T11:10:00+01:00";
    Story {
        id: "c8k3m2qa",
        title: "Demande du collège (exemple)",
        grid: "delor-secret",
        lang: "fr",
        entries: vec![
            (d1, "bound.title", multi(&["profession"])),
            (d1, "bound.public_agent", choice("yes")),
            (d1, "bound.mandate", choice("none")),
            (
                d1,
                "situation.facts",
                text(
                    "Jeudi dernier, le CPE du collège où est scolarisé le fils d'une femme que j'accompagne au CCAS m'a téléphoné pour avoir « des nouvelles de la famille » ; je lui ai répondu que je le rappellerais. Ce que je sais par mon travail : j'accompagne la mère depuis quelques mois pour des difficultés budgétaires (retards de loyer et d'énergie, une demande d'aide facultative en cours). Ce qu'elle m'a confié : des problèmes de santé qui l'épuisent, du mal à suivre la scolarité de son fils, et la honte qu'elle en éprouve. Ce que rapporte le CPE : des retards fréquents, de la fatigue en classe, des résultats en baisse ; aucune marque, aucun propos inquiétant du collégien. Ce que je suppose, sans pouvoir l'affirmer : il assume peut-être une part des tâches de la maison.",
                ),
            ),
            (d1, "situation.origin", choice("asked")),
            (
                d1,
                "situation.request",
                text(
                    "Le CPE, au titre du suivi de la vie scolaire, voudrait savoir « s'il se passe quelque chose à la maison », pour comprendre les retards et la baisse des résultats, et savoir s'il doit « faire quelque chose ». Il connaît le lien avec le CCAS parce que la mère l'a elle-même évoqué lors d'une rencontre au collège. Il ne demande rien par écrit.",
                ),
            ),
            (d1, "situation.concerned", multi(&["parent"])),
            (d1, "situation.person_knows", choice("not_yet")),
            (
                d1,
                "situation.person_wants",
                text(
                    "Elle m'a dit ne pas vouloir « que tout le monde sache », ni pour sa santé ni pour l'argent, et craindre d'être « vue comme une mauvaise mère ». Elle tient à ce que son fils ne soit pas montré du doigt au collège. Elle aimerait qu'il soit aidé pour les devoirs, sans savoir à qui le demander. Je ne connais pas le point de vue du collégien : je ne l'ai jamais rencontré.",
                ),
            ),
            (d1, "peril.peril", choice("no")),
            (d1, "must_transmit.duty", multi(&["unsure"])),
            (d1, "may_speak.permission", multi(&["none"])),
            (d1, "may_speak.adult_victim", choice("no")),
            (d1, "exemptions.pressure", choice("no")),
            (d1b, "consult.who", multi(&["colleague", "supervisor"])),
            (
                d1b,
                "consult.ask",
                text(
                    "Un collège demande par téléphone des nouvelles d'une famille accompagnée au CCAS, sans danger identifié pour l'enfant. Le CCAS apporte son concours à la protection de l'enfance : cela m'oblige-t-il à transmettre ? Sinon, que répondre, et comment aider la famille à reprendre elle-même contact avec le collège ?",
                ),
            ),
            (d1b, "decision.choice", choice("wait")),
            (
                d1b,
                "decision.reasons",
                text(
                    "Je ne sais pas encore si une obligation de transmettre s'applique ; j'en parle à ma responsable avant de rappeler le CPE.",
                ),
            ),
            (d2, "must_transmit.duty", multi(&["none"])),
            (d2, "situation.person_knows", choice("refuses")),
            (
                d2,
                "situation.person_wants",
                text(
                    "Reçue cet après-midi : elle ne veut pas que je parle de sa santé ni de ses dettes au collège. Elle accepte d'appeler elle-même le CPE, et voudrait savoir comment demander une aide aux devoirs pour son fils. Elle a peur d'être « vue comme une mauvaise mère » et tient à ce que son fils ne soit pas montré du doigt.",
                ),
            ),
            (
                d2,
                "silence.with_person",
                text(
                    "Préparer avec elle l'appel au CPE : ce qu'elle choisit de dire (la fatigue, le besoin d'aide aux devoirs), ce qu'elle garde pour elle. Lui proposer, si elle le souhaite, de l'accompagner à un rendez-vous au collège. Chercher ensemble une aide aux devoirs près de chez elle.",
                ),
            ),
            (
                d2,
                "silence.answer",
                text(
                    "Que le secret professionnel ne me permet pas de parler de la situation des personnes que j'accompagne ; que j'ai suggéré à la famille de reprendre contact avec lui ; et que s'il s'inquiète pour l'élève, il dispose de ses propres relais au collège (l'infirmière, l'assistante sociale scolaire) et, si un danger apparaissait, de l'information préoccupante.",
                ),
            ),
            (d2, "traces.written", multi(&["file"])),
            (
                d2,
                "traces.readers",
                text(
                    "Mes collègues du CCAS qui ont accès au dossier, et la mère elle-même si elle demande à le lire.",
                ),
            ),
            (d2, "traces.if_read", choice("yes")),
            (d2, "ethics.serves", multi(&["person", "third"])),
            (d2, "ethics.informed", choice("before")),
            (
                d2,
                "ethics.necessary",
                text(
                    "Rien, de mon côté : ce que le CPE cherche à comprendre, la mère peut le lui dire elle-même, avec les mots qu'elle choisit.",
                ),
            ),
            (
                d2,
                "ethics.leave_out",
                text(
                    "Sa santé, ses dettes, sa honte ; et mes suppositions sur les tâches de la maison, qui ne sont que des suppositions.",
                ),
            ),
            (
                d2,
                "ethics.trust",
                text(
                    "Si je parlais à sa place, elle ne me confierait plus rien, et d'autres familles apprendraient que ce qui se dit au CCAS finit au collège. En l'aidant à parler elle-même, je garde sa confiance et le lien avec l'école peut se renouer.",
                ),
            ),
            (d2, "ethics.values", multi(&["protection", "autonomy", "privacy", "trust"])),
            (d3, "decision.choice", choice("act")),
            (
                d3,
                "decision.reasons",
                text(
                    "Rien ne m'oblige à transmettre : aucun péril, et ce que rapporte le CPE (retards, fatigue, résultats en baisse) ne décrit pas un enfant en danger ou en risque de l'être ; ma responsable, consultée mardi, le lit de même. Aucune permission ne s'applique non plus. Le principe du secret demeure (Code pénal, art. 226-13 ; CASF, art. L411-3), et la mère s'oppose à ce que je parle. J'agis sans rien révéler : je la soutiens pour qu'elle appelle elle-même le CPE, et nous cherchons une aide aux devoirs. Je réponds au CPE que le secret ne me permet pas de parler de la situation, sans rien confirmer de plus.",
                ),
            ),
            (
                d3,
                "decision.change_mind",
                text(
                    "Un élément laissant penser que le collégien est en danger ou risque de l'être, au sens de l'article 375 du Code civil : je reconsidérerais alors une information préoccupante, en informant sa mère au préalable sauf si c'était contraire à l'intérêt de l'enfant. Ou une demande de la mère que je transmette quelque chose pour elle.",
                ),
            ),
            (
                d3,
                "decision.tell_person",
                text(
                    "Ce que j'ai répondu au CPE, mot pour mot, au rendez-vous de lundi, et que la porte reste ouverte si elle veut que je l'accompagne au collège.",
                ),
            ),
            (d3, "decision.revisit", date("2026-11-30")),
        ],
    }
}

/// partage, French: a partners' meeting at the town hall is not the
/// coordinated social action of L121-6-2; no text allows the sharing.
fn partners_meeting() -> Story {
    let d1 = "2026-11-24T14:00:00+01:00";
    let d2 = "2026-11-25T09:10:00+01:00";
    let d2b = "2026-11-25T17:30:00+01:00";
    Story {
        id: "r4n7w2ke",
        title: "Réunion de partenaires en mairie (exemple)",
        grid: "partage",
        lang: "fr",
        entries: vec![
            (
                d1,
                "situation.facts",
                text(
                    "Jeudi, le CCAS réunit en mairie une « réunion de partenaires » sur les jeunes sans logement de la commune : une élue, la mission locale, un bailleur, le club de prévention, le service social départemental. Dans l'invitation, le conseiller de la mission locale qui suit un jeune adulte que j'accompagne au service social départemental demande « un point sur sa situation de logement ». Ce que je sais par mon travail : il est hébergé depuis quelques semaines chez un ami, sans savoir pour combien de temps ; une demande de place en foyer de jeunes travailleurs est déposée. Je sais aussi pourquoi il a quitté le domicile familial, qu'il a une dette ancienne, et qu'il a passé plusieurs nuits dans sa voiture l'hiver dernier.",
                ),
            ),
            (d1, "situation.origin", choice("meeting")),
            (
                d1,
                "situation.recipient",
                text(
                    "Le conseiller de la mission locale ; mais en réunion, tous les participants entendront : l'élue, le bailleur, l'éducateur de prévention, la responsable du CCAS qui anime la réunion.",
                ),
            ),
            (d1, "situation.concerned", multi(&["adult"])),
            (
                d1,
                "situation.purpose_words",
                text("Aider la mission locale à trouver avec lui une solution de logement."),
            ),
            (d1, "situation.framework", choice("coordination")),
            (d1, "coordination.coord_same", choice("yes")),
            (d1, "coordination.coord_purpose", choice("yes")),
            (d1, "coordination.coord_necessary", choice("partly")),
            (
                d1,
                "what.content",
                text(
                    "Hébergé chez un ami, de façon précaire ; demande de foyer de jeunes travailleurs déposée ; départ du domicile familial après un conflit ; dette ancienne ; nuits dans sa voiture l'hiver dernier.",
                ),
            ),
            (d1, "must.pressure", choice("yes")),
            (d1, "must.transmission", choice("no")),
            (d1, "digital.written", multi(&["report"])),
            (d1, "digital.readers", choice("wide")),
            (d1, "serves.serves", multi(&["requester", "institution"])),
            (d1, "serves.agrees", choice("not_asked")),
            (d2, "coordination.coord_frame", choice("meeting")),
            (d2, "situation.framework", choice("none")),
            (
                d2,
                "what.content",
                text(
                    "Au plus : qu'il cherche un logement et qu'une demande de foyer de jeunes travailleurs est déposée. Et seulement s'il le souhaite.",
                ),
            ),
            (
                d2,
                "what.leave_out",
                text(
                    "Pourquoi il a quitté sa famille, sa dette, les nuits dans sa voiture. Et même le fait que je l'accompagne, s'il ne veut pas que ce soit dit.",
                ),
            ),
            (d2, "digital.if_read", choice("no")),
            (d2, "consult.who", multi(&["supervisor", "colleague"])),
            (
                d2,
                "consult.ask",
                text(
                    "Une réunion de partenaires organisée par le CCAS sur les jeunes sans logement : quel texte permettrait d'y partager la situation d'une personne accompagnée ? Et la charte signée par les partenaires change-t-elle quelque chose ?",
                ),
            ),
            (d2b, "serves.serves", multi(&["person"])),
            (d2b, "serves.agrees", choice("refuses")),
            (
                d2b,
                "serves.person_view",
                text(
                    "Joint au téléphone : il ne veut pas que sa situation soit racontée « devant la mairie et le bailleur ». Il accepte en revanche de voir lui-même son conseiller de la mission locale, qui connaît déjà sa recherche de logement.",
                ),
            ),
            (d2b, "decision.choice", choice("through_person")),
            (
                d2b,
                "decision.reasons",
                text(
                    "Cette réunion de partenaires n'est pas l'action sociale coordonnée de l'article L121-6-2 du CASF : le maire et le président du conseil départemental n'ont pas été informés d'un besoin de coordination autour de lui, aucun coordonnateur n'a été désigné par le maire, et la réunion porte sur « les jeunes sans logement » en général. Aucun autre texte ne permet ici le partage ; la charte signée par les partenaires n'en crée pas. Le principe du secret demeure (Code pénal, art. 226-13). Surtout, il s'y oppose, et il peut dire lui-même à son conseiller ce qu'il choisit.",
                ),
            ),
            (
                d2b,
                "decision.change_mind",
                text(
                    "Qu'il me demande de parler pour lui, sur un point précis et à une personne précise ; ou un péril, qui m'obligerait à agir.",
                ),
            ),
            (
                d2b,
                "decision.tell_person",
                text(
                    "Déjà dit au téléphone : je ne parlerai pas de sa situation à la réunion, ni même du fait que je l'accompagne ; il peut voir son conseiller seul ou avec moi. Je lui redirai au rendez-vous de lundi ce que j'aurai répondu si la question est posée.",
                ),
            ),
            (d2b, "decision.revisit", date("2026-11-30")),
        ],
    }
}

/// deliberation, French: a phone call said to come from the police asks
/// whether a man is housed at the shelter.
fn police_call() -> Story {
    let d1 = "2026-11-25T09:30:00+01:00";
    let d1b = "2026-11-25T10:15:00+01:00";
    let d2 = "2026-11-26T14:45:00+01:00";
    Story {
        id: "h6t9d3vz",
        title: "Appel de la police au CHRS (exemple)",
        grid: "deliberation",
        lang: "fr",
        entries: vec![
            (
                d1,
                "facts.facts",
                text(
                    "Ce matin, un appel arrivé au standard du CHRS m'a été transféré : une personne se présentant comme officier de police judiciaire demande si un homme que nous hébergeons l'est « actuellement », pour une « simple vérification ». Constaté : l'appel vient d'un numéro masqué ; je ne peux pas vérifier l'identité de l'appelant ; quand je lui ai demandé à quel titre il appelait et dans quelle enquête, il a seulement répété qu'il s'agissait d'une « simple vérification ». Ce que je sais par mon travail : cet homme est hébergé depuis deux mois ; à son admission, il a demandé que sa présence ne soit confirmée à personne. Supposé : rien ; je ne sais pas s'il est concerné comme témoin, victime ou mis en cause.",
                ),
            ),
            (
                d1,
                "facts.dilemma",
                text(
                    "Dois-je confirmer à la police qu'il est hébergé ici, par souci de coopérer avec la justice, ou bien ne rien dire de sa présence, au nom du secret et de la sécurité que le lieu doit offrir à celles et ceux qu'il accueille ?",
                ),
            ),
            (
                d1,
                "facts.options_list",
                text(
                    "(1) Confirmer par téléphone. (2) Ne rien confirmer ni infirmer, expliquer le cadre du secret et demander une trace écrite de la demande, adressée à la direction, qui dise dans quel cadre elle est faite. (3) Vérifier l'identité de l'appelant en rappelant le commissariat par son standard. (4) Informer l'homme de l'appel, pour qu'il puisse prendre contact lui-même s'il le souhaite. (5) Ne rien faire de plus que (2).",
                ),
            ),
            (
                d1,
                "facts.person_view",
                text(
                    "Je ne lui en ai pas encore parlé. À son admission, comme beaucoup de personnes hébergées, il avait demandé que sa présence ne soit confirmée à personne. Il choisirait sans doute l'option (2), et voudrait être prévenu de l'appel.",
                ),
            ),
            (d1, "values.values", multi(&["protection", "privacy", "trust", "justice", "loyalty"])),
            (
                d1,
                "values.conflict",
                text(
                    "D'un côté, la vie privée, le secret et la confiance : le CHRS doit rester un lieu où l'on peut se poser sans être repéré. De l'autre, la justice et la loyauté envers les institutions : une enquête peut avoir de bonnes raisons, y compris protéger quelqu'un, lui compris.",
                ),
            ),
            (
                d1,
                "values.own_values",
                text(
                    "Je tiens à de bonnes relations avec les services de police, et je crains qu'un refus passe pour de l'obstruction. À l'inverse, je garde en mémoire une situation où une information donnée trop vite avait permis à une personne violente de retrouver quelqu'un qui était hébergé.",
                ),
            ),
            (d1, "norm.norms", multi(&["law", "code", "service"])),
            (
                d1,
                "norm.norm_says",
                text(
                    "La loi : la présence d'une personne au CHRS est une information à caractère secret, apprise dans l'exercice de ma profession (Code pénal, art. 226-13 ; CASF, art. L411-3). Une simple demande ne m'oblige à rien ; mais une réquisition peut être faite par tout moyen, même au téléphone (Code de procédure pénale, art. 60-1) : je dois d'abord savoir qui appelle, à quel titre et dans quelle enquête, et demander une trace écrite. Une réquisition appellerait une réponse, et le secret pourrait y être opposé comme motif légitime : à examiner avec la direction et un appui juridique. Le code de déontologie de l'ANAS, qui n'a pas de force juridique, va dans le même sens. La procédure du service prévoit que toute demande d'un tiers sur une personne hébergée est transmise à la direction.",
                ),
            ),
            (d1, "norm.norm_clear", choice("unsure")),
            (d1, "norm.service_rule", choice("no")),
            (
                d1,
                "consequences.consequences",
                text(
                    "Confirmer : si l'appel vient bien de la police, l'enquête avance, mais il est désigné sans le savoir ; s'il n'en vient pas, je peux le mettre en danger, lui ou d'autres, et la confiance des personnes hébergées envers l'équipe est atteinte. Ne rien confirmer et renvoyer vers un écrit : l'enquête, si elle est réelle, dispose d'une voie formelle ; le secret est préservé.",
                ),
            ),
            (
                d1,
                "consequences.benefits_harms",
                text(
                    "Lui : protégé par le silence, exposé par une confirmation. Les autres personnes hébergées : elles gagnent à ce que le CHRS ne renseigne sur la présence de personne. L'enquête : retardée de quelques jours au pire, puisqu'une voie formelle existe. L'équipe : une règle claire plutôt qu'une décision au cas par cas, au téléphone.",
                ),
            ),
            (d1, "consequences.reversible", choice("yes")),
            (
                d1,
                "aim.good_life",
                text(
                    "Être une professionnelle à qui l'on peut se fier : que les personnes hébergées sachent que leur présence ici ne regarde qu'elles, sans que je fasse obstacle à la justice quand elle passe par les voies prévues.",
                ),
            ),
            (
                d1,
                "aim.with_others",
                text(
                    "Le traiter comme quelqu'un qui a le droit de savoir ce qui se dit de lui, et non comme un dossier. Ne pas décider à sa place s'il doit se présenter ou non à la police, mais lui donner de quoi choisir.",
                ),
            ),
            (
                d1,
                "aim.just_institutions",
                text(
                    "Toutes les personnes hébergées doivent pouvoir compter sur la même règle : le CHRS ne confirme la présence de personne par téléphone, quels que soient la personne et l'appelant. Une exception faite « parce que c'est la police » deviendrait vite une habitude.",
                ),
            ),
            (d1, "consult.who", multi(&["supervisor", "legal"])),
            (
                d1,
                "consult.ask",
                text(
                    "Un appelant qui se présente comme officier de police judiciaire demande par téléphone, sans dire dans quelle enquête, si une personne est hébergée dans l'établissement. Est-ce une réquisition ? Que prévoit la procédure, qui répond, et faut-il informer la personne de cette demande, et quand ?",
                ),
            ),
            (
                d1b,
                "wisdom.least_harm",
                text(
                    "L'option (2), complétée par l'option (3) si la direction le juge utile ; puis l'option (4), après accord de la direction.",
                ),
            ),
            (
                d1b,
                "wisdom.face_to_face",
                text(
                    "Oui : « Quelqu'un a demandé si vous étiez ici ; nous n'avons rien dit, comme nous le faisons pour tout le monde. » Ce qui me retient un peu : s'il est concerné comme mis en cause, l'en informer pourrait être mal compris ; c'est pourquoi j'en parle d'abord à la direction.",
                ),
            ),
            (d1b, "wisdom.clarity", Answer::Scale(3)),
            (d1b, "legal_check.involves_info", choice("no")),
            (d1b, "legal_check.regime", choice("silence")),
            (d1b, "legal_check.serves", multi(&["person"])),
            (d1b, "decision.choice", choice("wait")),
            (
                d1b,
                "decision.reasons",
                text(
                    "Je n'ai rien confirmé au téléphone. J'attends l'avis de la direction et de l'appui juridique avant de parler à l'homme hébergé.",
                ),
            ),
            (d2, "norm.norm_clear", choice("clear")),
            (d2, "wisdom.clarity", Answer::Scale(4)),
            (d2, "decision.choice", choice("partial")),
            (
                d2,
                "decision.reasons",
                text(
                    "Je ne confirme ni n'infirme sa présence. La présence d'une personne au CHRS est une information à caractère secret (Code pénal, art. 226-13 ; CASF, art. L411-3). Une réquisition peut être faite par téléphone, mais l'appelant n'a dit ni à quel titre il appelait ni dans quelle enquête, et je ne peux pas vérifier son identité ; aucune permission de parler ne s'applique. La direction, consultée hier avec l'appui juridique, confirme : la demande doit lui parvenir par écrit, avec son cadre ; une réquisition serait alors examinée avec l'appui juridique, et le secret pourrait y être opposé comme motif légitime. Avec son accord, je l'informe de l'appel.",
                ),
            ),
            (
                d2,
                "decision.change_mind",
                text(
                    "Une réquisition dont l'auteur et le cadre sont établis, examinée avec la direction et un appui juridique. Un élément laissant penser que lui ou une autre personne est en péril : l'obligation d'agir primerait alors (Code pénal, art. 223-6), en ne disant que ce qui rend l'intervention possible.",
                ),
            ),
            (
                d2,
                "decision.tell_person",
                text(
                    "Demain, lors d'un entretien individuel : qu'un appel se présentant comme venant de la police a demandé s'il était hébergé ici, que nous n'avons rien confirmé, comme pour toute personne, et qu'il est libre de prendre contact lui-même avec le commissariat.",
                ),
            ),
            (d2, "decision.revisit", date("2026-12-01")),
        ],
    }
}

/// partage, English: child protection (L226-2-2), both workers bound by
/// secrecy, the mother informed; the worker shares only what the review needs.
fn child_welfare_review() -> Story {
    let d1 = "2026-11-26T11:00:00+01:00";
    let d2 = "2026-11-27T15:40:00+01:00";
    Story {
        id: "w3p8x5jn",
        title: "Review of a child-welfare measure (example)",
        grid: "partage",
        lang: "en",
        entries: vec![
            (
                d1,
                "situation.facts",
                text(
                    "The child-welfare (ASE) social worker who follows a ten-year-old under an administrative support measure at home has asked me, the family's social worker at the local social service, what I know of the family's housing and money problems, to prepare the review of the measure next week. What I know through my work: I have supported the mother for a year; an eviction procedure was suspended after a repayment plan; she has applied for social housing. She has also told me about old debts, a dispute with the child's father over maintenance, and her fear that the measure will be renewed. What the ASE worker says: the child is doing better at school; the review will decide whether the measure continues.",
                ),
            ),
            (d1, "situation.origin", choice("asked")),
            (
                d1,
                "situation.recipient",
                text(
                    "The ASE social worker who is the child's referent, and through her the team that will review the measure.",
                ),
            ),
            (
                d1,
                "situation.purpose_words",
                text(
                    "To help the review decide whether the support measure is still needed, and what help the family needs at home.",
                ),
            ),
            (d1, "situation.concerned", multi(&["parent", "child"])),
            (d1, "situation.framework", choice("child")),
            (d1, "child.child_bound", choice("yes")),
            (d1, "child.child_mission", choice("yes")),
            (d1, "child.child_purpose", choice("yes")),
            (d1, "child.child_necessary", choice("partly")),
            (d1, "child.child_informed", choice("will")),
            (
                d1,
                "what.content",
                text(
                    "The eviction procedure and the repayment plan; the social housing application; the old debts; the dispute over maintenance; the mother's budget; her fear of the review.",
                ),
            ),
            (d1, "must.pressure", choice("no")),
            (d1, "must.transmission", choice("no")),
            (d1, "digital.written", multi(&["report"])),
            (d1, "digital.readers", choice("limited")),
            (d1, "serves.serves", multi(&["child", "person"])),
            (d1, "consult.who", multi(&["supervisor"])),
            (
                d1,
                "consult.ask",
                text(
                    "A child-welfare colleague asks what I know of a family's housing and money problems for the review of a support measure: what does the review really need from me?",
                ),
            ),
            (d1, "decision.choice", choice("wait")),
            (
                d1,
                "decision.reasons",
                text(
                    "I will talk to the mother first, and sort what the review needs from what it does not.",
                ),
            ),
            (d2, "child.child_informed", choice("yes")),
            (d2, "child.child_necessary", choice("yes")),
            (
                d2,
                "what.content",
                text(
                    "The eviction procedure is suspended and the repayment plan is being kept to; the social housing application is under way; the mother is anxious about the review and would like to attend it.",
                ),
            ),
            (
                d2,
                "what.leave_out",
                text(
                    "The old debts, the dispute over maintenance, the details of her budget: they do not tell the review anything about the child's protection.",
                ),
            ),
            (d2, "digital.if_read", choice("yes")),
            (d2, "serves.agrees", choice("not_asked")),
            (d2, "serves.parents_agree", choice("yes")),
            (
                d2,
                "serves.person_view",
                text(
                    "Seen this afternoon: the mother agrees that I tell the ASE worker about the housing and the repayment plan, which she sees as good news for the review. She did not want her debts and the dispute with the child's father mentioned; I told her they would not be. I do not see the child myself: the ASE worker, who is the child's referent, talks with the child about the review.",
                ),
            ),
            (d2, "decision.choice", choice("partial")),
            (
                d2,
                "decision.reasons",
                text(
                    "Article L226-2-2 of the CASF allows this sharing: the ASE worker and I are both bound by secrecy (by mission and by profession), she carries out child protection, and the sharing serves the review of a protection measure. The text limits it to what the child-protection mission needs and asks that the parents be informed beforehand: the mother has been told and agrees. So I share only the state of the housing, orally and in a short note, and leave out her debts and the dispute with the father.",
                ),
            ),
            (
                d2,
                "decision.change_mind",
                text(
                    "If the review needed something else that bears on the child's protection, I would tell the mother first. If she objected, I would think it through again before sharing anything.",
                ),
            ),
            (
                d2,
                "decision.tell_person",
                text(
                    "Already told her today what I will say and what I will not; I will tell her after the review what was said there.",
                ),
            ),
            (d2, "decision.revisit", date("2026-12-03")),
        ],
    }
}
