//! Drawing: pure functions of the [`App`] state. Nothing here changes state.

pub mod help;
pub mod pane;
pub mod picker;
pub mod sidebar;
pub mod status;

use super::action::Action;
use super::app::{App, Popup, Side};
use super::layout;
use super::strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    draw_screen(app, frame);
    mark_wide_tails(frame.buffer_mut());
}

/// Marks the columns a wide grapheme covers after its first (flags, emoji, CJK) with an empty
/// symbol instead of a blank. Terminals disagree on how such a grapheme fills its columns (some
/// draw 🇯🇵 as two one-column glyphs), and ratatui only rewrites a column that changed: when a
/// blank later replaces the grapheme, a covered column that was "blank" before would be skipped
/// and keep half a flag on screen until a resize. An empty symbol differs from the blank, so
/// that column is rewritten. (The covered column itself is never printed while the grapheme is
/// there: ratatui steps over it.)
pub fn mark_wide_tails(buf: &mut ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let w = super::wrap::width(buf[(x, y)].symbol()) as u16;
            for covered in 1..w {
                if x + covered < area.right() {
                    buf[(x + covered, y)].set_symbol("");
                }
            }
            x += w.max(1);
        }
    }
}

fn draw_screen(app: &App, frame: &mut Frame) {
    let areas = app.areas();
    if areas.too_small {
        draw_too_small(frame, frame.area());
        return;
    }
    if app.corpus.articles.is_empty() {
        let lines: Vec<Line> = strings::empty_store(&app.keymap.hint(Action::Quit))
            .into_iter()
            .map(Line::from)
            .collect();
        let area = layout::centered(frame.area(), 44, lines.len() as u16);
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    if let Some(r) = areas.sidebar {
        sidebar::draw(app, frame, r, areas.sidebar_list.unwrap_or_default());
    }
    pane::draw(app, frame, Side::Left, &areas);
    pane::draw(app, frame, Side::Right, &areas);
    status::draw(app, frame, areas.status);
    match &app.popup {
        Some(Popup::Help { top }) => help::draw(app, frame, *top),
        Some(Popup::Picker(p)) => picker::draw(app, frame, p),
        Some(Popup::Search(_)) | None => {}
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let text = strings::too_small(
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT,
    );
    let para = Paragraph::new(text).wrap(Wrap { trim: true });
    frame.render_widget(para, area);
}

/// The loading screen: how many articles have been analysed.
pub fn draw_progress(frame: &mut Frame, done: usize, total: usize) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    let width = 40.min(area.width.saturating_sub(2)) as usize;
    let filled = (done * width).checked_div(total).unwrap_or(width);
    let lines = vec![
        Line::from(strings::loading(done, total)),
        Line::from(format!(
            "{}{}",
            "█".repeat(filled),
            "░".repeat(width - filled)
        )),
    ];
    frame.render_widget(
        Paragraph::new(lines),
        layout::centered(area, width as u16, 2),
    );
}
