//! The synonym table's layout, shared by `lexicon.rs` and `build.rs` (which loads this file as
//! a module beside `stem.rs`, so both fold a word to the same stem and agree on every byte).
//!
//! `build.rs` parses assets/lexicon/synonyms.txt ([`parse`]) and writes two files that the
//! crate embeds, so that no run parses the 1 MB list:
//! - the numbers: for each stem, its synonym groups (WordNet senses) and then
//!   the groups one level more general, each list sorted, 4 bytes a number, little-endian;
//! - the slots ([`SLOT`] bytes each, little-endian: stem, where its numbers start, how many
//!   groups, how many more general groups; stem 0 for an empty slot), an open-addressing table
//!   at most half full, probed linearly from [`home`].

use super::stem;

/// Bytes of one slot: stem (8), start (4), groups (2), more general groups (2).
pub const SLOT: usize = 16;

/// A stem's entry: where its numbers start (counted in numbers), how many groups, how many
/// more general groups.
pub type Entry = (u32, u16, u16);

/// Words shorter than this relate to nothing: the shortest words have the most senses ("lay"
/// shares one with "postponed", "set" with dozens of verbs), so a synonym found through one
/// is more often a pun than the same meaning.
const MIN_WORD_BYTES: usize = 4;

/// The stems of the list with their entries, sorted by stem, and all the numbers in one list.
/// Words sharing a crude stem ("police", "policy") are merged under it.
pub fn parse(src: &str) -> (Vec<(u64, Entry)>, Vec<u32>) {
    // (stem, hypernym?, group) for every number of every line, sorted once.
    let mut all: Vec<(u64, bool, u32)> = Vec::with_capacity(src.len() / 6);
    for line in src.lines() {
        let mut f = line.split('\t');
        let (Some(word), Some(groups), Some(hypernyms)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if word.len() < MIN_WORD_BYTES || !stem::is_content(word, stem::hash_str(word)) {
            continue;
        }
        let s = stem::hash_str(stem::stem(word)).max(1);
        for (list, hyper) in [(groups, false), (hypernyms, true)] {
            all.extend(
                list.split(',')
                    .filter_map(|n| n.parse::<u32>().ok())
                    .map(|n| (s, hyper, n)),
            );
        }
    }
    all.sort_unstable();
    all.dedup();
    let mut entries = Vec::new();
    let mut numbers = Vec::with_capacity(all.len());
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        // A word has a handful of senses; the file holds far fewer than 4 G numbers.
        let at = numbers.len() as u32;
        let ng = run
            .iter()
            .filter(|x| !x.1)
            .count()
            .min(usize::from(u16::MAX));
        let nh = (run.len() - ng).min(usize::from(u16::MAX));
        numbers.extend(run.iter().map(|x| x.2));
        entries.push((run[0].0, (at, ng as u16, nh as u16)));
    }
    (entries, numbers)
}

/// The slot a stem's probe starts at, in a table of `size` slots (a power of two). Stems are
/// hashes already; the multiply spreads their high bits into the low ones.
pub fn home(stem: u64, size: usize) -> usize {
    (stem.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (size - 1)
}

/// The slots file for `entries` (stems distinct and never 0).
pub fn slots(entries: &[(u64, Entry)]) -> Vec<u8> {
    let size = (entries.len() * 2).next_power_of_two().max(16);
    let mut out = vec![0u8; size * SLOT];
    for &(stem, (at, g, h)) in entries {
        let mut i = home(stem, size);
        while out[i * SLOT..i * SLOT + 8] != [0; 8] {
            i = (i + 1) & (size - 1);
        }
        let s = &mut out[i * SLOT..(i + 1) * SLOT];
        s[0..8].copy_from_slice(&stem.to_le_bytes());
        s[8..12].copy_from_slice(&at.to_le_bytes());
        s[12..14].copy_from_slice(&g.to_le_bytes());
        s[14..16].copy_from_slice(&h.to_le_bytes());
    }
    out
}

/// The numbers file.
pub fn numbers(numbers: &[u32]) -> Vec<u8> {
    numbers.iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// A stem's entry in a slots file made by [`slots`].
pub fn lookup(slots: &[u8], stem: u64) -> Option<Entry> {
    let size = slots.len() / SLOT;
    if size == 0 || stem == 0 {
        return None;
    }
    let mut i = home(stem, size);
    loop {
        let s = &slots[i * SLOT..(i + 1) * SLOT];
        let key = u64::from_le_bytes(s[0..8].try_into().ok()?);
        if key == stem {
            return Some((
                u32::from_le_bytes(s[8..12].try_into().ok()?),
                u16::from_le_bytes(s[12..14].try_into().ok()?),
                u16::from_le_bytes(s[14..16].try_into().ok()?),
            ));
        }
        if key == 0 {
            return None;
        }
        i = (i + 1) & (size - 1);
    }
}
