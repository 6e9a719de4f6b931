//! Re-attaching notes to a text that may have changed since they were written.
//!
//! In order: (1) the note's own passage still holds the quote: anchored;
//! (2) the quote occurs elsewhere with matching prefix and suffix: drifted;
//! (3) a close enough fuzzy match with matching context: drifted. Anything
//! ambiguous (two equally good places) or too far off is orphaned: a note is
//! never moved to a lookalike passage on a guess. Comparison is on
//! whitespace-collapsed text, so re-wrapped lines do not count as changes.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use crate::model::Document;

use super::model::{Anchor, Quote, Target};
use super::text::{closest_substring, similarity, Norm};

/// Minimum quote similarity (1 - edit distance / length) for a fuzzy match.
pub const MIN_QUOTE_SIMILARITY: f64 = 0.8;
/// Minimum mean similarity of prefix and suffix for a match outside the note's passage.
pub const MIN_CONTEXT: f64 = 0.6;
/// Characters of recorded prefix and suffix compared with the text, nearest the quote first.
pub const CONTEXT_WINDOW: usize = 128;
/// Two candidates closer than this in score are a tie, and a tie does not anchor.
const TIE: f64 = 0.02;

type Gram = [char; 3];

/// A document prepared for anchoring many notes.
pub struct Anchorer<'d> {
    doc: &'d Document,
    /// Normalised passages and their trigram sets, each built on first use:
    /// most notes are found in their own passage, so most are never needed.
    norms: Vec<OnceCell<Norm>>,
    grams: Vec<OnceCell<HashSet<Gram>>>,
}

struct Candidate {
    passage: usize,
    range: Range<usize>,
    score: f64,
}

impl<'d> Anchorer<'d> {
    pub fn new(doc: &'d Document) -> Anchorer<'d> {
        let n = doc.passages.len();
        Anchorer {
            doc,
            norms: std::iter::repeat_with(OnceCell::new).take(n).collect(),
            grams: std::iter::repeat_with(OnceCell::new).take(n).collect(),
        }
    }

    fn norm(&self, pi: usize) -> &Norm {
        self.norms[pi].get_or_init(|| Norm::new(&self.doc.passages[pi].text))
    }

    pub fn anchor(&self, target: &Target) -> Anchor {
        let quote = Norm::new(&target.quote.exact);
        if quote.is_empty() {
            return Anchor::Orphaned;
        }
        let own = target
            .passage
            .as_deref()
            .and_then(|id| self.doc.passage_index(id));
        if let Some(pi) = own {
            if let Some(range) = self.in_own_passage(pi, &quote, target) {
                let span = self.norm(pi).bytes(range);
                return Anchor::Anchored { passage: pi, span };
            }
        }
        // A changed quote still in its own passage stays there, as an exact one does.
        let found = own
            .and_then(|pi| self.pick(self.fuzzy(&quote.chars, &target.quote, pi..pi + 1)))
            .or_else(|| self.pick(self.exact_elsewhere(&quote, &target.quote)))
            .or_else(|| {
                self.pick(self.fuzzy(&quote.chars, &target.quote, 0..self.doc.passages.len()))
            });
        match found {
            Some(c) => {
                let span = self.norm(c.passage).bytes(c.range);
                match &target.passage {
                    // A quote-only note placed for the first time has not moved.
                    None => Anchor::Anchored {
                        passage: c.passage,
                        span,
                    },
                    Some(from) => Anchor::Drifted {
                        passage: c.passage,
                        span,
                        from: Some(from.clone()),
                    },
                }
            }
            None => Anchor::Orphaned,
        }
    }

    /// The occurrence in the note's own passage with the best context, then
    /// the one nearest the recorded position.
    fn in_own_passage(&self, pi: usize, quote: &Norm, target: &Target) -> Option<Range<usize>> {
        let wanted = target.position.as_ref().map_or(0, |p| p.start);
        self.norm(pi)
            .find_all(quote)
            .into_iter()
            .map(|s| s..s + quote.len())
            .map(|r| (self.context(pi, &r, &target.quote), r))
            .max_by(|(a, ra), (b, rb)| {
                a.total_cmp(b).then_with(|| {
                    ra.start
                        .abs_diff(wanted)
                        .cmp(&rb.start.abs_diff(wanted))
                        .reverse()
                })
            })
            .map(|(_, r)| r)
    }

    fn exact_elsewhere(&self, quote: &Norm, q: &Quote) -> Vec<Candidate> {
        let mut out = Vec::new();
        for pi in 0..self.doc.passages.len() {
            for s in self.norm(pi).find_all(quote) {
                let range = s..s + quote.len();
                let score = self.context(pi, &range, q);
                if score >= MIN_CONTEXT {
                    out.push(Candidate {
                        passage: pi,
                        range,
                        score,
                    });
                }
            }
        }
        out
    }

    fn fuzzy(&self, quote: &[char], q: &Quote, passages: Range<usize>) -> Vec<Candidate> {
        let wanted: Vec<Gram> = grams(quote).collect();
        // similarity >= s needs d <= (1 - s) (m + d), so d <= m (1 - s) / s.
        let max_edits = (quote.len() as f64 * (1.0 - MIN_QUOTE_SIMILARITY) / MIN_QUOTE_SIMILARITY)
            .floor() as usize;
        // q-gram lemma: k edits destroy at most 3k of the quote's trigrams.
        let needed = wanted.len() as i64 - 3 * max_edits as i64;
        let mut out = Vec::new();
        for pi in passages {
            let shared = wanted
                .iter()
                .filter(|g| self.grams_of(pi).contains(*g))
                .count();
            if (shared as i64) < needed {
                continue;
            }
            let Some((range, d)) = closest_substring(quote, &self.norm(pi).chars, max_edits) else {
                continue;
            };
            let sim = 1.0 - d as f64 / quote.len().max(range.len()) as f64;
            if sim < MIN_QUOTE_SIMILARITY {
                continue;
            }
            let ctx = self.context(pi, &range, q);
            if ctx >= MIN_CONTEXT {
                let score = 0.8 * sim + 0.2 * ctx;
                out.push(Candidate {
                    passage: pi,
                    range,
                    score,
                });
            }
        }
        out
    }

    fn grams_of(&self, pi: usize) -> &HashSet<Gram> {
        self.grams[pi].get_or_init(|| grams(&self.norm(pi).chars).collect())
    }

    /// The best candidate, unless another is as good.
    fn pick(&self, mut found: Vec<Candidate>) -> Option<Candidate> {
        found.sort_by(|a, b| b.score.total_cmp(&a.score));
        let mut found = found.into_iter();
        let best = found.next()?;
        match found.next() {
            Some(second) if best.score - second.score < TIE => None,
            _ => Some(best),
        }
    }

    /// Mean similarity of the recorded prefix and suffix to the text around
    /// `range`; a side that was not recorded does not count.
    fn context(&self, pi: usize, range: &Range<usize>, q: &Quote) -> f64 {
        let (prefix, suffix) = bounded_context(q);
        let mut sides = Vec::with_capacity(2);
        if !prefix.is_empty() {
            sides.push(similarity(
                &prefix,
                &self.before(pi, range.start, prefix.len()),
            ));
        }
        if !suffix.is_empty() {
            sides.push(similarity(
                &suffix,
                &self.after(pi, range.end, suffix.len()),
            ));
        }
        if sides.is_empty() {
            1.0
        } else {
            sides.iter().sum::<f64>() / sides.len() as f64
        }
    }

    /// Up to `n` characters before `at`, continuing into earlier passages.
    fn before(&self, pi: usize, at: usize, n: usize) -> Vec<char> {
        let mut out: Vec<char> = Vec::with_capacity(n);
        let mut chunk = &self.norm(pi).chars[..at];
        let mut p = pi;
        loop {
            let trimmed = trim_end(chunk);
            let take = trimmed.len().min(n - out.len());
            out.splice(0..0, trimmed[trimmed.len() - take..].iter().copied());
            if out.len() >= n || p == 0 {
                return out;
            }
            out.insert(0, ' ');
            p -= 1;
            chunk = &self.norm(p).chars;
        }
    }

    /// Up to `n` characters after `at`, continuing into later passages.
    fn after(&self, pi: usize, at: usize, n: usize) -> Vec<char> {
        let mut out: Vec<char> = Vec::with_capacity(n);
        let mut chunk = &self.norm(pi).chars[at..];
        let mut p = pi;
        loop {
            let trimmed = trim_start(chunk);
            out.extend(trimmed.iter().take(n - out.len()));
            if out.len() >= n || p + 1 >= self.doc.passages.len() {
                return out;
            }
            out.push(' ');
            p += 1;
            chunk = &self.norm(p).chars;
        }
    }
}

/// The prefix and suffix compared with the text: whitespace-collapsed, at
/// most [`CONTEXT_WINDOW`] characters each, those nearest the quote. The
/// comparison is quadratic in their length, and a tool may record pages of
/// context.
fn bounded_context(q: &Quote) -> (Vec<char>, Vec<char>) {
    // Enough raw text that collapsing whitespace still leaves a full window.
    let raw = |s: &str, from_end: bool| -> String {
        let limit = CONTEXT_WINDOW * 8;
        if from_end {
            let n = s.chars().rev().take(limit).count();
            let start = s
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            s[start..].to_string()
        } else {
            s.chars().take(limit).collect()
        }
    };
    let prefix = Norm::new(&raw(&q.prefix, true)).chars;
    let suffix = Norm::new(&raw(&q.suffix, false)).chars;
    let skip = prefix.len().saturating_sub(CONTEXT_WINDOW);
    let prefix = prefix[skip..].to_vec();
    let suffix = suffix.into_iter().take(CONTEXT_WINDOW).collect();
    (prefix, suffix)
}

fn trim_end(c: &[char]) -> &[char] {
    let end = c.iter().rposition(|c| *c != ' ').map_or(0, |i| i + 1);
    &c[..end]
}

fn trim_start(c: &[char]) -> &[char] {
    let start = c.iter().position(|c| *c != ' ').unwrap_or(c.len());
    &c[start..]
}

fn grams(chars: &[char]) -> impl Iterator<Item = Gram> + '_ {
    chars.windows(3).map(|w| [w[0], w[1], w[2]])
}
