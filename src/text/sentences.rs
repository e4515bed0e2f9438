//! Sentence boundaries: a rule set good enough for news prose, aware of titles, initials and
//! abbreviations so that "Dmitri S. Volkov" or "Mr. Halvorsen" never end a sentence.

use std::ops::Range;

/// Abbreviations that are followed by a period without ending the sentence (lowercase, no dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt",
    "capt", "cmdr", "adm", "maj", "cpl", "pvt", "gov", "sen", "rep", "rev", "hon", "pres", "supt",
    "insp", "det", "fr", "msgr", "no", "nos", "vol", "pp", "vs", "v", "e.g", "i.e", "cf", "inc",
    "corp", "co", "ltd", "bros", "dept", "univ", "assn", "approx", "est", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "hwy",
];

/// Words that start a new sentence even after an ambiguous period ("… in the U.S. The talks").
const SENTENCE_STARTERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "this",
    "that", "there", "his", "her", "their", "its", "after", "when", "while", "however", "yet",
];

/// Whether `word` (without its trailing period) is an abbreviation that does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    // Every abbreviation is short: longer words need no comparison (and no allocation).
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_sentence_starter(word: &str) -> bool {
    word.len() <= 7
        && SENTENCE_STARTERS
            .iter()
            .any(|s| s.eq_ignore_ascii_case(word))
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '¿' | '¡'
    )
}

/// The word just before byte `dot` (the period), e.g. "Mr" in "Mr.", "U.S" in "U.S.".
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// Whether the period at byte `dot` ends a sentence, given the next word `next`.
fn period_ends_sentence(text: &str, dot: usize, next: &str) -> bool {
    let word = word_before(text, dot);
    let next_is_starter = is_sentence_starter(next);
    // A single capital letter: an initial ("Anton V. Sorel").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return next_is_starter;
    }
    if is_abbreviation(word) {
        return false;
    }
    // Dotted acronyms ("U.S.", "a.m."): only before an obvious sentence opener.
    if word.contains('.') {
        return next_is_starter;
    }
    true
}

/// Splits text into sentences, returned as byte ranges without surrounding white space.
///
/// A sentence ends at `.`, `!`, `?` or `…` (plus closing quotes or brackets) followed by white
/// space and something that can open a sentence, and always at a line break.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (line_start, line) in lines_with_offsets(text) {
        split_line(line, line_start, &mut out);
    }
    out
}

fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split('\n').map(move |line| {
        let start = offset;
        offset += line.len() + 1;
        (start, line)
    })
}

/// Splits one line. Scans bytes and decodes characters only around candidate terminators,
/// since sentence splitting runs over every article on every load.
fn split_line(line: &str, base: usize, out: &mut Vec<Range<usize>>) {
    let bytes = line.as_bytes();
    let mut start = first_visible(line, 0);
    // Candidates are found with memchr: sentence splitting runs over every article.
    let ellipsis = memchr::memmem::Finder::new("…");
    let find_ellipsis = |from: usize| {
        ellipsis
            .find(&bytes[from..])
            .map_or(usize::MAX, |p| from + p)
    };
    let mut next_ellipsis = if line.is_ascii() {
        usize::MAX
    } else {
        find_ellipsis(0)
    };
    let mut i = 0;
    while i < bytes.len() {
        if next_ellipsis < i {
            next_ellipsis = find_ellipsis(i);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(usize::MAX, |p| i + p);
        let pos = stop.min(next_ellipsis);
        if pos >= bytes.len() {
            break;
        }
        let term_len = if pos == stop { 1 } else { '…'.len_utf8() };
        i = pos;

        let is_period = bytes[i] == b'.';
        // Swallow runs of terminators and closing quotes: `?!`, `.”`, `...)`.
        let mut j = pos + term_len;
        while let Some(c) = line[j..].chars().next() {
            if matches!(c, '.' | '!' | '?' | '…') || is_closer(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let end = j;
        let after = &line[j..];
        let gap = after.len() - after.trim_start().len();
        if gap == 0 || j + gap >= line.len() {
            i = j;
            continue;
        }
        let k = j + gap;
        let next = line[k..].chars().next();
        let opens = next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opener(n));
        if opens {
            let ends = !is_period || {
                let word = line[k..].trim_start_matches(is_opener);
                let len = word
                    .find(|ch: char| !ch.is_alphanumeric())
                    .unwrap_or(word.len());
                period_ends_sentence(line, pos, &word[..len])
            };
            if ends {
                if let Some(s) = start {
                    out.push(base + s..base + end);
                }
                start = Some(k);
                i = k;
                continue;
            }
        }
        i = j;
    }
    if let Some(s) = start {
        let trimmed = line[s..].trim_end();
        if !trimmed.is_empty() {
            out.push(base + s..base + s + trimmed.len());
        }
    }
}

/// Offset of the first non-white-space character at or after `from`.
fn first_visible(line: &str, from: usize) -> Option<usize> {
    let rest = &line[from..];
    let trimmed = rest.trim_start();
    (!trimmed.is_empty()).then(|| from + rest.len() - trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("One two. Three four! Five?"),
            ["One two.", "Three four!", "Five?"]
        );
    }

    #[test]
    fn keeps_titles_and_initials_inside() {
        assert_eq!(
            split("President Anton V. Sorel met Mr. Halvorsen. Dr. Nwosu said so."),
            [
                "President Anton V. Sorel met Mr. Halvorsen.",
                "Dr. Nwosu said so."
            ]
        );
        assert_eq!(
            split("Ministry spokesman Dmitri S. Volkov said."),
            ["Ministry spokesman Dmitri S. Volkov said."]
        );
    }

    #[test]
    fn closing_quotes_belong_to_the_sentence() {
        assert_eq!(
            split("He said, “We’ll meet.” Then he left."),
            ["He said, “We’ll meet.”", "Then he left."]
        );
    }

    #[test]
    fn acronyms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            split("aid to the U.S. The talks"),
            ["aid to the U.S.", "The talks"]
        );
        assert_eq!(split("the U.S. Senate voted."), ["the U.S. Senate voted."]);
    }

    #[test]
    fn line_breaks_end_sentences_and_offsets_are_exact() {
        let text = "Första raden\n\n  Second line. Third";
        let ranges = sentences(text);
        assert_eq!(
            ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["Första raden", "Second line.", "Third"]
        );
        assert_eq!(ranges[1].start, text.find("Second").unwrap());
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("about 3 p.m. on Friday. Next"),
            ["about 3 p.m. on Friday.", "Next"]
        );
    }
}
