//! Ranking in two stages.
//!
//! Hits come by class first (see [`CLASS_STEP`]): every term matched as
//! typed before mere resemblance, and entities found only through their
//! description after the hits that contain the words.
//!
//! Stage one walks the postings of every matched word and keeps, per
//! document and query term, the best match quality and how often the term
//! occurs; documents missing a term drop out. Its score rewards good matches
//! (whole words over prefixes over fragments over typos), matches in entity
//! names, and repetition (a passage that keeps naming the thing is about it).
//! Stage two re-reads only the best candidates to find where the terms sit:
//! all terms close together earn a proximity bonus, a query that spells out
//! a whole entity name earns a name bonus, and the closest window becomes
//! the snippet.

use crate::notes::filter::label_starts_with;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use super::analyze::{analyze, bonus_bound, Analysis, Lookup};
use super::index::{Index, TermMatches};
use super::query::Query;
use super::vocab::{Posting, TYPED};
use super::{Hit, HitKind};

/// Candidates stage two may re-read, at least; beyond `limit` it reads only
/// those whose bonus could still change the top of the list.
const RECHECK: usize = 256;

/// What one document shows of one query term (or phrase).
#[derive(Debug, Clone, Copy, Default)]
struct Stat {
    quality: u8,
    name_quality: u8,
    count: u16,
}

impl Stat {
    fn add(&mut self, quality: u8, in_name: bool) {
        self.quality = self.quality.max(quality);
        if in_name {
            self.name_quality = self.name_quality.max(quality);
        }
        self.count = self.count.saturating_add(1);
    }

    /// A name match counts half as much again; repetition saturates at double.
    fn points(self) -> i64 {
        let quality = i64::from(self.quality).max(i64::from(self.name_quality) * 3 / 2);
        let n = i64::from(self.count);
        quality * (10 + 10 * (n - 1) / (n + 1)) / 10
    }
}

pub(super) fn kind_bonus(kind: HitKind) -> i64 {
    match kind {
        HitKind::Entity => 40,
        HitKind::Section => 20,
        HitKind::Note => 10,
        HitKind::Passage => 0,
        HitKind::Footnote => -10,
        HitKind::Reference => -20,
    }
}

/// Scores are ranked by class first: a document matching every term as
/// typed (whole word or beginning) comes before any matching only by
/// resemblance or typo, however often or prominently those occur; within
/// that, an entity found only through its description comes after the
/// passages and other hits that contain the words. The class is kept in the
/// high part of the internal score and taken off the hit's score.
const CLASS_STEP: i64 = 1 << 40;

/// The class of an internal score, and the score within the class.
fn split_class(key: i64) -> (i64, i64) {
    let class = (key + CLASS_STEP / 2).div_euclid(CLASS_STEP);
    (class, key - class * CLASS_STEP)
}

/// Matched words of each query term, then the occurrences of each phrase.
pub(super) struct Resolved {
    pub terms: Vec<Arc<TermMatches>>,
    pub phrases: Vec<Vec<Posting>>,
}

impl Resolved {
    fn requirements(&self) -> usize {
        self.terms.len() + self.phrases.len()
    }
}

pub(super) fn search(index: &Index, query: &Query, limit: usize) -> Vec<Hit> {
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let resolved = Resolved {
        terms: query.terms.iter().map(|t| index.term_matches(t)).collect(),
        phrases: query
            .phrases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let open = query.open_phrase && i + 1 == query.phrases.len();
                phrase_postings(index, &phrase_words(index, p, open))
            })
            .collect(),
    };
    if resolved.terms.iter().any(|m| m.is_empty()) || resolved.phrases.iter().any(Vec::is_empty) {
        return Vec::new();
    }
    let allowed = |doc: usize| allowed(index, query, doc);
    let mut scored = candidates(index, &resolved, &allowed);
    for (doc, base) in &mut scored {
        *base += tag_points(index, query, *doc);
    }
    let by_score = |a: &(usize, i64), b: &(usize, i64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    let keep = (limit * 4).max(RECHECK);
    if keep < scored.len() {
        scored.select_nth_unstable_by(keep, by_score);
        scored.truncate(keep);
    }
    scored.sort_unstable_by(by_score);
    let lookup = Lookup::new(index, &resolved, query);
    let requirements = resolved.requirements();
    let most = bonus_bound(requirements, true);
    // Final scores of the best `limit` documents so far, lowest on top.
    let mut best = BinaryHeap::new();
    let mut hits: Vec<(i64, usize, Analysis)> = Vec::new();
    for (doc, base) in scored {
        // Candidates come by falling base score: once even the largest
        // bonus cannot lift one above the top `limit` (ties go to the earlier
        // document), none after it can.
        let floor = best
            .peek()
            .filter(|_| best.len() == limit)
            .map(|&Reverse(f)| f);
        if floor.is_some_and(|f| base + most <= f) {
            break;
        }
        let named = !index.doc(doc).names.is_empty();
        if floor.is_some_and(|f| base + bonus_bound(requirements, named) <= f) {
            continue;
        }
        let analysis = analyze(index, doc, &lookup);
        let score = base + analysis.bonus;
        best.push(Reverse(score));
        if best.len() > limit {
            best.pop();
        }
        hits.push((score, doc, analysis));
    }
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.truncate(limit);
    hits.into_iter()
        .map(|(key, doc, analysis)| analysis.into_hit(index, doc, split_class(key).1))
        .collect()
}

fn allowed(index: &Index, query: &Query, doc: usize) -> bool {
    let d = index.doc(doc);
    let kind_ok = query.filters.is_empty()
        || query
            .filters
            .iter()
            .any(|f| f.accepts(d.kind, d.subkind.as_deref()));
    let tags = index.tags(doc);
    kind_ok
        && query
            .tags
            .iter()
            .all(|want| tags.iter().any(|t| label_starts_with(t, want)))
}

fn tag_points(index: &Index, query: &Query, doc: usize) -> i64 {
    let tags = index.tags(doc);
    query
        .tags
        .iter()
        .map(|want| if tags.contains(want) { 100 } else { 70 })
        .sum()
}

/// Stage one: every document that has all terms and phrases, with its score.
fn candidates(
    index: &Index,
    resolved: &Resolved,
    allowed: &dyn Fn(usize) -> bool,
) -> Vec<(usize, i64)> {
    let n = index.len();
    let base = |doc: usize| kind_bonus(index.doc(doc).kind);
    if resolved.requirements() == 0 {
        return (0..n)
            .filter(|&d| allowed(d))
            .map(|d| (d, base(d)))
            .collect();
    }
    let in_name = |p: &Posting| p.pos < index.text_start(p.doc as usize);
    let mut stats: Vec<Vec<Stat>> = Vec::with_capacity(resolved.requirements());
    for matches in &resolved.terms {
        let mut s = vec![Stat::default(); n];
        for m in &matches.words {
            for p in index.vocab.postings(m.word) {
                s[p.doc as usize].add(m.quality, in_name(p));
            }
        }
        for m in &matches.joined {
            s[m.start.doc as usize].add(m.quality, in_name(&m.start));
        }
        stats.push(s);
    }
    for occurrences in &resolved.phrases {
        let mut s = vec![Stat::default(); n];
        for p in occurrences {
            s[p.doc as usize].add(100, in_name(p));
        }
        stats.push(s);
    }
    (0..n)
        .filter(|&d| stats.iter().all(|s| s[d].count > 0) && allowed(d))
        .map(|d| {
            // An entity ranks as one when its name matched, not only its description.
            let named = stats.iter().any(|s| s[d].name_quality > 0);
            let described_only = !named && index.doc(d).kind == HitKind::Entity;
            let kind = if described_only { 0 } else { base(d) };
            let typed = stats.iter().all(|s| s[d].quality >= TYPED);
            let class = 2 * i64::from(typed) + i64::from(!described_only);
            let points = stats.iter().map(|s| s[d].points()).sum::<i64>();
            (d, class * CLASS_STEP + kind + points)
        })
        .collect()
}

/// The words each phrase word accepts: itself, or for the partial last word
/// of an open phrase, every word it begins.
pub(super) fn phrase_words(index: &Index, words: &[String], open: bool) -> Vec<Vec<u32>> {
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| match open && i == last {
            true => index.vocab.prefix_words(w),
            false => index.vocab.id(w).into_iter().collect(),
        })
        .collect()
}

/// Where a phrase starts: its words at consecutive positions, found by
/// probing the other words' postings from the rarest word's.
fn phrase_postings(index: &Index, accepted: &[Vec<u32>]) -> Vec<Posting> {
    let vocab = &index.vocab;
    let size = |ids: &Vec<u32>| {
        ids.iter()
            .map(|&id| vocab.postings(id).len())
            .sum::<usize>()
    };
    let Some((rare, rare_ids)) = accepted.iter().enumerate().min_by_key(|(_, ids)| size(ids))
    else {
        return Vec::new();
    };
    let has = |ids: &Vec<u32>, want: Posting| {
        ids.iter().any(|&id| {
            vocab
                .postings(id)
                .binary_search_by(|p| (p.doc, p.pos).cmp(&(want.doc, want.pos)))
                .is_ok()
        })
    };
    let mut starts: Vec<Posting> = rare_ids
        .iter()
        .flat_map(|&id| vocab.postings(id))
        .filter(|p| p.pos >= rare as u32)
        .map(|p| Posting {
            doc: p.doc,
            pos: p.pos - rare as u32,
        })
        .filter(|start| {
            accepted.iter().enumerate().all(|(i, ids)| {
                i == rare
                    || has(
                        ids,
                        Posting {
                            doc: start.doc,
                            pos: start.pos + i as u32,
                        },
                    )
            })
        })
        .collect();
    starts.sort_unstable_by_key(|p| (p.doc, p.pos));
    starts.dedup();
    starts
}
