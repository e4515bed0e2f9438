//! Finding an actor by any of its names, and the user's extra names from the config.

use super::merge::{ParsedName, compatible_given};
use super::{Actor, ActorKind, Mention};
use crate::analysis::Span;
use crate::text::fold;
use std::collections::BTreeMap;

/// Honorifics and titles a user may type before a name: "Mr. Volkov", "President Sorel".
fn strip_title(name: &str) -> &str {
    let trimmed = name.trim();
    let Some((first, rest)) = trimmed.split_once(char::is_whitespace) else {
        return trimmed;
    };
    let c = super::lexicon::classify(first.trim_end_matches('.'));
    if c & (super::lexicon::HONORIFIC | super::lexicon::TITLE) != 0 {
        strip_title(rest)
    } else {
        trimmed
    }
}

/// A name folded for comparison: lowercase, no diacritics, single spaces, no possessive.
fn key(name: &str) -> String {
    let collapsed = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let f = fold(&collapsed);
    f.strip_suffix("'s").map(str::to_string).unwrap_or(f)
}

/// The actor a user means by `name`: any of its forms (any case, diacritics optional), else a
/// name with the same surname and a compatible given name ("Sergey Volkonsky" for "Sergei N.
/// Volkonsky", "Volkonskyy" for "Volkonsky"). Actors come most important first, so ties go to the
/// more mentioned.
pub fn find_actor(actors: &[Actor], name: &str) -> Option<usize> {
    let bare = strip_title(name);
    let q = key(bare);
    if q.is_empty() {
        return None;
    }
    let forms = |a: &Actor| -> Vec<String> {
        std::iter::once(&a.name)
            .chain(&a.aliases)
            .map(|f| key(f))
            .collect()
    };
    if let Some(i) = actors.iter().position(|a| forms(a).contains(&q)) {
        return Some(i);
    }
    let wanted = ParsedName::parse(bare);
    if wanted.key.is_empty() {
        return None;
    }
    actors.iter().position(|a| {
        std::iter::once(&a.name).chain(&a.aliases).any(|f| {
            let p = ParsedName::parse(f);
            p.key == wanted.key
                && match (wanted.given(), p.given()) {
                    (Some(x), Some(y)) => compatible_given(x, y),
                    _ => true,
                }
        })
    })
}

/// Byte spans of `phrase` in `text`: any case, any white space between its words, whole words.
fn occurrences(text: &str, phrase: &str) -> Vec<Span> {
    let words: Vec<String> = phrase.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let pattern = format!(r"(?i)\b{}\b", words.join(r"\s+"));
    match regex::Regex::new(&pattern) {
        Ok(re) => re
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Applies the config's `[aliases]`: each listed phrase becomes a mention of the person it is
/// listed under (and a listed name of another actor merges that actor in). A person not found
/// in the articles is added when one of the phrases occurs.
pub fn apply_aliases(
    actors: &mut Vec<Actor>,
    texts: &[&str],
    aliases: &BTreeMap<String, Vec<String>>,
) {
    for (display, phrases) in aliases {
        let target = find_actor(actors, display)
            .or_else(|| phrases.iter().find_map(|p| find_actor(actors, p)));
        let mut target = match target {
            Some(t) => t,
            None => {
                actors.push(Actor {
                    name: display.trim().to_string(),
                    kind: ActorKind::Person,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                });
                actors.len() - 1
            }
        };
        for phrase in phrases {
            if let Some(other) = find_actor(actors, phrase).filter(|&o| o != target) {
                let gone = actors.remove(other);
                if other < target {
                    target -= 1;
                }
                let t = &mut actors[target];
                t.mentions.extend(gone.mentions);
                for f in std::iter::once(gone.name).chain(gone.aliases) {
                    push_alias(t, f);
                }
            }
            let mut found = Vec::new();
            for (article, text) in texts.iter().enumerate() {
                for span in occurrences(text, phrase) {
                    found.push(Mention { article, span });
                }
            }
            let t = &mut actors[target];
            let before = t.mentions.len();
            for m in found {
                let clash = t.mentions[..before]
                    .iter()
                    .any(|x| x.article == m.article && x.span.overlaps(&m.span));
                if !clash {
                    t.mentions.push(m);
                }
            }
            push_alias(t, phrase.trim().to_string());
        }
        let t = &mut actors[target];
        t.mentions.sort();
        t.mentions.dedup();
        if t.mentions.is_empty() {
            actors.remove(target);
        }
    }
}

fn push_alias(actor: &mut Actor, form: String) {
    let k = key(&form);
    if key(&actor.name) != k && !actor.aliases.iter().any(|a| key(a) == k) {
        actor.aliases.push(form);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, aliases: &[&str]) -> Actor {
        Actor {
            name: name.into(),
            kind: ActorKind::Person,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: vec![],
        }
    }

    #[test]
    fn finds_by_any_form() {
        let actors = vec![
            actor("Inês Valadares-Pinto", &["Valadares-Pinto"]),
            actor("Aleksandr Morozov", &["Alexander Morozov", "Morozov"]),
        ];
        assert_eq!(find_actor(&actors, "ines valadares-pinto"), Some(0));
        assert_eq!(find_actor(&actors, "Ms. Valadares-Pinto"), Some(0));
        assert_eq!(find_actor(&actors, "MOROZOV"), Some(1));
        assert_eq!(find_actor(&actors, "Aleksander Morozov"), Some(1));
        assert_eq!(find_actor(&actors, "Nobody"), None);
        assert_eq!(find_actor(&actors, "  "), None);
    }

    #[test]
    fn occurrences_ignore_case_and_spacing() {
        let text = "The harbour chief said. Later the Harbour\nChief left; harbour chiefs met.";
        let spans = occurrences(text, "the harbour chief");
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[1].slice(text), "the Harbour\nChief");
    }
}
