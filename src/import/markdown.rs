//! Markdown to readable text: markup goes, the words and the block structure stay.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown converted to juxta's text layout, and the leading heading, if the document opens
/// with one (the natural title).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stripped {
    /// The first block's text when that block is a heading.
    pub heading: Option<String>,
    /// One line per paragraph, heading or list item; blank lines between blocks.
    pub text: String,
}

/// Converts Markdown to plain text: emphasis and links keep their words, images and raw HTML
/// are dropped, list items keep a `- ` or `N. ` marker.
pub fn strip(markdown: &str) -> Stripped {
    let mut out = Stripped::default();
    let mut text = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut image_depth = 0usize;
    let mut heading: Option<String> = None;
    let mut blocks_done = 0usize;
    let mut after_marker = false;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(markdown, options) {
        // Whether the text ends with a list marker that nothing has followed yet.
        let at_marker = std::mem::take(&mut after_marker);
        match event {
            Event::Start(Tag::Heading { .. }) => {
                block_break(&mut text);
                if blocks_done == 0 {
                    heading = Some(String::new());
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    out.heading = Some(h.trim().to_string());
                    text.clear();
                }
                blocks_done += 1;
            }
            // The first block of a list item goes on the marker's line; any other block starts
            // a paragraph (even after text that happens to end in ". ", like "1. ").
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_) | Tag::Table(_)) if !at_marker => {
                block_break(&mut text);
            }
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Table) => blocks_done += 1,
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    block_break(&mut text);
                }
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                let depth = lists.len().saturating_sub(1);
                text.extend(std::iter::repeat_n("  ", depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        text.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => text.push_str("- "),
                }
                after_marker = true;
            }
            Event::End(TagEnd::Item) => blocks_done += 1,
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => text.push('\n'),
            Event::End(TagEnd::TableCell) => text.push_str("  "),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::SoftBreak => {
                if let Some(h) = heading.as_mut() {
                    h.push(' ');
                }
                text.push(' ');
            }
            Event::HardBreak => text.push('\n'),
            Event::TaskListMarker(done) => text.push_str(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    out.text = tidy(&text);
    out
}

fn block_break(text: &mut String) {
    if !text.is_empty() {
        text.push_str("\n\n");
    }
}

/// Trims every line and keeps at most one blank line between blocks.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.split('\n') {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_inline_markup_and_keeps_paragraphs() {
        let md = "# Port inquiry opens\n\nThe **harbour** chief _resigned_ after\nan [audit](https://e.org).\n\n> “We were not told,” she said.\n\n![a photo](x.png)\n\nEnd `code`.";
        let s = strip(md);
        assert_eq!(s.heading.as_deref(), Some("Port inquiry opens"));
        assert_eq!(
            s.text,
            "The harbour chief resigned after an audit.\n\n“We were not told,” she said.\n\nEnd code."
        );
    }

    #[test]
    fn lists_keep_markers() {
        let s = strip("Intro:\n\n- one\n- two\n\n1. first\n2. second\n");
        assert_eq!(s.heading, None);
        assert_eq!(s.text, "Intro:\n\n- one\n- two\n\n1. first\n2. second");
    }

    #[test]
    fn loose_lists_keep_items_on_the_marker_line() {
        let s = strip("- one\n\n- two\n\n1. first\n\n2. second\n");
        assert_eq!(s.text, "- one\n- two\n\n1. first\n2. second");
    }

    #[test]
    fn a_paragraph_ending_in_a_period_and_space_does_not_swallow_the_next() {
        let s = strip("Ends with a period. ![img](x.png)\n\nNext paragraph.");
        assert_eq!(s.text, "Ends with a period.\n\nNext paragraph.");
    }

    #[test]
    fn a_later_heading_stays_in_the_text() {
        let s = strip("Lead paragraph.\n\n## Background\n\nMore.");
        assert_eq!(s.heading, None);
        assert_eq!(s.text, "Lead paragraph.\n\nBackground\n\nMore.");
    }
}
