//! `casebook notes list|export|import`.

use std::path::Path;

use super::args::{NotesCommand, NotesFormat};
use super::{Console, Failure};
use crate::corpus::{self, Source};
use crate::model::Document;
use crate::notes::merge::merge;
use crate::notes::{export, webanno, Filter, NoteStore, Notebook, StoreError};
use crate::paths::Paths;

/// Runs a notes command on the notes of the case study `source` names.
pub fn run(
    cmd: &NotesCommand,
    source: &Source,
    paths: &Paths,
    console: &mut Console,
) -> Result<(), Failure> {
    let case = corpus::open(source)?;
    on(cmd, &paths.data, &case.meta.id, &case.doc, console)
}

/// Runs a notes command on an already loaded case study. The command does
/// its work with what is readable; a damaged notes file (now set aside)
/// still fails it, so scripts notice.
pub fn on(
    cmd: &NotesCommand,
    data_dir: &Path,
    case_id: &str,
    doc: &Document,
    console: &mut Console,
) -> Result<(), Failure> {
    let store = NoteStore::new(data_dir, case_id).map_err(store_failure)?;
    let loaded = store.load().map_err(store_failure)?;
    console.report(&loaded.diagnostics);
    let book = Notebook::new(loaded.set, doc);
    match cmd {
        NotesCommand::List { tag, text, json } => {
            let filter = Filter {
                tag: tag.clone(),
                text: text.clone(),
            };
            let notes = book.list(&filter);
            console.print(&if *json {
                export::list_json(doc, &notes)
            } else {
                export::list_text(doc, &notes)
            })?;
        }
        NotesCommand::Export { format, out, .. } => {
            let all = book.list(&Filter::default());
            let text = match format {
                NotesFormat::Markdown => export::markdown(doc, case_id, &all),
                NotesFormat::Csv => export::csv(doc, &all),
                NotesFormat::Json => {
                    let v = webanno::collection_to_json(book.set(), case_id);
                    serde_json::to_string_pretty(&v).expect("JSON values serialize") + "\n"
                }
            };
            match out {
                Some(path) => {
                    crate::durable::write_atomic(path, text.as_bytes(), None).map_err(|e| {
                        Failure::because(format!("{}: cannot write: {e}", path.display()))
                    })?
                }
                None => console.print(&text)?,
            }
        }
        NotesCommand::Import { file } => return import(&store, file, doc, console),
        NotesCommand::Recover { merge } => {
            let mut out = Vec::new();
            let recovered =
                crate::notes::recover::run(&store, merge.as_deref(), &mut out, console.errors());
            console.print(&String::from_utf8_lossy(&out))?;
            return recovered.map_err(Failure::because);
        }
    }
    match loaded.diagnostics.iter().find(|d| d.is_error()) {
        Some(d) => Err(Failure::because(format!(
            "the notes file was damaged: {}",
            d.message
        ))),
        None => Ok(()),
    }
}

/// Merges a file of Web Annotations; the annotations it could not read are
/// listed and fail the command, the others are imported.
fn import(
    store: &NoteStore,
    file: &Path,
    doc: &Document,
    console: &mut Console,
) -> Result<(), Failure> {
    let src = crate::durable::read_limited(file, crate::durable::limits::NOTES)
        .and_then(|b| String::from_utf8(b).map_err(std::io::Error::other))
        .map_err(|e| Failure::because(format!("{}: cannot read: {e}", file.display())))?;
    let parsed = webanno::parse(&src, file);
    let (merged, problems) = merge(store, &parsed, doc).map_err(store_failure)?;
    console.report(&problems);
    console.print(&format!(
        "{} note(s) read: {} new, {} updated, {} unchanged\n",
        merged.read,
        merged.added,
        merged.updated,
        merged.unchanged()
    ))?;
    let bad = parsed.diagnostics.iter().filter(|d| d.is_error()).count();
    if bad > 0 {
        return Err(
            Failure::input(parsed.diagnostics.clone()).with_message(format!(
                "{bad} problem(s) in {}; the annotations listed above were not imported",
                file.display()
            )),
        );
    }
    console.report(&parsed.diagnostics);
    Ok(())
}

/// The store could not be opened, read or written.
fn store_failure(e: StoreError) -> Failure {
    Failure::because(e.to_string())
}
