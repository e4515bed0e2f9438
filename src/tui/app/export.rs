//! Exporting the open comparison to a text file, as `juxta compare --format text` writes it.

use super::*;
use crate::article::Article;

/// The comparison as `juxta compare --format text` writes it (what `e` exports).
pub fn export_text(left: &Article, right: &Article, alignment: &Alignment, width: usize) -> String {
    let pair = crate::export::AlignedPair {
        left,
        right,
        alignment,
    };
    crate::export::render(
        &pair,
        crate::export::Format::Text,
        &crate::export::RenderOptions {
            width,
            color: false,
        },
    )
}

impl App {
    /// Writes the comparison as text next to the user (never over an existing file).
    pub(super) fn export(&mut self) {
        let Some(cmp) = &self.pair.comparison else {
            self.status = Some(strings::NO_SECOND_ARTICLE.into());
            return;
        };
        let (l, r) = (
            &self.corpus.articles[cmp.left],
            &self.corpus.articles[cmp.right],
        );
        let text = export_text(l, r, &cmp.alignment, self.export_width);
        let stem = format!("juxta-{}-{}", l.id, r.id);
        self.status = Some(
            match crate::export::write_new_file(&self.settings.export_dir, &stem, "txt", &text) {
                Ok(path) => strings::exported(&path),
                Err(e) => strings::export_failed(&e),
            },
        );
    }
}
