//! `casebook export`: the case study as JSON (for tools) or clean Markdown,
//! or its reference list as BibTeX or CSL-JSON (for Zotero and pandoc).

use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::markdown::{inline, Context};
use crate::corpus::CaseStudy;
use crate::import::writer::{footnote_markdown, passage_markdown};
use crate::model::{Document, PassageKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    /// The case study and the paper's references, as BibTeX entries.
    Bibtex,
    /// The same reference list as a CSL-JSON array.
    CslJson,
}

/// The export as one string (for a terminal, which needs it neutralised).
pub fn export(study: &CaseStudy, format: Format) -> String {
    let mut out = Vec::new();
    write(study, format, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the export is UTF-8")
}

/// Writes the export to `out` as it is made: neither the whole text nor a
/// JSON tree of the paper is ever in memory (give a buffered writer).
pub fn write(study: &CaseStudy, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json(study, out),
        Format::Bibtex => {
            out.write_all(crate::cite::reference_list_bibtex(&study.meta, &study.doc).as_bytes())
        }
        Format::CslJson => {
            let list = crate::cite::reference_list_csl(&study.meta, &study.doc);
            serde_json::to_writer_pretty(&mut *out, &list)?;
            out.write_all(b"\n")
        }
        Format::Markdown => {
            let mut trimmed = TrimEnd {
                out,
                pending: Vec::new(),
            };
            markdown(study, &mut trimmed)?;
            trimmed.out.write_all(b"\n")
        }
    }
}

/// Holds back trailing whitespace, so the export ends with exactly one
/// line break however the last section ended.
struct TrimEnd<'w> {
    out: &'w mut dyn Write,
    pending: Vec<u8>,
}

impl Write for TrimEnd<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match buf.iter().rposition(|b| !b.is_ascii_whitespace()) {
            Some(last) => {
                self.out.write_all(&self.pending)?;
                self.pending.clear();
                self.out.write_all(&buf[..=last])?;
                self.pending.extend_from_slice(&buf[last + 1..]);
            }
            None => self.pending.extend_from_slice(buf),
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

type Items<'a, T> = crate::entities::report::Seq<Box<dyn Iterator<Item = T> + 'a>>;

fn items<'a, T: 'a>(it: impl Iterator<Item = T> + 'a) -> Items<'a, T> {
    crate::entities::report::Seq::new(Box::new(it))
}

#[derive(Serialize)]
struct Export<'a> {
    id: &'a str,
    title: &'a str,
    authors: &'a [String],
    year: Option<i32>,
    series: Option<&'a str>,
    source: Option<&'a str>,
    sections: Items<'a, SectionOut<'a>>,
    passages: Items<'a, PassageOut<'a>>,
    footnotes: Items<'a, FootnoteOut<'a>>,
    references: Items<'a, ReferenceOut<'a>>,
    /// Entities with their mentions, all mentions, and citations.
    #[serde(flatten)]
    links: crate::entities::report::ExportLinks<'a>,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    id: &'a str,
    number: Option<&'a str>,
    title: &'a str,
    level: u8,
    parent: Option<&'a str>,
}

#[derive(Serialize)]
struct PassageOut<'a> {
    id: &'a str,
    section: &'a str,
    kind: PassageKind,
    text: &'a str,
    footnotes: Vec<&'a str>,
}

#[derive(Serialize)]
struct FootnoteOut<'a> {
    number: &'a str,
    text: &'a str,
    passages: Vec<&'a str>,
}

#[derive(Serialize)]
struct ReferenceOut<'a> {
    id: &'a str,
    text: &'a str,
    first_author: &'a str,
    author: &'a str,
    year: Option<i32>,
}

fn json(study: &CaseStudy, w: &mut dyn Write) -> io::Result<()> {
    let doc = &study.doc;
    let (catalog, links) = crate::entities::case::linked(study);
    let meta = &study.meta;
    let out = Export {
        id: &meta.id,
        title: &meta.title,
        authors: &meta.authors,
        year: meta.year,
        series: meta.series.as_deref(),
        source: meta.source.as_deref(),
        sections: items(doc.sections.iter().map(|s| SectionOut {
            id: &s.id,
            number: s.number.as_deref(),
            title: &s.title,
            level: s.level,
            parent: s.parent.map(|p| doc.sections[p].id.as_str()),
        })),
        passages: items(doc.passages.iter().map(|p| {
            PassageOut {
                id: &p.id,
                section: &doc.sections[p.section].id,
                kind: p.kind,
                text: &p.text,
                footnotes: p
                    .footnote_refs
                    .iter()
                    .map(|r| doc.footnotes[r.footnote].label.as_str())
                    .collect(),
            }
        })),
        footnotes: items(doc.footnotes.iter().map(|f| {
            FootnoteOut {
                number: &f.label,
                text: &f.text,
                passages: f
                    .passages
                    .iter()
                    .map(|&p| doc.passages[p].id.as_str())
                    .collect(),
            }
        })),
        references: items(doc.references.iter().map(|r| ReferenceOut {
            id: &r.id,
            text: &r.text,
            first_author: r.surname(),
            author: &r.author,
            year: r.year,
        })),
        links: crate::entities::report::ExportLinks {
            doc,
            cat: &catalog,
            links: &links,
        },
    };
    serde_json::to_writer_pretty(&mut *w, &out).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// The paper as plain Markdown: title, authors, headings, text, footnotes at the end.
fn markdown(study: &CaseStudy, out: &mut dyn Write) -> io::Result<()> {
    let doc: &Document = &study.doc;
    writeln!(
        out,
        "# {}\n",
        inline(&study.meta.title, &[], &[], Context::Heading)
    )?;
    let byline = match study.meta.year {
        Some(y) => format!("{} ({y})", study.meta.authors.join(", ")),
        None => study.meta.authors.join(", "),
    };
    writeln!(out, "{}\n", inline(&byline, &[], &[], Context::Paragraph))?;
    // Each section's own passages, in order, found in one pass.
    let mut own: Vec<Vec<u32>> = vec![Vec::new(); doc.sections.len()];
    for (i, p) in doc.passages.iter().enumerate() {
        own[p.section].push(i as u32);
    }
    for (s, section) in doc.sections.iter().enumerate() {
        let hashes = "#".repeat(usize::from(section.level) + 1);
        writeln!(
            out,
            "{hashes} {}\n",
            inline(&section.heading(), &[], &[], Context::Heading)
        )?;
        for &i in &std::mem::take(&mut own[s]) {
            let p = &doc.passages[i as usize];
            let text = passage_markdown(doc, p);
            match p.kind {
                PassageKind::Quote => writeln!(out, "> {}\n", text.replace('\n', "\n> "))?,
                PassageKind::Caption
                | PassageKind::Source
                | PassageKind::Paragraph
                | PassageKind::Code
                | PassageKind::Table
                | PassageKind::Figure => writeln!(out, "{text}\n")?,
            }
        }
        let next_line = doc.sections.get(s + 1).map_or(usize::MAX, |n| n.line);
        let refs: Vec<_> = doc
            .references
            .iter()
            .filter(|r| r.line > section.line && r.line < next_line)
            .collect();
        for r in &refs {
            writeln!(
                out,
                "- {}",
                inline(&r.text, &r.emphasis, &[], Context::Paragraph)
            )?;
        }
        if !refs.is_empty() {
            out.write_all(b"\n")?;
        }
    }
    for note in &doc.footnotes {
        out.write_all(footnote_markdown(note).as_bytes())?;
    }
    Ok(())
}
