use std::io::Write;
use std::path::Path;

use serde::Serialize;
use throughline_model::Workspace;

use crate::{FORMAT_TAG, FORMAT_VERSION, FormatError};

/// The envelope followed by the workspace's fields, in the order the model declares them.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    workspace: &'a Workspace,
}

/// Writes a workspace in its one canonical form: the envelope, then the workspace's fields
/// in declaration order, maps sorted by key, lists in the user's order, two-space indent
/// and a final newline.
pub fn to_string(ws: &Workspace) -> String {
    let envelope = Envelope {
        format: FORMAT_TAG,
        version: FORMAT_VERSION,
        workspace: ws,
    };
    match serde_json::to_string_pretty(&envelope) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serialising to memory fails only for maps with non-string keys or a Serialize
        // impl that reports an error; the model has neither, so this arm is unreachable.
        Err(e) => unreachable!("a workspace always serialises to JSON: {e}"),
    }
}

/// Writes a workspace to `path` atomically (see [`write_atomically`]).
pub fn write_file(ws: &Workspace, path: &Path) -> Result<(), FormatError> {
    write_atomically(to_string(ws).as_bytes(), path)
}

/// Writes `bytes` to `path` atomically: they go to a temporary file in the same folder, are
/// flushed to disk, and then replace `path` in one rename, so a crash leaves either the old
/// file or the new one, never half of one. Used for workspace files and exported PDFs.
pub fn write_atomically(bytes: &[u8], path: &Path) -> Result<(), FormatError> {
    // The temporary file's name stays out of messages: the user asked for `path`, and the
    // errors of `tempfile` carry the temporary name.
    let write_error = |source: std::io::Error| FormatError::Write {
        path: path.to_path_buf(),
        source: without_path(source),
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".throughline-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    // A temporary file is private (0600); the result should look like any file the user
    // saves: the mode of the file it replaces, or the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(write_error)?;
    }
    temp.as_file().sync_all().map_err(write_error)?;
    // On failure the temporary file is removed when `temp` is dropped.
    temp.persist(path).map_err(|e| write_error(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// The same error without any file name the source added to its text.
fn without_path(e: std::io::Error) -> std::io::Error {
    if e.kind() == std::io::ErrorKind::NotFound {
        return std::io::Error::new(e.kind(), "the folder does not exist");
    }
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => {
            let kind = e.kind();
            std::io::Error::new(kind, kind.to_string())
        }
    }
}

/// Flushes the folder entry of the rename, where the platform allows it. Best effort: the
/// file itself is already safe, and some file systems refuse to sync a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
