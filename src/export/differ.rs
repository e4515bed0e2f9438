//! "Where they differ": the figures and dates the two compared articles report differently,
//! as a section of every export (see [`crate::analysis::conflicts`]).

use crate::analysis::conflicts::Conflict;
use serde::Serialize;

/// One side's values of a conflict: "12 (“12 people”)", several joined by " / ".
fn side(conflict: &Conflict, article: usize) -> String {
    conflict
        .values
        .iter()
        .filter(|v| v.article == article)
        .map(|v| {
            if crate::text::fold(&v.text) == crate::text::fold(&v.value) {
                v.value.clone()
            } else {
                format!("{} (“{}”)", v.value, v.text)
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The section of the text export; empty when nothing differs.
pub(crate) fn text(found: &[Conflict]) -> String {
    if found.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nWhere they differ\n");
    for k in found {
        out.push_str(&format!(
            "  {} ({}): left {} · right {}\n",
            crate::text::printable::printable_line(&k.about),
            k.kind.name(),
            side(k, 0),
            side(k, 1)
        ));
    }
    out
}

/// The section of the Markdown export; empty when nothing differs.
pub(crate) fn markdown(found: &[Conflict]) -> String {
    if found.is_empty() {
        return String::new();
    }
    let cell = |s: &str| super::markdown::escape(s, false).replace('|', "\\|");
    let mut out =
        String::from("## Where they differ\n\n| What | Kind | Left | Right |\n|---|---|---|---|\n");
    for k in found {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&k.about),
            k.kind.name(),
            cell(&side(k, 0)),
            cell(&side(k, 1))
        ));
    }
    out.push('\n');
    out
}

/// The section of the HTML export; empty when nothing differs.
pub(crate) fn html(found: &[Conflict]) -> String {
    if found.is_empty() {
        return String::new();
    }
    let e = super::html::escape;
    let mut out = String::from(
        "<h2 style=\"margin-top:1.5em\">Where they differ</h2>\n<table class=\"list\"><tr><th>What</th><th>Left</th><th>Right</th></tr>\n",
    );
    for k in found {
        out.push_str(&format!(
            "<tr><td>{} <span class=\"why\">({})</span></td><td>{}</td><td>{}</td></tr>\n",
            e(&k.about),
            k.kind.name(),
            e(&side(k, 0)),
            e(&side(k, 1))
        ));
    }
    out.push_str("</table>\n");
    out
}

/// One value in the JSON export.
#[derive(Serialize)]
pub(crate) struct JsonValue {
    side: &'static str,
    text: String,
    value: String,
    start: usize,
    end: usize,
}

/// One difference in the JSON export (`differ`, the `conflicts --json` shape with `side`
/// for `article`).
#[derive(Serialize)]
pub(crate) struct JsonConflict {
    kind: &'static str,
    about: String,
    values: Vec<JsonValue>,
}

/// The `differ` list of the JSON export.
pub(crate) fn json(found: &[Conflict]) -> Vec<JsonConflict> {
    found
        .iter()
        .map(|k| JsonConflict {
            kind: k.kind.name(),
            about: k.about.clone(),
            values: k
                .values
                .iter()
                .map(|v| JsonValue {
                    side: if v.article == 0 { "left" } else { "right" },
                    text: v.text.clone(),
                    value: v.value.clone(),
                    start: v.span.start,
                    end: v.span.end,
                })
                .collect(),
        })
        .collect()
}
