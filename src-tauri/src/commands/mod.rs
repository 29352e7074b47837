//! The commands the window can call, by concern. Each is a thin call into the libraries.

pub mod graph;
pub mod import;
pub mod library;
pub mod merge;
pub mod monitor;
pub mod playbook;
pub mod readiness;
pub mod reality;
pub mod room;
pub mod versions;
pub mod workspace;
