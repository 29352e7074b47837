//! Calendar dates written `YYYY-MM-DD`, the only form readings use (so that dates compare
//! as text).

/// Whether `value` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[r];
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn only_real_dates_in_the_one_form_pass() {
        for ok in ["2026-01-31", "2024-02-29", "2000-02-29"] {
            assert!(is_date(ok), "{ok} is a date");
        }
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-1-01",
            "2026/01/01",
            "",
            "abcd-ef-gh",
            "2026-04-31",
        ] {
            assert!(!is_date(bad), "{bad} is not a date");
        }
    }
}
