//! The disagreement markers of the terminal UI: a distinct style and a gutter mark on each
//! figure or date the other article reports differently, and the status line that explains it.

use juxta::article::Article;
use juxta::config::Config;
use juxta::service::{Corpus, Options};
use juxta::tui::action::Action;
use juxta::tui::app::{App, Side};
use juxta::tui::theme::Theme;
use juxta::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const LEFT: &str = "date 2021-03-08\nQuarry blast shakes Brenn\n\nA blast at the Brenn quarry killed 12 people on Saturday, the regional governor said.\n\nThe quarry owner, Piet Halloran, 58, said the site would stay closed until inspectors finish.\n";
const RIGHT: &str = "date 2021-03-08\nDeadly blast at Brenn quarry\n\nA blast at the Brenn quarry killed nine people on Saturday, the regional governor said.\n\nPiet Halloran, 61, who owns the quarry, said it would stay closed.\n";

fn articles() -> Vec<Article> {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = (dir.path().join("courier.txt"), dir.path().join("wire.txt"));
    std::fs::write(&l, LEFT).unwrap();
    std::fs::write(&r, RIGHT).unwrap();
    let (mut found, errors) = juxta::import::articles_from_paths(&[l, r], &Default::default());
    assert!(errors.is_empty(), "{errors:?}");
    found.sort_by(|a, b| a.id.cmp(&b.id));
    found
}

fn app(size: (u16, u16)) -> App {
    let config = Config::default();
    let corpus = Corpus::build(articles(), &Options::default(), None);
    let mut app = App::new(corpus, &config.tui_options(), size, (Some(0), Some(1)));
    app.theme = Theme::new(&config.theme.dark, true);
    app
}

fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    let buf = render(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The text of the cells drawn in the differ style in one pane.
fn differing(app: &App, side: Side) -> String {
    let buf = render(app);
    let area = app.areas().pane_text(side);
    let mut out = String::new();
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            let cell = &buf[(x, y)];
            if cell.style() == ratatui::style::Style::default().patch(app.theme.differ)
                || (cell.modifier.contains(app.theme.differ.add_modifier)
                    && cell.fg == app.theme.differ.fg.unwrap_or_default())
            {
                out.push_str(cell.symbol());
            }
        }
    }
    out
}

#[test]
fn differing_figures_are_marked_in_both_panes() {
    let app = app((120, 30));
    assert_eq!(differing(&app, Side::Left), "12people58");
    assert_eq!(differing(&app, Side::Right), "ninepeople61");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_status_line_explains_the_difference_at_the_current_passage() {
    let mut app = app((80, 24));
    app.update(Action::NextPassage);
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(
        status.starts_with("differs (people killed): 12 here · 9 in wire.txt ·"),
        "{status}"
    );
    insta::assert_snapshot!(screen(&app));
}
