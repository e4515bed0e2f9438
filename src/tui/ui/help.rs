//! The help popup: every binding of the live keymap.

use super::super::action::Action;
use super::super::app::App;
use super::super::layout::centered;
use super::super::strings;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// The help lines: keys, then what they do.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    Action::ALL
        .iter()
        .filter_map(|&a| {
            let keys = app.keymap.keys_for(a);
            if keys.is_empty() {
                return None;
            }
            let keys = keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            Some(Line::from(vec![
                Span::styled(format!("{keys:>16}  "), app.theme.focus),
                Span::raw(a.describe()),
            ]))
        })
        .collect()
}

/// What the highlight colours mean, each name drawn in its own style.
fn legend(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let rows = [
        (
            strings::LEGEND_SHARED,
            vec![
                (strings::LEGEND_EXACT, t.exact),
                (strings::LEGEND_NEAR, t.near),
                (strings::LEGEND_CHANGED, t.changed),
                (strings::LEGEND_PARAPHRASE, t.paraphrase),
                (strings::LEGEND_QUOTE, t.quote),
            ],
        ),
        ("", vec![(strings::LEGEND_CURRENT, t.current)]),
        (
            strings::LEGEND_SIDEBAR,
            vec![(strings::LEGEND_OPEN_MARK, t.focus)],
        ),
        ("", vec![(strings::LEGEND_COUNTS, t.muted)]),
        (
            strings::LEGEND_MARKS,
            vec![
                (strings::LEGEND_PERSON, t.mention),
                (strings::LEGEND_SEARCH_HIT, t.search),
                (strings::LEGEND_EVENT, t.event),
            ],
        ),
        ("", vec![(strings::LEGEND_DIFFER, t.differ)]),
    ];
    rows.into_iter()
        .map(|(label, items)| {
            let mut spans = vec![Span::styled(format!("{label:>16}  "), app.theme.focus)];
            for (i, (name, style)) in items.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw("  "));
                }
                spans.push(Span::styled(name, style));
            }
            Line::from(spans)
        })
        .collect()
}

/// Draws the popup, scrolled to `top`.
pub fn draw(app: &App, frame: &mut Frame, top: usize) {
    let mut lines = lines(app);
    lines.push(Line::default());
    lines.extend(legend(app));

    let area = centered(frame.area(), 72, lines.len() as u16 + 2);
    let top = top.min(
        lines
            .len()
            .saturating_sub(area.height.saturating_sub(2) as usize),
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(strings::TITLE_HELP)
        .border_style(app.theme.focus);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((top as u16, 0)),
        area,
    );
}
