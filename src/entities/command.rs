//! The `entities` and `show` subcommands, and the entity part of `check` and `export`.

use crate::term::sanitize::caret;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::catalog::{Catalog, EntityKind};
use super::links::{link, Links};
use super::{lint, report};
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

fn print(text: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("casebook: cannot write to stdout: {err}");
            ExitCode::FAILURE
        }
    }
}

fn fail(errors: &[Diagnostic]) -> ExitCode {
    for e in errors {
        eprintln!("{e}");
    }
    ExitCode::from(1)
}

fn load(source: &Source) -> Result<(CaseStudy, Catalog, Links), Vec<Diagnostic>> {
    let study = open(source)?;
    let catalog = catalog_of(&study)?;
    let links = link(&study.doc, &catalog);
    Ok((study, catalog, links))
}

/// `casebook entities [--kind K] [--json]`.
pub fn list(source: &Source, kind: Option<&str>, json: bool) -> ExitCode {
    let (study, catalog, links) = match load(source) {
        Ok(l) => l,
        Err(errors) => return fail(&errors),
    };
    let kind = kind.map(EntityKind::parse);
    if json {
        let value = report::entities_json(&study.doc, &catalog, &links, kind.as_ref());
        print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&value).expect("JSON values serialize")
        ))
    } else {
        print(&caret(&report::entities_table(
            &catalog,
            &links,
            kind.as_ref(),
        )))
    }
}

/// `casebook show ENTITY` (id, name or alias).
pub fn show(source: &Source, query: &str) -> ExitCode {
    let (study, catalog, links) = match load(source) {
        Ok(l) => l,
        Err(errors) => return fail(&errors),
    };
    match catalog.lookup(query) {
        Some(entity) => print(&caret(&report::card(&study.doc, &catalog, &links, entity))),
        None => {
            eprintln!(
                "casebook: no entity named {:?}; `casebook entities` lists them",
                caret(query)
            );
            ExitCode::from(1)
        }
    }
}
