//! The whole reality check as the benchmark times it: read a workspace and a log (CSV or
//! XES), replay it, build the report and its JSON, and print a summary line.
//!
//! `cargo run --release -p throughline-reality --example replay -- WORKSPACE.json LOG`

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [workspace, log] = args.as_slice() else {
        eprintln!("usage: replay WORKSPACE.throughline.json LOG");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let ws = match throughline_format::read_file(Path::new(workspace)) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("replay: {workspace}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let options = throughline_reality::ReplayOptions::default();
    let report = match throughline_reality::replay_file(&ws, Path::new(log), &options) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("replay: {e}");
            return ExitCode::FAILURE;
        }
    };
    let json = throughline_reality::render_json(&report);
    let fitness = report
        .fitness
        .map_or("-".to_string(), |f| format!("{:.1}%", f * 100.0));
    println!(
        "replayed {} events of {} cases: {} transitions, {} pairs, fitness {fitness}, {} findings, {} unmapped activities ({} bytes of JSON) in {:.2} s",
        report.events,
        report.cases,
        report.transitions,
        report.pairs.len(),
        report.findings().len(),
        report.unmapped.len(),
        json.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
