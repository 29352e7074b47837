//! Finding the session a command is about.

use throughline_model::{ReadinessSession, Workspace};

use crate::ReadinessError;

/// The session with this id or name (case-insensitive), or the latest by date when `None`.
///
/// An exact id wins over a name. Among sessions on the same latest date, the one listed last
/// is taken (the most recently added). Errors list the sessions so the user can pick one.
pub fn find_session<'a>(
    ws: &'a Workspace,
    name_or_id: Option<&str>,
) -> Result<&'a ReadinessSession, ReadinessError> {
    let sessions = &ws.readiness;
    if sessions.is_empty() {
        return Err(ReadinessError::NoSessions);
    }
    let Some(wanted) = name_or_id.map(str::trim) else {
        return sessions
            .iter()
            // `max_by` keeps the last of equal elements: the latest-listed wins a tie.
            .max_by(|a, b| a.date.cmp(&b.date))
            .ok_or(ReadinessError::NoSessions);
    };
    if let Some(s) = sessions.iter().find(|s| s.id == wanted) {
        return Ok(s);
    }
    let folded = wanted.to_lowercase();
    let named: Vec<&ReadinessSession> = sessions
        .iter()
        .filter(|s| s.name.trim().to_lowercase() == folded)
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => Err(ReadinessError::SessionNotFound {
            wanted: wanted.to_string(),
            sessions: sessions
                .iter()
                .map(|s| format!("\"{}\" (id {}, {})", s.name, s.id, s.date))
                .collect(),
        }),
        many => Err(ReadinessError::AmbiguousSession {
            wanted: wanted.to_string(),
            ids: many
                .iter()
                .map(|s| format!("{} ({})", s.id, s.date))
                .collect(),
        }),
    }
}
