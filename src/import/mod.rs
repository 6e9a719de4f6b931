//! `casebook import`: a PDF-extracted plain text segmented into a case-study folder.
//!
//! Works by rules about extracted text in general: page furniture, hard
//! wrapping, hyphenation, footnote blocks, figure captions, split paragraphs.
//! Whatever it cannot decide becomes a warning with the input's line number.

mod blocks;
mod build;
mod classify;
mod figures;
mod footnotes;
mod front;
mod headings;
mod inline;
mod lines;
pub mod pdf;
mod references;
mod rejoin;
pub mod writer;

use std::path::Path;

use crate::diag::Diagnostic;
use crate::model::{Document, Meta, PassageKind};

/// The result of importing one text.
pub struct Imported {
    pub meta: Meta,
    pub doc: Document,
    /// Warnings against the input text (`path:line:col`).
    pub warnings: Vec<Diagnostic>,
    /// Pages in the source, when it had pages (a PDF).
    pub pages: Option<usize>,
}

impl Imported {
    /// The index of the reference-list section, if the paper has one.
    pub fn references_section(&self) -> Option<usize> {
        let first = self.doc.references.first()?;
        self.doc.sections.iter().rposition(|s| s.line < first.line)
    }

    pub fn paper_md(&self) -> String {
        writer::paper(&self.doc, self.references_section())
    }

    pub fn meta_toml(&self) -> String {
        writer::meta(&self.meta)
    }

    /// A draft catalogue of the names the paper uses, for the user to curate.
    pub fn entities_toml(&self) -> String {
        // Code and table cells hold no names worth following; captions are
        // set in title case, so their phrases read like names. Of a figure,
        // only its "Source: ..." line is prose that names who made the data.
        let passages = self.doc.passages.iter().flat_map(|p| match p.kind {
            PassageKind::Code | PassageKind::Table | PassageKind::Caption => Vec::new(),
            // The source may share the caption's line ("... cities Source: ...").
            PassageKind::Figure => (p.text.lines())
                .filter_map(|l| match l.find(" Source:") {
                    _ if figures::is_source(l) => Some(l),
                    Some(at) => Some(&l[at + 1..]),
                    None => None,
                })
                .collect(),
            _ => vec![p.text.as_str()],
        });
        let notes = self.doc.footnotes.iter().map(|f| f.text.as_str());
        let body: Vec<&str> = passages.chain(notes).collect();
        crate::entities::candidates::candidates(&body.join("\n\n"))
    }
}

/// Segments `text`; `path` names the input in warnings, `id` becomes the case-study id.
pub fn import(text: &str, path: &Path, id: &str) -> Imported {
    let mut lines = lines::split_columns(lines::read(text));
    lines::strip_furniture(&mut lines);
    let vocab = blocks::Vocabulary::new(&lines);
    let mut blocks = blocks::split(lines);
    let toc = blocks::take_toc(&mut blocks);
    let classified = classify::classify(&blocks, &vocab, &toc);
    let mut guesses = classified.hyphen_guesses;
    let mut doubts = classified.doubts;
    let pieces = rejoin::rejoin(classified.pieces, &vocab, &mut guesses, &mut doubts);
    let built = build::build(pieces);
    doubts.extend(built.doubts);
    let (mut meta, unused) = front::read_meta(id, &built.front);
    for (text, line) in unused {
        let short: String = text.chars().take(60).collect();
        doubts.push((
            line,
            format!("front matter not used for meta.toml: {short:?}"),
        ));
    }
    if meta.title.is_empty() {
        doubts.push((1, "no title found; edit meta.toml".into()));
        meta.title = id.to_string();
    }
    if meta.authors.is_empty() {
        doubts.push((1, "no author line found; edit meta.toml".into()));
    }
    for g in guesses {
        doubts.push((
            g.line,
            format!(
                "hyphen at line end: joined as {:?}, the text has neither form elsewhere",
                g.word
            ),
        ));
    }
    doubts.sort();
    doubts.dedup();
    let warnings = doubts
        .into_iter()
        .map(|(line, m)| Diagnostic::warning(path, line, 1, m))
        .collect();
    Imported {
        meta,
        doc: built.doc,
        warnings,
        pages: None,
    }
}

/// The folder an import writes to by default: the input's name without extension.
/// The case-study id an input file gives when nothing else names it.
pub fn default_id(input: &Path) -> String {
    let id = crate::corpus::ids::slug(&default_out(input).to_string_lossy());
    if id.is_empty() {
        "paper".into()
    } else {
        id
    }
}

pub fn default_out(input: &Path) -> std::path::PathBuf {
    let stem = input.file_stem().unwrap_or(input.as_os_str());
    std::path::PathBuf::from(stem)
}

/// Reads `input` as a PDF (by its `%PDF` header) or as UTF-8 text and imports it.
pub fn read_file(input: &Path, id: &str) -> Result<Imported, Vec<Diagnostic>> {
    use std::io::{IsTerminal, Write};
    let bytes =
        crate::durable::read_limited(input, crate::durable::limits::PAPER).map_err(|err| {
            vec![Diagnostic::error(
                input,
                0,
                0,
                format!("cannot read: {err}"),
            )]
        })?;
    if bytes.starts_with(b"%PDF") || bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        let tty = std::io::stderr().is_terminal();
        let mut progress = |done: usize, total: usize| {
            if tty && total >= 20 {
                eprint!("\rreading page {done}/{total}");
                if done == total {
                    eprint!("\r\x1b[K");
                }
                let _ = std::io::stderr().flush();
            }
        };
        return pdf::import(bytes, input, id, &mut progress)
            .map_err(|e| vec![Diagnostic::error(input, 0, 0, e)]);
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&err.as_bytes()[..at]).into_owned();
        let (line, col) = crate::diag::line_col(&prefix, at);
        vec![Diagnostic::error(
            input,
            line,
            col,
            "invalid UTF-8; expected a PDF or a plain text file",
        )]
    })?;
    Ok(import(&text, input, id))
}

/// The kind of a warning: its message without quoted text, numbers and page prefix.
fn warning_kind(message: &str) -> String {
    let m = message
        .strip_prefix("page ")
        .and_then(|r| r.split_once(": ").map(|(_, rest)| rest))
        .unwrap_or(message);
    let mut out = String::new();
    let mut quoted = false;
    for c in m.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                if quoted {
                    out.push('…');
                }
            }
            _ if quoted => {}
            c if c.is_ascii_digit() || crate::corpus::markdown::is_superscript_digit(c) => {
                if !out.ends_with('N') {
                    out.push('N');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// One summary of an import, then its warnings grouped by kind with counts
/// and the first few locations (all of them when `verbose`).
pub fn report(imported: &Imported, input: &Path, verbose: bool) -> String {
    use std::fmt::Write;
    let doc = &imported.doc;
    let cited: std::collections::HashSet<usize> = doc
        .passages
        .iter()
        .flat_map(|p| p.footnote_refs.iter().map(|r| r.footnote))
        .collect();
    let mut out = String::new();
    let _ = write!(
        out,
        "{}: {} sections, {} passages, {} footnotes ({} linked), {} references",
        input.display(),
        doc.sections.len(),
        doc.passages.len(),
        doc.footnotes.len(),
        cited.len(),
        doc.references.len(),
    );
    if let Some(pages) = imported.pages {
        let _ = write!(out, ", {pages} pages");
    }
    let _ = writeln!(out, "; {} warnings", imported.warnings.len());
    let mut kinds: Vec<(String, Vec<&Diagnostic>)> = Vec::new();
    for w in &imported.warnings {
        let k = warning_kind(&w.message);
        match kinds.iter_mut().find(|(kind, _)| *kind == k) {
            Some((_, v)) => v.push(w),
            None => kinds.push((k, vec![w])),
        }
    }
    for (kind, ws) in &kinds {
        if verbose {
            for w in ws {
                let _ = writeln!(out, "{w}");
            }
            continue;
        }
        if ws.len() == 1 {
            let _ = writeln!(out, "{}", ws[0]);
            continue;
        }
        let at: Vec<String> = ws.iter().take(3).map(|w| w.line.to_string()).collect();
        let more = if ws.len() > 3 { ", …" } else { "" };
        let _ = writeln!(
            out,
            "warning ({}x): {kind} (at {}{more}; --verbose lists all)",
            ws.len(),
            at.join(", ")
        );
    }
    out
}
