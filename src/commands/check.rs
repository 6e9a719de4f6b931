//! `casebook check`: every problem in a case study, errors and warnings.

use super::{Console, Failure};
use crate::corpus::{self, Source};
use crate::diag::Diagnostic;

/// Every problem of the files, the catalogue and the series, sorted by
/// file and position.
pub fn diagnostics(source: &Source) -> Vec<Diagnostic> {
    let (study, mut diags) = corpus::load(source);
    if let Some(study) = &study {
        diags.extend(crate::entities::case::check(study));
        if let Err(problems) = crate::charts::series::load(study.series_toml.as_ref(), &study.doc) {
            diags.extend(problems);
        }
    }
    diags.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    diags
}

/// Reports everything; fails when anything is an error, not a warning.
pub fn run(source: &Source, console: &mut Console) -> Result<(), Failure> {
    let diags = diagnostics(source);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(Failure::input(diags));
    }
    console.report(&diags);
    Ok(())
}
