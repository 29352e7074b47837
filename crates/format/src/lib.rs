//! The open `*.throughline.json` file format.
//!
//! A file is one JSON object: an envelope (`"format": "throughline"`, `"version": 2`)
//! followed by the fields of a [`Workspace`](throughline_model::Workspace) under the names the model gives them.
//! [`parse`] checks the envelope, then the types, then the workspace's own rules, and
//! reports the first kind of trouble it meets with a path to where it is
//! (`handoffs[3].to: no element "crm"`); it never returns half a workspace.
//! [`to_string`] writes the one canonical form of a workspace, so that export, import
//! and export again give the same bytes and a file diffs well in git.
//!
//! The format is described for people in `docs/format.md` and for machines in
//! `docs/throughline.schema.json`.

mod error;
mod read;
mod sample;
mod templates;
mod write;

pub use error::FormatError;
pub use read::{parse, read_file};
pub use sample::{SAMPLE_JSON, sample};
pub use templates::{TEMPLATES, Template, template};
pub use write::{to_string, write_atomically, write_file};

/// The value of the envelope's `"format"` field.
pub const FORMAT_TAG: &str = "throughline";
/// The format version this crate writes, and the newest it reads. Version 2 added element
/// `aliases`, `metrics`, `readings` and `reviews`; every version-1 file is a valid version-2
/// file with none of them, so older files read unchanged.
pub const FORMAT_VERSION: u64 = 2;
/// The oldest format version this crate reads.
pub const OLDEST_FORMAT_VERSION: u64 = 1;
/// The largest input accepted, in bytes (64 MiB).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
