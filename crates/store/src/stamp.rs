//! What the library records itself rather than taking from the client: a waiver's author and
//! date are the actor's name and the store's clock, whatever the edit carried.

use throughline_model::{Edit, Waiver};

/// The author recorded when the user has not set a display name.
pub const UNNAMED: &str = "Unnamed facilitator";

/// `edit` as the store applies it for `who` at `when`: every waiver it puts records them.
pub fn stamped_edit(edit: &Edit, who: &str, when: &str) -> Edit {
    stamped(edit, who, when).unwrap_or_else(|| edit.clone())
}

/// `edit` with every waiver it puts stamped with `who` (or [`UNNAMED`] when blank) and `when`;
/// `None` when the edit puts no waiver (it is used as it is).
pub(crate) fn stamped(edit: &Edit, who: &str, when: &str) -> Option<Edit> {
    match edit {
        Edit::PutWaiver { waiver } => {
            let who = who.trim();
            Some(Edit::PutWaiver {
                waiver: Waiver {
                    who: if who.is_empty() { UNNAMED } else { who }.to_string(),
                    when: when.to_string(),
                    ..waiver.clone()
                },
            })
        }
        Edit::Batch { edits } => {
            let stamped: Vec<Option<Edit>> = edits.iter().map(|e| stamped(e, who, when)).collect();
            if stamped.iter().all(Option::is_none) {
                return None;
            }
            Some(Edit::Batch {
                edits: stamped
                    .into_iter()
                    .zip(edits)
                    .map(|(s, e)| s.unwrap_or_else(|| e.clone()))
                    .collect(),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiver(who: &str, when: &str) -> Waiver {
        Waiver {
            code: "unowned-handoff".into(),
            subject: "demo-wizard".into(),
            reason: "Sales owns it".into(),
            who: who.into(),
            when: when.into(),
            review: None,
        }
    }

    #[test]
    fn a_waiver_takes_the_actors_name_and_the_stores_time() {
        let edit = Edit::PutWaiver {
            waiver: waiver("Mallory", "1999-01-01T00:00:00Z"),
        };
        let Some(Edit::PutWaiver { waiver: w }) = stamped(&edit, "Dana", "2026-11-30T12:00:00Z")
        else {
            panic!("a waiver is stamped");
        };
        assert_eq!(
            (w.who.as_str(), w.when.as_str()),
            ("Dana", "2026-11-30T12:00:00Z")
        );
        assert_eq!(w.reason, "Sales owns it", "what the user wrote is kept");
    }

    #[test]
    fn a_blank_name_is_recorded_as_unnamed() {
        let edit = Edit::PutWaiver {
            waiver: waiver("", ""),
        };
        let Some(Edit::PutWaiver { waiver: w }) = stamped(&edit, "  ", "2026-11-30T12:00:00Z")
        else {
            panic!("a waiver is stamped");
        };
        assert_eq!(w.who, UNNAMED);
    }

    #[test]
    fn waivers_inside_a_batch_are_stamped_and_other_edits_left_alone() {
        let other = Edit::DeleteWaiver {
            code: "x".into(),
            subject: "y".into(),
        };
        let batch = Edit::Batch {
            edits: vec![
                other.clone(),
                Edit::PutWaiver {
                    waiver: waiver("Mallory", "then"),
                },
            ],
        };
        let Some(Edit::Batch { edits }) = stamped(&batch, "Dana", "now") else {
            panic!("the batch is stamped");
        };
        assert_eq!(edits[0], other);
        assert!(
            matches!(&edits[1], Edit::PutWaiver { waiver } if waiver.who == "Dana" && waiver.when == "now")
        );
        assert_eq!(stamped(&other, "Dana", "now"), None);
    }
}
