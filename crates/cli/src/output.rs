//! Writing to standard output so that a closed pipe (`throughline audit F | head`) ends the
//! command quietly instead of panicking.

use std::io::{ErrorKind, Write};

use crate::library::CliError;

/// Writes `text` to standard output. A reader that went away (broken pipe) is not an
/// error: the command simply has no one left to tell.
pub fn print(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(CliError::Other(format!(
            "cannot write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Writes one line to standard output through [`print`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::print(&format!("{}\n", format_args!($($arg)*)))?
    };
}
pub(crate) use outln;

/// Writes a line to standard error; a closed standard error is ignored.
pub fn eprint_line(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}
