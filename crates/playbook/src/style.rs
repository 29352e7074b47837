//! The playbook's typography and palette: one style per level, a restrained set of colours.

use crate::fonts::Face;

/// An RGB colour, components from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Color(pub f32, pub f32, pub f32);

impl Color {
    /// The same colour, a third of the way to black (edges that must show on white).
    pub(crate) fn darker(self) -> Self {
        Self(self.0 * 0.67, self.1 * 0.67, self.2 * 0.67)
    }

    const fn hex(rgb: u32) -> Self {
        Self(
            ((rgb >> 16) & 0xff) as f32 / 255.0,
            ((rgb >> 8) & 0xff) as f32 / 255.0,
            (rgb & 0xff) as f32 / 255.0,
        )
    }
}

/// Body text and headings.
pub(crate) const INK: Color = Color::hex(0x1f2933);
/// Secondary text: labels, captions, running header and footer.
pub(crate) const MUTED: Color = Color::hex(0x5f6b7a);
/// The one accent: section titles, chart lines.
pub(crate) const ACCENT: Color = Color::hex(0x1d5c8c);
/// A pale tint of the accent for fills.
pub(crate) const ACCENT_PALE: Color = Color::hex(0xe6eef5);
/// Hairlines and grid lines.
pub(crate) const RULE: Color = Color::hex(0xd5dbe1);
/// Flags: divergences, non-negotiables.
pub(crate) const ALERT: Color = Color::hex(0xb3432b);
/// Warnings: amber, for flagged edges that are not errors.
pub(crate) const WARN: Color = Color::hex(0xb7791f);
/// A pale grey fill (systems in the graph diagram).
pub(crate) const GREY_PALE: Color = Color::hex(0xedf0f3);
/// A pale sand fill (people in the graph diagram).
pub(crate) const SAND_PALE: Color = Color::hex(0xf5eedf);
/// White.
pub(crate) const PAPER: Color = Color::hex(0xffffff);

/// A text style: face, size, colour and the distance between baselines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub face: Face,
    pub size: f32,
    pub color: Color,
    pub leading: f32,
}

impl TextStyle {
    const fn new(face: Face, size: f32, color: Color, leading: f32) -> Self {
        Self {
            face,
            size,
            color,
            leading,
        }
    }

    /// The same style in another colour.
    pub(crate) const fn colored(self, color: Color) -> Self {
        Self { color, ..self }
    }
}

/// The cover's title.
pub(crate) const TITLE: TextStyle = TextStyle::new(Face::Bold, 30.0, INK, 36.0);
/// A section's title (one per page group).
pub(crate) const H1: TextStyle = TextStyle::new(Face::Bold, 20.0, ACCENT, 26.0);
/// A heading inside a section.
pub(crate) const H2: TextStyle = TextStyle::new(Face::Bold, 12.5, INK, 17.0);
/// A checklist's or a list item's title.
pub(crate) const H3: TextStyle = TextStyle::new(Face::Bold, 10.5, INK, 14.0);
/// Body text.
pub(crate) const BODY: TextStyle = TextStyle::new(Face::Regular, 10.0, INK, 14.0);
/// Lead text under a section title.
pub(crate) const LEAD: TextStyle = TextStyle::new(Face::Regular, 11.0, MUTED, 15.5);
/// Labels, captions, chart annotations.
pub(crate) const SMALL: TextStyle = TextStyle::new(Face::Regular, 8.5, MUTED, 11.5);
/// Labels inside the graph diagram's boxes.
pub(crate) const NODE: TextStyle = TextStyle::new(Face::Regular, 7.0, INK, 8.5);
/// Small bold labels (column heads, tags).
pub(crate) const LABEL: TextStyle = TextStyle::new(Face::Bold, 8.0, MUTED, 11.5);
