use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest identifier accepted, in characters.
pub const ID_MAX: usize = 64;

/// A stable identifier of a stage, element, handoff, principle, session or waiver.
///
/// Identifiers are short, human-readable slugs (`onboard`, `wizard`, `h1`): lowercase
/// ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit. They appear
/// in files kept in git, so they must diff well and never change by accident.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

/// Why a string is not a valid [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("an id cannot be empty")]
    Empty,
    #[error("id is {0} characters long; ids are at most {ID_MAX}")]
    TooLong(usize),
    #[error(
        "id \"{0}\" may use only lowercase letters, digits, '-', '_' and '.', and must start with a letter or digit"
    )]
    BadCharacter(String),
}

impl Id {
    /// Checks and wraps a string as an identifier.
    pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
        let value = value.into();
        let count = value.chars().count();
        if count == 0 {
            return Err(IdError::Empty);
        }
        if count > ID_MAX {
            return Err(IdError::TooLong(count));
        }
        let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c);
        let first_ok = value
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !first_ok || !value.chars().all(ok_char) {
            return Err(IdError::BadCharacter(value));
        }
        Ok(Self(value))
    }

    /// Derives an identifier from a display name (`"Onboarding wizard"` -> `onboarding-wizard`),
    /// made unique against `taken` by a numeric suffix.
    pub fn slug_from(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> Self {
        let mut base = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                base.push(c);
            } else if !base.is_empty() && !base.ends_with('-') {
                base.push('-');
            }
        }
        let mut base: String = base
            .trim_end_matches('-')
            .chars()
            .take(ID_MAX - 4)
            .collect();
        base = base.trim_end_matches('-').to_string();
        if base.is_empty() {
            base = fallback.to_string();
        }
        let mut candidate = base.clone();
        let mut n = 2;
        while taken(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        Self(candidate)
    }

    /// The identifier as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Id {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl TryFrom<&str> for Id {
    type Error = IdError;
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_slugs_and_rejects_the_rest() {
        assert!(Id::new("wizard").is_ok());
        assert!(Id::new("h1.v2_x-y").is_ok());
        assert_eq!(Id::new(""), Err(IdError::Empty));
        assert!(matches!(Id::new("Wizard"), Err(IdError::BadCharacter(_))));
        assert!(matches!(Id::new("-x"), Err(IdError::BadCharacter(_))));
        assert!(matches!(Id::new("a b"), Err(IdError::BadCharacter(_))));
        assert_eq!(Id::new("a".repeat(65)), Err(IdError::TooLong(65)));
    }

    #[test]
    fn slug_from_name_is_unique_against_taken_ids() {
        let id = Id::slug_from("Onboarding Wizard!", "element", |s| {
            s == "onboarding-wizard"
        });
        assert_eq!(id.as_str(), "onboarding-wizard-2");
        let id = Id::slug_from("Ünïcode ☃", "element", |_| false);
        assert_eq!(
            id.as_str(),
            "n-code",
            "non-ASCII letters are dropped, not mangled"
        );
        let id = Id::slug_from("☃☃", "stage", |_| false);
        assert_eq!(id.as_str(), "stage");
    }
}
