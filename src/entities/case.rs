//! The entities of one case study: its catalogue, linked against its paper,
//! and what `casebook check` says about both.

use std::path::PathBuf;

use super::catalog::Catalog;
use super::links::{link, Links};
use super::lint;
use crate::corpus::{open, CaseStudy, Source};
use crate::diag::Diagnostic;

/// The study's catalogue; an empty one when it has no `entities.toml`.
pub fn catalog_of(study: &CaseStudy) -> Result<Catalog, Vec<Diagnostic>> {
    match &study.entities_toml {
        Some(file) => Catalog::parse(&file.path, &file.text),
        None => Ok(Catalog::default()),
    }
}

/// Catalogue and links for export; a broken catalogue links nothing
/// (`casebook check` reports why).
pub fn linked(study: &CaseStudy) -> (Catalog, Links) {
    let catalog = catalog_of(study).unwrap_or_default();
    let links = link(&study.doc, &catalog);
    (catalog, links)
}

/// The study, its catalogue and the links between them; any error in either
/// file stops here.
pub fn load(source: &Source) -> Result<(CaseStudy, Catalog, Links), Vec<Diagnostic>> {
    let study = open(source)?;
    let catalog = catalog_of(&study)?;
    let links = link(&study.doc, &catalog);
    Ok((study, catalog, links))
}

fn paper_path(study: &CaseStudy) -> PathBuf {
    match &study.source {
        Source::Dir(dir) => dir.join("paper.md"),
        Source::Bundled => PathBuf::from("corpus/dalian/paper.md"),
    }
}

/// Catalogue errors and linking warnings for `casebook check`.
pub fn check(study: &CaseStudy) -> Vec<Diagnostic> {
    let catalog = match catalog_of(study) {
        Ok(c) => c,
        // A TOML syntax error is already reported by the loader.
        Err(errors) => {
            let syntax_ok = study
                .entities_toml
                .as_ref()
                .is_some_and(|f| f.text.parse::<toml::Table>().is_ok());
            return if syntax_ok { errors } else { Vec::new() };
        }
    };
    let links = link(&study.doc, &catalog);
    lint::lint(&catalog, &study.doc, &links, &paper_path(study))
}
