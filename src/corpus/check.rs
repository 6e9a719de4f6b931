//! `casebook check`: every problem in a case study, errors and warnings.

use std::path::Path;

use super::{load, Source};
use crate::diag::Diagnostic;

/// Validates a case study; diagnostics come sorted by file and position.
pub fn check(source: &Source) -> Vec<Diagnostic> {
    let (study, mut diags) = load(source);
    if let Some(study) = &study {
        diags.extend(crate::entities::command::check(study));
        if let Err(problems) = crate::charts::series::load(study.series_toml.as_ref(), &study.doc) {
            diags.extend(problems);
        }
    }
    diags.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    diags
}

/// Validates a case-study folder.
pub fn check_dir(dir: &Path) -> Vec<Diagnostic> {
    check(&Source::Dir(dir.to_path_buf()))
}
