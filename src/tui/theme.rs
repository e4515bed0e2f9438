//! Colours and text attributes. The config names styles in words ("bold black on magenta");
//! with `NO_COLOR` every highlight keeps a distinct attribute (bold, underline, reverse…).

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// A style written as words: attributes, a foreground colour, `on` and a background colour.
/// `"bold green"`, `"black on yellow"`, `"reverse"`, `"default"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StyleSpec(pub Style);

/// A style description the config cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadStyle(pub String);

impl fmt::Display for BadStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a style (write attributes and colours, e.g. \"bold green\" or \"black on yellow\"; colours are the 16 ANSI names such as red, lightblue, darkgray, or #rrggbb)",
            self.0
        )
    }
}

impl FromStr for StyleSpec {
    type Err = BadStyle;

    fn from_str(s: &str) -> Result<StyleSpec, BadStyle> {
        let bad = || BadStyle(s.to_string());
        let mut style = Style::default();
        let mut words = s.split_whitespace().peekable();
        let mut background = false;
        while let Some(word) = words.next() {
            let lower = word.to_ascii_lowercase();
            let modifier = match lower.as_str() {
                "default" | "plain" => Some(Modifier::empty()),
                "bold" => Some(Modifier::BOLD),
                "dim" => Some(Modifier::DIM),
                "italic" => Some(Modifier::ITALIC),
                "underline" | "underlined" => Some(Modifier::UNDERLINED),
                "reverse" | "reversed" => Some(Modifier::REVERSED),
                "crossed" | "strikethrough" => Some(Modifier::CROSSED_OUT),
                _ => None,
            };
            if let Some(m) = modifier {
                style = style.add_modifier(m);
                continue;
            }
            if lower == "on" {
                background = true;
                if words.peek().is_none() {
                    return Err(bad());
                }
                continue;
            }
            let color = Color::from_str(word).map_err(|_| bad())?;
            style = if background {
                style.bg(color)
            } else {
                style.fg(color)
            };
            background = false;
        }
        Ok(StyleSpec(style))
    }
}

impl<'de> Deserialize<'de> for StyleSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<StyleSpec, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|e: BadStyle| serde::de::Error::custom(e))
    }
}

/// `[theme.dark]` / `[theme.light]` in the config: one style per element.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSpec {
    /// Passages both articles carry word for word.
    pub exact: StyleSpec,
    /// Passages with small edits.
    pub near: StyleSpec,
    /// The edited words inside a near passage or paraphrase.
    pub changed: StyleSpec,
    /// Paraphrased sentences.
    pub paraphrase: StyleSpec,
    /// The current passage (and its counterpart).
    pub current: StyleSpec,
    /// Mentions of the selected person.
    pub mention: StyleSpec,
    /// Search hits.
    pub search: StyleSpec,
    /// The sentence of the selected timeline event.
    pub event: StyleSpec,
    /// A figure or date the other article reports differently.
    pub differ: StyleSpec,
    /// Border and title of the focused panel.
    pub focus: StyleSpec,
    /// Secondary text: borders of other panels, counts, hints.
    pub muted: StyleSpec,
    /// The selected row of a list.
    pub selection: StyleSpec,
}

/// `[theme]`: both palettes; `tui.theme` picks one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Themes {
    /// For dark terminal backgrounds.
    pub dark: ThemeSpec,
    /// For light terminal backgrounds.
    pub light: ThemeSpec,
}

/// The styles the UI draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// See [`ThemeSpec`].
    pub exact: Style,
    /// See [`ThemeSpec`].
    pub near: Style,
    /// See [`ThemeSpec`].
    pub changed: Style,
    /// See [`ThemeSpec`].
    pub paraphrase: Style,
    /// Sentences linked by a shared quotation: the paraphrase style, in italics (a kind of
    /// its own, read like a paraphrase).
    pub quote: Style,
    /// See [`ThemeSpec`].
    pub current: Style,
    /// See [`ThemeSpec`].
    pub mention: Style,
    /// See [`ThemeSpec`].
    pub search: Style,
    /// See [`ThemeSpec`].
    pub event: Style,
    /// See [`ThemeSpec`].
    pub differ: Style,
    /// See [`ThemeSpec`].
    pub focus: Style,
    /// See [`ThemeSpec`].
    pub muted: Style,
    /// See [`ThemeSpec`].
    pub selection: Style,
}

impl Theme {
    /// The theme from a palette, or the attribute-only theme when colour is off.
    pub fn new(spec: &ThemeSpec, color: bool) -> Theme {
        if !color {
            return Theme::no_color();
        }
        Theme {
            exact: spec.exact.0,
            near: spec.near.0,
            changed: spec.changed.0,
            paraphrase: spec.paraphrase.0,
            quote: spec.paraphrase.0.add_modifier(Modifier::ITALIC),
            current: spec.current.0,
            mention: spec.mention.0,
            search: spec.search.0,
            event: spec.event.0,
            differ: spec.differ.0,
            focus: spec.focus.0,
            muted: spec.muted.0,
            selection: spec.selection.0,
        }
    }

    /// Highlights by attribute alone, each kind distinct, for `NO_COLOR`.
    pub fn no_color() -> Theme {
        let m = |m: Modifier| Style::default().add_modifier(m);
        Theme {
            exact: m(Modifier::BOLD),
            near: m(Modifier::UNDERLINED),
            changed: m(Modifier::BOLD | Modifier::UNDERLINED),
            paraphrase: m(Modifier::ITALIC),
            quote: m(Modifier::ITALIC | Modifier::DIM),
            current: m(Modifier::REVERSED),
            mention: m(Modifier::REVERSED | Modifier::BOLD),
            search: m(Modifier::REVERSED),
            event: m(Modifier::UNDERLINED),
            differ: m(Modifier::BOLD | Modifier::UNDERLINED | Modifier::ITALIC),
            focus: m(Modifier::BOLD),
            muted: Style::default(),
            selection: m(Modifier::REVERSED),
        }
    }
}

/// Whether colour is wanted: `NO_COLOR` set to anything non-empty turns it off (no-color.org).
pub fn color_enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_style_words() {
        let s: StyleSpec = "bold black on magenta".parse().unwrap();
        assert_eq!(
            s.0,
            Style::default()
                .fg(Color::Black)
                .bg(Color::Magenta)
                .add_modifier(Modifier::BOLD)
        );
        let s: StyleSpec = "on lightyellow".parse().unwrap();
        assert_eq!(s.0, Style::default().bg(Color::LightYellow));
        assert!("bold on".parse::<StyleSpec>().is_err());
        assert!("sparkly".parse::<StyleSpec>().is_err());
    }
}
