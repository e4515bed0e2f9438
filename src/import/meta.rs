//! Metadata found inside article files: a front-matter block, a leading `date YYYY-MM-DD`
//! token, a headline-like first line.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Metadata an article file may carry; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Outlet.
    pub source: Option<String>,
    /// Address of the original.
    pub url: Option<String>,
    /// Writers, one name each.
    pub authors: Vec<String>,
}

impl Meta {
    /// Fills the fields still empty in `self` from `other`: the first source to name a field wins.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            title: self.title.or(other.title),
            date: self.date.or(other.date),
            source: self.source.or(other.source),
            url: self.url.or(other.url),
            authors: if self.authors.is_empty() {
                other.authors
            } else {
                self.authors
            },
        }
    }
}

/// A metadata value that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate(pub String);

/// Parses a publication date: `YYYY-MM-DD`, optionally followed by a time (`2025-02-12T08:00Z`).
pub fn parse_date(value: &str) -> Result<NaiveDate, BadDate> {
    let value = value.trim();
    let day = value
        .get(..10)
        .filter(|_| value.len() == 10 || value[10..].starts_with(['T', ' ']));
    day.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(|| BadDate(value.to_string()))
}

/// Splits a front-matter block (`---` lines around `key: value` lines) off the text.
///
/// Returns the metadata and the rest of the text; text without a complete block is returned
/// whole. Keys other than title, date, source and url are ignored.
pub fn split_front_matter(text: &str) -> Result<(Meta, &str), BadDate> {
    front_matter(text, true)
}

/// [`split_front_matter`]; with `need_date` false a bad date is left out instead of refused
/// (the command line gives the date).
pub(super) fn front_matter(text: &str, need_date: bool) -> Result<(Meta, &str), BadDate> {
    let trimmed = text.trim_start_matches('\n');
    let Some(body) = trimmed.strip_prefix("---\n") else {
        return Ok((Meta::default(), text));
    };
    let mut meta = Meta::default();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end_matches('\n');
        if line == "---" || line == "..." {
            return Ok((meta, &body[offset..]));
        }
        let Some((key, value)) = line.split_once(':') else {
            if line.trim().is_empty() {
                continue;
            }
            return Ok((Meta::default(), text));
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => meta.title = Some(value.to_string()),
            "date" | "published" => match parse_date(value) {
                Ok(date) => meta.date = Some(date),
                Err(bad) if need_date => return Err(bad),
                Err(_) => {}
            },
            "source" | "outlet" | "publisher" => meta.source = Some(value.to_string()),
            "url" | "link" => meta.url = Some(value.to_string()),
            "author" | "authors" | "byline" => meta.authors = split_authors(value),
            _ => {}
        }
    }
    Ok((Meta::default(), text))
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

static DATE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:date):?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?[ \t]*").expect("valid regex")
});

/// Splits a leading `date YYYY-MM-DD` token off the text, on its own line or followed by the
/// article on the same line (` date 2025-02-12 Russian President …`).
pub fn split_date_token(text: &str) -> Result<(Option<NaiveDate>, &str), BadDate> {
    date_token(text, true)
}

/// [`split_date_token`]; with `need_date` false a bad date is removed without an error.
pub(super) fn date_token(
    text: &str,
    need_date: bool,
) -> Result<(Option<NaiveDate>, &str), BadDate> {
    // Almost no text opens with the token: the regex is compiled only for one that may.
    let opening = text.trim_start().get(..4);
    if !opening.is_some_and(|w| w.eq_ignore_ascii_case("date")) {
        return Ok((None, text));
    }
    let Some(caps) = DATE_TOKEN.captures(text) else {
        return Ok((None, text));
    };
    let end = caps.get(0).map_or(0, |m| m.end());
    match parse_date(&caps[1]) {
        Ok(date) => Ok((Some(date), &text[end..])),
        Err(bad) if need_date => Err(bad),
        Err(_) => Ok((None, &text[end..])),
    }
}

/// Whether a line reads like a headline: short, starts like a title, no closing period.
pub fn is_headline(line: &str) -> bool {
    let line = line.trim();
    // Counting stops past the limits: a text on one line is no headline, and is not read
    // whole to say so.
    let words = line.split_whitespace().take(21).count();
    let starts_well = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    starts_well
        && (1..=20).contains(&words)
        && line.chars().nth(120).is_none()
        && !line.ends_with(['.', ',', ';', ':'])
        && !super::layout::is_list_item(line)
}

/// Splits a list of writers as sources write it ("Ana Ruiz, Tom Lee and Kai Ono", "A; B",
/// "By Ana Ruiz") into names. Affiliations after a pipe or a dash are dropped.
pub fn split_authors(value: &str) -> Vec<String> {
    let value = strip_by(value.trim());
    let mut out: Vec<String> = Vec::new();
    for part in value.split([',', ';', '|', '\n', '&']) {
        for name in part.split(" and ") {
            let name = strip_by(name.trim()).trim_matches(|c: char| c.is_whitespace() || c == '.');
            // Titles and roles that follow a comma in a byline ("Staff Writer", "Reuters
            // staff") are not writers.
            let role = name.split_whitespace().any(|w| {
                let w = w.to_lowercase();
                let w = w.trim_end_matches('s');
                [
                    "staff",
                    "reporter",
                    "correspondent",
                    "editor",
                    "writer",
                    "contributor",
                ]
                .contains(&w)
            });
            if name.is_empty() || role {
                continue;
            }
            if name.chars().count() <= 80 && !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
    }
    out
}

fn strip_by(value: &str) -> &str {
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = value.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    value
}

/// The names of a byline line ("By Ana Ruiz and Tom Lee"), when the line is one: a line that
/// starts with "By" followed by one to four capitalised names and nothing that reads as a
/// sentence.
pub fn byline(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    if rest.ends_with(['.', '!', '?', ':']) && !rest.ends_with(" Jr.") {
        return None;
    }
    let names = split_authors(rest);
    let name_like = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(|c| c.is_uppercase())
                    || ["de", "van", "von", "da", "di", "del", "la", "bin", "al"].contains(w)
            })
    };
    (!names.is_empty() && names.len() <= 6 && names.iter().all(name_like)).then_some(names)
}

/// A title made from the first sentence, cut at a word boundary near `max` characters.
pub fn title_from_text(text: &str, max: usize) -> String {
    // Only the first paragraph can hold the first sentence: don't split the whole article.
    let head = text
        .split('\n')
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let first = crate::text::sentences(head)
        .into_iter()
        .next()
        .map_or("", |r| &head[r]);
    if first.chars().count() <= max {
        return first.to_string();
    }
    let mut cut = String::new();
    for word in first.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    if cut.is_empty() {
        cut = first.chars().take(max).collect();
    }
    let cut = cut.trim_end_matches([',', ';', ':', '-', '—']);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn front_matter_is_parsed_and_removed() {
        let text = "---\ntitle: \"Port inquiry opens\"\ndate: 2025-03-14\nsource: The Courier\nurl: https://e.org/a\nauthor: X\n---\nBody.";
        let (meta, rest) = split_front_matter(text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Port inquiry opens"));
        assert_eq!(meta.date, Some(date("2025-03-14")));
        assert_eq!(meta.source.as_deref(), Some("The Courier"));
        assert_eq!(meta.url.as_deref(), Some("https://e.org/a"));
        assert_eq!(rest, "Body.");
    }

    #[test]
    fn an_unclosed_block_is_text() {
        let text = "---\ntitle: x\nno end";
        assert_eq!(split_front_matter(text).unwrap(), (Meta::default(), text));
    }

    #[test]
    fn a_bad_front_matter_date_is_an_error() {
        assert_eq!(
            split_front_matter("---\ndate: March 3\n---\nx"),
            Err(BadDate("March 3".into()))
        );
    }

    #[test]
    fn date_token_inline_or_on_its_own_line() {
        let (d, rest) = split_date_token(" date 2025-02-12 Russian President spoke.").unwrap();
        assert_eq!(d, Some(date("2025-02-12")));
        assert_eq!(rest, "Russian President spoke.");
        let (d, rest) = split_date_token("date 2025-03-15\nHeadline\n\nBody").unwrap();
        assert_eq!(d, Some(date("2025-03-15")));
        assert_eq!(rest, "Headline\n\nBody");
        let (d, rest) = split_date_token("Dated reports say").unwrap();
        assert_eq!((d, rest), (None, "Dated reports say"));
        assert!(split_date_token("date 2025-02-30 x").is_err());
    }

    #[test]
    fn author_lists_and_bylines() {
        assert_eq!(
            split_authors("By Ana Ruiz, Tom Lee and Kai Ono"),
            ["Ana Ruiz", "Tom Lee", "Kai Ono"]
        );
        assert_eq!(split_authors("Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(split_authors("Ana Ruiz; Ana Ruiz"), ["Ana Ruiz"]);
        assert_eq!(
            byline("By Samir Haddad and Lena Vogt"),
            Some(vec!["Samir Haddad".to_string(), "Lena Vogt".to_string()])
        );
        assert_eq!(
            byline("By the end of the week the port had reopened."),
            None
        );
        assert_eq!(byline("Bystanders said the port had reopened"), None);
    }

    #[test]
    fn headlines_and_fallback_titles() {
        assert!(is_headline("Harbour chief quits as inquiry widens"));
        assert!(is_headline("Will the port reopen?"));
        assert!(!is_headline("The inquiry opened on Friday."));
        assert!(!is_headline("- a bullet"));
        let text = "The harbour commissioner resigned on Friday after an audit found that the port authority had ignored warnings. More text.";
        let title = title_from_text(text, 80);
        assert!(
            title.ends_with('…') && title.chars().count() <= 81,
            "{title}"
        );
        assert_eq!(title_from_text("Short one. Two.", 80), "Short one.");
    }
}
