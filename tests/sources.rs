//! Real sources from files, as a user imports them: saved web pages, news-please JSON, JSON
//! Lines, CSV, RSS and Atom feeds; authors kept as metadata; one clear line per bad source
//! while the others are still imported.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;
use serde_json::Value;

/// A saved news page (the same file in every test that needs one).
const PAGE: &str = include_str!("data/sources/page.html");

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn a_saved_page_becomes_its_article_with_the_page_metadata() {
    let s = Sandbox::new();
    s.write("ferry.html", PAGE);
    let run = s.run(&["add", "ferry.html"]);
    run.success();
    assert_eq!(
        run.stdout,
        "added ferry  “Ferry operator fined over crew rest breaches”  (83 words, from ferry.html)\n"
    );
    let a = s.article("ferry");
    assert_eq!(a["title"], "Ferry operator fined over crew rest breaches");
    assert_eq!(strs(&a["authors"]), ["Agnes Tormey", "Luis Ferreira Paz"]);
    assert_eq!(a["date"], "2025-02-11");
    assert_eq!(a["source"], "Northshore Gazette");
    assert_eq!(
        a["url"],
        "https://northshore.example/news/2025/02/11/ferry-fine"
    );
    let text = a["text"].as_str().unwrap();
    assert!(text.starts_with("The maritime regulator fined"), "{text}");
    assert!(text.ends_with("fourteen additional deckhands."), "{text}");
    assert_eq!(text.matches("\n\n").count(), 2, "three paragraphs: {text}");
    for noise in [
        "Photograph",
        "Share on",
        "Sign up",
        "Related",
        "Shocking",
        "Home",
        "By Agnes",
        "©",
    ] {
        assert!(!text.contains(noise), "{noise:?} left in {text}");
    }
    // Authors are listed as metadata, in list --json and show.
    let row = &s.list()[0];
    assert_eq!(strs(&row["authors"]), ["Agnes Tormey", "Luis Ferreira Paz"]);
    let show = s.run(&["show", "ferry"]);
    assert!(
        show.stdout
            .contains("\nAuthors:  Agnes Tormey, Luis Ferreira Paz\n"),
        "{}",
        show.stdout
    );
}

#[test]
fn a_page_in_a_legacy_charset_is_decoded() {
    let s = Sandbox::new();
    let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\u{e9} owners win appeal</title></head><body><div><p>The owners of the Caf\u{e9} Mir\u{f3} on the quay won their appeal on Monday, the court said in a ruling that runs to forty pages and ends a dispute over the terrace.</p><p>\u{201c}We are relieved,\u{201d} said the owner, Ren\u{e9}e Aubrac. She said the terrace would reopen in April once the council had inspected it again.</p></div></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(html);
    s.write("cafe.htm", &bytes[..]);
    s.run(&["add", "cafe.htm"]).success();
    let a = s.article("cafe");
    assert_eq!(a["title"], "Café owners win appeal");
    let text = a["text"].as_str().unwrap();
    assert!(
        text.starts_with("The owners of the Café Miró on the quay"),
        "{text}"
    );
    assert!(
        text.contains("“We are relieved,” said the owner, Renée Aubrac."),
        "{text}"
    );
}

#[test]
fn a_page_saved_with_a_txt_name_is_still_read_as_a_page() {
    let s = Sandbox::new();
    s.write("ferry.txt", PAGE);
    s.run(&["add", "ferry.txt"]).success();
    assert_eq!(
        s.article("ferry")["title"],
        "Ferry operator fined over crew rest breaches"
    );
}

#[test]
fn a_page_without_article_text_is_one_clear_line_and_the_others_still_import() {
    let s = Sandbox::new();
    s.write("a-empty.html", "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
    s.write("b-ferry.html", PAGE);
    let run = s.run(&["add", "a-empty.html", "b-ferry.html"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: a-empty.html is a web page with no article text in it; save the article's own page\n"
    );
    assert_eq!(s.ids(), ["b-ferry"]);
}

fn news_please(text: Option<&str>, title: &str, authors: &[&str]) -> String {
    serde_json::json!({
        "authors": authors,
        "date_download": "2024-06-02T10:11:12",
        "date_modify": null,
        "date_publish": "2024-06-01T18:20:32",
        "description": "A short description that is not the article.",
        "filename": "x.json",
        "image_url": "https://img.example/x.jpg",
        "language": "en",
        "localpath": null,
        "source_domain": "www.rivertown.example",
        "maintext": text,
        "title": title,
        "title_page": null,
        "title_rss": null,
        "url": "https://www.rivertown.example/2024/06/01/bridge"
    })
    .to_string()
}

#[test]
fn news_please_files_keep_title_date_source_url_and_authors() {
    let s = Sandbox::new();
    s.write(
        "np/a.json",
        news_please(
            Some("The old swing bridge will close for repairs in July, the county said on Saturday.\n\nDetours will add ten minutes to the trip."),
            "Swing bridge to close for summer repairs",
            &["Nadia Quist", "Owen Marr"],
        ),
    );
    // A file news-please wrote without text: one line, and the others still import.
    s.write("np/b.json", news_please(None, "Untitled", &[]));
    let run = s.run(&["add", "np"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: np/b.json is an object that has an empty \"text\"; a JSON article is an object with a \"text\" string (and optional title, date, source, url), or an array of them\n"
    );
    let a = s.article("a");
    assert_eq!(a["title"], "Swing bridge to close for summer repairs");
    assert_eq!(a["date"], "2024-06-01");
    assert_eq!(a["source"], "www.rivertown.example");
    assert_eq!(a["url"], "https://www.rivertown.example/2024/06/01/bridge");
    assert_eq!(strs(&a["authors"]), ["Nadia Quist", "Owen Marr"]);
    assert_eq!(
        a["text"],
        "The old swing bridge will close for repairs in July, the county said on Saturday.\n\nDetours will add ten minutes to the trip."
    );
}

#[test]
fn a_news_please_text_field_works_like_maintext() {
    let s = Sandbox::new();
    let json = news_please(None, "Harvest festival returns", &["Ilse Bram"]).replace(
        "\"maintext\":null",
        "\"text\":\"The harvest festival returns to the square this weekend after a year away.\"",
    );
    s.write("fest.json", json);
    s.run(&["add", "fest.json"]).success();
    let a = s.article("fest");
    assert_eq!(a["title"], "Harvest festival returns");
    assert_eq!(strs(&a["authors"]), ["Ilse Bram"]);
}

#[test]
fn json_lines_import_one_article_per_line_and_name_a_bad_line() {
    let s = Sandbox::new();
    s.write(
        "feed.jsonl",
        "{\"title\":\"Rail line reopens\",\"text\":\"The coastal rail line reopened on Monday.\",\"date\":\"2025-04-07\",\"authors\":[\"Petra Lind\"],\"source\":\"Coast Post\",\"url\":\"https://coast.example/rail\"}\n\n{\"title\":\"Pier repairs begin\",\"maintext\":\"Repairs to the north pier began on Tuesday.\",\"date_publish\":\"2025-04-08 09:00:00\",\"author\":\"Jon Abel and Mia Lo\"}\n",
    );
    s.write("bad.jsonl", "{\"text\":\"Fine line.\"}\n{\"text\": oops}\n");
    let run = s.run(&["add", "feed.jsonl", "bad.jsonl"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: bad.jsonl line 2 is not valid JSON (expected value); each line of a .jsonl file is one article object\n"
    );
    let list = s.list();
    assert_eq!(list.len(), 2, "nothing of bad.jsonl is stored");
    assert_eq!(list[0]["title"], "Rail line reopens");
    assert_eq!(strs(&list[0]["authors"]), ["Petra Lind"]);
    assert_eq!(list[0]["source"], "Coast Post");
    assert_eq!(list[1]["date"], "2025-04-08");
    assert_eq!(strs(&list[1]["authors"]), ["Jon Abel", "Mia Lo"]);
}

#[test]
fn csv_columns_come_from_the_header_or_from_columns() {
    let s = Sandbox::new();
    s.write(
        "stories.csv",
        "headline,body,published,writer\n\"Tide gauge fixed\",\"The broken tide gauge at the harbour mouth was repaired on Friday, \"\"at last\"\", said pilots.\",2025-05-02,Rosa Vey\nLibrary hours extended,The central library will open until nine on weekdays.,2025-05-03,\n",
    );
    let run = s.run(&[
        "add",
        "--columns",
        "text=body,title=headline,date=published,authors=writer",
        "stories.csv",
    ]);
    run.success();
    let list = s.list();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["title"], "Tide gauge fixed");
    assert_eq!(list[0]["date"], "2025-05-02");
    assert_eq!(strs(&list[0]["authors"]), ["Rosa Vey"]);
    let id = list[0]["id"].as_str().unwrap();
    assert_eq!(
        s.text(id),
        "The broken tide gauge at the harbour mouth was repaired on Friday, \"at last\", said pilots."
    );
    assert_eq!(list[1]["authors"], serde_json::json!([]));

    // Without --columns, usual header names are understood; an unknown layout is one line.
    let s = Sandbox::new();
    s.write(
        "plain.csv",
        "title,text,date\nDam inspected,Engineers inspected the dam on Sunday.,2025-06-01\n",
    );
    s.write("odd.csv", "a,b\n1,2\n");
    let run = s.run(&["add", "plain.csv", "odd.csv"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: odd.csv has no text column (its columns are a, b); name it with --columns text=COLUMN\n"
    );
    assert_eq!(s.list()[0]["title"], "Dam inspected");
}

#[test]
fn a_bad_columns_map_is_refused_before_anything_is_imported() {
    let s = Sandbox::new();
    s.write("x.csv", "body\nSome text here.\n");
    let run = s.run(&["add", "--columns", "words=body", "x.csv"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: --columns names the field \"words\", which juxta does not know; use text, title, date, source, url or authors; nothing was imported\n"
    );
    let run = s.run(&["add", "--columns", "text=missing", "x.csv"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: x.csv has no column \"missing\" (named by --columns text=missing); its columns are body\n"
    );
    assert!(!s.store().join("articles").exists());
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Wire</title><link>https://valley.example/</link><description>News</description>
<item><title>Orchard frost damage smaller than feared</title><link>https://valley.example/frost</link>
<pubDate>Tue, 08 Apr 2025 07:30:00 GMT</pubDate><author>desk@valley.example (Hanne Sol)</author>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Growers in the upper valley said on Monday that the late frost had damaged fewer blossoms than they feared.</p><p>Most orchards ran wind machines through the night.</p>]]></content:encoded></item>
<item><title>Ferry fares frozen</title><link>https://valley.example/fares</link><pubDate>Wed, 09 Apr 2025 10:00:00 GMT</pubDate>
<dc:creator>Tom Reyes</dc:creator><description>Ferry fares will stay at this year&#8217;s level until March.</description></item>
</channel></rss>"#;

#[test]
fn an_rss_feed_gives_one_article_per_item_with_its_metadata() {
    let s = Sandbox::new();
    s.write("valley.rss", RSS);
    let run = s.run(&["add", "valley.rss"]);
    run.success();
    let list = s.list();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["title"], "Orchard frost damage smaller than feared");
    assert_eq!(list[0]["date"], "2025-04-08");
    assert_eq!(list[0]["source"], "Valley Wire");
    assert_eq!(list[0]["url"], "https://valley.example/frost");
    assert_eq!(strs(&list[0]["authors"]), ["Hanne Sol"]);
    assert_eq!(
        s.text(list[0]["id"].as_str().unwrap()),
        "Growers in the upper valley said on Monday that the late frost had damaged fewer blossoms than they feared.\n\nMost orchards ran wind machines through the night."
    );
    // An item with only a summary keeps the summary (entities decoded).
    assert_eq!(strs(&list[1]["authors"]), ["Tom Reyes"]);
    assert_eq!(
        s.text(list[1]["id"].as_str().unwrap()),
        "Ferry fares will stay at this year’s level until March."
    );
}

#[test]
fn an_atom_feed_is_read_too_and_a_broken_feed_is_one_line() {
    let s = Sandbox::new();
    s.write(
        "desk.atom",
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Desk</title><id>urn:x</id><updated>2025-03-01T00:00:00Z</updated>
<entry><title>Crane contract signed</title><id>urn:1</id><link href="https://harbour.example/crane"/>
<published>2025-03-01T12:00:00Z</published><updated>2025-03-02T12:00:00Z</updated><author><name>Vera Holm</name></author>
<content type="html">&lt;p&gt;The port signed a contract for two new cranes on Saturday.&lt;/p&gt;</content></entry></feed>"#,
    );
    s.write("broken.rss", "<rss><channel><item><title>x</title>");
    let run = s.run(&["add", "desk.atom", "broken.rss"]);
    run.failure();
    let line = run.stderr_lines();
    assert_eq!(line.len(), 1, "{}", run.stderr);
    assert!(
        line[0].starts_with("juxta: broken.rss is not a readable RSS or Atom feed ("),
        "{}",
        run.stderr
    );
    let list = s.list();
    assert_eq!(list[0]["title"], "Crane contract signed");
    assert_eq!(list[0]["date"], "2025-03-01");
    assert_eq!(strs(&list[0]["authors"]), ["Vera Holm"]);
    assert_eq!(list[0]["source"], "Harbour Desk");
}

#[test]
fn a_byline_line_is_an_author_never_the_title() {
    let s = Sandbox::new();
    s.write(
        "story.txt",
        "By Samir Haddad and Lena Vogt\n\nCouncil approves new cycle lanes\n\nThe council approved four new cycle lanes on Wednesday after a year of consultation.\n",
    );
    s.run(&["add", "story.txt"]).success();
    let a = s.article("story");
    assert_eq!(a["title"], "Council approves new cycle lanes");
    assert_eq!(strs(&a["authors"]), ["Samir Haddad", "Lena Vogt"]);
    assert_eq!(
        a["text"],
        "The council approved four new cycle lanes on Wednesday after a year of consultation."
    );
}

#[test]
fn front_matter_authors_are_kept() {
    let s = Sandbox::new();
    s.write(
        "fm.md",
        "---\ntitle: Lighthouse sold\nauthors: Ada Brun, Piet Kool\n---\nThe lighthouse was sold at auction on Friday.\n",
    );
    s.run(&["add", "fm.md"]).success();
    assert_eq!(strs(&s.article("fm")["authors"]), ["Ada Brun", "Piet Kool"]);
}

#[test]
fn exports_name_the_authors_with_the_outlet() {
    let s = Sandbox::new();
    s.write("ferry.html", PAGE);
    s.write(
        "other.md",
        "---\ntitle: Ferry firm fined\nsource: Island Radio\nauthors: Bo Lund\n---\nThe maritime regulator fined the Northshore ferry operator 180,000 on Tuesday after inspectors found that deck crews had worked shifts of up to nineteen hours without the legal rest breaks.\n",
    );
    s.run(&["add", "ferry.html", "other.md"]).success();
    let text = s.run(&["compare", "ferry", "other", "--format", "text"]);
    text.success();
    assert!(
        text.stdout
            .contains("Northshore Gazette (by Agnes Tormey, Luis Ferreira Paz), 2025-02-11"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("Island Radio (by Bo Lund)"),
        "{}",
        text.stdout
    );
    let json = s.run(&["compare", "ferry", "other", "--format", "json"]);
    let doc: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(strs(&doc["right"]["authors"]), ["Bo Lund"]);
    let md = s.run(&["compare", "ferry", "other", "--format", "markdown"]);
    assert!(
        md.stdout.contains("Island Radio (by Bo Lund)"),
        "{}",
        md.stdout
    );
    let html = s.run(&["compare", "ferry", "other", "--format", "html"]);
    assert!(
        html.stdout.contains("Island Radio (by Bo Lund)"),
        "{}",
        html.stdout
    );
}

#[test]
fn empty_feeds_rows_and_lines_are_one_clear_line_each() {
    let s = Sandbox::new();
    s.write(
        "empty.rss",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quiet</title><link>https://q.example/</link><description>d</description></channel></rss>",
    );
    s.write("gap.csv", "title,text\nOne,First text.\nTwo,\n");
    s.write("notext.jsonl", "{\"title\":\"No body\"}\n");
    s.write("good.txt", "A short story that imports fine.");
    let run = s.run(&["add", "empty.rss", "gap.csv", "notext.jsonl", "good.txt"]);
    run.failure();
    assert_eq!(
        run.stderr_lines(),
        [
            "juxta: empty.rss is a feed with no items; there is no article to import",
            "juxta: gap.csv has an empty text in row 3; remove the row or fill it",
            "juxta: notext.jsonl has a line (number 1) that has no \"text\"; a JSON article is an object with a \"text\" string (and optional title, date, source, url), or an array of them",
        ]
    );
    assert_eq!(s.ids(), ["good"]);
}
