//! Saving the user's mapping of unmapped activities to elements: each activity becomes an
//! alias of its element, all in one edit (undone as one).

use throughline_model::{Edit, Id, Workspace};

use crate::error::RealityError;

/// One activity of a log and the element it names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ActivityMapping {
    pub activity: String,
    /// The element's id.
    pub element: String,
}

/// The edit that adds each activity as an alias of its element: one `PutElement` per
/// element touched, in one `Batch`. An activity the element already answers to (its id,
/// name or an alias, ignoring case) adds nothing; `None` when nothing is left to add.
pub fn alias_edit(
    ws: &Workspace,
    mappings: &[ActivityMapping],
) -> Result<Option<Edit>, RealityError> {
    let mut changed: Vec<throughline_model::Element> = Vec::new();
    for m in mappings {
        let activity = m.activity.trim();
        if activity.is_empty() {
            return Err(RealityError::Mapping {
                message: format!("the activity mapped to \"{}\" is empty", m.element),
            });
        }
        let Some(pos) = changed.iter().position(|e| e.id.as_str() == m.element) else {
            let Some(element) = Id::new(&m.element)
                .ok()
                .and_then(|id| ws.elements.iter().find(|e| e.id == id))
            else {
                return Err(RealityError::Mapping {
                    message: format!(
                        "no element \"{}\" in this workspace to map \"{activity}\" to; pick one of its elements",
                        m.element
                    ),
                });
            };
            changed.push(element.clone());
            add_alias(changed.last_mut(), activity);
            continue;
        };
        add_alias(changed.get_mut(pos), activity);
    }
    let before = |id: &Id| ws.elements.iter().find(|e| &e.id == id);
    let edits: Vec<Edit> = changed
        .into_iter()
        .filter(|e| before(&e.id) != Some(e))
        .map(|element| Edit::PutElement { element })
        .collect();
    Ok(match edits.len() {
        0 => None,
        _ => Some(Edit::Batch { edits }),
    })
}

fn add_alias(element: Option<&mut throughline_model::Element>, activity: &str) {
    let Some(e) = element else { return };
    let folded = activity.to_lowercase();
    let known = e.id.as_str().to_lowercase() == folded
        || e.name.to_lowercase() == folded
        || e.aliases.iter().any(|a| a.to_lowercase() == folded);
    if !known {
        e.aliases.push(activity.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws() -> Workspace {
        serde_json::from_value(serde_json::json!({
            "workspace": {"name": "W"},
            "elements": [
                {"id": "crm", "kind": "system", "name": "CRM", "aliases": ["Salesforce"]},
                {"id": "web", "kind": "touchpoint", "name": "Website"}
            ]
        }))
        .unwrap()
    }

    fn map(activity: &str, element: &str) -> ActivityMapping {
        ActivityMapping {
            activity: activity.into(),
            element: element.into(),
        }
    }

    #[test]
    fn activities_become_aliases_in_one_batch() {
        let edit = alias_edit(
            &ws(),
            &[
                map("Lead created", "crm"),
                map("Page view", "web"),
                map("Lead updated", "crm"),
            ],
        )
        .unwrap()
        .unwrap();
        let Edit::Batch { edits } = edit else {
            panic!("one batch")
        };
        let aliases: Vec<(String, Vec<String>)> = edits
            .into_iter()
            .map(|e| match e {
                Edit::PutElement { element } => (element.id.to_string(), element.aliases),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            aliases,
            vec![
                (
                    "crm".to_string(),
                    vec![
                        "Salesforce".into(),
                        "Lead created".into(),
                        "Lead updated".into()
                    ]
                ),
                ("web".to_string(), vec!["Page view".into()]),
            ]
        );
    }

    #[test]
    fn a_known_name_adds_nothing_and_an_unknown_element_is_refused() {
        assert_eq!(
            alias_edit(&ws(), &[map("salesforce", "crm")]).unwrap(),
            None
        );
        assert_eq!(alias_edit(&ws(), &[map("WEBSITE", "web")]).unwrap(), None);
        let err = alias_edit(&ws(), &[map("x", "nowhere")]).unwrap_err();
        assert!(err.to_string().contains("no element \"nowhere\""), "{err}");
    }
}
