//! Person recall on an invented newswire day: sports results, politics and business wire, with
//! people whose given names no English list holds, found by the words around them (a verb after
//! the name, "X of <country>", a nationality before it, a role opening the sentence, a results
//! line, a family name first), and the look-alikes that must stay out (an institution after a
//! nationality, a stage race, a tournament, a quoted film title).

mod common;

use common::of_kind;
use juxta::analysis::actors::ActorKind;

/// The people of [`WIRE`], as a reader lists them.
const WIRE_PEOPLE: &[&str] = &[
    "Bolat Zhanibekov",
    "Dragan Petrovic",
    "Emre Kocabas",
    "Grigory Pavlenko",
    "Haruki Nomura",
    "Hyun-woo Baek",
    "Ilkka Haapala",
    "Karim Boudiaf",
    "Kwame Asante-Boateng",
    "Liang Dezhi",
    "Massimo Ferraresi",
    "Mikael Sjoqvist",
    "Nawaz Qureshi",
    "Oluwaseun Adeyemi",
    "Pieter Hoogeveen",
    "Radek Sembera",
    "Rustam Kadyrbekov",
    "Ryutaro Kanemoto",
    "Selcuk Ozdemir",
    "Sven Uddholm",
    "Tarik Benzema",
    "Tomasz Wierzbicki",
    "Toomas Kask",
    "Vesa Oikarinen",
    "Wang Jianguo",
    "Yusuf Aydinli",
];

const WIRE: &str = "SOCCER - VALDORIA EDGE PAST KESTRAN IN QUALIFIER

MERIDA, Valdoria 1997-03-14

Valdoria beat Kestran 2-1 in a qualifier on Friday.

Tomasz Wierzbicki scored the winner in the 78th minute.

Striker Oluwaseun Adeyemi of Nigeria opened the scoring before the break.

Dutchman Pieter Hoogeveen was sent off ten minutes from time.

Goalkeeper Rustam Kadyrbekov made three fine saves, coach Ilkka Haapala said.

Scorers: Emre Kocabas 23, Yusuf Aydinli 45, Selcuk Ozdemir 67

Results of the men's 10 km race:

1. Mikael Sjoqvist (Sweden) 28 minutes 41.2 seconds
2. Toomas Kask (Estonia) 28:45.9
3. Vesa Oikarinen (Finland) 28:52.0

Leading scores after the first round of the Harbour Open:

67 Tarik Benzema (France), Hyun-woo Baek (South Korea)
68 Sven Uddholm (Sweden), Radek Sembera (Czech Republic)

Prime Minister Ryutaro Kanemoto met Chinese Premier Liang Dezhi in Tokyo on Tuesday.

The talks came a week after Nawaz Qureshi resigned as foreign minister.

Opposition leader Kwame Asante-Boateng called the meeting a failure.

Bolat Zhanibekov, the energy minister, said oil output would rise.

Analysts said Haruki Nomura had little room to manoeuvre.

Russian Grigory Pavlenko won the stage of the Tour de Valdoria ahead of Italian Massimo \
Ferraresi.

Algerian Karim Boudiaf finished second.

When Dragan Petrovic resigned in 1995, the party split.

Wang Jianguo said the bank would lower its lending rate.

Volunteers from the German Red Cross team handed out tea, staffed by the Kestrani Red Cross.

Solo: A 'Star Gazer Story' trailer was shown.
";

#[test]
fn a_newswire_day_lists_every_person_and_nothing_else() {
    assert_eq!(of_kind(WIRE, ActorKind::Person), WIRE_PEOPLE);
}

#[test]
fn countries_after_names_are_places() {
    let places = of_kind(WIRE, ActorKind::Place);
    for p in ["Czech Republic", "South Korea", "Sweden", "Nigeria"] {
        assert!(places.contains(&p.to_string()), "{p} in {places:?}");
    }
}

#[test]
fn a_club_of_a_country_is_not_a_person() {
    // A team takes a plural verb; a name with no cue stays out.
    let text = "Atletico Varesa of Spain were beaten 2-0 on Sunday.";
    assert_eq!(of_kind(text, ActorKind::Person), Vec::<String>::new());
}

#[test]
fn an_institution_after_a_nationality_is_not_a_person() {
    let text = "Aid came from the German Red Cross. German Red Cross volunteers helped.";
    assert_eq!(of_kind(text, ActorKind::Person), Vec::<String>::new());
}

#[test]
fn a_ranked_row_with_a_bracketed_team_is_a_person() {
    let text = "Top scorers:\n\n12 - Adebayo Okonkwo (Lorca), 10 - Vidar Tornqvist (Varesa)\n";
    assert_eq!(
        of_kind(text, ActorKind::Person),
        ["Adebayo Okonkwo", "Vidar Tornqvist"]
    );
    // A Title Case headline with a bracket but no rank or number stays a headline.
    let text = "Harbour Cranes Return (Again) To Kestran Docks\n\nWork resumed.";
    assert_eq!(of_kind(text, ActorKind::Person), Vec::<String>::new());
}

#[test]
fn a_surname_ending_marks_a_person() {
    let text = "He beat Luka Brnovic on Sunday. The lineup: Rustam Kadyrbekov; Ivo Pavlenko.";
    assert_eq!(
        of_kind(text, ActorKind::Person),
        ["Ivo Pavlenko", "Luka Brnovic", "Rustam Kadyrbekov"]
    );
    // Not a word the text writes in lower case, nor a place.
    let text =
        "Crowds filled Rostov Square. The Grand Relov show was sold out; a relov is a dance.";
    assert_eq!(of_kind(text, ActorKind::Person), Vec::<String>::new());
}

#[test]
fn a_sports_role_word_before_a_name_marks_a_person() {
    let text = "Their compatriot Ulbek Tore was sent off, and teammate Aigerim Sadu scored \
                twice. The winger Daulet Esen was booked.";
    assert_eq!(
        of_kind(text, ActorKind::Person),
        ["Aigerim Sadu", "Daulet Esen", "Ulbek Tore"]
    );
}

#[test]
fn a_club_named_after_a_city_is_not_a_person() {
    let text = "Sipho Ndlovu scored twice as Kaizer Rangers beat Orlando Rovers 3-1.";
    assert_eq!(of_kind(text, ActorKind::Person), ["Sipho Ndlovu"]);
    assert_eq!(
        of_kind(text, ActorKind::Organization),
        ["Kaizer Rangers", "Orlando Rovers"]
    );
}
