//! Configuration: the embedded defaults, a user's file merged over them key by key, where the
//! file is looked for, and errors that name the file, the line and the key.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;
use juxta::config::{Config, ConfigError, DEFAULT_CONFIG};
use std::path::Path;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml(text, Path::new("my.toml"))
}

fn error(text: &str) -> String {
    parse(text).expect_err("the config is refused").to_string()
}

const REPO: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_example_and_the_embedded_defaults_are_the_same_file() {
    let example = std::fs::read_to_string(Path::new(REPO).join("config.example.toml")).unwrap();
    let asset =
        std::fs::read_to_string(Path::new(REPO).join("assets/default-config.toml")).unwrap();
    assert_eq!(example, asset);
    assert_eq!(DEFAULT_CONFIG, asset);
}

#[test]
fn each_layers_own_defaults_are_the_documented_ones() {
    let config = Config::default();
    assert_eq!(
        config.compare,
        juxta::analysis::overlap::OverlapConfig::default()
    );
    assert_eq!(config.export, juxta::export::ExportOptions::default());
    assert_eq!(config.dates, juxta::analysis::dates::DateOptions::default());
}

#[test]
fn the_defaults_parse_and_are_the_default_config() {
    let parsed = Config::from_toml(DEFAULT_CONFIG, Path::new("config.example.toml")).unwrap();
    assert_eq!(parsed, Config::default());
    assert_eq!(parse("").unwrap(), Config::default());
    let d = Config::default();
    assert_eq!(d.import.max_file_size_mb, 20);
    assert_eq!(d.import.tab_width, 4);
    assert_eq!(d.compare.min_words, 5);
    assert!(d.aliases.is_empty());
    let opts = d.import_options();
    assert_eq!(opts.max_bytes, 20 * 1024 * 1024);
    // The TUI's own defaults are the documented ones.
    assert_eq!(d.tui_options(), juxta::tui::config::TuiOptions::default());
}

#[test]
fn a_full_file_sets_every_key() {
    let c = parse(
        "[import]\nmax_file_size_mb = 3\ntab_width = 8\n\n[compare]\nmin_words = 7\n\n\
         [aliases]\n\"Inês Valadares-Pinto\" = [\"the commissioner\", \"Ms. Valadares\"]\n",
    )
    .unwrap();
    assert_eq!(c.import.max_file_size_mb, 3);
    assert_eq!(c.import.tab_width, 8);
    assert_eq!(c.compare.min_words, 7);
    assert_eq!(
        c.aliases["Inês Valadares-Pinto"],
        ["the commissioner", "Ms. Valadares"]
    );
    assert_eq!(c.import_options().max_bytes, 3 * 1024 * 1024);
}

#[test]
fn a_partial_file_keeps_the_defaults_for_everything_else() {
    let c = parse("[import]\ntab_width = 2\n").unwrap();
    assert_eq!(c.import.tab_width, 2);
    assert_eq!(c.import.max_file_size_mb, 20);
    assert_eq!(c.compare, Config::default().compare);
    let c = parse("compare.min_words = 9\n").unwrap();
    assert_eq!(c.compare.min_words, 9);
    assert_eq!(c.import, Config::default().import);
}

#[test]
fn invalid_toml_names_the_file_and_line() {
    assert_eq!(
        error("[import]\ntab_width = \n"),
        "the config file my.toml has an error at line 2: string values must be quoted, expected \
         literal string; fix the file (config.example.toml lists every key with its default)"
    );
    assert_eq!(
        error("# comment\n\n[import\n"),
        "the config file my.toml has an error at line 3: unclosed table, expected `]`; fix the \
         file (config.example.toml lists every key with its default)"
    );
}

#[test]
fn an_unknown_key_names_the_file_line_and_key() {
    assert_eq!(
        error("[import]\nmax_file_size_mb = 1\ntab_widht = 3\n"),
        "the config file my.toml has an error at line 3, key `import.tab_widht`: unknown field \
         `tab_widht`, expected `max_file_size_mb` or `tab_width`; fix the file \
         (config.example.toml lists every key with its default)"
    );
    assert_eq!(
        error("# my settings\n\n[colours]\nbg = \"black\"\n"),
        "the config file my.toml has an error at line 3, key `colours`: unknown field \
         `colours`, expected one of `import`, `compare`, `export`, `dates`, `aliases`, `tui`, `keys`, `theme`; fix the file \
         (config.example.toml lists every key with its default)"
    );
    assert_eq!(
        error("[compare]\nmin_words = 5\n\nimport.colour = 1\n"),
        "the config file my.toml has an error at line 4, key `compare.import`: unknown field \
         `import`, expected one of `min_words`, `seed_words`, `min_quote_words`, `max_gap`, `paraphrase_threshold`; fix the file (config.example.toml lists every key \
         with its default)"
    );
}

#[test]
fn a_wrong_type_names_the_key_and_line() {
    assert_eq!(
        error("\n[import]\ntab_width = \"wide\"\n"),
        "the config file my.toml has an error at line 3, key `import.tab_width`: invalid type: \
         string \"wide\", expected a whole number; fix the file (config.example.toml lists \
         every key with its default)"
    );
    assert_eq!(
        error("[import]\nmax_file_size_mb = -5\n"),
        "the config file my.toml has an error at line 2, key `import.max_file_size_mb`: \
         invalid value: integer `-5`, expected a whole number; fix the file \
         (config.example.toml lists every key with its default)"
    );
    assert_eq!(
        error("[aliases]\n\"Ana Lima\" = [\"Lima\"]\n\"Rui Costa\" = \"Costa\"\n"),
        "the config file my.toml has an error at line 3, key `aliases.Rui Costa`: invalid \
         type: string \"Costa\", expected a list; fix the file (config.example.toml lists \
         every key with its default)"
    );
    assert_eq!(
        error("# top\nimport = 3\n"),
        "the config file my.toml has an error at line 2, key `import`: invalid type: integer \
         `3`, expected a table; fix the file (config.example.toml lists every key with its \
         default)"
    );
}

// ---------------------------------------------------------------------------------------------
// Where the config comes from, as the binary sees it

#[test]
fn a_missing_config_file_named_explicitly_is_an_error() {
    let s = Sandbox::new();
    let run = s.run(&["--config", "nowhere.toml", "list"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: the config file nowhere.toml does not exist; check the path given by --config \
         or JUXTA_CONFIG\n"
    );
    std::fs::create_dir(s.path("folder.toml")).unwrap();
    let run = s.run(&["--config", "folder.toml", "list"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: cannot read the config file folder.toml (it is a folder); check the path given \
         by --config or JUXTA_CONFIG\n"
    );
    let mut cmd = s.command();
    cmd.env("JUXTA_CONFIG", "gone.toml").arg("list");
    let run = s.run_cmd(&mut cmd);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: the config file gone.toml does not exist; check the path given by --config or \
         JUXTA_CONFIG\n"
    );
}

#[test]
fn a_bad_config_stops_the_command_with_one_line() {
    let s = Sandbox::new();
    s.write("bad.toml", "[import]\nmax_file_size = 3\n");
    s.write("a.txt", "Article.");
    let run = s.run(&["--config", "bad.toml", "add", "a.txt"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: the config file bad.toml has an error at line 2, key `import.max_file_size`: \
         unknown field `max_file_size`, expected `max_file_size_mb` or `tab_width`; fix the \
         file (config.example.toml lists every key with its default)\n"
    );
    assert!(!s.store().exists(), "nothing was imported");
}

/// A file over 1 MB shows which config is in force: with `max_file_size_mb = 1` it is refused.
fn big_file_refused(s: &Sandbox, cmd: &mut std::process::Command) -> bool {
    s.write("big.txt", "Big file text. ".repeat(80_000));
    let run = s.run_cmd(cmd.args(["add", "big.txt"]));
    if run.code == 0 {
        s.run(&["rm", "big"]).success();
        false
    } else {
        assert!(
            run.stderr.contains("over the import limit of 1 MB"),
            "{}",
            run.stderr
        );
        true
    }
}

#[test]
fn config_comes_from_the_flag_the_environment_or_the_platform_folder() {
    let s = Sandbox::new();
    s.write("small.toml", "[import]\nmax_file_size_mb = 1\n");
    s.write("roomy.toml", "[import]\nmax_file_size_mb = 5\n");
    // Nothing configured: the defaults.
    assert!(!big_file_refused(&s, &mut s.command()));
    // JUXTA_CONFIG.
    let mut cmd = s.command();
    cmd.env("JUXTA_CONFIG", "small.toml");
    assert!(big_file_refused(&s, &mut cmd));
    // --config wins over JUXTA_CONFIG, before or after the subcommand.
    let mut cmd = s.command();
    cmd.env("JUXTA_CONFIG", "small.toml")
        .args(["--config", "roomy.toml"]);
    assert!(!big_file_refused(&s, &mut cmd));
    let mut cmd = s.command();
    cmd.env("JUXTA_CONFIG", "roomy.toml");
    s.write("big.txt", "Big file text. ".repeat(80_000));
    let run = s.run_cmd(cmd.args(["add", "big.txt", "--config", "small.toml"]));
    run.failure();
    // The platform config folder (XDG_CONFIG_HOME on Linux) when nothing is named.
    if cfg!(target_os = "linux") {
        s.write(
            "home/.config/juxta/config.toml",
            "[import]\nmax_file_size_mb = 1\n",
        );
        assert!(big_file_refused(&s, &mut s.command()));
        // An empty JUXTA_CONFIG counts as unset.
        let mut cmd = s.command();
        cmd.env("JUXTA_CONFIG", "");
        assert!(big_file_refused(&s, &mut cmd));
        // A broken file there is reported like any other.
        s.write("home/.config/juxta/config.toml", "[import]\nbogus = 1\n");
        let run = s.run(&["list"]);
        run.failure();
        assert!(
            run.stderr
                .contains("juxta/config.toml has an error at line 2, key `import.bogus`"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn the_export_section_sets_the_width_of_the_text_export() {
    let s = Sandbox::new();
    let story = "The harbour board voted on Monday to close the old quay for repairs that \
                 will take most of the summer, the board's chair told reporters afterwards.";
    s.write("a.txt", story);
    s.write(
        "b.txt",
        format!("{story} Ferries will use the north pier meanwhile."),
    );
    s.write("narrow.toml", "[export]\ntext_width = 64\n");
    let widest = |run: &harness::Run| {
        run.stdout
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    let default = s.run(&["compare", "a.txt", "b.txt", "--color", "never"]);
    let narrow = s.run(&[
        "--config",
        "narrow.toml",
        "compare",
        "a.txt",
        "b.txt",
        "--color",
        "never",
    ]);
    assert!(widest(default.success()) > 64, "{}", default.stdout);
    assert!(widest(narrow.success()) <= 64, "{}", narrow.stdout);
    // The key's old place is refused, saying where it went.
    assert_eq!(
        error("[compare]\ntext_width = 80\n"),
        "the config file my.toml has an error at line 2, key `compare.text_width`: \
         `compare.text_width` has moved to `export.text_width`; fix the file \
         (config.example.toml lists every key with its default)"
    );
}

/// The diff's time limit made one pair's highlighting depend on the machine's load; a config
/// that still sets it is told the key is gone, not that it is unknown.
#[test]
fn the_retired_diff_time_limit_is_refused_saying_why() {
    assert_eq!(
        error("[compare]\nmin_words = 5\ndiff_timeout_ms = 50\n"),
        "the config file my.toml has an error at line 3, key `compare.diff_timeout_ms`: \
         `compare.diff_timeout_ms` is no longer used (the word diff bounds its own work, alike \
         on every machine); fix the file (config.example.toml lists every key with its default)"
    );
}

#[test]
fn errors_in_the_tui_sections_name_the_file_line_and_key() {
    for (text, line, key) in [
        (
            "[tui]\nmouse = true\nsidebar = \"people\"\n",
            3,
            "tui.sidebar",
        ),
        ("[keys]\nx = \"quit\"\ny = \"char\"\n", 3, "keys.y"),
        ("[keys]\nbackspace = \"delete-char\"\n", 2, "keys.backspace"),
        (
            "\n[theme.dark]\nexact = \"blinking\"\n",
            3,
            "theme.dark.exact",
        ),
    ] {
        let e = error(text);
        let start = format!("the config file my.toml has an error at line {line}, key `{key}`: ");
        assert!(e.starts_with(&start), "{e}");
    }
}

#[test]
fn every_number_has_a_range_and_a_value_outside_it_names_the_key_and_the_range() {
    assert_eq!(
        error("[compare]\n\nparaphrase_threshold = 7\n"),
        "the config file my.toml has an error at line 3, key `compare.paraphrase_threshold`: \
         7 is out of range: give a number from 0 to 1; fix the file (config.example.toml \
         lists every key with its default)"
    );
    assert!(
        error("[compare]\nparaphrase_threshold = -1.0\n")
            .contains("line 2, key `compare.paraphrase_threshold`: -1.0 is out of range")
    );
    assert!(error("[export]\ntext_width = 5\n").contains(
        "line 2, key `export.text_width`: 5 is out of range: give a number from 30 to 1000"
    ));
    // Every number of the defaults has a range, and the defaults lie inside theirs.
    let defaults: toml::Table = DEFAULT_CONFIG.parse().unwrap();
    for (section, table) in &defaults {
        for (key, value) in table.as_table().unwrap() {
            if !matches!(value, toml::Value::Integer(_) | toml::Value::Float(_)) {
                continue;
            }
            let range = juxta::config::RANGES
                .iter()
                .find(|r| (r.0, r.1) == (section.as_str(), key.as_str()));
            assert!(range.is_some(), "{section}.{key} has a range");
            let (.., min, max) = range.unwrap();
            // Just outside each end is refused, naming the key.
            for bad in [min - 1.0, max + 1.0] {
                let text = format!("[{section}]\n{key} = {bad}\n");
                let text = if value.is_integer() {
                    format!("[{section}]\n{key} = {}\n", bad as i64)
                } else {
                    text
                };
                if bad < 0.0 && value.is_integer() && *min == 0.0 {
                    continue; // a negative whole number is a type error, named as such
                }
                let message = error(&text);
                assert!(
                    message.contains(&format!("key `{section}.{key}`")),
                    "{text}: {message}"
                );
            }
        }
    }
}

#[test]
fn a_too_narrow_text_width_in_the_config_names_the_key_not_a_flag() {
    let s = Sandbox::new();
    s.write("a.txt", "One text here.");
    s.write("narrow.toml", "[export]\ntext_width = 5\n");
    let run = s.run(&["--config", "narrow.toml", "compare", "a.txt", "a.txt"]);
    run.failure();
    assert!(
        run.stderr.contains("key `export.text_width`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--width"), "{}", run.stderr);
}
