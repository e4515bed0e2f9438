//! The article picker: the store's articles with date, source, title and the share of their
//! text found in other articles (wire copy shows up at once); typing filters.

use super::super::app::{App, Picker, PickerRow};
use super::super::layout::{picker_area, picker_list_height};
use super::super::strings;
use super::pane::clean;
use crate::text::{display_width, pad, truncate};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Draws the picker.
pub fn draw(app: &App, frame: &mut Frame, picker: &Picker) {
    let area = picker_area(app.size);
    frame.render_widget(Clear, area);
    // A large archive is grouped (and its shares known) once `juxta stories` has stored
    // the stories: say how to get them rather than leave a flat list unexplained.
    let known = app.ondemand.knows_shared();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(if known {
            strings::TITLE_PICKER
        } else {
            strings::TITLE_PICKER_UNGROUPED
        })
        .border_style(app.theme.focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(strings::FILTER_PROMPT, app.theme.focus),
            Span::raw(picker.filter.clone()),
            Span::styled("█", app.theme.focus),
        ]),
        Line::styled(
            truncate(
                if known {
                    strings::PICKER_HEADER
                } else {
                    strings::PICKER_HEADER_UNGROUPED
                },
                width,
            ),
            app.theme.muted,
        ),
    ];
    if picker.rows.is_empty() {
        lines.push(Line::styled(strings::PICKER_EMPTY, app.theme.muted));
    }
    let src_w = 18.min(width / 5);
    for (row, &entry) in picker
        .rows
        .iter()
        .enumerate()
        .skip(picker.top)
        .take(picker_list_height(app.size))
    {
        let style = if row == picker.selected {
            app.theme.selection
        } else {
            ratatui::style::Style::default()
        };
        let i = match entry {
            PickerRow::Article(i) => i,
            PickerRow::Story(story) => {
                lines.push(story_header(app, story, width).style(style));
                continue;
            }
        };
        let a = &app.corpus.articles[i];
        let open = app.pair.panes.iter().any(|p| p.article == Some(i));
        let head = format!(
            "{} {:10}  {}  ",
            if open { strings::OPEN_MARK } else { " " },
            a.date_label(),
            pad(&truncate(&clean(&a.source), src_w), src_w)
        );
        // An open article says so instead of a share, which would read as shared with itself.
        let shared = (app.ondemand.shared(&app.corpus, i) * 100.0).round();
        let mut tail = if open {
            format!(
                "{:>w$}",
                strings::PICKER_OPEN,
                w = strings::shared_percent(0.0).len()
            )
        } else if app.ondemand.knows_shared() {
            strings::shared_percent(shared)
        } else {
            // Not known before the archive's stories are computed: nothing rather than 0%.
            " ".repeat(strings::shared_percent(0.0).len())
        };
        // On a narrow screen the short form leaves the title some room.
        if width < display_width(&head) + tail.len() + 8 {
            tail = if open {
                format!(" {}", strings::PICKER_OPEN)
            } else if !app.ondemand.knows_shared() {
                String::new()
            } else {
                format!(" {shared:>3.0}%")
            };
        }
        let title_w = width.saturating_sub(display_width(&head) + display_width(&tail));
        let title = pad(&truncate(&clean(&a.title), title_w), title_w);
        lines.push(
            Line::from(vec![
                Span::raw(head),
                Span::raw(title),
                Span::styled(tail, app.theme.muted),
            ])
            .style(style),
        );
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A story's header row: its title and how many articles and outlets tell it; or the header
/// of the single articles.
fn story_header(app: &App, story: Option<usize>, width: usize) -> Line<'static> {
    let Some(s) = story.and_then(|s| app.corpus.stories().get(s)) else {
        return Line::styled(truncate(strings::PICKER_SINGLES, width), app.theme.muted);
    };
    let mut outlets: Vec<&str> = s
        .articles
        .iter()
        .map(|&i| app.corpus.articles[i].source.as_str())
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    let tail = strings::story_size(s.articles.len(), outlets.len());
    let title_w = width.saturating_sub(display_width(&tail) + 2);
    let title = truncate(&clean(&app.corpus.articles[s.central].title), title_w);
    Line::from(vec![
        Span::styled(format!("▸ {title}"), app.theme.focus),
        Span::styled(tail, app.theme.muted),
    ])
}
