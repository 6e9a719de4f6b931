//! `paper.md` -> [`Document`]: sections, passages, footnotes and references.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::footnotes::{link_footnotes, Cited};
use super::ids::{passage_id, section_id, slug, Numbering};
use super::markdown::superscript;
use super::refs::parse_references;
use crate::diag::{line_col, Diagnostic};
use crate::model::{Document, Passage, PassageKind, Section};

const REFERENCE_TITLES: [&str; 5] = [
    "references",
    "bibliography",
    "works cited",
    "literature cited",
    "literature",
];

/// Parses a paper; the document is always returned, problems alongside.
pub fn parse_paper(path: &Path, src: &str) -> (Document, Vec<Diagnostic>) {
    let mut b = Builder {
        path,
        src,
        newlines: newline_offsets(src),
        block: None,
        mark: None,
        sections: Vec::new(),
        counts: Vec::new(),
        refs_level: None,
        passages: Vec::new(),
        passage_notes: Vec::new(),
        defs: Vec::new(),
        cited_elsewhere: Vec::new(),
        raw_refs: Vec::new(),
        diags: Vec::new(),
    };
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        b.event(event, range);
    }
    b.finish()
}

#[derive(Debug)]
enum Container {
    Heading {
        level: HeadingLevel,
        id: Option<String>,
        classes: Vec<String>,
    },
    Paragraph,
    Quote,
    Item,
    Code,
    Footnote(String),
}

/// Text gathered from one block: its inline events flattened.
#[derive(Debug)]
struct Block {
    container: Container,
    start: usize,
    nested: usize,
    text: String,
    emphasis: Vec<Range<usize>>,
    open: Vec<usize>,
    notes: Vec<(Range<usize>, String)>,
}

/// A `<!-- passage ID [KIND] -->` comment waiting for its paragraph.
struct Mark {
    id: String,
    kind: Option<PassageKind>,
    next_line: usize,
    line: usize,
}

struct Builder<'a> {
    path: &'a Path,
    src: &'a str,
    /// Offsets of every `\n`: line numbers by binary search, so a long
    /// paper is not rescanned from the start for each block.
    newlines: Vec<usize>,
    block: Option<Block>,
    mark: Option<Mark>,
    sections: Vec<Section>,
    counts: Vec<usize>,
    refs_level: Option<u8>,
    passages: Vec<Passage>,
    passage_notes: Vec<Vec<(Range<usize>, String)>>,
    defs: Vec<(String, super::footnotes::Def)>,
    cited_elsewhere: Vec<String>,
    raw_refs: Vec<(String, Vec<Range<usize>>, usize)>,
    diags: Vec<Diagnostic>,
}

impl Builder<'_> {
    fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.newlines.partition_point(|&nl| nl < offset);
        let start = if line == 0 {
            0
        } else {
            self.newlines[line - 1] + 1
        };
        let (_, col) = line_col(&self.src[start..], offset - start);
        (line + 1, col)
    }

    fn error(&mut self, offset: usize, message: String) {
        let (line, col) = self.at(offset);
        self.diags
            .push(Diagnostic::error(self.path, line, col, message));
    }

    fn warn(&mut self, offset: usize, message: String) {
        let (line, col) = self.at(offset);
        self.diags
            .push(Diagnostic::warning(self.path, line, col, message));
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if let Some(i) = unescaped(self.src, range.clone(), '*') {
                    self.warn(
                        i,
                        "unmatched '*' is shown literally; write \\* if that is meant".into(),
                    );
                }
                self.push(&t, range.start);
            }
            Event::Code(t) => self.push(&t, range.start),
            Event::SoftBreak => self.push(" ", range.start),
            Event::HardBreak => self.push("\n", range.start),
            Event::FootnoteReference(label) => {
                let marker = superscript(&label);
                match self.block.as_mut() {
                    Some(b) => {
                        let at = b.text.len();
                        b.text.push_str(&marker);
                        b.notes.push((at..b.text.len(), label.to_string()));
                    }
                    None => self.cited_elsewhere.push(label.to_string()),
                }
            }
            Event::Html(html) => self.html(&html, range),
            Event::InlineHtml(_) => self.warn(range.start, "inline HTML is ignored".into()),
            _ => {}
        }
    }

    fn push(&mut self, text: &str, offset: usize) {
        match self.block.as_mut() {
            Some(b) => b.text.push_str(text),
            None if text.trim().is_empty() => {}
            None => self.warn(offset, "text outside any paragraph is ignored".into()),
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let container = match tag {
            Tag::Emphasis | Tag::Strong => {
                if let Some(b) = self.block.as_mut() {
                    b.open.push(b.text.len());
                }
                return;
            }
            Tag::Image { .. } => {
                return self.warn(range.start, "images are shown as their description".into())
            }
            Tag::Heading {
                level, id, classes, ..
            } => Container::Heading {
                level,
                id: id.map(|s| s.to_string()),
                classes: classes.iter().map(|c| c.to_string()).collect(),
            },
            Tag::Paragraph => Container::Paragraph,
            Tag::BlockQuote(_) => Container::Quote,
            Tag::Item => Container::Item,
            Tag::CodeBlock(_) => Container::Code,
            Tag::FootnoteDefinition(label) => Container::Footnote(label.to_string()),
            Tag::List(_) | Tag::HtmlBlock => {
                if let Some(b) = self.block.as_mut() {
                    b.nested += 1;
                }
                return;
            }
            _ => return,
        };
        if let Some(b) = self.block.as_mut() {
            b.nested += 1;
            if !b.text.is_empty() && matches!(container, Container::Paragraph | Container::Item) {
                b.text
                    .push_str(if b.text.ends_with('\n') { "\n" } else { "\n\n" });
            }
            return;
        }
        if matches!(container, Container::Code) {
            self.warn(
                range.start,
                "code block read as a plain paragraph (indented by 4 spaces?)".into(),
            );
        }
        self.block = Some(Block {
            container,
            start: range.start,
            nested: 0,
            text: String::new(),
            emphasis: Vec::new(),
            open: Vec::new(),
            notes: Vec::new(),
        });
    }

    fn end(&mut self, tag: TagEnd) {
        let Some(b) = self.block.as_mut() else { return };
        match tag {
            TagEnd::Emphasis | TagEnd::Strong => {
                if let Some(start) = b.open.pop() {
                    if start < b.text.len() {
                        b.emphasis.push(start..b.text.len());
                    }
                }
            }
            TagEnd::Link | TagEnd::Image => {}
            _ if b.nested > 0 => b.nested -= 1,
            _ => {
                let block = self.block.take().expect("checked above");
                self.block_done(block);
            }
        }
    }

    fn html(&mut self, html: &str, range: Range<usize>) {
        if self.block.is_some() {
            return;
        }
        let trimmed = html.trim();
        if trimmed.starts_with("<!--") && !trimmed.contains("-->") {
            return self.error(
                range.start,
                "HTML comment is never closed (no -->); it hides the rest of the file".into(),
            );
        }
        let Some(body) = trimmed
            .strip_prefix("<!--")
            .and_then(|s| s.strip_suffix("-->"))
        else {
            return self.warn(range.start, "HTML block is ignored".into());
        };
        let mut words = body.split_whitespace();
        if words.next() != Some("passage") {
            return;
        }
        let line = self.at(range.start).0;
        let end_line = self.at(range.start + html.trim_end().len()).0;
        let Some(id) = words.next() else {
            return self.error(
                range.start,
                "passage comment without an id: <!-- passage ID [KIND] -->".into(),
            );
        };
        let kind = match words.next() {
            None => None,
            Some(k) => match PassageKind::parse(k) {
                Some(kind) => Some(kind),
                None => {
                    return self.error(
                        range.start,
                        format!(
                            "unknown passage kind {k:?}; use paragraph, caption, source or quote"
                        ),
                    )
                }
            },
        };
        self.take_mark();
        self.mark = Some(Mark {
            id: id.to_string(),
            kind,
            next_line: end_line + 1,
            line,
        });
    }

    /// Reports a passage comment that found no paragraph right below it.
    fn take_mark(&mut self) {
        if let Some(mark) = self.mark.take() {
            let offset = match mark.line {
                0 | 1 => 0,
                n => self
                    .newlines
                    .get(n - 2)
                    .map_or(self.src.len(), |&nl| nl + 1),
            };
            self.warn(
                offset,
                format!(
                    "passage comment {} is not directly above a paragraph",
                    mark.id
                ),
            );
        }
    }

    fn block_done(&mut self, mut block: Block) {
        let line = self.at(block.start).0;
        match std::mem::replace(&mut block.container, Container::Paragraph) {
            Container::Heading { level, id, classes } => {
                self.take_mark();
                self.heading(&block, level, id, &classes);
            }
            Container::Footnote(label) => {
                let text = block.text.trim_end().to_string();
                self.cited_elsewhere
                    .extend(block.notes.iter().map(|(_, l)| l.clone()));
                let def = super::footnotes::Def {
                    text,
                    emphasis: block.emphasis,
                    line,
                    offset: block.start,
                };
                self.defs.push((label, def));
            }
            container => {
                let quote = matches!(container, Container::Quote);
                if self.refs_level.is_some() {
                    self.take_mark();
                    self.cited_elsewhere
                        .extend(block.notes.iter().map(|(_, l)| l.clone()));
                    self.raw_refs
                        .push((block.text.trim_end().to_string(), block.emphasis, line));
                } else {
                    self.passage(block, line, quote);
                }
            }
        }
    }

    fn heading(
        &mut self,
        block: &Block,
        level: HeadingLevel,
        id: Option<String>,
        classes: &[String],
    ) {
        let level = match level {
            HeadingLevel::H1 => 1,
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            _ => {
                self.error(
                    block.start,
                    "heading deeper than ### (papers have three section levels)".into(),
                );
                3
            }
        };
        self.cited_elsewhere
            .extend(block.notes.iter().map(|(_, l)| l.clone()));
        let heading = block.text.trim();
        let (number, title) = match Numbering::parse(heading) {
            Some((n, rest)) => (Some(n), rest.to_string()),
            None => (None, heading.to_string()),
        };
        let parent = self.sections.iter().rposition(|s| s.level < level);
        if parent.is_none() && level > 1 {
            self.warn(
                block.start,
                format!("level-{level} heading with no level-1 heading above it"),
            );
        }
        let id = id.unwrap_or_else(|| match &number {
            Some(n) => section_id(parent.map(|p| self.sections[p].id.as_str()), &n.key()),
            None => Some(slug(&title))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "section".into()),
        });
        if self.sections.iter().any(|s| s.id == id) {
            self.error(
                block.start,
                format!("duplicate section id {id:?}; give the heading its own {{#id}}"),
            );
        }
        let is_refs = classes.iter().any(|c| c == "references")
            || (number.is_none() && REFERENCE_TITLES.contains(&title.to_lowercase().as_str()));
        match self.refs_level {
            Some(l) if level > l => {}
            _ => self.refs_level = is_refs.then_some(level),
        }
        self.sections.push(Section {
            id,
            number: number.map(|n| n.text),
            title,
            level,
            parent,
            passages: self.passages.len()..self.passages.len(),
            line: self.at(block.start).0,
        });
        self.counts.push(0);
    }

    fn passage(&mut self, block: Block, line: usize, quote: bool) {
        let Some(section) = self.sections.len().checked_sub(1) else {
            return self.error(
                block.start,
                "text before the first heading; start the paper with a # heading".into(),
            );
        };
        self.counts[section] += 1;
        let mark = self.mark.take();
        let mark = match mark {
            Some(m) if m.next_line == line => Some(m),
            other => {
                self.mark = other;
                self.take_mark();
                None
            }
        };
        let default_kind = if quote {
            PassageKind::Quote
        } else {
            PassageKind::Paragraph
        };
        let (id, kind) = match mark {
            Some(m) => (m.id, m.kind.unwrap_or(default_kind)),
            None => {
                let id = passage_id(&self.sections[section].id, self.counts[section]);
                self.warn(block.start, format!("paragraph without <!-- passage ID --> comment gets id {id}, which changes if paragraphs are inserted above it"));
                (id, default_kind)
            }
        };
        if self.passages.iter().any(|p| p.id == id) {
            self.error(block.start, format!("duplicate passage id {id:?}"));
        }
        let text = block.text.trim_end().to_string();
        self.passage_notes.push(block.notes);
        self.passages.push(Passage {
            id,
            section,
            kind,
            text,
            footnote_refs: Vec::new(),
            emphasis: block.emphasis,
            line,
        });
    }

    fn finish(mut self) -> (Document, Vec<Diagnostic>) {
        self.take_mark();
        let total = self.passages.len();
        for i in 0..self.sections.len() {
            let level = self.sections[i].level;
            let end = self.sections[i + 1..]
                .iter()
                .find(|s| s.level <= level)
                .map_or(total, |s| s.passages.start);
            self.sections[i].passages.end = end;
        }
        let cited = Cited {
            passages: &self.passage_notes,
            elsewhere: &self.cited_elsewhere,
        };
        let footnotes = link_footnotes(
            self.path,
            self.src,
            &mut self.passages,
            cited,
            self.defs,
            &mut self.diags,
        );
        let references = parse_references(self.raw_refs);
        let mut seen = HashMap::new();
        for r in &references {
            if let Some(first) = seen.insert(r.id.clone(), r.line) {
                let message = format!("reference id {:?} also derived on line {first}", r.id);
                self.diags
                    .push(Diagnostic::warning(self.path, r.line, 1, message));
            }
        }
        self.diags.sort_by_key(|d| (d.line, d.col));
        (
            Document::new(self.sections, self.passages, footnotes, references),
            self.diags,
        )
    }
}

/// Byte offset of an unescaped `c` in a source slice.
fn unescaped(src: &str, range: Range<usize>, c: char) -> Option<usize> {
    let slice = src.get(range.clone())?;
    slice
        .char_indices()
        .map(|(i, ch)| (range.start + i, ch))
        .find(|&(i, ch)| ch == c && !src[..i].ends_with('\\'))
        .map(|(i, _)| i)
}

fn newline_offsets(src: &str) -> Vec<usize> {
    src.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAPER: &str = "# 1. Intro {#s1}\n\n## (1) Aim\n\n<!-- passage p1-1.1 -->\nLayoffs (*Xiàgăng*) rose.[^1]\n\n\
<!-- passage p1-1.2 caption -->\nFigure 1: Growth\n\n[^1]: See *Gao*.\n\n# References\n\n\
- Li, P. (2008), A.\n- \\---. (2009), B.\n";

    #[test]
    fn reads_sections_passages_footnotes_and_references() {
        let (doc, diags) = parse_paper(Path::new("paper.md"), PAPER);
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        let ids: Vec<_> = doc
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.level, s.parent))
            .collect();
        assert_eq!(
            ids,
            [
                ("s1", 1, None),
                ("s1-1", 2, Some(0)),
                ("references", 1, None)
            ]
        );
        let p = &doc.passages[0];
        assert_eq!(p.text, "Layoffs (Xiàgăng) rose.¹");
        assert_eq!(&p.text[p.emphasis[0].clone()], "Xiàgăng");
        assert_eq!(&p.text[p.footnote_refs[0].span.clone()], "¹");
        assert_eq!(doc.passages[1].kind, PassageKind::Caption);
        assert_eq!(doc.footnotes[0].passages, [0]);
        assert_eq!(doc.footnotes[0].text, "See Gao.");
        assert_eq!(doc.references[1].author, "Li, P.");
        assert_eq!(doc.references[1].text, "---. (2009), B.");
        assert_eq!(doc.sections[0].passages, 0..2);
    }

    #[test]
    fn stray_markers_and_definitions_are_errors() {
        let src = "# A\n\n<!-- passage p-a.1 -->\nText[^2] more.\n\n[^3]: Never cited.\n";
        let (_, diags) = parse_paper(Path::new("paper.md"), src);
        let errors: Vec<String> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("paper.md:4:5: error: footnote marker [^2]"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("paper.md:6:1: error: footnote [^3] is never cited"),
            "{errors:?}"
        );
    }

    #[test]
    fn unclosed_comment_and_duplicate_ids_are_errors() {
        let (_, diags) = parse_paper(
            Path::new("p.md"),
            "# 1. A\n\n# 1. B\n\n<!-- passage x\n\ntext\n",
        );
        let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 2, "{diags:?}");
        assert_eq!(errors[0].line, 3);
        assert_eq!(errors[1].line, 5);
    }
}
