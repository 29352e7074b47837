//! Keys as leaders read them: `account.id` becomes "Account ID", printed with the key
//! itself beside it in small type so nobody has to translate back.

use crate::layout::{Run, run};
use crate::style::TextStyle;

/// Words that read as abbreviations, in capitals.
const ACRONYMS: &[&str] = &[
    "id", "ids", "url", "uri", "api", "sku", "crm", "cms", "nps", "csat", "ces", "sla", "slo",
    "kpi", "utm", "ui", "ux", "faq", "kyc", "b2b", "b2c", "sms", "vip", "iban", "vat", "eta",
    "pdf", "sso", "gdpr", "ai", "erp", "arr", "mrr", "ltv", "otp", "pin", "qr", "uuid", "ip",
];

/// The readable name of a key: its parts (split at `.`, `_`, `-`, `/`, `:` and lower-to-upper
/// case changes) as words, abbreviations in capitals, the first word capitalised.
/// `account.id` → "Account ID", `planPrice` → "Plan price", `case_history` → "Case history".
pub(crate) fn readable(key: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in key.trim().chars() {
        if matches!(c, '.' | '_' | '-' | '/' | ':' | ' ') {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    let words: Vec<String> = words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if ACRONYMS.contains(&lower.as_str()) {
                w.to_uppercase()
            } else if i == 0 {
                let mut chars = lower.chars();
                chars.next().map_or_else(String::new, |f| {
                    f.to_uppercase().chain(chars).collect::<String>()
                })
            } else {
                lower
            }
        })
        .collect();
    if words.is_empty() {
        key.to_string()
    } else {
        words.join(" ")
    }
}

/// Runs naming each key readably with the key after it in `small`, joined by commas:
/// "Account ID `account.id`, Journey stage `journey.stage`".
pub(crate) fn key_runs(keys: &[String], main: TextStyle, small: TextStyle) -> Vec<Run> {
    let mut runs = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let name = readable(key);
        let lead = if i == 0 { "" } else { ", " };
        runs.push(run(format!("{lead}{name}"), main));
        if name != key.trim() {
            runs.push(run(format!(" {}", key.trim()), small));
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn keys_read_as_names() {
        assert_eq!(readable("account.id"), "Account ID");
        assert_eq!(readable("setup.effort"), "Setup effort");
        assert_eq!(readable("journey_stage"), "Journey stage");
        assert_eq!(readable("planPrice"), "Plan price");
        assert_eq!(readable("email-pref.url"), "Email pref URL");
        assert_eq!(readable("crm.customer_id"), "CRM customer ID");
        assert_eq!(readable("..."), "...");
        assert_eq!(readable("Ωμέγα.id"), "Ωμέγα ID");
    }
}
