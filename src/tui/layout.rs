//! Where each panel goes, computed from the terminal size alone so that the state (for
//! wrapping, scrolling and mouse hits) and the drawing always agree. Both `app` and `ui` read
//! it; it knows nothing of either's internals.

use super::app::Side;
use super::wrap::width;
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

/// Below this size juxta shows a notice instead of the panes.
pub const MIN_WIDTH: u16 = 40;
/// Below this size juxta shows a notice instead of the panes.
pub const MIN_HEIGHT: u16 = 8;

/// The screen regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The sidebar with its border, when shown.
    pub sidebar: Option<Rect>,
    /// The sidebar's list rows (below its tab header).
    pub sidebar_list: Option<Rect>,
    /// Left and right pane, with borders.
    pub panes: [Rect; 2],
    /// The status bar.
    pub status: Rect,
    /// Whether the terminal is below the minimum size.
    pub too_small: bool,
}

impl Areas {
    /// A pane with its border.
    pub fn pane(&self, side: Side) -> Rect {
        self.panes[side.index()]
    }

    /// The text area of a pane: inside the border, right of the one-column gutter, with a
    /// column of air before the scrollbar on the right border.
    pub fn pane_text(&self, side: Side) -> Rect {
        let r = self.pane(side);
        Rect::new(
            r.x + 2,
            r.y + 1,
            r.width.saturating_sub(4),
            r.height.saturating_sub(2),
        )
    }

    /// The gutter column of a pane.
    pub fn pane_gutter(&self, side: Side) -> Rect {
        let r = self.pane(side);
        Rect::new(
            r.x + 1,
            r.y + 1,
            1.min(r.width.saturating_sub(2)),
            r.height.saturating_sub(2),
        )
    }
}

/// Splits a terminal of `size` into sidebar, panes and status bar.
pub fn areas(size: (u16, u16), sidebar_visible: bool, sidebar_width: u16) -> Areas {
    let (w, h) = size;
    let too_small = w < MIN_WIDTH || h < MIN_HEIGHT;
    let status = Rect::new(0, h.saturating_sub(1), w, 1.min(h));
    let main_h = h.saturating_sub(1);
    let side_w = if sidebar_visible {
        // At most a quarter of the screen: at 80 columns the panes keep 30 columns each.
        sidebar_width.clamp(16, (w / 4).max(16)).min(w)
    } else {
        0
    };
    let sidebar = (side_w > 0).then(|| Rect::new(0, 0, side_w, main_h));
    let sidebar_list = sidebar.map(|r| {
        Rect::new(
            r.x + 1,
            r.y + 3,
            r.width.saturating_sub(2),
            r.height.saturating_sub(4),
        )
    });
    let rest = w.saturating_sub(side_w);
    let left_w = rest / 2;
    let panes = [
        Rect::new(side_w, 0, left_w, main_h),
        Rect::new(side_w + left_w, 0, rest - left_w, main_h),
    ];
    Areas {
        sidebar,
        sidebar_list,
        panes,
        status,
        too_small,
    }
}

/// A rectangle of at most `width` × `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The article picker's popup on a terminal of `size`.
pub fn picker_area(size: (u16, u16)) -> Rect {
    let area = Rect::new(0, 0, size.0, size.1);
    // On short screens the picker takes the whole height, so it still shows rows.
    let height = if size.1 < 16 {
        size.1
    } else {
        size.1.saturating_sub(4)
    };
    centered(area, size.0.saturating_sub(6).min(120), height)
}

/// Rows of articles the picker shows at once.
pub fn picker_list_height(size: (u16, u16)) -> usize {
    picker_area(size).height.saturating_sub(4) as usize
}

/// The byte offset within `row_text` drawn at display column `column` (for mouse clicks).
pub fn byte_at_column(row_text: &str, column: usize) -> usize {
    let mut col = 0;
    for (i, g) in row_text.grapheme_indices(true) {
        let w = width(g);
        if column < col + w.max(1) {
            return i;
        }
        col += w;
    }
    row_text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_screen() {
        let a = areas((120, 40), true, 30);
        assert_eq!(a.sidebar, Some(Rect::new(0, 0, 30, 39)));
        assert_eq!(
            a.panes,
            [Rect::new(30, 0, 45, 39), Rect::new(75, 0, 45, 39)]
        );
        assert_eq!(a.status, Rect::new(0, 39, 120, 1));
        assert_eq!(a.pane_text(Side::Left), Rect::new(32, 1, 41, 37));
        assert!(!a.too_small);
    }

    #[test]
    fn tiny_sizes_do_not_underflow() {
        for w in 0..12 {
            for h in 0..5 {
                let a = areas((w, h), true, 30);
                assert!(a.too_small);
                let _ = a.pane_text(Side::Right);
            }
        }
    }
}
