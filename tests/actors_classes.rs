//! Actors on four failure classes, on invented articles:
//! city names that are also given names, long organisation names with function words inside,
//! named events, and hyphenated routes between two places.

mod common;

use common::{actors, of_kind};
use juxta::analysis::actors::ActorKind;

#[test]
fn a_city_that_is_also_a_given_name_opens_a_persons_name() {
    let text = "Sydney Marlowe said the vote would be close. Marlowe, 52, has led the group \
                since 2019. Brisbane Okafor told reporters he agreed. Flights from Sydney \
                resumed on Monday.";
    assert_eq!(
        of_kind(text, ActorKind::Person),
        ["Brisbane Okafor", "Sydney Marlowe"]
    );
    let marlowe = actors(text)
        .into_iter()
        .find(|a| a.name == "Sydney Marlowe")
        .unwrap();
    assert_eq!(marlowe.mentions.len(), 2);
    assert_eq!(of_kind(text, ActorKind::Place), ["Sydney"]);
    // Without a person cue, or after a preposition, the city stays a city.
    let text = "Crowds in Sydney Marlowe Street cheered. Flights to Brisbane Okafor booked.";
    assert_eq!(of_kind(text, ActorKind::Person), Vec::<String>::new());
}

#[test]
fn an_organisation_keeps_the_function_words_of_its_name() {
    let text = "The Popular Alliance for the Restoration of Velmoria claimed the attack. The \
                Bank of Tarvania raised rates, and the University of Lorwick said its staff \
                were safe. The Council for the Protection of Rural Fenland objected.";
    assert_eq!(
        of_kind(text, ActorKind::Organization),
        [
            "Bank of Tarvania",
            "Council for the Protection of Rural Fenland",
            "Popular Alliance for the Restoration of Velmoria",
            "University of Lorwick",
        ]
    );
    assert_eq!(of_kind(text, ActorKind::Person), Vec::<String>::new());
    // The name stops before a title and a person, a date, or a country's own name.
    let text = "Bank of Tarvania Governor Ilse Varga spoke. The Gazette on Friday quoted the \
                Secretary of State for Fisheries Henrik Dale. The State of Velmoria voted.";
    assert_eq!(
        of_kind(text, ActorKind::Person),
        ["Henrik Dale", "Ilse Varga"]
    );
    let orgs = of_kind(text, ActorKind::Organization);
    assert!(orgs.contains(&"Bank of Tarvania".to_string()), "{orgs:?}");
    assert!(
        !orgs
            .iter()
            .any(|o| o.contains("Friday") || o.contains("State")),
        "{orgs:?}"
    );
}

#[test]
fn named_events_are_not_organisations() {
    let text = "Fans gathered for the Super Bowl on Sunday. The World Cup starts in June, and \
                the Harbour Lights Festival drew record crowds. The Tarvik Grand Prix was \
                moved. Tarvik Motors sponsored the Coastal Marathon.";
    assert_eq!(of_kind(text, ActorKind::Organization), ["Tarvik Motors"]);
    assert_eq!(of_kind(text, ActorKind::Person), Vec::<String>::new());
}

#[test]
fn a_hyphenated_route_names_two_places() {
    let text = "The New York-Boston flight was cancelled. Engineers reopened the Port \
                Veyra-Lorwick highway and the Hamburg-Tarvik line on Friday.";
    assert_eq!(
        of_kind(text, ActorKind::Place),
        [
            "Boston",
            "Hamburg",
            "Lorwick",
            "New York",
            "Port Veyra",
            "Tarvik"
        ]
    );
    // A place whose own name has a hyphen stays whole.
    let text = "Aid reached Guinea-Bissau on Monday.";
    assert_eq!(of_kind(text, ActorKind::Place), ["Guinea-Bissau"]);
}
