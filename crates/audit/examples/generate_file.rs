//! Writes a generated workspace as a `*.throughline.json` file, to try the app at scale:
//! `cargo run -p throughline-audit --example generate_file -- 2000 big.throughline.json`.

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(path)) = (args.next().and_then(|n| n.parse().ok()), args.next()) else {
        eprintln!("usage: generate_file ELEMENTS OUT.throughline.json");
        std::process::exit(2);
    };
    let mut ws = throughline_audit::generate(n, 7);
    ws.workspace.name = format!("Generated ({n} elements)");
    if let Err(e) = throughline_format::write_file(&ws, std::path::Path::new(&path)) {
        eprintln!("{e}");
        std::process::exit(1);
    }
    println!(
        "{} elements, {} handoffs -> {path}",
        ws.elements.len(),
        ws.handoffs.len()
    );
}
