//! Helpers shared by the actor test files (a folder, so cargo does not run it as a test).

use juxta::analysis::actors::{Actor, ActorKind};
use juxta::analysis::extract::{assemble, extract};
use std::collections::BTreeMap;

/// The actors of one article, as `juxta actors` assembles them.
pub fn actors(text: &str) -> Vec<Actor> {
    let ex = extract(text, None);
    assemble(&[(text, &ex)], &BTreeMap::new()).actors
}

/// The names of the actors of one kind, sorted.
pub fn of_kind(text: &str, kind: ActorKind) -> Vec<String> {
    let mut v: Vec<String> = actors(text)
        .into_iter()
        .filter(|a| a.kind == kind)
        .map(|a| a.name)
        .collect();
    v.sort();
    v
}
