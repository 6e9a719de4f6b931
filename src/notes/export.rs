//! Notes as Markdown (grouped by section, with quotes), CSV (one row per
//! note) and the lines and JSON rows of `casebook notes list`.

use std::fmt::Write;

use serde_json::{json, Value};

use crate::cite::{self, Place};
use crate::model::{Document, Meta};
use crate::term::sanitize::caret;

use super::model::{Anchor, Note};

/// Section heading and passage id of a placed note; the note's own passage id otherwise.
fn place(doc: &Document, note: &Note, anchor: &Anchor) -> (Option<usize>, String) {
    match anchor.passage() {
        Some(p) => (Some(doc.passages[p].section), doc.passages[p].id.clone()),
        None => (None, note.target.passage.clone().unwrap_or_default()),
    }
}

fn section_title(doc: &Document, section: usize) -> String {
    doc.section_path(section)
        .iter()
        .map(|&s| doc.sections[s].heading())
        .collect::<Vec<_>>()
        .join(" › ")
}

/// How a quote is cited in the Markdown export: `(Zhang & Kawabata, 2013, p. 12)`.
const QUOTE_CITATION: &str = "({authors}, {year}[, p. {page}])";

/// Markdown: a heading per section in reading order, each note as its quote
/// (a block quote ending with its citation and page) followed by its text,
/// tags and codes; orphaned notes at the end.
pub fn markdown(doc: &Document, meta: &Meta, notes: &[(&Note, &Anchor)]) -> String {
    let mut out = format!("# Notes: {}\n", meta.title);
    let mut current: Option<Option<usize>> = None;
    for (note, anchor) in notes {
        let (section, passage) = place(doc, note, anchor);
        if current != Some(section) {
            current = Some(section);
            let heading =
                section.map_or_else(|| "Orphaned notes".to_string(), |s| section_title(doc, s));
            let _ = write!(out, "\n## {heading}\n");
        }
        out.push('\n');
        // The note's text exactly as stored: tabs, CR LF, trailing blanks.
        for line in note.target.quote.exact.split('\n') {
            let _ = writeln!(out, "> {line}");
        }
        let place = Place {
            meta,
            passage: &passage,
            page: anchor.passage().and_then(|p| doc.page(p)),
        };
        let _ = writeln!(
            out,
            ">\n> \u{2014} {}",
            cite::plain(place, "", QUOTE_CITATION)
        );
        if !note.text.is_empty() {
            let _ = write!(out, "\n{}", note.text);
            if !note.text.ends_with('\n') {
                out.push('\n');
            }
        }
        let mut facts = Vec::new();
        if !note.tags.is_empty() {
            let tags: Vec<String> = note.tags.iter().map(|t| format!("`{t}`")).collect();
            facts.push(format!("tags: {}", tags.join(", ")));
        }
        if !note.codes.is_empty() {
            let codes: Vec<String> = note.codes.iter().map(|c| format!("`{c}`")).collect();
            facts.push(format!("codes: {}", codes.join(", ")));
        }
        if !passage.is_empty() {
            facts.push(format!("passage {passage}"));
        }
        if !matches!(anchor, Anchor::Anchored { .. }) {
            facts.push(anchor.state().to_string());
        }
        let _ = write!(out, "\n*{}*\n", facts.join(" · "));
    }
    out
}

pub const CSV_HEADER: [&str; 10] = [
    "id", "state", "section", "passage", "quote", "tags", "codes", "text", "created", "modified",
];

/// CSV (RFC 4180, CRLF line ends), one row per note; tags joined with "; ".
pub fn csv(doc: &Document, notes: &[(&Note, &Anchor)]) -> String {
    let mut out = String::new();
    row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for (note, anchor) in notes {
        let (section, passage) = place(doc, note, anchor);
        row(
            &mut out,
            [
                note.id.clone(),
                anchor.state().to_string(),
                section.map(|s| section_title(doc, s)).unwrap_or_default(),
                passage,
                note.target.quote.exact.clone(),
                note.tags.join("; "),
                note.codes.join("; "),
                note.text.clone(),
                note.created.to_string(),
                note.modified.to_string(),
            ],
        );
    }
    out
}

fn row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(&cell));
    }
    out.push_str("\r\n");
}

/// Quotes a cell when needed, and defuses text a spreadsheet would run as a formula.
fn cell_text(cell: &str) -> String {
    let defused;
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        defused = format!("'{cell}");
        &defused
    } else {
        cell
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// One line per note for `casebook notes list`: state, passage, quote, tags
/// and the first line of the text, each cut short.
pub fn list_text(doc: &Document, notes: &[(&Note, &Anchor)]) -> String {
    let mut out = String::new();
    for (note, anchor) in notes {
        let passage = anchor
            .passage()
            .map(|p| doc.passages[p].id.clone())
            .or_else(|| note.target.passage.clone())
            .unwrap_or_else(|| "-".into());
        let tags: String = note
            .tags
            .iter()
            .chain(&note.codes)
            .map(|t| format!(" #{t}"))
            .collect();
        let text = note.text.lines().next().unwrap_or("");
        let line = format!(
            "{:<8}  {passage}  \u{201c}{}\u{201d}{tags}  {}",
            anchor.state(),
            shorten(&note.target.quote.exact, 60),
            shorten(text, 60)
        );
        let _ = writeln!(out, "{}", caret(line.trim_end()));
    }
    out
}

/// `casebook notes list --json`: every note with its state and place.
pub fn list_json(doc: &Document, notes: &[(&Note, &Anchor)]) -> String {
    let rows: Vec<Value> = notes.iter().map(|(n, a)| row_json(doc, n, a)).collect();
    serde_json::to_string_pretty(&rows).expect("serializes") + "\n"
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
        "codes": note.codes,
        "kind": note.kind().motivation(),
        "page": anchor.passage().and_then(|p| doc.page(p)),
        "text": note.text,
        "created": note.created.to_string(),
        "modified": note.modified.to_string(),
    })
}

fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    flat.chars().take(max - 1).chain(['…']).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell_text("plain"), "plain");
        assert_eq!(cell_text("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
        assert_eq!(cell_text("=SUM(A1)"), "'=SUM(A1)");
    }
}
