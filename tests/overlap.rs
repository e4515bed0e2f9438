//! The alignment engine as a reader sees it: what is highlighted, where, and how.
//!
//! The sample articles in assets/samples tell one invented story through four outlets, plus
//! unrelated stories; tests/data/samples-gold.json lists what they share and what they do not.

use juxta::analysis::index::CorpusIndex;
use juxta::analysis::overlap::{Alignment, OverlapConfig, PassageKind, align};
use juxta::article::Article;
use juxta::import::{ImportOptions, articles_from_paths};
use std::path::PathBuf;

fn cfg() -> OverlapConfig {
    OverlapConfig::default()
}

fn left_texts<'t>(text: &'t str, a: &Alignment) -> Vec<&'t str> {
    a.passages.iter().map(|p| p.left.slice(text)).collect()
}

fn right_texts<'t>(text: &'t str, a: &Alignment) -> Vec<&'t str> {
    a.passages.iter().map(|p| p.right.slice(text)).collect()
}

// ---------------------------------------------------------------------------------------------
// Small invented texts: one behaviour each.

#[test]
fn reordered_paragraphs_are_found() {
    let p1 = "The harbour board approved a new safety inspection regime for every quay on Monday.";
    let p2 = "Dock workers will be allowed to stop work whenever they see cracks in the paving.";
    let p3 = "The first inspections are planned for the northern terminal before the end of May.";
    let left = format!("{p1}\n\n{p2}\n\n{p3}");
    let right = format!("{p3}\n\n{p2}\n\n{p1}");
    let a = align(&left, &right, &cfg());
    assert_eq!(a.passages.len(), 3, "{a:#?}");
    for p in &a.passages {
        assert_eq!(p.kind, PassageKind::Exact);
        // Each passage's two sides are the same paragraph, wherever it moved.
        assert_eq!(p.left.slice(&left), p.right.slice(&right));
    }
    // Listed in left order.
    assert_eq!(
        left_texts(&left, &a),
        [
            p1.trim_end_matches('.'),
            p2.trim_end_matches('.'),
            p3.trim_end_matches('.')
        ]
    );
    assert!(a.similarity > 0.99, "{}", a.similarity);
}

#[test]
fn curly_and_straight_quotes_match() {
    let left = "“We will not back down from this fight,” the union leader said on Friday.";
    let right = "\"We will not back down from this fight,\" the union leader said on Friday.";
    let a = align(left, right, &cfg());
    assert_eq!(a.passages.len(), 1, "{a:#?}");
    assert_eq!(a.passages[0].kind, PassageKind::Exact);
    assert_eq!(
        a.passages[0].left.slice(left),
        "We will not back down from this fight,” the union leader said on Friday"
    );
    assert_eq!(a.passages[0].words, 14);
}

#[test]
fn hyphen_and_space_match() {
    let left = "Vice-President Ana Lopes will chair the review board from next week.";
    let right = "Vice President Ana Lopes will chair the review board from next week.";
    let a = align(left, right, &cfg());
    assert_eq!(a.passages.len(), 1);
    assert_eq!(a.passages[0].kind, PassageKind::Exact);
    assert!(a.passages[0].left.slice(left).starts_with("Vice-President"));
    assert!(
        a.passages[0]
            .right
            .slice(right)
            .starts_with("Vice President")
    );
    // Dashes too: an em dash and a double hyphen are both just punctuation between words.
    let l2 = "The collapse — the worst in a decade — prompted a full parliamentary inquiry.";
    let r2 = "The collapse -- the worst in a decade -- prompted a full parliamentary inquiry.";
    assert_eq!(align(l2, r2, &cfg()).passages[0].kind, PassageKind::Exact);
}

#[test]
fn a_near_passage_marks_the_changed_words() {
    let left = "Judge Ana Duarte on Friday ordered the contractor to preserve all inspection \
                records and set a full hearing for April 7.";
    let right = "Judge Ana Duarte today ordered the contractor to preserve all inspection \
                 records and set a full hearing for April 7.";
    let a = align(left, right, &cfg());
    assert_eq!(a.passages.len(), 1, "{a:#?}");
    let p = &a.passages[0];
    assert_eq!(p.kind, PassageKind::Near);
    let changed_left: Vec<&str> = p.left_changed.iter().map(|s| s.slice(left)).collect();
    let changed_right: Vec<&str> = p.right_changed.iter().map(|s| s.slice(right)).collect();
    assert_eq!(changed_left, ["on Friday"]);
    assert_eq!(changed_right, ["today"]);
    assert!(p.left.slice(left).starts_with("Judge Ana Duarte on Friday"));
    assert!(p.left.slice(left).ends_with("April 7"));
}

#[test]
fn an_inserted_clause_stays_inside_one_near_passage() {
    let left = "The regulator fined Northgate Shipping, the company that runs the ferry, for \
                failing to report the engine fault within a day.";
    let right = "The regulator fined Northgate Shipping for failing to report the engine fault \
                 within a day.";
    let a = align(left, right, &cfg());
    assert_eq!(a.passages.len(), 1, "{a:#?}");
    let p = &a.passages[0];
    assert_eq!(p.kind, PassageKind::Near);
    let inserted: Vec<&str> = p.left_changed.iter().map(|s| s.slice(left)).collect();
    assert_eq!(inserted, ["the company that runs the ferry"]);
    assert!(p.right_changed.is_empty());
}

#[test]
fn a_paraphrased_sentence_is_paired() {
    let left = "Ferry operator Northgate Shipping cancelled every crossing to Hallow Island on \
                Tuesday after storm damage to the main pier.\n\nTickets will be refunded.";
    let right = "Storm damage to the main pier at Hallow Island forced Northgate Shipping to \
                 cancel all of its ferry crossings on Tuesday.\n\nThe mayor visited a school.";
    let a = align(left, right, &cfg());
    assert_eq!(a.passages.len(), 1, "{a:#?}");
    let p = &a.passages[0];
    assert_eq!(p.kind, PassageKind::Paraphrase);
    assert!(p.left.slice(left).starts_with("Ferry operator"));
    assert!(p.right.slice(right).starts_with("Storm damage"));
    assert!(p.right.slice(right).ends_with("Tuesday"));
    // Changed words are marked, shared content words are not.
    let changed: String = p.left_changed.iter().map(|s| s.slice(left)).collect();
    assert!(!changed.contains("Northgate"), "{changed}");
}

#[test]
fn a_short_verbatim_quote_counts() {
    // The same quotation makes the two sentences one reported statement: linked whole, the
    // quotation named as the evidence.
    let left = "The minister called the talks “calm, orderly and transparent” in a statement.";
    let right = "Officials described a “calm, orderly and transparent process” at the summit.";
    let a = align(left, right, &cfg());
    assert_eq!(
        right_texts(right, &a),
        ["Officials described a “calm, orderly and transparent process” at the summit"]
    );
    let p = &a.passages[0];
    assert_eq!(
        juxta::analysis::overlap::describe_evidence(&p.evidence, left, right),
        "same quote: calm, orderly and transparent · same word: statement ~ described"
    );
    // The same four words outside quotation marks are too short to be a passage of reused
    // text (the sentence layer, off here, judges the two sentences as a whole).
    let l2 = "The minister said the talks were calm, orderly and transparent on the whole.";
    let r2 = "Witnesses found the crowd calm, orderly and transparent about its aims.";
    let mut reuse_only = cfg();
    reuse_only.paraphrase_threshold = 0.0;
    assert!(align(l2, r2, &reuse_only).passages.is_empty());
}

#[test]
fn a_shared_name_with_a_title_is_not_a_passage() {
    let left = "Crane operator Jane Okafor, who was injured in the collapse, spoke to the inquiry.";
    let right =
        "Crane operator Jane Okafor, who survived the collapse, addressed the rally briefly.";
    let a = align(left, right, &cfg());
    assert!(a.passages.is_empty(), "{a:#?}");
}

#[test]
fn unrelated_texts_share_nothing() {
    let left = "The chess final lasted five hours before the champion accepted a draw in a \
                rook ending. Spectators filled the hall until midnight.";
    let right = "The museum reopened after a four-year restoration of its roof and galleries. \
                 Visitors queued along the quayside from early morning.";
    let a = align(left, right, &cfg());
    assert!(a.passages.is_empty());
    assert_eq!(a.similarity, 0.0);
}

#[test]
fn offsets_slice_exactly_after_multibyte_characters() {
    let shared = "regional council approved the harbour expansion plan by nine votes to two";
    let left = format!("Ünïcödé prefix 東京 😀🕯️ «quoted» — end. The {shared}. Afterwards.");
    let right = format!("ß Ø 森下陽斗 «x». The {shared}.\n\nOfficials said so.");
    let a = align(&left, &right, &cfg());
    assert_eq!(a.passages.len(), 1, "{a:#?}");
    let p = &a.passages[0];
    assert_eq!(&left[p.left.start..p.left.end], format!("The {shared}"));
    assert_eq!(&right[p.right.start..p.right.end], format!("The {shared}"));
    assert_eq!(p.words, 13);
}

#[test]
fn empty_and_one_word_articles() {
    let empty = align("", "Some words here that matter a lot.", &cfg());
    assert!(empty.passages.is_empty());
    assert_eq!(empty.similarity, 0.0);
    assert!(align("", "", &cfg()).passages.is_empty());
    assert!(align("...", "!!!", &cfg()).passages.is_empty());
    let same = align("Hello.", "hello", &cfg());
    assert_eq!(
        same.passages.len(),
        1,
        "the same single word is the whole article"
    );
    assert_eq!(same.passages[0].kind, PassageKind::Exact);
    assert_eq!(same.similarity, 1.0);
    let different = align("Hello", "Goodbye", &cfg());
    assert!(different.passages.is_empty());
    assert_eq!(different.similarity, 0.0);
}

#[test]
fn identical_texts_are_one_exact_passage_with_similarity_one() {
    let text = "A storm closed the port.\n\nShips waited outside the harbour for two days.";
    let a = align(text, text, &cfg());
    assert_eq!(a.passages.len(), 1);
    assert_eq!(a.similarity, 1.0);
    assert_eq!(
        a.passages[0].left.slice(text),
        a.passages[0].right.slice(text)
    );
}

#[test]
fn settings_change_what_is_found() {
    let left = "Officials confirmed the bridge will reopen to traffic on Monday morning.";
    let right = "The bridge will reopen to traffic, officials confirmed.";
    let mut strict = cfg();
    strict.min_words = 8;
    assert!(
        align(left, right, &strict)
            .passages
            .iter()
            .all(|p| p.kind != PassageKind::Exact)
    );
    let a = align(left, right, &cfg());
    assert!(
        right_texts(right, &a)
            .iter()
            .any(|t| t.contains("bridge will reopen"))
    );
    let mut no_paraphrase = cfg();
    no_paraphrase.paraphrase_threshold = 0.0;
    let l = "Ferry operator Northgate Shipping cancelled every crossing to Hallow Island on \
             Tuesday after storm damage to the main pier.";
    let r = "Storm damage to the main pier at Hallow Island forced Northgate Shipping to cancel \
             all of its ferry crossings on Tuesday.";
    assert!(
        align(l, r, &no_paraphrase)
            .passages
            .iter()
            .all(|p| p.kind != PassageKind::Paraphrase)
    );
}

// ---------------------------------------------------------------------------------------------
// The sample articles against their gold annotations.

fn samples() -> Vec<(String, Article)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples folder")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let (articles, errors) =
            articles_from_paths(std::slice::from_ref(&path), &ImportOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let many = articles.len() > 1;
        for (i, a) in articles.into_iter().enumerate() {
            let name = if many {
                format!("{file}#{i}")
            } else {
                file.clone()
            };
            out.push((name, a));
        }
    }
    out
}

fn article<'a>(all: &'a [(String, Article)], name: &str) -> &'a Article {
    &all.iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no sample {name}"))
        .1
}

/// Share of the fragment's non-space characters that lie inside the spans, matching with white
/// space collapsed; `None` when the fragment is not in the text.
fn coverage(text: &str, spans: &[(usize, usize)], fragment: &str) -> Option<f64> {
    let mut norm = String::new();
    let mut map = Vec::new();
    let mut prev_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if prev_space {
                continue;
            }
            prev_space = true;
            norm.push(' ');
        } else {
            prev_space = false;
            norm.push(c);
        }
        map.push(i);
    }
    let frag = fragment.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = norm.find(&frag)?;
    let first = norm[..at].chars().count();
    let (mut inside, mut total) = (0, 0);
    for (k, c) in frag.chars().enumerate() {
        if c == ' ' {
            continue;
        }
        total += 1;
        let byte = map[first + k];
        if spans.iter().any(|&(s, e)| s <= byte && byte < e) {
            inside += 1;
        }
    }
    Some(inside as f64 / total.max(1) as f64)
}

fn gold() -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/samples-gold.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("gold file")).expect("gold JSON")
}

fn spans(a: &Alignment, left: bool) -> Vec<(usize, usize)> {
    a.passages
        .iter()
        .map(|p| {
            let s = if left { p.left } else { p.right };
            (s.start, s.end)
        })
        .collect()
}

#[test]
fn every_exact_and_near_gold_pair_is_highlighted_on_both_sides() {
    let all = samples();
    let gold = gold();
    let mut paraphrases = (0, 0);
    for pair in gold["shared"].as_array().unwrap() {
        let (l, r) = (
            article(&all, pair["left"].as_str().unwrap()),
            article(&all, pair["right"].as_str().unwrap()),
        );
        let a = align(&l.text, &r.text, &cfg());
        let lf = pair["left_text"].as_str().unwrap();
        let rf = pair["right_text"].as_str().unwrap();
        let cl = coverage(&l.text, &spans(&a, true), lf).expect("left fragment in text");
        let cr = coverage(&r.text, &spans(&a, false), rf).expect("right fragment in text");
        let found = cl >= 0.8 && cr >= 0.8;
        if pair["kind"] == "paraphrase" {
            paraphrases.1 += 1;
            paraphrases.0 += usize::from(found);
        } else {
            assert!(found, "{pair}: left {cl:.2}, right {cr:.2}");
        }
    }
    // Paraphrases are judged by content words only: the looser rewordings of the summary
    // (03) are missed on purpose, as pairing them would pair unrelated sentences too.
    assert!(
        paraphrases.0 * 2 >= paraphrases.1,
        "only {} of {} paraphrases found",
        paraphrases.0,
        paraphrases.1
    );
}

#[test]
fn unshared_sentences_stay_unhighlighted_in_every_pair() {
    let all = samples();
    let gold = gold();
    let unshared = gold["unshared"].as_object().unwrap();
    for (i, (ln, l)) in all.iter().enumerate() {
        for (rn, r) in &all[i + 1..] {
            let a = align(&l.text, &r.text, &cfg());
            for (name, text, left) in [(ln, &l.text, true), (rn, &r.text, false)] {
                let frags = unshared.get(name.as_str()).and_then(|v| v.as_array());
                for frag in frags.into_iter().flatten() {
                    let frag = frag.as_str().unwrap();
                    // A headline becomes the title, outside the text: nothing to highlight.
                    let Some(c) = coverage(text, &spans(&a, left), frag) else {
                        continue;
                    };
                    assert!(c == 0.0, "{ln} vs {rn}: {frag:?} is {c:.2} highlighted");
                }
            }
        }
    }
}

#[test]
fn same_story_scores_clearly_above_other_stories() {
    let all = samples();
    let story = [
        "01-wire.txt",
        "02-newspaper.md",
        "03-summary.txt",
        "04-followup.txt",
        "06-wide.txt",
    ];
    let others = ["05-unrelated.json#0", "05-unrelated.json#1"];
    let mut related = f64::MAX;
    for (i, a) in story.iter().enumerate() {
        for b in &story[i + 1..] {
            let (x, y) = (article(&all, a), article(&all, b));
            related = related.min(align(&x.text, &y.text, &cfg()).similarity);
        }
    }
    let mut unrelated: f64 = 0.0;
    for a in story.iter().chain(&others) {
        for b in &others {
            if a == b {
                continue;
            }
            let (x, y) = (article(&all, a), article(&all, b));
            let al = align(&x.text, &y.text, &cfg());
            assert!(al.passages.is_empty(), "{a} vs {b}: {:#?}", al.passages);
            unrelated = unrelated.max(al.similarity);
        }
    }
    assert!(
        related > unrelated + 0.15,
        "related {related}, unrelated {unrelated}"
    );
}

#[test]
fn one_story_in_different_words_scores_clearly_above_an_unrelated_one() {
    let a = "Harbour commissioner Lena Varga resigned on Monday after an audit of the port \
             authority found that warnings about the cracked quay wall were ignored for months.";
    let b = "Facing criticism over the cracked quay, Varga quit her post as commissioner; the \
             audit had shown that the port authority sat on repeated warnings.";
    let c = "The chess final lasted five hours before the champion accepted a draw in a rook \
             ending, and spectators filled the hall until midnight.";
    let same_story = align(a, b, &cfg());
    assert!(
        same_story
            .passages
            .iter()
            .all(|p| p.kind != PassageKind::Exact)
    );
    let unrelated = align(a, c, &cfg());
    assert!(
        same_story.similarity > unrelated.similarity + 0.2,
        "same story {}, unrelated {}",
        same_story.similarity,
        unrelated.similarity
    );
}

#[test]
fn passages_are_ordered_one_to_one_and_symmetric() {
    let all = samples();
    for (i, (_, l)) in all.iter().enumerate() {
        for (_, r) in &all[i + 1..] {
            let a = align(&l.text, &r.text, &cfg());
            assert!(
                a.passages
                    .windows(2)
                    .all(|w| w[0].left.start <= w[1].left.start)
            );
            // Reused text is one to one; a sentence may state facts of several sentences of
            // the other report (or quote one statement twice), so only paraphrases and quotation
            // links may share a side (never with reused text).
            let reused: Vec<_> = a
                .passages
                .iter()
                .filter(|p| !matches!(p.kind, PassageKind::Paraphrase | PassageKind::Quote))
                .collect();
            let mut lefts: Vec<_> = reused.iter().map(|p| p.left).collect();
            let mut rights: Vec<_> = reused.iter().map(|p| p.right).collect();
            lefts.sort();
            rights.sort();
            assert!(lefts.windows(2).all(|w| w[0].end <= w[1].start));
            assert!(rights.windows(2).all(|w| w[0].end <= w[1].start));
            for p in a
                .passages
                .iter()
                .filter(|p| matches!(p.kind, PassageKind::Paraphrase | PassageKind::Quote))
            {
                let apart = |x: &[juxta::analysis::Span], s: juxta::analysis::Span| {
                    x.iter().all(|o| o.end <= s.start || s.end <= o.start)
                };
                assert!(apart(&lefts, p.left) || apart(&rights, p.right), "{p:?}");
            }
            assert!((0.0..=1.0).contains(&a.similarity));
            for p in &a.passages {
                for c in &p.left_changed {
                    assert!(p.left.start <= c.start && c.end <= p.left.end);
                }
                for c in &p.right_changed {
                    assert!(p.right.start <= c.start && c.end <= p.right.end);
                }
                assert_eq!(
                    p.kind == PassageKind::Exact,
                    p.left_changed.is_empty() && p.right_changed.is_empty()
                );
            }
            let b = align(&r.text, &l.text, &cfg());
            assert!(
                (a.similarity - b.similarity).abs() < 0.05,
                "{} vs {}",
                a.similarity,
                b.similarity
            );
            assert_eq!(a, align(&l.text, &r.text, &cfg()), "deterministic");
        }
    }
}

#[test]
fn the_corpus_index_knows_where_passages_reappear() {
    let all = samples();
    let texts: Vec<&str> = all.iter().map(|(_, a)| a.text.as_str()).collect();
    let index = CorpusIndex::build(&texts, &cfg());
    let wire = all.iter().position(|(n, _)| n == "01-wire.txt").unwrap();
    let news = all
        .iter()
        .position(|(n, _)| n == "02-newspaper.md")
        .unwrap();
    let chess = all
        .iter()
        .position(|(n, _)| n == "05-unrelated.json#0")
        .unwrap();
    let spans = index.shared_spans(wire);
    let quote = spans
        .iter()
        .find(|s| {
            s.span
                .slice(&all[wire].1.text)
                .contains("Two men went to work")
        })
        .expect("the union quote is shared");
    assert!(quote.others.contains(&news), "{quote:?}");
    assert!(!quote.others.contains(&wire));
    for s in &spans {
        let t = s.span.slice(&all[wire].1.text);
        assert!(!t.contains("The session lasted 90 minutes"), "{t}");
    }
    assert!(index.shared_spans(chess).is_empty());
    assert_eq!(index.originality(chess), 1.0);
    let o = index.originality(wire);
    assert!(o > 0.2 && o < 0.9, "{o}");
}

#[test]
fn the_default_config_ships_as_the_example() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let default = std::fs::read_to_string(root.join("assets/default-config.toml")).unwrap();
    let example = std::fs::read_to_string(root.join("config.example.toml")).unwrap();
    assert_eq!(
        default, example,
        "cp assets/default-config.toml config.example.toml"
    );
}

#[test]
fn swapping_the_articles_mirrors_every_passage() {
    let all = samples();
    for (i, (ln, l)) in all.iter().enumerate() {
        for (rn, r) in &all[i + 1..] {
            let ab = align(&l.text, &r.text, &cfg());
            let ba = align(&r.text, &l.text, &cfg());
            let mut x: Vec<_> = ab.passages.iter().map(|p| (p.left, p.right)).collect();
            let mut y: Vec<_> = ba.passages.iter().map(|p| (p.right, p.left)).collect();
            x.sort();
            y.sort();
            assert_eq!(x, y, "{ln} vs {rn}");
            assert_eq!(ab.similarity, ba.similarity, "{ln} vs {rn}");
        }
    }
}

/// The changed words of a long edited passage are the words that changed, whatever the
/// machine's speed: the word diff used to stop at a 50 ms deadline and mark coarser stretches
/// when it ran out of time (a loaded machine, a debug build), so the same pair could be
/// highlighted differently from one run to the next.
#[test]
fn a_long_edited_passage_marks_exactly_its_changed_words_on_any_machine() {
    // Invented letter-only words, all different, so every replaced word is its own change.
    let word = |i: usize| {
        let mut w = String::from("ve");
        let mut n = i;
        loop {
            w.push((b'a' + (n % 26) as u8) as char);
            n /= 26;
            if n == 0 {
                break w;
            }
        }
    };
    let (mut left, mut right, mut changed) = (String::new(), String::new(), Vec::new());
    for i in 0..60000 {
        let sep = if i % 12 == 11 { ". " } else { " " };
        left.push_str(&word(i));
        if i % 6 == 5 {
            let start = right.len();
            right.push_str(&format!("zo{}", word(i)));
            changed.push(start..right.len());
        } else {
            right.push_str(&word(i));
        }
        left.push_str(sep);
        right.push_str(sep);
    }
    let a = align(&left, &right, &cfg());
    assert_eq!(a.passages.len(), 1, "one edited passage");
    let p = &a.passages[0];
    assert_eq!(p.kind, PassageKind::Near);
    let marked: Vec<_> = p.right_changed.iter().map(|s| s.start..s.end).collect();
    assert_eq!(marked.len(), changed.len());
    assert!(marked == changed, "the marked words are the replaced ones");
}
