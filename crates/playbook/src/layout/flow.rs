//! Rows of content flowing down pages: a row never straddles a page break, blocks can be
//! kept together, and nothing is placed below the bottom margin.

use super::{Geometry, Item, Page, wrap};
use crate::Section;
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

/// Like [`text_rows`], at most `lines` rows: the last row kept ends in an ellipsis when the
/// text goes on (the whole text is in the app, where nothing is cut).
pub(crate) fn clamped_rows(
    text: &str,
    style: TextStyle,
    x: f32,
    width: f32,
    lines: usize,
) -> Vec<Row> {
    let mut wrapped = wrap(text, style, width);
    if lines > 0 && wrapped.len() > lines {
        // The last row kept, run on into the next, does not fit: it is cut with "…".
        let next = wrapped[lines].clone();
        wrapped.truncate(lines);
        if let Some(last) = wrapped.pop() {
            wrapped.push(super::ellipsize(&format!("{last} {next}"), style, width));
        }
    }
    wrapped
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

/// The fewest lines of a paragraph left at the foot of a page or carried to the next.
const MIN_LINES: usize = 2;

/// The pages being filled and the position reached on the last one.
///
/// Breaking rules, applied where rows are placed: a heading stays with what follows it
/// ([`Flow::keep_with_next`]); a paragraph never leaves a single line at the foot of a page
/// or carries a single line to the next ([`Flow::paragraph`]); a table repeats its header
/// after a break ([`Flow::table`]); and a block that would rather stay together still
/// breaks when moving it would leave the page less than a third full
/// ([`Flow::keep_together`]).
#[derive(Debug)]
pub(crate) struct Flow {
    pub geo: Geometry,
    pub pages: Vec<Page>,
    /// The y reached on the current page.
    pub y: f32,
    /// The section new pages are opened for.
    pub section: Option<Section>,
    /// The page (1-based) the current section's title went on; 0 before it has one.
    pub opened: usize,
}

impl Flow {
    /// An empty flow for pages of `geo`; the first placement opens a page.
    pub(crate) fn new(geo: Geometry) -> Self {
        Self {
            geo,
            pages: Vec::new(),
            y: geo.top,
            section: None,
            opened: 0,
        }
    }

    /// Starts a new page with the running header.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page {
            section: self.section,
            used: self.geo.top,
            ..Page::default()
        });
        self.y = self.geo.top;
    }

    /// Starts a new page without the running header (the cover).
    pub(crate) fn new_plain_page(&mut self) {
        self.pages.push(Page {
            items: Vec::new(),
            plain: true,
            section: self.section,
            used: self.geo.top,
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

    /// The content box's height.
    pub(crate) fn page_height(&self) -> f32 {
        self.geo.bottom - self.geo.top
    }

    /// Whether the current page is less than a third full: content moved off it would leave
    /// a page that looks abandoned.
    pub(crate) fn under_a_third(&self) -> bool {
        !self.pages.is_empty() && self.y - self.geo.top < self.page_height() / 3.0
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

    fn mark_used(&mut self) {
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.used = page.used.max(y);
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
        self.mark_used();
    }

    /// Places rows in order, breaking pages between rows as needed.
    pub(crate) fn place_all(&mut self, rows: Vec<Row>) {
        for row in rows {
            self.place(row);
        }
    }

    /// How many of `rows`, from the first, fit in the height left on this page.
    fn fitting(&self, rows: &[Row]) -> usize {
        let mut left = self.remaining();
        rows.iter()
            .take_while(|r| {
                left -= r.height;
                left >= -0.01
            })
            .count()
    }

    /// Places the lines of a paragraph (or any run of rows that may break between rows):
    /// when they break, at least two lines stay at the foot of the page and at least two go
    /// over, unless the page would be left less than a third full.
    pub(crate) fn paragraph(&mut self, rows: Vec<Row>) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let mut rows = rows;
        loop {
            let fit = self.fitting(&rows);
            if fit >= rows.len() {
                self.place_all(rows);
                return;
            }
            let mut split = fit;
            if rows.len() - split < MIN_LINES && rows.len() >= 2 * MIN_LINES {
                split = rows.len() - MIN_LINES;
            }
            if split < MIN_LINES && !self.under_a_third() && !self.at_page_top() {
                split = 0;
            }
            if split == 0 && self.at_page_top() {
                // Taller than a page at every split: place one row so the loop advances.
                split = 1;
            }
            let rest = rows.split_off(split);
            self.place_all(rows);
            self.new_page();
            rows = rest;
        }
    }

    /// Places rows on one page when they fit on a fresh page and moving them leaves this
    /// page at least a third full; otherwise they break like a paragraph.
    pub(crate) fn keep_together(&mut self, rows: Vec<Row>) {
        let total: f32 = rows.iter().map(|r| r.height).sum();
        if self.pages.is_empty() {
            self.new_page();
        }
        if total <= self.remaining() {
            self.place_all(rows);
        } else if total <= self.page_height() && !self.under_a_third() {
            self.new_page();
            self.place_all(rows);
        } else {
            self.paragraph(rows);
        }
    }

    /// Places `head` so that it is never the last thing on a page: it moves to the next
    /// page with the first `follow` points of what comes after it.
    pub(crate) fn keep_with_next(&mut self, head: Vec<Row>, follow: f32) {
        let total: f32 = head.iter().map(|r| r.height).sum::<f32>() + follow;
        self.need(total);
        self.place_all(head);
    }

    /// Places a table: `head` (column titles) kept with the first block, then each block
    /// (one table row, possibly several lines) kept together; after every page break the
    /// head is repeated above the rows that continue the table.
    pub(crate) fn table(&mut self, head: Vec<Row>, blocks: Vec<Vec<Row>>) {
        let head_h: f32 = head.iter().map(|r| r.height).sum();
        let first_h = blocks
            .first()
            .map_or(0.0, |b| b.iter().map(|r| r.height).sum::<f32>());
        self.keep_with_next(head.clone(), first_h.min(self.page_height() / 3.0));
        for block in blocks {
            let total: f32 = block.iter().map(|r| r.height).sum();
            if total > self.remaining() {
                let start_page = self.pages.len();
                if total + head_h <= self.page_height() {
                    self.new_page();
                    self.place_all(head.clone());
                    self.place_all(block);
                } else {
                    // A row taller than a page: it breaks, and the head follows each break.
                    for row in block {
                        if row.height > self.remaining() {
                            self.new_page();
                            self.place_all(head.clone());
                        }
                        self.place(row);
                    }
                }
                debug_assert!(self.pages.len() > start_page);
            } else {
                self.place_all(block);
            }
        }
    }

    /// Reserves a block `height` tall for a drawing and returns its top y.
    pub(crate) fn reserve(&mut self, height: f32) -> f32 {
        self.need(height);
        let top = self.y;
        self.y += height;
        self.mark_used();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Item, measure};
    use crate::style::BODY;

    fn texts(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .flat_map(|r| &r.items)
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_clamped_text_keeps_its_first_lines_and_ends_the_last_in_an_ellipsis() {
        let long = "Email preference centre for returning customers who changed their mind \
                    about newsletters and offers, "
            .repeat(6);
        let lines = texts(&clamped_rows(&long, BODY, 0.0, 200.0, 3));
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[2].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| measure(l, BODY) <= 200.0), "{lines:?}");
        assert_eq!(lines[..2], wrap(&long, BODY, 200.0)[..2]);

        let short = "Onboarding, first 30 days";
        assert_eq!(texts(&clamped_rows(short, BODY, 0.0, 200.0, 3)), [short]);
    }
}
