//! The audit's output is pinned byte for byte on generated workspaces, so that internal
//! rewrites (for speed) cannot change a report. The expected reports were recorded with the
//! straightforward implementation before it was optimised: small ones in full
//! (`tests/golden/*.json`), larger ones as a length and FNV-1a digest of the JSON
//! (`tests/golden/digests.txt`). They were recorded again once, on purpose, when messages
//! and fixes were reworded to name things by display name (nothing else in the reports
//! changed: code, key, subjects, severity, evidence values and order). Record again with `UPDATE_GOLDEN=1` only when a report is
//! meant to change.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use throughline_audit::{audit, generate, render_json, render_text};
use throughline_model::{Id, Trigger, Waiver, Workspace};

fn golden() -> PathBuf {
    common::fixtures().join("../golden")
}

fn id(s: &str) -> Id {
    Id::new(s.to_string()).expect("a valid id")
}

/// A generated workspace bent into the awkward cases validation would reject or a user
/// would rarely write: duplicate element ids, handoffs to missing elements, an unknown
/// source of truth, repeated keys, channels and intents differing only by case and spaces,
/// waivers on several rules.
fn awkward(elements: usize, seed: u64) -> Workspace {
    let mut ws = generate(elements, seed);
    ws.workspace.journey_state.push("case.id".into());
    ws.workspace.journey_state.push("journey.extra".into());
    let n = ws.elements.len();
    for i in (0..n).step_by(37) {
        let mut dup = ws.elements[i].clone();
        dup.claims.insert("dup.key".into(), format!("dup {i}"));
        dup.needs.push("dup.need".into());
        dup.tags.push("outbound".into());
        ws.elements.push(dup);
    }
    for (i, e) in ws.elements.iter_mut().enumerate() {
        if i % 11 == 0
            && let Some(c) = e.channel.as_mut()
        {
            *c = format!("  {}  ", c.to_uppercase());
        }
        if i % 13 == 0 {
            for intent in e.interprets.values_mut() {
                *intent = format!(" {} ", intent.to_uppercase());
            }
        }
        if i % 17 == 0 && !e.needs.is_empty() {
            let first = e.needs[0].clone();
            e.needs.push(first);
        }
        if i % 19 == 0 {
            e.tags.push("consent".into());
        }
        if i % 23 == 0 {
            e.stages.push(id("nowhere"));
        }
    }
    let m = ws.handoffs.len();
    for (i, h) in ws.handoffs.iter_mut().enumerate() {
        if i % 29 == 0 {
            h.to = id("missing-element");
        }
        if i % 31 == 0 {
            h.source_of_truth = Some(id("missing-truth"));
        }
        if i % 41 == 0 && !h.invariant.is_empty() {
            let first = h.invariant[0].clone();
            h.invariant.push(first);
        }
        if i % 43 == 0 {
            h.owner = Some("   ".into());
        }
        if i % 47 == 0 {
            h.trigger = Trigger::Escalation;
        }
        if i % 53 == 0 {
            h.to = h.from.clone();
        }
    }
    for (i, code) in [
        "conflicting-claim",
        "lost-context",
        "typed-invariant",
        "channel-switch-drops-state",
        "orphan-touchpoint",
    ]
    .iter()
    .enumerate()
    {
        for h in ws.handoffs.iter().skip(i).step_by(13).take(m / 13) {
            ws.waivers.push(Waiver {
                code: (*code).into(),
                subject: h.id.to_string(),
                reason: "Golden".into(),
                who: "Test".into(),
                when: "2025-01-01T00:00:00Z".into(),
                review: None,
            });
        }
        for e in ws.elements.iter().skip(i).step_by(7) {
            ws.waivers.push(Waiver {
                code: (*code).into(),
                subject: e.id.to_string(),
                reason: "Golden".into(),
                who: "Test".into(),
                when: "2025-01-01T00:00:00Z".into(),
                review: None,
            });
        }
    }
    ws.waivers.push(Waiver {
        code: "signal-conflict".into(),
        subject: "c0.signal1".into(),
        reason: "Golden".into(),
        who: "Test".into(),
        when: "2025-01-01T00:00:00Z".into(),
        review: None,
    });
    ws
}

/// Every pinned case: a name and its workspace.
fn cases() -> Vec<(String, Workspace, bool)> {
    let mut out = Vec::new();
    for seed in [1, 2, 3] {
        let full = seed == 1;
        out.push((format!("generated-300-{seed}"), generate(300, seed), full));
        out.push((format!("awkward-300-{seed}"), awkward(300, seed), full));
    }
    for seed in [4, 5] {
        out.push((
            format!("generated-3000-{seed}"),
            generate(3_000, seed),
            false,
        ));
        out.push((format!("awkward-3000-{seed}"), awkward(3_000, seed), false));
        let mut reversed = generate(3_000, seed);
        reversed.elements.reverse();
        reversed.handoffs.reverse();
        out.push((format!("reversed-3000-{seed}"), reversed, false));
    }
    out
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The line pinning one report: its name, JSON and text lengths and digests.
fn digest_line(name: &str, json: &str, text: &str) -> String {
    format!(
        "{name} {} {:016x} {} {:016x}",
        json.len(),
        fnv1a(json.as_bytes()),
        text.len(),
        fnv1a(text.as_bytes())
    )
}

#[test]
fn reports_are_byte_identical_to_the_recorded_ones() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut lines = Vec::new();
    for (name, ws, full) in cases() {
        let report = audit(&ws);
        let json = render_json(&report);
        let text = render_text(&report, &ws.workspace.name);
        let path = golden().join(format!("{name}.json"));
        if full {
            if update {
                std::fs::write(&path, &json).expect("write golden");
            } else {
                let expected = std::fs::read_to_string(&path).expect("golden report");
                assert!(json == expected, "{name}: the JSON report changed");
            }
        }
        lines.push(digest_line(&name, &json, &text));
    }
    let digests = golden().join("digests.txt");
    let actual = lines.join("\n") + "\n";
    if update {
        std::fs::write(&digests, &actual).expect("write digests");
    } else {
        let expected = std::fs::read_to_string(&digests).expect("golden digests");
        assert_eq!(actual, expected, "a report's JSON or text changed");
    }
}
