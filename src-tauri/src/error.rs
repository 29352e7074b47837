//! The one error type that crosses IPC: `{ code, message }`.

use serde::Serialize;
use throughline_format::FormatError;
use throughline_store::StoreError;

/// An error as the UI sees it: a stable `code` to react to and a message to show.
#[derive(Debug, Clone, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

impl ApiError {
    /// An error with the given code and message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<FormatError> for ApiError {
    fn from(e: FormatError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<throughline_readiness::ReadinessError> for ApiError {
    fn from(e: throughline_readiness::ReadinessError) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<throughline_playbook::PlaybookError> for ApiError {
    fn from(e: throughline_playbook::PlaybookError) -> Self {
        Self::new("playbook", e.to_string())
    }
}
