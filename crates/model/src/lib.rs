//! The Throughline domain model.
//!
//! A [`Workspace`] is one whole model: the vision, the narrative stages, the elements
//! (touchpoints, systems, rules, teams, people, partners), the handoffs between them,
//! design principles, readiness sessions, layer scores, waivers, and the continuous
//! practice's metrics, readings and reviews. This crate knows
//! nothing of storage, files or windows: it defines the types, the checks that keep a
//! workspace consistent ([`validate`]), and the edits a user can make ([`Edit`]).

mod api_error;
mod change;
mod checks;
mod edit;
mod ids;
mod measure;
mod scores;
mod text;
mod validate;
mod workspace;

pub use api_error::{ApiError, ErrorCode};
pub use change::{
    ChangeError, EntityChange, EntityKind, Placed, apply_changes, apply_changes_in_place, diff,
    entities, layer_score_key, waiver_key,
};
pub use checks::{
    Lookup, check_aliases, check_element, check_handoff, check_info, check_layer_score,
    check_metric, check_principle, check_reading, check_review, check_session, check_stage,
    check_waiver, name_key,
};
pub use edit::{Edit, EditError, apply_edit};
pub use ids::{Id, IdError};
pub use measure::{
    Better, Metric, MetricKind, MetricScope, Reading, Review, ScopeError, reading_key,
};
pub use scores::{Dimension, Emotion, Layer, RangeError, Score};
pub use text::{LONG_TEXT_MAX, NAME_MAX, TextError, check_long_text, check_name};
pub use validate::{Problem, is_iso_date, validate};
pub use workspace::{
    Capability, Element, ElementKind, Handoff, HandoffMode, LayerScore, NodePosition, Principle,
    Rater, RaterScores, ReadinessSession, Stage, Trigger, Waiver, Workspace, WorkspaceInfo,
};
