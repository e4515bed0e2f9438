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
    /// Extra names for actors: display name → other names it goes by.
    pub aliases: std::collections::BTreeMap<String, Vec<String>>,
    /// The terminal UI.
    pub tui: TuiConfig,
    /// Key bindings of the terminal UI: key name → action.
    pub keys: std::collections::BTreeMap<crate::tui::keymap::Key, crate::tui::action::Action>,
    /// Colours of the terminal UI.
    pub theme: crate::tui::theme::Themes,
}

/// `[tui]`: the terminal UI.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TuiConfig {
    /// Which palette of `[theme]` to use.
    pub theme: ThemeName,
    /// Whether juxta takes the mouse (wheel scrolling, clicks); off leaves text selection to the terminal.
    pub mouse: bool,
    /// What the sidebar shows first.
    pub sidebar: crate::tui::app::SidebarMode,
    /// Width of the sidebar in columns (it is hidden on terminals narrower than 80 columns until asked for).
    pub sidebar_width: u16,
    /// Rows scrolled per mouse-wheel step.
    pub wheel_lines: usize,
    /// Folder where `e` writes exported comparisons.
    pub export_dir: PathBuf,
}

/// The palettes of `[theme]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// For dark terminal backgrounds.
    Dark,
    /// For light terminal backgrounds.
    Light,
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
    /// The file could not be read.
    #[error(
        "cannot read the config file {path} ({source}); check the path given by --config or JUXTA_CONFIG"
    )]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not valid TOML, or has an unknown key or a value of the wrong type.
    #[error("the config file {path} has an error at line {line}{}: {message}; fix the file (config.example.toml lists every key with its default)", key.as_ref().map(|k| format!(", key `{k}`")).unwrap_or_default())]
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
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Config::default())
            }
            Err(source) => Err(ConfigError::Read { path, source }),
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
        serde_path_to_error::deserialize(toml::Value::Table(merged)).map_err(|e| {
            let key = e.path().to_string();
            let message = e.inner().message().trim().to_string();
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line: line_of_key(text, &key),
                key: Some(key),
                message,
            }
        })
    }

    /// Import options from the config.
    pub fn import_options(&self) -> crate::import::ImportOptions {
        crate::import::ImportOptions {
            max_bytes: self.import.max_file_size_mb.saturating_mul(1024 * 1024),
            tab_width: self.import.tab_width,
            overrides: Default::default(),
        }
    }
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

/// The 1-based line where a dotted key (`import.tab_width`) is set in a TOML text: under its
/// `[table]` header, or written out in full. Line 1 when it cannot be found.
fn line_of_key(text: &str, dotted: &str) -> usize {
    let mut table = String::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.split(']').next()) {
            table = header
                .trim()
                .trim_start_matches('[')
                .replace(['"', ' '], "");
            continue;
        }
        let Some((key, _)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().replace(['"', ' '], "");
        let full = if table.is_empty() {
            key
        } else {
            format!("{table}.{key}")
        };
        if full == dotted
            || dotted.starts_with(&format!("{full}."))
            || dotted.starts_with(&format!("{full}["))
        {
            return n + 1;
        }
    }
    1
}
