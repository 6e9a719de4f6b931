//! `casebook search QUERY [--kind K] [--limit N] [--json]`.

use crate::term::sanitize::caret;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::adapters::{docs_from_catalog, docs_from_document, docs_from_notes};
use super::{group_by_kind, Filter, Hit, Index, Query};
use crate::corpus::{open, CaseStudy, Source};
use crate::entities::Catalog;
use crate::notes::NoteStore;
use crate::paths::Paths;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find; "quoted phrases", @person/@firm/@place/@org/@passage/@note and #tag work as in the reader.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only hits of this kind: person, firm, place, org, entity, section, passage, footnote, reference, note.
    #[arg(long, value_name = "K", value_parser = parse_kind)]
    pub kind: Option<Filter>,
    /// Show at most N hits.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Print the ranked hits as JSON.
    #[arg(long)]
    pub json: bool,
}

fn parse_kind(name: &str) -> Result<Filter, String> {
    Filter::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Filter::names().collect();
        format!(
            "unknown kind {name:?}; expected one of {}",
            names.join(", ")
        )
    })
}

pub fn run(args: &SearchArgs, source: &Source, data_dir: Option<&Path>) -> ExitCode {
    let study = match open(source) {
        Ok(study) => study,
        Err(diags) => {
            for d in diags {
                eprintln!("{d}");
            }
            return ExitCode::FAILURE;
        }
    };
    let index = Index::build(gather(&study, data_dir));
    let mut query = Query::parse(&args.query.join(" "));
    if let Some(kind) = args.kind {
        query.filters = vec![kind];
    }
    for name in &query.unknown_filters {
        eprintln!(
            "warning: @{name} names no kind; expected one of {}",
            Filter::names().collect::<Vec<_>>().join(", ")
        );
    }
    let hits = index.search(&query, args.limit);
    let out = if args.json {
        json(&index, &hits)
    } else {
        text(&hits, color())
    };
    match io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write results: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Everything searchable; a broken catalogue or notes file is reported and skipped.
fn gather(study: &CaseStudy, data_dir: Option<&Path>) -> Vec<crate::search::SearchDoc> {
    let mut docs = docs_from_document(&study.doc);
    if let Some(file) = &study.entities_toml {
        match Catalog::parse(&file.path, &file.text) {
            Ok(catalog) => docs.extend(docs_from_catalog(&catalog)),
            Err(diags) => diags.iter().for_each(|d| eprintln!("{d}")),
        }
    }
    let store = Paths::resolve(data_dir, None)
        .map_err(|e| e.to_string())
        .and_then(|p| NoteStore::new(&p.data, &study.meta.id).map_err(|e| e.to_string()));
    match store.and_then(|s| s.load().map_err(|e| e.to_string())) {
        Ok(loaded) => {
            loaded.diagnostics.iter().for_each(|d| eprintln!("{d}"));
            docs.extend(docs_from_notes(loaded.set.notes()));
        }
        Err(e) => eprintln!("warning: notes not searched: {e}"),
    }
    docs
}

fn color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[derive(Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    hit: &'a Hit,
    #[serde(skip_serializing_if = "Option::is_none")]
    subkind: Option<&'a str>,
    /// The full passage text, for passage hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

fn json(index: &Index, hits: &[Hit]) -> String {
    let list: Vec<JsonHit> = hits
        .iter()
        .map(|hit| {
            let doc = index.doc(hit.doc);
            let passage = hit.kind == super::HitKind::Passage;
            JsonHit {
                hit,
                subkind: doc.subkind.as_deref(),
                text: passage.then_some(doc.text.as_str()),
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// Hits grouped by kind, ranked within each group; matches in bold on a
/// terminal. Control characters from the case study are shown, not sent.
fn text(hits: &[Hit], color: bool) -> String {
    if hits.is_empty() {
        return "no matches\n".into();
    }
    let mut out = String::new();
    for (kind, group) in group_by_kind(hits) {
        out.push_str(&format!("{} ({})\n", kind.name(), group.len()));
        for hit in group {
            out.push_str(&format!(
                "  {}  {}  [{}]\n    ",
                caret(&hit.id),
                caret(&hit.title),
                hit.score
            ));
            let mut at = 0;
            for r in &hit.highlights {
                out.push_str(&caret(&hit.snippet[at..r.start]));
                let word = caret(&hit.snippet[r.clone()]).into_owned();
                out.push_str(&if color {
                    format!("\x1b[1m{word}\x1b[22m")
                } else {
                    word
                });
                at = r.end;
            }
            out.push_str(&caret(&hit.snippet[at..]));
            out.push('\n');
        }
    }
    out
}
