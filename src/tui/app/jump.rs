//! Jumps across articles: mentions of the selected person, search hits, and the highlights
//! they leave in each article.

use super::*;

impl App {
    /// Shows `span` of `article`: in the pane that has it open, else opened in the active pane.
    pub(super) fn goto(&mut self, article: usize, span: Span) {
        let active = self.active_side();
        let side = if self.pair.panes[active.index()].article == Some(article) {
            active
        } else if self.pair.panes[active.other().index()].article == Some(article) {
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

    pub(super) fn step_match(&mut self, forward: bool) {
        match self.jumps.kind {
            JumpKind::Mentions => self.step_mention(forward),
            JumpKind::Search => self.step_hit(forward),
            JumpKind::Quotes => self.step_carrier(forward),
        }
    }

    /// The next (or previous) article carrying the selected quotation, scrolled to it.
    pub(super) fn step_carrier(&mut self, forward: bool) {
        let Some(group) = self
            .jumps
            .selected_quote
            .and_then(|g| self.corpus.quotes.groups.get(g))
        else {
            let (u, enter) = (
                self.keymap.hint(Action::Quotes),
                self.keymap.hint(Action::Select),
            );
            self.status = Some(strings::no_quote_selected(&u, &enter));
            return;
        };
        let n = group.mentions.len();
        let k = match self.jumps.quote_cursor {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        let m = group.mentions[k];
        let drift = group
            .drift
            .iter()
            .find(|d| d.mention == k)
            .map(|d| d.diff.clone());
        let q = self.corpus.quotes.quotations[m].clone();
        self.jumps.quote_cursor = Some(k);
        self.goto(q.article, q.span);
        let speaker = q
            .speaker
            .as_ref()
            .map_or(strings::UNKNOWN_SPEAKER, |s| s.name.as_str());
        self.status = Some(strings::carrier_status(
            k + 1,
            n,
            &self.corpus.articles[q.article].id,
            speaker,
            drift.as_deref(),
        ));
    }

    /// The quoted words of the selected quotation in one article.
    fn quote_spans(&self, article: usize) -> Vec<Span> {
        let Some(group) = self
            .jumps
            .selected_quote
            .and_then(|g| self.corpus.quotes.groups.get(g))
        else {
            return Vec::new();
        };
        group
            .mentions
            .iter()
            .map(|&m| &self.corpus.quotes.quotations[m])
            .filter(|q| q.article == article)
            .flat_map(|q| q.pieces.iter().copied())
            .collect()
    }

    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(actor) = self.jumps.selected_actor else {
            let (a, enter) = (
                self.keymap.hint(Action::Actors),
                self.keymap.hint(Action::Select),
            );
            self.status = Some(strings::no_person_selected(&a, &enter));
            return;
        };
        let mentions = &self.corpus.actors[actor].mentions;
        if mentions.is_empty() {
            return;
        }
        let n = mentions.len();
        let k = match self.jumps.mention_cursor {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        self.jumps.mention_cursor = Some(k);
        let m = mentions[k];
        let articles = self.corpus.actors[actor].articles();
        let total_articles = articles.len();
        let article_rank = articles
            .iter()
            .position(|&a| a == m.article)
            .map_or(0, |p| p + 1);
        self.goto(m.article, m.span);
        self.status = Some(strings::mention_status(
            k + 1,
            n,
            article_rank,
            total_articles,
            &self.corpus.articles[m.article].id,
        ));
    }

    pub(super) fn run_search(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        let hits = match self.ondemand.store() {
            Some(store) => self.archive_hits(store, query),
            None => crate::service::search(&self.corpus.articles, query),
        };
        if hits.is_empty() {
            self.status = Some(strings::no_match(query));
            self.jumps.search = None;
            return;
        }
        // Start from the view: the first hit at or after the top of the active pane.
        let side = self.active_side();
        let from = self.pair.panes[side.index()].article.map(|a| {
            let pane = &self.pair.panes[side.index()];
            (a, pane.wrapped.rows.get(pane.top).map_or(0, |r| r.start))
        });
        let start = from.map_or(0, |(a, off)| {
            hits.iter()
                .position(|&(h, s)| (h, s.start) >= (a, off))
                .unwrap_or(0)
        });
        self.jumps.search = Some(Search {
            query: query.to_string(),
            hits,
            cursor: None,
        });
        self.jumps.kind = JumpKind::Search;
        self.show_hit(start);
    }

    pub(super) fn step_hit(&mut self, forward: bool) {
        let Some(search) = &self.jumps.search else {
            self.status = Some(strings::nothing_searched(&self.keymap.hint(Action::Search)));
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

    pub(super) fn show_hit(&mut self, k: usize) {
        let Some(search) = self.jumps.search.as_mut() else {
            return;
        };
        search.cursor = Some(k);
        let (article, span) = search.hits[k];
        let n = search.hits.len();
        let query = search.query.clone();
        self.goto(article, span);
        self.status = Some(strings::hit_status(
            k + 1,
            n,
            &query,
            &self.corpus.articles[article].id,
        ));
    }

    /// Highlights of the selected person (or, after opening a quotation, of the quotation) in
    /// one article.
    pub fn mention_layer(&self, article: usize) -> Layer {
        if self.jumps.kind == JumpKind::Quotes && self.jumps.selected_quote.is_some() {
            return Layer::new(self.quote_spans(article));
        }
        let Some(actor) = self.jumps.selected_actor else {
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
        let Some(search) = &self.jumps.search else {
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
        let (a, span) = match self.jumps.kind {
            JumpKind::Mentions => {
                let m = self
                    .corpus
                    .actors
                    .get(self.jumps.selected_actor?)?
                    .mentions
                    .get(self.jumps.mention_cursor?)?;
                (m.article, m.span)
            }
            JumpKind::Search => {
                let s = self.jumps.search.as_ref()?;
                *s.hits.get(s.cursor?)?
            }
            JumpKind::Quotes => {
                let group = self.corpus.quotes.groups.get(self.jumps.selected_quote?)?;
                let q = &self.corpus.quotes.quotations
                    [*group.mentions.get(self.jumps.quote_cursor?)?];
                (q.article, q.span)
            }
        };
        (a == article).then_some(span)
    }
}

/// Articles of the archive whose text is searched (besides the open pair) when it was loaded
/// without its texts: the store's best matches.
const ARCHIVE_SEARCH: usize = 200;

impl App {
    /// Hits of `query` in the open pair and in the articles the store's full-text index finds
    /// for its words (each read, searched and let go), in reading order.
    fn archive_hits(&self, store: &crate::store::Store, query: &str) -> Vec<(usize, Span)> {
        let by_id: HashMap<&str, usize> = self
            .corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut candidates: Vec<usize> = store
            .search(query, ARCHIVE_SEARCH)
            .unwrap_or_default()
            .iter()
            .filter_map(|h| by_id.get(h.article.as_str()).copied())
            .chain(self.pair.panes.iter().filter_map(|p| p.article))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut hits = Vec::new();
        for i in candidates {
            let a = self.ondemand.peek(&self.corpus, i);
            hits.extend(
                crate::service::search(std::slice::from_ref(&*a), query)
                    .into_iter()
                    .map(|(_, span)| (i, span)),
            );
        }
        hits
    }
}
