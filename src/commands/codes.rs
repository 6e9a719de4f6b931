//! `casebook codes list|add|edit|remove`: the code book.

use serde_json::json;

use super::args::{CodeFields, CodesCommand};
use super::{Console, Failure};
use crate::corpus::{self, Source};
use crate::notes::codebook::{CodeBookError, CodeBookStore, Scope};
use crate::notes::{Code, CodeBook, NoteStore, Notebook, StoreError};
use crate::paths::Paths;
use crate::term::sanitize::caret;

pub fn run(
    cmd: &CodesCommand,
    source: &Source,
    paths: &Paths,
    console: &mut Console,
) -> Result<(), Failure> {
    let case = corpus::open(source)?;
    let notes = NoteStore::new(&paths.data, &case.meta.id).map_err(store_failure)?;
    let store = CodeBookStore::new(&paths.data, &case.meta.id);
    match cmd {
        CodesCommand::List { json } => {
            let book = store.load().map_err(book_failure)?;
            let loaded = notes.load().map_err(store_failure)?;
            console.report(&loaded.diagnostics);
            let mut notebook = Notebook::new(loaded.set, &case.doc);
            let count = |name: &str| notebook.coded(name).len();
            if *json {
                // Where each code sits needs the entity links: the whole study.
                let study = crate::study::Study::open(source).map_err(Failure::input)?;
                notebook.set_codebook(book.clone());
                let facts = crate::views::codes::code_rows(&study, &notebook);
                let rows: Vec<_> = book
                    .codes()
                    .iter()
                    .map(|c| {
                        let row = facts.iter().find(|r| c.is(&r.name));
                        let entities: Vec<_> = row
                            .map(|r| &r.entities[..])
                            .unwrap_or_default()
                            .iter()
                            .map(|(name, n)| json!({"entity": name, "passages": n}))
                            .collect();
                        json!({"name": c.name, "parent": c.parent, "colour": c.colour.name(),
                            "description": c.description, "entity": c.entity,
                            "scope": if c.scope == Scope::Library { "library" } else { "case" },
                            "applied": row.map_or(0, |r| r.applied),
                            "spread": row.map(|r| r.spread.clone()).unwrap_or_default(),
                            "entities": entities})
                    })
                    .collect();
                console.print(&(serde_json::to_string_pretty(&rows).expect("serializes") + "\n"))
            } else {
                let mut out = String::new();
                for (depth, code) in tree(&book) {
                    let scope = if code.scope == Scope::Library {
                        "  (library)"
                    } else {
                        ""
                    };
                    let entity = code
                        .entity
                        .as_ref()
                        .map(|e| format!("  @{e}"))
                        .unwrap_or_default();
                    let line = format!(
                        "{:indent$}{}  [{}]  {}x{scope}{entity}  {}",
                        "",
                        code.name,
                        code.colour.name(),
                        count(&code.name),
                        code.description,
                        indent = depth * 2
                    );
                    out.push_str(caret(line.trim_end()).as_ref());
                    out.push('\n');
                }
                if book.codes().is_empty() {
                    out.push_str("no codes yet; add one with `casebook codes add NAME`\n");
                }
                console.print(&out)
            }
        }
        CodesCommand::Add {
            name,
            fields,
            library,
        } => {
            let book = store.load().map_err(book_failure)?;
            let mut code = Code::new(name, book.next_colour());
            code.scope = if *library {
                Scope::Library
            } else {
                Scope::Case
            };
            apply(&mut code, fields);
            store.add(code).map_err(book_failure)?;
            Ok(())
        }
        CodesCommand::Edit {
            name,
            rename,
            fields,
        } => {
            let book = store.load().map_err(book_failure)?;
            let mut code = book
                .get(name)
                .cloned()
                .ok_or_else(|| Failure::usage(format!("no code named {name:?}")))?;
            if let Some(new) = rename {
                code.name = Code::new(new, code.colour).name;
            }
            apply(&mut code, fields);
            store.change(name, code.clone()).map_err(book_failure)?;
            if rename.is_some() {
                let loaded = notes.load().map_err(store_failure)?;
                let mut notebook = Notebook::new(loaded.set, &case.doc);
                let n = notebook.rename_code(&case.doc, name, &code.name);
                let mut set = notebook.set().clone();
                notes.commit(&mut set).map_err(store_failure)?;
                console.print(&format!("renamed on {n} note(s)\n"))?;
            }
            Ok(())
        }
        CodesCommand::Remove { name } => {
            store.remove(name).map_err(book_failure)?;
            Ok(())
        }
    }
}

fn apply(code: &mut Code, fields: &CodeFields) {
    let some = |s: &String| (!s.trim().is_empty()).then(|| s.trim().to_string());
    if let Some(p) = &fields.parent {
        code.parent = some(p);
    }
    if let Some(c) = fields.colour {
        code.colour = c;
    }
    if let Some(d) = &fields.description {
        code.description = d.clone();
    }
    if let Some(e) = &fields.entity {
        code.entity = some(e);
    }
}

/// Codes in hierarchy order with their depth: each parent before its children.
pub fn tree(book: &CodeBook) -> Vec<(usize, &Code)> {
    let mut out = Vec::new();
    let is_root = |c: &Code| c.parent.as_deref().is_none_or(|p| book.get(p).is_none());
    fn walk<'b>(
        book: &'b CodeBook,
        code: &'b Code,
        depth: usize,
        out: &mut Vec<(usize, &'b Code)>,
    ) {
        if out.iter().any(|(_, c): &(usize, &Code)| c.is(&code.name)) {
            return; // a loop written by hand in the file
        }
        out.push((depth, code));
        for child in book.codes() {
            if child.parent.as_deref().is_some_and(|p| code.is(p)) {
                walk(book, child, depth + 1, out);
            }
        }
    }
    for code in book.codes().iter().filter(|c| is_root(c)) {
        walk(book, code, 0, &mut out);
    }
    out
}

fn store_failure(e: StoreError) -> Failure {
    Failure::because(e.to_string())
}

pub(super) fn book_failure(e: CodeBookError) -> Failure {
    match e {
        CodeBookError::Refused(why) => Failure::usage(why),
        other => Failure::because(other.to_string()),
    }
}
