//! The TypeScript shape of a JSON value in the generated bindings.
//!
//! `serde_json::Value` cannot be exported as it is (its numbers may be 64-bit integers, which
//! the exporter refuses to lose precision on); the values a comparison carries are fields of
//! a workspace, whose numbers are small. Fields of type `Value` name this type for specta.

use std::collections::BTreeMap;

use serde::Serialize;

/// Any JSON value, as the UI receives it.
#[derive(Serialize, specta::Type)]
#[serde(untagged)]
#[allow(dead_code)] // Only its shape is used: it is never built.
pub enum AnyJson {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<AnyJson>),
    Object(BTreeMap<String, AnyJson>),
}
