//! Highlight layers of one pane: sorted, non-overlapping byte spans per kind, so that the few
//! visible rows find their highlights by binary search.

use crate::analysis::overlap::{Alignment, PassageKind};
use crate::analysis::{Side, Span};

/// Spans of one kind, sorted by start and merged where they touch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layer(Vec<Span>);

impl Layer {
    /// Sorts and merges spans.
    pub fn new(mut spans: Vec<Span>) -> Layer {
        spans.retain(|s| !s.is_empty());
        spans.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        Layer(merged)
    }

    /// The spans overlapping `range`.
    pub fn overlapping(&self, range: Span) -> &[Span] {
        let first = self.0.partition_point(|s| s.end <= range.start);
        let last = self.0.partition_point(|s| s.start < range.end);
        &self.0[first..last.max(first)]
    }

    /// Whether any span covers `offset`.
    pub fn covers(&self, offset: usize) -> bool {
        let i = self.0.partition_point(|s| s.end <= offset);
        self.0.get(i).is_some_and(|s| s.contains(offset))
    }

    /// All spans.
    pub fn spans(&self) -> &[Span] {
        &self.0
    }
}

/// The passage layers of one side of a comparison, built once per pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageLayers {
    /// Exact passages.
    pub exact: Layer,
    /// Near passages.
    pub near: Layer,
    /// Paraphrases.
    pub paraphrase: Layer,
    /// Sentences holding one quotation.
    pub quote: Layer,
    /// Changed words inside near passages and paraphrases.
    pub changed: Layer,
}

impl PassageLayers {
    /// Layers of one side of an alignment.
    pub fn new(alignment: &Alignment, side: Side) -> PassageLayers {
        let (mut exact, mut near, mut para, mut quote, mut changed) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for p in &alignment.passages {
            let span = p.span(side);
            match p.kind {
                PassageKind::Exact => exact.push(span),
                PassageKind::Near => near.push(span),
                PassageKind::Paraphrase => para.push(span),
                PassageKind::Quote => quote.push(span),
            }
            changed.extend(p.changed(side));
        }
        PassageLayers {
            exact: Layer::new(exact),
            near: Layer::new(near),
            paraphrase: Layer::new(para),
            quote: Layer::new(quote),
            changed: Layer::new(changed),
        }
    }

    /// The kind of passage covering `range`'s first byte, the strongest first.
    pub fn kind_in(&self, range: Span) -> Option<PassageKind> {
        if !self.exact.overlapping(range).is_empty() {
            Some(PassageKind::Exact)
        } else if !self.near.overlapping(range).is_empty() {
            Some(PassageKind::Near)
        } else if !self.paraphrase.overlapping(range).is_empty() {
            Some(PassageKind::Paraphrase)
        } else if !self.quote.overlapping(range).is_empty() {
            Some(PassageKind::Quote)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_merge_and_answer_overlaps() {
        let l = Layer::new(vec![
            Span::new(10, 20),
            Span::new(0, 5),
            Span::new(18, 25),
            Span::new(30, 30),
        ]);
        assert_eq!(l.spans(), [Span::new(0, 5), Span::new(10, 25)]);
        assert_eq!(
            l.overlapping(Span::new(4, 11)),
            [Span::new(0, 5), Span::new(10, 25)]
        );
        assert_eq!(l.overlapping(Span::new(5, 10)), []);
        assert!(l.covers(24) && !l.covers(25));
    }
}
