//! How the window is painted. WebKitGTK paints through OpenGL; on a machine without a GPU
//! (a VM, a remote desktop, Xvfb) that is Mesa's software GL, which is several times slower
//! than WebKit's own CPU painting: measured with `scripts/bench-graph`, zooming a large graph
//! ran at 2 frames a second through software GL and 8 without it. Without a GPU the window
//! is therefore painted without GL; `THROUGHLINE_RENDERING=gpu` or `=cpu` overrides the guess.

use std::path::Path;

/// Where Linux lists GPU render nodes (`renderD128`, …).
pub const DRI_DIR: &str = "/dev/dri";

/// Whether the window should be painted without OpenGL: asked for with
/// `THROUGHLINE_RENDERING=cpu`, or no GPU to paint with (`LIBGL_ALWAYS_SOFTWARE` set, or no
/// render node in `dri`); never with `THROUGHLINE_RENDERING=gpu`.
pub fn paint_without_gl(dri: &Path, var: impl Fn(&str) -> Option<String>) -> bool {
    match var("THROUGHLINE_RENDERING").as_deref() {
        Some("cpu") => return true,
        Some("gpu") => return false,
        _ => {}
    }
    if var("LIBGL_ALWAYS_SOFTWARE").is_some_and(|v| !v.is_empty() && v != "0" && v != "false") {
        return true;
    }
    let has_render_node = std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    });
    !has_render_node
}

/// Turns WebKit's hardware acceleration off for `window` when [`paint_without_gl`] says so.
#[cfg(target_os = "linux")]
pub fn apply(window: &tauri::WebviewWindow) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if !paint_without_gl(Path::new(DRI_DIR), |k| std::env::var(k).ok()) {
        return;
    }
    let applied = window.with_webview(|webview| {
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
    if let Err(e) = applied {
        eprintln!("Throughline could not switch to software painting: {e}");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn apply(_window: &tauri::WebviewWindow) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn without_a_render_node_the_window_is_painted_without_gl() {
        let dri = tempfile::tempdir().unwrap();
        assert!(paint_without_gl(dri.path(), vars(&[])), "empty /dev/dri");
        assert!(
            paint_without_gl(&dri.path().join("missing"), vars(&[])),
            "no /dev/dri"
        );
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(
            paint_without_gl(dri.path(), vars(&[])),
            "a card without a render node"
        );
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(
            !paint_without_gl(dri.path(), vars(&[])),
            "a render node: paint with the GPU"
        );
    }

    #[test]
    fn the_environment_overrides_the_guess() {
        let gpu = tempfile::tempdir().unwrap();
        std::fs::write(gpu.path().join("renderD128"), "").unwrap();
        let none = tempfile::tempdir().unwrap();
        assert!(paint_without_gl(
            gpu.path(),
            vars(&[("THROUGHLINE_RENDERING", "cpu")])
        ));
        assert!(!paint_without_gl(
            none.path(),
            vars(&[("THROUGHLINE_RENDERING", "gpu")])
        ));
        assert!(paint_without_gl(
            gpu.path(),
            vars(&[("LIBGL_ALWAYS_SOFTWARE", "1")])
        ));
        assert!(!paint_without_gl(
            gpu.path(),
            vars(&[("LIBGL_ALWAYS_SOFTWARE", "0")])
        ));
        assert!(
            !paint_without_gl(
                gpu.path(),
                vars(&[
                    ("THROUGHLINE_RENDERING", "gpu"),
                    ("LIBGL_ALWAYS_SOFTWARE", "1")
                ])
            ),
            "an explicit choice wins"
        );
    }
}
