//! The terminal UI's state and the one place it changes: [`App::update`] takes an [`Action`]
//! and returns whether the screen must be redrawn. Drawing (in `ui`) only reads the state.

mod export;
mod input;
mod jump;
mod scroll;
mod sidebar;

use super::action::Action;
pub use super::config::SidebarMode;
use super::config::{TuiConfig, TuiOptions};
use super::highlight::{Layer, PassageLayers};
use super::keymap::KeyMap;
use super::layout::{Areas, areas};
use super::strings;
use super::theme::Theme;
use super::wrap::Wrapped;
use crate::analysis::Span;
use crate::analysis::actors::ActorKind;
use crate::analysis::conflicts::Conflict;
use crate::analysis::overlap::Alignment;
use crate::service::Corpus;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::collections::HashMap;

pub use crate::analysis::Side;
pub use export::{export_text, osc52};

/// Which panel receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The actors / timeline list.
    Sidebar,
    /// An article pane.
    Pane(Side),
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
    /// What the two report differently (article 0 is the left one).
    pub conflicts: Vec<Conflict>,
    /// Where those values stand on the left and right side.
    pub differ: [Layer; 2],
}

impl Comparison {
    pub(super) fn new(left: usize, right: usize, alignment: Alignment) -> Comparison {
        let mut by_left: Vec<usize> = (0..alignment.passages.len()).collect();
        let mut by_right = by_left.clone();
        by_left.sort_by_key(|&i| (alignment.passages[i].left.start, i));
        by_right.sort_by_key(|&i| (alignment.passages[i].right.start, i));
        let layers = [
            PassageLayers::new(&alignment, Side::Left),
            PassageLayers::new(&alignment, Side::Right),
        ];
        Comparison {
            left,
            right,
            alignment,
            order: [by_left, by_right],
            layers,
            conflicts: Vec::new(),
            differ: [Layer::default(), Layer::default()],
        }
    }

    /// The comparison with what its two articles report differently.
    pub(super) fn with_conflicts(mut self, conflicts: Vec<Conflict>) -> Comparison {
        let layer = |article: usize| {
            Layer::new(
                conflicts
                    .iter()
                    .flat_map(|c| &c.values)
                    .filter(|v| v.article == article)
                    .map(|v| v.span)
                    .collect(),
            )
        };
        self.differ = [layer(0), layer(1)];
        self.conflicts = conflicts;
        self
    }

    /// The span of passage `i` on one side.
    pub fn span(&self, i: usize, side: Side) -> Span {
        let p = &self.alignment.passages[i];
        if side == Side::Left { p.left } else { p.right }
    }
}

/// The two open articles, their comparison and how they scroll.
#[derive(Debug, Clone, Default)]
pub struct OpenPair {
    /// Left and right pane.
    pub panes: [Pane; 2],
    /// The comparison of the two open articles.
    pub comparison: Option<Comparison>,
    /// Alignments computed so far, by (left, right) article: reopening a pair is instant.
    alignments: HashMap<(usize, usize), Alignment>,
    /// The current passage (index into the alignment).
    pub current_passage: Option<usize>,
    /// Synced scrolling.
    pub sync: bool,
}

/// State of the sidebar lists.
#[derive(Debug, Clone)]
pub struct Sidebar {
    /// What it lists.
    pub mode: SidebarMode,
    /// Shown or hidden by the user; `None` follows the terminal width.
    pub shown: Option<bool>,
    /// The actors list: people, then organisations, then places, each group under its heading
    /// and most mentioned first.
    pub actors: Vec<ActorEntry>,
    /// Highlighted row of the actors list.
    pub actor_row: usize,
    /// First visible row of the actors list.
    pub actor_top: usize,
    /// Highlighted entry of the timeline.
    pub event_row: usize,
    /// First visible entry of the timeline.
    pub event_top: usize,
    /// Highlighted quotation group.
    pub quote_row: usize,
    /// First visible quotation group.
    pub quote_top: usize,
}

/// One row of the actors list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorEntry {
    /// The heading of a group: "People", "Organizations", "Places".
    Heading(ActorKind),
    /// An actor (index into `corpus.actors`).
    Actor(usize),
}

impl Sidebar {
    /// The actor on row `row` of the actors list (`None` on a heading or past the end).
    pub fn actor_at(&self, row: usize) -> Option<usize> {
        match self.actors.get(row) {
            Some(&ActorEntry::Actor(i)) => Some(i),
            _ => None,
        }
    }
}

/// The actors list: a heading per kind present, then its actors, most mentioned first.
fn actor_entries(actors: &[crate::analysis::actors::Actor]) -> Vec<ActorEntry> {
    let mut entries = Vec::new();
    for kind in [ActorKind::Person, ActorKind::Organization, ActorKind::Place] {
        let mut group: Vec<usize> = (0..actors.len())
            .filter(|&i| actors[i].kind == kind)
            .collect();
        if group.is_empty() {
            continue;
        }
        group.sort_by(|&a, &b| {
            let (x, y) = (&actors[a], &actors[b]);
            y.mentions
                .len()
                .cmp(&x.mentions.len())
                .then_with(|| x.name.cmp(&y.name))
        });
        entries.push(ActorEntry::Heading(kind));
        entries.extend(group.into_iter().map(ActorEntry::Actor));
    }
    entries
}

/// Jumps across articles: the selected person, the last search, the timeline event opened.
#[derive(Debug, Clone)]
pub struct Jumps {
    /// What `n`/`N` step through.
    pub kind: JumpKind,
    /// The selected person (index into `corpus.actors`).
    pub selected_actor: Option<usize>,
    /// The current mention of the selected person.
    pub mention_cursor: Option<usize>,
    /// The last search.
    pub search: Option<Search>,
    /// The timeline entry last opened, and which of its events.
    pub timeline_cursor: Option<(usize, usize)>,
    /// The sentence of the event last opened: article, span.
    pub event_focus: Option<(usize, Span)>,
    /// The quotation group opened from the Quotes tab (index into `corpus.quotes.groups`).
    pub selected_quote: Option<usize>,
    /// The current mention of that group (index into its `mentions`).
    pub quote_cursor: Option<usize>,
}

/// What `n` / `N` step through: the last kind of jump the user started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JumpKind {
    /// Mentions of the selected person.
    Mentions,
    /// Search hits.
    Search,
    /// Articles carrying the selected quotation.
    Quotes,
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

/// What takes the keys before the panes: a popup over them, or the search prompt.
#[derive(Debug, Clone)]
pub enum Popup {
    /// The search prompt in the status bar, with the text typed so far.
    Search(String),
    /// The key bindings.
    Help {
        /// First visible row.
        top: usize,
    },
    /// The article picker.
    Picker(Picker),
}

/// One row of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerRow {
    /// The header of a story of several articles (its index in `Corpus::stories`), or, for
    /// `None`, of the articles that are stories of their own.
    Story(Option<usize>),
    /// An article (its index in the corpus).
    Article(usize),
}

/// The article picker: the store's articles, filtered by what the user types.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// The filter text.
    pub filter: String,
    /// Articles matching the filter, grouped by story: each story's header, then its articles.
    pub rows: Vec<PickerRow>,
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
    /// The open articles.
    pub pair: OpenPair,
    /// Which panel has the keys.
    pub focus: Focus,
    /// The article pane focused last (where articles open when the sidebar has the focus).
    pub last_pane: Side,
    /// The sidebar.
    pub sidebar: Sidebar,
    /// Mentions, search hits and timeline events.
    pub jumps: Jumps,
    /// The popup or prompt that has the keys.
    pub popup: Option<Popup>,
    /// A message for the status bar, until the next action.
    pub status: Option<String>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Set when the user quits.
    pub quit: bool,
    /// Text to put on the terminal's clipboard (OSC 52), taken by the event loop.
    pub clipboard: Option<String>,
    /// Texts read when shown, for an archive loaded without them.
    pub ondemand: super::archive::OnDemand,
    /// Each article's title, source, id and date, folded, for the picker's filter.
    picker_keys: std::sync::OnceLock<Vec<String>>,
}

impl App {
    /// A UI over the corpus for a terminal of `size`, with the two given articles open.
    pub fn new(
        corpus: Corpus,
        options: &TuiOptions,
        size: (u16, u16),
        pair: (Option<usize>, Option<usize>),
    ) -> App {
        let actors = actor_entries(&corpus.actors);
        // The first row is a heading: start on the first actor under it.
        let actor_row = actors
            .iter()
            .position(|e| matches!(e, ActorEntry::Actor(_)))
            .unwrap_or(0);
        let mut app = App {
            corpus,
            keymap: KeyMap::new(&options.keys),
            theme: Theme::new(options.palette(), super::theme::color_enabled()),
            settings: options.tui.clone(),
            export_width: options.export_width,
            pair: OpenPair::default(),
            focus: Focus::Pane(Side::Left),
            last_pane: Side::Left,
            sidebar: Sidebar {
                mode: options.tui.sidebar,
                shown: None,
                actors,
                actor_row,
                actor_top: 0,
                event_row: 0,
                event_top: 0,
                quote_row: 0,
                quote_top: 0,
            },
            jumps: Jumps {
                kind: JumpKind::Mentions,
                selected_actor: None,
                mention_cursor: None,
                search: None,
                timeline_cursor: None,
                event_focus: None,
                selected_quote: None,
                quote_cursor: None,
            },
            popup: None,
            status: None,
            size,
            quit: false,
            clipboard: None,
            ondemand: super::archive::OnDemand::default(),
            picker_keys: std::sync::OnceLock::new(),
        };
        app.pair.panes[0].article = pair.0;
        app.pair.panes[1].article = pair.1;
        app.relayout();
        app.compare();
        app
    }

    /// Swaps in a corpus that holds the open articles among others (the whole archive, loaded
    /// after the first frame was drawn from the open pair alone). The open articles stay
    /// open where they were scrolled; what pointed into the old corpus's lists (the selected
    /// actor, the timeline cursor) starts afresh, and an open picker lists the new articles.
    pub fn replace_corpus(&mut self, corpus: Corpus) {
        let ids: Vec<String> = self.corpus.articles.iter().map(|a| a.id.clone()).collect();
        let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(corpus.articles.len());
        for (i, a) in corpus.articles.iter().enumerate() {
            by_id.entry(a.id.as_str()).or_insert(i);
        }
        let map = |i: usize| ids.get(i).and_then(|id| by_id.get(id.as_str()).copied());
        for pane in &mut self.pair.panes {
            pane.article = pane.article.and_then(map);
            if pane.article.is_none() {
                pane.wrapped = Wrapped::default();
                pane.top = 0;
            }
        }
        self.pair.alignments = std::mem::take(&mut self.pair.alignments)
            .into_iter()
            .filter_map(|((l, r), a)| Some(((map(l)?, map(r)?), a)))
            .collect();
        self.pair.comparison = self.pair.comparison.take().and_then(|mut c| {
            c.left = map(c.left)?;
            c.right = map(c.right)?;
            Some(c)
        });
        if let Some(search) = self.jumps.search.as_mut() {
            search.hits = search
                .hits
                .iter()
                .filter_map(|&(a, span)| Some((map(a)?, span)))
                .collect();
            search.cursor = None;
        }
        // The selected actor stays selected (by name and kind); its mention cursor restarts.
        let same_actor = |i: usize| {
            let a = &self.corpus.actors[i];
            corpus
                .actors
                .iter()
                .position(|b| b.kind == a.kind && b.name == a.name)
        };
        let highlighted = self
            .sidebar
            .actor_at(self.sidebar.actor_row)
            .and_then(same_actor);
        self.jumps.selected_actor = self.jumps.selected_actor.and_then(same_actor);
        self.jumps.mention_cursor = None;
        self.jumps.timeline_cursor = None;
        self.jumps.event_focus = self.jumps.event_focus.and_then(|(a, s)| Some((map(a)?, s)));
        drop(by_id);
        self.sidebar.actors = actor_entries(&corpus.actors);
        let row_of = |i: usize| {
            self.sidebar
                .actors
                .iter()
                .position(|e| *e == ActorEntry::Actor(i))
        };
        self.sidebar.actor_row = highlighted
            .and_then(row_of)
            .or_else(|| {
                self.sidebar
                    .actors
                    .iter()
                    .position(|e| matches!(e, ActorEntry::Actor(_)))
            })
            .unwrap_or(0);
        self.sidebar.actor_top = 0;
        self.sidebar.event_row = 0;
        self.sidebar.event_top = 0;
        self.corpus = corpus;
        self.picker_keys = std::sync::OnceLock::new();
        self.ondemand.forget();
        self.jumps.selected_quote = None;
        self.jumps.quote_cursor = None;
        self.sidebar.quote_row = 0;
        self.sidebar.quote_top = 0;
        self.refresh_quotes();
        if matches!(self.popup, Some(Popup::Picker(_))) {
            self.refilter();
        }
        self.relayout();
    }

    /// Article `i` with its text (read from the store when the archive was loaded without).
    pub fn article(&self, i: usize) -> std::sync::Arc<crate::article::Article> {
        self.ondemand.article(&self.corpus, i)
    }

    /// Swaps in the archive loaded without its texts (see [`App::replace_corpus`]): from now
    /// on texts are read from `texts` when shown.
    pub fn take_archive(
        &mut self,
        catalogue: super::archive::Catalogue,
        texts: crate::store::Store,
    ) {
        // Set before the corpus without texts comes in, so that nothing reads an empty text.
        self.ondemand = super::archive::OnDemand::from_store(texts, catalogue.originality);
        self.replace_corpus(catalogue.corpus);
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

    pub(super) fn pane_text_width(&self, side: Side) -> usize {
        self.areas().pane_text(side).width as usize
    }

    /// Rewraps the panes after a size change, keeping the first visible text in view.
    pub(super) fn relayout(&mut self) {
        for side in [Side::Left, Side::Right] {
            let width = self.pane_text_width(side).max(1);
            let pane = &self.pair.panes[side.index()];
            let Some(article) = pane.article else {
                continue;
            };
            if pane.wrapped.width == width && !pane.wrapped.is_empty() {
                continue;
            }
            let anchor = pane.wrapped.rows.get(pane.top).map(|r| r.start);
            let wrapped = Wrapped::new(&self.article(article).text, width);
            let pane = &mut self.pair.panes[side.index()];
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
    pub(super) fn compare(&mut self) {
        self.pair.current_passage = None;
        let (Some(l), Some(r)) = (self.pair.panes[0].article, self.pair.panes[1].article) else {
            self.pair.comparison = None;
            return;
        };
        let (left, right) = (self.article(l), self.article(r));
        let alignment = match self.pair.alignments.get(&(l, r)) {
            Some(a) => a.clone(),
            None => {
                let a =
                    crate::analysis::overlap::align(&left.text, &right.text, self.corpus.overlap());
                self.pair.alignments.insert((l, r), a.clone());
                a
            }
        };
        let conflicts = crate::service::pair_disagreements(&left, &right, &alignment);
        self.refresh_quotes();
        self.pair.comparison = Some(Comparison::new(l, r, alignment).with_conflicts(conflicts));
    }

    /// For an archive loaded without its texts, the quotations are those of the open pair
    /// (nothing else has its text): computed again when another pair opens, which forgets the
    /// quotation opened from the Quotes tab.
    fn refresh_quotes(&mut self) {
        if !self.ondemand.is_on_demand() {
            return;
        }
        let (Some(l), Some(r)) = (self.pair.panes[0].article, self.pair.panes[1].article) else {
            return;
        };
        let key = (l.min(r), l.max(r));
        if self.ondemand.quotes_pair == Some(key) {
            return;
        }
        let (a, b) = (self.article(key.0), self.article(key.1));
        self.corpus.quotes =
            super::archive::pair_quotes(&self.corpus, (key.0, &a.text), (key.1, &b.text));
        self.ondemand.quotes_pair = Some(key);
        self.jumps.selected_quote = None;
        self.jumps.quote_cursor = None;
        self.sidebar.quote_row = 0;
        self.sidebar.quote_top = 0;
    }

    /// Opens an article in a pane.
    pub fn open(&mut self, side: Side, article: usize) {
        let width = self.pane_text_width(side).max(1);
        let pane = &mut self.pair.panes[side.index()];
        if pane.article == Some(article) {
            return;
        }
        pane.article = Some(article);
        pane.top = 0;
        let wrapped = Wrapped::new(&self.article(article).text, width);
        let pane = &mut self.pair.panes[side.index()];
        pane.article = Some(article);
        pane.wrapped = wrapped;
        self.compare();
    }

    /// The pane keys act on: the focused one, or the last focused when the sidebar has focus.
    pub fn active_side(&self) -> Side {
        match self.focus {
            Focus::Pane(s) => s,
            Focus::Sidebar => self.last_pane,
        }
    }

    /// Applies an action; returns whether the screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        self.status = None;
        match self.popup.as_mut() {
            Some(Popup::Help { top }) => {
                match action {
                    Action::Down => *top += 1,
                    Action::Up => *top = top.saturating_sub(1),
                    Action::Quit | Action::Help | Action::Cancel => self.popup = None,
                    _ => return false,
                }
                return true;
            }
            Some(Popup::Search(_)) => return self.prompt_input(action),
            Some(Popup::Picker(_)) => return self.picker_input(action),
            None => {}
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
                self.pair.sync = !self.pair.sync;
                if self.pair.sync {
                    self.sync_from(self.active_side(), 0);
                }
                self.status = Some(strings::sync_status(self.pair.sync));
            }
            Action::Open => self.open_picker(),
            Action::Actors | Action::Timeline | Action::Quotes => {
                self.sidebar.mode = match action {
                    Action::Actors => SidebarMode::Actors,
                    Action::Timeline => SidebarMode::Timeline,
                    _ => SidebarMode::Quotes,
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
            Action::Search => self.popup = Some(Popup::Search(String::new())),
            Action::Export => self.export(),
            Action::SwapPanes => {
                self.pair.panes.swap(0, 1);
                self.relayout();
                self.compare();
            }
            Action::Cancel => self.cancel(),
            Action::ToggleSidebar => {
                self.sidebar.shown = Some(!self.sidebar_visible());
                if !self.sidebar_visible() && self.focus == Focus::Sidebar {
                    self.focus = Focus::Pane(self.last_pane);
                }
                self.relayout();
            }
            Action::CopyPassage => self.copy_passage(),
            // Text outside a text field does nothing.
            Action::Char(_) | Action::DeleteChar | Action::None => return false,
        }
        true
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
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

    pub(super) fn motion(&mut self, action: Action) {
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

    pub(super) fn cancel(&mut self) {
        if self.pair.current_passage.is_some()
            || self.jumps.search.is_some()
            || self.jumps.event_focus.is_some()
        {
            self.pair.current_passage = None;
            self.jumps.search = None;
            self.jumps.event_focus = None;
            self.jumps.timeline_cursor = None;
        } else if self.jumps.kind == JumpKind::Quotes && self.jumps.selected_quote.is_some() {
            self.jumps.selected_quote = None;
            self.jumps.quote_cursor = None;
        } else {
            self.jumps.selected_actor = None;
            self.jumps.mention_cursor = None;
        }
    }
}
