//! Exporting the open comparison to a text file, as `juxta compare --format text` writes it.

use super::*;
use crate::article::Article;

/// The comparison as `juxta compare --format text` writes it (what `e` exports).
/// `first_in` names, for each passage, the article that carried it first (empty: unknown).
pub fn export_text(
    left: &Article,
    right: &Article,
    alignment: &Alignment,
    first_in: &[Option<crate::analysis::provenance::FirstIn>],
    width: usize,
) -> String {
    let pair = crate::export::AlignedPair {
        first_in,
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
        let (l, r) = (self.article(cmp.left), self.article(cmp.right));
        let first_in = self
            .corpus
            .first_in_all(cmp.left, cmp.right, &cmp.alignment);
        let text = export_text(&l, &r, &cmp.alignment, &first_in, self.export_width);
        let stem = format!("juxta-{}-{}", l.id, r.id);
        self.status = Some(
            match crate::export::write_new_file(&self.settings.export_dir, &stem, "txt", &text) {
                Ok(path) => strings::exported(&path),
                Err(e) => strings::export_failed(&e),
            },
        );
    }
}

impl App {
    /// Puts the current passage, in the wording of both articles, on the clipboard: the event
    /// loop sends it to the terminal (OSC 52), which owns the clipboard even over ssh.
    pub(super) fn copy_passage(&mut self) {
        let (Some(cmp), Some(i)) = (&self.pair.comparison, self.pair.current_passage) else {
            self.status = Some(strings::nothing_to_copy(
                &self.keymap.hint(Action::NextPassage),
            ));
            return;
        };
        let (l, r) = (self.article(cmp.left), self.article(cmp.right));
        let (ls, rs) = (cmp.span(i, Side::Left), cmp.span(i, Side::Right));
        self.clipboard = Some(strings::copied_text(
            &l.id,
            ls.slice(&l.text),
            &r.id,
            rs.slice(&r.text),
        ));
        let k = cmp.order[self.active_side().index()]
            .iter()
            .position(|&p| p == i)
            .map_or(1, |p| p + 1);
        self.status = Some(strings::copied(
            k,
            cmp.alignment.passages[i].words,
            &self.keymap.hint(Action::Export),
        ));
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (OSC 52's encoding).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("Inês", "SW7DqnM="),
        ] {
            assert_eq!(super::base64(plain.as_bytes()), encoded);
        }
    }
}
