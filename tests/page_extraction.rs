//! Main-content extraction measured as the ScrapingHub article-extraction benchmark measures
//! it: word 4-gram ("shingle") precision and recall of the extracted text against the true
//! article body, per page, averaged over the pages; F1 from the mean precision and recall.
//!
//! The pages (tests/data/pages, written by make.py there) are invented: eight articles in ten
//! layouts with navigation, ads, share widgets, captions, related links, newsletter boxes,
//! comments, JSON-LD, Open Graph tags, `<time>` and several character sets.

use juxta::import::html;
use std::collections::HashMap;
use std::path::Path;

fn tokens(text: &str) -> Vec<String> {
    // Python's \w+ with re.UNICODE: runs of letters, digits and underscores.
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn shingles(text: &str, n: usize) -> HashMap<Vec<String>, usize> {
    let words = tokens(text);
    let mut out = HashMap::new();
    if words.len() < n {
        if !words.is_empty() {
            *out.entry(words).or_insert(0) += 1;
        }
        return out;
    }
    for w in words.windows(n) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// (true positives, false positives, false negatives) over 4-gram multisets.
fn matching(truth: &str, pred: &str) -> (usize, usize, usize) {
    let t = shingles(truth, 4);
    let p = shingles(pred, 4);
    let mut tp = 0;
    let mut fp = 0;
    for (g, &c) in &p {
        let tc = t.get(g).copied().unwrap_or(0);
        tp += c.min(tc);
        fp += c.saturating_sub(tc);
    }
    let fn_: usize = t
        .iter()
        .map(|(g, &c)| c.saturating_sub(p.get(g).copied().unwrap_or(0)))
        .sum();
    (tp, fp, fn_)
}

#[test]
fn main_content_extraction_scores_at_least_093_f1() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "html").then_some(p)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 30, "only {} pages", names.len());
    let (mut sum_p, mut sum_r) = (0.0, 0.0);
    println!(
        "{:<34} {:>9} {:>7} {:>6}",
        "page", "precision", "recall", "F1"
    );
    for page in &names {
        let bytes = std::fs::read(page).unwrap();
        let truth = std::fs::read_to_string(page.with_extension("txt")).unwrap();
        let text = html::extract(&html::decode(&bytes, None), None).text;
        let (tp, fp, fn_) = matching(&truth, &text);
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        println!(
            "{:<34} {p:>9.3} {r:>7.3} {f1:>6.3}",
            page.file_stem().unwrap().to_string_lossy()
        );
        if std::env::var_os("JUXTA_SHOW_EXTRACTED").is_some() && f1 < 0.99 {
            println!("---- extracted\n{text}\n----");
        }
        sum_p += p;
        sum_r += r;
    }
    let n = names.len() as f64;
    let (p, r) = (sum_p / n, sum_r / n);
    let f1 = 2.0 * p * r / (p + r);
    println!(
        "{:<34} {p:>9.3} {r:>7.3} {f1:>6.3}",
        format!("mean of {} pages", names.len())
    );
    assert!(f1 >= 0.93, "F1 {f1:.3} below 0.93");
}
