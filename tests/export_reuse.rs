//! `juxta compare` hands the export what it computed beside the alignment (the prepared texts,
//! each article's names and dates) so the export does not compute them again: every format
//! must print the same bytes as an export that computes everything itself, for a short pair
//! and for a long one (whose sides are worked on two threads).

use chrono::NaiveDate;
use juxta::analysis::extract;
use juxta::analysis::overlap::{self, OverlapConfig};
use juxta::article::Article;
use juxta::export::{AlignedPair, Format, Precomputed, RenderOptions, render, render_with};

fn article(id: &str, text: &str, date: NaiveDate) -> Article {
    Article {
        id: id.to_string(),
        title: id.to_string(),
        source: id.to_string(),
        authors: Vec::new(),
        date: Some(date),
        url: None,
        text: text.to_string(),
        hash: juxta::article::content_hash(text),
        imported_at: chrono::DateTime::UNIX_EPOCH,
        file_name: format!("{id}.txt"),
    }
}

/// Two invented reports of one landslide that disagree on a count and on a day, and carry
/// one quotation with a drift in its wording; `filler` paragraphs (different on each side)
/// make the pair long.
fn reports(filler: usize) -> (Article, Article) {
    let pad = |side: &str| -> String {
        (0..filler)
            .map(|i| {
                format!(
                    "\n\nVolunteers from the {side} district number {i} cleared the upper road, \
                     and the council said the work on section {i} would take another week."
                )
            })
            .collect()
    };
    let left = format!(
        "A landslide buried 14 houses in the hill village of Marrowdale on Tuesday, officials said.\n\n\
         “We heard the mountain move before we saw it,” said Ilse Varga, the village mayor.\n\n\
         Rescue teams searched the mud through the night.{}",
        pad("northern")
    );
    let right = format!(
        "A landslide buried 17 houses in the hill village of Marrowdale on Wednesday, officials said.\n\n\
         “We heard the whole mountain move before we saw anything,” Ilse Varga, the mayor, told reporters.\n\n\
         Rescue teams searched the mud through the night.{}",
        pad("southern")
    );
    let day = NaiveDate::from_ymd_opt(2024, 3, 14).expect("date");
    (article("left", &left, day), article("right", &right, day))
}

fn assert_same_in_every_format(l: &Article, r: &Article, options: &[RenderOptions]) {
    let (lp, rp) = overlap::prepare_pair(&l.text, &r.text);
    let alignment = overlap::align_prepared(&lp, &rp, &OverlapConfig::default());
    let extractions = [
        extract::extract(&l.text, l.date),
        extract::extract(&r.text, r.date),
    ];
    let pair = AlignedPair {
        left: l,
        right: r,
        alignment: &alignment,
        first_in: &[],
    };
    let pre = Precomputed {
        prepared: [&lp, &rp],
        extractions: &extractions,
    };
    for opts in options {
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
            let own = render(&pair, format, opts);
            let reused = render_with(&pair, Some(pre), format, opts);
            assert_eq!(own, reused, "{format:?}");
        }
    }
    // The sections the reused work feeds are there, so the comparison above means something.
    let text = render(&pair, Format::Text, &RenderOptions::default());
    assert!(text.contains("\nWhere they differ\n"), "{text}");
    assert!(
        text.contains("left 14 (“14 houses”) · right 17 (“17 houses”)"),
        "{text}"
    );
    assert!(
        text.contains("left 2024-03-12 (“on Tuesday”) · right 2024-03-13 (“on Wednesday”)"),
        "{text}"
    );
    assert!(text.contains("\nQuotations both carry (1)\n"), "{text}");
    assert!(text.contains("Ilse Varga"), "{text}");
}

#[test]
fn a_short_pair_exports_the_same_with_the_alignments_work_reused() {
    let (l, r) = reports(3);
    let narrow_in_colour = RenderOptions {
        width: 70,
        color: true,
    };
    assert_same_in_every_format(&l, &r, &[RenderOptions::default(), narrow_in_colour]);
}

#[test]
fn a_long_pair_exports_the_same_with_the_alignments_work_reused() {
    // Just over the size at which the two sides are worked on two threads (kept small: the
    // test build is unoptimised).
    let (l, r) = reports(1_000);
    assert!(l.text.len() + r.text.len() > 256 * 1024);
    assert_same_in_every_format(&l, &r, &[RenderOptions::default()]);
}

/// The JSON export is made in two parts (the passages beside the sections) joined into one
/// object: it must read as one document with its members in the contract's order, the
/// sections at the top level, and nothing after the object.
#[test]
fn the_json_export_is_one_object_with_the_sections_last() {
    let (l, r) = reports(3);
    let alignment = overlap::align(&l.text, &r.text, &OverlapConfig::default());
    let pair = AlignedPair {
        left: &l,
        right: &r,
        alignment: &alignment,
        first_in: &[],
    };
    let json = render(&pair, Format::Json, &RenderOptions::default());
    let doc: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    assert!(
        doc["differ"].as_array().is_some_and(|d| d.len() == 2),
        "{json}"
    );
    assert!(
        doc["quotations"].as_array().is_some_and(|q| q.len() == 1),
        "{json}"
    );
    let members: Vec<&str> = json
        .lines()
        .filter_map(|l| l.strip_prefix("  \"")?.split('"').next())
        .collect();
    assert_eq!(
        members,
        [
            "left",
            "right",
            "similarity",
            "passages",
            "differ",
            "quotations"
        ]
    );
    assert!(json.ends_with("\n  ]\n}\n"), "{json}");
}
