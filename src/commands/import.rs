//! `casebook import FILE.pdf|FILE.txt [--out DIR] [--force] [--verbose]`.

use std::path::Path;

use super::{Console, Failure};
use crate::diag::Diagnostic;
use crate::import;

/// Imports a paper's PDF (or its extracted text) into a case-study folder:
/// one summary of what was found, warnings grouped by kind. Nothing is
/// written when no passage was found. `force` replaces an existing
/// `paper.md` (kept as a backup); `data_dir` holds the notes whose anchoring
/// the replacement is checked against.
pub struct Import<'a> {
    pub input: &'a Path,
    pub out: Option<&'a Path>,
    pub force: bool,
    pub verbose: bool,
    pub data_dir: Option<&'a Path>,
}

pub fn run(args: Import, console: &mut Console) -> Result<(), Failure> {
    let out = args
        .out
        .map_or_else(|| import::default_out(args.input), Path::to_path_buf);
    let id = out
        .file_name()
        .and_then(|n| n.to_str())
        .map(crate::corpus::ids::slug)
        .filter(|s| !s.is_empty());
    let imported =
        import::read_file(args.input, id.as_deref().unwrap_or("paper")).map_err(Failure::input)?;
    let summary = import::report(&imported, args.input, args.verbose);
    let _ = console.errors().write_all(summary.as_bytes());
    if imported.doc.passages.is_empty() {
        return Err(Failure::input(vec![Diagnostic::error(
            args.input,
            0,
            0,
            "no passages found; nothing written",
        )]));
    }
    let done = import::writer::install(&imported, &out, args.force, args.data_dir)
        .map_err(|d| Failure::input(vec![d]))?;
    import::writer::report(&done, console.errors());
    Ok(())
}
