//! The document model of a case study: what the paper says, segmented.
//!
//! Text is kept exactly as the paper has it (diacritics, CJK, typographic
//! quotes). Spans are byte ranges into the owning text; they always fall on
//! `char` boundaries.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Bibliographic facts about a case study, from `meta.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<i32>,
    #[serde(default)]
    pub series: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// A numbered (or unnumbered) heading and the passages under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub id: String,
    /// The paper's own numbering as printed: `"3."`, `"(1)"`, `"1)"`.
    pub number: Option<String>,
    pub title: String,
    /// 1 for top-level sections, 2 and 3 below.
    pub level: u8,
    /// Index of the enclosing section.
    pub parent: Option<usize>,
    /// Passages directly or indirectly under this heading: `passages[start..end]`.
    pub passages: Range<usize>,
    /// Line of the heading in the paper file (1-based).
    pub line: usize,
}

impl Section {
    /// Number and title as the paper prints them: `"3. Process of Industry Formation"`.
    pub fn heading(&self) -> String {
        match &self.number {
            Some(n) => format!("{n} {}", self.title),
            None => self.title.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageKind {
    Paragraph,
    /// A figure or table caption ("Figure 2: ...").
    Caption,
    /// The "Source: ..." line under a figure.
    Source,
    Quote,
    /// Program text, set in a typewriter face; never joined with prose.
    Code,
    /// Table cells, row by row; never joined with prose.
    Table,
    /// A figure or table shown as one passage: its caption ("Figure 2: ...")
    /// and its "Source: ..." line, one a line; either may be missing.
    Figure,
}

impl PassageKind {
    pub fn name(self) -> &'static str {
        match self {
            PassageKind::Paragraph => "paragraph",
            PassageKind::Caption => "caption",
            PassageKind::Source => "source",
            PassageKind::Quote => "quote",
            PassageKind::Code => "code",
            PassageKind::Table => "table",
            PassageKind::Figure => "figure",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "paragraph" => PassageKind::Paragraph,
            "caption" => PassageKind::Caption,
            "source" => PassageKind::Source,
            "quote" => PassageKind::Quote,
            "code" => PassageKind::Code,
            "table" => PassageKind::Table,
            "figure" => PassageKind::Figure,
            _ => return None,
        })
    }
}

/// A footnote marker inside a passage's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FootnoteRef {
    /// Index into `Document::footnotes`.
    pub footnote: usize,
    /// Where the marker (for example `¹`) sits in the passage text.
    pub span: Range<usize>,
}

/// One unit of reading: a paragraph, caption, source line or quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub id: String,
    /// Index of the innermost section holding the passage.
    pub section: usize,
    pub kind: PassageKind,
    pub text: String,
    pub footnote_refs: Vec<FootnoteRef>,
    /// Italic runs (titles, transliterations such as *Xiàgăng*).
    pub emphasis: Vec<Range<usize>>,
    /// First line of the passage in the paper file (1-based).
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// The label as written in the Markdown (`[^3]` has label `"3"`).
    pub label: String,
    pub text: String,
    pub emphasis: Vec<Range<usize>>,
    /// Indices of the passages that carry this footnote's marker.
    pub passages: Vec<usize>,
    pub line: usize,
}

/// One work in the reference list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Derived from author and year: `gao-2008`, `saxenian-2006`, `li-2008`.
    pub id: String,
    /// The entry exactly as the paper prints it (a "---." stays "---.").
    pub text: String,
    /// The author part, with "---." replaced by the previous entry's author.
    pub author: String,
    pub year: Option<i32>,
    pub emphasis: Vec<Range<usize>>,
    pub line: usize,
}

impl Reference {
    /// The surname (or first word of a corporate author) citations use.
    pub fn surname(&self) -> &str {
        // `L. Breiman`, `C.-S. J. Chu`: initials before the surname are skipped.
        let mut author = self.author.trim_start();
        while let Some((first, rest)) = author.split_once(' ') {
            let initial = first.ends_with('.')
                && first
                    .split(['.', '-'])
                    .all(|part| part.chars().count() <= 1);
            if !initial {
                break;
            }
            author = rest.trim_start();
        }
        let end = author.find([',', '(', '.']).unwrap_or(author.len());
        author[..end].trim()
    }
}

/// A whole case study paper, segmented.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    pub sections: Vec<Section>,
    pub passages: Vec<Passage>,
    pub footnotes: Vec<Footnote>,
    pub references: Vec<Reference>,
    /// The page each passage starts on, as the paper labels it (`"12"`, `"iv"`),
    /// one per passage; empty when the source carries no page information.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Option<String>>,
    /// Passage indices in order of id, for lookups by id.
    #[serde(skip)]
    by_id: Vec<u32>,
}

impl Document {
    pub fn new(
        sections: Vec<Section>,
        passages: Vec<Passage>,
        footnotes: Vec<Footnote>,
        references: Vec<Reference>,
    ) -> Self {
        // Four bytes a passage, where a map by id would copy every id.
        let mut by_id: Vec<u32> = (0..passages.len() as u32).collect();
        by_id.sort_unstable_by(|&a, &b| passages[a as usize].id.cmp(&passages[b as usize].id));
        Document {
            sections,
            passages,
            footnotes,
            references,
            pages: Vec::new(),
            by_id,
        }
    }

    /// The same document with the page of each passage (one entry per passage);
    /// all-`None` pages are dropped, so a paper without page information shows none.
    pub fn with_pages(mut self, pages: Vec<Option<String>>) -> Self {
        self.pages = if pages.len() == self.passages.len() && pages.iter().any(Option::is_some) {
            pages
        } else {
            Vec::new()
        };
        self
    }

    /// The page label the passage at `index` starts on, if the source had pages.
    pub fn page(&self, index: usize) -> Option<&str> {
        self.pages.get(index)?.as_deref()
    }

    pub fn passage_index(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|&i| self.passages[i as usize].id.as_str().cmp(id))
            .ok()
            .map(|at| self.by_id[at] as usize)
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passage_index(id).map(|i| &self.passages[i])
    }

    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    pub fn reference_index(&self, id: &str) -> Option<usize> {
        self.references.iter().position(|r| r.id == id)
    }

    /// The chain of sections from the top level down to `section`.
    pub fn section_path(&self, section: usize) -> Vec<usize> {
        let mut path = vec![section];
        let mut at = section;
        while let Some(parent) = self.sections[at].parent {
            path.push(parent);
            at = parent;
        }
        path.reverse();
        path
    }
}
