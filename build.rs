//! Makes the word tables of `assets/lexicon/` at compile time (see
//! `src/analysis/actors/lexicon.rs`): an open-addressing hash table per table, written to
//! `OUT_DIR` and embedded, so that a run starts without reading ~40,000 words into a map.

#![allow(dead_code)] // the shared file's flags serve the crate; the script uses a few

use std::path::Path;

include!("src/analysis/actors/lexicon_shared.rs");

// The crate's own month and weekday names and its word folding, so that the tables hold
// exactly the keys the crate makes.
include!("src/analysis/dates/calendar_names.rs");
include!("src/text/fold.rs");

// The synonym table: the crate's own stems (`stem.rs`) and table layout (`synonym_table.rs`),
// loaded as modules of the script, so the table holds exactly the keys the crate looks up.
#[path = "src/analysis/overlap/stem.rs"]
mod stem;
#[path = "src/analysis/overlap/synonym_table.rs"]
mod synonym_table;

/// Writes `NAME.keys` (the keys, back to back) and `NAME.slots` (12 bytes a slot, little-endian:
/// key offset, key length, value; length 0 for an empty slot), with at most half the slots
/// full, in a power-of-two table probed linearly from `key_hash`.
fn write_table(out: &Path, name: &str, map: &std::collections::HashMap<Vec<u8>, u32>) {
    let mut entries: Vec<(&Vec<u8>, u32)> = map.iter().map(|(k, v)| (k, *v)).collect();
    // Sorted, so that the files are the same on every build.
    entries.sort();
    let size = (entries.len() * 2).next_power_of_two().max(16);
    let mask = size - 1;
    let mut keys: Vec<u8> = Vec::new();
    let mut slots = vec![0u8; size * 12];
    for (key, value) in entries {
        assert!(!key.is_empty(), "an empty key in the {name} table");
        let mut i = key_hash(key) as usize & mask;
        while slots[i * 12 + 4..i * 12 + 8] != [0; 4] {
            i = (i + 1) & mask;
        }
        let s = &mut slots[i * 12..i * 12 + 12];
        s[0..4].copy_from_slice(&(keys.len() as u32).to_le_bytes());
        s[4..8].copy_from_slice(&(key.len() as u32).to_le_bytes());
        s[8..12].copy_from_slice(&value.to_le_bytes());
        keys.extend_from_slice(key);
    }
    std::fs::write(out.join(format!("{name}.keys")), keys).expect("write table keys");
    std::fs::write(out.join(format!("{name}.slots")), slots).expect("write table slots");
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/analysis/actors/lexicon_shared.rs");
    println!("cargo::rerun-if-changed=src/analysis/dates/calendar_names.rs");
    println!("cargo::rerun-if-changed=src/text/fold.rs");
    println!("cargo::rerun-if-changed=src/analysis/overlap/stem.rs");
    println!("cargo::rerun-if-changed=src/analysis/overlap/synonym_table.rs");
    println!("cargo::rerun-if-changed=assets/lexicon");
    let out = std::env::var_os("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    write_table(
        out,
        "lexicon",
        &lexicon_words(fold_into, &MONTHS, &WEEKDAYS),
    );
    write_table(out, "phrases", &phrase_words(fold_into));
    let list = std::fs::read_to_string("assets/lexicon/synonyms.txt").expect("read synonyms.txt");
    let (entries, numbers) = synonym_table::parse(&list);
    std::fs::write(out.join("synonyms.slots"), synonym_table::slots(&entries))
        .expect("write synonym slots");
    std::fs::write(
        out.join("synonyms.numbers"),
        synonym_table::numbers(&numbers),
    )
    .expect("write synonym numbers");
}
