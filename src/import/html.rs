//! Web pages: the character set, the article's main content (with dom_smoothie, a port of
//! Mozilla's Readability) and the metadata a page carries (JSON-LD, Open Graph, `<meta>`,
//! `<time>`, the byline).

use super::draft::make_draft;
use super::{
    Draft, ImportErrorKind, ImportOptions, Meta, byline, parse_date, reflow, split_authors,
};
use crate::text::printable::sanitize;
use chrono::NaiveDate;
use dom_query::{Document, Selection};
use encoding_rs::Encoding;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// An article read from a web page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The main content as plain text: one line per paragraph, blank lines between them.
    pub text: String,
    /// What the page says about itself.
    pub meta: Meta,
}

/// Decodes a page's bytes. The byte-order mark wins; then a body that is valid UTF-8 with
/// non-ASCII characters in it is read as UTF-8 whatever it is labelled (a page mislabelled as
/// Latin-1 is common, a Latin-1 page that happens to be valid UTF-8 is not); then the charset
/// of the HTTP header, then the page's `<meta charset>`; Windows-1252 last.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let label = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    // A UTF-16 label on a page without a byte-order mark is wrong (it parsed as ASCII), and so
    // is a UTF-8 label on bytes that are not UTF-8 (checked above): those pages are in the
    // legacy encoding that the web defaults to.
    let enc = label
        .filter(|e| {
            ![
                encoding_rs::UTF_16LE,
                encoding_rs::UTF_16BE,
                encoding_rs::UTF_8,
            ]
            .contains(e)
        })
        .unwrap_or(encoding_rs::WINDOWS_1252);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"#).expect("valid regex")
});

/// The charset a page declares in its first kilobytes.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192)];
    let text = String::from_utf8_lossy(head);
    let caps = META_CHARSET.captures(&text)?;
    Encoding::for_label(caps[1].as_bytes())
}

/// Whether bytes look like an HTML document (for files whose name does not say).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || {
        head.starts_with("<!--") && head.contains("<html")
    }
}

/// Reads a page: its main content and its metadata. `url` is where it was fetched from, when
/// it was.
pub fn extract(html: &str, url: Option<&str>) -> Page {
    let doc = Document::from(html);
    let meta = page_meta(&doc, url);
    prepare(&doc);
    let text = main_text(doc, url, meta.title.as_deref());
    Page { text, meta }
}

/// Parts of a page that are never the article: captions, credits, share and newsletter
/// boxes, comment threads, related links. Readability drops most of them by itself; these are
/// the ones it keeps when they sit inside the article's container.
const NOT_ARTICLE: &[&str] = &[
    "figcaption",
    "figure",
    "aside",
    "nav",
    "form",
    "button",
    "noscript",
    "template",
    "iframe",
    "svg",
    "[role=complementary]",
    "[role=navigation]",
    "[aria-hidden=true]",
    "[hidden]",
    "[itemprop=author]",
    "[rel=author]",
];

/// Words in class and id names that mark boxes around the article rather than the article.
const BOX_WORDS: &[&str] = &[
    "share",
    "social",
    "newsletter",
    "subscribe",
    "related",
    "recommend",
    "comment",
    "byline",
    "caption",
    "credit",
    "promo",
    "advert",
    "sponsor",
    "signup",
    "sign-up",
    "paywall",
    "author-bio",
    "read-more",
    "readmore",
    "more-stories",
    "tags",
    "breadcrumb",
    "toolbar",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "ad",
    "ads",
    "advertisement",
    "copyright",
];

fn prepare(doc: &Document) {
    let total = text_len(&doc.select("body"));
    // A form or figure that holds most of the page is the article (some sites wrap the whole
    // page in a <form>, or the article in a <figure>).
    for sel in NOT_ARTICLE {
        let found: Vec<_> = doc
            .select(sel)
            .iter()
            .filter(|s| !matches!(*sel, "form" | "figure") || text_len(s) * 2 < total)
            .collect();
        for s in found {
            s.remove();
        }
    }
    let boxes: Vec<_> = doc
        .select("div, section, ul, ol, p, span, footer, header, a, small")
        .iter()
        .filter(|s| {
            let names = format!(
                "{} {}",
                s.attr("class").map(|c| c.to_string()).unwrap_or_default(),
                s.attr("id").map(|c| c.to_string()).unwrap_or_default()
            )
            .to_ascii_lowercase();
            !names.trim().is_empty()
                && names
                    .split(|c: char| c.is_whitespace())
                    .any(|name| BOX_WORDS.iter().any(|w| name_has_word(name, w)))
                // `story has-comments` is the article.
                && text_len(s) * 2 < total
        })
        .collect();
    for b in boxes {
        b.remove();
    }
}

fn text_len(s: &Selection) -> usize {
    s.text().split_whitespace().map(str::len).sum()
}

/// Whether a class name contains `word` as one of its parts (`article-share`, `share_bar`,
/// `shareBar`), not inside another word (`shared-grid`).
fn name_has_word(name: &str, word: &str) -> bool {
    name.match_indices(word).any(|(at, _)| {
        let before = name[..at].chars().next_back();
        let after = name[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_ascii_alphanumeric())
            && after.is_none_or(|c| !c.is_ascii_lowercase() || word.ends_with('-'))
            || after == Some('s')
                && name[at + word.len() + 1..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

fn main_text(doc: Document, url: Option<&str>, title: Option<&str>) -> String {
    let fallback = doc.select("article").first().formatted_text().to_string();
    let body_text = doc.select("body").formatted_text().to_string();
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let extracted = dom_smoothie::Readability::with_document(doc, url, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.text_content.to_string())
        .filter(|t| !t.trim().is_empty());
    let raw = extracted
        .or_else(|| Some(fallback).filter(|t| !t.trim().is_empty()))
        .unwrap_or(body_text);
    tidy(&raw, title)
}

/// Plain text in juxta's layout; a first paragraph that repeats the title is dropped.
fn tidy(raw: &str, title: Option<&str>) -> String {
    let clean = sanitize(raw, 4);
    // Formatted text puts a block's lines on lines of their own: every non-empty line is a
    // paragraph, never a hard wrap.
    let mut paras: Vec<String> = clean
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if let (Some(first), Some(title)) = (paras.first(), title)
        && same_words(first, title)
    {
        paras.remove(0);
    }
    if paras.first().is_some_and(|p| byline(p).is_some()) {
        paras.remove(0);
    }
    reflow(&paras.join("\n\n"))
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}

/// Text of an HTML fragment (a feed item's content), paragraphs kept.
pub fn fragment_text(html: &str) -> String {
    if !html.contains('<') {
        return reflow(&sanitize(&decode_entities(html), 4));
    }
    let doc = Document::fragment(html);
    for sel in ["script", "style", "figcaption", "figure"] {
        doc.select(sel).remove();
    }
    tidy(&doc.formatted_text(), None)
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    Document::fragment(format!("<p>{s}</p>"))
        .select("p")
        .text()
        .to_string()
}

/// Drafts from a page's bytes (a saved file or a fetched page).
pub(super) fn parse_html(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
    file_name: &str,
    stem: &str,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    let html = decode(bytes, charset);
    let mut page = extract(&html, url);
    if page.meta.url.is_none() {
        page.meta.url = url.map(str::to_string);
    }
    if opts.overrides.date.is_some() {
        page.meta.date = None;
    }
    if page.text.trim().is_empty() {
        return Err(ImportErrorKind::NoArticle);
    }
    make_draft(page.text, page.meta, opts, file_name.to_string(), stem).map(|d| vec![d])
}

// ---- metadata ----

fn meta_content(doc: &Document, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|sel| {
        doc.select(sel).iter().find_map(|m| {
            m.attr("content")
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        })
    })
}

fn page_meta(doc: &Document, url: Option<&str>) -> Meta {
    let ld = json_ld(doc);
    let site = meta_content(
        doc,
        &["meta[property='og:site_name']", "meta[name='og:site_name']"],
    )
    .or_else(|| ld.publisher.clone())
    .or_else(|| meta_content(doc, &["meta[name='application-name']"]));
    let h1 = doc
        .select("h1")
        .first()
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let h1 = (!h1.is_empty()).then_some(h1);
    let title = meta_content(
        doc,
        &["meta[property='og:title']", "meta[name='twitter:title']"],
    )
    .or_else(|| ld.headline.clone())
    .or_else(|| {
        let t = doc.select("title").first().text().to_string();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        (!t.is_empty()).then_some(t)
    })
    .map(|t| decode_entities(&t))
    .map(|t| without_site_suffix(&t, site.as_deref(), h1.as_deref()))
    .or(h1);
    let mut authors = ld.authors.clone();
    if authors.is_empty()
        && let Some(a) = meta_content(
            doc,
            &[
                "meta[name='author']",
                "meta[property='article:author']",
                "meta[name='byl']",
                "meta[name='dc.creator']",
            ],
        )
        && !a.starts_with("http")
    {
        authors = split_authors(&a);
    }
    if authors.is_empty() {
        authors = byline_in_page(doc);
    }
    let date = ld
        .published
        .as_deref()
        .and_then(page_date)
        .or_else(|| {
            meta_content(
                doc,
                &[
                    "meta[property='article:published_time']",
                    "meta[name='article:published_time']",
                    "meta[itemprop='datePublished']",
                    "meta[name='pubdate']",
                    "meta[name='publishdate']",
                    "meta[name='date']",
                    "meta[name='dc.date']",
                    "meta[name='DC.date.issued']",
                    "meta[name='parsely-pub-date']",
                    "meta[name='sailthru.date']",
                ],
            )
            .as_deref()
            .and_then(page_date)
        })
        .or_else(|| {
            doc.select("time[datetime]")
                .iter()
                .find_map(|t| t.attr("datetime").and_then(|d| page_date(&d)))
        });
    let canonical = doc
        .select("link[rel='canonical']")
        .iter()
        .find_map(|l| l.attr("href").map(|h| h.trim().to_string()))
        .or_else(|| meta_content(doc, &["meta[property='og:url']"]))
        .or_else(|| ld.url.clone())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .or_else(|| url.map(str::to_string));
    let date = date.or_else(|| canonical.as_deref().and_then(date_in_url));
    let source = site.or_else(|| canonical.as_deref().and_then(domain));
    Meta {
        title,
        date,
        source,
        url: canonical,
        authors,
    }
}

/// A title without the outlet's name after it ("Port reopens | The Courier").
fn without_site_suffix(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    if let Some(h1) = h1
        && title.len() > h1.len()
        && (title.starts_with(h1) || title.ends_with(h1))
    {
        return h1.to_string();
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| same_words(s, tail))
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3);
            if tail_is_site {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn byline_in_page(doc: &Document) -> Vec<String> {
    for sel in [
        "[itemprop=author] [itemprop=name]",
        "[itemprop=author]",
        "[rel=author]",
        ".byline",
        ".author",
        ".by-line",
    ] {
        let names: Vec<String> = doc
            .select(sel)
            .iter()
            .flat_map(|s: Selection| {
                let t = s.text().split_whitespace().collect::<Vec<_>>().join(" ");
                byline(&format!(
                    "By {}",
                    t.trim_start_matches("By ").trim_start_matches("by ")
                ))
                .unwrap_or_default()
            })
            .collect();
        if !names.is_empty() {
            let mut out: Vec<String> = Vec::new();
            for n in names {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            return out;
        }
    }
    Vec::new()
}

/// A date as pages write them: ISO 8601 (`2025-03-14T08:00:00Z`) or RFC 2822.
fn page_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    parse_date(value).ok().or_else(|| {
        chrono::DateTime::parse_from_rfc2822(value)
            .ok()
            .map(|d| d.date_naive())
    })
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)").expect("valid regex")
});

/// A date in the path of an address (`/2025/03/14/port-reopens`).
fn date_in_url(url: &str) -> Option<NaiveDate> {
    let caps = URL_DATE.captures(url)?;
    NaiveDate::from_ymd_opt(
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    )
}

/// The host of an address without `www.`.
pub fn domain(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// What a page's JSON-LD says about its article.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

fn json_ld(doc: &Document) -> LinkedData {
    let values: Vec<Value> = doc
        .select("script[type='application/ld+json']")
        .iter()
        .filter_map(|script| serde_json::from_str::<Value>(script.text().trim()).ok())
        .collect();
    let mut objects = Vec::new();
    for value in &values {
        collect_objects(value, &mut objects);
    }
    let is_article = |o: &Value| {
        let kind = |t: &Value| {
            t.as_str()
                .is_some_and(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
        };
        match o.get("@type") {
            Some(Value::Array(types)) => types.iter().any(kind),
            Some(t) => kind(t),
            None => false,
        }
    };
    let Some(article) = objects.iter().copied().find(|o| is_article(o)) else {
        return LinkedData::default();
    };
    let text = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Object(o) => o
                .get("name")
                .and_then(Value::as_str)
                .map(|s| s.trim().to_string()),
            Value::Array(list) => list.iter().find_map(|v| v.as_str().map(str::to_string)),
            _ => None,
        }
    };
    let mut authors = Vec::new();
    let mut push = |v: &Value| match v {
        Value::String(s) if !s.starts_with("http") => authors.extend(split_authors(s)),
        Value::Object(o) => {
            if let Some(name) = o.get("name").and_then(Value::as_str) {
                authors.extend(split_authors(name));
            }
        }
        _ => {}
    };
    match article.get("author").or_else(|| article.get("creator")) {
        Some(Value::Array(list)) => list.iter().for_each(&mut push),
        Some(v) => push(v),
        None => {}
    }
    let url = text(article.get("url")).or_else(|| match article.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o.get("@id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    });
    LinkedData {
        headline: text(article.get("headline")).or_else(|| text(article.get("name"))),
        authors,
        published: text(article.get("datePublished")).or_else(|| text(article.get("dateCreated"))),
        publisher: text(article.get("publisher")),
        url,
    }
}

fn collect_objects<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(list) => list.iter().for_each(|v| collect_objects(v, out)),
        Value::Object(o) => {
            out.push(value);
            if let Some(graph) = o.get("@graph") {
                collect_objects(graph, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_meta_bom_and_header() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode(latin, None).contains("café"));
        assert!(decode(b"\xef\xbb\xbfcaf\xc3\xa9", None).starts_with("café"));
        // Labelled Latin-1 but valid UTF-8: read as UTF-8.
        assert_eq!(decode("café".as_bytes(), Some("iso-8859-1")), "café");
        assert_eq!(decode(b"caf\xe9", Some("utf-8")), "café");
    }

    #[test]
    fn title_suffixes_go() {
        assert_eq!(
            without_site_suffix(
                "Harbour reopens after storm | The Courier",
                Some("The Courier"),
                None
            ),
            "Harbour reopens after storm"
        );
        assert_eq!(
            without_site_suffix("Harbour reopens after storm - Daily Post", None, None),
            "Harbour reopens after storm"
        );
        assert_eq!(
            without_site_suffix("Rock - paper", None, None),
            "Rock - paper"
        );
    }

    #[test]
    fn share_boxes_are_recognised_by_class_word() {
        assert!(name_has_word("article-share", "share"));
        assert!(name_has_word("share_bar", "share"));
        assert!(name_has_word("comments", "comment"));
        assert!(!name_has_word("shared-grid", "share"));
        assert!(!name_has_word("commentary", "comment"));
    }

    #[test]
    fn an_article_container_with_a_box_word_in_its_class_is_kept() {
        let para =
            "The council met on Tuesday and agreed to widen the bridge over the canal. ".repeat(4);
        let page = format!(
            "<html><body><div class=\"story has-comments\"><h1>Bridge to be widened</h1><p>{para}</p><p>{para}</p></div><div class=\"comments\"><p>First!</p></div></body></html>"
        );
        let text = extract(&page, None).text;
        assert!(text.starts_with("The council met"), "{text}");
        assert!(!text.contains("First!"), "{text}");
    }

    #[test]
    fn a_page_wrapped_in_a_form_keeps_its_article() {
        let para =
            "The ferry timetable changes on Monday, with two extra sailings each weekday evening. "
                .repeat(3);
        let page = format!(
            "<html><head><title>Gazette :: Timetable changes</title></head><body><form id=\"page\"><nav><a href='/'>Home</a></nav><h1>Timetable changes</h1><p>{para}</p><p>{para}</p></form></body></html>"
        );
        let page = extract(&page, None);
        assert!(
            page.text.starts_with("The ferry timetable"),
            "{}",
            page.text
        );
        assert_eq!(page.meta.title.as_deref(), Some("Timetable changes"));
    }

    #[test]
    fn dates_in_urls_and_domains() {
        assert_eq!(
            date_in_url("https://e.org/news/2025/03/14/port"),
            NaiveDate::from_ymd_opt(2025, 3, 14)
        );
        assert_eq!(
            domain("https://www.Example.org:8080/x").as_deref(),
            Some("example.org")
        );
    }
}
