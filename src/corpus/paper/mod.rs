//! `paper.md` -> [`Document`]: sections, passages, footnotes and references.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

mod marks;
mod outline;
pub(super) mod pieces;
#[cfg(test)]
mod tests;

use super::markdown::superscript;
use super::position::LineIndex;
use crate::diag::Diagnostic;
use crate::model::{Document, Passage, Section};

use marks::Mark;

const REFERENCE_TITLES: [&str; 5] = [
    "references",
    "bibliography",
    "works cited",
    "literature cited",
    "literature",
];

/// Parses a paper; the document is always returned, problems alongside.
pub fn parse_paper(path: &Path, src: &str) -> (Document, Vec<Diagnostic>) {
    parse_in_pieces_from(path, src, pieces::WHOLE_BELOW)
}

/// Parses `src` whole when it is shorter than `whole_below` bytes, else in pieces.
fn parse_in_pieces_from(path: &Path, src: &str, whole_below: usize) -> (Document, Vec<Diagnostic>) {
    let mut b = Builder {
        path,
        src,
        lines: LineIndex::new(src),
        section_ids: HashSet::new(),
        passage_ids: HashSet::new(),
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
    if src.len() < whole_below {
        for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
            b.event(event, range);
        }
        return b.finish();
    }
    for piece in pieces::pieces(src) {
        let text = &src[piece.clone()];
        let input = pieces::with_stand_ins(text, "-");
        for (event, range) in Parser::new_ext(&input, options).into_offset_iter() {
            if range.start >= text.len() {
                break;
            }
            b.event(event, range.start + piece.start..range.end + piece.start);
        }
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

struct Builder<'a> {
    path: &'a Path,
    src: &'a str,
    lines: LineIndex,
    section_ids: HashSet<String>,
    passage_ids: HashSet<String>,
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
        self.lines.line_col(self.src, offset)
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
                let mut block = self.block.take().expect("checked above");
                // Grown by pushes: up to twice its length, for the life of
                // the document.
                block.text.shrink_to_fit();
                self.block_done(block);
            }
        }
    }
}

/// Byte offset of an unescaped `c` in a source slice.
pub(super) fn unescaped(src: &str, range: Range<usize>, c: char) -> Option<usize> {
    let slice = src.get(range.clone())?;
    slice
        .char_indices()
        .map(|(i, ch)| (range.start + i, ch))
        .find(|&(i, ch)| ch == c && !src[..i].ends_with('\\'))
        .map(|(i, _)| i)
}
