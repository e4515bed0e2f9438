//! People: name shapes and cues, rejections, possessives, hyphenated pairs, alias merging within
//! and across articles, config aliases — on invented sentences and on the hand-annotated sample
//! articles (tests/data/samples-gold.json).

use juxta::analysis::actors::{Actor, ActorKind};
use juxta::analysis::extract::{Extraction, assemble, extract, find_actor};
use juxta::article::Article;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn people(texts: &[&str]) -> Vec<Actor> {
    people_with(texts, &BTreeMap::new())
}

fn people_with(texts: &[&str], aliases: &BTreeMap<String, Vec<String>>) -> Vec<Actor> {
    let ex: Vec<Extraction> = texts.iter().map(|t| extract(t, None)).collect();
    let pairs: Vec<(&str, &Extraction)> = texts.iter().copied().zip(&ex).collect();
    assemble(&pairs, aliases)
        .actors
        .into_iter()
        .filter(|a| a.kind == ActorKind::Person)
        .collect()
}

/// Each actor as "Name [form, form…]" with every mention's text, for compact assertions.
fn mentions(texts: &[&str], actors: &[Actor]) -> Vec<(String, Vec<String>)> {
    actors
        .iter()
        .map(|a| {
            (
                a.name.clone(),
                a.mentions
                    .iter()
                    .map(|m| m.span.slice(texts[m.article]).to_string())
                    .collect(),
            )
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    people(&[text]).into_iter().map(|a| a.name).collect()
}

fn assert_person(text: &str, name: &str) {
    let found = names(text);
    assert_eq!(found, [name], "in {text:?}");
}

fn assert_nobody(text: &str) {
    let found = names(text);
    assert!(found.is_empty(), "in {text:?}: {found:?}");
}

#[test]
fn each_cue_makes_a_person() {
    // Titles, peeled off, also through "of"/"for" and before a comma.
    assert_person(
        "Harbour Commissioner Maren Lindqvist resigned.",
        "Maren Lindqvist",
    );
    assert_person(
        "Deputy Prime Minister Oskar Brandvold spoke.",
        "Oskar Brandvold",
    );
    assert_person(
        "Secretary of State for Fisheries Affairs Tove Rasmussen said so.",
        "Tove Rasmussen",
    );
    assert_person(
        "The Republic of Veyra's President, Amadou Keita, arrived.",
        "Amadou Keita",
    );
    assert_person(
        "The Vice-President-elect Tarek Haddad waved.",
        "Tarek Haddad",
    );
    // Honorifics, with and without a period.
    assert_person("Officials met Mr. Okonkwo on the quay.", "Okonkwo");
    assert_person("Later Ms Ferreira-Lobo left.", "Ferreira-Lobo");
    assert_person(
        "The report by Dr. Ines Kowalczyk was read.",
        "Ines Kowalczyk",
    );
    // Role words, before the name or before a comma.
    assert_person(
        "It was confirmed by spokesperson Rafael Uribe.",
        "Rafael Uribe",
    );
    assert_person(
        "Its chief executive, Tomasz Wierzbicki, declined.",
        "Tomasz Wierzbicki",
    );
    // Appositives after the name: role, age, relative clause.
    assert_person(
        "Halvard Nyquist, a marine engineer, agreed.",
        "Halvard Nyquist",
    );
    assert_person(
        "They thanked Oluwaseun Adeyemi, 34, and left.",
        "Oluwaseun Adeyemi",
    );
    assert_person(
        "They heard from Kwabena Mensah, who had seen it.",
        "Kwabena Mensah",
    );
    // A possessive kin word.
    assert_person("Lorcan Dempsey's widow spoke.", "Lorcan Dempsey");
    // A byline.
    assert_person("(Reporting by Sunniva Aas; editing team)", "Sunniva Aas");
    // Its own shape: a known given name, a middle initial, a particle.
    assert_person("It was Margaret Okwuosa who called.", "Margaret Okwuosa");
    assert_person("It was Tarjei K. Vesaas who called.", "Tarjei K. Vesaas");
    assert_person("It was Baltasar da Cunha who called.", "Baltasar da Cunha");
    // A verb of speech next to a full name.
    assert_person(
        "“We are ready,” Kaja Ilvesaar told reporters.",
        "Kaja Ilvesaar",
    );
    assert_person(
        "“We are ready,” said Kaja Ilvesaar, smiling.",
        "Kaja Ilvesaar",
    );
    // A frequent surname closing a two-word name inside a sentence.
    assert_person(
        "He lost the rematch against Kamaru Harris in May.",
        "Kamaru Harris",
    );
    // A list with people in it, after a plural role.
    let text = "Former presidents Amos Okello, Baraka Wanjiru and Chege Otieno attended.";
    assert_eq!(names(text).len(), 3, "{:?}", names(text));
    // Suffixes close the name; a title word after a given name is a surname.
    assert_person(
        "The march was led by Martin Luther Kingsley Jr. and others.",
        "Martin Luther Kingsley Jr.",
    );
    assert_person("The novelist, Stephen King, spoke.", "Stephen King");
}

#[test]
fn each_rejection_class_holds() {
    // Organisations and places, even with a given name or particle inside.
    assert_nobody("Nilsson Holdings said it had complied.");
    assert_nobody("They met at the Alfred Brenner Hall on the quay.");
    assert_nobody("The Greta van Loon Foundation opened a fund.");
    assert_nobody("Flowers lay on Rua Duarte de Lima and on Avenida Ribeiro Sanches.");
    assert_nobody("Ships left Port Ellery for Santa Rosa.");
    // Months, weekdays, nationalities, all-caps words, sentence openers, quotes.
    assert_nobody("In March the Norwegian and German teams met on Tuesday.");
    assert_nobody("PORT ELLERY, March 3 (Wire) — DEATH and RUIN followed.");
    assert_nobody("Meanwhile the work went on. “Nothing Changes,” a sign read.");
    // A title with no name after it.
    assert_nobody("The Defence Secretary expressed doubts.");
    // A given name or a surname in a name-like run of a ship or a hall needs more than that.
    assert_nobody("Vessels including the feeder ship Margarethe Holm were diverted.");
    assert_nobody("The investment bank Harlow Stevens declined to comment.");
    assert_nobody("Crowds marked Liberation Day and the Golan Heights stayed calm.");
    // A firm before a role word and its employee; a firm that "said" something.
    assert_eq!(
        names("Morgan Stanley analyst Bob Huang expects losses. Goldman Sachs said so."),
        ["Bob Huang"]
    );
}

#[test]
fn possessives_are_cut_and_later_mentions_found() {
    let text = "Union leader Siobhan Quirke spoke. Quirke's union walked out. \
                Ms. Quirke's members agreed, Quirke said.";
    let actors = people(&[text]);
    assert_eq!(
        mentions(&[text], &actors),
        [(
            "Siobhan Quirke".to_string(),
            vec!["Siobhan Quirke", "Quirke", "Quirke", "Quirke"]
                .into_iter()
                .map(String::from)
                .collect()
        )]
    );
}

#[test]
fn hyphenated_pairs_split_into_both_people() {
    let text = "Chancellor Ida Lindqvist met President Amadou Keita. \
                The Lindqvist-Keita call lasted an hour. Mayor Ana Sousa-Reis left.";
    let actors = people(&[text]);
    let m = mentions(&[text], &actors);
    let keita = m.iter().find(|(n, _)| n == "Amadou Keita").unwrap();
    let lind = m.iter().find(|(n, _)| n == "Ida Lindqvist").unwrap();
    assert_eq!(keita.1, ["Amadou Keita", "Keita"]);
    assert_eq!(lind.1, ["Ida Lindqvist", "Lindqvist"]);
    // A hyphenated surname stays one name.
    assert!(m.iter().any(|(n, _)| n == "Ana Sousa-Reis"));
}

#[test]
fn particles_and_family_name_first() {
    let text = "Minister Jan van der Linde spoke. Mr. van der Linde said van der Linde \
                would stay. The fund's founder, Takeda Kenji (武田健二), agreed, Mr. Takeda said.";
    let actors = people(&[text]);
    let m = mentions(&[text], &actors);
    assert_eq!(
        m[0],
        (
            "Jan van der Linde".to_string(),
            vec![
                "Jan van der Linde".to_string(),
                "van der Linde".into(),
                "van der Linde".into()
            ]
        )
    );
    assert_eq!(m[1].0, "Takeda Kenji");
    assert_eq!(m[1].1, ["Takeda Kenji", "武田健二", "Takeda"]);
}

#[test]
fn merging_within_an_article_tells_namesakes_apart() {
    let text = "For Ana Morais, Rui Morais's widow, the wait is long. \
                \"He knew,\" Mrs. Morais said.";
    let actors = people(&[text]);
    let m = mentions(&[text], &actors);
    let ana = m.iter().find(|(n, _)| n == "Ana Morais").unwrap();
    let rui = m.iter().find(|(n, _)| n == "Rui Morais").unwrap();
    assert_eq!(ana.1, ["Ana Morais", "Morais"]);
    assert_eq!(rui.1, ["Rui Morais"]);
}

#[test]
fn merging_across_articles_folds_spellings_and_initials() {
    let a = "Ministry aide Sergei N. Volkonsky said so. Mr. Volkonsky left.";
    let b = "Spokesman Sergey Volkonskiy spoke. Volkonskiy added more.";
    let c = "President Olena Zaporozhets met Sergei Volkonskyy, who smiled.";
    let actors = people(&[a, b, c]);
    let persons: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(persons.len(), 2, "{persons:?}");
    let v = &actors[find_actor(&actors, "Volkonsky").unwrap()];
    assert_eq!(
        v.mentions.iter().map(|m| m.article).collect::<Vec<_>>(),
        [0, 0, 1, 1, 2]
    );
    // Any alias, any case, diacritics optional.
    for q in [
        "sergei n. volkonsky",
        "VOLKONSKIY",
        "Mr. Volkonsky",
        "Sergey Volkonskyy",
    ] {
        assert_eq!(
            find_actor(&actors, q),
            find_actor(&actors, "Volkonsky"),
            "{q}"
        );
    }
    // Short forms of given names, and an Arabic article fused to the surname.
    let e = "Senator Joseph Brannigan spoke. Joe Brannigan left. President Bashar al-Rifai \
             fled; Mr. Rifai was not seen again.";
    let actors = people(&[e]);
    assert_eq!(actors.len(), 2, "{:?}", mentions(&[e], &actors));
    // Different given names are different people.
    let d = "Judge Anna Brenner ruled. Attorney Paul Brenner appealed.";
    assert_eq!(people(&[d]).len(), 2);
}

#[test]
fn config_aliases_add_mentions_and_merge() {
    let text = "Harbour Commissioner Maren Lindqvist resigned. The harbour chief said \
                she was sorry. Lindqvist left.";
    let mut aliases = BTreeMap::new();
    aliases.insert(
        "Maren Lindqvist".to_string(),
        vec!["the harbour chief".to_string()],
    );
    let actors = people_with(&[text], &aliases);
    assert_eq!(actors.len(), 1);
    assert_eq!(
        actors[0]
            .mentions
            .iter()
            .map(|m| m.span.slice(text))
            .collect::<Vec<_>>(),
        ["Maren Lindqvist", "The harbour chief", "Lindqvist"]
    );
    assert!(actors[0].aliases.contains(&"the harbour chief".to_string()));

    // An alias naming another actor merges the two.
    let text = "Minister Olena Zaporozhets spoke. Later Minister Zaporozhetz left.";
    let mut aliases = BTreeMap::new();
    aliases.insert("Olena Zaporozhets".to_string(), vec!["Zaporozhetz".into()]);
    assert_eq!(people(&[text]).len(), 2);
    let merged = people_with(&[text], &aliases);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].mentions.len(), 2);
}

// ---- The hand-annotated samples ----------------------------------------------------------

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gold() -> Value {
    let text = std::fs::read_to_string(root().join("tests/data/samples-gold.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The sample article a gold key names ("05-unrelated.json#1" is the second of that file).
fn sample(key: &str) -> Article {
    let (file, index) = match key.split_once('#') {
        Some((f, i)) => (f, i.parse::<usize>().unwrap()),
        None => (key, 0),
    };
    let (mut articles, errors) = juxta::import::articles_from_paths(
        &[root().join("assets/samples").join(file)],
        &Default::default(),
    );
    assert!(errors.is_empty());
    articles.swap_remove(index)
}

/// Byte spans where `phrase` occurs in `text`, white space between words flexible.
fn occurrences(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    let words: Vec<String> = phrase.split_whitespace().map(regex::escape).collect();
    let re = regex::Regex::new(&words.join(r"\s+")).unwrap();
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// The actor with a mention that ends where an occurrence of `form` ends (possessive aside).
fn actor_of_form(text: &str, actors: &[Actor], form: &str) -> Option<usize> {
    let cut = form.len() - strip_possessive(form).len();
    for (s, e) in occurrences(text, form) {
        let end = e - cut;
        for (i, a) in actors.iter().enumerate() {
            if a.mentions
                .iter()
                .any(|m| m.span.start >= s && m.span.end == end)
            {
                return Some(i);
            }
        }
    }
    None
}

#[test]
fn samples_every_person_form_is_found_article_by_article() {
    let gold = gold();
    let mut failures = Vec::new();
    for (key, persons) in gold["persons"].as_object().unwrap() {
        let article = sample(key);
        let text = article.text.as_str();
        let actors = people(&[text]);
        for p in persons.as_array().unwrap() {
            let name = p["name"].as_str().unwrap();
            let mut owners = Vec::new();
            for form in p["forms"].as_array().unwrap() {
                let form = form.as_str().unwrap();
                match actor_of_form(text, &actors, form) {
                    Some(i) => owners.push(i),
                    None => failures.push(format!("{key}: {name}: form {form:?} not found")),
                }
            }
            owners.dedup();
            if owners.len() > 1 {
                failures.push(format!("{key}: {name} split into {owners:?}"));
            }
        }
        // No one beyond the annotated people.
        let expected = persons.as_array().unwrap().len();
        if actors.len() != expected {
            let found: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
            failures.push(format!(
                "{key}: {} people, expected {expected}: {found:?}",
                actors.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn samples_traps_are_not_people() {
    let gold = gold();
    let mut failures = Vec::new();
    for (key, traps) in gold["not_persons"].as_object().unwrap() {
        let article = sample(key);
        let text = article.text.as_str();
        let actors = people(&[text]);
        for trap in traps.as_array().unwrap() {
            let trap = trap.as_str().unwrap();
            for (s, e) in occurrences(text, trap) {
                for a in &actors {
                    if a.mentions
                        .iter()
                        .any(|m| m.span.start >= s && m.span.end <= e)
                    {
                        failures.push(format!("{key}: {trap:?} taken for {}", a.name));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn samples_one_actor_per_person_across_all_articles() {
    let gold = gold();
    let keys: Vec<String> = gold["articles"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let articles: Vec<Article> = keys.iter().map(|k| sample(k)).collect();
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let actors = people(&texts);
    for pair in gold["same_person_across_articles"].as_array().unwrap() {
        let ids: Vec<Option<usize>> = pair
            .as_array()
            .unwrap()
            .iter()
            .map(|n| find_actor(&actors, n.as_str().unwrap()))
            .collect();
        assert!(
            ids[0].is_some() && ids.iter().all(|i| *i == ids[0]),
            "{pair}: {ids:?}"
        );
    }
    // Every annotated person is one actor, and there is no other.
    let mut distinct = std::collections::BTreeSet::new();
    for persons in gold["persons"].as_object().unwrap().values() {
        for p in persons.as_array().unwrap() {
            let name = p["name"].as_str().unwrap();
            let i = find_actor(&actors, name).unwrap_or_else(|| panic!("{name} not found"));
            distinct.insert(i);
        }
    }
    let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(distinct.len(), actors.len(), "{names:?}");
    // The display name is the fullest common form.
    let hall = &actors[find_actor(&actors, "Hallström").unwrap()];
    assert_eq!(hall.name, "Peter Hallström");
    assert!(hall.aliases.contains(&"Peter J. Hallström".to_string()));
}
