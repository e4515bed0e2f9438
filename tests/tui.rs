//! The terminal UI driven through `App::update` / `on_key` / `on_mouse`, asserted on the
//! rendered TestBackend buffer: what a user would see.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use juxta::analysis::actors::ActorKind;
use juxta::analysis::overlap::PassageKind;
use juxta::config::Config;
use juxta::service::{Corpus, Options};
use juxta::tui::action::Action;
use juxta::tui::app::{ActorEntry, App, Focus, Side, SidebarMode};
use juxta::tui::config::TuiOptions;
use juxta::tui::theme::Theme;
use juxta::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const WIRE: usize = 0;
const NEWSPAPER: usize = 1;
const SUMMARY: usize = 2;
const FOLLOWUP: usize = 3;
const WIDE: usize = 6;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

/// The samples, analysed once for all tests (analysis is deterministic).
fn corpus() -> Corpus {
    static ARTICLES: OnceLock<Vec<juxta::article::Article>> = OnceLock::new();
    let articles = ARTICLES.get_or_init(|| {
        let (articles, errors) =
            juxta::import::articles_from_paths(&[samples()], &Default::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(articles.len(), 7);
        articles
    });
    Corpus::build(articles.clone(), &Options::default(), None)
}

/// An app on the samples with the dark palette (whatever NO_COLOR says where tests run).
fn app_with(config: &Config, size: (u16, u16), pair: (usize, usize)) -> App {
    let mut app = App::new(
        corpus(),
        &config.tui_options(),
        size,
        (Some(pair.0), Some(pair.1)),
    );
    app.theme = Theme::new(&config.theme.dark, true);
    app.settings.export_dir = std::env::temp_dir();
    app
}

fn app(size: (u16, u16)) -> App {
    app_with(&Config::default(), size, (WIRE, NEWSPAPER))
}

fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces trimmed.
fn screen(app: &App) -> String {
    let buf = render(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too.
            x += juxta::tui::wrap::width(symbol).max(1) as u16;
        }

        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn key(app: &mut App, code: KeyCode) -> bool {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Cells of a pane's text area whose style satisfies `pred`.
fn cells_in_pane(app: &App, side: Side, pred: impl Fn(&ratatui::buffer::Cell) -> bool) -> usize {
    let buf = render(app);
    let area = app.areas().pane_text(side);
    let mut n = 0;
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            if pred(&buf[(x, y)]) && buf[(x, y)].symbol() != " " {
                n += 1;
            }
        }
    }
    n
}

/// The text shown in a pane's text area.
fn pane_text(app: &App, side: Side) -> String {
    let buf = render(app);
    let area = app.areas().pane_text(side);
    let mut out = String::new();
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn first_screen_at_80x24() {
    insta::assert_snapshot!(screen(&app((80, 24))));
}

#[test]
fn first_screen_at_120x40() {
    insta::assert_snapshot!(screen(&app((120, 40))));
}

#[test]
fn a_tiny_terminal_shows_a_notice_not_a_panic() {
    let mut app = app((120, 40));
    for (w, h) in [(30, 6), (1, 1), (0, 0), (39, 30), (120, 7)] {
        app.resize(w, h);
        let text = screen(&app);
        if w > 0 && h > 0 {
            assert!(text.contains("Terminal") || w < 10, "{w}x{h}: {text}");
        }
    }
    app.resize(30, 6);
    insta::assert_snapshot!(screen(&app));
    // Back to a normal size: everything is drawn again, nothing was lost.
    app.resize(120, 40);
    assert!(screen(&app).contains("passages"));
}

#[test]
fn shared_passages_are_highlighted_in_both_panes_by_kind() {
    let mut app = app((120, 40));
    assert!(
        status_line(&app).contains("similarity"),
        "{}",
        status_line(&app)
    );
    let kinds = app
        .pair
        .comparison
        .as_ref()
        .unwrap()
        .alignment
        .passages
        .iter()
        .map(|p| p.kind)
        .collect::<Vec<_>>();
    for (kind, color) in [
        (PassageKind::Exact, Color::Green),
        (PassageKind::Near, Color::Yellow),
    ] {
        let i = kinds
            .iter()
            .position(|k| *k == kind)
            .unwrap_or_else(|| panic!("the wire and the newspaper share {kind:?} text"));
        app.show_passage(i, Side::Left);
        let painted = |c: &ratatui::buffer::Cell| c.fg == color;
        assert!(
            cells_in_pane(&app, Side::Left, painted) > 10,
            "{kind:?} text is {color:?} on the left"
        );
        assert!(
            cells_in_pane(&app, Side::Right, painted) > 10,
            "{kind:?} text is {color:?} on the right"
        );
    }
    // Unrelated articles: nothing painted.
    let unrelated = app_with(&Config::default(), (120, 40), (WIRE, 4));
    let painted =
        |c: &ratatui::buffer::Cell| [Color::Green, Color::Yellow, Color::Cyan].contains(&c.fg);
    assert_eq!(cells_in_pane(&unrelated, Side::Left, painted), 0);
    assert!(
        status_line(&unrelated).contains("0 passages · similarity 0.0"),
        "{}",
        status_line(&unrelated)
    );
}

#[test]
fn next_passage_brings_its_counterpart_level_in_the_other_pane() {
    let mut app = app((120, 40));
    for _ in 0..4 {
        assert!(app.update(Action::NextPassage));
        let i = app.pair.current_passage.expect("a current passage");
        let cmp = app.pair.comparison.as_ref().unwrap();
        let (l, r) = (cmp.span(i, Side::Left), cmp.span(i, Side::Right));
        let row_l =
            app.pair.panes[0].wrapped.row_of(l.start) as isize - app.pair.panes[0].top as isize;
        let row_r =
            app.pair.panes[1].wrapped.row_of(r.start) as isize - app.pair.panes[1].top as isize;
        let height = app.pane_height(Side::Left) as isize;
        assert!((0..height).contains(&row_l), "passage visible on the left");
        assert!(
            (0..height).contains(&row_r),
            "counterpart visible on the right"
        );
        // Level unless the right pane is scrolled to its very top or bottom.
        let right_max = app.pair.panes[1]
            .wrapped
            .len()
            .saturating_sub(height as usize);
        if app.pair.panes[1].top > 0 && app.pair.panes[1].top < right_max {
            assert_eq!(
                row_l, row_r,
                "passage and counterpart on the same screen row"
            );
        }
        // Both are drawn reversed (the current-passage style).
        let reversed = |c: &ratatui::buffer::Cell| c.modifier.contains(Modifier::REVERSED);
        assert!(cells_in_pane(&app, Side::Left, reversed) > 0);
        assert!(cells_in_pane(&app, Side::Right, reversed) > 0);
        assert!(
            status_line(&app).contains("passage "),
            "{}",
            status_line(&app)
        );
    }
    let status = status_line(&app);
    assert!(status.starts_with("passage 4 of "), "{status}");
}

#[test]
fn previous_passage_wraps_to_the_last() {
    let mut app = app((120, 40));
    app.update(Action::NextPassage);
    app.update(Action::PrevPassage);
    let n = app
        .pair
        .comparison
        .as_ref()
        .unwrap()
        .alignment
        .passages
        .len();
    assert!(
        status_line(&app).starts_with(&format!("passage {n} of {n}")),
        "{}",
        status_line(&app)
    );
}

#[test]
fn synced_scrolling_keeps_aligned_passages_level() {
    let mut app = app((120, 40));
    app.update(Action::ToggleSync);
    assert!(status_line(&app).contains("synced scrolling on"));
    let before = app.pair.panes[1].top;
    for _ in 0..10 {
        app.update(Action::Down);
    }
    assert_ne!(app.pair.panes[1].top, before, "the right pane followed");
    assert!(status_line(&app).contains("sync"));
}

/// The sidebar row of the person with most articles.
fn widely_mentioned(app: &App) -> usize {
    let articles = |i: usize| {
        let mut a: Vec<usize> = app.corpus.actors[i]
            .mentions
            .iter()
            .map(|m| m.article)
            .collect();
        a.dedup();
        a.sort();
        a.dedup();
        a.len()
    };
    (0..app.sidebar.actors.len())
        .filter(|&row| app.sidebar.actor_at(row).is_some())
        .max_by_key(|&row| {
            (
                articles(app.sidebar.actor_at(row).unwrap()),
                std::cmp::Reverse(row),
            )
        })
        .unwrap()
}

#[test]
fn actors_are_grouped_by_kind_and_an_organization_walks_its_mentions() {
    let mut app = app((120, 40));
    app.update(Action::Actors);
    let headings: Vec<(usize, ActorKind)> = app
        .sidebar
        .actors
        .iter()
        .enumerate()
        .filter_map(|(row, e)| match e {
            ActorEntry::Heading(k) => Some((row, *k)),
            ActorEntry::Actor(_) => None,
        })
        .collect();
    let kinds: Vec<ActorKind> = headings.iter().map(|(_, k)| *k).collect();
    assert_eq!(
        kinds,
        [ActorKind::Person, ActorKind::Organization, ActorKind::Place]
    );
    // The list opens on the first person, under the "People" heading.
    assert_eq!(app.sidebar.actor_row, 1);
    // Down from the last person steps over the "Organizations" heading, and Up steps back.
    let org_heading = headings[1].0;
    while app.sidebar.actor_row + 1 < org_heading {
        app.update(Action::Down);
    }
    app.update(Action::Down);
    assert_eq!(app.sidebar.actor_row, org_heading + 1);
    app.update(Action::Up);
    assert_eq!(app.sidebar.actor_row, org_heading - 1);
    app.update(Action::Down);
    app.update(Action::Select);
    let actor = app
        .jumps
        .selected_actor
        .expect("an organization is selected");
    assert_eq!(app.corpus.actors[actor].kind, ActorKind::Organization);
    let total = app.corpus.actors[actor].mentions.len();
    app.update(Action::NextMatch);
    let status = status_line(&app);
    assert!(
        status.starts_with(&format!("mention 1 of {total} · article ")),
        "{status}"
    );
    let m = app.corpus.actors[actor].mentions[0];
    assert!(app.pair.panes.iter().any(|p| p.article == Some(m.article)));
}

#[test]
fn selecting_a_person_highlights_mentions_and_n_walks_across_articles() {
    let mut app = app((120, 40));
    app.update(Action::Actors);
    assert_eq!(app.focus, Focus::Sidebar);
    let row = widely_mentioned(&app);
    for _ in app.sidebar.actor_row..row {
        app.update(Action::Down);
    }
    app.update(Action::Select);
    let actor = app.jumps.selected_actor.expect("selected");
    let name = app.corpus.actors[actor].name.clone();
    assert!(
        status_line(&app).starts_with(&name),
        "{}",
        status_line(&app)
    );
    let magenta = |c: &ratatui::buffer::Cell| c.bg == Color::Magenta;
    let mentions = &app.corpus.actors[actor].mentions;
    let total = mentions.len();
    let mut seen_articles = Vec::new();
    for k in 1..=total {
        app.update(Action::NextMatch);
        let status = status_line(&app);
        assert!(
            status.starts_with(&format!("mention {k} of {total} · article ")),
            "{status}"
        );
        let m = app.corpus.actors[actor].mentions[k - 1];
        let side = if app.pair.panes[0].article == Some(m.article) {
            Side::Left
        } else {
            Side::Right
        };
        assert_eq!(
            app.pair.panes[side.index()].article,
            Some(m.article),
            "the mention's article is open"
        );
        assert!(
            cells_in_pane(&app, side, magenta) > 0,
            "mention highlighted"
        );
        seen_articles.push(m.article);
    }
    seen_articles.dedup();
    assert!(
        seen_articles.len() >= 3,
        "jumps crossed articles: {seen_articles:?}"
    );
    assert!(
        seen_articles.iter().any(|a| ![WIRE, NEWSPAPER].contains(a)),
        "an article that was not open got opened"
    );
    // One more wraps to the first mention.
    app.update(Action::NextMatch);
    assert!(status_line(&app).starts_with(&format!("mention 1 of {total}")));
}

#[test]
fn timeline_enter_opens_the_article_at_the_event_sentence() {
    let mut app = app((120, 40));
    app.update(Action::Timeline);
    assert_eq!(app.sidebar.mode, SidebarMode::Timeline);
    let entries = app.corpus.timeline.len();
    assert!(entries > 5, "the samples have a timeline");
    // An entry from an article that is not open.
    let row = (0..entries)
        .find(|&r| {
            let e = &app.corpus.events[app.corpus.timeline[r].events[0]];
            ![WIRE, NEWSPAPER].contains(&e.article)
        })
        .expect("an event of another article");
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::Select);
    let event = app.corpus.events[app.corpus.timeline[row].events[0]].clone();
    let side = app.active_side();
    assert_eq!(app.pair.panes[side.index()].article, Some(event.article));
    let sentence_start: String = event
        .sentence
        .slice(&app.corpus.articles[event.article].text)
        .chars()
        .take(12)
        .collect();
    let shown = pane_text(&app, side).replace('\n', " ");
    assert!(
        shown.contains(sentence_start.split_whitespace().next().unwrap()),
        "sentence on screen"
    );
    assert!(app.jumps.event_focus.is_some());
}

#[test]
fn search_finds_hits_across_articles_and_n_steps_through_them() {
    let mut app = app((120, 40));
    app.update(Action::Search);
    type_text(&mut app, "quay");
    assert!(
        status_line(&app).starts_with("/quay"),
        "{}",
        status_line(&app)
    );
    key(&mut app, KeyCode::Enter);
    let n = app.jumps.search.as_ref().unwrap().hits.len();
    assert!(n > 10);
    assert!(
        status_line(&app).starts_with(&format!("hit 1 of {n} for “quay”")),
        "{}",
        status_line(&app)
    );
    app.update(Action::NextMatch);
    assert!(status_line(&app).starts_with(&format!("hit 2 of {n}")));
    let yellow_bg = |c: &ratatui::buffer::Cell| c.bg == Color::Yellow;
    assert!(cells_in_pane(&app, app.active_side(), yellow_bg) >= 4);
    // The last jump kind wins: selecting a person makes n walk mentions again.
    app.update(Action::Actors);
    app.update(Action::Select);
    app.update(Action::NextMatch);
    assert!(
        status_line(&app).starts_with("mention 1 of"),
        "{}",
        status_line(&app)
    );
}

#[test]
fn search_folds_accents_like_names_do() {
    let mut app = app((120, 40));
    app.update(Action::Search);
    type_text(&mut app, "ibanez");
    key(&mut app, KeyCode::Enter);
    let search = app.jumps.search.as_ref().unwrap();
    assert!(!search.hits.is_empty(), "{}", status_line(&app));
    let (article, span) = search.hits[0];
    assert_eq!(
        &app.corpus.articles[article].text[span.start..span.end],
        "Ibáñez"
    );
}

#[test]
fn search_without_hits_says_so() {
    let mut app = app((120, 40));
    app.update(Action::Search);
    type_text(&mut app, "zzzyx");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app).trim_end().split("  ").next().unwrap(),
        "no match for “zzzyx”"
    );
}

#[test]
fn the_picker_filters_and_opens_in_the_focused_pane() {
    let mut app = app((120, 40));
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Pane(Side::Right));
    app.update(Action::Open);
    let text = screen(&app);
    assert!(
        text.contains("Open article") && text.contains("filter:") && text.contains("% shared"),
        "{text}"
    );
    type_text(&mut app, "kestrel open");
    let text = screen(&app);
    assert!(text.contains("Kestrel Open"), "{text}");
    key(&mut app, KeyCode::Enter);
    let a = &app.corpus.articles[app.pair.panes[1].article.unwrap()];
    assert!(a.title.contains("Kestrel Open"), "{}", a.title);
    assert!(app.popup.is_none());
    assert_eq!(
        app.pair
            .comparison
            .as_ref()
            .unwrap()
            .alignment
            .passages
            .len(),
        0,
        "an unrelated article shares nothing"
    );
}

#[test]
fn the_picker_with_no_match_says_so() {
    let mut app = app((100, 30));
    app.update(Action::Open);
    type_text(&mut app, "no such article");
    assert!(screen(&app).contains("No article matches."));
    key(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
}

#[test]
fn help_lists_the_live_bindings() {
    let mut app = app((120, 40));
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&app));
    app.update(Action::Cancel);
    assert!(app.popup.is_none());
}

#[test]
fn config_keybindings_override_the_defaults() {
    let toml = "[keys]\nx = \"next-passage\"\n\"]\" = \"none\"\nctrl-n = \"next-match\"\n";
    let config = Config::from_toml(toml, Path::new("test.toml")).unwrap();
    let mut app = app_with(&config, (120, 40), (WIRE, NEWSPAPER));
    assert!(!key(&mut app, KeyCode::Char(']')), "] was unbound");
    assert!(app.pair.current_passage.is_none());
    key(&mut app, KeyCode::Char('x'));
    assert!(app.pair.current_passage.is_some());
    app.update(Action::Help);
    let help = screen(&app);
    assert!(
        help.lines().any(|l| l.contains(" x  next shared passage")),
        "{help}"
    );
    assert!(help.contains("n, ctrl-n"), "{help}");
}

#[test]
fn export_writes_the_text_comparison_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app((120, 40));
    app.settings.export_dir = dir.path().to_path_buf();
    app.update(Action::Export);
    let first = dir.path().join("juxta-01-wire-02-newspaper.txt");
    assert!(
        status_line(&app).starts_with(&format!("exported to {}", first.display())),
        "{}",
        status_line(&app)
    );
    let written = std::fs::read_to_string(&first).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o644,
            "an export is readable like any file the user writes"
        );
    }
    let cmp = app.pair.comparison.as_ref().unwrap();

    let expected = juxta::tui::export_text(
        &app.corpus.articles[WIRE],
        &app.corpus.articles[NEWSPAPER],
        &cmp.alignment,
        &app.corpus.first_in_all(WIRE, NEWSPAPER, &cmp.alignment),
        160,
    );
    assert_eq!(written, expected);
    app.update(Action::Export);
    let second = dir.path().join("juxta-01-wire-02-newspaper-2.txt");
    assert!(second.exists());
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        written,
        "the first export is untouched"
    );
}

#[test]
fn no_color_keeps_highlights_visible_with_attributes() {
    let mut app = app((120, 40));
    app.theme = Theme::no_color();
    let bold =
        |c: &ratatui::buffer::Cell| c.modifier.contains(Modifier::BOLD) && c.fg == Color::Reset;
    assert!(
        cells_in_pane(&app, Side::Left, bold) > 20,
        "exact passages in bold"
    );
    let colored = |c: &ratatui::buffer::Cell| c.fg != Color::Reset || c.bg != Color::Reset;
    assert_eq!(
        cells_in_pane(&app, Side::Left, colored),
        0,
        "no colour at all"
    );
    app.update(Action::NextPassage);
    let reversed = |c: &ratatui::buffer::Cell| c.modifier.contains(Modifier::REVERSED);
    assert!(
        cells_in_pane(&app, Side::Right, reversed) > 0,
        "the current passage is reversed"
    );
}

#[test]
fn wide_characters_are_drawn_in_two_columns() {
    let app = app_with(&Config::default(), (100, 30), (WIDE, WIRE));
    let text = pane_text(&app, Side::Left);
    assert!(text.contains("森") || text.contains('('), "{text}");
    let buf = render(&app);
    let area = app.areas().pane_text(Side::Left);
    // Every row fits its pane: the column before the border stays blank, the border is intact.
    for y in area.y..area.y + area.height {
        let (gap, border) = (area.x + area.width, area.x + area.width + 1);
        assert_eq!(buf[(gap, y)].symbol(), " ", "row {y} stays inside the pane");
        assert!(
            ["│", "┃"].contains(&buf[(border, y)].symbol()),
            "row {y}: border intact"
        );
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_clicks_select() {
    let mut app = app((120, 40));
    let right = app.areas().pane_text(Side::Right);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: right.x + 3,
        row: right.y + 3,
        modifiers: KeyModifiers::NONE,
    };
    app.on_mouse(wheel);
    assert_eq!(app.pair.panes[1].top, 3);
    assert_eq!(app.pair.panes[0].top, 0);
    let list = app.areas().sidebar_list.unwrap();
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 2,
        row: list.y + 1,
        modifiers: KeyModifiers::NONE,
    };
    app.on_mouse(click);
    assert_eq!(app.focus, Focus::Sidebar);
    // Row 0 is the "People" heading: the click lands on the first person.
    assert_eq!(app.jumps.selected_actor, app.sidebar.actor_at(1));
    assert!(app.jumps.selected_actor.is_some());
}

#[test]
fn clicking_a_passage_scrolls_its_counterpart_into_view() {
    let mut app = app((120, 40));
    let cmp = app.pair.comparison.as_ref().unwrap();
    // The first passage of the right article that starts on screen.
    let i = cmp.order[1][0];
    let start = cmp.span(i, Side::Right).start;
    let row = app.pair.panes[1].wrapped.row_of(start) - app.pair.panes[1].top;
    let area = app.areas().pane_text(Side::Right);
    let row_start = app.pair.panes[1].wrapped.rows[app.pair.panes[1].top + row].start;
    let col =
        juxta::tui::wrap::width(&app.corpus.articles[NEWSPAPER].text[row_start..start]) as u16;
    app.on_mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: area.x + col,
        row: area.y + row as u16,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.pair.current_passage, Some(i));
    assert_eq!(app.focus, Focus::Pane(Side::Right));
}

#[test]
fn swapping_panes_swaps_the_comparison() {
    let mut app = app((120, 40));
    let sim = app.pair.comparison.as_ref().unwrap().alignment.similarity;
    app.update(Action::SwapPanes);
    assert_eq!(
        (app.pair.panes[0].article, app.pair.panes[1].article),
        (Some(NEWSPAPER), Some(WIRE))
    );
    let swapped = app.pair.comparison.as_ref().unwrap();
    assert_eq!((swapped.left, swapped.right), (NEWSPAPER, WIRE));
    assert!(
        (swapped.alignment.similarity - sim).abs() < 1e-9,
        "similarity is symmetric"
    );
}

#[test]
fn focus_cycles_through_sidebar_and_panes() {
    let mut app = app((120, 40));
    let mut seen = Vec::new();
    for _ in 0..3 {
        app.update(Action::FocusNext);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        [
            Focus::Pane(Side::Right),
            Focus::Sidebar,
            Focus::Pane(Side::Left)
        ]
    );
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Sidebar);
}

#[test]
fn scrolling_stops_at_both_ends() {
    let mut app = app((120, 40));
    app.update(Action::Up);
    assert_eq!(app.pair.panes[0].top, 0);
    app.update(Action::Bottom);
    let last = app.pair.panes[0].wrapped.len() - app.pane_height(Side::Left);
    assert_eq!(app.pair.panes[0].top, last);
    app.update(Action::PageDown);
    assert_eq!(app.pair.panes[0].top, last);
    app.update(Action::Top);
    assert_eq!(app.pair.panes[0].top, 0);
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut app = app((120, 40));
    for _ in 0..15 {
        app.update(Action::Down);
    }
    let first_byte = app.pair.panes[0].wrapped.rows[app.pair.panes[0].top].start;
    app.resize(80, 24);
    let now = app.pair.panes[0].wrapped.rows[app.pair.panes[0].top].start;
    assert!(
        now <= first_byte && first_byte - now < 200,
        "{now} vs {first_byte}"
    );
}

#[test]
fn an_empty_store_says_how_to_add_articles() {
    let app = App::new(
        Corpus::build(Vec::new(), &Options::default(), None),
        &TuiOptions::default(),
        (80, 24),
        (None, None),
    );
    let text = screen(&app);
    assert!(
        text.contains("The store is empty.") && text.contains("juxta add"),
        "{text}"
    );
}

#[test]
fn one_article_only_says_there_is_nothing_to_compare() {
    let articles =
        juxta::import::articles_from_paths(&[samples().join("01-wire.txt")], &Default::default()).0;
    let mut app = App::new(
        Corpus::build(articles, &Options::default(), None),
        &TuiOptions::default(),
        (100, 30),
        (Some(0), None),
    );
    let text = screen(&app);
    assert!(
        text.contains("No article here:") && text.contains("press o to open"),
        "{text}"
    );
    app.update(Action::NextPassage);
    assert!(
        status_line(&app).starts_with("Only one article"),
        "{}",
        status_line(&app)
    );
}

#[test]
fn summary_and_followup_pair_renders() {
    let app = app_with(&Config::default(), (120, 40), (SUMMARY, FOLLOWUP));
    assert!(screen(&app).contains("similarity"));
}

#[test]
fn opening_picks_the_named_articles_or_the_most_related_pair() {
    let dir = tempfile::tempdir().unwrap();
    let store = juxta::store::Store::open(dir.path().join("store")).unwrap();
    let opts = juxta::import::ImportOptions::default();
    let report = juxta::service::import_paths(&store, &[samples()], &opts).unwrap();
    let ids = report.ids();
    assert!(report.ok() && ids.len() == 7);
    let open = |named: &[Vec<String>]| {
        let app = juxta::tui::load_app(
            &store,
            store.list().unwrap(),
            &Options::default(),
            &TuiOptions::default(),
            (120, 40),
            named,
            &mut |_, _| {},
        );
        let id = |p: Option<usize>| {
            p.map(|i| app.corpus.articles[i].id.clone())
                .unwrap_or_default()
        };
        (id(app.pair.panes[0].article), id(app.pair.panes[1].article))
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    // Nothing named: the two articles that share the most text.
    assert_eq!(open(&[]), pair("01-wire", "02-newspaper"));
    // Two paths named: the first article of each.
    let named = [vec!["06-wide".to_string()], vec!["03-summary".to_string()]];
    assert_eq!(open(&named), pair("06-wide", "03-summary"));
    // One folder named: its most related pair, as for the whole store.
    assert_eq!(
        open(std::slice::from_ref(&ids)),
        pair("01-wire", "02-newspaper")
    );
    // One article named: it and the article sharing most with it.
    let (left, right) = open(&[vec!["04-followup".to_string()]]);
    assert_eq!(left, "04-followup");
    assert!(
        ["01-wire", "02-newspaper"].contains(&right.as_str()),
        "{right}"
    );
}

#[test]
fn control_and_bidi_characters_never_reach_the_screen() {
    // Stored text is sanitized on import; a hand-edited store could still hold anything.
    let mut articles =
        juxta::import::articles_from_paths(&[samples().join("01-wire.txt")], &Default::default()).0;
    articles[0].title = "Evil \u{202E}title\u{1b}[31m".into();
    articles[0].text = format!(
        "Start \u{202E}reversed\u{2066} and \u{7}bell.\n\n{}",
        articles[0].text
    );
    articles[0].source = "Wire\u{202E}service".into();
    let mut app = App::new(
        Corpus::build(articles, &Options::default(), None),
        &TuiOptions::default(),
        (100, 30),
        (Some(0), None),
    );
    let check = |text: String| {
        for bad in ['\u{202E}', '\u{2066}', '\u{7}', '\u{1b}'] {
            assert!(!text.contains(bad), "{bad:?} reached the screen:\n{text}");
        }
        text
    };
    assert!(check(screen(&app)).contains("reversed"));
    app.update(Action::Timeline);
    check(screen(&app));
    app.update(Action::Open);
    assert!(check(screen(&app)).contains("Wire"));
}

#[test]
fn an_export_that_cannot_be_written_says_where_and_why() {
    let mut app = app((120, 40));
    app.settings.export_dir = std::env::temp_dir().join("juxta-no-such-folder/inside");
    app.update(Action::Export);
    let status = status_line(&app);
    assert!(
        status.starts_with("export failed: cannot write "),
        "{status}"
    );
    assert!(status.contains("juxta-no-such-folder"), "{status}");
}

fn config(toml: &str) -> Config {
    Config::from_toml(toml, Path::new("test.toml")).unwrap()
}

#[test]
fn hints_name_the_key_the_keymap_binds() {
    // By default: q quits, o opens.
    let app = app((120, 40));
    assert!(
        status_line(&app).contains("? help · q quit"),
        "{}",
        status_line(&app)
    );
    let empty = |options: &TuiOptions| {
        screen(&App::new(
            Corpus::build(Vec::new(), &Options::default(), None),
            options,
            (80, 24),
            (None, None),
        ))
    };
    assert!(empty(&TuiOptions::default()).contains("Press q to quit."));
    let one_open =
        |options: &TuiOptions| App::new(corpus(), options, (120, 40), (Some(WIRE), None));
    assert!(pane_text(&one_open(&TuiOptions::default()), Side::Right).contains("press o to"));

    // Rebound: every hint follows.
    let rebound = config("[keys]\nq = \"none\"\nx = \"quit\"\no = \"none\"\nctrl-o = \"open\"\n");
    let app = app_with(&rebound, (120, 40), (WIRE, NEWSPAPER));
    let status = status_line(&app);
    assert!(status.contains("? help · x quit"), "{status}");
    assert!(status.contains("ctrl-o open"), "{status}");
    assert!(!status.contains("q quit"), "{status}");
    let text = empty(&rebound.tui_options());
    assert!(
        text.contains("Press x to quit.") && !text.contains("Press q"),
        "{text}"
    );
    let pane = pane_text(&one_open(&rebound.tui_options()), Side::Right);
    assert!(pane.contains("press ctrl-o to"), "{pane}");

    // Quitting unbound but for ctrl-c: the hint names ctrl-c.
    let only_ctrl_c = config("[keys]\nq = \"none\"\n");
    let text = empty(&only_ctrl_c.tui_options());
    assert!(text.contains("Press ctrl-c to quit."), "{text}");
}

#[test]
fn the_timeline_hint_names_the_live_select_key() {
    let mut app = app_with(
        &config("[keys]\nenter = \"none\"\nf2 = \"select\"\n"),
        (120, 40),
        (WIRE, NEWSPAPER),
    );
    app.update(Action::Timeline);
    let several = app
        .corpus
        .timeline
        .iter()
        .position(|e| e.events.len() > 1)
        .expect("the samples have an event several articles report");
    app.sidebar.event_row = several;
    app.update(Action::Select);
    let status = status_line(&app);
    assert!(status.contains("(f2 for the next)"), "{status}");
}

#[test]
fn search_and_picker_keys_obey_the_keymap() {
    let rebound = config(
        "[keys]\nesc = \"none\"\nctrl-g = \"cancel\"\nenter = \"none\"\nf2 = \"select\"\n\
         down = \"none\"\nctrl-n = \"down\"\n",
    );
    let mut app = app_with(&rebound, (120, 40), (WIRE, NEWSPAPER));
    let ctrl =
        |app: &mut App, c: char| app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));

    // The picker: Esc and Down are unbound, so they do nothing; letters are text, never keys.
    app.update(Action::Open);
    key(&mut app, KeyCode::Esc);
    assert!(app.popup.is_some(), "Esc no longer cancels");
    type_text(&mut app, "q");
    assert!(!app.quit);
    assert!(screen(&app).contains("filter: q"));
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(app.popup.is_some(), "Enter no longer selects");
    let Some(juxta::tui::app::Popup::Picker(p)) = &app.popup else {
        panic!()
    };
    // The first row is a story's header: the selection starts on its first article.
    assert_eq!((p.filter.as_str(), p.selected), ("", 1));
    ctrl(&mut app, 'n');
    let Some(juxta::tui::app::Popup::Picker(p)) = &app.popup else {
        panic!()
    };
    let juxta::tui::app::PickerRow::Article(second) = p.rows[2] else {
        panic!("{:?}", p.rows)
    };
    key(&mut app, KeyCode::F(2));
    assert!(app.popup.is_none());
    assert_eq!(app.pair.panes[0].article, Some(second));

    // The search prompt: ctrl-g cancels, F2 searches.
    app.update(Action::Search);
    type_text(&mut app, "quay");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    assert!(
        status_line(&app).starts_with("/quay"),
        "{}",
        status_line(&app)
    );
    ctrl(&mut app, 'g');
    assert!(app.popup.is_none() && app.jumps.search.is_none());
    app.update(Action::Search);
    type_text(&mut app, "quay");
    key(&mut app, KeyCode::F(2));
    assert!(
        status_line(&app).starts_with("hit ") && status_line(&app).contains("for “quay”"),
        "{}",
        status_line(&app)
    );
}

/// Two outlets date one happening differently: the timeline entry shows both dates with their
/// sources and the differing expression; a range shows both its ends.
#[test]
fn the_timeline_shows_conflicting_dates_and_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, source: &str, body: &str| {
        std::fs::write(
            dir.path().join(name),
            format!("---\ntitle: {name}\ndate: 2018-06-01\nsource: {source}\n---\n{body}\n"),
        )
        .unwrap();
    };
    write(
        "a.md",
        "Ledger",
        "Inspectors found deep cracks in the Korvel dam spillway in 2015, the water board said.",
    );
    write(
        "b.md",
        "Courier",
        "Inspectors found deep cracks in the Korvel dam spillway two years ago, the water \
         board said. Repairs ran from May 3 to 7, 2018.",
    );
    let (articles, errors) =
        juxta::import::articles_from_paths(&[dir.path().to_path_buf()], &Default::default());
    assert!(errors.is_empty(), "{errors:?}");
    let corpus = Corpus::build(articles, &Options::default(), None);
    let mut app = App::new(
        corpus,
        &Config::default().tui_options(),
        (140, 30),
        (Some(0), Some(1)),
    );
    app.update(Action::Timeline);
    let text = screen(&app);
    assert!(text.contains("2015 · Ledger"), "{text}");
    assert!(text.contains("  ≠ 2016 · Courier, ‘two ye"), "{text}");
    assert!(text.contains("2018-05-03 – 2018-05-07"), "{text}");
}

#[test]
fn stepping_onto_a_fact_link_shows_its_evidence_in_the_status_line() {
    let mut app = app((200, 40));
    let n = app
        .pair
        .comparison
        .as_ref()
        .unwrap()
        .alignment
        .passages
        .len();
    let mut seen = None;
    for _ in 0..n {
        app.update(Action::NextPassage);
        let i = app.pair.current_passage.expect("a current passage");
        let cmp = app.pair.comparison.as_ref().unwrap();
        if cmp.alignment.passages[i].kind == juxta::analysis::overlap::PassageKind::Paraphrase
            && !cmp.alignment.passages[i].evidence.is_empty()
        {
            seen = Some(status_line(&app));
            break;
        }
    }
    let status = seen.expect("`]` reaches a paraphrase passage linked by its evidence");
    assert!(
        status.starts_with(
            "passage 5 of 15 · paraphrase · 18 words · same figures: three-year, 2024 · \
             same actors: Ferreira, Holdings · same words: contract, terminal's, quays, June"
        ),
        "{status}"
    );
}

/// The frame as drawn (what the terminal is sent is the difference of two of these).
fn frame_buffer(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap().buffer.clone()
}

/// A terminal that gives each code point its own columns, as tmux does: a regional indicator
/// takes one column, so a flag is two one-column glyphs; a zero-width mark joins the glyph
/// before it. `updates` are what ratatui sends (the diff of two frames), applied to `grid`.
fn apply_to_codepoint_terminal(
    grid: &mut [Vec<String>],
    updates: &[(u16, u16, &ratatui::buffer::Cell)],
) {
    use unicode_width::UnicodeWidthChar;
    for &(x, y, cell) in updates {
        let row = &mut grid[y as usize];
        let mut col = x as usize;
        for c in cell.symbol().chars() {
            let w = if ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) {
                1
            } else {
                c.width().unwrap_or(0)
            };
            if w == 0 {
                if col > 0 {
                    row[col - 1].push(c);
                }
                continue;
            }
            if col < row.len() {
                row[col] = c.to_string();
            }
            if w == 2 && col + 1 < row.len() {
                row[col + 1] = String::new();
            }
            col += w;
        }
    }
}

#[test]
fn replacing_an_article_with_wide_characters_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Flags\n\n🇯🇵🇺🇸 open the row. 🇯🇵🇺🇸🇯🇵🇺🇸 close it. A thumb 👍🏽 too.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "Plain\n\nShort text.").unwrap();
    std::fs::write(dir.path().join("c.txt"), "Other\n\nAnother short text.").unwrap();
    let (articles, _) =
        juxta::import::articles_from_paths(&[dir.path().to_path_buf()], &Default::default());
    let config = Config::default();
    let mut app = App::new(
        Corpus::build(articles, &Options::default(), None),
        &config.tui_options(),
        (100, 12),
        (Some(0), Some(1)),
    );
    let first = frame_buffer(&app);
    assert!(
        screen(&app).contains("🇯🇵🇺🇸 open the row"),
        "{}",
        screen(&app)
    );
    app.open(Side::Left, 2);
    let second = frame_buffer(&app);
    let mut grid = vec![vec![" ".to_string(); 100]; 12];
    let blank = Buffer::empty(first.area);
    apply_to_codepoint_terminal(&mut grid, &blank.diff(&first));
    apply_to_codepoint_terminal(&mut grid, &first.diff(&second));
    let shown: String = grid.iter().map(|r| r.concat() + "\n").collect();
    assert!(shown.contains("Another short text."), "{shown}");
    assert!(
        !shown
            .chars()
            .any(|c| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)),
        "half flags left on screen:\n{shown}"
    );
    // The cluster is one cell, also when a search hit ends inside it: the modifier stays
    // with its thumb.
    app.open(Side::Left, 0);
    app.update(Action::Search);
    type_text(&mut app, "👍");
    key(&mut app, KeyCode::Enter);
    assert!(
        app.jumps
            .search
            .as_ref()
            .is_some_and(|s| !s.hits.is_empty())
    );
    let buf = frame_buffer(&app);
    assert!(
        (0..100).any(|x| (0..12).any(|y| buf[(x, y)].symbol() == "👍🏽")),
        "👍🏽 is drawn as one cluster"
    );
}

#[test]
fn at_80_columns_the_sidebar_is_narrow_and_backslash_hides_it() {
    let mut app = app((80, 24));
    let narrow = app.areas().pane_text(Side::Left).width;
    assert!(narrow >= 26, "panes keep {narrow} columns of text");
    app.update(Action::Actors);
    assert_eq!(app.focus, Focus::Sidebar);
    app.update(Action::ToggleSidebar);
    assert!(app.areas().sidebar.is_none());
    assert!(
        matches!(app.focus, Focus::Pane(_)),
        "the focus leaves the hidden sidebar"
    );
    assert_eq!(app.areas().pane_text(Side::Left).width, 36);
    assert!(!screen(&app).contains("Timeline"));
    // The key is bound to `\` by default, and shown in the help.
    assert!(key(&mut app, KeyCode::Char('\\')));
    assert!(screen(&app).contains("Actors│T│Q"));
    app.update(Action::Help);
    assert!(screen(&app).contains("\\  hide or show the sidebar"));
}

#[test]
fn the_sidebar_marks_are_explained_in_its_header_and_in_the_help() {
    let mut app = app((120, 40));
    assert!(
        screen(&app).contains("│ • open · mentions·articles"),
        "{}",
        screen(&app)
    );
    let small = app_with(&Config::default(), (80, 24), (WIRE, NEWSPAPER));
    assert!(
        screen(&small).contains("│ • open · ment·art"),
        "{}",
        screen(&small)
    );
    app.update(Action::Help);
    let help = screen(&app);
    assert!(help.contains("• named in an open article"), "{help}");
    assert!(help.contains("12·5 = 12 mentions in 5 articles"), "{help}");
}

#[test]
fn the_highlighted_timeline_entry_shows_its_whole_sentence() {
    let mut app = app((80, 24));
    app.update(Action::Timeline);
    // The entry with the longest sentence.
    let longest = (0..app.corpus.timeline.len())
        .max_by_key(|&i| {
            let e = &app.corpus.events[app.corpus.timeline[i].events[0]];
            e.sentence.end - e.sentence.start
        })
        .unwrap();
    for _ in 0..longest {
        app.update(Action::Down);
    }
    let e = &app.corpus.events[app.corpus.timeline[longest].events[0]];
    let sentence: Vec<&str> = e
        .sentence
        .slice(&app.corpus.articles[e.article].text)
        .split_whitespace()
        .collect();
    let shown = app.timeline_detail().join(" ");
    assert_eq!(shown.split_whitespace().collect::<Vec<_>>(), sentence);
    let screen = screen(&app);
    for line in app.timeline_detail() {
        assert!(screen.contains(&line), "{line:?} on screen:\n{screen}");
    }
    // The highlighted entry stays in view while the sentence takes rows.
    for _ in 0..app.corpus.timeline.len() {
        app.update(Action::Down);
        let row = app.sidebar.event_row;
        assert!(row >= app.sidebar.event_top && row < app.sidebar.event_top + app.sidebar_rows());
    }
}

#[test]
fn the_picker_says_open_for_open_articles_and_shows_rows_at_40x8() {
    let mut app = app((120, 40));
    app.update(Action::Open);
    let screen_text = screen(&app);
    let wire_title = &app.corpus.articles[WIRE].title;
    let row = screen_text
        .lines()
        .find(|l| l.contains(&wire_title[..20]) && l.contains(" 2025-"))
        .unwrap();
    assert!(row.contains(" open│"), "{row}");
    assert!(!row.contains("% shared"), "{row}");
    assert!(screen_text.contains("% = share of its text found in other articles"));
    let mut tiny = app_with(&Config::default(), (40, 8), (WIRE, NEWSPAPER));
    tiny.update(Action::Open);
    let rows: Vec<String> = screen(&tiny)
        .lines()
        .filter(|l| l.contains("2025-"))
        .map(String::from)
        .collect();
    assert!(rows.len() >= 2, "{}", screen(&tiny));
    // Each row ends with its share or `open`, inside the popup.
    for row in &rows {
        assert!(row.contains("%│") || row.contains(" open│"), "{row}");
    }
}

#[test]
fn the_mention_status_names_the_article() {
    let mut app = app((120, 40));
    app.update(Action::Actors);
    app.update(Action::Select);
    app.update(Action::NextMatch);
    let status = status_line(&app);
    let article = app.pair.panes[app.active_side().index()].article.unwrap();
    assert!(
        status.contains(&format!("· {}", app.corpus.articles[article].id)),
        "{status}"
    );
}

#[test]
fn y_copies_the_current_passage_in_both_wordings() {
    let mut app = app((120, 40));
    assert!(key(&mut app, KeyCode::Char('y')));
    assert!(app.clipboard.is_none());
    assert!(status_line(&app).starts_with("no current passage to copy: press ]"));
    app.update(Action::NextPassage);
    key(&mut app, KeyCode::Char('y'));
    let cmp = app.pair.comparison.as_ref().unwrap();
    let i = app.pair.current_passage.unwrap();
    let (l, r) = (
        &app.corpus.articles[cmp.left],
        &app.corpus.articles[cmp.right],
    );
    let expected = format!(
        "{}:\n{}\n\n{}:\n{}\n",
        l.id,
        cmp.span(i, Side::Left).slice(&l.text),
        r.id,
        cmp.span(i, Side::Right).slice(&r.text)
    );
    assert_eq!(app.clipboard.as_deref(), Some(expected.as_str()));
    assert!(
        status_line(&app).starts_with("passage 1 copied, both wordings"),
        "{}",
        status_line(&app)
    );
    assert!(juxta::tui::app::osc52("hi").starts_with("\u{1b}]52;c;aGk="));
}

#[test]
fn the_pane_footer_names_the_authors_beside_the_outlet() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.json"),
        r#"{"title": "Quay reopens", "text": "The quay reopened on Monday after repairs.",
            "source": "Harbour Ledger", "authors": ["Ana Lind", "Tove Berg"],
            "date": "2025-03-14"}"#,
    )
    .unwrap();
    let (articles, errors) =
        juxta::import::articles_from_paths(&[dir.path().to_path_buf()], &Default::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(articles[0].authors, ["Ana Lind", "Tove Berg"]);
    let app = App::new(
        Corpus::build(articles, &Options::default(), None),
        &TuiOptions::default(),
        (200, 20),
        (Some(0), None),
    );
    let text = screen(&app);
    assert!(
        text.contains("Harbour Ledger (by Ana Lind, Tove Berg) · 2025-03-14"),
        "{text}"
    );
}

#[test]
fn quotes_tab_at_80x24() {
    let mut app = app((80, 24));
    assert!(key(&mut app, KeyCode::Char('u')));
    assert_eq!(app.sidebar.mode, SidebarMode::Quotes);
    assert_eq!(app.focus, Focus::Sidebar);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn quotes_tab_enter_opens_a_pair_carrying_it_and_n_goes_through_the_outlets() {
    let mut app = app_with(&Config::default(), (120, 40), (SUMMARY, FOLLOWUP));
    key(&mut app, KeyCode::Char('u'));
    let group = app.corpus.quotes.groups[0].clone();
    assert!(
        group.articles.len() >= 2,
        "the first row is carried most widely"
    );
    key(&mut app, KeyCode::Enter);
    let carriers: Vec<usize> = group
        .mentions
        .iter()
        .map(|&m| app.corpus.quotes.quotations[m].article)
        .collect();
    let (l, r) = (
        app.pair.panes[0].article.unwrap(),
        app.pair.panes[1].article.unwrap(),
    );
    assert_eq!(l, carriers[0]);
    assert!(carriers.contains(&r) && r != l);
    let status = status_line(&app);
    assert!(status.contains("n for the next"), "{status}");
    insta::assert_snapshot!(screen(&app));
    // The quotation is highlighted where it stands in the left article.
    let first = &app.corpus.quotes.quotations[group.mentions[0]];
    assert_eq!(app.current_match(l), Some(first.span));
    key(&mut app, KeyCode::Char('n'));
    let status = status_line(&app);
    assert!(
        status.starts_with(&format!("quotation 2 of {}", group.mentions.len())),
        "{status}"
    );
    let second = &app.corpus.quotes.quotations[group.mentions[1]];
    assert_eq!(app.current_match(second.article), Some(second.span));
    key(&mut app, KeyCode::Char('N'));
    assert!(status_line(&app).starts_with("quotation 1 of"));
}

#[test]
fn the_quotes_key_is_rebindable_and_its_hints_follow() {
    let rebound = config("[keys]\nu = \"none\"\nctrl-u = \"quotes\"\n");
    let mut app = app_with(&rebound, (160, 40), (WIRE, NEWSPAPER));
    assert!(!key(&mut app, KeyCode::Char('u')), "u was unbound");
    let status = status_line(&app);
    assert!(status.contains("ctrl-u quotes"), "{status}");
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert_eq!(app.sidebar.mode, SidebarMode::Quotes);
    let status = status_line(&app);
    assert!(status.starts_with("Enter open · n/N outlet"), "{status}");
    // `n` with nothing opened says how to open a quotation, with the live keys.
    app.update(Action::FocusNext);
    key(&mut app, KeyCode::Char('u'));
    app.jumps.kind = juxta::tui::app::JumpKind::Quotes;
    key(&mut app, KeyCode::Char('n'));
    assert!(
        status_line(&app).contains("press ctrl-u, pick one and press Enter"),
        "{}",
        status_line(&app)
    );
}

#[test]
fn the_picker_groups_articles_by_story() {
    for size in [(80, 24), (120, 40)] {
        let mut app = app(size);
        app.update(Action::Open);
        let text = screen(&app);
        // Headers are not articles: Enter on one moves to its first article.
        let Some(juxta::tui::app::Popup::Picker(p)) = &app.popup else {
            panic!()
        };
        assert!(
            matches!(p.rows[0], juxta::tui::app::PickerRow::Story(Some(_))),
            "{:?}",
            p.rows
        );
        insta::assert_snapshot!(format!("picker_by_story_{}x{}", size.0, size.1), text);
    }
}

#[test]
fn the_passage_status_says_who_printed_it_first() {
    let mut app = app((160, 30));
    app.update(Action::NextPassage);
    let status = status_line(&app);
    // The samples' wire and newspaper are both dated 2025-03-14: the wire, imported first,
    // carried it first.
    assert!(status.contains("· first in "), "{status}");
    let cmp = app.pair.comparison.as_ref().unwrap();
    let i = app.pair.current_passage.unwrap();
    let first = app
        .corpus
        .first_in(cmp.left, cmp.right, cmp.alignment.passages[i].left)
        .unwrap();
    assert!(status.contains(&first.label()), "{status}");
}

/// The app on `store` as a large archive shows it: the pair `ids` first, with its texts, then
/// the archive's metadata and views swapped in, every other text read from the store.
fn app_on_demand(store: &Path, ids: [&str; 2], size: (u16, u16)) -> App {
    let ctx = juxta::service::Context::new(store.to_path_buf(), Options::default());
    let s = ctx.store().unwrap();
    let pair = ids.iter().map(|id| s.get(id).unwrap()).collect();
    let mut app = App::new(
        Corpus::build(pair, &Options::default(), Some(&s)),
        &TuiOptions::default(),
        size,
        (Some(0), Some(1)),
    );
    let catalogue = juxta::tui::archive::load(&ctx, &mut |_, _| {}).unwrap();
    assert!(catalogue.corpus.articles.iter().all(|a| a.text.is_empty()));
    app.take_archive(catalogue, juxta::store::Store::open(store).unwrap());
    app.theme = Theme::new(&Config::default().theme.dark, true);
    app
}

#[test]
fn an_archive_loaded_without_its_texts_shows_what_the_loaded_archive_shows() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("store");
    let store = juxta::store::Store::open(&root).unwrap();
    let opts = juxta::import::ImportOptions::default();
    assert!(
        juxta::service::import_paths(&store, &[samples()], &opts)
            .unwrap()
            .ok()
    );
    for size in [(80, 24), (120, 40)] {
        let mut whole = juxta::tui::load_app(
            &store,
            store.list().unwrap(),
            &Options::default(),
            &TuiOptions::default(),
            size,
            &[
                vec!["01-wire".to_string()],
                vec!["02-newspaper".to_string()],
            ],
            &mut |_, _| {},
        );
        whole.theme = Theme::new(&Config::default().theme.dark, true);
        let mut lazy = app_on_demand(&root, ["01-wire", "02-newspaper"], size);
        assert_eq!(screen(&lazy), screen(&whole));
        // The same people, mentions across articles, timeline and search hits.
        let keys = [
            Action::Actors,
            Action::Down,
            Action::Select,
            Action::NextMatch,
            Action::NextMatch,
            Action::NextMatch,
            Action::Timeline,
            Action::Down,
            Action::Select,
            Action::Search,
            Action::Char('h'),
            Action::Char('a'),
            Action::Char('r'),
            Action::Char('b'),
            Action::Char('o'),
            Action::Char('u'),
            Action::Char('r'),
            Action::Select,
            Action::NextMatch,
            Action::NextMatch,
        ];
        let mut seen = std::collections::BTreeSet::new();
        for key in keys {
            whole.update(key);
            lazy.update(key);
            assert_eq!(screen(&lazy), screen(&whole), "after {key:?} at {size:?}");
            for p in &lazy.pair.panes {
                seen.insert(lazy.corpus.articles[p.article.unwrap()].id.clone());
            }
        }
        // The walk went beyond the first pair, into texts read from the store.
        assert!(seen.len() > 2 && seen.contains("06-wide"), "{seen:?}");
    }
}
