//! The `import`, `export` and `check` subcommands: printing and exit codes.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::{check::check as check_source, open, Source};
use crate::diag::Diagnostic;
use crate::export::{self, Format};
use crate::import;

pub fn import(text: &Path, out: &Path, force: bool, data_dir: Option<&Path>) -> ExitCode {
    let input = match crate::durable::read_limited(text, crate::durable::limits::PAPER) {
        Ok(bytes) => bytes,
        Err(err) => return fail(&[Diagnostic::error(text, 0, 0, format!("cannot read: {err}"))]),
    };
    let input = match String::from_utf8(input) {
        Ok(s) => s,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&err.as_bytes()[..at]).into_owned();
            let (line, col) = crate::diag::line_col(&prefix, at);
            return fail(&[Diagnostic::error(
                text,
                line,
                col,
                "invalid UTF-8; expected a plain text file",
            )]);
        }
    };
    let id = out
        .file_name()
        .and_then(|n| n.to_str())
        .map(crate::corpus::ids::slug)
        .filter(|s| !s.is_empty());
    let imported = import::import(&input, text, id.as_deref().unwrap_or("paper"));
    drop(input);
    for w in &imported.warnings {
        eprintln!("{w}");
    }
    match import::writer::install(&imported, out, force, data_dir) {
        Ok(done) => {
            crate::import::writer::report(&done, &mut std::io::stderr());
            ExitCode::SUCCESS
        }
        Err(err) => fail(&[err]),
    }
}

pub fn export(source: &Source, format: Format) -> ExitCode {
    match open(source) {
        Ok(study) => {
            let stdout = std::io::stdout();
            // Exact text into a file or pipe, streamed; nothing a terminal
            // would obey onto a screen.
            let written = if stdout.is_terminal() {
                let text = export::export(&study, format);
                stdout
                    .lock()
                    .write_all(crate::term::sanitize::lines(&text).as_bytes())
            } else {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
                export::write(&study, format, &mut out).and_then(|()| out.flush())
            };
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("casebook: cannot write to stdout: {err}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(errors) => fail(&errors),
    }
}

pub fn check(source: &Source) -> ExitCode {
    let diags = check_source(source);
    for d in &diags {
        eprintln!("{d}");
    }
    if diags.iter().any(Diagnostic::is_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(errors: &[Diagnostic]) -> ExitCode {
    for e in errors {
        eprintln!("{e}");
    }
    ExitCode::from(1)
}
