//! Timestamps as logs write them, to milliseconds since the Unix epoch (UTC).

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// Parses RFC 3339 with an offset (`2026-03-01T09:30:00+01:00`, `...Z`), the same without
/// an offset, or `YYYY-MM-DD HH:MM:SS` (either without an offset is taken as UTC). A space
/// may stand for the `T`; fractions of a second are kept to the millisecond.
pub fn parse_millis(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.len() < 19 || !text.is_ascii() {
        return Err(not_a_time(text));
    }
    // One spelling with a `T` at position 10, so a single set of formats covers both.
    let mut buf = [0u8; 64];
    let bytes = text.as_bytes();
    if bytes.len() > buf.len() {
        return Err(not_a_time(text));
    }
    buf[..bytes.len()].copy_from_slice(bytes);
    if buf[10] == b' ' || buf[10] == b't' {
        buf[10] = b'T';
    }
    let last = bytes.len() - 1;
    if buf[last] == b'z' {
        buf[last] = b'Z';
    }
    let norm = std::str::from_utf8(&buf[..bytes.len()]).map_err(|_| not_a_time(text))?;
    let nanos = if has_offset(norm) {
        OffsetDateTime::parse(norm, &Rfc3339)
            .map_err(|_| not_a_time(text))?
            .unix_timestamp_nanos()
    } else {
        let fmt = format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
        );
        PrimitiveDateTime::parse(norm, fmt)
            .map_err(|_| not_a_time(text))?
            .assume_utc()
            .unix_timestamp_nanos()
    };
    i64::try_from(nanos.div_euclid(1_000_000)).map_err(|_| not_a_time(text))
}

/// Milliseconds since the Unix epoch as RFC 3339 in UTC (`2026-03-01T08:30:00Z`; a
/// fraction only when the time has one). Out of range values give an empty string.
pub fn format_millis(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// Whether the text after the time of day carries `Z` or a `+hh:mm` / `-hh:mm` offset.
fn has_offset(norm: &str) -> bool {
    let tail = &norm[19..];
    tail.ends_with('Z') || tail.contains('+') || tail.contains('-')
}

fn not_a_time(text: &str) -> String {
    format!(
        "timestamp \"{text}\" is not RFC 3339 (2026-03-01T09:30:00+01:00) or YYYY-MM-DD HH:MM:SS"
    )
}

#[cfg(test)]
mod tests {
    use super::parse_millis;

    #[test]
    fn the_same_instant_in_three_spellings_gives_one_value() {
        let utc = parse_millis("2026-03-01T08:30:00Z").unwrap_or_default();
        assert_eq!(parse_millis("2026-03-01T09:30:00+01:00"), Ok(utc));
        assert_eq!(parse_millis("2026-03-01T03:30:00-05:00"), Ok(utc));
        assert_eq!(parse_millis("2026-03-01 08:30:00"), Ok(utc));
        assert_eq!(parse_millis("2026-03-01T08:30:00"), Ok(utc));
        assert_eq!(parse_millis("2026-03-01 08:30:00+00:00"), Ok(utc));
        assert_eq!(utc, 1_772_353_800_000);
    }

    #[test]
    fn milliseconds_print_back_as_rfc_3339_in_utc() {
        assert_eq!(
            super::format_millis(1_772_353_800_000),
            "2026-03-01T08:30:00Z"
        );
        assert_eq!(super::format_millis(1_250), "1970-01-01T00:00:01.25Z");
    }

    #[test]
    fn fractions_of_a_second_are_kept_to_the_millisecond() {
        assert_eq!(
            parse_millis("1970-01-01T00:00:01.2509Z"),
            Ok(1_250),
            "sub-millisecond digits are dropped"
        );
    }

    #[test]
    fn text_that_is_not_a_time_is_refused_with_the_text_quoted() {
        let err = parse_millis("yesterday").unwrap_err();
        assert!(err.contains("\"yesterday\""), "{err}");
        assert!(parse_millis("2026-13-01 08:30:00").is_err());
        assert!(parse_millis("").is_err());
    }
}
