//! The index: documents, their token positions, and the vocabulary.

use std::sync::{Arc, Mutex, PoisonError};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::joined::{self, JoinedMatch};
use super::normalize::{fold, Folded};
use super::query::Term;
use super::tokenize::{for_each_token, Token};
use super::vocab::{Posting, Vocab, WordMatch, TYPED};
use super::{Hit, HitKind, Query, SearchDoc};

/// Positions left between two names, and between the names and the text,
/// so that no phrase or proximity window spans two fields.
const NAME_GAP: u32 = 8;
const FIELD_GAP: u32 = 1000;

/// Which part of a document a token comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name(usize),
    Text,
}

pub struct Index {
    docs: Vec<SearchDoc>,
    /// Position of the first word of each document's text; earlier positions are names.
    text_start: Vec<u32>,
    tags: Vec<Vec<String>>,
    /// Documents from here on are notes, kept last so they can be replaced cheaply.
    first_note: usize,
    pub(super) vocab: Vocab,
    skim: SkimMatcherV2,
    /// Matches of recently searched terms: while a query is typed, all its
    /// words but the last stay the same from one keystroke to the next.
    recent: Mutex<Vec<(Term, Arc<TermMatches>)>>,
}

/// What one query term matched: words of the vocabulary, and runs of
/// consecutive words it spells without the spaces.
#[derive(Debug, Default)]
pub(super) struct TermMatches {
    pub words: Vec<WordMatch>,
    pub joined: Vec<JoinedMatch>,
}

impl TermMatches {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.joined.is_empty()
    }
}

/// Terms whose matches are remembered.
const RECENT_TERMS: usize = 16;

impl Index {
    pub fn build(mut docs: Vec<SearchDoc>) -> Index {
        docs.sort_by_key(|d| d.kind == HitKind::Note);
        let mut index = Index {
            docs: Vec::with_capacity(docs.len()),
            text_start: Vec::with_capacity(docs.len()),
            tags: Vec::with_capacity(docs.len()),
            first_note: 0,
            vocab: Vocab::default(),
            skim: SkimMatcherV2::default().ignore_case(),
            recent: Mutex::new(Vec::new()),
        };
        index.add(docs);
        index
    }

    /// Replaces every document of `kind` by `docs` (which must all be of that
    /// kind). Notes are replaced in place; other kinds rebuild the index.
    pub fn replace_kind(&mut self, kind: HitKind, docs: Vec<SearchDoc>) {
        debug_assert!(docs.iter().all(|d| d.kind == kind));
        if kind == HitKind::Note {
            self.vocab.truncate_docs(self.first_note as u32);
            self.docs.truncate(self.first_note);
            self.text_start.truncate(self.first_note);
            self.tags.truncate(self.first_note);
            self.add(docs);
        } else {
            let mut all = std::mem::take(&mut self.docs);
            all.retain(|d| d.kind != kind);
            all.extend(docs);
            *self = Index::build(all);
        }
    }

    /// The vocabulary words and word runs `term` matches.
    pub(super) fn term_matches(&self, term: &Term) -> Arc<TermMatches> {
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(i) = recent.iter().position(|(t, _)| t == term) {
            let hit = recent.remove(i);
            recent.push(hit.clone());
            return hit.1;
        }
        let words = self.vocab.matches(term, &self.skim);
        let joined = if term.literal {
            Vec::new()
        } else {
            // Typos are tried only for a term that matched nothing as typed.
            let typed = words.iter().any(|m| m.quality >= TYPED);
            joined::matches(&self.vocab, &term.text, !typed)
        };
        let found = Arc::new(TermMatches { words, joined });
        if recent.len() == RECENT_TERMS {
            recent.remove(0);
        }
        recent.push((term.clone(), found.clone()));
        found
    }

    fn add(&mut self, docs: Vec<SearchDoc>) {
        self.recent
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        for doc in docs {
            let id = self.docs.len() as u32;
            let text_start = walk(&doc, |_, _, t| {
                self.vocab.add(
                    &t.text,
                    Posting {
                        doc: id,
                        pos: t.pos,
                    },
                )
            });
            if doc.kind != HitKind::Note {
                self.first_note = self.docs.len() + 1;
            }
            self.text_start.push(text_start);
            self.tags.push(
                doc.tags
                    .iter()
                    .map(|t| fold(t.trim_start_matches('#')))
                    .collect(),
            );
            self.docs.push(doc);
        }
        self.vocab.finish();
    }

    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    pub fn doc(&self, i: usize) -> &SearchDoc {
        &self.docs[i]
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct tokens.
    pub fn vocabulary_len(&self) -> usize {
        self.vocab.len()
    }

    /// Approximate heap use of the index itself, without the documents.
    pub fn heap_bytes(&self) -> usize {
        let tags: usize = self.tags.iter().flatten().map(|t| t.len() + 24).sum();
        self.vocab.heap_bytes() + self.text_start.len() * (4 + 24) + tags
    }

    pub(super) fn text_start(&self, doc: usize) -> u32 {
        self.text_start[doc]
    }

    pub(super) fn tags(&self, doc: usize) -> &[String] {
        &self.tags[doc]
    }

    /// The ranked hits for `query`, at most `limit`.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        super::rank::search(self, query, limit)
    }
}

/// Tokenizes a document's names, then its text, numbering positions as the
/// index does; `f` gets the field, its folded text and each token. Returns
/// the position at which the text starts.
pub fn walk(doc: &SearchDoc, mut f: impl FnMut(Field, &Folded, Token)) -> u32 {
    let mut pos = 0;
    for (i, name) in doc.names.iter().enumerate() {
        let folded = Folded::new(name);
        pos = for_each_token(&folded.text, pos, |t| f(Field::Name(i), &folded, t)) + NAME_GAP;
    }
    let text_start = if doc.names.is_empty() {
        0
    } else {
        pos + FIELD_GAP
    };
    let folded = Folded::new(&doc.text);
    for_each_token(&folded.text, text_start, |t| f(Field::Text, &folded, t));
    text_start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: &str, text: &str) -> SearchDoc {
        SearchDoc {
            kind: HitKind::Note,
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    fn passage(id: &str, text: &str) -> SearchDoc {
        SearchDoc {
            kind: HitKind::Passage,
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    fn ids(index: &Index, q: &str) -> Vec<String> {
        index
            .search(&Query::parse(q), 10)
            .into_iter()
            .map(|h| h.id)
            .collect()
    }

    #[test]
    fn notes_are_kept_last_and_can_be_replaced() {
        let mut index = Index::build(vec![note("n1", "alpha"), passage("p1", "alpha beta")]);
        assert_eq!(index.doc(0).id, "p1");
        index.replace_kind(HitKind::Note, vec![note("n2", "gamma")]);
        assert_eq!(ids(&index, "alpha"), ["p1"]);
        assert_eq!(ids(&index, "gamma"), ["n2"]);
        index.replace_kind(HitKind::Passage, vec![passage("p2", "gamma")]);
        assert_eq!(ids(&index, "gamma").len(), 2);
        assert_eq!(ids(&index, "alpha"), Vec::<String>::new());
    }

    #[test]
    fn names_come_before_the_text_with_gaps() {
        let doc = SearchDoc {
            names: vec!["Li Yuanming".into(), "Li".into()],
            text: "founder".into(),
            ..Default::default()
        };
        let mut seen = Vec::new();
        let start = walk(&doc, |field, _, t| {
            seen.push((field, t.text.into_owned(), t.pos))
        });
        assert_eq!(start, 2 + NAME_GAP + 1 + NAME_GAP + FIELD_GAP);
        assert_eq!(seen[2], (Field::Name(1), "li".into(), 2 + NAME_GAP));
        assert_eq!(seen[3], (Field::Text, "founder".into(), start));
    }
}
