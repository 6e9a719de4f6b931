//! `casebook notes list|add|export|import|recover`.

use std::path::Path;

use super::args::{NotesCommand, NotesFormat};
use super::{Console, Failure};
use crate::corpus::{self, Source};
use crate::model::{Document, Meta};
use crate::notes::codebook::{CodeBookStore, Scope};
use crate::notes::merge::merge;
use crate::notes::{
    export, qdpx, webanno, Code, Filter, Note, NoteStore, Notebook, StoreError, Target,
};
use crate::paths::Paths;

/// Runs a notes command on the notes of the case study `source` names.
pub fn run(
    cmd: &NotesCommand,
    source: &Source,
    paths: &Paths,
    console: &mut Console,
) -> Result<(), Failure> {
    let case = corpus::open(source)?;
    on(cmd, &paths.data, &case.meta, &case.doc, console)
}

/// Runs a notes command on an already loaded case study. The command does
/// its work with what is readable; a damaged notes file (now set aside)
/// still fails it, so scripts notice.
pub fn on(
    cmd: &NotesCommand,
    data_dir: &Path,
    meta: &Meta,
    doc: &Document,
    console: &mut Console,
) -> Result<(), Failure> {
    let case_id = meta.id.as_str();
    let store = NoteStore::new(data_dir, case_id).map_err(store_failure)?;
    let codes = CodeBookStore::new(data_dir, case_id);
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
        NotesCommand::Export {
            format: NotesFormat::Qdpx,
            out,
            ..
        } => {
            let all = book.list(&Filter::default());
            let code_book = codes.load().map_err(super::codes::book_failure)?;
            let (zip, written) = qdpx::write(meta, doc, &all, &code_book)
                .map_err(|e| Failure::because(format!("cannot make the project archive: {e}")))?;
            match out {
                Some(path) => crate::durable::write_atomic(path, &zip, None).map_err(|e| {
                    Failure::because(format!("{}: cannot write: {e}", path.display()))
                })?,
                None if console.is_terminal() => return Err(Failure::usage(
                    "a .qdpx project is a zip archive: give --out FILE.qdpx or redirect the output",
                )),
                None => console.stream(|w| w.write_all(&zip))?,
            }
            console.warn(&format!(
                "{} selection(s), {} code(s){}",
                written.selections,
                written.codes,
                if written.unplaced > 0 {
                    format!(
                        ", {} note(s) without a place kept as project notes",
                        written.unplaced
                    )
                } else {
                    String::new()
                }
            ));
        }
        NotesCommand::Export { format, out, .. } => {
            let all = book.list(&Filter::default());
            let text = match format {
                NotesFormat::Qdpx => unreachable!("handled above"),
                NotesFormat::Markdown => export::markdown(doc, meta, &all),
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
        NotesCommand::Import { file } => return import(&store, &codes, file, doc, console),
        NotesCommand::Add {
            passage,
            quote,
            text,
            codes: applied,
            tags,
        } => {
            let index = doc.passage_index(passage).ok_or_else(|| {
                Failure::usage(format!(
                    "no passage {passage:?}; `casebook search` shows passage ids"
                ))
            })?;
            let p = &doc.passages[index];
            let span = match quote {
                None => 0..p.text.len(),
                Some(words) => {
                    let at = p.text.find(words.as_str()).ok_or_else(|| {
                        Failure::usage(format!("passage {passage} does not contain {words:?}"))
                    })?;
                    at..at + words.len()
                }
            };
            let applied = book_codes(&codes, applied)?;
            let mut note = Note::new(Target::from_span(p, span), text.as_str(), tags.clone());
            note.codes = crate::notes::model::clean_tags(applied);
            let id = note.id.clone();
            let mut book = book;
            book.add(doc, note);
            let mut set = book.set().clone();
            let problems = store.commit(&mut set).map_err(store_failure)?;
            console.report(&problems);
            console.print(&format!("{id}\n"))?;
        }
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
    codes: &CodeBookStore,
    file: &Path,
    doc: &Document,
    console: &mut Console,
) -> Result<(), Failure> {
    let bytes = crate::durable::read_limited(file, crate::durable::limits::NOTES)
        .map_err(|e| Failure::because(format!("{}: cannot read: {e}", file.display())))?;
    if bytes.starts_with(b"PK\x03\x04") {
        return import_qdpx(store, codes, file, &bytes, doc, console);
    }
    let src = String::from_utf8(bytes)
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

/// Merges a REFI-QDA project: its codes join the case study's code book
/// (names already there are kept as they are), its selections are
/// re-anchored by quote and merged by id.
fn import_qdpx(
    store: &NoteStore,
    codes: &CodeBookStore,
    file: &Path,
    bytes: &[u8],
    doc: &Document,
    console: &mut Console,
) -> Result<(), Failure> {
    let imported =
        qdpx::read(bytes).map_err(|e| Failure::because(format!("{}: {e}", file.display())))?;
    let mut added_codes = 0;
    for code in imported.codes {
        let book = codes.load().map_err(super::codes::book_failure)?;
        if book.get(&code.name).is_some() {
            continue;
        }
        let parent_known = code.parent.as_deref().is_none_or(|p| book.get(p).is_some());
        let code = Code {
            scope: Scope::Case,
            parent: code.parent.filter(|_| parent_known),
            ..code
        };
        codes.add(code).map_err(super::codes::book_failure)?;
        added_codes += 1;
    }
    for problem in &imported.problems {
        console.warn(&format!("{}: {problem}", file.display()));
    }
    let parsed = webanno::Parsed {
        set: imported.notes,
        diagnostics: Vec::new(),
    };
    let (merged, problems) = merge(store, &parsed, doc).map_err(store_failure)?;
    console.report(&problems);
    console.print(&format!(
        "{} selection(s) read: {} new, {} updated, {} unchanged; {added_codes} new code(s)\n",
        merged.read,
        merged.added,
        merged.updated,
        merged.unchanged()
    ))?;
    if imported.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::because(format!(
            "{} problem(s) in {}; the selections listed above were not imported",
            imported.problems.len(),
            file.display()
        )))
    }
}

/// The codes as the book names them; a name the book lacks is added to this
/// case study's book.
fn book_codes(codes: &CodeBookStore, names: &[String]) -> Result<Vec<String>, Failure> {
    let mut out = Vec::new();
    for name in names {
        let book = codes.load().map_err(super::codes::book_failure)?;
        let code = match book.get(name) {
            Some(code) => code.name.clone(),
            None => {
                let code = Code::new(name, book.next_colour());
                let spelled = code.name.clone();
                codes.add(code).map_err(super::codes::book_failure)?;
                spelled
            }
        };
        out.push(code);
    }
    Ok(out)
}

/// The store could not be opened, read or written.
fn store_failure(e: StoreError) -> Failure {
    Failure::because(e.to_string())
}
