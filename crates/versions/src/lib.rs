//! Versions of a workspace: compare any two states, merge three.
//!
//! - [`compare`]: what changed between an older and a newer state: each item added,
//!   removed, changed (every field's before and after, by dotted path such as
//!   `claims.setup.effort`) or moved (stages and principles); the audit findings the
//!   change introduced and resolved; readiness and layer scores before and after.
//!   [`render_text`] prints it grouped by layer; it serialises to the JSON the CLI prints.
//! - [`merge`]: a three-way merge at the level of items and fields whose result is always
//!   a valid workspace; what both sides changed differently is a [`Conflict`] that keeps
//!   our side.
//!
//! Every collection of the model is covered: the crate visits each
//! [`EntityKind`](throughline_model::EntityKind) with its real type, and a kind added
//! later does not compile until it is named here. The crate reads no files and knows
//! nothing of the store, the CLI or the app.

mod collection;
mod compare;
mod error;
mod fields;
mod findings;
#[cfg(feature = "specta")]
mod json;
mod merge;
mod readiness;
mod render;
mod repair;

pub use collection::{INFO_KEY, collection_kind, collection_name, element_layer, is_ordered};
pub use compare::{Change, ChangeKind, Comparison, Position, changes, compare};
pub use error::VersionsError;
pub use fields::{FieldChange, field_changes};
pub use findings::{FindingChange, FindingsDelta};
#[cfg(feature = "specta")]
pub use json::AnyJson;
pub use merge::{Choice, Conflict, Merge, MergeOptions, Side, merge, merge_choosing};
pub use readiness::{LayerDelta, ReadinessDelta, ReadinessPoint};
pub use render::{render_conflicts_text, render_text};
