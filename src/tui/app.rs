//! The terminal UI's state and the one place it changes: [`App::update`] takes an [`Action`]
//! and returns whether the screen must be redrawn. Drawing (in `ui`) only reads the state.

use super::action::Action;
use super::highlight::{Layer, PassageLayers};
use super::keymap::KeyMap;
use super::theme::Theme;
use super::ui::layout::{Areas, areas};
use super::wrap::Wrapped;
use crate::analysis::Span;
use crate::analysis::actors::ActorKind;
use crate::analysis::overlap::Alignment;
use crate::config::{Config, ThemeName, TuiConfig};
use crate::corpus::Corpus;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// One of the two article panes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Side {
    /// The left pane.
    #[default]
    Left,
    /// The right pane.
    Right,
}

impl Side {
    /// Index into `App::panes`.
    pub fn index(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }

    /// The other pane.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// Which panel receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The actors / timeline list.
    Sidebar,
    /// An article pane.
    Pane(Side),
}

/// What the sidebar lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SidebarMode {
    /// People, by number of mentions.
    Actors,
    /// Dated events, by date.
    Timeline,
}

/// An article pane: which article, where it is scrolled, and its text wrapped to the pane.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    /// Index into the corpus, or none yet.
    pub article: Option<usize>,
    /// First visible row.
    pub top: usize,
    /// The article wrapped to the pane's text width.
    pub wrapped: Wrapped,
}

/// The comparison of the two open articles.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Article in the left pane.
    pub left: usize,
    /// Article in the right pane.
    pub right: usize,
    /// Their shared passages.
    pub alignment: Alignment,
    /// Passage indexes ordered by their start in the left and in the right article.
    pub order: [Vec<usize>; 2],
    /// Highlight layers of the left and right side.
    pub layers: [PassageLayers; 2],
}

impl Comparison {
    fn new(left: usize, right: usize, alignment: Alignment) -> Comparison {
        let mut by_left: Vec<usize> = (0..alignment.passages.len()).collect();
        let mut by_right = by_left.clone();
        by_left.sort_by_key(|&i| (alignment.passages[i].left.start, i));
        by_right.sort_by_key(|&i| (alignment.passages[i].right.start, i));
        let layers = [
            PassageLayers::new(&alignment, true),
            PassageLayers::new(&alignment, false),
        ];
        Comparison {
            left,
            right,
            alignment,
            order: [by_left, by_right],
            layers,
        }
    }

    /// The span of passage `i` on one side.
    pub fn span(&self, i: usize, side: Side) -> Span {
        let p = &self.alignment.passages[i];
        if side == Side::Left { p.left } else { p.right }
    }
}

/// State of the sidebar lists.
#[derive(Debug, Clone)]
pub struct Sidebar {
    /// What it lists.
    pub mode: SidebarMode,
    /// Shown or hidden by the user; `None` follows the terminal width.
    pub shown: Option<bool>,
    /// Highlighted row of the actors list.
    pub actor_row: usize,
    /// First visible row of the actors list.
    pub actor_top: usize,
    /// Highlighted entry of the timeline.
    pub event_row: usize,
    /// First visible entry of the timeline.
    pub event_top: usize,
}

/// What `n` / `N` step through: the last kind of jump the user started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JumpKind {
    /// Mentions of the selected person.
    Mentions,
    /// Search hits.
    Search,
}

/// A finished search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// What was searched.
    pub query: String,
    /// Hits in reading order: article, span.
    pub hits: Vec<(usize, Span)>,
    /// The current hit.
    pub cursor: Option<usize>,
}

/// A popup over the panes.
#[derive(Debug, Clone)]
pub enum Popup {
    /// The key bindings.
    Help {
        /// First visible row.
        top: usize,
    },
    /// The article picker.
    Picker(Picker),
}

/// The article picker: the store's articles, filtered by what the user types.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// The filter text.
    pub filter: String,
    /// Articles matching the filter, in corpus order.
    pub rows: Vec<usize>,
    /// Highlighted row.
    pub selected: usize,
    /// First visible row.
    pub top: usize,
    /// The pane the chosen article opens in.
    pub target: Side,
}

/// The whole terminal UI state.
pub struct App {
    /// The loaded articles and their analysis.
    pub corpus: Corpus,
    /// Key bindings.
    pub keymap: KeyMap,
    /// Styles.
    pub theme: Theme,
    /// `[tui]` settings.
    pub settings: TuiConfig,
    /// Width of exported text.
    pub export_width: usize,
    /// Left and right pane.
    pub panes: [Pane; 2],
    /// Which panel has the keys.
    pub focus: Focus,
    /// The article pane focused last (where articles open when the sidebar has the focus).
    pub last_pane: Side,
    /// The sidebar.
    pub sidebar: Sidebar,
    /// Persons in the actors list (indexes into `corpus.actors`).
    pub persons: Vec<usize>,
    /// The comparison of the two open articles.
    pub comparison: Option<Comparison>,
    alignments: HashMap<(usize, usize), Alignment>,
    /// The current passage (index into the alignment).
    pub current_passage: Option<usize>,
    /// Synced scrolling.
    pub sync: bool,
    /// The selected person (index into `corpus.actors`).
    pub selected_actor: Option<usize>,
    /// The current mention of the selected person.
    pub mention_cursor: Option<usize>,
    /// The last search.
    pub search: Option<Search>,
    /// What `n`/`N` step through.
    pub jump: JumpKind,
    /// The timeline entry last opened, and which of its events.
    pub timeline_cursor: Option<(usize, usize)>,
    /// The sentence of the event last opened: article, span.
    pub event_focus: Option<(usize, Span)>,
    /// Text being typed into the search prompt.
    pub input: Option<String>,
    /// The open popup.
    pub popup: Option<Popup>,
    /// A message for the status bar, until the next action.
    pub status: Option<String>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Set when the user quits.
    pub quit: bool,
}

impl App {
    /// A UI over the corpus for a terminal of `size`, with the two given articles open.
    pub fn new(
        corpus: Corpus,
        config: &Config,
        size: (u16, u16),
        pair: (Option<usize>, Option<usize>),
    ) -> App {
        let spec = match config.tui.theme {
            ThemeName::Dark => &config.theme.dark,
            ThemeName::Light => &config.theme.light,
        };
        let mut persons: Vec<usize> = (0..corpus.actors.len())
            .filter(|&i| corpus.actors[i].kind == ActorKind::Person)
            .collect();
        persons.sort_by(|&a, &b| {
            let (x, y) = (&corpus.actors[a], &corpus.actors[b]);
            y.mentions
                .len()
                .cmp(&x.mentions.len())
                .then_with(|| x.name.cmp(&y.name))
        });
        let mut app = App {
            corpus,
            keymap: KeyMap::new(&config.keys),
            theme: Theme::new(spec, super::theme::color_enabled()),
            settings: config.tui.clone(),
            export_width: config.compare.text_width,
            panes: [Pane::default(), Pane::default()],
            focus: Focus::Pane(Side::Left),
            last_pane: Side::Left,
            sidebar: Sidebar {
                mode: config.tui.sidebar,
                shown: None,
                actor_row: 0,
                actor_top: 0,
                event_row: 0,
                event_top: 0,
            },
            persons,
            comparison: None,
            alignments: HashMap::new(),
            current_passage: None,
            sync: false,
            selected_actor: None,
            mention_cursor: None,
            search: None,
            jump: JumpKind::Mentions,
            timeline_cursor: None,
            event_focus: None,
            input: None,
            popup: None,
            status: None,
            size,
            quit: false,
        };
        app.panes[0].article = pair.0;
        app.panes[1].article = pair.1;
        app.relayout();
        app.compare();
        app
    }

    /// Whether the sidebar takes space on screen.
    pub fn sidebar_visible(&self) -> bool {
        self.sidebar.shown.unwrap_or(self.size.0 >= 80)
    }

    /// Where everything is on screen.
    pub fn areas(&self) -> Areas {
        areas(
            self.size,
            self.sidebar_visible(),
            self.settings.sidebar_width,
        )
    }

    /// Rows of text a pane shows.
    pub fn pane_height(&self, side: Side) -> usize {
        let a = self.areas();
        a.pane_text(side).height as usize
    }

    fn pane_text_width(&self, side: Side) -> usize {
        self.areas().pane_text(side).width as usize
    }

    /// Rewraps the panes after a size change, keeping the first visible text in view.
    fn relayout(&mut self) {
        for side in [Side::Left, Side::Right] {
            let width = self.pane_text_width(side).max(1);
            let pane = &self.panes[side.index()];
            let Some(article) = pane.article else {
                continue;
            };
            if pane.wrapped.width == width && !pane.wrapped.is_empty() {
                continue;
            }
            let anchor = pane.wrapped.rows.get(pane.top).map(|r| r.start);
            let wrapped = Wrapped::new(&self.corpus.articles[article].text, width);
            let pane = &mut self.panes[side.index()];
            pane.top = anchor.map_or(0, |b| wrapped.row_of(b));
            pane.wrapped = wrapped;
        }
        for side in [Side::Left, Side::Right] {
            self.clamp_top(side);
        }
        self.keep_sidebar_selection_visible();
    }

    /// Handles a terminal resize.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.relayout();
    }

    /// Aligns the two open articles (cached per pair).
    fn compare(&mut self) {
        self.current_passage = None;
        let (Some(l), Some(r)) = (self.panes[0].article, self.panes[1].article) else {
            self.comparison = None;
            return;
        };
        let alignment = match self.alignments.get(&(l, r)) {
            Some(a) => a.clone(),
            None => {
                let a = self.corpus.align(l, r);
                self.alignments.insert((l, r), a.clone());
                a
            }
        };
        self.comparison = Some(Comparison::new(l, r, alignment));
    }

    /// Opens an article in a pane.
    pub fn open(&mut self, side: Side, article: usize) {
        let width = self.pane_text_width(side).max(1);
        let pane = &mut self.panes[side.index()];
        if pane.article == Some(article) {
            return;
        }
        pane.article = Some(article);
        pane.top = 0;
        pane.wrapped = Wrapped::new(&self.corpus.articles[article].text, width);
        self.compare();
    }

    /// The pane keys act on: the focused one, or the last focused when the sidebar has focus.
    pub fn active_side(&self) -> Side {
        match self.focus {
            Focus::Pane(s) => s,
            Focus::Sidebar => self.last_pane,
        }
    }

    fn max_top(&self, side: Side) -> usize {
        let pane = &self.panes[side.index()];
        pane.wrapped
            .len()
            .saturating_sub(self.pane_height(side).max(1))
    }

    fn clamp_top(&mut self, side: Side) {
        let max = self.max_top(side);
        let pane = &mut self.panes[side.index()];
        pane.top = pane.top.min(max);
    }

    /// Scrolls a pane by `delta` rows (and the other one along, with synced scrolling).
    pub fn scroll(&mut self, side: Side, delta: isize) {
        let max = self.max_top(side);
        let pane = &mut self.panes[side.index()];
        pane.top = pane.top.saturating_add_signed(delta).min(max);
        if self.sync {
            self.sync_from(side, delta);
        }
    }

    /// Scrolls the other pane so the passage nearest the top third of `side` is level in both.
    fn sync_from(&mut self, side: Side, delta: isize) {
        let other = side.other();
        let anchor = self.comparison.as_ref().and_then(|cmp| {
            let pane = &self.panes[side.index()];
            let probe_row =
                (pane.top + self.pane_height(side) / 3).min(pane.wrapped.len().saturating_sub(1));
            let probe = pane.wrapped.rows.get(probe_row)?.start;
            let order = &cmp.order[side.index()];
            let at = order.partition_point(|&i| cmp.span(i, side).start <= probe);
            let i = if at > 0 {
                order[at - 1]
            } else {
                *order.first()?
            };
            Some((cmp.span(i, side).start, cmp.span(i, other).start))
        });
        match anchor {
            Some((here, there)) => {
                let screen_row = self.panes[side.index()].wrapped.row_of(here) as isize
                    - self.panes[side.index()].top as isize;
                let target = self.panes[other.index()].wrapped.row_of(there) as isize - screen_row;
                let max = self.max_top(other);
                self.panes[other.index()].top = target.clamp(0, max as isize) as usize;
            }
            None => {
                let max = self.max_top(other);
                let pane = &mut self.panes[other.index()];
                pane.top = pane.top.saturating_add_signed(delta).min(max);
            }
        }
    }

    /// Scrolls a pane so byte `offset` shows on screen row `screen_row`.
    fn reveal(&mut self, side: Side, offset: usize, screen_row: usize) {
        let row = self.panes[side.index()].wrapped.row_of(offset);
        let max = self.max_top(side);
        self.panes[side.index()].top = row.saturating_sub(screen_row).min(max);
    }

    /// The screen row byte `offset` is on in a pane, if visible.
    fn screen_row(&self, side: Side, offset: usize) -> Option<usize> {
        let pane = &self.panes[side.index()];
        let row = pane.wrapped.row_of(offset);
        (row >= pane.top && row < pane.top + self.pane_height(side)).then(|| row - pane.top)
    }

    /// Handles a key; returns whether the screen changed.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return true;
        }
        if self.input.is_some() {
            return self.on_search_key(key);
        }
        if let Some(Popup::Picker(_)) = self.popup {
            return self.on_picker_key(key);
        }
        match self.keymap.action(&key) {
            Some(action) => self.update(action),
            None => false,
        }
    }

    fn on_search_key(&mut self, key: KeyEvent) -> bool {
        let Some(text) = self.input.as_mut() else {
            return false;
        };
        match key.code {
            KeyCode::Esc => self.input = None,
            KeyCode::Enter => {
                let query = std::mem::take(text);
                self.input = None;
                self.run_search(&query);
            }
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => text.push(c),
            _ => return false,
        }
        true
    }

    fn on_picker_key(&mut self, key: KeyEvent) -> bool {
        let Some(Popup::Picker(picker)) = self.popup.as_mut() else {
            return false;
        };
        match key.code {
            KeyCode::Esc => self.popup = None,
            KeyCode::Enter => {
                let chosen = picker.rows.get(picker.selected).copied();
                let target = picker.target;
                self.popup = None;
                if let Some(article) = chosen {
                    self.open(target, article);
                    self.focus = Focus::Pane(target);
                    self.last_pane = target;
                }
            }
            KeyCode::Down => {
                picker.selected = (picker.selected + 1).min(picker.rows.len().saturating_sub(1))
            }
            KeyCode::Up => picker.selected = picker.selected.saturating_sub(1),
            KeyCode::PageDown => {
                picker.selected = (picker.selected + 10).min(picker.rows.len().saturating_sub(1))
            }
            KeyCode::PageUp => picker.selected = picker.selected.saturating_sub(10),
            KeyCode::Backspace => {
                picker.filter.pop();
                self.refilter();
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                picker.filter.push(c);
                self.refilter();
            }
            _ => return false,
        }
        self.keep_picker_selection_visible();
        true
    }

    fn refilter(&mut self) {
        let Some(Popup::Picker(picker)) = self.popup.as_mut() else {
            return;
        };
        let needle = crate::text::fold(&picker.filter);
        picker.rows = (0..self.corpus.articles.len())
            .filter(|&i| {
                let a = &self.corpus.articles[i];
                needle.is_empty()
                    || needle.split_whitespace().all(|w| {
                        [&a.title, &a.source, &a.id, &a.date_label()]
                            .iter()
                            .any(|f| crate::text::fold(f).contains(w))
                    })
            })
            .collect();
        picker.selected = 0;
        picker.top = 0;
    }

    /// Picker rows that fit on screen.
    pub fn picker_height(&self) -> usize {
        super::ui::picker::list_height(self.size)
    }

    fn keep_picker_selection_visible(&mut self) {
        let height = self.picker_height().max(1);
        if let Some(Popup::Picker(p)) = self.popup.as_mut() {
            if p.selected < p.top {
                p.top = p.selected;
            } else if p.selected >= p.top + height {
                p.top = p.selected + 1 - height;
            }
        }
    }

    /// Handles a mouse event; returns whether the screen changed.
    pub fn on_mouse(&mut self, ev: MouseEvent) -> bool {
        if self.popup.is_some() || self.input.is_some() {
            return false;
        }
        let areas = self.areas();
        let at = ratatui::layout::Position::new(ev.column, ev.row);
        let side = [Side::Left, Side::Right]
            .into_iter()
            .find(|&s| areas.pane(s).contains(at));
        let in_sidebar = areas.sidebar.is_some_and(|r| r.contains(at));
        let lines = self.settings.wheel_lines as isize;
        match ev.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let delta = if ev.kind == MouseEventKind::ScrollDown {
                    lines
                } else {
                    -lines
                };
                if let Some(side) = side {
                    self.scroll(side, delta);
                    return true;
                }
                if in_sidebar {
                    let steps = delta.unsigned_abs();
                    let action = if delta > 0 { Action::Down } else { Action::Up };
                    for _ in 0..steps {
                        self.sidebar_step(action);
                    }
                    return true;
                }
                false
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(side) = side {
                    self.focus = Focus::Pane(side);
                    self.last_pane = side;
                    self.click_passage(side, ev.column, ev.row);
                    return true;
                }
                if in_sidebar {
                    self.focus = Focus::Sidebar;
                    if let Some(row) = areas
                        .sidebar_list
                        .and_then(|r| r.contains(at).then(|| (ev.row - r.y) as usize))
                    {
                        self.click_sidebar_row(row);
                    }
                    return true;
                }
                false
            }
            _ => false,
        }
    }

    /// A click on a highlighted passage makes it current and brings its counterpart into view.
    fn click_passage(&mut self, side: Side, column: u16, row: u16) {
        let text_area = self.areas().pane_text(side);
        if !text_area.contains(ratatui::layout::Position::new(column, row)) {
            return;
        }
        let pane = &self.panes[side.index()];
        let Some(article) = pane.article else { return };
        let Some(r) = pane
            .wrapped
            .rows
            .get(pane.top + (row - text_area.y) as usize)
        else {
            return;
        };
        let text = &self.corpus.articles[article].text[r.start..r.end];
        let offset =
            r.start + super::ui::pane::byte_at_column(text, (column - text_area.x) as usize);
        let Some(cmp) = &self.comparison else { return };
        let hit = cmp.order[side.index()]
            .iter()
            .copied()
            .find(|&i| cmp.span(i, side).contains(offset));
        if let Some(i) = hit {
            self.show_passage(i, side);
        }
    }

    fn click_sidebar_row(&mut self, row: usize) {
        match self.sidebar.mode {
            SidebarMode::Actors => {
                let i = self.sidebar.actor_top + row;
                if i < self.persons.len() {
                    self.sidebar.actor_row = i;
                    self.update(Action::Select);
                }
            }
            SidebarMode::Timeline => {
                let i = self.sidebar.event_top + row / 2;
                if i < self.corpus.timeline.len() {
                    self.sidebar.event_row = i;
                    self.update(Action::Select);
                }
            }
        }
    }

    /// Applies an action; returns whether the screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        self.status = None;
        if let Some(Popup::Help { top }) = self.popup.as_mut() {
            match action {
                Action::Down => *top += 1,
                Action::Up => *top = top.saturating_sub(1),
                Action::Quit | Action::Help | Action::Cancel => self.popup = None,
                _ => return false,
            }
            return true;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.popup = Some(Popup::Help { top: 0 }),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => self.motion(action),
            Action::NextPassage => self.step_passage(true),
            Action::PrevPassage => self.step_passage(false),
            Action::ToggleSync => {
                self.sync = !self.sync;
                if self.sync {
                    self.sync_from(self.active_side(), 0);
                }
                self.status = Some(format!(
                    "synced scrolling {}",
                    if self.sync { "on" } else { "off" }
                ));
            }
            Action::Open => self.open_picker(),
            Action::Actors | Action::Timeline => {
                self.sidebar.mode = if action == Action::Actors {
                    SidebarMode::Actors
                } else {
                    SidebarMode::Timeline
                };
                if !self.sidebar_visible() {
                    self.sidebar.shown = Some(true);
                    self.relayout();
                }
                self.focus = Focus::Sidebar;
            }
            Action::Select => self.select(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Search => self.input = Some(String::new()),
            Action::Export => self.export(),
            Action::SwapPanes => {
                self.panes.swap(0, 1);
                self.relayout();
                self.compare();
            }
            Action::Cancel => self.cancel(),
            Action::None => return false,
        }
        true
    }

    fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Focus::Pane(Side::Left), Focus::Pane(Side::Right)];
        if self.sidebar_visible() {
            order.insert(0, Focus::Sidebar);
        }
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
        if let Focus::Pane(s) = self.focus {
            self.last_pane = s;
        }
    }

    fn motion(&mut self, action: Action) {
        match self.focus {
            Focus::Sidebar => self.sidebar_step(action),
            Focus::Pane(side) => {
                let page = self.pane_height(side).saturating_sub(2).max(1) as isize;
                let delta = match action {
                    Action::Down => 1,
                    Action::Up => -1,
                    Action::PageDown => page,
                    Action::PageUp => -page,
                    Action::Top => isize::MIN / 2,
                    _ => isize::MAX / 2,
                };
                self.scroll(side, delta);
            }
        }
    }

    fn sidebar_len(&self) -> usize {
        match self.sidebar.mode {
            SidebarMode::Actors => self.persons.len(),
            SidebarMode::Timeline => self.corpus.timeline.len(),
        }
    }

    /// Entries of the current sidebar list that fit on screen.
    pub fn sidebar_rows(&self) -> usize {
        let h = self.areas().sidebar_list.map_or(0, |r| r.height as usize);
        match self.sidebar.mode {
            SidebarMode::Actors => h,
            SidebarMode::Timeline => h / 2,
        }
    }

    fn sidebar_step(&mut self, action: Action) {
        let len = self.sidebar_len();
        if len == 0 {
            return;
        }
        let page = self.sidebar_rows().saturating_sub(1).max(1);
        let row = match self.sidebar.mode {
            SidebarMode::Actors => &mut self.sidebar.actor_row,
            SidebarMode::Timeline => &mut self.sidebar.event_row,
        };
        *row = match action {
            Action::Down => (*row + 1).min(len - 1),
            Action::Up => row.saturating_sub(1),
            Action::PageDown => (*row + page).min(len - 1),
            Action::PageUp => row.saturating_sub(page),
            Action::Top => 0,
            _ => len - 1,
        };
        self.keep_sidebar_selection_visible();
    }

    fn keep_sidebar_selection_visible(&mut self) {
        let height = self.sidebar_rows().max(1);
        for (row, top) in [
            (self.sidebar.actor_row, &mut self.sidebar.actor_top),
            (self.sidebar.event_row, &mut self.sidebar.event_top),
        ] {
            if row < *top {
                *top = row;
            } else if row >= *top + height {
                *top = row + 1 - height;
            }
        }
    }

    /// The passage under the view's reading line when none is current.
    fn passage_near_view(&self, side: Side, forward: bool) -> Option<usize> {
        let cmp = self.comparison.as_ref()?;
        let pane = &self.panes[side.index()];
        let top = pane.wrapped.rows.get(pane.top)?.start;
        let order = &cmp.order[side.index()];
        let at = order.partition_point(|&i| cmp.span(i, side).start < top);
        if forward {
            order.get(at).or(order.first()).copied()
        } else {
            at.checked_sub(1)
                .map(|k| order[k])
                .or(order.last().copied())
        }
    }

    fn step_passage(&mut self, forward: bool) {
        let side = self.active_side();
        let Some(cmp) = &self.comparison else {
            self.status = Some(super::strings::NO_SECOND_ARTICLE.into());
            return;
        };
        let order = &cmp.order[side.index()];
        if order.is_empty() {
            self.status = Some(super::strings::NO_PASSAGES.into());
            return;
        }
        let next = match self
            .current_passage
            .and_then(|c| order.iter().position(|&i| i == c))
        {
            Some(k) if forward => order[(k + 1) % order.len()],
            Some(k) => order[(k + order.len() - 1) % order.len()],
            None => match self.passage_near_view(side, forward) {
                Some(i) => i,
                None => return,
            },
        };
        self.show_passage(next, side);
    }

    /// Makes passage `i` current: in view in `side`, its counterpart level with it in the other.
    pub fn show_passage(&mut self, i: usize, side: Side) {
        let Some(cmp) = &self.comparison else { return };
        let (here, there) = (cmp.span(i, side), cmp.span(i, side.other()));
        let kind = cmp.alignment.passages[i].kind;
        let words = cmp.alignment.passages[i].words;
        let k = cmp.order[side.index()]
            .iter()
            .position(|&j| j == i)
            .unwrap_or(0)
            + 1;
        let n = cmp.order[side.index()].len();
        self.current_passage = Some(i);
        let row = match self.screen_row(side, here.start) {
            Some(r) => r,
            None => {
                let r = self.pane_height(side) / 4;
                self.reveal(side, here.start, r);
                self.screen_row(side, here.start).unwrap_or(r)
            }
        };
        self.reveal(side.other(), there.start, row);
        let kind = match kind {
            crate::analysis::overlap::PassageKind::Exact => "exact",
            crate::analysis::overlap::PassageKind::Near => "near",
            crate::analysis::overlap::PassageKind::Paraphrase => "paraphrase",
        };
        self.status = Some(format!("passage {k} of {n} · {kind} · {words} words"));
    }

    fn open_picker(&mut self) {
        let target = self.active_side();
        let mut picker = Picker {
            target,
            ..Picker::default()
        };
        picker.rows = (0..self.corpus.articles.len()).collect();
        if let Some(current) = self.panes[target.index()].article {
            picker.selected = current;
        }
        self.popup = Some(Popup::Picker(picker));
        self.keep_picker_selection_visible();
    }

    fn select(&mut self) {
        match self.focus {
            Focus::Sidebar => match self.sidebar.mode {
                SidebarMode::Actors => self.select_actor(),
                SidebarMode::Timeline => self.open_event(),
            },
            Focus::Pane(side) => {
                // Enter in a pane: the passage at the top of the view becomes current.
                if let Some(i) = self.passage_near_view(side, true) {
                    self.show_passage(i, side);
                }
            }
        }
    }

    fn select_actor(&mut self) {
        let Some(&actor) = self.persons.get(self.sidebar.actor_row) else {
            return;
        };
        if self.selected_actor == Some(actor) {
            self.selected_actor = None;
            self.mention_cursor = None;
            return;
        }
        self.selected_actor = Some(actor);
        self.mention_cursor = None;
        self.jump = JumpKind::Mentions;
        let a = &self.corpus.actors[actor];
        let articles = distinct_articles(a.mentions.iter().map(|m| m.article));
        let next = self.keymap.hint(Action::NextMatch);
        self.status = Some(format!(
            "{}: {} mentions in {} {} · {next} to jump",
            a.name,
            a.mentions.len(),
            articles,
            if articles == 1 { "article" } else { "articles" }
        ));
    }

    fn open_event(&mut self) {
        let entry_index = self.sidebar.event_row;
        let Some(entry) = self.corpus.timeline.get(entry_index) else {
            return;
        };
        if entry.events.is_empty() {
            return;
        }
        let k = match self.timeline_cursor {
            Some((e, k)) if e == entry_index => (k + 1) % entry.events.len(),
            _ => 0,
        };
        let n = entry.events.len();
        let event = self.corpus.events[entry.events[k]].clone();
        self.timeline_cursor = Some((entry_index, k));
        self.event_focus = Some((event.article, event.sentence));
        self.goto(event.article, event.sentence);
        let a = &self.corpus.articles[event.article];
        let date = event
            .date
            .map_or_else(|| "undated".to_string(), |d| d.label());
        self.status = Some(if n > 1 {
            format!(
                "{date} · “{}” · source {} of {n} (Enter for the next)",
                event.expression,
                k + 1
            ) + &format!(" · {}", a.source)
        } else {
            format!("{date} · “{}” · {}", event.expression, a.source)
        });
    }

    /// Shows `span` of `article`: in the pane that has it open, else opened in the active pane.
    fn goto(&mut self, article: usize, span: Span) {
        let active = self.active_side();
        let side = if self.panes[active.index()].article == Some(article) {
            active
        } else if self.panes[active.other().index()].article == Some(article) {
            active.other()
        } else {
            self.open(active, article);
            active
        };
        if self.focus != Focus::Sidebar {
            self.focus = Focus::Pane(side);
            self.last_pane = side;
        }
        if self.screen_row(side, span.start).is_none() {
            let r = self.pane_height(side) / 3;
            self.reveal(side, span.start, r);
        }
    }

    fn step_match(&mut self, forward: bool) {
        match self.jump {
            JumpKind::Mentions => self.step_mention(forward),
            JumpKind::Search => self.step_hit(forward),
        }
    }

    fn step_mention(&mut self, forward: bool) {
        let Some(actor) = self.selected_actor else {
            let (a, enter) = (
                self.keymap.hint(Action::Actors),
                self.keymap.hint(Action::Select),
            );
            self.status = Some(format!(
                "no person selected: press {a}, pick one and press {enter}"
            ));
            return;
        };
        let mentions = &self.corpus.actors[actor].mentions;
        if mentions.is_empty() {
            return;
        }
        let n = mentions.len();
        let k = match self.mention_cursor {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        self.mention_cursor = Some(k);
        let m = mentions[k];
        let total_articles = distinct_articles(mentions.iter().map(|m| m.article));
        let article_rank = distinct_articles(mentions[..=k].iter().map(|m| m.article));
        self.goto(m.article, m.span);
        self.status = Some(format!(
            "mention {} of {n} · article {article_rank} of {total_articles}",
            k + 1
        ));
    }

    fn run_search(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        let pattern = format!("(?i){}", regex::escape(query));
        let Ok(re) = regex::Regex::new(&pattern) else {
            return;
        };
        let mut hits = Vec::new();
        for (i, a) in self.corpus.articles.iter().enumerate() {
            hits.extend(
                re.find_iter(&a.text)
                    .map(|m| (i, Span::new(m.start(), m.end()))),
            );
        }
        if hits.is_empty() {
            self.status = Some(format!("no match for “{query}”"));
            self.search = None;
            return;
        }
        // Start from the view: the first hit at or after the top of the active pane.
        let side = self.active_side();
        let from = self.panes[side.index()].article.map(|a| {
            let pane = &self.panes[side.index()];
            (a, pane.wrapped.rows.get(pane.top).map_or(0, |r| r.start))
        });
        let start = from.map_or(0, |(a, off)| {
            hits.iter()
                .position(|&(h, s)| (h, s.start) >= (a, off))
                .unwrap_or(0)
        });
        self.search = Some(Search {
            query: query.to_string(),
            hits,
            cursor: None,
        });
        self.jump = JumpKind::Search;
        self.show_hit(start);
    }

    fn step_hit(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            self.status = Some(format!(
                "nothing searched yet: press {} to search",
                self.keymap.hint(Action::Search)
            ));
            return;
        };
        let n = search.hits.len();
        let k = match search.cursor {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None => 0,
        };
        self.show_hit(k);
    }

    fn show_hit(&mut self, k: usize) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        search.cursor = Some(k);
        let (article, span) = search.hits[k];
        let n = search.hits.len();
        let query = search.query.clone();
        self.goto(article, span);
        self.status = Some(format!(
            "hit {} of {n} for “{query}” · {}",
            k + 1,
            self.corpus.articles[article].id
        ));
    }

    fn cancel(&mut self) {
        if self.current_passage.is_some() || self.search.is_some() || self.event_focus.is_some() {
            self.current_passage = None;
            self.search = None;
            self.event_focus = None;
            self.timeline_cursor = None;
        } else {
            self.selected_actor = None;
            self.mention_cursor = None;
        }
    }

    /// Writes the comparison as text next to the user (never over an existing file).
    fn export(&mut self) {
        let Some(cmp) = &self.comparison else {
            self.status = Some(super::strings::NO_SECOND_ARTICLE.into());
            return;
        };
        let (l, r) = (
            &self.corpus.articles[cmp.left],
            &self.corpus.articles[cmp.right],
        );
        let text = super::export_text(l, r, &cmp.alignment, self.export_width);
        let stem = format!("juxta-{}-{}", l.id, r.id);
        self.status = Some(
            match write_new_file(&self.settings.export_dir, &stem, "txt", text.as_bytes()) {
                Ok(path) => format!("exported to {}", path.display()),
                Err(e) => format!(
                    "export failed: cannot write to {} ({e})",
                    self.settings.export_dir.display()
                ),
            },
        );
    }

    /// Highlights of the selected person in one article.
    pub fn mention_layer(&self, article: usize) -> Layer {
        let Some(actor) = self.selected_actor else {
            return Layer::default();
        };
        Layer::new(
            self.corpus.actors[actor]
                .mentions
                .iter()
                .filter(|m| m.article == article)
                .map(|m| m.span)
                .collect(),
        )
    }

    /// Search hits in one article.
    pub fn hit_layer(&self, article: usize) -> Layer {
        let Some(search) = &self.search else {
            return Layer::default();
        };
        Layer::new(
            search
                .hits
                .iter()
                .filter(|h| h.0 == article)
                .map(|h| h.1)
                .collect(),
        )
    }

    /// The current mention or hit, if it is in `article`.
    pub fn current_match(&self, article: usize) -> Option<Span> {
        let (a, span) = match self.jump {
            JumpKind::Mentions => {
                let m = self
                    .corpus
                    .actors
                    .get(self.selected_actor?)?
                    .mentions
                    .get(self.mention_cursor?)?;
                (m.article, m.span)
            }
            JumpKind::Search => {
                let s = self.search.as_ref()?;
                *s.hits.get(s.cursor?)?
            }
        };
        (a == article).then_some(span)
    }
}

fn distinct_articles(articles: impl Iterator<Item = usize>) -> usize {
    let mut seen: Vec<usize> = articles.collect();
    seen.dedup();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// Writes `bytes` to `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… if taken; never replaces a
/// file, even one created by another process at the same moment.
pub fn write_new_file(
    dir: &std::path::Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let mut tmp = tempfile::Builder::new()
        .prefix(".juxta-export-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                tmp = e.file;
                n += 1;
            }
            Err(e) => return Err(e.error),
        }
    }
}
