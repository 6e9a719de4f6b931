//! `casebook notes list|export|import`, given an already loaded case study.

use crate::term::sanitize::caret;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use serde_json::{json, Value};

use crate::model::Document;

use super::model::{Anchor, Note, Target};
use super::{export, webanno, Anchorer, Filter, NoteStore, Notebook};

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List notes and where each sits in the current text.
    List {
        /// Only notes with this tag.
        #[arg(long)]
        tag: Option<String>,
        /// Only notes whose text, quote or tags contain this.
        #[arg(long)]
        text: Option<String>,
        /// One JSON object per note instead of text lines.
        #[arg(long)]
        json: bool,
    },
    /// Write all notes to stdout (or a file).
    Export {
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        /// Write here instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Merge W3C Web Annotations (one, a list or a collection) into the notes, by id.
    Import { file: PathBuf },
    /// List damaged notes files kept aside, or merge one back (--merge FILE).
    Recover {
        #[arg(long, value_name = "FILE")]
        merge: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Markdown,
    Json,
    Csv,
}

/// Runs one notes command. Problems with files are printed to `err` as
/// diagnostics; the returned error is the one-line reason for failing.
pub fn run(
    cmd: &NotesCommand,
    data_dir: &Path,
    case_id: &str,
    doc: &Document,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let store = NoteStore::new(data_dir, case_id).map_err(|e| e.to_string())?;
    let loaded = store.load().map_err(|e| e.to_string())?;
    for d in &loaded.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    let book = Notebook::new(loaded.set, doc);
    let written = match cmd {
        NotesCommand::List { tag, text, json } => {
            let filter = Filter {
                tag: tag.clone(),
                text: text.clone(),
            };
            list(doc, &book.list(&filter), *json, out)
        }
        NotesCommand::Export { format, out: file } => {
            let all = book.list(&Filter::default());
            let text = match format {
                Format::Markdown => export::markdown(doc, case_id, &all),
                Format::Csv => export::csv(doc, &all),
                Format::Json => {
                    let v = webanno::collection_to_json(book.set(), case_id);
                    serde_json::to_string_pretty(&v).expect("JSON values serialize") + "\n"
                }
            };
            match file {
                Some(path) => crate::durable::write_atomic(path, text.as_bytes(), None)
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))?,
                None => out.write_all(text.as_bytes()).map_err(|e| e.to_string())?,
            }
            Ok(())
        }
        NotesCommand::Import { file } => return import(&store, file, doc, out, err),
        NotesCommand::Recover { merge } => {
            return super::recover::run(&store, merge.as_deref(), out, err)
        }
    };
    written.map_err(|e| e.to_string())?;
    // The command did its work with what was readable; a damaged file (now
    // kept aside) still makes it fail, so scripts notice.
    match loaded.diagnostics.iter().find(|d| d.is_error()) {
        Some(d) => Err(format!("the notes file was damaged: {}", d.message)),
        None => Ok(()),
    }
}

fn list(
    doc: &Document,
    notes: &[(&Note, &Anchor)],
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if json {
        let rows: Vec<Value> = notes.iter().map(|(n, a)| row_json(doc, n, a)).collect();
        return writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&rows).expect("serializes")
        );
    }
    for (note, anchor) in notes {
        let passage = anchor
            .passage()
            .map(|p| doc.passages[p].id.clone())
            .or_else(|| note.target.passage.clone())
            .unwrap_or_else(|| "-".into());
        let tags: String = note.tags.iter().map(|t| format!(" #{t}")).collect();
        let text = note.text.lines().next().unwrap_or("");
        let line = format!(
            "{:<8}  {passage}  \u{201c}{}\u{201d}{tags}  {}",
            anchor.state(),
            shorten(&note.target.quote.exact, 60),
            shorten(text, 60)
        );
        writeln!(out, "{}", caret(line.trim_end()))?;
    }
    Ok(())
}

fn row_json(doc: &Document, note: &Note, anchor: &Anchor) -> Value {
    let passage = anchor.passage().map(|p| &doc.passages[p]);
    json!({
        "id": note.id,
        "state": anchor.state(),
        "section": passage.map(|p| doc.sections[p.section].id.clone()),
        "passage": passage.map(|p| p.id.clone()).or_else(|| note.target.passage.clone()),
        "quote": note.target.quote.exact,
        "tags": note.tags,
        "text": note.text,
        "created": note.created.to_string(),
        "modified": note.modified.to_string(),
    })
}

fn import(
    store: &NoteStore,
    file: &Path,
    doc: &Document,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), String> {
    let src = crate::durable::read_limited(file, crate::durable::limits::NOTES)
        .and_then(|b| String::from_utf8(b).map_err(std::io::Error::other))
        .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let parsed = webanno::parse(&src, file);
    for d in &parsed.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    // Quote-only annotations get the passage they uniquely match, so they stay put later.
    let anchorer = Anchorer::new(doc);
    let mut incoming = super::NoteSet::new();
    for (id, at) in parsed.set.tombstones() {
        incoming.delete(id, at);
    }
    for note in parsed.set.notes() {
        let mut note = note.clone();
        if note.target.passage.is_none() {
            if let Anchor::Anchored { passage, span } = anchorer.anchor(&note.target) {
                note.target = Target::from_span(&doc.passages[passage], span);
            }
        }
        incoming.upsert(note);
    }
    let before = store.load().map_err(|e| e.to_string())?.set;
    let mut merged = incoming.clone();
    for d in store.commit(&mut merged).map_err(|e| e.to_string())? {
        let _ = writeln!(err, "{d}");
    }
    let (mut added, mut updated) = (0, 0);
    for note in incoming.notes() {
        match (before.get(&note.id), merged.get(&note.id)) {
            (None, Some(_)) => added += 1,
            (Some(old), Some(new)) if old != new => updated += 1,
            _ => {}
        }
    }
    let total = incoming.len();
    let _ = writeln!(
        out,
        "{total} note(s) read: {added} new, {updated} updated, {} unchanged",
        total - added - updated
    );
    let bad = parsed.diagnostics.iter().filter(|d| d.is_error()).count();
    if bad > 0 {
        return Err(format!(
            "{bad} problem(s) in {}; the annotations listed above were not imported",
            file.display()
        ));
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    flat.chars().take(max - 1).chain(['…']).collect()
}
