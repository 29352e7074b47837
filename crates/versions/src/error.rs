//! What can go wrong comparing or merging.

/// Why a merge was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VersionsError {
    /// Base and one side share no item and no name: not two versions of one workspace.
    #[error(
        "the base (\"{base}\") and {side} (\"{other}\") share no name and no item id, so they do \
         not look like two versions of one workspace; check the files, or pass --force to \
         merge them anyway"
    )]
    Unrelated {
        side: &'static str,
        base: String,
        other: String,
    },
}

impl VersionsError {
    /// A stable, machine-readable name of the error's kind.
    pub fn code(&self) -> &'static str {
        match self {
            VersionsError::Unrelated { .. } => "unrelated",
        }
    }
}
