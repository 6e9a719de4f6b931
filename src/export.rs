//! `casebook export`: the case study as JSON (for tools) or clean Markdown.

use std::fmt::Write;

use serde::Serialize;

use crate::corpus::markdown::{inline, Context};
use crate::corpus::CaseStudy;
use crate::import::writer::{footnote_markdown, passage_markdown};
use crate::model::{Document, PassageKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
}

pub fn export(study: &CaseStudy, format: Format) -> String {
    match format {
        Format::Json => json(study),
        Format::Markdown => markdown(study),
    }
}

#[derive(Serialize)]
struct Export<'a> {
    id: &'a str,
    title: &'a str,
    authors: &'a [String],
    year: Option<i32>,
    series: Option<&'a str>,
    source: Option<&'a str>,
    sections: Vec<SectionOut<'a>>,
    passages: Vec<PassageOut<'a>>,
    footnotes: Vec<FootnoteOut<'a>>,
    references: Vec<ReferenceOut<'a>>,
    /// Entities with their mentions, all mentions, and citations.
    #[serde(flatten)]
    links: serde_json::Value,
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

fn json(study: &CaseStudy) -> String {
    let doc = &study.doc;
    let (catalog, links) = crate::entities::command::linked(study);
    let meta = &study.meta;
    let out = Export {
        id: &meta.id,
        title: &meta.title,
        authors: &meta.authors,
        year: meta.year,
        series: meta.series.as_deref(),
        source: meta.source.as_deref(),
        sections: doc
            .sections
            .iter()
            .map(|s| SectionOut {
                id: &s.id,
                number: s.number.as_deref(),
                title: &s.title,
                level: s.level,
                parent: s.parent.map(|p| doc.sections[p].id.as_str()),
            })
            .collect(),
        passages: doc
            .passages
            .iter()
            .map(|p| PassageOut {
                id: &p.id,
                section: &doc.sections[p.section].id,
                kind: p.kind,
                text: &p.text,
                footnotes: p
                    .footnote_refs
                    .iter()
                    .map(|r| doc.footnotes[r.footnote].label.as_str())
                    .collect(),
            })
            .collect(),
        footnotes: doc
            .footnotes
            .iter()
            .map(|f| FootnoteOut {
                number: &f.label,
                text: &f.text,
                passages: f
                    .passages
                    .iter()
                    .map(|&p| doc.passages[p].id.as_str())
                    .collect(),
            })
            .collect(),
        references: doc
            .references
            .iter()
            .map(|r| ReferenceOut {
                id: &r.id,
                text: &r.text,
                first_author: r.surname(),
                author: &r.author,
                year: r.year,
            })
            .collect(),
        links: crate::entities::report::export_json(doc, &catalog, &links),
    };
    let mut text = serde_json::to_string_pretty(&out).expect("export structs serialize");
    text.push('\n');
    text
}

/// The paper as plain Markdown: title, authors, headings, text, footnotes at the end.
fn markdown(study: &CaseStudy) -> String {
    let doc: &Document = &study.doc;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        inline(&study.meta.title, &[], &[], Context::Heading)
    );
    let byline = match study.meta.year {
        Some(y) => format!("{} ({y})", study.meta.authors.join(", ")),
        None => study.meta.authors.join(", "),
    };
    let _ = writeln!(out, "{}\n", inline(&byline, &[], &[], Context::Paragraph));
    for (s, section) in doc.sections.iter().enumerate() {
        let hashes = "#".repeat(usize::from(section.level) + 1);
        let _ = writeln!(
            out,
            "{hashes} {}\n",
            inline(&section.heading(), &[], &[], Context::Heading)
        );
        for p in doc.passages.iter().filter(|p| p.section == s) {
            let text = passage_markdown(doc, p);
            match p.kind {
                PassageKind::Quote => {
                    let _ = writeln!(out, "> {}\n", text.replace('\n', "\n> "));
                }
                PassageKind::Caption
                | PassageKind::Source
                | PassageKind::Paragraph
                | PassageKind::Code
                | PassageKind::Table => {
                    let _ = writeln!(out, "{text}\n");
                }
            }
        }
        let next_line = doc.sections.get(s + 1).map_or(usize::MAX, |n| n.line);
        let refs: Vec<_> = doc
            .references
            .iter()
            .filter(|r| r.line > section.line && r.line < next_line)
            .collect();
        for r in &refs {
            let _ = writeln!(
                out,
                "- {}",
                inline(&r.text, &r.emphasis, &[], Context::Paragraph)
            );
        }
        if !refs.is_empty() {
            out.push('\n');
        }
    }
    for note in &doc.footnotes {
        out.push_str(&footnote_markdown(note));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
