//! Stage two of ranking: re-reading one candidate document to find where
//! each query term occurs, the closest window holding all of them, and the
//! characters to highlight.

use std::ops::Range;

use super::index::{walk, Field, Index};
use super::joined::{JoinedMatch, RunReader};
use super::rank::Resolved;
use super::snippet;
use super::tokenize::TokenKind;
use super::vocab::{FastMap, WordMatch};
use super::{Hit, Query};

/// Term positions of the query's matched words, built once per search.
pub(super) struct Lookup<'a> {
    words: FastMap<&'a str, Vec<(usize, &'a WordMatch)>>,
    /// Runs of words each term spells without spaces, by position.
    joined: Vec<&'a [JoinedMatch]>,
    phrases: &'a [Vec<String>],
    /// The last word of the last phrase may be partial.
    open_phrase: bool,
    requirements: usize,
}

impl<'a> Lookup<'a> {
    pub fn new(index: &'a Index, resolved: &'a Resolved, query: &'a Query) -> Self {
        let phrases = &query.phrases;
        let mut words: FastMap<&str, Vec<(usize, &WordMatch)>> = FastMap::default();
        for (term, matches) in resolved.terms.iter().enumerate() {
            for m in &matches.words {
                words
                    .entry(index.vocab.word(m.word))
                    .or_default()
                    .push((term, m));
            }
        }
        Lookup {
            words,
            joined: resolved.terms.iter().map(|m| &m.joined[..]).collect(),
            phrases,
            open_phrase: query.open_phrase,
            requirements: resolved.terms.len() + phrases.len(),
        }
    }
}

impl Lookup<'_> {
    /// Whether `token` can stand as word `j` of phrase `k`.
    fn phrase_word_fits(&self, k: usize, j: usize, token: &str) -> bool {
        let phrase = &self.phrases[k];
        let partial = self.open_phrase && k + 1 == self.phrases.len() && j + 1 == phrase.len();
        if partial {
            token.starts_with(phrase[j].as_str())
        } else {
            token == phrase[j]
        }
    }
}

#[derive(Debug, Clone)]
struct Occurrence {
    requirement: usize,
    pos: u32,
    last_pos: u32,
    field: Field,
    quality: u8,
    /// Byte ranges in the field's original text.
    marks: Vec<Range<usize>>,
}

pub(super) struct Analysis {
    occurrences: Vec<Occurrence>,
    /// Range of `occurrences` (sorted by position) that best shows the match.
    window: Option<Range<usize>>,
    /// Proximity and whole-name bonus.
    pub bonus: i64,
}

/// Bonus when the query covers every word of one of an entity's names.
const WHOLE_NAME: i64 = 60;
/// Bonus per extra term when all terms stand side by side.
const PROXIMITY: i64 = 60;

pub(super) fn analyze(index: &Index, doc: usize, lookup: &Lookup) -> Analysis {
    let d = index.doc(doc);
    let n_terms = lookup.requirements - lookup.phrases.len();
    let mut occurrences = Vec::new();
    // Word tokens that belong to some phrase: (position, word, field, span).
    let mut phrase_words: Vec<(u32, String, Field, Range<usize>)> = Vec::new();
    // Per name: (words, words matched).
    let mut names = vec![(0u32, 0u32); d.names.len()];
    let mut runs = RunReader::new(&lookup.joined, doc);
    walk(d, |field, folded, token| {
        let original = match field {
            Field::Name(i) => d.names[i].as_str(),
            Field::Text => d.text.as_str(),
        };
        let found = lookup.words.get(token.text.as_ref());
        let in_run = token.kind == TokenKind::Word
            && runs.word(token.pos, token.span.clone(), |end| {
                occurrences.push(Occurrence {
                    requirement: end.term,
                    pos: end.run.start.pos,
                    last_pos: token.pos,
                    field,
                    quality: end.run.quality,
                    marks: vec![folded.original_range(original, end.folded)],
                })
            });
        if let (Field::Name(i), TokenKind::Word) = (field, token.kind) {
            names[i].0 += 1;
            names[i].1 += u32::from(found.is_some() || in_run);
        }
        if let Some(found) = found {
            for &(term, m) in found {
                let marks = m
                    .marks
                    .iter()
                    .map(|r| {
                        folded.original_range(
                            original,
                            token.span.start + r.start..token.span.start + r.end,
                        )
                    })
                    .collect();
                occurrences.push(Occurrence {
                    requirement: term,
                    pos: token.pos,
                    last_pos: token.pos,
                    field,
                    quality: m.quality,
                    marks,
                });
            }
        }
        let in_phrase = lookup.phrases.iter().enumerate().any(|(k, phrase)| {
            (0..phrase.len()).any(|j| lookup.phrase_word_fits(k, j, &token.text))
        });
        if token.kind == TokenKind::Word && in_phrase {
            phrase_words.push((
                token.pos,
                token.text.to_string(),
                field,
                folded.original_range(original, token.span.clone()),
            ));
        }
    });
    for (k, phrase) in lookup.phrases.iter().enumerate() {
        for (i, (pos, word, field, _)) in phrase_words.iter().enumerate() {
            let fits = |j: usize| {
                phrase_words
                    .get(i + j)
                    .is_some_and(|w| w.0 == pos + j as u32 && lookup.phrase_word_fits(k, j, &w.1))
            };
            if lookup.phrase_word_fits(k, 0, word) && (0..phrase.len()).all(fits) {
                let marks = phrase_words[i..i + phrase.len()]
                    .iter()
                    .map(|w| w.3.clone())
                    .collect();
                occurrences.push(Occurrence {
                    requirement: n_terms + k,
                    pos: *pos,
                    last_pos: pos + phrase.len() as u32 - 1,
                    field: *field,
                    quality: 100,
                    marks,
                });
            }
        }
    }
    occurrences.sort_by_key(|o| (o.pos, o.requirement));
    let (window, proximity) = best_window(&occurrences, lookup.requirements);
    let whole_name = names
        .iter()
        .any(|&(words, matched)| words > 0 && words == matched);
    let bonus = proximity + if whole_name { WHOLE_NAME } else { 0 };
    Analysis {
        occurrences,
        window,
        bonus,
    }
}

/// The largest bonus [`analyze`] can give for this many requirements, to
/// a document with or without names.
pub(super) fn bonus_bound(requirements: usize, named: bool) -> i64 {
    PROXIMITY * (requirements as i64 - 1).max(0) + if named { WHOLE_NAME } else { 0 }
}

/// The shortest run of occurrences holding every requirement, and the bonus
/// it earns: full when the terms stand side by side, shrinking as they spread.
fn best_window(occ: &[Occurrence], requirements: usize) -> (Option<Range<usize>>, i64) {
    if requirements <= 1 {
        let best = occ
            .iter()
            .enumerate()
            .max_by_key(|(i, o)| (o.quality, std::cmp::Reverse(*i)));
        return (best.map(|(i, _)| i..i + 1), 0);
    }
    let mut have = vec![0usize; requirements];
    let mut missing = requirements;
    let mut best: Option<(u32, Range<usize>)> = None;
    let mut lo = 0;
    for hi in 0..occ.len() {
        if have[occ[hi].requirement] == 0 {
            missing -= 1;
        }
        have[occ[hi].requirement] += 1;
        while missing == 0 {
            let last = occ[lo..=hi].iter().map(|o| o.last_pos).max().unwrap_or(0);
            let span = last - occ[lo].pos + 1;
            if best.as_ref().is_none_or(|b| span < b.0) {
                best = Some((span, lo..hi + 1));
            }
            have[occ[lo].requirement] -= 1;
            if have[occ[lo].requirement] == 0 {
                missing += 1;
            }
            lo += 1;
        }
    }
    let Some((span, range)) = best else {
        return (None, 0);
    };
    let ideal: u32 = occ[range.clone()]
        .iter()
        .map(|o| o.last_pos - o.pos + 1)
        .sum::<u32>()
        .max(1);
    let n = requirements as i64;
    (
        Some(range),
        PROXIMITY * (n - 1) * i64::from(ideal.min(span)) / i64::from(span),
    )
}

impl Analysis {
    pub fn into_hit(self, index: &Index, doc: usize, score: i64) -> Hit {
        let d = index.doc(doc);
        let shown = self
            .window
            .clone()
            .map(|w| &self.occurrences[w])
            .unwrap_or_default();
        let field = shown.first().map_or(Field::Text, |o| o.field);
        let source = match field {
            Field::Name(i) => d.names[i].as_str(),
            Field::Text => d.text.as_str(),
        };
        let in_field = |o: &&Occurrence| o.field == field;
        let focus = shown
            .iter()
            .filter(in_field)
            .flat_map(|o| o.marks.iter())
            .fold(None, |acc: Option<Range<usize>>, r| {
                Some(acc.map_or(r.clone(), |a| a.start.min(r.start)..a.end.max(r.end)))
            })
            .unwrap_or(0..0);
        let marks = merged(
            self.occurrences
                .iter()
                .filter(in_field)
                .flat_map(|o| o.marks.iter().cloned()),
        );
        let (mut snippet, mut highlights) = snippet::build(source, focus, &marks, snippet::WIDTH);
        let text_highlights = merged(
            self.occurrences
                .iter()
                .filter(|o| o.field == Field::Text)
                .flat_map(|o| o.marks.iter().cloned()),
        );
        if matches!(field, Field::Name(_)) && !d.text.trim().is_empty() {
            // A matched name alone says little: follow it with the description.
            let room = snippet::WIDTH.saturating_sub(snippet.chars().count() + 3);
            let (rest, marks) = snippet::build(&d.text, 0..0, &text_highlights, room);
            snippet.push_str(" — ");
            let at = snippet.len();
            snippet.push_str(&rest);
            highlights.extend(marks.into_iter().map(|r| r.start + at..r.end + at));
        }
        Hit {
            kind: d.kind,
            doc,
            id: d.id.clone(),
            score,
            title: d.title.clone(),
            snippet,
            highlights,
            text_highlights,
        }
    }
}

/// Sorted, with overlapping or touching ranges joined.
fn merged(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = ranges.filter(|r| !r.is_empty()).collect();
    all.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}
