//! Rows of content flowing down pages: a row never straddles a page break, blocks can be
//! kept together, and nothing is placed below the bottom margin.

use super::{Geometry, Item, Page, wrap};
use crate::style::TextStyle;

/// A horizontal strip of content, `height` tall; its items' y are relative to its top.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Row {
    pub height: f32,
    pub items: Vec<Item>,
}

impl Row {
    /// An empty row of `height` (vertical space).
    pub(crate) fn space(height: f32) -> Self {
        Self {
            height,
            items: Vec::new(),
        }
    }

    /// Where the baseline of `style` sits in a row `height` tall: the letters centred.
    pub(crate) fn baseline(height: f32, style: TextStyle) -> f32 {
        height / 2.0 + style.size * 0.36
    }

    /// Adds one line of text at `x`, on this row's baseline for `style`.
    pub(crate) fn with_text(mut self, x: f32, style: TextStyle, text: impl Into<String>) -> Self {
        let baseline = Self::baseline(self.height, style);
        self.items.push(Item::text(x, baseline, style, text));
        self
    }

    /// Adds an item drawn relative to the row's top.
    pub(crate) fn with(mut self, item: Item) -> Self {
        self.items.push(item);
        self
    }
}

/// One column of a multi-column block of rows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell<'a> {
    pub x: f32,
    pub width: f32,
    pub text: &'a str,
    pub style: TextStyle,
}

/// Rows for `text` wrapped to `width` at `x`, one row a line.
pub(crate) fn text_rows(text: &str, style: TextStyle, x: f32, width: f32) -> Vec<Row> {
    wrap(text, style, width)
        .into_iter()
        .map(|line| Row::space(style.leading).with_text(x, style, line))
        .collect()
}

/// Rows for several columns side by side, each wrapped to its own width; a row holds the
/// n-th line of every column, so the block can break across pages between lines.
pub(crate) fn column_rows(cells: &[Cell<'_>]) -> Vec<Row> {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .map(|c| wrap(c.text, c.style, c.width))
        .collect();
    let count = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    let height = cells.iter().map(|c| c.style.leading).fold(0.0, f32::max);
    (0..count)
        .map(|i| {
            let mut row = Row::space(height);
            for (cell, lines) in cells.iter().zip(&wrapped) {
                if let Some(line) = lines.get(i).filter(|l| !l.is_empty()) {
                    row = row.with_text(cell.x, cell.style, line.clone());
                }
            }
            row
        })
        .collect()
}

/// The pages being filled and the position reached on the last one.
#[derive(Debug)]
pub(crate) struct Flow {
    pub geo: Geometry,
    pub pages: Vec<Page>,
    /// The y reached on the current page.
    pub y: f32,
}

impl Flow {
    /// An empty flow for pages of `geo`; the first placement opens a page.
    pub(crate) fn new(geo: Geometry) -> Self {
        Self {
            geo,
            pages: Vec::new(),
            y: geo.top,
        }
    }

    /// Starts a new page with the running header.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geo.top;
    }

    /// Starts a new page without the running header (the cover).
    pub(crate) fn new_plain_page(&mut self) {
        self.pages.push(Page {
            items: Vec::new(),
            plain: true,
        });
        self.y = self.geo.top;
    }

    /// The height left on the current page.
    pub(crate) fn remaining(&self) -> f32 {
        if self.pages.is_empty() {
            0.0
        } else {
            self.geo.bottom - self.y
        }
    }

    /// Whether the current page has nothing on it yet.
    pub(crate) fn at_page_top(&self) -> bool {
        !self.pages.is_empty() && self.y <= self.geo.top
    }

    /// Makes sure `height` fits on the current page, opening a new one if not.
    pub(crate) fn need(&mut self, height: f32) {
        if self.pages.is_empty() || (height > self.remaining() && !self.at_page_top()) {
            self.new_page();
        }
    }

    /// Vertical space; swallowed at the top of a page.
    pub(crate) fn gap(&mut self, height: f32) {
        if !self.at_page_top() {
            self.y = (self.y + height).min(self.geo.bottom);
        }
    }

    /// Places a row, on a new page if it does not fit on this one.
    pub(crate) fn place(&mut self, row: Row) {
        self.need(row.height);
        let dy = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.items
                .extend(row.items.into_iter().map(|item| item.shifted(dy)));
        }
        self.y += row.height;
    }

    /// Places rows in order, breaking pages between rows as needed.
    pub(crate) fn place_all(&mut self, rows: Vec<Row>) {
        for row in rows {
            self.place(row);
        }
    }

    /// Places rows on one page when they fit on a fresh page; otherwise lets them flow.
    pub(crate) fn keep_together(&mut self, rows: Vec<Row>) {
        let total: f32 = rows.iter().map(|r| r.height).sum();
        if total <= self.geo.bottom - self.geo.top {
            self.need(total);
        }
        self.place_all(rows);
    }

    /// Places `head` so that it is never the last thing on a page: it moves to the next
    /// page with the first `follow` points of what comes after it.
    pub(crate) fn keep_with_next(&mut self, head: Vec<Row>, follow: f32) {
        let total: f32 = head.iter().map(|r| r.height).sum::<f32>() + follow;
        self.need(total);
        self.place_all(head);
    }

    /// Reserves a block `height` tall for a drawing and returns its top y.
    pub(crate) fn reserve(&mut self, height: f32) -> f32 {
        self.need(height);
        let top = self.y;
        self.y += height;
        top
    }

    /// Draws an item at absolute page coordinates on the current page.
    pub(crate) fn draw(&mut self, item: Item) {
        if self.pages.is_empty() {
            self.new_page();
        }
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }
}
