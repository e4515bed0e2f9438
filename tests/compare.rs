//! `juxta compare` end to end: the binary on the sample articles, in every format.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unicode_width::UnicodeWidthStr;

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A private store and an empty config, so the user's own never interfere.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("config.toml"), "").expect("config");
        Env { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_juxta"))
            .args(args)
            .env("JUXTA_STORE", self.path().join("store"))
            .env("JUXTA_CONFIG", self.path().join("config.toml"))
            .env_remove("NO_COLOR")
            .output()
            .expect("run juxta")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "juxta {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    fn write(&self, name: &str, text: &str) -> String {
        let p = self.path().join(name);
        std::fs::write(&p, text).expect("write file");
        p.to_string_lossy().into_owned()
    }
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort();
    k
}

#[test]
fn json_has_the_documented_shape() {
    let env = Env::new();
    let out = env.ok(&[
        "compare",
        &sample("01-wire.txt"),
        &sample("02-newspaper.md"),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(
        keys(&doc),
        ["left", "passages", "quotations", "right", "similarity"]
    );
    assert_eq!(
        keys(&doc["left"]),
        [
            "authors", "date", "id", "source", "text", "title", "url", "words"
        ]
    );
    assert_eq!(doc["left"]["url"], serde_json::Value::Null);
    assert_eq!(
        keys(&doc["right"]),
        [
            "authors", "date", "id", "source", "text", "title", "url", "words"
        ]
    );
    assert_eq!(doc["left"]["date"], "2025-03-14");
    let sim = doc["similarity"].as_f64().expect("a number");
    assert!((0.0..=1.0).contains(&sim));
    let passages = doc["passages"].as_array().expect("an array");
    assert!(passages.len() >= 8, "{}", passages.len());
    let left_text = doc["left"]["text"].as_str().unwrap();
    let right_text = doc["right"]["text"].as_str().unwrap();
    let mut last_start = 0;
    let mut with_evidence = 0;
    for (i, p) in passages.iter().enumerate() {
        let mut expected = vec![
            "first_in",
            "kind",
            "left",
            "left_changed",
            "number",
            "right",
            "right_changed",
            "words",
        ];
        // Passages linked by the sentence (fact) layer say why: what their sides share.
        if let Some(ev) = p.get("evidence") {
            with_evidence += 1;
            expected.insert(0, "evidence");
            assert_eq!(keys(ev), ["items", "summary"]);
            assert!(!ev["summary"].as_str().unwrap().is_empty());
            for item in ev["items"].as_array().unwrap() {
                let span = |side: &str| {
                    (
                        item[side]["start"].as_u64().unwrap() as usize,
                        item[side]["end"].as_u64().unwrap() as usize,
                    )
                };
                let ((ls, le), (rs, re)) = (span("left"), span("right"));
                assert_eq!(item["left_text"], left_text[ls..le]);
                assert_eq!(item["right_text"], right_text[rs..re]);
                assert!(
                    ["figure", "actor", "word", "synonym", "quote"]
                        .contains(&item["kind"].as_str().unwrap())
                );
            }
        }
        assert_eq!(keys(p), expected);
        assert_eq!(p["number"], i + 1);
        assert_eq!(keys(&p["left"]), ["end", "start"]);
        assert!(["exact", "near", "paraphrase", "quote"].contains(&p["kind"].as_str().unwrap()));
        let (s, e) = (
            p["left"]["start"].as_u64().unwrap() as usize,
            p["left"]["end"].as_u64().unwrap() as usize,
        );
        assert!(s >= last_start, "sorted by left start");
        last_start = s;
        assert!(
            left_text.get(s..e).is_some(),
            "byte offsets on char boundaries"
        );
        let (s, e) = (
            p["right"]["start"].as_u64().unwrap() as usize,
            p["right"]["end"].as_u64().unwrap() as usize,
        );
        assert!(right_text.get(s..e).is_some());
        for c in p["left_changed"].as_array().unwrap() {
            assert_eq!(keys(c), ["end", "start"]);
        }
    }
    assert!(with_evidence >= 1, "no passage says what its sides share");
}

fn text_export(env: &Env, width: &str) -> String {
    env.ok(&[
        "compare",
        &sample("04-followup.txt"),
        &sample("06-wide.txt"),
        "--width",
        width,
    ])
}

#[test]
fn text_export_golden_at_two_widths() {
    let env = Env::new();
    insta::assert_snapshot!("text_width_80", text_export(&env, "80"));
    insta::assert_snapshot!("text_width_140", text_export(&env, "140"));
}

#[test]
fn text_columns_respect_display_width_with_cjk_and_emoji() {
    let env = Env::new();
    for width in [40usize, 60, 101] {
        let out = text_export(&env, &width.to_string());
        assert!(out.contains("森下陽斗"));
        let mut gutter = None;
        for line in out.lines() {
            assert!(line.width() <= width, "{line:?} is wider than {width}");
            // Column rows: the separator sits in the same display column on every row.
            if let Some(at) = line.find(" │ ") {
                let col = line[..at].width();
                assert_eq!(*gutter.get_or_insert(col), col, "{line:?}");
            }
        }
        assert!(gutter.is_some(), "two columns at width {width}");
    }
}

#[test]
fn text_export_reads_without_colour_and_colours_on_request() {
    let env = Env::new();
    let args = [
        "compare",
        &sample("01-wire.txt"),
        &sample("04-followup.txt"),
    ];
    let plain = env.ok(&args);
    assert!(!plain.contains('\x1b'), "piped output is never coloured");
    for needle in ["Similarity:", "Shared:", "Markers:", "LEFT", "RIGHT", "[1"] {
        assert!(plain.contains(needle), "missing {needle}");
    }
    assert!(plain.contains("Shared passages, numbered in left order"));
    let mut always = args.to_vec();
    always.extend(["--color", "always"]);
    let coloured = env.ok(&always);
    assert!(coloured.contains("\x1b[32m") || coloured.contains("\x1b[33m"));
    let mut never = args.to_vec();
    never.extend(["--color", "never"]);
    assert_eq!(env.ok(&never), plain);
}

#[test]
fn every_passage_number_appears_in_both_columns_and_in_the_list() {
    let env = Env::new();
    let out = env.ok(&[
        "compare",
        &sample("01-wire.txt"),
        &sample("02-newspaper.md"),
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let n = doc["passages"].as_array().unwrap().len();
    let text = env.ok(&[
        "compare",
        &sample("01-wire.txt"),
        &sample("02-newspaper.md"),
    ]);
    for i in 1..=n {
        let opens = ["=", "~", "≈", "“"]
            .iter()
            .map(|k| text.matches(&format!("[{i}{k} ")).count())
            .sum::<usize>();
        assert_eq!(opens, 2, "passage {i} opens once in each column");
        let listed = ["=", "~", "≈", "“"]
            .iter()
            .any(|k| text.contains(&format!("[{i}{k}] ")));
        assert!(listed, "passage {i} in the list");
    }
}

#[test]
fn output_file_is_whole_and_matches_standard_output() {
    let env = Env::new();
    let file = env.path().join("out").join("cmp.txt");
    std::fs::create_dir(file.parent().unwrap()).unwrap();
    let file_s = file.to_string_lossy().into_owned();
    let args = [
        "compare",
        &sample("01-wire.txt"),
        &sample("04-followup.txt"),
    ];
    let stdout = env.ok(&args);
    let mut to_file = args.to_vec();
    to_file.extend(["-o", &file_s, "--color", "auto"]);
    assert_eq!(env.ok(&to_file), "", "nothing on standard output");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
    // Writing again replaces the file; no temporary file is left behind.
    std::fs::write(&file, "old contents").unwrap();
    env.ok(&to_file);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
    let names: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["cmp.txt"]);
    // A folder that does not exist: a clear error, nothing written.
    let bad = env.path().join("missing").join("x.txt");
    let out = env.run(&[
        "compare",
        &sample("01-wire.txt"),
        &sample("04-followup.txt"),
        "-o",
        &bad.to_string_lossy(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write"), "{err}");
}

#[test]
fn markdown_and_html_show_the_same_comparison_safely() {
    let env = Env::new();
    let left = env.write(
        "left.txt",
        "date 2025-04-01\nHarbour board meets\n\nThe board said <script>alert(\"x\")</script> & \
         *stars* would not matter. The harbour board approved a new safety inspection regime \
         for every quay on Monday.\n",
    );
    let right = env.write(
        "right.txt",
        "date 2025-04-02\nQuay inspections ordered\n\nOn Monday the harbour board approved a new \
         safety inspection regime for every quay, officials said.\n",
    );
    let md = env.ok(&["compare", &left, &right, "--format", "markdown"]);
    assert!(md.starts_with("# Comparison: Harbour board meets / Quay inspections ordered"));
    assert!(md.contains("## Left: Harbour board meets"));
    assert!(md.contains("\\*stars\\*"), "{md}");
    assert!(md.contains("**\\[1"));
    assert!(
        md.contains("| 1 | near, first in left.txt, 2025-04-01 | 14 |"),
        "{md}"
    );
    let html = env.ok(&["compare", &left, &right, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>") && !html.contains("<link"));
    assert!(!html.contains("<script>alert"), "article text is escaped");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;"));
    assert!(html.contains("id=\"l1\"") && html.contains("href=\"#r1\""));
    assert!(html.contains("id=\"r1\"") && html.contains("href=\"#l1\""));
    assert!(html.contains("class=\"p near\""));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn one_word_articles_compare_quietly() {
    let env = Env::new();
    let one = env.write("one.txt", "Hello.\n");
    let doc: serde_json::Value = serde_json::from_str(&env.ok(&[
        "compare",
        &one,
        &sample("01-wire.txt"),
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(doc["passages"].as_array().unwrap().len(), 0);
    assert_eq!(doc["similarity"], 0.0);
    let text = env.ok(&["compare", &one, &one]);
    assert!(text.contains("1 passage (1 exact"), "{text}");
}

#[test]
fn compare_all_lists_what_appears_elsewhere() {
    let env = Env::new();
    env.ok(&["add", &sample("")]);
    let doc: serde_json::Value =
        serde_json::from_str(&env.ok(&["compare", "01-wire", "--all", "--format", "json"]))
            .unwrap();
    assert_eq!(doc["article"]["id"], "01-wire");
    assert_eq!(doc["compared_with"], 6, "the other stored articles");
    let o = doc["originality"].as_f64().unwrap();
    assert!(o > 0.0 && o < 1.0, "{o}");
    let spans = doc["spans"].as_array().unwrap();
    let quote = spans
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("Two men went to work"))
        .expect("the union quote appears elsewhere");
    let others: Vec<&str> = quote["others"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(others.contains(&"02-newspaper"), "{others:?}");
    assert!(!others.contains(&"01-wire"));
    let text = env.ok(&["compare", "01-wire", "--all"]);
    assert!(text.contains("of its words appear in no other article"));
    assert!(text.contains("also in"));
    // A file is checked against the whole store, less its own stored copy.
    let doc: serde_json::Value = serde_json::from_str(&env.ok(&[
        "compare",
        &sample("06-wide.txt"),
        "--all",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(doc["compared_with"], 6);
}

#[test]
fn mistakes_get_one_clear_sentence() {
    let env = Env::new();
    let out = env.run(&["compare", "no-such-file.txt", &sample("01-wire.txt")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-file.txt"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let out = env.run(&[
        "compare",
        &sample("01-wire.txt"),
        &sample("03-summary.txt"),
        "--width",
        "10",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--width"));
    let out = env.run(&[
        "compare",
        &sample("05-unrelated.json"),
        &sample("01-wire.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds 2 articles"));
}

/// Two undated files named together are both read "now"; the one named first counts as read
/// first, so it carried every passage they share first. Long files are read side by side: the
/// short right one, read long before the left one is, must not win the tie.
#[test]
fn long_undated_files_credit_the_left_one_first() {
    let env = Env::new();
    // Over the size at which the two files are read on two threads (256 KiB together), in
    // long words so that a debug build aligns the pair quickly.
    let letters = |mut n: usize| {
        let mut s = String::new();
        for _ in 0..4 {
            s.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        s
    };
    let lines: Vec<String> = (0..2600)
        .map(|n| {
            format!(
                "Harbourmasterdelegation{} approvedcranecontractextension{} \
                 northeasternpierrenovationproject{}.\n",
                letters(n),
                letters(n * 7 + 3),
                letters(n * 13 + 5)
            )
        })
        .collect();
    let (long, short) = (lines.concat(), lines[..100].concat());
    assert!(long.len() + short.len() > 256 * 1024);
    let left = env.write("quay-a.txt", &long);
    let right = env.write("quay-b.txt", &short);
    let doc: serde_json::Value =
        serde_json::from_str(&env.ok(&["compare", &left, &right, "--format", "json"]))
            .expect("JSON");
    let passages = doc["passages"].as_array().expect("passages");
    assert!(!passages.is_empty());
    for p in passages {
        assert_eq!(p["first_in"]["id"], "quay-a", "{p}");
    }
}
