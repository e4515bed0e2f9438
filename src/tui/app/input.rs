//! Keys and the mouse: keys become [`Action`]s (text fields turn typed characters into
//! `Action::Char`); the search prompt and the picker act on them; wheel and clicks.

use super::*;

/// Rows a page key moves the picker's selection.
const PICKER_PAGE: usize = 10;

impl App {
    /// Handles a key; returns whether the screen changed.
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        // ctrl-c leaves from anywhere, whatever the keymap says: the way out of a raw terminal.
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return true;
        }
        match self.key_action(&key) {
            Some(action) => self.update(action),
            None => false,
        }
    }

    /// The action a key asks for. In a text field (the search prompt, the picker filter) a
    /// printable character or Backspace edits the text; every other key goes through the keymap.
    pub fn key_action(&self, key: &KeyEvent) -> Option<Action> {
        if matches!(self.popup, Some(Popup::Search(_) | Popup::Picker(_))) {
            match key.code {
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    return Some(Action::Char(c));
                }
                KeyCode::Backspace => return Some(Action::DeleteChar),
                _ => {}
            }
        }
        self.keymap.action(key)
    }

    /// An action while the search prompt is open; returns whether the screen changed.
    pub(super) fn prompt_input(&mut self, action: Action) -> bool {
        let Some(Popup::Search(text)) = self.popup.as_mut() else {
            return false;
        };
        match action {
            Action::Char(c) => text.push(c),
            Action::DeleteChar => {
                text.pop();
            }
            Action::Select => {
                let query = std::mem::take(text);
                self.popup = None;
                self.run_search(&query);
            }
            Action::Cancel => self.popup = None,
            _ => return false,
        }
        true
    }

    /// An action while the picker is open; returns whether the screen changed.
    pub(super) fn picker_input(&mut self, action: Action) -> bool {
        let Some(Popup::Picker(picker)) = self.popup.as_mut() else {
            return false;
        };
        let last = picker.rows.len().saturating_sub(1);
        match action {
            Action::Cancel => self.popup = None,
            Action::Select => {
                let chosen = match picker.rows.get(picker.selected) {
                    Some(&PickerRow::Article(i)) => Some(i),
                    // A story's header: its first article is the row below.
                    Some(PickerRow::Story(_)) => {
                        picker.selected = (picker.selected + 1).min(last);
                        self.keep_picker_selection_visible();
                        return true;
                    }
                    None => None,
                };
                let target = picker.target;
                self.popup = None;
                if let Some(article) = chosen {
                    self.open(target, article);
                    self.focus = Focus::Pane(target);
                    self.last_pane = target;
                }
            }
            Action::Down => picker.selected = (picker.selected + 1).min(last),
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::PageDown => picker.selected = (picker.selected + PICKER_PAGE).min(last),
            Action::PageUp => picker.selected = picker.selected.saturating_sub(PICKER_PAGE),
            Action::DeleteChar => {
                picker.filter.pop();
                self.refilter();
            }
            Action::Char(c) => {
                picker.filter.push(c);
                self.refilter();
            }
            _ => return false,
        }
        self.keep_picker_selection_visible();
        true
    }

    pub(super) fn refilter(&mut self) {
        let Some(Popup::Picker(picker)) = self.popup.as_mut() else {
            return;
        };
        let needle = crate::text::fold(&picker.filter);
        // Folded once per corpus, not once per article and key typed (an archive of 10⁵
        // articles took a noticeable while per key).
        let keys = self.picker_keys.get_or_init(|| {
            self.corpus
                .articles
                .iter()
                .map(|a| {
                    // One line per field: a word typed never spans two of them.
                    [&a.title, &a.source, &a.id, &a.date_label()]
                        .iter()
                        .map(|f| crate::text::fold(f))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        });
        let matches =
            |i: usize| needle.is_empty() || needle.split_whitespace().all(|w| keys[i].contains(w));
        picker.rows = picker_rows(&self.corpus, matches);
        picker.selected = first_article_row(&picker.rows);
        picker.top = 0;
    }

    /// Picker rows that fit on screen.
    pub fn picker_height(&self) -> usize {
        super::super::layout::picker_list_height(self.size)
    }

    pub(super) fn keep_picker_selection_visible(&mut self) {
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
        if self.popup.is_some() {
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
    pub(super) fn click_passage(&mut self, side: Side, column: u16, row: u16) {
        let text_area = self.areas().pane_text(side);
        if !text_area.contains(ratatui::layout::Position::new(column, row)) {
            return;
        }
        let pane = &self.pair.panes[side.index()];
        let Some(article) = pane.article else { return };
        let Some(r) = pane
            .wrapped
            .rows
            .get(pane.top + (row - text_area.y) as usize)
        else {
            return;
        };
        let a = self.article(article);
        let text = &a.text[r.start..r.end];
        let offset =
            r.start + super::super::layout::byte_at_column(text, (column - text_area.x) as usize);
        let Some(cmp) = &self.pair.comparison else {
            return;
        };
        let hit = cmp.order[side.index()]
            .iter()
            .copied()
            .find(|&i| cmp.span(i, side).contains(offset));
        if let Some(i) = hit {
            self.show_passage(i, side);
        }
    }

    pub(super) fn click_sidebar_row(&mut self, row: usize) {
        match self.sidebar.mode {
            SidebarMode::Actors => {
                let i = self.sidebar.actor_top + row;
                if self.sidebar.actor_at(i).is_some() {
                    self.sidebar.actor_row = i;
                    self.update(Action::Select);
                }
            }
            SidebarMode::Quotes => {
                let i = self.sidebar.quote_top + row;
                if i < self.corpus.quotes.groups.len() {
                    self.sidebar.quote_row = i;
                    self.update(Action::Select);
                }
            }
            SidebarMode::Timeline => {
                let i = self.sidebar.event_top + row / 2;
                // Rows below the entries show the highlighted entry's sentence.
                if row / 2 < self.sidebar_rows() && i < self.corpus.timeline.len() {
                    self.sidebar.event_row = i;
                    self.update(Action::Select);
                }
            }
        }
    }

    pub(super) fn open_picker(&mut self) {
        let target = self.active_side();
        let mut picker = Picker {
            target,
            ..Picker::default()
        };
        picker.rows = picker_rows(&self.corpus, |_| true);
        picker.selected = first_article_row(&picker.rows);
        if let Some(current) = self.pair.panes[target.index()].article
            && let Some(row) = picker
                .rows
                .iter()
                .position(|r| *r == PickerRow::Article(current))
        {
            picker.selected = row;
        }
        self.popup = Some(Popup::Picker(picker));
        self.keep_picker_selection_visible();
    }
}

/// The picker's rows: each story of several articles under its header (most articles
/// first), then the articles that are stories of their own under one header; only the
/// articles `keep` accepts, and only headers with some of them. With no story of several
/// articles, a plain list without headers.
fn picker_rows(corpus: &crate::service::Corpus, keep: impl Fn(usize) -> bool) -> Vec<PickerRow> {
    let stories = corpus.stories();
    let grouped = stories.iter().any(|s| s.articles.len() > 1);
    let mut rows = Vec::new();
    let mut singles = Vec::new();
    for (s, story) in stories.iter().enumerate() {
        let kept: Vec<usize> = story
            .articles
            .iter()
            .copied()
            .filter(|&i| keep(i))
            .collect();
        if story.articles.len() == 1 {
            singles.extend(kept);
        } else if !kept.is_empty() {
            rows.push(PickerRow::Story(Some(s)));
            rows.extend(kept.into_iter().map(PickerRow::Article));
        }
    }
    if !singles.is_empty() {
        // Single articles in corpus order, as the list was before stories.
        singles.sort_unstable();
        if grouped {
            rows.push(PickerRow::Story(None));
        }
        rows.extend(singles.into_iter().map(PickerRow::Article));
    }
    rows
}

/// The first row holding an article (0 when none does).
fn first_article_row(rows: &[PickerRow]) -> usize {
    rows.iter()
        .position(|r| matches!(r, PickerRow::Article(_)))
        .unwrap_or(0)
}
