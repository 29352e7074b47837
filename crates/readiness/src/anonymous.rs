//! Raters without their names, for a projected screen or a PDF that travels: "Rater A",
//! "Rater B" … in the session's order. The one rule the app's presenter mode and the
//! playbook both follow.

use throughline_model::{ReadinessSession, Workspace};

/// The stand-in name of the rater at `index` (from 0): "Rater A" … "Rater Z", then
/// "Rater AA", "Rater AB" … like spreadsheet columns.
pub fn rater_alias(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("Rater {}", letters.into_iter().collect::<String>())
}

/// `session` with every rater's name replaced by its alias and their notes left out (a
/// note can name its writer); the scores are unchanged.
pub fn anonymised_session(session: &ReadinessSession) -> ReadinessSession {
    let mut out = session.clone();
    for (i, r) in out.raters.iter_mut().enumerate() {
        r.name = rater_alias(i);
        r.note = None;
    }
    out
}

/// `ws` with the raters of every readiness session anonymised.
pub fn anonymised(ws: &Workspace) -> Workspace {
    let mut out = ws.clone();
    out.readiness = ws.readiness.iter().map(anonymised_session).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_model::{Id, Rater, RaterScores, Score};

    #[test]
    fn aliases_run_through_the_alphabet_and_on() {
        let names: Vec<String> = [0, 1, 25, 26, 27].into_iter().map(rater_alias).collect();
        assert_eq!(
            names,
            ["Rater A", "Rater B", "Rater Z", "Rater AA", "Rater AB"]
        );
    }

    #[test]
    fn an_anonymised_session_keeps_scores_and_drops_names_and_notes() {
        let rater = |name: &str, s: i64| Rater {
            name: name.into(),
            scores: RaterScores {
                data: Score::new(s).ok(),
                ..RaterScores::default()
            },
            note: Some(format!("{name} thinks so")),
        };
        let session = ReadinessSession {
            id: Id::new("q1").unwrap(),
            name: "Q1".into(),
            date: "2026-01-10".into(),
            raters: vec![rater("Ana", 2), rater("Ben", 4)],
            note: None,
        };
        let anon = anonymised_session(&session);
        let names: Vec<&str> = anon.raters.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Rater A", "Rater B"]);
        assert!(anon.raters.iter().all(|r| r.note.is_none()));
        assert_eq!(anon.raters[1].scores, session.raters[1].scores);
    }
}
