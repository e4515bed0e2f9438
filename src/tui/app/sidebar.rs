//! The sidebar lists: moving the selection, choosing a person, opening a timeline event.

use super::*;

impl App {
    pub(super) fn sidebar_len(&self) -> usize {
        match self.sidebar.mode {
            SidebarMode::Actors => self.sidebar.actors.len(),
            SidebarMode::Timeline => self.corpus.timeline.len(),
            SidebarMode::Quotes => self.corpus.quotes.groups.len(),
        }
    }

    /// Entries of the current sidebar list that fit on screen.
    pub fn sidebar_rows(&self) -> usize {
        let h = self.areas().sidebar_list.map_or(0, |r| r.height as usize);
        match self.sidebar.mode {
            SidebarMode::Actors | SidebarMode::Quotes => h,
            SidebarMode::Timeline => {
                let detail = self.timeline_detail();
                let below = if detail.is_empty() {
                    0
                } else {
                    detail.len() + 1
                };
                h.saturating_sub(below) / 2
            }
        }
    }

    /// The whole sentence of the highlighted timeline entry, wrapped to the sidebar: the list
    /// cuts each entry to one row, and this shows below it what the entry says. At most half the
    /// list's height (the last row then ends with `…`).
    pub fn timeline_detail(&self) -> Vec<String> {
        let Some(list) = self.areas().sidebar_list else {
            return Vec::new();
        };
        let Some(&first) = self
            .corpus
            .timeline
            .get(self.sidebar.event_row)
            .and_then(|e| e.events.first())
        else {
            return Vec::new();
        };
        let sentence = crate::text::printable::replace_unprintable(
            &self.ondemand.sentence(&self.corpus, first),
        )
        .into_owned();
        let width = list.width as usize;
        // Room for the entry itself above it; the rest of the list shows the sentence.
        let max = (list.height as usize).saturating_sub(3).max(1);
        let wrapped = Wrapped::new(&sentence, width);
        let mut lines: Vec<String> = wrapped
            .rows
            .iter()
            .map(|r| sentence[r.start..r.end].to_string())
            .collect();
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                *last = crate::text::truncate(&format!("{last} …"), width);
            }
        }
        lines
    }

    pub(super) fn sidebar_step(&mut self, action: Action) {
        let len = self.sidebar_len();
        if len == 0 {
            return;
        }
        let page = self.sidebar_rows().saturating_sub(1).max(1);
        let row = match self.sidebar.mode {
            SidebarMode::Actors => &mut self.sidebar.actor_row,
            SidebarMode::Timeline => &mut self.sidebar.event_row,
            SidebarMode::Quotes => &mut self.sidebar.quote_row,
        };
        let from = *row;
        *row = match action {
            Action::Down => (*row + 1).min(len - 1),
            Action::Up => row.saturating_sub(1),
            Action::PageDown => (*row + page).min(len - 1),
            Action::PageUp => row.saturating_sub(page),
            Action::Top => 0,
            _ => len - 1,
        };
        // Headings are not selectable: step over one in the direction of travel (down from
        // the top, where a heading opens the list).
        if self.sidebar.mode == SidebarMode::Actors
            && matches!(
                self.sidebar.actors.get(self.sidebar.actor_row),
                Some(ActorEntry::Heading(_))
            )
        {
            let r = self.sidebar.actor_row;
            self.sidebar.actor_row = if r < from && r > 0 {
                r - 1
            } else {
                (r + 1).min(len - 1)
            };
        }
        self.keep_sidebar_selection_visible();
    }

    pub(super) fn keep_sidebar_selection_visible(&mut self) {
        let height = self.sidebar_rows().max(1);
        for (row, top) in [
            (self.sidebar.actor_row, &mut self.sidebar.actor_top),
            (self.sidebar.event_row, &mut self.sidebar.event_top),
            (self.sidebar.quote_row, &mut self.sidebar.quote_top),
        ] {
            if row < *top {
                *top = row;
            } else if row >= *top + height {
                *top = row + 1 - height;
            }
        }
    }

    pub(super) fn select(&mut self) {
        match self.focus {
            Focus::Sidebar => match self.sidebar.mode {
                SidebarMode::Actors => self.select_actor(),
                SidebarMode::Timeline => self.open_event(),
                SidebarMode::Quotes => self.open_quote(),
            },
            Focus::Pane(side) => {
                // Enter in a pane: the passage at the top of the view becomes current.
                if let Some(i) = self.passage_near_view(side, true) {
                    self.show_passage(i, side);
                }
            }
        }
    }

    pub(super) fn select_actor(&mut self) {
        let Some(actor) = self.sidebar.actor_at(self.sidebar.actor_row) else {
            return;
        };
        if self.jumps.selected_actor == Some(actor) {
            self.jumps.selected_actor = None;
            self.jumps.mention_cursor = None;
            return;
        }
        self.jumps.selected_actor = Some(actor);
        self.jumps.mention_cursor = None;
        self.jumps.kind = JumpKind::Mentions;
        let a = &self.corpus.actors[actor];
        let articles = a.articles().len();
        let next = self.keymap.hint(Action::NextMatch);
        self.status = Some(strings::person_selected(
            &a.name,
            a.mentions.len(),
            articles,
            &next,
        ));
    }

    pub(super) fn open_event(&mut self) {
        let entry_index = self.sidebar.event_row;
        let Some(entry) = self.corpus.timeline.get(entry_index) else {
            return;
        };
        if entry.events.is_empty() {
            return;
        }
        let k = match self.jumps.timeline_cursor {
            Some((e, k)) if e == entry_index => (k + 1) % entry.events.len(),
            _ => 0,
        };
        let n = entry.events.len();
        let event = self.corpus.events[entry.events[k]].clone();
        self.jumps.timeline_cursor = Some((entry_index, k));
        self.jumps.event_focus = Some((event.article, event.sentence));
        self.goto(event.article, event.sentence);
        let a = &self.corpus.articles[event.article];
        let date = event
            .date
            .map_or_else(|| strings::UNDATED.to_string(), |d| d.label());
        let select = self.keymap.hint(Action::Select);
        let position = (n > 1).then_some((k + 1, n, select.as_str()));
        self.status = Some(strings::event_status(
            &date,
            &event.expression,
            &a.source,
            position,
        ));
    }

    /// Opens the highlighted quotation: the first two articles carrying it side by side (the
    /// one article, when only one does), each scrolled to it; `n`/`N` then go through the
    /// articles that carry it.
    pub(super) fn open_quote(&mut self) {
        let g = self.sidebar.quote_row;
        let Some(group) = self.corpus.quotes.groups.get(g) else {
            return;
        };
        let first = group.mentions[0];
        let second = group.mentions.iter().copied().find(|&m| {
            self.corpus.quotes.quotations[m].article != self.corpus.quotes.quotations[first].article
        });
        let (articles, speaker, disagree) = (
            group.articles.len(),
            group
                .speaker
                .as_ref()
                .map_or(strings::UNKNOWN_SPEAKER.to_string(), |s| s.name.clone()),
            group.speakers_disagree,
        );
        self.jumps.selected_quote = Some(g);
        self.jumps.kind = JumpKind::Quotes;
        let q = self.corpus.quotes.quotations[first].clone();
        if let Some(m) = second {
            let other = self.corpus.quotes.quotations[m].clone();
            self.open(Side::Left, q.article);
            self.open(Side::Right, other.article);
            self.relayout();
            for (side, span) in [(Side::Left, q.span), (Side::Right, other.span)] {
                if self.screen_row(side, span.start).is_none() {
                    let r = self.pane_height(side) / 3;
                    self.reveal(side, span.start, r);
                }
            }
        } else {
            self.goto(q.article, q.span);
        }
        self.jumps.quote_cursor = Some(0);
        let next = self.keymap.hint(Action::NextMatch);
        self.status = Some(strings::quote_selected(&speaker, articles, disagree, &next));
    }
}
