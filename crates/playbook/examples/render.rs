//! Renders a `*.throughline.json` workspace as a playbook PDF.
//!
//! `cargo run -p throughline-playbook --example render -- IN.json OUT.pdf [a4|letter] [DATE]`

use std::process::ExitCode;

use throughline_model::Workspace;
use throughline_playbook::{Paper, PlaybookOptions, render};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: render IN.throughline.json OUT.pdf [a4|letter] [DATE]");
        return ExitCode::from(2);
    };
    match run(input, output, &args[2..]) {
        Ok((size, pages)) => {
            println!("wrote {output} ({size} bytes, {pages} pages)");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str, rest: &[String]) -> Result<(usize, u32), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let mut value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{input}: {e}"))?;
    if let Some(map) = value.as_object_mut() {
        map.remove("format");
        map.remove("version");
    }
    let ws: Workspace = serde_json::from_value(value).map_err(|e| format!("{input}: {e}"))?;
    let paper = match rest.first().map(String::as_str) {
        Some("letter") => Paper::Letter,
        _ => Paper::A4,
    };
    let options = PlaybookOptions {
        paper,
        generated_on: rest
            .get(1)
            .cloned()
            .unwrap_or_else(|| "21 November 2025".to_string()),
        ..PlaybookOptions::default()
    };
    let started = std::time::Instant::now();
    let pdf = render(&ws, &options).map_err(|e| e.to_string())?;
    eprintln!("rendered in {:?}", started.elapsed());
    std::fs::write(output, &pdf.bytes).map_err(|e| format!("{output}: {e}"))?;
    Ok((pdf.bytes.len(), pdf.pages))
}
