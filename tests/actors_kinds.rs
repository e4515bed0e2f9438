//! The kind of what is named, on invented articles: land, water and streets are places even when
//! their last word is in the organisation list; an organisation's name goes on before "and";
//! firms and bands written with "&", outlets, wars and storms are not people.

mod common;

use common::of_kind;
use juxta::analysis::actors::ActorKind;

const NONE: [&str; 0] = [];

#[test]
fn land_water_and_streets_are_places() {
    let text = "Boats crossed the Kestrel River and anchored in Velmar Bay near the Gulf of \
                Tarvania. Protesters filled Lorwick Square and Brockmere Park, then walked down \
                Ostend Avenue to the Marrow Valley.";
    assert_eq!(
        of_kind(text, ActorKind::Place),
        [
            "Brockmere Park",
            "Gulf of Tarvania",
            "Kestrel River",
            "Lorwick Square",
            "Marrow Valley",
            "Ostend Avenue",
            "Velmar Bay",
        ]
    );
    assert_eq!(of_kind(text, ActorKind::Organization), NONE);
}

#[test]
fn an_organisation_name_goes_on_before_and() {
    let text = "The Securities and Exchange Commission fined the firm. Officials at the Fisheries \
                and Oceans Agency agreed.";
    assert_eq!(
        of_kind(text, ActorKind::Organization),
        [
            "Fisheries and Oceans Agency",
            "Securities and Exchange Commission"
        ]
    );
    // Two names joined by "and" stay two.
    let text = "Staff of Velcor and Tarvania Motors met. Grant Holt and Trade Commission staff \
                talked, as did analysts at Orbix Chase and Bank of Lorwick.";
    let orgs = of_kind(text, ActorKind::Organization);
    assert!(orgs.contains(&"Tarvania Motors".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"Trade Commission".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"Bank of Lorwick".to_string()), "{orgs:?}");
    assert!(orgs.iter().all(|o| !o.contains(" and ")), "{orgs:?}");
}

#[test]
fn firms_bands_outlets_wars_and_storms_are_not_people() {
    let text = "Fans of Moon Harbour & Fire cheered, and lawyers from Simon Drake & Partners \
                filed the papers. The Kestran Daily said so. Veterans of the Great Border War \
                marched. Hurricane Odalys hit the coast on Monday, the Lorwick Chronicle \
                reported.";
    assert_eq!(of_kind(text, ActorKind::Person), NONE);
    let orgs = of_kind(text, ActorKind::Organization);
    assert!(orgs.contains(&"Kestran Daily".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"Lorwick Chronicle".to_string()), "{orgs:?}");
    assert!(orgs.iter().all(|o| !o.contains("War")), "{orgs:?}");
    assert!(
        of_kind(text, ActorKind::Place)
            .iter()
            .all(|p| !p.contains("Odalys"))
    );
}

#[test]
fn a_band_named_with_and_and_heavenly_bodies_are_not_people() {
    let text = "Hall of fame artists Stone Wind and Thunder performed on the pier. Jupiter and \
                the Milky Way shone above; Galaxy owners filmed them.";
    assert_eq!(of_kind(text, ActorKind::Person), NONE);
    assert_eq!(of_kind(text, ActorKind::Organization), NONE);
    // A list of people names each in full.
    let text = "Singers Ana Lind and Bruno Keller performed.";
    assert_eq!(
        of_kind(text, ActorKind::Person),
        ["Ana Lind", "Bruno Keller"]
    );
}
