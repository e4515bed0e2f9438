//! Scrolling the panes: clamping, synced scrolling, and bringing a passage and its counterpart
//! into view side by side.

use super::*;

impl App {
    pub(super) fn max_top(&self, side: Side) -> usize {
        let pane = &self.pair.panes[side.index()];
        pane.wrapped
            .len()
            .saturating_sub(self.pane_height(side).max(1))
    }

    pub(super) fn clamp_top(&mut self, side: Side) {
        let max = self.max_top(side);
        let pane = &mut self.pair.panes[side.index()];
        pane.top = pane.top.min(max);
    }

    /// Scrolls a pane by `delta` rows (and the other one along, with synced scrolling).
    pub fn scroll(&mut self, side: Side, delta: isize) {
        let max = self.max_top(side);
        let pane = &mut self.pair.panes[side.index()];
        pane.top = pane.top.saturating_add_signed(delta).min(max);
        if self.pair.sync {
            self.sync_from(side, delta);
        }
    }

    /// Scrolls the other pane so the passage nearest the top third of `side` is level in both.
    pub(super) fn sync_from(&mut self, side: Side, delta: isize) {
        let other = side.other();
        let anchor = self.pair.comparison.as_ref().and_then(|cmp| {
            let pane = &self.pair.panes[side.index()];
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
                let screen_row = self.pair.panes[side.index()].wrapped.row_of(here) as isize
                    - self.pair.panes[side.index()].top as isize;
                let target =
                    self.pair.panes[other.index()].wrapped.row_of(there) as isize - screen_row;
                let max = self.max_top(other);
                self.pair.panes[other.index()].top = target.clamp(0, max as isize) as usize;
            }
            None => {
                let max = self.max_top(other);
                let pane = &mut self.pair.panes[other.index()];
                pane.top = pane.top.saturating_add_signed(delta).min(max);
            }
        }
    }

    /// Scrolls a pane so byte `offset` shows on screen row `screen_row`.
    pub(super) fn reveal(&mut self, side: Side, offset: usize, screen_row: usize) {
        let row = self.pair.panes[side.index()].wrapped.row_of(offset);
        let max = self.max_top(side);
        self.pair.panes[side.index()].top = row.saturating_sub(screen_row).min(max);
    }

    /// The screen row byte `offset` is on in a pane, if visible.
    pub(super) fn screen_row(&self, side: Side, offset: usize) -> Option<usize> {
        let pane = &self.pair.panes[side.index()];
        let row = pane.wrapped.row_of(offset);
        (row >= pane.top && row < pane.top + self.pane_height(side)).then(|| row - pane.top)
    }

    /// The passage under the view's reading line when none is current.
    pub(super) fn passage_near_view(&self, side: Side, forward: bool) -> Option<usize> {
        let cmp = self.pair.comparison.as_ref()?;
        let pane = &self.pair.panes[side.index()];
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

    pub(super) fn step_passage(&mut self, forward: bool) {
        let side = self.active_side();
        let Some(cmp) = &self.pair.comparison else {
            self.status = Some(strings::NO_SECOND_ARTICLE.into());
            return;
        };
        let order = &cmp.order[side.index()];
        if order.is_empty() {
            self.status = Some(strings::NO_PASSAGES.into());
            return;
        }
        let next = match self
            .pair
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
        let Some(cmp) = &self.pair.comparison else {
            return;
        };
        let (here, there) = (cmp.span(i, side), cmp.span(i, side.other()));
        let kind = cmp.alignment.passages[i].kind;
        let words = cmp.alignment.passages[i].words;
        // A passage linked by its facts says why: "same figure: 42-year-old · same actors: …".
        let evidence = crate::analysis::overlap::describe_evidence(
            &cmp.alignment.passages[i].evidence,
            &self.article(cmp.left).text,
            &self.article(cmp.right).text,
        );
        let k = cmp.order[side.index()]
            .iter()
            .position(|&j| j == i)
            .unwrap_or(0)
            + 1;
        let n = cmp.order[side.index()].len();
        // Who printed it first: among the loaded articles that carry it.
        let first = self
            .corpus
            .first_in(cmp.left, cmp.right, cmp.alignment.passages[i].left);
        self.pair.current_passage = Some(i);
        let row = match self.screen_row(side, here.start) {
            Some(r) => r,
            None => {
                let r = self.pane_height(side) / 4;
                self.reveal(side, here.start, r);
                self.screen_row(side, here.start).unwrap_or(r)
            }
        };
        self.reveal(side.other(), there.start, row);
        let mut status = strings::passage_status(k, n, kind.name(), words, &evidence);
        if let Some(first) = first {
            status.push_str(" · ");
            status.push_str(&first.label());
        }
        self.status = Some(status);
    }
}
