//! The reading order of everything the reader shows: headings, passages,
//! the reference list and the footnotes, as one list of items.

use crate::model::Document;

/// One block in the reading pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Heading(usize),
    Passage(usize),
    Reference(usize),
    /// The heading of the footnotes section the reader appends.
    FootnotesHeading,
    Footnote(usize),
}

impl Item {
    /// Items the passage cursor can rest on.
    pub fn is_focusable(self) -> bool {
        !matches!(self, Item::Heading(_) | Item::FootnotesHeading)
    }
}

/// Reading order plus the reverse lookups a jump needs.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub items: Vec<Item>,
    passage_item: Vec<usize>,
    reference_item: Vec<usize>,
    footnote_item: Vec<usize>,
    section_item: Vec<usize>,
}

impl Outline {
    pub fn new(doc: &Document) -> Self {
        let mut items = Vec::with_capacity(doc.passages.len() + doc.sections.len() + 64);
        let refs_section = references_section(doc);
        let mut next_passage = 0;
        for s in 0..doc.sections.len() {
            items.push(Item::Heading(s));
            // Passages that belong directly to this section (not to a subsection).
            while next_passage < doc.passages.len() && doc.passages[next_passage].section == s {
                items.push(Item::Passage(next_passage));
                next_passage += 1;
            }
            if Some(s) == refs_section {
                items.extend((0..doc.references.len()).map(Item::Reference));
            }
        }
        // Passages out of section order (a malformed model) are still shown.
        items.extend((next_passage..doc.passages.len()).map(Item::Passage));
        if refs_section.is_none() {
            items.extend((0..doc.references.len()).map(Item::Reference));
        }
        if !doc.footnotes.is_empty() {
            items.push(Item::FootnotesHeading);
            items.extend((0..doc.footnotes.len()).map(Item::Footnote));
        }

        let mut outline = Outline {
            passage_item: vec![0; doc.passages.len()],
            reference_item: vec![0; doc.references.len()],
            footnote_item: vec![0; doc.footnotes.len()],
            section_item: vec![0; doc.sections.len()],
            items,
        };
        for (i, item) in outline.items.iter().enumerate() {
            match *item {
                Item::Heading(s) => outline.section_item[s] = i,
                Item::Passage(p) => outline.passage_item[p] = i,
                Item::Reference(r) => outline.reference_item[r] = i,
                Item::Footnote(f) => outline.footnote_item[f] = i,
                Item::FootnotesHeading => {}
            }
        }
        outline
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn of_passage(&self, p: usize) -> usize {
        self.passage_item[p]
    }

    pub fn of_reference(&self, r: usize) -> usize {
        self.reference_item[r]
    }

    pub fn of_footnote(&self, f: usize) -> usize {
        self.footnote_item[f]
    }

    pub fn of_section(&self, s: usize) -> usize {
        self.section_item[s]
    }

    /// The first focusable item at or after `from`, else the last one before it.
    pub fn focusable_near(&self, from: usize) -> Option<usize> {
        let from = from.min(self.items.len().saturating_sub(1));
        (from..self.items.len())
            .find(|&i| self.items[i].is_focusable())
            .or_else(|| (0..from).rev().find(|&i| self.items[i].is_focusable()))
    }

    pub fn next_focusable(&self, from: usize) -> Option<usize> {
        (from + 1..self.items.len()).find(|&i| self.items[i].is_focusable())
    }

    pub fn prev_focusable(&self, from: usize) -> Option<usize> {
        (0..from).rev().find(|&i| self.items[i].is_focusable())
    }

    /// The section an item belongs to, for breadcrumbs and status.
    pub fn section_of(&self, doc: &Document, item: usize) -> Option<usize> {
        match self.items.get(item)? {
            Item::Heading(s) => Some(*s),
            Item::Passage(p) => Some(doc.passages[*p].section),
            Item::Reference(_) => references_section(doc),
            Item::FootnotesHeading | Item::Footnote(_) => None,
        }
    }
}

/// The section holding the reference list, if the paper has one.
pub fn references_section(doc: &Document) -> Option<usize> {
    doc.sections
        .iter()
        .position(|s| s.id == "references" || s.title.eq_ignore_ascii_case("references"))
}
