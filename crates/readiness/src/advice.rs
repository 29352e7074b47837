//! What to do first, per dimension, and the verdict sentences: our own words.

use throughline_model::Dimension;

/// The concrete first step when `dimension` is the weakest.
pub fn recommendation(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Strategy => {
            "Agree on one experience vision first: bring the leads of every customer-facing team together and write, in a sentence they all sign, the change the customer relationship should make. Orchestration without it has nothing to aim at."
        }
        Dimension::Data => {
            "Unify the customer data before orchestrating: pick one source of truth for the customer profile and connect the touchpoints that matter most to it. Until then every channel acts on its own picture of the customer."
        }
        Dimension::Team => {
            "Get the teams deciding together before touching tools: name a small cross-functional group (product, design, marketing, support) with the right to decide on the journey, and give it a fixed meeting rhythm."
        }
        Dimension::Technology => {
            "Find out what the current tools can do across channels before buying more: map which systems can share a signal, hold back a message and report on a whole journey, then close the biggest gap."
        }
        Dimension::Culture => {
            "Start small: run one pilot on a single journey, agree up front how it will be judged, and share what went wrong as openly as what worked, so people see that trying is safe."
        }
        Dimension::Metrics => {
            "Decide how you will know the experience holds together before scaling: pick one leading signal (such as journey completion) and one lagging result (such as retention), and give each a named owner."
        }
    }
}

/// A mean (or any figure but the total) to one decimal, as the CLI, the PDF and the app write
/// it: an exact tie rounds to even, so 3.25 reads "3.2". The app's `figure` (ui/src/model/format.ts)
/// is checked against examples this function writes (`FIGURE_EXAMPLES`, crates/ui-cases).
pub fn figure_display(value: f64) -> String {
    format!("{value:.1}")
}

/// A total to one decimal, rounded down, so that 17.96 never reads as "18.0 ... below 18".
pub fn total_display(total: f64) -> String {
    // The epsilon keeps 17.999999999 (an 18 built from thirds) reading as 18.0.
    format!("{:.1}", ((total + 1e-9) * 10.0).floor() / 10.0)
}

/// The sentence for a complete total at or above the threshold.
pub(crate) fn ready_sentence(total: f64, max: u32, threshold: f64) -> String {
    let total = total_display(total);
    format!(
        "{total} of {max}: at or above {threshold:.0}, so the foundations are there to start orchestrating; still begin with the weakest dimension."
    )
}

/// The sentence for a complete total below the threshold.
pub(crate) fn foundations_sentence(total: f64, max: u32, threshold: f64) -> String {
    let total = total_display(total);
    format!(
        "{total} of {max}: below {threshold:.0}, so do the foundational work before orchestrating, starting with the weakest dimension."
    )
}

/// The sentence when some dimension has no score at all.
pub(crate) fn incomplete_sentence(unscored: &[Dimension]) -> String {
    if unscored.len() == Dimension::ALL.len() {
        return "No total yet: nobody has scored any dimension.".to_string();
    }
    let names: Vec<&str> = unscored.iter().map(|d| d.label()).collect();
    format!(
        "No total: nobody scored {}, and filling the gap with a guess would make the verdict a guess too. Score every dimension to get one.",
        join_and(&names)
    )
}

/// "A", "A and B", "A, B and C".
pub(crate) fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
