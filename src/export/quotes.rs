//! The "Quotations" section of every export: the quotations the two compared articles share,
//! with who said them in each and how the wording drifts between them.

use super::AlignedPair;
use crate::analysis::extract::ActorsAndEvents;
use crate::analysis::quotes::{self, Quotation};
use crate::text::display_width;
use serde::Serialize;
use std::fmt::Write as _;

/// One quotation both articles carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct SharedQuote {
    /// Who said it in the left article, if it says.
    pub left_speaker: Option<String>,
    /// Who said it in the right article.
    pub right_speaker: Option<String>,
    /// Whether the two name different speakers.
    pub speakers_disagree: bool,
    /// Byte offsets in the left text (first quoted word to last).
    pub left: crate::analysis::Span,
    /// Byte offsets in the right text.
    pub right: crate::analysis::Span,
    /// The quoted words in the left article.
    pub left_text: String,
    /// The quoted words in the right article.
    pub right_text: String,
    /// The word diff from left to right (`[-removed-]{+added+}`, `…` for a cut), if the
    /// words differ.
    pub drift: Option<String>,
}

/// The quotations the two articles share, in the left article's order. Computed from the two
/// texts alone (names, then quotations), so an export needs nothing but the pair: `found` is
/// the [`crate::analysis::extract::assemble`] of the pair's two extractions, left then right, without aliases.
pub(super) fn shared(c: &AlignedPair, found: &ActorsAndEvents) -> Vec<SharedQuote> {
    let texts = [c.left.text.as_str(), c.right.text.as_str()];
    let q = quotes::analyse(&texts, &found.actors);
    let fullest_in = |g: &quotes::QuoteGroup, article: usize| -> Option<&Quotation> {
        g.mentions
            .iter()
            .map(|&m| &q.quotations[m])
            .filter(|m| m.article == article)
            .max_by_key(|m| m.span.len())
    };
    let mut out: Vec<SharedQuote> = q
        .groups
        .iter()
        .filter_map(|g| {
            let (l, r) = (fullest_in(g, 0)?, fullest_in(g, 1)?);
            let name = |m: &Quotation| m.speaker.as_ref().map(|s| s.name.clone());
            Some(SharedQuote {
                left_speaker: name(l),
                right_speaker: name(r),
                speakers_disagree: g.speakers_disagree,
                left: l.span,
                right: r.span,
                left_text: l.text(texts[0]),
                right_text: r.text(texts[1]),
                drift: quotes::drift_between(texts[0], l, texts[1], r).map(|d| d.0),
            })
        })
        .collect();
    out.sort_by_key(|s| s.left.start);
    out
}

fn speakers(s: &SharedQuote) -> String {
    match (&s.left_speaker, &s.right_speaker) {
        (Some(l), Some(r)) if s.speakers_disagree => format!("{l} (left) / {r} (right)"),
        (Some(l), _) => l.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => "speaker not named".into(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of `text` wrapped to `width` columns, each line after the first indented by `indent`.
fn wrap(text: &str, first: &str, indent: usize, width: usize, out: &mut String) {
    let mut line = first.to_string();
    let mut used = display_width(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        let w = display_width(word);
        if !empty && used + 1 + w > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(indent);
            used = indent;
            empty = true;
        }
        if !empty {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += w;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The section for the text export (`width` columns), empty when nothing is shared.
pub(super) fn text(shared: &[SharedQuote], width: usize) -> String {
    let mut out = String::new();
    if shared.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\nQuotations both carry ({})", shared.len());
    for (i, s) in shared.iter().enumerate() {
        let head = format!("{:>3}. ", i + 1);
        wrap(&speakers(s), &head, 5, width, &mut out);
        if s.drift.is_none() {
            wrap(
                &format!("“{}”", one_line(&s.left_text)),
                "     ",
                5,
                width,
                &mut out,
            );
            continue;
        }
        wrap(
            &format!("“{}”", one_line(&s.left_text)),
            "     left:  ",
            12,
            width,
            &mut out,
        );
        wrap(
            &format!("“{}”", one_line(&s.right_text)),
            "     right: ",
            12,
            width,
            &mut out,
        );
        if let Some(d) = &s.drift {
            wrap(d, "     drift: ", 12, width, &mut out);
        }
    }
    out
}

/// The section for the Markdown export, empty when nothing is shared.
pub(super) fn markdown(shared: &[SharedQuote]) -> String {
    let mut out = String::new();
    if shared.is_empty() {
        return out;
    }
    let esc = |s: &str| super::markdown::escape(&one_line(s), false);
    let _ = writeln!(out, "## Quotations\n");
    for s in shared {
        let _ = writeln!(out, "- **{}**: “{}”", esc(&speakers(s)), esc(&s.left_text));
        if let Some(d) = &s.drift {
            let _ = writeln!(out, "  - right: “{}”", esc(&s.right_text));
            let _ = writeln!(out, "  - drift: {}", esc(d));
        }
    }
    out.push('\n');
    out
}

/// The section for the HTML export, empty when nothing is shared.
pub(super) fn html(shared: &[SharedQuote]) -> String {
    let mut out = String::new();
    if shared.is_empty() {
        return out;
    }
    let esc = |s: &str| super::html::escape(&one_line(s));
    out.push_str("<h2 style=\"margin-top:1.5em\">Quotations</h2>\n<table class=\"list\"><tr><th>Speaker</th><th>Left</th><th>Right</th><th>Drift</th></tr>\n");
    for s in shared {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>“{}”</td><td>“{}”</td><td class=\"why\">{}</td></tr>",
            esc(&speakers(s)),
            esc(&s.left_text),
            esc(&s.right_text),
            s.drift.as_deref().map(esc).unwrap_or_default()
        );
    }
    out.push_str("</table>\n");
    out
}
