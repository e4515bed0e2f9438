//! Full-text search over the FTS5 index of titles and texts.
//!
//! The index folds case and diacritics (`unicode61 remove_diacritics 2`), so "ines" finds
//! "Inês". A user's query is translated, never passed through: FTS5's own syntax (`NEAR`,
//! column filters, `-`) would turn an innocent word into an error.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

/// One article found by [`super::Store::search`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// The article's id.
    pub article: String,
    /// Its title.
    pub title: String,
    /// A line of text around the first match (on one line, cut at words, `…` where cut).
    pub snippet: String,
    /// Byte offset of the first match in the article's text; `None` when only the title
    /// matched.
    pub start: Option<usize>,
    /// Byte offset where that match ends.
    pub end: Option<usize>,
    /// Where the match is inside `snippet` (byte offsets), for highlighting it.
    #[serde(skip)]
    pub snippet_match: Option<(usize, usize)>,
}

/// The FTS5 query for a user's query: every word, "quoted phrase" and prefix* must occur.
/// `None` when nothing searchable is left.
pub fn to_fts(query: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut rest = query;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let (body, after, phrase) = if c == '"' {
            let inner = &rest[1..];
            match inner.find('"') {
                Some(end) => (&inner[..end], &inner[end + 1..], true),
                None => (inner, "", true),
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], &rest[end..], false)
        };
        // A star right after the word or the closing quote asks for a prefix.
        let (body, after, prefix) = if phrase {
            match after.strip_prefix('*') {
                Some(a) => (body, a, true),
                None => (body, after, false),
            }
        } else {
            let trimmed = body.trim_end_matches('*');
            (trimmed, after, trimmed.len() < body.len())
        };
        rest = after;
        if !body.chars().any(char::is_alphanumeric) {
            continue;
        }
        let quoted = format!("\"{}\"", body.replace('"', "\"\""));
        terms.push(if prefix { format!("{quoted}*") } else { quoted });
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// Markers around matches in `highlight()`: control characters never occur in stored text.
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

/// A query found in more articles than this is ranked among its most recently added matches
/// only. bm25 scores every match it is given (about a microsecond each, reading the match's
/// positions): a prefix found in all of 100,000 articles took 120 ms to rank, against a
/// search budget of 50 ms; 10,000 matches take about 12 ms.
pub const RANKED: usize = 10_000;

/// The best `limit` articles for an FTS5 query (among the [`RANKED`] most recently added
/// matches).
pub fn run(conn: &Connection, fts: &str, limit: usize) -> rusqlite::Result<Vec<SearchHit>> {
    run_within(conn, fts, limit, RANKED)
}

fn run_within(
    conn: &Connection,
    fts: &str,
    limit: usize,
    ranked: usize,
) -> rusqlite::Result<Vec<SearchHit>> {
    // Walking matches in rowid order reads no positions, so finding where the newest
    // `ranked` begin is cheap next to ranking them.
    let oldest_ranked: Option<i64> = conn
        .prepare_cached(
            "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1
             ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
        )?
        .query_row(
            rusqlite::params![fts, ranked.saturating_sub(1) as i64],
            |r| r.get(0),
        )
        .optional()?;
    // With `ORDER BY rank`, FTS5 ranks every match first and then hands the rows over in
    // order, so `highlight` runs for the `limit` rows returned only, on the positions the
    // ranking already read. Highlighting each hit in a query of its own started the match
    // again for every hit: a seventh of a prefix search's time at 100,000 articles.
    let marked: Vec<(i64, String)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT rowid, highlight(article_fts, 1, char(1), char(2)) FROM article_fts
             WHERE article_fts MATCH ?1 AND rowid >= ?3 ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![fts, limit as i64, oldest_ranked.unwrap_or(i64::MIN)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut stmt = conn.prepare_cached("SELECT id, title FROM article WHERE key = ?1")?;
    let mut hits = Vec::with_capacity(marked.len());
    for (key, marked) in marked {
        let row: Option<(String, String)> = stmt
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((article, title)) = row {
            hits.push(hit(article, title, &marked));
        }
    }
    Ok(hits)
}

/// Builds a hit from the text with its matches marked.
fn hit(article: String, title: String, marked: &str) -> SearchHit {
    let text: String = marked
        .chars()
        .filter(|&c| c != OPEN && c != CLOSE)
        .collect();
    let span = marked.find(OPEN).map(|open| {
        // Offsets in the unmarked text: no marker precedes the first one.
        let close = marked[open..]
            .find(CLOSE)
            .map_or(marked.len(), |c| open + c);
        (open, close - OPEN.len_utf8())
    });
    let (snippet, snippet_match) = match span {
        Some((start, end)) => {
            let (s, m) = snippet(&text, start, end);
            (s, Some(m))
        }
        None => (snippet(&text, 0, 0).0, None),
    };
    SearchHit {
        article,
        title,
        snippet,
        start: span.map(|s| s.0),
        end: span.map(|s| s.1),
        snippet_match,
    }
}

/// Bytes of context on each side of a match in a snippet.
const BEFORE: usize = 60;
const AFTER: usize = 100;

/// The text around `start..end` on one line, cut at spaces, with `…` where cut; and where the
/// match is in it.
fn snippet(text: &str, start: usize, end: usize) -> (String, (usize, usize)) {
    let mut from = start.saturating_sub(BEFORE);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > 0 {
        // Start at a word: after the next space before the match, if there is one.
        if let Some(sp) = text[from..start].find(char::is_whitespace) {
            from += sp + 1;
        }
    }
    let mut to = (end + AFTER).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to < text.len()
        && let Some(sp) = text[end..to].rfind(char::is_whitespace)
    {
        to = end + sp;
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let flat = |s: &str| s.replace(['\n', '\r'], " ");
    let head = flat(&text[from..start]);
    let m_start = out.len() + head.len();
    out.push_str(&head);
    out.push_str(&flat(&text[start..end]));
    let m_end = out.len();
    out.push_str(&flat(&text[end..to]));
    if to < text.len() {
        out.push('…');
    }
    (out, (m_start, m_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_translated_not_passed_through() {
        assert_eq!(to_fts("harbour"), Some("\"harbour\"".into()));
        assert_eq!(
            to_fts("harbour inqu*"),
            Some("\"harbour\" AND \"inqu\"*".into())
        );
        assert_eq!(
            to_fts("\"the quay collapsed\" -NEAR"),
            Some("\"the quay collapsed\" AND \"-NEAR\"".into())
        );
        assert_eq!(to_fts("\"open phrase"), Some("\"open phrase\"".into()));
        assert_eq!(to_fts("\"a b\"* c"), Some("\"a b\"* AND \"c\"".into()));
        assert_eq!(to_fts(" * \"\" - "), None);
    }

    #[test]
    fn snippets_are_cut_at_words_on_one_line() {
        let text = "one two three\nfour five six seven";
        let (s, m) = snippet(text, 14, 18);
        assert_eq!(s, "one two three four five six seven");
        assert_eq!(&s[m.0..m.1], "four");
        let long = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(40));
        let at = long.find("needle").unwrap();
        let (s, m) = snippet(&long, at, at + 6);
        assert!(s.starts_with("…word "), "{s}");
        assert!(s.ends_with(" tail…"), "{s}");
        assert_eq!(&s[m.0..m.1], "needle");
    }

    fn archive(texts: &[&str]) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE article (key INTEGER PRIMARY KEY, id TEXT, title TEXT);
             CREATE VIRTUAL TABLE article_fts USING fts5(title, text);",
        )
        .unwrap();
        for (i, text) in texts.iter().enumerate() {
            let key = i as i64 + 1;
            conn.execute(
                "INSERT INTO article VALUES (?1, ?2, ?3)",
                rusqlite::params![key, format!("a{key}"), format!("Title {key}")],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO article_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
                rusqlite::params![key, format!("Title {key}"), text],
            )
            .unwrap();
        }
        conn
    }

    fn ids(hits: Vec<SearchHit>) -> Vec<String> {
        hits.into_iter().map(|h| h.article).collect()
    }

    #[test]
    fn a_query_found_in_more_articles_than_are_ranked_is_ranked_among_the_newest() {
        let conn = archive(&[
            "Pump pump pump: the pump failed, and the spare pump too.",
            "Divers found the harbour pump on the quay wall during the long inspection.",
            "A pump was ordered for the dock after the storm flooded the lower road.",
        ]);
        let fts = to_fts("pump").unwrap();
        // All three ranked: the article about little else comes first.
        assert_eq!(ids(run_within(&conn, &fts, 10, 3).unwrap())[0], "a1");
        assert_eq!(ids(run(&conn, &fts, 10).unwrap())[0], "a1");
        // Only the two newest ranked: the oldest is not among the hits.
        let mut newest = ids(run_within(&conn, &fts, 10, 2).unwrap());
        newest.sort();
        assert_eq!(newest, ["a2", "a3"]);
        // Fewer matches than the cap: every match is ranked.
        assert_eq!(
            ids(run_within(&conn, &to_fts("quay").unwrap(), 10, 2).unwrap()),
            ["a2"]
        );
    }
}
