//! One search engine over a case study: entities, sections, passages,
//! footnotes, references and notes.
//!
//! The engine knows nothing of the document model: callers turn what they
//! have into [`SearchDoc`]s (see [`adapters`]), build an [`Index`] once, and
//! query it as the reader types. Matching works word by word against a
//! vocabulary of folded tokens, so a query costs little more than the
//! postings of the words it matches.

pub mod adapters;
mod analyze;
mod fasthash;
pub mod history;
pub mod index;
mod joined;
pub mod normalize;
pub mod query;
pub mod rank;
pub mod report;
pub mod snippet;
pub mod stopwords;
pub mod tokenize;
mod typo;
pub mod vocab;

use std::ops::Range;

use serde::Serialize;

pub use history::SearchHistory;
pub use index::Index;
pub use query::{Filter, Query};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Entity,
    Section,
    #[default]
    Passage,
    Footnote,
    Reference,
    Note,
}

impl HitKind {
    pub const ALL: [HitKind; 6] = [
        HitKind::Entity,
        HitKind::Section,
        HitKind::Passage,
        HitKind::Footnote,
        HitKind::Reference,
        HitKind::Note,
    ];

    pub fn name(self) -> &'static str {
        match self {
            HitKind::Entity => "entity",
            HitKind::Section => "section",
            HitKind::Passage => "passage",
            HitKind::Footnote => "footnote",
            HitKind::Reference => "reference",
            HitKind::Note => "note",
        }
    }
}

/// One searchable thing. `title` is what a result list shows; `names` and
/// `text` are what is searched (names weigh more), `tags` only by `#tag`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchDoc {
    pub kind: HitKind,
    /// Stable id in the caller's terms: passage id, entity id, section id...
    pub id: String,
    pub title: String,
    pub text: String,
    /// Entity kind ("person", "firm", "place", "org"); `@person` filters on it.
    pub subkind: Option<String>,
    pub tags: Vec<String>,
    /// Entity names and aliases.
    pub names: Vec<String>,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// Index of the document in [`Index::docs`].
    #[serde(skip)]
    pub doc: usize,
    pub id: String,
    pub score: i64,
    pub title: String,
    /// One line of context around the best match.
    pub snippet: String,
    /// Matched characters, as byte ranges in `snippet`.
    pub highlights: Vec<Range<usize>>,
    /// Every matched word in the document's full `text`, in order, as byte
    /// ranges: what n/N step through in the reader.
    pub text_highlights: Vec<Range<usize>>,
}

/// Hits grouped by kind, each group keeping its ranking; groups come in the
/// order of their best hit.
pub fn group_by_kind(hits: &[Hit]) -> Vec<(HitKind, Vec<&Hit>)> {
    let mut groups: Vec<(HitKind, Vec<&Hit>)> = Vec::new();
    for hit in hits {
        match groups.iter_mut().find(|(k, _)| *k == hit.kind) {
            Some((_, group)) => group.push(hit),
            None => groups.push((hit.kind, vec![hit])),
        }
    }
    groups
}
