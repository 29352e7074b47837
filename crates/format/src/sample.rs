use throughline_model::Workspace;

use crate::parse;

/// The sample workspace (the NexusFlow scenario) as shipped in `assets/sample/`.
pub const SAMPLE_JSON: &str = include_str!("../../../assets/sample/nexusflow.throughline.json");

/// The sample workspace, parsed; what a first launch opens.
pub fn sample() -> Workspace {
    // The test `the_sample_parses_and_is_canonical` guarantees the shipped file parses;
    // the fallback only keeps a broken build from panicking in front of a user.
    parse(SAMPLE_JSON).unwrap_or_else(|_| Workspace::new("NexusFlow"))
}
