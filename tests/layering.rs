//! The layers import one way (see ARCHITECTURE.md): read the sources, collect which top-level
//! modules each file names through `crate::…` paths, and fail on an upward import or a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read the source folder") {
            let path = entry.expect("read a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without its comments (doc links name modules without importing them).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read a source file");
    text.lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string (a URL) is rare in this code base; a line that starts a
            // comment is what matters.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a text names after `prefix` (`crate::` or `super::`), with braces expanded one
/// level: `crate::{a, b::c}` gives `a` and `b::c`.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            out.extend(
                group[..end]
                    .split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty()),
            );
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            out.push(rest[..end].trim_end_matches(':').to_string());
        }
    }
    out
}

/// The top-level module a file belongs to: `src/tui/app/mod.rs` → `tui`, `src/config.rs` →
/// `config`.
fn top_module(path: &Path) -> String {
    let rel = path.strip_prefix(SRC).expect("a file under src");
    let first = rel.components().next().expect("a path under src");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// Top-level module → the other top-level modules its files name.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(Path::new(SRC)) {
        let from = top_module(&file);
        if from == "main" || from == "lib" {
            continue;
        }
        let targets = graph.entry(from.clone()).or_default();
        for path in paths_after(&code(&file), "crate::") {
            let to = path.split("::").next().unwrap_or("").to_string();
            if !to.is_empty() && to != from && !to.starts_with(char::is_uppercase) {
                targets.insert(to);
            }
        }
    }
    graph
}

/// The files under `dir` (relative to src) whose code names a path starting with one of
/// `forbidden` (after `crate::`), with the offending path.
fn offenders(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(SRC).join(dir);
    let files = if root.is_dir() {
        rust_files(&root)
    } else {
        vec![root.with_extension("rs")]
    };
    let mut out = Vec::new();
    for file in files {
        for path in paths_after(&code(&file), "crate::") {
            if forbidden
                .iter()
                .any(|f| path == *f || path.starts_with(&format!("{f}::")))
            {
                out.push(format!("{} uses crate::{path}", file.display()));
            }
        }
    }
    out
}

/// A cycle in the graph, if there is one, as the list of modules around it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_path_reader_sees_grouped_and_plain_imports_but_not_comments() {
    let text = "use crate::{analysis::Span, text};\nlet x = crate::store::Store::open(p);\n// crate::tui in a comment\nfn f(a: my_crate::cli::X) {}";
    let file = std::env::temp_dir().join(format!("juxta-layering-{}.rs", std::process::id()));
    std::fs::write(&file, text).unwrap();
    let found = paths_after(&code(&file), "crate::");
    std::fs::remove_file(&file).unwrap();
    assert_eq!(found, ["analysis::Span", "text", "store::Store::open"]);
}

#[test]
fn the_layers_below_the_front_ends_never_use_them() {
    let mut bad = Vec::new();
    for layer in [
        "analysis", "article", "atomic", "export", "import", "service", "store", "text",
    ] {
        bad.extend(offenders(layer, &["cli", "tui"]));
    }
    assert!(bad.is_empty(), "upward imports:\n{}", bad.join("\n"));
}

#[test]
fn the_terminal_ui_never_uses_the_command_line() {
    let bad = offenders("tui", &["cli"]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_command_line_never_uses_the_terminal_ui() {
    let bad = offenders("cli", &["tui"]);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn nothing_prints_outside_the_front_ends() {
    let mut bad = Vec::new();
    for file in rust_files(Path::new(SRC)) {
        let top = top_module(&file);
        if ["cli", "tui", "main"].contains(&top.as_str()) {
            continue;
        }
        let code = code(&file);
        for what in [
            "println!",
            "eprintln!",
            "print!(",
            "eprint!(",
            "std::io::stdout",
            "std::io::stderr",
        ] {
            if code.contains(what) {
                bad.push(format!("{} uses {what}", file.display()));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_ui_state_never_uses_the_drawing() {
    let mut bad = offenders("tui/app", &["tui::ui"]);
    for file in rust_files(&Path::new(SRC).join("tui/app")) {
        let depth_prefix = if file.ends_with("mod.rs") {
            "super::"
        } else {
            "super::super::"
        };
        for path in paths_after(&code(&file), depth_prefix) {
            if path == "ui" || path.starts_with("ui::") {
                bad.push(format!("{} uses {depth_prefix}{path}", file.display()));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_layers_below_the_front_ends_form_no_cycle() {
    let mut graph = module_graph();
    // The front ends and the config that composes their options sit on top; below them the
    // imports must all point one way.
    for top in ["cli", "tui", "config"] {
        graph.remove(top);
    }
    for targets in graph.values_mut() {
        targets.retain(|t| !["cli", "tui", "config"].contains(&t.as_str()));
    }
    assert_eq!(find_cycle(&graph), None, "graph: {graph:#?}");
}

#[test]
fn the_top_level_modules_form_no_cycle() {
    let graph = module_graph();
    assert_eq!(find_cycle(&graph), None, "graph: {graph:#?}");
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
