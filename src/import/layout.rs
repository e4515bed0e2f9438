//! Paragraph layout: hard-wrapped lines are joined, paragraphs are separated by one blank line.
//!
//! The stored text has one line per paragraph (or list item), so every later stage can wrap it
//! to any width and a line break always means something.

/// Whether a line starts a list item: `- `, `* `, `• `, `1. `, `2) `.
pub fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix(['-', '*', '•', '–', '·', '+']) {
        return rest.starts_with(' ');
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with(' ')
}

/// Whether a line ends a sentence: `.`, `!`, `?`, `…` or `:`, possibly inside closing quotes.
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    core.ends_with(['.', '!', '?', '…', ':'])
}

/// Lines longer than this are never hard-wrapped: each one is a paragraph of its own.
const UNWRAPPED_LINE: usize = 150;

/// Rewrites sanitized text into the stored layout (see the module docs).
pub fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut block: Vec<&str> = Vec::new();
    for line in text.split('\n').chain(std::iter::once("")) {
        let line = line.trim();
        if !line.is_empty() {
            block.push(line);
            continue;
        }
        if block.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        reflow_block(&block, &mut out);
        block.clear();
    }
    out
}

fn reflow_block(lines: &[&str], out: &mut String) {
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let unwrapped = width > UNWRAPPED_LINE;
    out.push_str(lines[0]);
    // A short line standing alone after a sentence's end ("Aftermath") is a heading: joined
    // to its neighbours it would end one paragraph and open the next sentence, where it reads
    // as part of a name.
    let heading = |i: usize| {
        (i == 0 || ends_sentence(lines[i - 1]))
            && lines.get(i + 1).is_some_and(|next| {
                is_heading(lines[i])
                    && !next.starts_with(char::is_lowercase)
                    && !fills_line(lines[i], next, width)
            })
    };
    for (i, pair) in lines.windows(2).enumerate() {
        let (line, next) = (pair[0], pair[1]);
        let sep = if is_list_item(next) {
            "\n"
        } else if unwrapped {
            if is_list_item(line) { "\n" } else { "\n\n" }
        } else if (ends_sentence(line) && !fills_line(line, next, width))
            || heading(i)
            || heading(i + 1)
        {
            "\n\n"
        } else {
            " "
        };
        out.push_str(sep);
        out.push_str(next);
    }
}

/// A few capitalised words without a sentence's end: what a section heading looks like.
fn is_heading(line: &str) -> bool {
    line.split_whitespace().count() <= 4
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with([',', ';', ':', '-', '\u{2013}', '\u{2014}'])
}

/// Whether `line` was cut only because `next`'s first word would not fit: the mark of a
/// wrapped line, as opposed to a line that ends a paragraph early.
fn fills_line(line: &str, next: &str, width: usize) -> bool {
    let first_word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    line.chars().count() + 1 + first_word + 5 >= width
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Joined to the next line, a one-word heading opened its first sentence and was read as
    /// a given name ("Aftermath Volunteers arrived").
    #[test]
    fn a_short_line_between_paragraphs_is_a_heading_of_its_own() {
        let text = "The quay reopened to traffic on Monday after three weeks.\nAftermath\nVolunteers arrived early to clear the debris from the slipway.";
        assert_eq!(
            reflow(text),
            "The quay reopened to traffic on Monday after three weeks.\n\nAftermath\n\nVolunteers arrived early to clear the debris from the slipway."
        );
        // A wrapped line that happens to be short is still joined: it does not open a
        // paragraph.
        let wrapped =
            "The quay reopened to traffic on Monday after three weeks of\nRepairs\nby the council.";
        assert_eq!(
            reflow(wrapped),
            "The quay reopened to traffic on Monday after three weeks of Repairs by the council."
        );
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        let text = "The inquiry heard that the harbour authority had\nignored three warnings. It then adjourned\nuntil Monday.\n\nA second paragraph.";
        assert_eq!(
            reflow(text),
            "The inquiry heard that the harbour authority had ignored three warnings. It then adjourned until Monday.\n\nA second paragraph."
        );
    }

    #[test]
    fn short_line_after_a_sentence_ends_a_paragraph() {
        let text = "A line that is long enough to set the width of the block here and\nthere.\nNext paragraph starts here and is long enough.";
        assert_eq!(
            reflow(text),
            "A line that is long enough to set the width of the block here and there.\n\nNext paragraph starts here and is long enough."
        );
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let long = "word ".repeat(40);
        let text = format!("{long}end.\n{long}end.");
        let expected = format!("{}end.\n\n{}end.", long, long);
        assert_eq!(reflow(&text), expected);
    }

    #[test]
    fn list_items_stay_on_their_own_lines() {
        let text = "Key points:\n- first point\n- second point that\n  wraps on\n\n1. numbered";
        assert_eq!(
            reflow(text),
            "Key points:\n- first point\n- second point that wraps on\n\n1. numbered"
        );
    }

    #[test]
    fn blank_line_runs_collapse() {
        assert_eq!(reflow("\n\n a \n\n\n\n b \n\n"), "a\n\nb");
    }
}
