//! Pages and feeds fetched over HTTP from a server on 127.0.0.1 that the test starts: saved
//! pages, a redirect, a 404, a slow answer, a huge body, a wrong charset, gzip, a feed whose
//! items only carry summaries, an image. No outside network.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;
use juxta::import::{ImportErrorKind, ImportOptions};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A saved news page (the same file in every test that needs one).
const PAGE: &str = include_str!("data/sources/page.html");

const ITEM_PAGE: &str = "<html><head><title>Quarry to close - Valley Wire</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Quarry to close</h1><p>The limestone quarry above the village will close at the end of the year, its owners said on Thursday, after forty years of blasting.</p><p>Thirty workers will be offered jobs at the company's other sites, the owners said, and the pit will be flooded to make a lake.</p></article></body></html>";

/// A tiny HTTP/1.1 server: one thread per connection, one answer per connection.
struct Server {
    port: u16,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let hits = Arc::new(AtomicUsize::new(0));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let hits = hits.clone();
                std::thread::spawn(move || serve(stream, port, &hits));
            }
        });
        Server { port }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn serve(mut stream: TcpStream, port: u16, hits: &AtomicUsize) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        headers.push(line.to_ascii_lowercase());
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let respond = |stream: &mut TcpStream, status: &str, extra: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    let html = "Content-Type: text/html; charset=utf-8\r\n";
    match path.as_str() {
        "/ferry" => respond(&mut stream, "200 OK", html, PAGE.as_bytes()),
        "/ua" => {
            let ua = headers
                .iter()
                .find_map(|h| h.strip_prefix("user-agent: "))
                .unwrap_or("none")
                .trim()
                .to_string();
            let body = format!(
                "<html><body><article><p>The request came from the agent called {ua} and this paragraph is long enough to be the article of the page.</p></article></body></html>"
            );
            respond(&mut stream, "200 OK", html, body.as_bytes())
        }
        "/moved" => respond(
            &mut stream,
            "301 Moved Permanently",
            &format!("Location: http://127.0.0.1:{port}/ferry\r\n"),
            b"",
        ),
        "/missing" => respond(&mut stream, "404 Not Found", html, b"<h1>Not here</h1>"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            respond(&mut stream, "200 OK", html, PAGE.as_bytes())
        }
        "/huge" => {
            let body = format!(
                "<html><body><p>{}</p></body></html>",
                "word ".repeat(20_000)
            );
            respond(&mut stream, "200 OK", html, body.as_bytes())
        }
        "/latin" => {
            // Labelled UTF-8 by the server, written in Windows-1252 by the page.
            let text = "<html><body><article><p>The Caf\u{e9} Mir\u{f3} terrace reopens on Friday after the council inspected it again, the owner Ren\u{e9}e Aubrac said in a statement to customers.</p></article></body></html>";
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
            respond(&mut stream, "200 OK", html, &bytes)
        }
        "/gzip" => {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(PAGE.as_bytes()).unwrap();
            let body = enc.finish().unwrap();
            respond(
                &mut stream,
                "200 OK",
                &format!("{html}Content-Encoding: gzip\r\n"),
                &body,
            )
        }
        "/changing" => {
            // The same article with other furniture each time: recognised by its address.
            let n = hits.fetch_add(1, Ordering::SeqCst);
            let body = PAGE
                .replace(
                    "<footer>",
                    &format!("<p>Visitor number {n} today.</p><footer>"),
                )
                .replace(
                    "https://northshore.example/news/2025/02/11/ferry-fine",
                    "https://northshore.example/news/2025/02/11/ferry-fine?utm_source=feed",
                );
            respond(&mut stream, "200 OK", html, body.as_bytes())
        }
        "/feed" => {
            let feed = format!(
                r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Wire</title><link>http://127.0.0.1:{port}/</link><description>d</description>
<item><title>Quarry to close</title><link>http://127.0.0.1:{port}/item</link><pubDate>Thu, 10 Apr 2025 08:00:00 GMT</pubDate><description>The quarry will close.</description></item>
</channel></rss>"#
            );
            respond(
                &mut stream,
                "200 OK",
                "Content-Type: application/rss+xml\r\n",
                feed.as_bytes(),
            )
        }
        "/item" => respond(&mut stream, "200 OK", html, ITEM_PAGE.as_bytes()),
        "/photo" => respond(
            &mut stream,
            "200 OK",
            "Content-Type: image/png\r\n",
            b"\x89PNG\r\n\x1a\n....",
        ),
        _ => respond(&mut stream, "404 Not Found", html, b""),
    }
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn a_url_is_fetched_and_stored_with_its_page_metadata() {
    let server = Server::start();
    let s = Sandbox::new();
    let url = server.url("/ferry");
    let run = s.run(&["add", &url]);
    run.success();
    assert_eq!(
        run.stdout,
        format!(
            "added ferry  “Ferry operator fined over crew rest breaches”  (83 words, from {url})\n"
        )
    );
    let a = s.article("ferry");
    assert_eq!(
        a["url"],
        "https://northshore.example/news/2025/02/11/ferry-fine"
    );
    assert_eq!(a["source"], "Northshore Gazette");
    assert_eq!(strs(&a["authors"]), ["Agnes Tormey", "Luis Ferreira Paz"]);
}

#[test]
fn bad_urls_are_one_line_each_and_the_good_ones_still_import() {
    let server = Server::start();
    let s = Sandbox::new();
    // A port nobody listens on: bind one, note it, close it.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let missing = server.url("/missing");
    let photo = server.url("/photo");
    let refused = format!("http://127.0.0.1:{closed}/x");
    let good = server.url("/ferry");
    let run = s.run(&["add", &missing, &photo, &refused, &good]);
    run.failure();
    assert_eq!(
        run.stderr_lines(),
        [
            format!(
                "juxta: {missing} could not be fetched: the server answered 404 Not Found; check the address"
            ),
            format!(
                "juxta: {photo} is an image (image/png), not a web page, feed or text; juxta imports articles"
            ),
            format!(
                "juxta: {refused} could not be fetched (connection refused); check the address and the network"
            ),
        ]
    );
    assert_eq!(s.ids(), ["ferry"]);
    assert!(
        run.stdout
            .ends_with("1 added, 0 already in the store, 3 failed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn redirects_are_followed_and_gzip_is_decoded() {
    let server = Server::start();
    let s = Sandbox::new();
    s.run(&["add", &server.url("/moved")]).success();
    let a = s.article("ferry");
    assert!(
        a["text"]
            .as_str()
            .unwrap()
            .starts_with("The maritime regulator")
    );
    // The same page gzip-compressed is the same text: already stored.
    let run = s.run(&["add", &server.url("/gzip")]);
    run.success();
    assert_eq!(
        run.stdout,
        format!(
            "skipped {}: its text is already in the store as ferry\n",
            server.url("/gzip")
        )
    );
}

#[test]
fn the_same_article_is_recognised_by_its_canonical_url() {
    let server = Server::start();
    let s = Sandbox::new();
    let url = server.url("/changing");
    s.run(&["add", &url]).success();
    let run = s.run(&["add", &url]);
    run.success();
    assert_eq!(
        run.stdout,
        format!("skipped {url}: its address is already in the store as changing\n")
    );
    assert_eq!(s.ids().len(), 1);
}

#[test]
fn a_server_that_mislabels_its_charset_is_still_read() {
    let server = Server::start();
    let s = Sandbox::new();
    s.run(&["add", &server.url("/latin")]).success();
    let text = s.text("latin");
    assert!(text.starts_with("The Café Miró terrace reopens"), "{text}");
    assert!(text.contains("Renée Aubrac"), "{text}");
}

#[test]
fn the_user_agent_says_juxta() {
    let server = Server::start();
    let s = Sandbox::new();
    s.run(&["add", &server.url("/ua")]).success();
    assert!(
        s.text("ua").contains("the agent called juxta/"),
        "{}",
        s.text("ua")
    );
}

#[test]
fn a_feed_url_imports_its_items_and_fetch_links_gets_their_pages() {
    let server = Server::start();
    let s = Sandbox::new();
    s.run(&["add", &server.url("/feed")]).success();
    let list = s.list();
    assert_eq!(list[0]["title"], "Quarry to close");
    assert_eq!(list[0]["date"], "2025-04-10");
    assert_eq!(
        s.text(list[0]["id"].as_str().unwrap()),
        "The quarry will close."
    );

    let s = Sandbox::new();
    s.run(&["add", "--fetch-links", &server.url("/feed")])
        .success();
    let list = s.list();
    assert_eq!(list[0]["title"], "Quarry to close");
    assert_eq!(list[0]["source"], "Valley Wire");
    assert_eq!(list[0]["url"], server.url("/item"));
    assert_eq!(
        s.text(list[0]["id"].as_str().unwrap()),
        "The limestone quarry above the village will close at the end of the year, its owners said on Thursday, after forty years of blasting.\n\nThirty workers will be offered jobs at the company's other sites, the owners said, and the pit will be flooded to make a lake."
    );
}

#[test]
fn a_slow_server_times_out_and_a_huge_body_is_refused() {
    let server = Server::start();
    let mut opts = ImportOptions::default();
    opts.http.timeout = Duration::from_secs(1);
    let slow = server.url("/slow");
    let err = juxta::import::read_url(&slow, &opts).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::Timeout(1)), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("{slow} could not be fetched: no answer within 1 s; try again later")
    );

    let opts = ImportOptions {
        max_bytes: 10_000,
        ..Default::default()
    };
    let huge = server.url("/huge");
    let err = juxta::import::read_url(&huge, &opts).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{huge} is larger than the import limit of 9.8 KB, so it was not imported; raise import.max_file_size_mb in the config"
        )
    );
}

#[test]
fn only_web_addresses_are_fetched() {
    let opts = ImportOptions::default();
    let err = juxta::import::fetch::fetch("ftp://127.0.0.1/x", &opts.http, 100).unwrap_err();
    assert!(matches!(err, ImportErrorKind::BadUrl(_)));
}

#[test]
fn ctrl_c_stops_the_import_and_keeps_what_was_imported() {
    use std::io::Read;
    use std::process::Stdio;
    let server = Server::start();
    let s = Sandbox::new();
    let first = server.url("/ferry");
    let slow = server.url("/slow");
    let never = server.url("/item");
    let mut child = s
        .command()
        .args(["add", &first, &slow, &never])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with("added ferry "), "{line}");
    // The first article is stored and the slow page is being fetched: press Ctrl-C.
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let code = child.wait().unwrap().code();
    assert_eq!(code, Some(1), "{rest}{stderr}");
    assert_eq!(
        stderr,
        "juxta: interrupted; the articles listed were imported, the sources after them were not read\n"
    );
    // The source being read when Ctrl-C came is kept when its fetch finished (the slow page is
    // the same article, so it is recognised as stored) and dropped without a word when Ctrl-C
    // cut the fetch short; the next source is never read.
    let finished = format!(
        "skipped {slow}: its text is already in the store as ferry\n1 added, 1 already in the store, 0 failed\n"
    );
    let cut = "1 added, 0 already in the store, 0 failed\n";
    assert!(rest == finished || rest == cut, "{rest}");
    assert_eq!(s.ids(), ["ferry"]);
}
