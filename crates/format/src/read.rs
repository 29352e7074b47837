use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use throughline_model::{
    Element, Handoff, LayerScore, Metric, Principle, Problem, ReadinessSession, Reading, Review,
    Stage, Waiver, Workspace, WorkspaceInfo, validate,
};

use crate::{FORMAT_TAG, FORMAT_VERSION, FormatError, MAX_INPUT_BYTES, OLDEST_FORMAT_VERSION};

/// Reads a workspace from the text of a `*.throughline.json` file.
///
/// Checks, in order: the size, the JSON syntax and the envelope (`"format"`,
/// `"version"`), the type of every field, then the workspace's own rules
/// ([`throughline_model::validate`]). Returns the workspace only when all of them pass.
pub fn parse(text: &str) -> Result<Workspace, FormatError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(FormatError::TooLarge { bytes: text.len() });
    }
    // Editors on Windows like to start UTF-8 files with a byte-order mark; it carries no
    // meaning, so it is skipped rather than refused.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_envelope(text)?;
    let ws = parse_typed(text)?;
    let problems = validate(&ws);
    if problems.is_empty() {
        Ok(ws)
    } else {
        Err(FormatError::Invalid(problems))
    }
}

/// Reads and parses a `*.throughline.json` file; errors about the file name its path.
pub fn read_file(path: &Path) -> Result<Workspace, FormatError> {
    let read_error = |source| FormatError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    // Read one byte past the limit, so an oversized file is refused without loading it all.
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() > MAX_INPUT_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(FormatError::TooLarge {
            bytes: usize::try_from(size).unwrap_or(usize::MAX),
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| FormatError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    parse(&text)
}

/// The top level of a file as far as the envelope check needs it.
enum Top {
    Object {
        format: Option<Value>,
        version: Option<Value>,
    },
    /// Any other JSON value, described for a message ("an array").
    Other(&'static str),
}

fn check_envelope(text: &str) -> Result<(), FormatError> {
    let top = serde_json::from_str::<Top>(text).map_err(|e| FormatError::NotJson {
        line: e.line(),
        column: e.column(),
        message: bare_message(&e).replace('`', "\""),
    })?;
    let (format, version) = match top {
        Top::Object { format, version } => (format, version),
        Top::Other(what) => {
            return Err(FormatError::NotThroughline {
                reason: format!("it holds {what}, where a JSON object is expected"),
            });
        }
    };
    match format {
        Some(Value::String(tag)) if tag == FORMAT_TAG => {}
        None => {
            return Err(FormatError::NotThroughline {
                reason: format!("it has no \"format\": \"{FORMAT_TAG}\" field"),
            });
        }
        Some(other) => {
            return Err(FormatError::NotThroughline {
                reason: format!(
                    "its \"format\" is {}, where \"{FORMAT_TAG}\" is expected",
                    short(&other)
                ),
            });
        }
    }
    match version {
        None => Err(FormatError::BadVersion {
            found: "is missing".into(),
        }),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if (OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&v) => Ok(()),
            Some(v) if v > FORMAT_VERSION => Err(FormatError::NewerVersion { version: v }),
            _ => Err(FormatError::BadVersion {
                found: format!("is {n}"),
            }),
        },
        Some(other) => Err(FormatError::BadVersion {
            found: format!("is {}", short(&other)),
        }),
    }
}

/// A JSON value as it would appear in the file, cut short if it is long.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 40 {
        text
    } else {
        format!("{}…", text.chars().take(40).collect::<String>())
    }
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let (mut format, mut version) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => format = Some(map.next_value::<Value>()?),
                "version" => version = Some(map.next_value::<Value>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Top::Object { format, version })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::Other("an array"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Top, E> {
        Ok(Top::Other("a string"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Top, E> {
        Ok(Top::Other("a true/false value"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Top, E> {
        Ok(Top::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Top, E> {
        Ok(Top::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Top, E> {
        Ok(Top::Other("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Top, E> {
        Ok(Top::Other("null"))
    }
}

/// The file as the typed parser reads it: the envelope, then the workspace's fields.
///
/// This mirrors [`Workspace`] field for field (the conversion below names every field, so
/// a field added to the model fails to compile here until the format learns it). It
/// exists because `serde(flatten)` cannot be combined with `deny_unknown_fields`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    format: IgnoredAny,
    #[allow(dead_code)]
    version: IgnoredAny,
    workspace: WorkspaceInfo,
    #[serde(default)]
    stages: Vec<Stage>,
    #[serde(default)]
    elements: Vec<Element>,
    #[serde(default)]
    handoffs: Vec<Handoff>,
    #[serde(default)]
    principles: Vec<Principle>,
    #[serde(default)]
    readiness: Vec<ReadinessSession>,
    #[serde(default)]
    layer_scores: Vec<LayerScore>,
    #[serde(default)]
    waivers: Vec<Waiver>,
    #[serde(default)]
    metrics: Vec<Metric>,
    #[serde(default)]
    readings: Vec<Reading>,
    #[serde(default)]
    reviews: Vec<Review>,
}

fn parse_typed(text: &str) -> Result<Workspace, FormatError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let file: File = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        FormatError::Field {
            problem: field_problem(path, &inner),
            line: inner.line(),
            column: inner.column(),
        }
    })?;
    let File {
        format: _,
        version: _,
        workspace,
        stages,
        elements,
        handoffs,
        principles,
        readiness,
        layer_scores,
        waivers,
        metrics,
        readings,
        reviews,
    } = file;
    Ok(Workspace {
        workspace,
        stages,
        elements,
        handoffs,
        principles,
        readiness,
        layer_scores,
        waivers,
        metrics,
        readings,
        reviews,
    })
}

/// Turns serde's wording into a located problem a person can act on.
fn field_problem(path: String, e: &serde_json::Error) -> Problem {
    let message = bare_message(e);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // serde names the field and lists the expected ones; the path names the field.
        let field = rest.split_once('`').map_or("", |(f, _)| f);
        let path = if path == "." {
            field.to_string()
        } else if path.ends_with(&format!(".{field}")) {
            path
        } else {
            format!("{path}.{field}")
        };
        let expected = rest
            .split_once("expected ")
            .map(|(_, list)| list.replace('`', ""))
            .unwrap_or_default();
        let mut text = "this field is not part of the Throughline format".to_string();
        if !expected.is_empty() {
            text.push_str(&format!("; expected {expected}"));
        }
        return Problem {
            path,
            message: text,
        };
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        let path = if path == "." {
            field.to_string()
        } else {
            format!("{path}.{field}")
        };
        return Problem {
            path,
            message: "this field is required".into(),
        };
    }
    // "invalid type: integer `42`, expected a string" reads better the other way round.
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once(", expected "))
        {
            return Problem {
                path,
                message: format!("expected {expected}, found {}", found.replace('`', "")),
            };
        }
    }
    Problem {
        path,
        message: message.replace('`', "\""),
    }
}

/// serde_json's message without its trailing " at line L column C".
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}
