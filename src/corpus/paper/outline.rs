//! Headings become sections, paragraphs passages, and the whole a document.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::HeadingLevel;

use super::{Block, Builder, Container};
use crate::corpus::footnotes::{link_footnotes, Cited, Def};
use crate::corpus::ids::{passage_id, section_id, slug, Numbering};
use crate::corpus::refs::parse_references;
use crate::diag::Diagnostic;
use crate::model::{Document, Passage, PassageKind, Section};

/// A paragraph without a passage comment, waiting for its derived id.
pub(super) struct Derived {
    passage: usize,
    /// Its place among the section's paragraphs (1-based).
    count: usize,
    line: usize,
    col: usize,
}

impl Builder<'_> {
    pub(super) fn block_done(&mut self, mut block: Block) {
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
                let def = Def {
                    text,
                    emphasis: block.emphasis,
                    line,
                    col: self.at(block.start).1,
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
                    self.passage(&mut block, line, quote);
                }
            }
        }
        // Every block is copied out at its final length, so the buffer that
        // grew while gathering it serves the next one: a long paper's heap
        // then holds its texts without the gaps of one growth each.
        block.text.clear();
        self.spare = block.text;
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
        if !self.section_ids.insert(id.clone()) {
            self.error(
                block.start,
                format!("duplicate section id {id:?}; give the heading its own {{#id}}"),
            );
        }
        let is_refs = classes.iter().any(|c| c == "references")
            || (number.is_none()
                && super::REFERENCE_TITLES.contains(&title.to_lowercase().as_str()));
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

    fn passage(&mut self, block: &mut Block, line: usize, quote: bool) {
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
        let (id, kind, page) = match mark {
            Some(m) => {
                if !self.passage_ids.insert(m.id.clone()) {
                    self.error(block.start, format!("duplicate passage id {:?}", m.id));
                }
                (m.id, m.kind.unwrap_or(default_kind), m.page)
            }
            None => {
                // Named once every explicit id is known (see `derive_ids`).
                let (line, col) = self.at(block.start);
                self.derived.push(Derived {
                    passage: self.passages.len(),
                    count: self.counts[section],
                    line,
                    col,
                });
                (String::new(), default_kind, None)
            }
        };
        self.passage_pages.push(page);
        let text = &mut block.text;
        if kind == PassageKind::Figure {
            // Same length, so emphasis and marker spans stay where they are.
            for &at in &block.soft_breaks {
                if text.get(at..at + 1) == Some(" ") {
                    text.replace_range(at..at + 1, "\n");
                }
            }
        }
        self.passage_notes.push(std::mem::take(&mut block.notes));
        self.passages.push(Passage {
            id,
            section,
            kind,
            text: text.trim_end().to_string(),
            footnote_refs: Vec::new(),
            emphasis: std::mem::take(&mut block.emphasis),
            line,
        });
    }

    /// Gives each paragraph without a passage comment its id: the one its
    /// place in the section gives, unless an explicit id anywhere in the
    /// paper already has it (a paragraph added above a commented one), in
    /// which case the next free number, with a warning that says so.
    fn derive_ids(&mut self) {
        for d in std::mem::take(&mut self.derived) {
            let section = self.passages[d.passage].section;
            let section_id = &self.sections[section].id;
            let wanted = passage_id(section_id, d.count);
            let mut n = d.count;
            let mut id = wanted.clone();
            while self.passage_ids.contains(&id) {
                n += 1;
                id = passage_id(section_id, n);
            }
            let message = if id == wanted {
                format!("paragraph without <!-- passage ID --> comment gets id {id}, which changes if paragraphs are inserted above it")
            } else {
                let taken = self
                    .passages
                    .iter()
                    .find(|p| p.id == wanted)
                    .map_or(String::new(), |p| format!(" on line {}", p.line));
                format!("paragraph without <!-- passage ID --> comment would get id {wanted}, which the passage{taken} has; it gets {id} instead: give it a <!-- passage ID --> comment of its own")
            };
            self.diags
                .push(Diagnostic::warning(self.path, d.line, d.col, message));
            self.passage_ids.insert(id.clone());
            self.passages[d.passage].id = id;
        }
    }

    pub(super) fn finish(mut self) -> (Document, Vec<Diagnostic>) {
        self.take_mark();
        self.derive_ids();
        // Only needed to name and check ids: freed before the rest is built.
        self.passage_ids = HashSet::new();
        self.section_ids = HashSet::new();
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
            written: &self.literal_markers,
        };
        let footnotes = link_footnotes(
            self.path,
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
        // Grown by doubling while parsing; kept for the whole session.
        self.sections.shrink_to_fit();
        self.passages.shrink_to_fit();
        (
            Document::new(self.sections, self.passages, footnotes, references)
                .with_pages(self.passage_pages),
            self.diags,
        )
    }
}
