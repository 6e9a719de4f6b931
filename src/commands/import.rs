//! `casebook import TEXT --out DIR`.

use std::path::Path;

use super::{Console, Failure};
use crate::diag::{line_col, Diagnostic};

/// Segments a PDF-extracted text into a case-study folder; warnings about
/// what the segmenter guessed are printed, and do not fail the import.
/// `force` replaces an existing `paper.md` (kept as a backup); `data_dir`
/// holds the notes whose anchoring the replacement is checked against.
pub fn run(
    text: &Path,
    out: &Path,
    force: bool,
    data_dir: Option<&Path>,
    console: &mut Console,
) -> Result<(), Failure> {
    let input = read_text(text)?;
    let id = out
        .file_name()
        .and_then(|n| n.to_str())
        .map(crate::corpus::ids::slug)
        .filter(|s| !s.is_empty());
    let imported = crate::import::import(&input, text, id.as_deref().unwrap_or("paper"));
    console.report(&imported.warnings);
    let done = crate::import::writer::install(&imported, out, force, data_dir)
        .map_err(|d| Failure::input(vec![d]))?;
    crate::import::writer::report(&done, console.errors());
    Ok(())
}

/// The text to import, which must be UTF-8: a PDF or a Word file is named
/// with the line where it stops being text.
fn read_text(path: &Path) -> Result<String, Failure> {
    let fail = |line, col, message: String| {
        Failure::input(vec![Diagnostic::error(path, line, col, message)])
    };
    let bytes = crate::durable::read_limited(path, crate::durable::limits::PAPER)
        .map_err(|err| fail(0, 0, format!("cannot read: {err}")))?;
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&err.as_bytes()[..at]).into_owned();
        let (line, col) = line_col(&prefix, at);
        fail(
            line,
            col,
            "invalid UTF-8; expected a plain text file".into(),
        )
    })
}
