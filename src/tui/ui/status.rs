//! The status bar: the search prompt, a message, or key hints for the focused panel; on the
//! right, what the comparison holds.

use super::super::action::Action;
use super::super::app::{App, Focus, Popup, SidebarMode};
use super::super::strings;
use super::pane::clean;
use crate::text::{display_width, truncate};
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
    let left: Vec<Span> = if let Some(Popup::Search(input)) = &app.popup {
        vec![
            Span::styled(strings::SEARCH_PROMPT, theme.focus),
            Span::raw(truncate(input, left_w.saturating_sub(2))),
            Span::styled("█", theme.focus),
        ]
    } else if let Some(msg) = &app.status {
        // On a passage whose figures differ, what differs comes first: the passage's number
        // is in the gutter already.
        match differ_note(app).filter(|_| app.pair.current_passage.is_some()) {
            Some(note) => vec![
                Span::styled(truncate(&clean(&note), left_w), theme.differ),
                Span::styled(
                    truncate(
                        &format!(" · {}", clean(msg)),
                        left_w.saturating_sub(display_width(&note)),
                    ),
                    theme.focus.add_modifier(Modifier::BOLD),
                ),
            ],
            None => vec![Span::styled(
                truncate(&clean(msg), left_w),
                theme.focus.add_modifier(Modifier::BOLD),
            )],
        }
    } else if let Some(note) = differ_note(app) {
        vec![Span::styled(truncate(&clean(&note), left_w), theme.differ)]
    } else {
        vec![Span::styled(fit_hints(&hints(app), left_w), theme.muted)]
    };
    let used: usize = left.iter().map(|s| display_width(&s.content)).sum();
    let mut spans = left;
    spans.push(Span::raw(
        " ".repeat(width.saturating_sub(used + display_width(&right))),
    ));
    spans.push(Span::styled(right, theme.muted));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// What differs at the current passage, or else in the visible rows of the focused pane (the
/// left one when the sidebar has focus): "differs (people killed): 12 here · 9 in Courier".
fn differ_note(app: &App) -> Option<String> {
    let cmp = app.pair.comparison.as_ref()?;
    if cmp.conflicts.is_empty() {
        return None;
    }
    let side = match app.focus {
        Focus::Pane(side) => side,
        _ => crate::analysis::Side::Left,
    };
    let here = side.index();
    let found = match app.pair.current_passage {
        Some(i) => cmp.conflicts.iter().find(|c| {
            c.touches(0, cmp.span(i, crate::analysis::Side::Left))
                || c.touches(1, cmp.span(i, crate::analysis::Side::Right))
        }),
        None => {
            let pane = &app.pair.panes[here];
            let height = app.areas().pane_text(side).height as usize;
            let rows = &pane.wrapped.rows;
            let first = rows.get(pane.top)?;
            let last = rows.get((pane.top + height).min(rows.len()).checked_sub(1)?)?;
            let visible = crate::analysis::Span::new(first.start, last.end);
            cmp.conflicts.iter().find(|c| c.touches(here, visible))
        }
    }?;
    let value = |article: usize| {
        found
            .values
            .iter()
            .find(|v| v.article == article)
            .map(|v| v.value.clone())
    };
    let other = 1 - here;
    let article = [cmp.left, cmp.right][other];
    let a = &app.corpus.articles[article];
    let source = if a.source.is_empty() {
        &a.id
    } else {
        &a.source
    };
    Some(strings::differs(
        &found.about,
        &value(here)?,
        &[(value(other)?, source.clone())],
    ))
}

fn summary(app: &App) -> String {
    let mut parts = Vec::new();
    if app.pair.sync {
        parts.push(strings::SUMMARY_SYNC.to_string());
    }
    if let Some(cmp) = &app.pair.comparison {
        let n = cmp.alignment.passages.len();
        parts.push(strings::summary_passages(n));
        parts.push(strings::summary_similarity(cmp.alignment.similarity));
    }
    parts.join(" · ")
}

/// As many whole hints as fit in `width` columns; the last two (help and quit) are dropped
/// last, so a narrow terminal still says how to get help and how to leave.
fn fit_hints(hints: &[String], width: usize) -> String {
    let join = |items: &[&String]| {
        items
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let split = hints.len().saturating_sub(2);
    let (optional, always) = hints.split_at(split);
    let mut chosen: Vec<&String> = always.iter().collect();
    for i in 0..optional.len() {
        let mut trial: Vec<&String> = optional[..=i].iter().collect();
        trial.extend(always);
        if display_width(&join(&trial)) > width {
            break;
        }
        chosen = trial;
    }
    let text = join(&chosen);
    if display_width(&text) > width {
        truncate(&text, width)
    } else {
        text
    }
}

fn hints(app: &App) -> Vec<String> {
    let one = |a: Action, label: &str| (app.keymap.hint(a), label.to_string());
    let two = |a: Action, b: Action, label: &str| {
        let (x, y) = (app.keymap.hint(a), app.keymap.hint(b));
        let keys = if x.is_empty() || y.is_empty() {
            format!("{x}{y}")
        } else {
            format!("{x}/{y}")
        };
        (keys, label.to_string())
    };
    let items = match app.focus {
        Focus::Pane(_) => vec![
            two(
                Action::NextPassage,
                Action::PrevPassage,
                strings::HINT_PASSAGE,
            ),
            one(Action::ToggleSync, strings::HINT_SYNC),
            one(Action::Open, strings::HINT_OPEN),
            one(Action::Actors, strings::HINT_ACTORS),
            one(Action::Timeline, strings::HINT_TIMELINE),
            one(Action::Search, strings::HINT_SEARCH),
            one(Action::Quotes, strings::HINT_QUOTES),
            one(Action::Export, strings::HINT_EXPORT),
            one(Action::Help, strings::HINT_HELP),
            one(Action::Quit, strings::HINT_QUIT),
        ],
        Focus::Sidebar => match app.sidebar.mode {
            SidebarMode::Actors => vec![
                one(Action::Select, strings::HINT_SELECT),
                two(Action::NextMatch, Action::PrevMatch, strings::HINT_MENTION),
                one(Action::Timeline, strings::HINT_TIMELINE),
                one(Action::Quotes, strings::HINT_QUOTES),
                one(Action::FocusNext, strings::HINT_PANES),
                one(Action::Help, strings::HINT_HELP),
                one(Action::Quit, strings::HINT_QUIT),
            ],
            SidebarMode::Quotes => vec![
                one(Action::Select, strings::HINT_OPEN_QUOTE),
                two(Action::NextMatch, Action::PrevMatch, strings::HINT_CARRIER),
                one(Action::Actors, strings::HINT_ACTORS),
                one(Action::FocusNext, strings::HINT_PANES),
                one(Action::Help, strings::HINT_HELP),
                one(Action::Quit, strings::HINT_QUIT),
            ],
            SidebarMode::Timeline => vec![
                one(Action::Select, strings::HINT_GO_TO_EVENT),
                one(Action::Quotes, strings::HINT_QUOTES),
                one(Action::Actors, strings::HINT_ACTORS),
                one(Action::FocusNext, strings::HINT_PANES),
                one(Action::Help, strings::HINT_HELP),
                one(Action::Quit, strings::HINT_QUIT),
            ],
        },
    };
    // An action the user unbound has no hint.
    items
        .into_iter()
        .filter(|(keys, _)| !keys.is_empty())
        .map(|(keys, label)| format!("{keys} {label}"))
        .collect()
}
