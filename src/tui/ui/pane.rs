//! An article pane: the visible rows of the wrapped text with passages, mentions, search hits
//! and the current passage highlighted, a gutter marking rows with shared text, and a scrollbar.

use super::super::app::{App, Focus, Side};
use super::super::highlight::Layer;
use super::super::layout::Areas;
use super::super::strings;
use super::super::theme::Theme;
use super::super::wrap::Row;
use crate::analysis::Span;
use crate::analysis::overlap::PassageKind;
use crate::text::printable::{is_unprintable, replace_unprintable};
use ratatui::Frame;
use ratatui::layout::Margin;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{
    Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_segmentation::UnicodeSegmentation;

/// Everything that colours one article's rows.
struct Marks<'a> {
    passages: Option<&'a super::super::highlight::PassageLayers>,
    /// Figures and dates the other article reports differently.
    differ: Option<&'a Layer>,
    current: Option<Span>,
    event: Option<Span>,
    mentions: Layer,
    hits: Layer,
    current_match: Option<Span>,
}

/// Draws one pane.
pub fn draw(app: &App, frame: &mut Frame, side: Side, areas: &Areas) {
    let rect = areas.pane(side);
    let theme = &app.theme;
    let focused = app.focus == Focus::Pane(side);
    let pane = &app.pair.panes[side.index()];
    let border = if focused { theme.focus } else { theme.muted };
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border);
    let Some(article) = pane.article else {
        let para = Paragraph::new(strings::pane_empty(
            &app.keymap.hint(super::super::action::Action::Open),
        ))
        .block(block)
        .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(para, rect);
        return;
    };
    let a = app.article(article);
    let inner_w = rect.width.saturating_sub(4) as usize;
    let title = crate::text::truncate(&clean(&a.title), inner_w);
    block = block.title(Line::from(TextSpan::styled(
        format!(" {title} "),
        if focused {
            theme.focus
        } else {
            Style::default()
        },
    )));
    // The outlet and its writers: "Courier (by Ana Lind)".
    let mut meta = clean(&a.source_and_authors());
    if let Some(d) = a.date {
        meta.push_str(&format!(" · {d}"));
    }
    let total = pane.wrapped.len();
    let height = areas.pane_text(side).height as usize;
    let position = if total <= height {
        strings::POSITION_ALL.to_string()
    } else {
        format!("{}%", (pane.top + height).min(total) * 100 / total)
    };
    let meta = crate::text::truncate(&meta, inner_w.saturating_sub(position.len() + 3));
    block = block
        .title_bottom(Line::from(format!(" {meta} ")).left_aligned())
        .title_bottom(Line::from(format!(" {position} ")).right_aligned());
    frame.render_widget(block, rect);

    let cmp = app.pair.comparison.as_ref();
    let marks = Marks {
        passages: cmp.map(|c| &c.layers[side.index()]),
        differ: cmp.map(|c| &c.differ[side.index()]),
        current: cmp.and_then(|c| app.pair.current_passage.map(|i| c.span(i, side))),
        event: app
            .jumps
            .event_focus
            .filter(|(a, _)| *a == article)
            .map(|(_, s)| s),
        mentions: app.mention_layer(article),
        hits: app.hit_layer(article),
        current_match: app.current_match(article),
    };
    let text = &a.text;
    let text_area = areas.pane_text(side);
    let gutter_area = areas.pane_gutter(side);
    let rows = &pane.wrapped.rows[pane.top.min(total)..(pane.top + height).min(total)];
    let lines: Vec<Line> = rows
        .iter()
        .map(|r| render_row(text, *r, &marks, theme))
        .collect();
    let gutter: Vec<Line> = rows
        .iter()
        .map(|r| gutter_mark(*r, &marks, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
    frame.render_widget(Paragraph::new(gutter), gutter_area);
    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height)).position(pane.top);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .style(border);

        frame.render_stateful_widget(
            bar,
            rect.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}

/// Titles, sources and text come from files (or a hand-edited store): whatever import missed,
/// control characters and bidi overrides never reach the terminal.
/// What the TUI draws of a string from an article: see [`replace_unprintable`].
pub(crate) fn clean(s: &str) -> String {
    replace_unprintable(s).into_owned()
}

fn kind_style(kind: PassageKind, theme: &Theme) -> Style {
    match kind {
        PassageKind::Exact => theme.exact,
        PassageKind::Near => theme.near,
        PassageKind::Paraphrase => theme.paraphrase,
        PassageKind::Quote => theme.quote,
    }
}

fn gutter_mark(row: Row, marks: &Marks, theme: &Theme) -> Line<'static> {
    let range = Span::new(row.start, row.end.max(row.start + 1));
    if marks.current.is_some_and(|c| c.overlaps(&range)) {
        return Line::from(TextSpan::styled("▶", theme.focus));
    }
    if marks
        .differ
        .is_some_and(|d| !d.overlapping(range).is_empty())
    {
        return Line::from(TextSpan::styled(strings::GUTTER_DIFFER, theme.differ));
    }
    match marks.passages.and_then(|p| p.kind_in(range)) {
        Some(kind) => Line::from(TextSpan::styled("▌", kind_style(kind, theme))),
        None => Line::from(" "),
    }
}

/// One row, cut into runs of equal style.
fn render_row<'t>(text: &'t str, row: Row, marks: &Marks, theme: &Theme) -> Line<'t> {
    if row.start == row.end {
        return Line::default();
    }
    let range = Span::new(row.start, row.end);
    let mut cuts = vec![row.start, row.end];
    let mut add = |spans: &[Span]| {
        for s in spans {
            cuts.push(s.start.clamp(row.start, row.end));
            cuts.push(s.end.clamp(row.start, row.end));
        }
    };
    if let Some(p) = marks.passages {
        for layer in [&p.exact, &p.near, &p.paraphrase, &p.quote, &p.changed] {
            add(layer.overlapping(range));
        }
    }
    if let Some(d) = marks.differ {
        add(d.overlapping(range));
    }
    add(marks.mentions.overlapping(range));
    add(marks.hits.overlapping(range));
    for s in [marks.current, marks.event, marks.current_match]
        .into_iter()
        .flatten()
    {
        add(&[s]);
    }
    // A highlight that starts or ends inside a grapheme cluster (a search for 👍 inside 👍🏽)
    // must not split it: the two halves would be drawn as two glyphs.
    let row_text = &text[row.start..row.end];
    if row_text.is_ascii() {
        cuts.retain(|&c| text.is_char_boundary(c));
    } else {
        let bounds: Vec<usize> = row_text
            .grapheme_indices(true)
            .map(|(i, _)| row.start + i)
            .chain([row.end])
            .collect();
        cuts.retain(|c| bounds.binary_search(c).is_ok());
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|w| {
            let seg = &text[w[0]..w[1]];
            let style = style_at(w[0], marks, theme);
            if seg.chars().any(is_unprintable) {
                TextSpan::styled(clean(seg), style)
            } else {
                TextSpan::styled(seg, style)
            }
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

fn style_at(offset: usize, marks: &Marks, theme: &Theme) -> Style {
    let mut style = Style::default();
    if let Some(p) = marks.passages {
        if p.exact.covers(offset) {
            style = style.patch(theme.exact);
        } else if p.near.covers(offset) {
            style = style.patch(theme.near);
        } else if p.paraphrase.covers(offset) {
            style = style.patch(theme.paraphrase);
        } else if p.quote.covers(offset) {
            style = style.patch(theme.quote);
        }
        if p.changed.covers(offset) {
            style = style.patch(theme.changed);
        }
    }
    if marks.differ.is_some_and(|d| d.covers(offset)) {
        style = style.patch(theme.differ);
    }
    if marks.event.is_some_and(|s| s.contains(offset)) {
        style = style.patch(theme.event);
    }
    if marks.current.is_some_and(|s| s.contains(offset)) {
        style = style.patch(theme.current);
    }
    if marks.mentions.covers(offset) {
        style = style.patch(theme.mention);
    }
    if marks.hits.covers(offset) {
        style = style.patch(theme.search);
    }
    if marks.current_match.is_some_and(|s| s.contains(offset)) {
        style = style.patch(theme.current);
    }
    style
}
