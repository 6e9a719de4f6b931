//! Searching the whole library's index with the reader's query language:
//! every word must match (exactly, as a beginning, with a typo or two, or
//! spelled without its spaces), "phrases" as written, `@kind` filters.
//! Names weigh more than text, exact more than fuzzy.

use std::ops::Range;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

use super::index::{analyzer, LibraryIndex};
use crate::search::query::Term as QueryTerm;
use crate::search::{snippet, Query};

type Clause = Box<dyn tantivy::query::Query>;

/// One result: a document of one case study.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LibraryHit {
    pub case: String,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subkind: Option<String>,
    pub id: String,
    pub title: String,
    pub score: f32,
    pub snippet: String,
    /// Matched words, as byte ranges in `snippet`.
    pub highlights: Vec<Range<usize>>,
}

/// How one query word is looked for: the folded tokens it is made of and
/// what counts as a match of each token of the text.
#[derive(Debug, Clone)]
struct Want {
    token: String,
    prefix: bool,
    typos: u8,
    /// Parts of the word found as consecutive words of the text.
    joined: Vec<(String, String)>,
}

impl Want {
    fn matches(&self, word: &str) -> bool {
        word == self.token
            || (self.prefix && word.starts_with(&self.token))
            || (self.typos > 0 && within(word, &self.token, self.typos as usize))
            || self.joined.iter().any(|(a, b)| word == a || word == b)
    }
}

/// Typos allowed in a word of this many characters: none under 4.
fn typos_for(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

impl LibraryIndex {
    /// The best `limit` hits for `query`, best first.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<LibraryHit> {
        let searcher = self.searcher();
        let mut analyzer = analyzer();
        let (clause, wants) = self.build(&searcher, query, &mut analyzer);
        let Some(clause) = clause else {
            return Vec::new();
        };
        let Ok(top) = searcher.search(&clause, &TopDocs::with_limit(limit)) else {
            return Vec::new();
        };
        top.into_iter()
            .filter_map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address).ok()?;
                Some(self.hit(&doc, score, &wants, &mut analyzer))
            })
            .collect()
    }

    fn build(
        &self,
        searcher: &Searcher,
        query: &Query,
        analyzer: &mut TextAnalyzer,
    ) -> (Option<Clause>, Vec<Want>) {
        let f = self.fields;
        let mut must: Vec<(Occur, Clause)> = Vec::new();
        let mut wants = Vec::new();
        for term in &query.terms {
            let tokens = tokens(analyzer, &term.text);
            match tokens.as_slice() {
                [] => {}
                [token] => {
                    let want = self.want(searcher, term, token);
                    must.push((Occur::Must, self.word_clause(&want)));
                    wants.push(want);
                }
                // "71,700": its pieces, in order.
                several => {
                    must.push((Occur::Must, phrase(&[f.names, f.text], several)));
                    wants.extend(several.iter().map(|t| exact(t)));
                }
            }
        }
        for words in &query.phrases {
            let tokens: Vec<String> = words
                .iter()
                .flat_map(|w| self::tokens(analyzer, w))
                .collect();
            if !tokens.is_empty() {
                must.push((Occur::Must, phrase(&[f.names, f.text], &tokens)));
                wants.extend(tokens.iter().map(|t| exact(t)));
            }
        }
        if must.is_empty() && query.filters.is_empty() {
            return (None, wants);
        }
        if !query.filters.is_empty() {
            let kinds: Vec<(Occur, Clause)> = query
                .filters
                .iter()
                .map(|filter| {
                    let kind: Clause = Box::new(TermQuery::new(
                        Term::from_field_text(f.kind, filter.kind.name()),
                        IndexRecordOption::Basic,
                    ));
                    let clause: Clause = match filter.subkind {
                        Some(sub) => Box::new(BooleanQuery::new(vec![
                            (Occur::Must, kind),
                            (
                                Occur::Must,
                                Box::new(TermQuery::new(
                                    Term::from_field_text(f.subkind, sub),
                                    IndexRecordOption::Basic,
                                )),
                            ),
                        ])),
                        None => kind,
                    };
                    (Occur::Should, clause)
                })
                .collect();
            must.push((Occur::Must, Box::new(BooleanQuery::new(kinds))));
        }
        if query.terms.is_empty() && query.phrases.is_empty() {
            // Only filters: everything of those kinds.
            must.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
        }
        (Some(Box::new(BooleanQuery::new(must))), wants)
    }

    /// How a single-token word is looked for; its joined-word readings are
    /// looked up only when the word itself is not in the index.
    fn want(&self, searcher: &Searcher, term: &QueryTerm, token: &str) -> Want {
        let known = |word: &str| known(searcher, self.fields.text, word);
        let len = token.chars().count();
        let mut want = Want {
            token: token.to_string(),
            prefix: !term.literal && len >= 3,
            typos: if term.literal { 0 } else { typos_for(len) },
            joined: Vec::new(),
        };
        if !term.literal && len >= 4 && !known(token) {
            for (at, _) in token.char_indices().skip(2) {
                let (a, b) = token.split_at(at);
                if b.chars().count() >= 2 && known(a) && known(b) {
                    want.joined.push((a.to_string(), b.to_string()));
                }
            }
        }
        want
    }

    /// One word against names and text: exact above prefix above a typo,
    /// names above text.
    fn word_clause(&self, want: &Want) -> Clause {
        let f = self.fields;
        let mut any: Vec<(Occur, Clause)> = Vec::new();
        for (field, weight) in [(f.names, 3.0), (f.text, 1.0)] {
            let term = Term::from_field_text(field, &want.token);
            let exact = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            any.push((Occur::Should, boost(Box::new(exact), 4.0 * weight)));
            if want.prefix {
                let prefix = FuzzyTermQuery::new_prefix(term.clone(), 0, false);
                any.push((Occur::Should, boost(Box::new(prefix), 2.0 * weight)));
            }
            if want.typos > 0 {
                let fuzzy = FuzzyTermQuery::new(term, want.typos, true);
                any.push((Occur::Should, boost(Box::new(fuzzy), weight)));
            }
            for (a, b) in &want.joined {
                let parts = phrase(&[field], &[a.clone(), b.clone()]);
                any.push((Occur::Should, boost(parts, 2.0 * weight)));
            }
        }
        Box::new(BooleanQuery::new(any))
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        score: f32,
        wants: &[Want],
        analyzer: &mut TextAnalyzer,
    ) -> LibraryHit {
        let f = self.fields;
        let get = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let text = get(f.text);
        let marks = marks(analyzer, &text, wants);
        let focus = marks.first().cloned().unwrap_or(0..0);
        let (snippet, highlights) = snippet::build(&text, focus, &marks, snippet::WIDTH);
        let subkind = get(f.subkind);
        LibraryHit {
            case: get(f.case),
            kind: get(f.kind),
            subkind: (!subkind.is_empty()).then_some(subkind),
            id: get(f.id),
            title: get(f.title),
            score,
            snippet,
            highlights,
        }
    }
}

/// Hits grouped by case study, each group keeping its ranking; groups come
/// in the order of their best hit.
pub fn group_by_case(hits: &[LibraryHit]) -> Vec<(&str, Vec<&LibraryHit>)> {
    let mut groups: Vec<(&str, Vec<&LibraryHit>)> = Vec::new();
    for hit in hits {
        match groups.iter_mut().find(|(c, _)| *c == hit.case) {
            Some((_, group)) => group.push(hit),
            None => groups.push((&hit.case, vec![hit])),
        }
    }
    groups
}

fn boost(query: Clause, by: f32) -> Clause {
    Box::new(BoostQuery::new(query, by))
}

fn exact(token: &str) -> Want {
    Want {
        token: token.to_string(),
        prefix: false,
        typos: 0,
        joined: Vec::new(),
    }
}

/// The words of `tokens` in order, in any of `fields`.
fn phrase(fields: &[Field], tokens: &[String]) -> Clause {
    let per_field: Vec<(Occur, Clause)> = fields
        .iter()
        .map(|&field| {
            let terms: Vec<Term> = tokens
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect();
            let clause: Clause = if terms.len() == 1 {
                Box::new(TermQuery::new(
                    terms[0].clone(),
                    IndexRecordOption::WithFreqs,
                ))
            } else {
                Box::new(PhraseQuery::new(terms))
            };
            (Occur::Should, clause)
        })
        .collect();
    Box::new(BooleanQuery::new(per_field))
}

/// The folded tokens of a piece of text, as the index has them.
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// Whether any segment's dictionary of `field` holds `word`.
fn known(searcher: &Searcher, field: Field, word: &str) -> bool {
    searcher.segment_readers().iter().any(|segment| {
        segment
            .inverted_index(field)
            .ok()
            .and_then(|index| index.terms().get(word.as_bytes()).ok().flatten())
            .is_some()
    })
}

/// Byte ranges of the words of `text` that match what was looked for.
fn marks(analyzer: &mut TextAnalyzer, text: &str, wants: &[Want]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if wants.iter().any(|w| w.matches(&token.text)) {
            out.push(token.offset_from..token.offset_to);
        }
    }
    out
}

/// Whether two words are at most `most` edits apart, a swap of two
/// neighbouring letters counting as one edit (as the index's fuzzy query
/// counts it).
fn within(a: &str, b: &str, most: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > most {
        return false;
    }
    let mut before: Vec<usize> = Vec::new();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut next = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            next[j] = (row[j] + 1).min(next[j - 1] + 1).min(row[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                next[j] = next[j].min(before[j - 2] + 1);
            }
        }
        if next.iter().min().is_some_and(|&m| m > most) {
            return false;
        }
        before = std::mem::replace(&mut row, next);
    }
    row[b.len()] <= most
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_bound() {
        assert!(within("neusoft", "neusfot", 2));
        assert!(!within("neusoft", "nesfot", 1));
        assert!(within("neusoft", "nuesoft", 1), "a swap is one edit");
        assert!(within("dalian", "dalian", 0));
        assert!(!within("a", "abcd", 2));
    }
}
