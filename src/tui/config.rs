//! The terminal UI's options: the `[tui]`, `[keys]` and `[theme]` sections of the config file.
//! `crate::config` composes them with the other sections and reports errors (file, line, key);
//! the TUI itself only ever sees [`TuiOptions`].

use super::action::Action;
use super::keymap::Key;
pub use super::theme::Themes;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `[keys]`: key name → action (the defaults merged with the user's; `none` unbinds).
pub type KeyBindings = BTreeMap<Key, Action>;

/// Width of exported text when the caller names none (as `juxta compare` defaults to).
pub const DEFAULT_EXPORT_WIDTH: usize = 160;

/// The documented defaults; the TUI sections of them are its own defaults, so the two never
/// disagree.
const DEFAULTS: &str = include_str!("../../assets/default-config.toml");

/// `[tui]`: the terminal UI.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TuiConfig {
    /// Which palette of `[theme]` to use.
    pub theme: ThemeName,
    /// Whether juxta takes the mouse (wheel scrolling, clicks); off leaves text selection to the terminal.
    pub mouse: bool,
    /// What the sidebar shows first.
    pub sidebar: SidebarMode,
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

/// What the sidebar lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SidebarMode {
    /// People, by number of mentions.
    Actors,
    /// Dated events, by date.
    Timeline,
    /// Quotations, the most widely carried first.
    Quotes,
}

/// Everything the terminal UI is configured with.
#[derive(Debug, Clone, PartialEq)]
pub struct TuiOptions {
    /// `[tui]`.
    pub tui: TuiConfig,
    /// `[keys]`.
    pub keys: KeyBindings,
    /// `[theme]`.
    pub theme: Themes,
    /// Width of the text `e` exports.
    pub export_width: usize,
}

fn default_section<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let table: toml::Table = DEFAULTS
        .parse()
        .expect("the embedded default config is valid TOML (tested)");
    table
        .get(name)
        .cloned()
        .expect("the embedded default config has every TUI section (tested)")
        .try_into()
        .expect("the embedded default config is valid (tested)")
}

impl Default for TuiConfig {
    fn default() -> Self {
        default_section("tui")
    }
}

impl Default for Themes {
    fn default() -> Self {
        default_section("theme")
    }
}

impl Default for TuiOptions {
    fn default() -> Self {
        TuiOptions {
            tui: TuiConfig::default(),
            keys: default_section("keys"),
            theme: Themes::default(),
            export_width: DEFAULT_EXPORT_WIDTH,
        }
    }
}

impl TuiOptions {
    /// The palette `[tui] theme` names.
    pub fn palette(&self) -> &super::theme::ThemeSpec {
        match self.tui.theme {
            ThemeName::Dark => &self.theme.dark,
            ThemeName::Light => &self.theme.light,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_documented_ones() {
        let d = TuiOptions::default();
        assert_eq!(d.tui.theme, ThemeName::Dark);
        assert_eq!(d.tui.sidebar, SidebarMode::Actors);
        assert_eq!(d.tui.sidebar_width, 30);
        assert_eq!(d.keys[&"q".parse::<Key>().unwrap()], Action::Quit);
        assert_eq!(d.export_width, 160);
    }
}
