//! Actors on text as scrapers deliver it, on invented articles: sentence openers, picture
//! credits, bylines and datelines, Title Case headlines; organisations and places with their
//! kind; names beyond English given names; merges that must and must not happen; and an
//! article's actors not depending on which other articles are loaded.

use juxta::analysis::actors::{Actor, ActorKind};
use juxta::analysis::extract::{Extraction, assemble, extract};
use std::collections::BTreeMap;

fn actors(texts: &[&str]) -> Vec<Actor> {
    let ex: Vec<Extraction> = texts.iter().map(|t| extract(t, None)).collect();
    let pairs: Vec<(&str, &Extraction)> = texts.iter().copied().zip(&ex).collect();
    assemble(&pairs, &BTreeMap::new()).actors
}

fn of_kind(texts: &[&str], kind: ActorKind) -> Vec<String> {
    actors(texts)
        .into_iter()
        .filter(|a| a.kind == kind)
        .map(|a| a.name)
        .collect()
}

fn people(text: &str) -> Vec<String> {
    of_kind(&[text], ActorKind::Person)
}

/// Each person as its name and the text of every mention in article `article`.
fn mentions_in(texts: &[&str], article: usize) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = actors(texts)
        .into_iter()
        .filter(|a| a.kind == ActorKind::Person)
        .filter_map(|a| {
            let forms: Vec<String> = a
                .mentions
                .iter()
                .filter(|m| m.article == article)
                .map(|m| m.span.slice(texts[article]).to_string())
                .collect();
            (!forms.is_empty()).then_some((a.name, forms))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn words_that_only_open_a_sentence_are_not_given_names() {
    let text = "Disgraced Norvale founder Oskar Brandt resigned. Overjoyed Tidewater fans \
                sang. Current Velmora shares fell while current sales rose. Early Brightwell \
                users complained about early faults.";
    assert_eq!(people(text), ["Oskar Brandt"]);
    // A role word opening the sentence is not part of the name.
    assert_eq!(
        people("Actress Ilse Marrow arrived. Marrow, 41, waved."),
        ["Ilse Marrow"]
    );
}

#[test]
fn credits_bylines_and_datelines_are_read_as_such() {
    let text = "By Sunniva Aasheim PORT ELLERY, March 3 (Wire) - The quay reopened.\n\
                Picture: Tamsin Orrell/Corvex Agency\n\
                Photo: Dalia Merrow, Wire Images\n\
                The harbour reopened on Monday (Getty Images).\n\
                Harbour Commissioner Maren Lindqvist cut the ribbon.";
    assert_eq!(people(text), ["Maren Lindqvist", "Sunniva Aasheim"]);
    let orgs = of_kind(&[text], ActorKind::Organization);
    assert!(orgs.contains(&"Wire Images".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"Getty Images".to_string()), "{orgs:?}");
}

#[test]
fn title_case_headlines_prove_nothing_about_names() {
    let text = "Rocket Maker Unveils Plans For Hollis Varne Launch Site\n\
                The company said the site would open next year.";
    assert_eq!(people(text), Vec::<String>::new());
    // A title in a headline counts only next to the name: the body's person is the only one.
    let text = "Harbour Chief Quits After Maren Lindqvist Report\n\
                Harbour Commissioner Maren Lindqvist resigned on Monday.";
    assert_eq!(people(text), ["Maren Lindqvist"]);
}

#[test]
fn organizations_and_places_come_with_their_kind() {
    let text = "Veyra Air Lines cancelled flights from Lisbon after the village of Tel \
                Marosh was cut off. The rocket company Quorvex said on Twitter that the \
                Norwegian Refugee Council would help. Quorvex declined to comment.";
    assert_eq!(people(text), Vec::<String>::new());
    let mut orgs = of_kind(&[text], ActorKind::Organization);
    orgs.sort();
    assert_eq!(
        orgs,
        [
            "Norwegian Refugee Council",
            "Quorvex",
            "Twitter",
            "Veyra Air Lines"
        ]
    );
    let mut places = of_kind(&[text], ActorKind::Place);
    places.sort();
    assert_eq!(places, ["Lisbon", "Tel Marosh"]);
    // A place-name opener before a date or an adjective names no place.
    let festive = "Crowds gathered on New Year's Eve as North African traders sold flags.";
    assert_eq!(of_kind(&[festive], ActorKind::Place), Vec::<String>::new());
    let quorvex = actors(&[text])
        .into_iter()
        .find(|a| a.name == "Quorvex")
        .unwrap();
    assert_eq!(quorvex.mentions.len(), 2);
}

#[test]
fn people_beyond_english_given_names_are_found() {
    for (text, name) in [
        (
            "The winner was Frenchman Ottavio Brisse on Sunday.",
            "Ottavio Brisse",
        ),
        (
            "Talks were led by Kwesi Ampofo of Ghana on Friday.",
            "Kwesi Ampofo",
        ),
        ("1. Jorunn Vaageskar (Norway) 2:03.11", "Jorunn Vaageskar"),
        (
            "The late goal came when Tomiko Arakawa scored again.",
            "Tomiko Arakawa",
        ),
        (
            "Everything changed when Mikhail Ostrovets resigned.",
            "Mikhail Ostrovets",
        ),
        (
            "The chairman of the dockers' union, Halvard Tennemo, criticised the plan.",
            "Halvard Tennemo",
        ),
    ] {
        assert_eq!(people(text), [name], "{text}");
    }
}

#[test]
fn an_articles_people_do_not_depend_on_the_other_articles_loaded() {
    let a = "Crowds watched Vellin cross the line. Later Vellin said little.";
    let b = "Race spokesman Dario Vellin, 44, confirmed the result.";
    let c = "The chairman of the dockers' union, Halvard Tennemo, criticised the plan.";
    // Alone, article a names nobody for sure; with b loaded it still does not.
    assert_eq!(mentions_in(&[a], 0), []);
    assert_eq!(mentions_in(&[a, b], 0), []);
    // Article c's person is there alone and with others.
    assert_eq!(mentions_in(&[c], 0), mentions_in(&[a, b, c], 2));
    assert_eq!(mentions_in(&[c], 0).len(), 1);
}

#[test]
fn merges_join_spellings_and_keep_different_people_apart() {
    // One person written two ways across articles.
    let a = "Leader Kim Jong-un spoke on Monday.";
    let b = "Leader Kim Jong Un left on Tuesday.";
    assert_eq!(of_kind(&[a, b], ActorKind::Person).len(), 1);
    // Namesakes stay apart, and a bare surname in an article without a full name does not pick
    // one of them.
    let c = "House Speaker Mika Jorvensen spoke.";
    let d = "Prime Minister Borislav Jorvensen answered.";
    assert_eq!(of_kind(&[c, d], ActorKind::Person).len(), 2);
    // A company and a person with the company's name are two actors.
    let e = "Apple said sales rose. The singer Apple Marrowby performed; Marrowby said so.";
    let all = actors(&[e]);
    let kinds: Vec<(String, ActorKind)> = all.into_iter().map(|a| (a.name, a.kind)).collect();
    assert!(
        kinds.contains(&("Apple Marrowby".into(), ActorKind::Person)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("Apple".into(), ActorKind::Organization)),
        "{kinds:?}"
    );
    // An honorific of its own language is not part of the name: one person, not two.
    let g = "Spokesman Alhaji Tunde Balogun spoke. Later Tunde Balogun left.";
    assert_eq!(of_kind(&[g], ActorKind::Person), ["Tunde Balogun"]);
    // A wife and her husband who share a surname.
    let f = "Activist Lena Dorsk was detained. Dorsk, who is in her mid-50s, is well known. \
             Her husband, Arvid Dorsk, said she was held for her views.";
    assert_eq!(
        mentions_in(&[f], 0),
        [
            ("Arvid Dorsk".to_string(), vec!["Arvid Dorsk".to_string()]),
            (
                "Lena Dorsk".to_string(),
                vec!["Lena Dorsk".to_string(), "Dorsk".to_string()]
            ),
        ]
    );
}

#[test]
fn a_byline_opening_a_text_file_becomes_the_author_not_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    std::fs::write(
        &file,
        "By Sunniva Aasheim\nPORT ELLERY, March 3 (Wire) - The quay reopened on Monday, \
         officials said.\nHarbour Commissioner Maren Lindqvist cut the ribbon.\n",
    )
    .unwrap();
    let (articles, errors) = juxta::import::articles_from_paths(&[file], &Default::default());
    assert!(errors.is_empty());
    assert_eq!(articles[0].authors, ["Sunniva Aasheim"]);
    let text = articles[0].text.as_str();
    assert!(text.starts_with("PORT ELLERY"), "{text:?}");
    assert_eq!(people(text), ["Maren Lindqvist"]);
}

/// Each actor of the texts as (kind, name), sorted.
fn kinds(texts: &[&str]) -> Vec<(ActorKind, String)> {
    let mut out: Vec<(ActorKind, String)> = actors(texts)
        .into_iter()
        .map(|a| (a.kind, a.name))
        .collect();
    out.sort();
    out
}

#[test]
fn companies_and_groups_named_like_people_are_organizations() {
    // A maker found by a role word ("experts suspect X") and its product found by an adjective
    // read as a role ("official X"): what follows them (devices, a model number) says what they
    // are.
    let maker = "Posted online, the images look like official Nimbra S4 press renders.\n\n\
                 Some industry experts suspect Korvath is set to reveal its Nimbra S4 handsets \
                 in January. Ice Tower has a record for predicting features on Korvath devices.";
    assert_eq!(people(maker), Vec::<String>::new());
    let orgs = of_kind(&[maker], ActorKind::Organization);
    assert!(orgs.contains(&"Korvath".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"Nimbra".to_string()), "{orgs:?}");
    // A group found by a verb ("X posted") that the text calls militants.
    let group = "The girls were kidnapped by Dravek Sul militants in April.\n\n\
                 In August, Dravek Sul posted a video of the captives.";
    assert_eq!(
        kinds(&[group]),
        [(ActorKind::Organization, "Dravek Sul".to_string())]
    );
    // A listed company: its ticker says so even after a list ("by X (NYSE:AB) and Y").
    let listed = "The rockets were built by Corvane (NYSE:CV) and Harlow Brandt (NYSE:HBT) \
                  at the joint plant.";
    assert_eq!(people(listed), Vec::<String>::new());
    assert_eq!(
        of_kind(&[listed], ActorKind::Organization),
        ["Corvane", "Harlow Brandt"]
    );
    // "X, an aerospace company run by a billionaire": the appositive's head is the company.
    let company = "COMPETITION: Talvo Reach, an aerospace company run by another billionaire, \
                   is close behind.";
    assert_eq!(
        kinds(&[company]),
        [(ActorKind::Organization, "Talvo Reach".to_string())]
    );
}

#[test]
fn a_brand_a_nickname_and_a_possessive_without_apostrophe_are_not_people() {
    // "A and B, C": the name after "and" closes the list; "Orbis X" is a brand, not a person.
    let text = "CEO of Tesvik and Orbis X, Marten Falk gave a sneak peek at his rocket. \
                Marten Falk and Orbis X detail their plans.\n\n\
                Already creating a buzz, Marten Falks Skyrail project now wants your help.";
    assert_eq!(
        mentions_in(&[text], 0),
        [(
            "Marten Falk".to_string(),
            vec![
                "Marten Falk".to_string(),
                "Marten Falk".to_string(),
                "Marten Falk".to_string()
            ]
        )]
    );
    // A nickname after "known as" or "the name" is no one of its own.
    let nick = "Ilse Vortmann, professor of economics, also known as Dr Gloom, is not a \
                believer. The name Dr Gloom was coined for her.";
    assert_eq!(people(nick), ["Ilse Vortmann"]);
    // The tail of a hyphenated word is not a role word before a name.
    let rude = "Inside the company the drill is nicknamed the \"Huge F--king Auger.\"\n\n\
                The Huge Falcon Auger will be built in a new hall.";
    assert_eq!(people(rude), Vec::<String>::new());
}

#[test]
fn a_given_name_alone_is_no_one_and_a_shorter_full_name_is_the_same_person() {
    let text = "Darrel Voss made a recovery. His wife, Linda, thinks it was a miracle.\n\n\
                Linda said: 'I think we were lucky.'";
    assert_eq!(people(text), ["Darrel Voss"]);
    let text = "The first student to be found was Grace Adu Mensima, who was found in May.\n\n\
                Grace Adu told reporters in August that she was well.";
    assert_eq!(
        mentions_in(&[text], 0),
        [(
            "Grace Adu Mensima".to_string(),
            vec!["Grace Adu Mensima".to_string(), "Grace Adu".to_string()]
        )]
    );
}

#[test]
fn regions_and_villages_are_places() {
    // A compass word before "Bank" names a region, not a bank; "X is a village of …" a place,
    // even when its last word is a frequent surname.
    let text = "She is from Kel Dalton is a village of about 600 people. Villagers have \
                protested weekly against policies in the East Bank.\n\n\
                Troops entered the East Bank again on Friday.";
    assert_eq!(people(text), Vec::<String>::new());
    assert_eq!(
        kinds(&[text]),
        [
            (ActorKind::Place, "East Bank".to_string()),
            (ActorKind::Place, "Kel Dalton".to_string())
        ]
    );
}

#[test]
fn a_compass_word_ending_a_sentence_does_not_join_the_next() {
    let text = "The faction is branded a terrorist group in the West. The group was formed in \
                1967. Pilgrims walked to St. Elmar Abbey.";
    assert_eq!(
        of_kind(&[text], ActorKind::Place),
        ["St. Elmar Abbey"],
        "{:?}",
        kinds(&[text])
    );
}

/// The kinds of actor a real wire report names besides people, each in an invented report: a
/// dateline city in capitals, a country, a region, a village, a state and cities; a news agency,
/// a newspaper, an airline, an institute, a brand-like acronym, a foundation, a university, a
/// space centre and a prisoners' club.
#[test]
fn organizations_and_places_of_a_wire_report_come_with_their_kind() {
    let text = "OSLO (Reuters) - Soldiers entered the village of Kfar Tobin in the East Bank \
                on Monday, the Ardelan Prisoners Club said, according to the newspaper Haverlin. \
                Passengers of Corvane Air Lines flew from Ohio to Tulsa. The Oakridge \
                Prevention Institute and the union DpolK criticised the Marlow Family \
                Foundation. Students of Tessaly University watched from the Halden Space Center \
                in Portugal.";
    assert_eq!(people(text), Vec::<String>::new());
    assert_eq!(
        kinds(&[text]),
        [
            (
                ActorKind::Organization,
                "Ardelan Prisoners Club".to_string()
            ),
            (ActorKind::Organization, "Corvane Air Lines".to_string()),
            (ActorKind::Organization, "DpolK".to_string()),
            (ActorKind::Organization, "Halden Space Center".to_string()),
            (ActorKind::Organization, "Haverlin".to_string()),
            (
                ActorKind::Organization,
                "Marlow Family Foundation".to_string()
            ),
            (
                ActorKind::Organization,
                "Oakridge Prevention Institute".to_string()
            ),
            (ActorKind::Organization, "Reuters".to_string()),
            (ActorKind::Organization, "Tessaly University".to_string()),
            (ActorKind::Place, "East Bank".to_string()),
            (ActorKind::Place, "Kfar Tobin".to_string()),
            (ActorKind::Place, "OSLO".to_string()),
            (ActorKind::Place, "Ohio".to_string()),
            (ActorKind::Place, "Portugal".to_string()),
            (ActorKind::Place, "Tulsa".to_string()),
        ]
    );
}

#[test]
fn a_lone_capitalised_word_is_not_a_person() {
    // A one-word headline, a movement's name after "for the", a given name alone.
    let text = "Standstill\n\nTraffic stood still on the ring road on Friday. The Popular Front \
                for the Awakening of Tesmar, a left-leaning faction, said Awakening would march. \
                Her father Bassam said she was upset.";
    assert_eq!(people(text), Vec::<String>::new(), "{:?}", kinds(&[text]));
}

#[test]
fn a_name_in_a_datelines_capitals_is_shown_as_written_in_the_text() {
    let a = "OSLO (Wire) - The port reopened. Oslo is calm.";
    let b = "OSLO (Wire) - Ferries sailed again.";
    let c = "OSLO (Wire) - The strike ended.";
    assert_eq!(of_kind(&[a, b, c], ActorKind::Place), ["Oslo"]);
}
