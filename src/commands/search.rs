//! `casebook search QUERY [--kind K] [--limit N] [--json]`.

use std::path::Path;

use super::args::SearchArgs;
use super::{Console, Failure};
use crate::corpus::{open, CaseStudy, Source};
use crate::entities::Catalog;
use crate::notes::NoteStore;
use crate::paths::Paths;
use crate::search::adapters::{docs_from_catalog, docs_from_document, docs_from_notes};
use crate::search::{report, Filter, Index, Query, SearchDoc};

pub fn run(
    args: &SearchArgs,
    source: &Source,
    data_dir: Option<&Path>,
    console: &mut Console,
) -> Result<(), Failure> {
    let study = open(source)?;
    let index = Index::build(gather(&study, data_dir, console));
    let mut query = Query::parse(&args.query.join(" "));
    if let Some(kind) = args.kind {
        query.filters = vec![kind];
    }
    for name in &query.unknown_filters {
        console.warn(&format!(
            "@{name} names no kind; expected one of {}",
            Filter::names().collect::<Vec<_>>().join(", ")
        ));
    }
    let hits = index.search(&query, args.limit);
    console.print(&if args.json {
        report::json(&index, &hits)
    } else {
        report::text(&hits, color(console))
    })
}

/// Everything searchable; a broken catalogue or notes file is reported and skipped.
fn gather(study: &CaseStudy, data_dir: Option<&Path>, console: &mut Console) -> Vec<SearchDoc> {
    let mut docs = docs_from_document(&study.doc);
    if let Some(file) = &study.entities_toml {
        match Catalog::parse(&file.path, &file.text) {
            Ok(catalog) => docs.extend(docs_from_catalog(&catalog)),
            Err(diags) => console.report(&diags),
        }
    }
    let store = Paths::resolve(data_dir, None)
        .map_err(|e| e.to_string())
        .and_then(|p| NoteStore::new(&p.data, &study.meta.id).map_err(|e| e.to_string()));
    match store.and_then(|s| s.load().map_err(|e| e.to_string())) {
        Ok(loaded) => {
            console.report(&loaded.diagnostics);
            docs.extend(docs_from_notes(loaded.set.notes()));
        }
        Err(e) => console.warn(&format!("notes not searched: {e}")),
    }
    docs
}

/// Matches in bold on a terminal that has not asked for no colour.
fn color(console: &Console) -> bool {
    console.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
