//! Writing a segmented paper as `paper.md` and its facts as `meta.toml`.

use std::fmt::Write;

use super::build::kind_suffix;
use crate::corpus::markdown::{inline, Context};
use crate::model::{Document, Footnote, Meta, Passage};

/// `paper.md`: headings with ids, passages under `<!-- passage ID -->` comments,
/// footnote definitions after the section that first cites them.
pub fn paper(doc: &Document, refs_section: Option<usize>) -> String {
    let mut out = String::new();
    let mut written = vec![false; doc.footnotes.len()];
    for (s, section) in doc.sections.iter().enumerate() {
        let hashes = "#".repeat(usize::from(section.level));
        let title = inline(&section.heading(), &[], &[], Context::Heading);
        let class = if Some(s) == refs_section {
            " .references"
        } else {
            ""
        };
        let _ = writeln!(out, "{hashes} {title} {{#{}{class}}}\n", section.id);
        let direct = doc
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.section == s);
        for (i, p) in direct {
            let page = doc
                .page(i)
                .filter(|l| !l.is_empty() && !l.contains(char::is_whitespace) && !l.contains("--"))
                .map(|l| format!(" page={l}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<!-- passage {}{}{page} -->\n{}\n",
                p.id,
                kind_suffix(p.kind),
                passage_markdown(doc, p)
            );
        }
        for r in doc.references.iter().filter(|_| Some(s) == refs_section) {
            let _ = writeln!(
                out,
                "- {}",
                inline(&r.text, &r.emphasis, &[], Context::Paragraph)
            );
        }
        if Some(s) == refs_section && !doc.references.is_empty() {
            out.push('\n');
        }
        for (f, note) in doc.footnotes.iter().enumerate() {
            let first = note.passages.first().map(|&p| doc.passages[p].section);
            if first == Some(s) && !written[f] {
                written[f] = true;
                out.push_str(&footnote_markdown(note));
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

pub fn passage_markdown(doc: &Document, p: &Passage) -> String {
    let notes: Vec<_> = p
        .footnote_refs
        .iter()
        .map(|r| (r.span.clone(), doc.footnotes[r.footnote].label.clone()))
        .collect();
    inline(&p.text, &p.emphasis, &notes, Context::Paragraph)
}

pub fn footnote_markdown(note: &Footnote) -> String {
    format!(
        "[^{}]: {}\n\n",
        note.label,
        inline(&note.text, &note.emphasis, &[], Context::Paragraph)
    )
}

pub fn meta(meta: &Meta) -> String {
    let mut out = String::new();
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    let _ = writeln!(out, "id = {}", q(&meta.id));
    let _ = writeln!(out, "title = {}", q(&meta.title));
    let authors: Vec<String> = meta.authors.iter().map(|a| q(a)).collect();
    let _ = writeln!(out, "authors = [{}]", authors.join(", "));
    match meta.year {
        Some(y) => {
            let _ = writeln!(out, "year = {y}");
        }
        None => out.push_str("# year = 2000\n"),
    }
    for (key, value) in [("series", &meta.series), ("source", &meta.source)] {
        match value {
            Some(v) => {
                let _ = writeln!(out, "{key} = {}", q(v));
            }
            None => {
                let _ = writeln!(out, "# {key} = \"\"");
            }
        }
    }
    out
}
