//! The sidebar: the actors of all loaded articles, grouped as people, organizations and places (with mention and article counts) or the
//! timeline of dated events (with their sources).

use super::super::app::{ActorEntry, App, Focus, SidebarMode};
use super::super::strings;
use super::pane::clean;
use crate::analysis::actors::ActorKind;
use crate::text::{display_width, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

/// Draws the sidebar into `rect`; `list` is the part below the tab header.
pub fn draw(app: &App, frame: &mut Frame, rect: Rect, list: Rect) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Sidebar;
    let border = if focused { theme.focus } else { theme.muted };
    frame.render_widget(
        Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(border),
        rect,
    );
    let tab = |name: &'static str, on: bool| {
        if on {
            Span::styled(name, theme.focus.add_modifier(Modifier::BOLD))
        } else {
            Span::styled(name, theme.muted)
        }
    };
    // The tabs in the widest form that fits: spaced separators, then tight ones, then the
    // tabs not shown cut to their first letter (the one shown always whole).
    let tabs = [
        (strings::TITLE_ACTORS, SidebarMode::Actors),
        (strings::TITLE_TIMELINE, SidebarMode::Timeline),
        (strings::TITLE_QUOTES, SidebarMode::Quotes),
    ];
    let room = rect.width.saturating_sub(3) as usize;
    let forms = [(" │ ", false), ("│", false), ("│", true)];
    let (sep, cut) = forms
        .iter()
        .copied()
        .find(|&(sep, cut)| {
            let names: usize = tabs
                .iter()
                .map(|&(name, mode)| {
                    if cut && mode != app.sidebar.mode {
                        1
                    } else {
                        display_width(name)
                    }
                })
                .sum();
            names + display_width(sep) * (tabs.len() - 1) <= room
        })
        .unwrap_or((" │ ", false));
    let mut spans = vec![Span::raw(" ")];
    for (k, &(name, mode)) in tabs.iter().enumerate() {
        if k > 0 {
            spans.push(Span::styled(sep, theme.muted));
        }
        let on = app.sidebar.mode == mode;
        let shown = if cut && !on { &name[..1] } else { name };
        spans.push(tab(shown, on));
    }
    let header = Line::from(spans);
    frame.render_widget(
        Paragraph::new(header),
        Rect::new(rect.x + 1, rect.y + 1, rect.width.saturating_sub(2), 1),
    );
    // What the marks of the list mean, in the longest wording that fits.
    let inner = rect.width.saturating_sub(2) as usize;
    let legends: &[&str] = match app.sidebar.mode {
        SidebarMode::Actors => &strings::ACTORS_LEGEND,
        SidebarMode::Timeline => &strings::TIMELINE_LEGEND,
        // An archive loaded without its texts has the quotations of the open pair only.
        SidebarMode::Quotes if app.ondemand.is_on_demand() => &strings::QUOTES_LEGEND_PAIR,
        SidebarMode::Quotes => &strings::QUOTES_LEGEND,
    };
    let legend = legends
        .iter()
        .find(|l| display_width(l) < inner)
        .copied()
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(" "),
            Span::styled(legend, theme.muted),
        ])),
        Rect::new(rect.x + 1, rect.y + 2, rect.width.saturating_sub(2), 1),
    );
    match app.sidebar.mode {
        SidebarMode::Actors => draw_actors(app, frame, list, focused),
        SidebarMode::Timeline => draw_timeline(app, frame, list, focused),
        SidebarMode::Quotes => draw_quotes(app, frame, list, focused),
    }
}

fn row_style(app: &App, highlighted: bool, focused: bool) -> Style {
    match (highlighted, focused) {
        (true, true) => app.theme.selection,
        (true, false) => Style::default().add_modifier(Modifier::BOLD),
        _ => Style::default(),
    }
}

fn draw_actors(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    if app.sidebar.actors.is_empty() {
        frame.render_widget(
            Paragraph::new(strings::NO_ACTORS).style(app.theme.muted),
            area,
        );
        return;
    }
    let width = area.width as usize;
    let open: Vec<usize> = app.pair.panes.iter().filter_map(|p| p.article).collect();
    let lines: Vec<Line> = app
        .sidebar
        .actors
        .iter()
        .enumerate()
        .skip(app.sidebar.actor_top)
        .take(area.height as usize)
        .map(|(row, &entry)| {
            let i = match entry {
                ActorEntry::Actor(i) => i,
                ActorEntry::Heading(kind) => {
                    let heading = match kind {
                        ActorKind::Person => strings::GROUP_PEOPLE,
                        ActorKind::Organization => strings::GROUP_ORGANIZATIONS,
                        ActorKind::Place => strings::GROUP_PLACES,
                    };
                    return Line::from(vec![
                        Span::raw(" "),
                        Span::styled(
                            truncate(heading, width.saturating_sub(1)),
                            app.theme.muted.add_modifier(Modifier::BOLD),
                        ),
                    ]);
                }
            };
            let actor = &app.corpus.actors[i];
            let articles = actor.articles();
            let in_view = articles.iter().any(|a| open.contains(a));
            let count = format!("{}·{}", actor.mentions.len(), articles.len());
            let marker = if in_view { strings::OPEN_MARK } else { " " };
            let name_w = width.saturating_sub(count.len() + 3);
            let name = truncate(&clean(&actor.name), name_w);
            let pad = width.saturating_sub(display_width(&name) + count.len() + 2);
            let selected = app.jumps.selected_actor == Some(i);
            let name_style = if selected {
                app.theme.mention
            } else {
                Style::default()
            };
            let line = Line::from(vec![
                Span::styled(marker, app.theme.focus),
                Span::raw(" "),
                Span::styled(name, name_style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.muted),
            ]);
            line.style(row_style(app, row == app.sidebar.actor_row, focused))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_timeline(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let timeline = &app.corpus.timeline;
    if timeline.is_empty() {
        frame.render_widget(
            Paragraph::new(strings::NO_EVENTS).style(app.theme.muted),
            area,
        );
        return;
    }
    let width = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (row, entry) in timeline
        .iter()
        .enumerate()
        .skip(app.sidebar.event_top)
        .take(app.sidebar_rows())
    {
        let Some(&first) = entry.events.first() else {
            continue;
        };
        let event = &app.corpus.events[first];
        let date = event.when().unwrap_or_else(|| strings::UNDATED.to_string());
        // A conflict names the sources of the first date on the first line.
        let members: Vec<usize> = if entry.conflict {
            entry
                .events
                .iter()
                .copied()
                .filter(|&e| app.corpus.events[e].date == event.date)
                .collect()
        } else {
            entry.events.clone()
        };
        let mut sources: Vec<usize> = members
            .iter()
            .map(|&e| app.corpus.events[e].article)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        let source = if sources.len() == 1 || entry.conflict {
            sources
                .iter()
                .map(|&a| app.corpus.articles[a].source.clone())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            strings::sources(sources.len())
        };
        let sentence = app.ondemand.sentence(&app.corpus, first).to_string();
        // The second line: the sentence, or the report that dates it differently.
        let second = entry
            .events
            .iter()
            .map(|&e| &app.corpus.events[e])
            .find(|e| entry.conflict && e.date != event.date)
            .map_or(sentence, |other| {
                strings::conflicting(
                    &other.when().unwrap_or_default(),
                    &app.corpus.articles[other.article].source,
                    &other.expression,
                )
            });
        let sentence = second;
        let style = row_style(app, row == app.sidebar.event_row, focused);
        let current = app.jumps.timeline_cursor.is_some_and(|(e, _)| e == row);
        let date_style = if current {
            app.theme.event
        } else {
            app.theme.focus
        };
        let source = if entry.conflict {
            format!("· {source}")
        } else {
            source
        };
        // The source takes what the date leaves (a year leaves more than a full date).
        let source_w = width.saturating_sub(display_width(&date) + 1);
        lines.push(
            Line::from(vec![
                Span::styled(date.clone(), date_style),
                Span::raw(" "),
                Span::styled(truncate(&clean(&source), source_w), app.theme.muted),
            ])
            .style(style),
        );
        lines.push(
            Line::from(format!(
                "  {}",
                truncate(&clean(&sentence), width.saturating_sub(2))
            ))
            .style(style),
        );
    }
    let detail = app.timeline_detail();
    if !detail.is_empty() {
        let top = (area.height as usize).saturating_sub(detail.len() + 1);
        while lines.len() < top {
            lines.push(Line::default());
        }
        lines.push(Line::styled("─".repeat(width), app.theme.muted));
        lines.extend(detail.into_iter().map(Line::from));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// One row per quotation group: speaker, its first words, how many outlets carry it (`≠` when
/// they name different speakers).
fn draw_quotes(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let quotes = &app.corpus.quotes;
    if quotes.groups.is_empty() {
        frame.render_widget(
            Paragraph::new(if app.ondemand.is_on_demand() {
                strings::NO_QUOTES_PAIR
            } else {
                strings::NO_QUOTES
            })
            .style(app.theme.muted)
            .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let width = area.width as usize;
    let open: Vec<usize> = app.pair.panes.iter().filter_map(|p| p.article).collect();
    let lines: Vec<Line> = quotes
        .groups
        .iter()
        .enumerate()
        .skip(app.sidebar.quote_top)
        .take(area.height as usize)
        .map(|(row, g)| {
            let in_view = g.articles.iter().any(|a| open.contains(a));
            let marker = if in_view { strings::OPEN_MARK } else { " " };
            let count = if g.speakers_disagree {
                format!("{}{}", strings::DISAGREE_MARK, g.articles.len())
            } else {
                g.articles.len().to_string()
            };
            let speaker = g
                .speaker
                .as_ref()
                .map_or(strings::UNKNOWN_SPEAKER, |s| s.name.as_str());
            let room = width.saturating_sub(display_width(&count) + 3);
            // The speaker takes at most half the room; the quotation's first words the rest.
            let speaker = truncate(&clean(speaker), (room / 2).max(1));
            let q = &quotes.quotations[g.mentions[g.fullest]];
            let words = q.text(&app.article(q.article).text);
            let words_w = room.saturating_sub(display_width(&speaker) + 1);
            let words = truncate(&clean(&format!("“{words}")), words_w);
            let pad = width
                .saturating_sub(display_width(&speaker) + display_width(&words) + count.len() + 3);
            let selected = app.jumps.selected_quote == Some(row);
            let speaker_style = if selected {
                app.theme.mention
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(marker, app.theme.focus),
                Span::raw(" "),
                Span::styled(speaker, speaker_style),
                Span::raw(" "),
                Span::styled(words, app.theme.muted),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.muted),
            ])
            .style(row_style(app, row == app.sidebar.quote_row, focused))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
