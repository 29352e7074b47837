/// The longest name (of a workspace, stage, element, rater...) accepted, in characters.
pub const NAME_MAX: usize = 500;
/// The longest free text (vision, key moment, principle, note...) accepted, in characters.
pub const LONG_TEXT_MAX: usize = 10_000;

/// Why a piece of text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("a name cannot be empty")]
    EmptyName,
    #[error("is {len} characters long; the limit is {max}")]
    TooLong { len: usize, max: usize },
    #[error("contains a control character (code {0}); remove it")]
    ControlCharacter(u32),
}

/// Checks a display name: not blank, at most [`NAME_MAX`] characters, no control characters.
pub fn check_name(name: &str) -> Result<(), TextError> {
    if name.trim().is_empty() {
        return Err(TextError::EmptyName);
    }
    check_length(name, NAME_MAX)?;
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(TextError::ControlCharacter(c as u32));
    }
    Ok(())
}

/// Checks free text: at most [`LONG_TEXT_MAX`] characters; newlines and tabs are allowed.
pub fn check_long_text(text: &str) -> Result<(), TextError> {
    check_length(text, LONG_TEXT_MAX)?;
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(TextError::ControlCharacter(c as u32));
    }
    Ok(())
}

fn check_length(text: &str, max: usize) -> Result<(), TextError> {
    // Counting stops early so that a 10 MB string costs no more than a short one.
    let len = text.chars().take(max + 1).count();
    if len > max {
        return Err(TextError::TooLong {
            len: text.chars().count(),
            max,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_be_present_short_and_printable() {
        assert!(check_name("Onboarding wizard").is_ok());
        assert_eq!(check_name("  "), Err(TextError::EmptyName));
        let huge = "x".repeat(10 * 1024 * 1024);
        assert_eq!(
            check_name(&huge),
            Err(TextError::TooLong {
                len: 10 * 1024 * 1024,
                max: NAME_MAX
            })
        );
        assert_eq!(
            check_name("a\u{0007}b"),
            Err(TextError::ControlCharacter(7))
        );
    }

    #[test]
    fn long_text_allows_newlines() {
        assert!(check_long_text("line one\nline two").is_ok());
        assert!(check_long_text(&"y".repeat(LONG_TEXT_MAX + 1)).is_err());
    }
}
