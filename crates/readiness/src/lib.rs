//! Readiness for customer-experience orchestration, read from a workshop's scores.
//!
//! - [`summarize`]: per-dimension statistics, the total out of 30 with its verdict
//!   (threshold 18), the weakest dimensions with what to do first, and how far the room
//!   agrees ([`Agreement`], Krippendorff's ordinal alpha).
//! - [`diagnose_layers`]: the gap pattern between the four layers of the Coherence Stack.
//! - [`trend`]: the same figures across sessions in date order.
//! - [`report`]: all of it for one workspace, the same for the app and the CLI.
//! - [`parse_score`]: the one door for typed scores, refusing anything outside 1 to 5.
//!
//! The crate computes and words; it reads no files and knows nothing of the CLI or the app.

mod advice;
mod agreement;
mod alpha;
mod anonymous;
mod error;
mod input;
mod layer_words;
mod layers;
mod render;
mod report;
mod session;
mod stats;
mod trend;

pub use advice::{figure_display, recommendation, total_display};
pub use agreement::{
    ALPHA_BARELY, ALPHA_BROAD, ALPHA_SPLIT, ALPHA_STRONG, Agreement, AgreementReading,
    UndefinedReason, agreement, alpha_in_words, alpha_meaning,
};
pub use alpha::{AlphaUndefined, ordinal_alpha};
pub use anonymous::{anonymised, anonymised_session, rater_alias};
pub use error::ReadinessError;
pub use input::parse_score;
pub use layers::{
    GapKind, GapPattern, LAYER_GAP, LAYER_STRONG, LAYER_WEAK, LayerDiagnosis, LayerReading,
    diagnose_layers,
};
pub use render::{render_layers_text, render_text, render_trend_text};
pub use report::{ReadinessReport, render_report_json, report};
pub use session::find_session;
pub use stats::{
    DISAGREEMENT_SPREAD, DimensionStats, EPSILON, Recommendation, SessionSummary, THRESHOLD,
    TOTAL_MAX, Verdict, VerdictKind, dimension_stats, session_dimensions, summarize, total,
    verdict, weakest,
};
pub use trend::{DimensionMean, TrendPoint, trend};
