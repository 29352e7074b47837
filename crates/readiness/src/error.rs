use throughline_model::{ApiError, Dimension, ErrorCode};

/// Everything this crate can refuse, each with a message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadinessError {
    /// A typed score that is a whole number but not 1 to 5.
    #[error("score for {} by {rater} is {value}; scores run from 1 to 5", dimension.label())]
    ScoreOutOfRange {
        dimension: Dimension,
        rater: String,
        value: String,
    },
    /// A typed score that is not a whole number at all.
    #[error(
        "score for {} by {rater} is \"{input}\", which is not a whole number; scores run from 1 to 5 (leave the cell empty to skip)",
        dimension.label()
    )]
    NotAScore {
        dimension: Dimension,
        rater: String,
        input: String,
    },
    /// The workspace holds no readiness session.
    #[error(
        "this workspace has no readiness sessions yet; add a session with its raters' scores first"
    )]
    NoSessions,
    /// No session has the requested name or id.
    #[error("no readiness session is called \"{wanted}\"; the sessions are: {}", sessions.join(", "))]
    SessionNotFound {
        wanted: String,
        sessions: Vec<String>,
    },
    /// Several sessions share the requested name.
    #[error("{} sessions are called \"{wanted}\"; name one by its id: {}", ids.len(), ids.join(", "))]
    AmbiguousSession { wanted: String, ids: Vec<String> },
}

impl ReadinessError {
    /// A stable code the UI can react to without parsing the message.
    pub fn code(&self) -> &'static str {
        match self {
            ReadinessError::ScoreOutOfRange { .. } => "score_out_of_range",
            ReadinessError::NotAScore { .. } => "not_a_score",
            ReadinessError::NoSessions => "no_sessions",
            ReadinessError::SessionNotFound { .. } => "session_not_found",
            ReadinessError::AmbiguousSession { .. } => "ambiguous_session",
        }
    }
}

impl ReadinessError {
    /// The kind of failure in the error contract shared by the app and the CLI.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            ReadinessError::ScoreOutOfRange { .. } | ReadinessError::NotAScore { .. } => {
                ErrorCode::InvalidInput
            }
            ReadinessError::NoSessions | ReadinessError::SessionNotFound { .. } => {
                ErrorCode::NotFound
            }
            ReadinessError::AmbiguousSession { .. } => ErrorCode::Ambiguous,
        }
    }
}

impl From<&ReadinessError> for ApiError {
    fn from(e: &ReadinessError) -> Self {
        ApiError::new(e.error_code(), e.to_string())
    }
}

impl From<ReadinessError> for ApiError {
    fn from(e: ReadinessError) -> Self {
        ApiError::from(&e)
    }
}

/// Crosses the IPC boundary as the shared error contract `{ code, message, problems }`.
impl serde::Serialize for ReadinessError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&ApiError::from(self), serializer)
    }
}
