//! `paper.md` -> [`Document`]: sections, passages, footnotes and references.

use std::collections::HashSet;
use std::io::BufRead;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

mod marks;
mod outline;
pub(super) mod pieces;
#[cfg(test)]
mod tests;

use super::footnotes::written_markers;
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

/// Parses a paper held in memory; the document is always returned, problems alongside.
pub fn parse_paper(path: &Path, src: &str) -> (Document, Vec<Diagnostic>) {
    let (doc, diags) = read_paper(path, src.as_bytes());
    (doc.unwrap_or_default(), diags)
}

/// Reads and parses a paper a piece at a time. No document when the input
/// is not UTF-8 text or cannot be read; the diagnostics say where.
pub fn read_paper(path: &Path, input: impl BufRead) -> (Option<Document>, Vec<Diagnostic>) {
    read_in_pieces_from(path, input, pieces::WHOLE_BELOW)
}

/// Parses the input whole when it is shorter than `whole_below` bytes, else in pieces.
fn read_in_pieces_from(
    path: &Path,
    input: impl BufRead,
    whole_below: usize,
) -> (Option<Document>, Vec<Diagnostic>) {
    let mut b = Builder {
        path,
        piece: Text::default(),
        section_ids: HashSet::new(),
        passage_ids: HashSet::new(),
        derived: Vec::new(),
        block: None,
        mark: None,
        sections: Vec::new(),
        counts: Vec::new(),
        refs_level: None,
        passages: Vec::new(),
        passage_notes: Vec::new(),
        passage_pages: Vec::new(),
        defs: Vec::new(),
        cited_elsewhere: Vec::new(),
        literal_markers: Vec::new(),
        raw_refs: Vec::new(),
        diags: Vec::new(),
        spare: String::new(),
    };
    let mut pieces = pieces::Pieces::new(input, whole_below);
    loop {
        let piece = match pieces.next_piece() {
            Ok(Some(piece)) => piece,
            Ok(None) => break,
            Err(err) => return (None, vec![super::cannot_read(path, &err)]),
        };
        let first_line = piece.first_line;
        let text = match super::decode(path, piece.bytes) {
            Ok(text) => text,
            Err(mut diag) => {
                diag.line += first_line - 1;
                return (None, vec![diag]);
            }
        };
        b.parse(Text::new(text, b.piece.end(), first_line), piece.whole);
    }
    let (doc, diags) = b.finish();
    (Some(doc), diags)
}

/// The piece of the paper being parsed, and where it lies in the paper.
#[derive(Default)]
struct Text {
    text: String,
    /// Byte offset of the piece in the paper.
    start: usize,
    first_line: usize,
    lines: LineIndex,
}

impl Text {
    fn new(text: String, start: usize, first_line: usize) -> Text {
        let lines = LineIndex::new(&text);
        Text {
            text,
            start,
            first_line,
            lines,
        }
    }

    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// 1-based line and column of an offset in the paper (inside this piece).
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let local = offset.saturating_sub(self.start);
        let (line, col) = self.lines.line_col(&self.text, local);
        (self.first_line + line - 1, col)
    }
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
    /// Where a line ended inside the block (a space in the text): a
    /// figure keeps its caption and source on lines of their own.
    soft_breaks: Vec<usize>,
}

struct Builder<'a> {
    path: &'a Path,
    piece: Text,
    section_ids: HashSet<String>,
    passage_ids: HashSet<String>,
    /// Paragraphs without a passage comment, named at the end.
    derived: Vec<outline::Derived>,
    block: Option<Block>,
    mark: Option<Mark>,
    sections: Vec<Section>,
    counts: Vec<usize>,
    refs_level: Option<u8>,
    passages: Vec<Passage>,
    passage_notes: Vec<Vec<(Range<usize>, String)>>,
    /// The `page=` of each passage's comment.
    passage_pages: Vec<Option<String>>,
    defs: Vec<(String, super::footnotes::Def)>,
    cited_elsewhere: Vec<String>,
    /// `[^label]` written in the text, which only parses as a marker when
    /// the label is defined: (label, line, column).
    literal_markers: Vec<(String, usize, usize)>,
    raw_refs: Vec<(String, Vec<Range<usize>>, usize)>,
    diags: Vec<Diagnostic>,
    /// The text buffer of the last block, kept for the next (see `block_done`).
    spare: String,
}

impl Builder<'_> {
    /// Parses one piece; stand-ins for footnotes it cites but does not
    /// define let their markers parse as markers.
    fn parse(&mut self, piece: Text, whole: bool) {
        let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES;
        let input = if whole {
            piece.text.clone()
        } else {
            pieces::with_stand_ins(&piece.text, "-")
        };
        let (start, len) = (piece.start, piece.text.len());
        self.piece = piece;
        for (event, range) in Parser::new_ext(&input, options).into_offset_iter() {
            if range.start >= len {
                break;
            }
            self.event(event, range.start + start..range.end + start);
        }
        for (label, at) in written_markers(&self.piece.text) {
            let (line, col) = self.at(start + at);
            self.literal_markers.push((label.to_string(), line, col));
        }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        self.piece.line_col(offset)
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
                let start = self.piece.start;
                let local = range.start - start..range.end - start;
                if let Some(i) = unescaped(&self.piece.text, local, '*').map(|i| i + start) {
                    self.warn(
                        i,
                        "unmatched '*' is shown literally; write \\* if that is meant".into(),
                    );
                }
                self.push(&t, range.start);
            }
            Event::Code(t) => self.push(&t, range.start),
            Event::SoftBreak => {
                if let Some(b) = self.block.as_mut() {
                    b.soft_breaks.push(b.text.len());
                }
                self.push(" ", range.start)
            }
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
            text: std::mem::take(&mut self.spare),
            emphasis: Vec::new(),
            open: Vec::new(),
            notes: Vec::new(),
            soft_breaks: Vec::new(),
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
