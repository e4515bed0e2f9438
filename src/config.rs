//! Configuration: the embedded defaults (`assets/default-config.toml`) with the user's file
//! merged over them, key by key.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The defaults, documented; also shipped as `config.example.toml`.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/default-config.toml");

/// Everything a user can configure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// How files are read.
    pub import: ImportConfig,
    /// How shared passages are found.
    pub compare: crate::analysis::overlap::OverlapConfig,
    /// How exports are laid out.
    pub export: crate::export::ExportOptions,
    /// How dates are read.
    pub dates: crate::analysis::dates::DateOptions,
    /// Extra names for actors: display name → other names it goes by.
    pub aliases: std::collections::BTreeMap<String, Vec<String>>,
    /// The terminal UI.
    pub tui: crate::tui::config::TuiConfig,
    /// Key bindings of the terminal UI: key name → action.
    pub keys: crate::tui::config::KeyBindings,
    /// Colours of the terminal UI.
    pub theme: crate::tui::config::Themes,
}

/// `[import]`: how files are read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportConfig {
    /// Files larger than this many megabytes are refused.
    pub max_file_size_mb: u64,
    /// Tab stops for tab expansion.
    pub tab_width: usize,
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file named by --config or JUXTA_CONFIG does not exist.
    #[error(
        "the config file {} does not exist; check the path given by --config or JUXTA_CONFIG",
        path.display()
    )]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be read.
    // The reason is part of the sentence, not a `source`: printing the error chain would say it
    // twice.
    #[error(
        "cannot read the config file {} ({}); check the path given by --config or JUXTA_CONFIG",
        path.display(),
        crate::import::io_reason(error)
    )]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        error: std::io::Error,
    },
    /// The file is not valid TOML, or has an unknown key or a value of the wrong type.
    #[error("the config file {} has an error at line {line}{}: {message}; fix the file (config.example.toml lists every key with its default)", path.display(), key.as_ref().map(|k| format!(", key `{k}`")).unwrap_or_default())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// The key at fault, when known.
        key: Option<String>,
        /// What is wrong.
        message: String,
    },
}

impl Default for Config {
    fn default() -> Self {
        Config::from_toml(DEFAULT_CONFIG, Path::new("<built-in defaults>"))
            .expect("the embedded default config is valid (tested)")
    }
}

impl Config {
    /// Loads the config: `explicit` (from --config or JUXTA_CONFIG) must exist; otherwise the
    /// file in the platform config folder is used when there is one.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match default_config_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::from_toml(&text, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if required {
                    Err(ConfigError::Missing { path })
                } else {
                    Ok(Config::default())
                }
            }
            Err(error) => Err(ConfigError::Read { path, error }),
        }
    }

    /// Parses a user config (`path` is only used in error messages), merged over the defaults.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let user: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| invalid(path, text, &e))?;
        let mut merged: toml::Table = DEFAULT_CONFIG
            .parse()
            .expect("the embedded default config is valid TOML");
        merge(&mut merged, user);
        // Types first (their errors say what kind of value is expected), then ranges.
        let config: Config = serde_path_to_error::deserialize(toml::Value::Table(merged.clone()))
            .map_err(|e| {
            ConfigError::Invalid {
                path: path.to_path_buf(),
                // Every key in error came from the user's text (the defaults are valid).
                line: line_of_key(text, e.path()),
                key: Some(e.path().to_string()),
                message: moved_key(&e.path().to_string())
                    .unwrap_or_else(|| plain_words(e.inner().message().trim())),
            }
        })?;
        check_ranges(&merged, text, path)?;
        Ok(config)
    }

    /// The options of the layers the service drives.
    pub fn service_options(&self) -> crate::service::Options {
        crate::service::Options {
            import: self.import_options(),
            compare: self.compare.clone(),
            aliases: self.aliases.clone(),
            dates: self.dates,
        }
    }

    /// The terminal UI's options from the config.
    pub fn tui_options(&self) -> crate::tui::config::TuiOptions {
        crate::tui::config::TuiOptions {
            tui: self.tui.clone(),
            keys: self.keys.clone(),
            theme: self.theme.clone(),
            export_width: self.export.text_width,
        }
    }

    /// Import options from the config.
    pub fn import_options(&self) -> crate::import::ImportOptions {
        crate::import::ImportOptions {
            // Offsets into a text are kept in 32 bits (see analysis::overlap): cap just under 4 GB.
            max_bytes: self
                .import
                .max_file_size_mb
                .saturating_mul(1024 * 1024)
                .min(u32::MAX as u64),
            tab_width: self.import.tab_width,
            ..Default::default()
        }
    }
}

/// Every number a user can set, with the values it accepts: outside them an option would
/// silently do nothing useful (a paraphrase threshold of 7 finds no paraphrase, a text width of
/// 5 cannot hold two columns), so the file is refused instead, naming the key and the range.
pub const RANGES: &[(&str, &str, f64, f64)] = &[
    ("import", "max_file_size_mb", 1.0, 4095.0),
    ("import", "tab_width", 1.0, 16.0),
    ("compare", "min_words", 1.0, 1000.0),
    ("compare", "seed_words", 1.0, 50.0),
    ("compare", "min_quote_words", 1.0, 1000.0),
    ("compare", "max_gap", 0.0, 1000.0),
    ("compare", "paraphrase_threshold", 0.0, 1.0),
    // As narrow as `juxta compare --width` accepts: two columns of a dozen characters.
    ("export", "text_width", 30.0, 1000.0),
    ("tui", "sidebar_width", 16.0, 200.0),
    ("tui", "wheel_lines", 1.0, 100.0),
];

/// Refuses a number outside its range (see [`RANGES`]); values of the wrong type are left to
/// the deserializer, which names the type expected.
fn check_ranges(merged: &toml::Table, text: &str, path: &Path) -> Result<(), ConfigError> {
    for &(section, key, min, max) in RANGES {
        let value = merged.get(section).and_then(|t| t.get(key));
        let number = match value {
            Some(toml::Value::Integer(n)) => *n as f64,
            Some(toml::Value::Float(x)) => *x,
            _ => continue,
        };
        if !(min..=max).contains(&number) {
            let shown = value.map(ToString::to_string).unwrap_or_default();
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line: line_of_table_key(text, section, key),
                key: Some(format!("{section}.{key}")),
                message: format!("{shown} is out of range: give a number from {min} to {max}"),
            });
        }
    }
    Ok(())
}

/// The 1-based line where `section.key` is written in a TOML text (1 when it is not found).
fn line_of_table_key(text: &str, section: &str, key: &str) -> usize {
    use toml::de::{DeTable, DeValue};
    let Ok(doc) = DeTable::parse(text) else {
        return 1;
    };
    let found = doc
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == section)
        .and_then(|(_, v)| match v.get_ref() {
            DeValue::Table(table) => table
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == key)
                .map(|(k, _)| k.span()),
            _ => None,
        });
    found.map_or(1, |s| {
        text[..s.start.min(text.len())].matches('\n').count() + 1
    })
}

/// Where the user's config lives when no --config is given.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "juxta").map(|d| d.config_dir().join("config.toml"))
}

/// Where the store lives when no --store is given.
pub fn default_store_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "juxta").map(|d| d.data_dir().to_path_buf())
}

/// Merges `over` into `base`: tables key by key, anything else replaced.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn invalid(path: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
    let line = e.span().map_or(1, |s| {
        text[..s.start.min(text.len())].matches('\n').count() + 1
    });
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        key: None,
        message: e.message().trim().to_string(),
    }
}

/// The 1-based line where the key at `path` is written in a TOML text: under its `[table]`
/// header, as a dotted key, or quoted. Line 1 when it cannot be found.
fn line_of_key(text: &str, path: &serde_path_to_error::Path) -> usize {
    use serde_path_to_error::Segment;
    use toml::de::{DeTable, DeValue};
    let Ok(doc) = DeTable::parse(text) else {
        return 1;
    };
    let mut span = None;
    let mut value: Option<&DeValue<'_>> = None;
    for segment in path {
        let found = match (segment, value) {
            (Segment::Map { key }, None) => doc
                .get_ref()
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == key.as_str())
                .map(|(k, v)| (k.span(), v)),
            (Segment::Map { key }, Some(DeValue::Table(table))) => table
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == key.as_str())
                .map(|(k, v)| (k.span(), v)),
            (Segment::Seq { index }, Some(DeValue::Array(items))) => {
                items.get(*index).map(|item| (item.span(), item))
            }
            _ => None,
        };
        let Some((at, v)) = found else { break };
        span = Some(at);
        value = Some(v.get_ref());
    }
    span.map_or(1, |s| {
        text[..s.start.min(text.len())].matches('\n').count() + 1
    })
}

/// Keys an older juxta knew that moved or went away: a config written for it is told where the
/// key lives now, or why it is gone.
fn moved_key(path: &str) -> Option<String> {
    match path {
        "compare.text_width" => Some(format!("`{path}` has moved to `export.text_width`")),
        // A time limit made the highlighting of one pair depend on the machine's load.
        "compare.diff_timeout_ms" => Some(format!(
            "`{path}` is no longer used (the word diff bounds its own work, alike on every machine)"
        )),
        _ => None,
    }
}

/// serde's words for types ("usize", "struct ImportConfig", "a sequence") in the words of a
/// config file.
fn plain_words(message: &str) -> String {
    let mut out = message.to_string();
    for (rust, toml) in [
        ("expected usize", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected a table"),
    ] {
        out = out.replace(rust, toml);
    }
    if let Some(at) = out.find("expected struct ") {
        out.replace_range(at.., "expected a table");
    }
    out
}
