//! RSS 2.0 and Atom feeds (feed-rs): each item becomes an article with its title, date,
//! authors and link. An item that carries only a summary keeps the summary, unless its page is
//! fetched (`--fetch-links`, or always for items that carry no text at all when the feed came
//! from the network).

use super::draft::make_draft;
use super::{Draft, ImportErrorKind, ImportOptions, Meta, fetch, html, split_authors};

/// Whether bytes look like an RSS or Atom feed.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let after_prolog = head
        .strip_prefix("<?xml")
        .and_then(|r| r.split_once("?>"))
        .map_or(head, |(_, r)| r);
    // Skip comments and stylesheets before the root element.
    let root = after_prolog
        .split('<')
        .map(str::trim)
        .find(|t| !t.is_empty() && !t.starts_with('!') && !t.starts_with('?'))
        .unwrap_or("");
    root.starts_with("rss") || root.starts_with("feed") || root.starts_with("rdf:rdf")
}

/// Drafts from a feed's bytes. `online` says whether the feed was fetched (its items' pages
/// are then fetched when an item has no text).
pub(super) fn parse_feed(
    bytes: &[u8],
    file_name: &str,
    stem: &str,
    online: bool,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| ImportErrorKind::Feed(e.to_string()))?;
    if feed.entries.is_empty() {
        return Err(ImportErrorKind::EmptyFeed);
    }
    let feed_title = feed.title.as_ref().map(|t| html::fragment_text(&t.content));
    let feed_link = feed.links.first().map(|l| l.href.clone());
    let mut drafts = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|h| !h.is_empty());
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(html::fragment_text)
            .filter(|t| !t.trim().is_empty());
        let summary = entry
            .summary
            .as_ref()
            .map(|s| html::fragment_text(&s.content))
            .filter(|t| !t.trim().is_empty());
        let mut authors: Vec<String> = Vec::new();
        for p in &entry.authors {
            if let Some(name) = p.name.as_deref().map(person_name)
                && !name.is_empty()
            {
                authors.extend(split_authors(&name));
            }
        }
        let mut meta = Meta {
            title: entry
                .title
                .as_ref()
                .map(|t| html::fragment_text(&t.content)),
            date: entry
                .published
                .or(entry.updated)
                .map(|d| d.date_naive())
                .filter(|_| opts.overrides.date.is_none()),
            source: feed_title.clone().filter(|t| !t.is_empty()).or_else(|| {
                link.as_deref()
                    .or(feed_link.as_deref())
                    .and_then(html::domain)
            }),
            url: link.clone(),
            authors,
        };
        let wants_page = opts.fetch_links || (online && content.is_none() && summary.is_none());
        let mut text = content.or(summary.clone());
        if wants_page && let Some(url) = &link {
            let fetched = fetch::fetch(url, &opts.http, opts.max_bytes)?;
            let page_html = html::decode(&fetched.body, fetched.charset.as_deref());
            let page = html::extract(&page_html, Some(&fetched.url));
            if page.text.split_whitespace().count()
                > text.as_deref().map_or(0, |t| t.split_whitespace().count())
            {
                text = Some(page.text);
                // The item's own metadata wins; the page fills what the item lacks.
                meta = meta.or(page.meta);
            }
        }
        let Some(text) = text else {
            return Err(ImportErrorKind::Feed(format!(
                "item number {n} has no text, no summary and no page to fetch"
            )));
        };
        let name = format!("{file_name}#{n}");
        drafts.push(make_draft(text, meta, opts, name, &format!("{stem}-{n}"))?);
    }
    Ok(drafts)
}

/// The name in an RSS author field, which is often an e-mail address followed by the name in
/// brackets: `desk@example.org (Ana Ruiz)`.
fn person_name(raw: &str) -> String {
    let raw = raw.trim();
    // feed-rs hands over the bracketed part alone when it took the address out itself.
    if let Some(inner) = raw.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return inner.trim().to_string();
    }
    if let (Some(open), true) = (raw.find('('), raw.ends_with(')'))
        && raw[..open].contains('@')
    {
        return raw[open + 1..raw.len() - 1].trim().to_string();
    }
    if raw.contains('@') && !raw.contains(' ') {
        return String::new();
    }
    raw.to_string()
}
