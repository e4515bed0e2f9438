//! The status bar: the search prompt, a message, or key hints for the focused panel; on the
//! right, what the comparison holds.

use super::super::action::Action;
use super::super::app::{App, Focus, SidebarMode};
use super::super::strings;
use crate::cli::{display_width, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the status bar.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let right = summary(app);
    let width = area.width as usize;
    let left_w = width.saturating_sub(display_width(&right) + 1);
    let left: Vec<Span> = if let Some(input) = &app.input {
        vec![
            Span::styled(strings::SEARCH_PROMPT, theme.focus),
            Span::raw(truncate(input, left_w.saturating_sub(2))),
            Span::styled("█", theme.focus),
        ]
    } else if let Some(msg) = &app.status {
        vec![Span::styled(
            truncate(msg, left_w),
            theme.focus.add_modifier(Modifier::BOLD),
        )]
    } else {
        vec![Span::styled(truncate(&hints(app), left_w), theme.muted)]
    };
    let used: usize = left.iter().map(|s| display_width(&s.content)).sum();
    let mut spans = left;
    spans.push(Span::raw(
        " ".repeat(width.saturating_sub(used + display_width(&right))),
    ));
    spans.push(Span::styled(right, theme.muted));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn summary(app: &App) -> String {
    let mut parts = Vec::new();
    if app.sync {
        parts.push("sync".to_string());
    }
    if let Some(cmp) = &app.comparison {
        let n = cmp.alignment.passages.len();
        parts.push(format!(
            "{n} {}",
            if n == 1 { "passage" } else { "passages" }
        ));
        parts.push(format!("similarity {:.2}", cmp.alignment.similarity));
    }
    parts.join(" · ")
}

fn hints(app: &App) -> String {
    let k = |a: Action| app.keymap.hint(a);
    let pair = |a: Action, b: Action| format!("{}/{}", k(a), k(b));
    let items: Vec<String> = match app.focus {
        Focus::Pane(_) => vec![
            format!("{} passage", pair(Action::NextPassage, Action::PrevPassage)),
            format!("{} sync", k(Action::ToggleSync)),
            format!("{} open", k(Action::Open)),
            format!("{} actors", k(Action::Actors)),
            format!("{} timeline", k(Action::Timeline)),
            format!("{} search", k(Action::Search)),
            format!("{} export", k(Action::Export)),
            format!("{} help", k(Action::Help)),
            format!("{} quit", k(Action::Quit)),
        ],
        Focus::Sidebar => match app.sidebar.mode {
            SidebarMode::Actors => vec![
                format!("{} select", k(Action::Select)),
                format!("{} mention", pair(Action::NextMatch, Action::PrevMatch)),
                format!("{} timeline", k(Action::Timeline)),
                format!("{} panes", k(Action::FocusNext)),
                format!("{} help", k(Action::Help)),
                format!("{} quit", k(Action::Quit)),
            ],
            SidebarMode::Timeline => vec![
                format!("{} go to event", k(Action::Select)),
                format!("{} actors", k(Action::Actors)),
                format!("{} panes", k(Action::FocusNext)),
                format!("{} help", k(Action::Help)),
                format!("{} quit", k(Action::Quit)),
            ],
        },
    };
    items
        .into_iter()
        .filter(|s| !s.starts_with(' ') && !s.starts_with('/'))
        .collect::<Vec<_>>()
        .join(" · ")
}
