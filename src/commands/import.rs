//! `casebook import TEXT --out DIR`.

use std::path::Path;

use super::{Console, Failure};
use crate::diag::{line_col, Diagnostic};

/// Segments a PDF-extracted text into a case-study folder; warnings about
/// what the segmenter guessed are printed, and do not fail the import.
pub fn run(text: &Path, out: &Path, console: &mut Console) -> Result<(), Failure> {
    let input = read_text(text)?;
    let id = out
        .file_name()
        .and_then(|n| n.to_str())
        .map(crate::corpus::ids::slug)
        .filter(|s| !s.is_empty());
    let imported = crate::import::import(&input, text, id.as_deref().unwrap_or("paper"));
    console.report(&imported.warnings);
    // meta.toml and entities.toml are edited by hand after an import: never overwrite them.
    let mut keep_or_write = |name: &str, text: String| {
        let path = out.join(name);
        if path.exists() {
            console.report(&[Diagnostic::warning(&path, 0, 0, "kept the existing file")]);
            Ok(())
        } else {
            std::fs::write(&path, text)
        }
    };
    std::fs::create_dir_all(out)
        .and_then(|()| std::fs::write(out.join("paper.md"), imported.paper_md()))
        .and_then(|()| keep_or_write("meta.toml", imported.meta_toml()))
        .and_then(|()| keep_or_write("entities.toml", imported.entities_toml()))
        .map_err(|err| {
            Failure::input(vec![Diagnostic::error(
                out,
                0,
                0,
                format!("cannot write: {err}"),
            )])
        })
}

/// The text to import, which must be UTF-8: a PDF or a Word file is named
/// with the line where it stops being text.
fn read_text(path: &Path) -> Result<String, Failure> {
    let fail = |line, col, message: String| {
        Failure::input(vec![Diagnostic::error(path, line, col, message)])
    };
    let bytes = std::fs::read(path).map_err(|err| fail(0, 0, format!("cannot read: {err}")))?;
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
