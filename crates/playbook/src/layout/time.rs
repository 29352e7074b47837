//! The export time as the PDF's creation date.

/// An RFC 3339 time (`2026-11-30T09:40:00Z`, `2026-11-30T10:40:00+01:00`, fractions of a
/// second allowed) as printpdf's date; `None` when it does not read as one.
pub(crate) fn pdf_time(text: &str) -> Option<printpdf::DateTime> {
    let text = text.trim();
    let num = |range: std::ops::Range<usize>| -> Option<i32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let bytes = text.as_bytes();
    if bytes.len() < 20 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
        return None;
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') || bytes[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        rest = &frac[digits..];
    }
    let offset_minutes: i64 = match rest {
        "Z" | "z" => 0,
        zone if zone.len() == 6 && zone.as_bytes()[3] == b':' => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let h: i64 = zone.get(1..3)?.parse().ok()?;
            let m: i64 = zone.get(4..6)?.parse().ok()?;
            sign * (h * 60 + m)
        }
        _ => return None,
    };
    // printpdf writes every date as UTC, so the offset is applied here.
    let local = days_from_civil(i64::from(year), i64::from(month), i64::from(day)) * 1440
        + i64::from(hour) * 60
        + i64::from(minute);
    let utc = local - offset_minutes;
    let (y, m, d) = civil_from_days(utc.div_euclid(1440));
    let minute_of_day = utc.rem_euclid(1440);
    Some(printpdf::DateTime {
        date: printpdf::Date {
            year: i32::try_from(y).ok()?,
            month: u8::try_from(m).ok()?,
            day: u8::try_from(d).ok()?,
        },
        time: printpdf::Time {
            hour: u8::try_from(minute_of_day / 60).ok()?,
            minute: u8::try_from(minute_of_day % 60).ok()?,
            second: u8::try_from(second.min(59)).ok()?,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::pdf_time;

    #[test]
    fn export_times_read_as_utc_dates() {
        let t = pdf_time("2026-11-30T09:40:12Z").unwrap();
        assert_eq!((t.date.year, t.date.month, t.date.day), (2026, 11, 30));
        assert_eq!((t.time.hour, t.time.minute, t.time.second), (9, 40, 12));
        let t = pdf_time("2026-01-01T00:30:00.123+01:00").unwrap();
        assert_eq!((t.date.year, t.date.month, t.date.day), (2025, 12, 31));
        assert_eq!((t.time.hour, t.time.minute), (23, 30));
        assert!(pdf_time("yesterday").is_none());
        assert!(pdf_time("2026-13-01T00:00:00Z").is_none());
    }
}
