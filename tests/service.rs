//! The service layer: what both front ends call. It returns reports instead of printing them.

use juxta::analysis::Span;
use juxta::service::{self, Context, Failure, Imported, Options};
use juxta::store::Store;

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn importing_reports_each_article_and_each_failure() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    write(
        &src,
        "a.txt",
        "The harbour board met on Monday to discuss the quay.",
    );
    write(&src, "b.txt", "");
    let copy = write(
        dir.path(),
        "copy.txt",
        "The harbour board met on Monday to discuss the quay.",
    );
    let store = Store::open(dir.path().join("store")).unwrap();
    let opts = juxta::import::ImportOptions::default();

    let report = service::import_paths(&store, &[src.clone(), copy], &opts).unwrap();
    assert_eq!(report.files, 3);
    assert_eq!(report.ids(), ["a", "a"]);
    assert_eq!((report.added(), report.duplicates()), (1, 1));
    assert!(matches!(&report.articles[1], Imported::Duplicate { existing, .. } if existing == "a"));
    assert!(!report.ok());
    assert!(matches!(report.failures.as_slice(), [Failure::File(e)] if e.path.ends_with("b.txt")));

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let report = service::import_paths(&store, std::slice::from_ref(&empty), &opts).unwrap();
    assert_eq!(report.files, 0);
    assert_eq!(
        report.failures[0].to_string(),
        format!(
            "{} holds no articles juxta reads (.txt, .md, .json, .jsonl, .csv, .html, .rss, .atom); nothing to import from it",
            empty.display()
        )
    );
}

#[test]
fn search_finds_the_literal_text_in_any_case_and_nothing_for_blank_queries() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Rates rose (again) in March. rates fell later.",
    );
    let b = write(dir.path(), "b.txt", "Nothing about that here.");
    let ctx = Context::new(dir.path().join("store"), Options::default());
    let articles = ctx
        .load_articles(&[a.display().to_string(), b.display().to_string()])
        .unwrap();
    assert_eq!(
        service::search(&articles, " rates "),
        [(0, Span::new(0, 5)), (0, Span::new(29, 34))]
    );
    // Regex syntax is text to find, not a pattern.
    assert_eq!(
        service::search(&articles, "(again)"),
        [(0, Span::new(11, 18))]
    );
    assert!(service::search(&articles, "   ").is_empty());
}

#[test]
fn analysing_files_in_place_never_creates_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Mayor Ilse Brandt opened the bridge. Brandt said it was late.",
    );
    let ctx = Context::new(dir.path().join("store"), Options::default());
    let (articles, found) = ctx.analyse(&[a.display().to_string()]).unwrap();
    assert_eq!(articles.len(), 1);
    assert!(found.actors.iter().any(|x| x.name == "Ilse Brandt"));
    assert!(!dir.path().join("store").exists());
}

#[test]
fn an_import_reports_stored_articles_before_reading_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    // Files are read a few dozen ahead of the one being stored: the last of 150 is still
    // unread when the first batch is reported.
    let files: Vec<_> = (0..150)
        .map(|i| {
            write(
                dir.path(),
                &format!("a{i:03}.txt"),
                &format!("Article number {i} about the harbour and its {i} cranes."),
            )
        })
        .collect();
    let last = files[files.len() - 1].clone();
    let store = juxta::store::Store::open(dir.path().join("store")).unwrap();
    let mut seen = 0;
    let report = service::import_sources(&store, &files, &Default::default(), &mut |step| {
        if let service::Progress::Stored(_) = step {
            seen += 1;
            // The first stored articles are reported while later files are still unread:
            // removing the last one now makes its import fail, which shows the report came first
            // (a killed `juxta add > log` keeps the lines of what was stored).
            let _ = std::fs::remove_file(&last);
        }
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(seen, 149);
    assert_eq!(report.ids().len(), 149);
    assert_eq!(report.failures.len(), 1);
}

#[test]
fn an_import_interrupted_after_a_file_stores_that_file_and_none_read_ahead_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..120)
        .map(|i| {
            write(
                dir.path(),
                &format!("a{i:03}.txt"),
                &format!("Report {i} on the ferry timetable, with {i} crossings a week."),
            )
        })
        .collect();
    let store = juxta::store::Store::open(dir.path().join("store")).unwrap();
    let report = service::import_sources(
        &store,
        &files,
        &Default::default(),
        &mut |step| match step {
            service::Progress::Read { done: 70, .. } => std::ops::ControlFlow::Break(()),
            _ => std::ops::ControlFlow::Continue(()),
        },
    )
    .unwrap();
    assert!(report.interrupted);
    assert_eq!(report.ids().len(), 70);
    let stored: Vec<String> = store
        .list_meta()
        .unwrap()
        .into_iter()
        .map(|m| m.file_name)
        .collect();
    let expected: Vec<String> = (0..70).map(|i| format!("a{i:03}.txt")).collect();
    assert_eq!(stored, expected);
}
