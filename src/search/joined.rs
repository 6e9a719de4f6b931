//! Words typed without the spaces between them: `liujun` for "Liu Jun",
//! `postalsavings` for "postal savings", `hithink` or `dalianhi` for
//! "Dalian Hi-Think".
//!
//! A query term is split into two or three pieces, every piece but the last
//! a word of the vocabulary and the last a word or the beginning of one (it
//! may still be being typed); the pieces must then stand at consecutive
//! positions of one field. Splitting works on the vocabulary, so it costs a
//! few hash lookups per split point, and the positions come from intersecting
//! postings, walking whichever side is shorter.

use std::ops::Range;

use super::stopwords::is_stop_word;
use super::vocab::{FastMap, Posting, Vocab, TYPED};

/// Characters a piece has at least: one-letter pieces split almost any term.
const MIN_PIECE: usize = 2;
/// Terms this long may also carry a typo (one edit) somewhere in the pieces;
/// shorter ones split into too many unrelated word pairs once edited.
const MIN_TYPO: usize = 8;
/// Every piece typed exactly: just below one word typed exactly.
const EXACT: u8 = 95;
/// Characters the last piece needs to match as the beginning of a word
/// rather than whole: two-letter beginnings take in half the vocabulary.
const MIN_BEGUN: usize = 3;
/// A typo somewhere: as a typo in a single word (below [`TYPED`]).
const TYPO: u8 = 40;

/// One place where a term matched a run of consecutive words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinedMatch {
    /// The first word of the run.
    pub start: Posting,
    pub words: u32,
    pub quality: u8,
    /// Bytes of the last word that were typed (it may be a beginning).
    pub last_mark: usize,
}

/// Every run of 2 or 3 consecutive words that `term` spells without spaces,
/// sorted by position, the best match kept per start. `typos` also tries the
/// term with one edit, when nothing better was found.
pub fn matches(vocab: &Vocab, term: &str, typos: bool) -> Vec<JoinedMatch> {
    if term.chars().count() < 2 * MIN_PIECE {
        return Vec::new();
    }
    let mut c = Collector {
        vocab,
        pairs: FastMap::default(),
        out: Vec::new(),
    };
    splits(vocab, term, &mut |head, last| c.add(head, last, false));
    if c.out.is_empty() && typos && term.is_ascii() && term.len() >= MIN_TYPO {
        for variant in one_edit(term) {
            splits(vocab, &variant, &mut |head, last| c.add(head, last, true));
        }
    }
    let mut out = c.out;
    out.sort_unstable_by_key(|m| (m.start.doc, m.start.pos, std::cmp::Reverse(m.quality)));
    out.dedup_by_key(|m| m.start);
    out
}

/// Calls `f` with the word ids of the leading pieces and the last piece's
/// text, for every way of splitting `s` into 2 or 3 pieces whose leading
/// pieces are words. Function words neither begin nor end a run ("into" is
/// not "in to"), but may stand inside one ("bankofchina").
fn splits(vocab: &Vocab, s: &str, f: &mut impl FnMut(&[u32], &str)) {
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    let n = bounds.len() - 1;
    let word = |a: usize, b: usize| vocab.id(&s[bounds[a]..bounds[b]]);
    for i in MIN_PIECE..=n.saturating_sub(MIN_PIECE) {
        let Some(first) = word(0, i) else { continue };
        if is_stop_word(&s[..bounds[i]]) {
            continue;
        }
        f(&[first], &s[bounds[i]..]);
        for j in i + MIN_PIECE..=n.saturating_sub(MIN_PIECE) {
            if let Some(middle) = word(i, j) {
                f(&[first, middle], &s[bounds[j]..]);
            }
        }
    }
}

/// Gathers the runs of one term, remembering the positions of two-word
/// heads: a term's one-edit variants share them by the hundred.
struct Collector<'a> {
    vocab: &'a Vocab,
    pairs: FastMap<(u32, u32), Vec<Posting>>,
    out: Vec<JoinedMatch>,
}

impl Collector<'_> {
    /// Adds the runs made of the words `head` followed by a word that `last`
    /// is, or begins when it has [`MIN_BEGUN`] characters and `typo` is
    /// false (an edit and an unfinished word together match too loosely).
    fn add(&mut self, head: &[u32], last: &str, typo: bool) {
        let vocab = self.vocab;
        if is_stop_word(last) {
            return;
        }
        let typed = last.chars().count();
        let lasts = if typo || typed < MIN_BEGUN {
            vocab.id(last).into_iter().collect()
        } else {
            vocab.prefix_words(last)
        };
        if lasts.is_empty() {
            return;
        }
        // The first word's postings can be long: read in place, not copied.
        let starts = match *head {
            [first, middle] => self.pairs.entry((first, middle)).or_insert_with(|| {
                let found = follow(vocab, vocab.postings(first), 1, &[middle]);
                found.into_iter().map(|(p, _)| p).collect()
            }),
            _ => vocab.postings(head[0]),
        };
        for (start, id) in follow(vocab, starts, head.len() as u32, &lasts) {
            let chars = vocab.word(id).chars().count();
            let quality = match (typo, chars == typed) {
                (true, _) => TYPO,
                (false, true) => EXACT,
                (false, false) => TYPED + (30 * typed / chars) as u8,
            };
            self.out.push(JoinedMatch {
                start,
                words: head.len() as u32 + 1,
                quality,
                last_mark: last.len(),
            });
        }
    }
}

/// The starts followed, `offset` positions on, by one of `ids`, with the id.
fn follow(vocab: &Vocab, starts: &[Posting], offset: u32, ids: &[u32]) -> Vec<(Posting, u32)> {
    let key = |p: &Posting| (p.doc, p.pos);
    let scan: usize = ids.iter().map(|&id| vocab.postings(id).len()).sum();
    let mut out = Vec::new();
    if starts.len().saturating_mul(ids.len()) <= scan {
        for s in starts {
            let want = (s.doc, s.pos + offset);
            let found = ids.iter().find(|&&id| {
                vocab
                    .postings(id)
                    .binary_search_by(|p| key(p).cmp(&want))
                    .is_ok()
            });
            if let Some(&id) = found {
                out.push((*s, id));
            }
        }
        return out;
    }
    for &id in ids {
        for p in vocab.postings(id).iter().filter(|p| p.pos >= offset) {
            let want = (p.doc, p.pos - offset);
            if let Ok(i) = starts.binary_search_by(|s| key(s).cmp(&want)) {
                out.push((starts[i], id));
            }
        }
    }
    out.sort_unstable_by_key(|(p, _)| key(p));
    out
}

/// Follows the runs of one document as its words go by, for highlighting.
pub(super) struct RunReader {
    /// (term, run) of the document.
    runs: Vec<(usize, JoinedMatch)>,
    /// Where each run began, in the folded field.
    starts: Vec<usize>,
}

/// A run read to its end: one mark from its first word to the typed part of
/// its last, as a folded byte range.
pub(super) struct RunEnd {
    pub term: usize,
    pub run: JoinedMatch,
    pub folded: Range<usize>,
}

impl RunReader {
    /// The runs in document `doc`, of every term's runs (sorted by position).
    pub fn new(terms: &[&[JoinedMatch]], doc: usize) -> RunReader {
        let doc = doc as u32;
        let mut runs = Vec::new();
        for (term, all) in terms.iter().enumerate() {
            let from = all.partition_point(|m| m.start.doc < doc);
            let here = all[from..].iter().take_while(|m| m.start.doc == doc);
            runs.extend(here.map(|m| (term, *m)));
        }
        let starts = vec![0; runs.len()];
        RunReader { runs, starts }
    }

    /// Whether the word at `pos` (at `span` in the folded field) is part of
    /// a run; calls `end` for each run it ends.
    pub fn word(&mut self, pos: u32, span: Range<usize>, mut end: impl FnMut(RunEnd)) -> bool {
        let mut inside = false;
        for (k, &(term, run)) in self.runs.iter().enumerate() {
            let Some(at) = pos.checked_sub(run.start.pos).filter(|&a| a < run.words) else {
                continue;
            };
            inside = true;
            if at == 0 {
                self.starts[k] = span.start;
            }
            if at + 1 == run.words {
                let last = span.start + run.last_mark.min(span.len());
                end(RunEnd {
                    term,
                    run,
                    folded: self.starts[k]..last,
                });
            }
        }
        inside
    }
}

/// The term with one letter left out, swapped with the next, replaced or
/// added (ASCII letters only: the edits a keyboard makes).
fn one_edit(t: &str) -> Vec<String> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let text = |v: Vec<u8>| String::from_utf8(v).unwrap_or_default();
    for i in 0..b.len() {
        out.push(text([&b[..i], &b[i + 1..]].concat()));
        if i + 1 < b.len() && b[i] != b[i + 1] {
            let mut v = b.to_vec();
            v.swap(i, i + 1);
            out.push(text(v));
        }
    }
    for i in 0..=b.len() {
        for c in b'a'..=b'z' {
            out.push(text([&b[..i], &[c], &b[i..]].concat()));
            if i < b.len() && b[i] != c {
                out.push(text([&b[..i], &[c], &b[i + 1..]].concat()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(text: &[&str]) -> Vocab {
        let mut v = Vocab::default();
        for (i, w) in text.iter().enumerate() {
            v.add(
                w,
                Posting {
                    doc: 0,
                    pos: i as u32,
                },
            );
        }
        v.finish();
        v
    }

    #[test]
    fn splits_into_consecutive_words_the_last_maybe_begun() {
        let v = vocab(&["the", "postal", "savings", "system", "liu", "said", "jun"]);
        let found = |t: &str| -> Vec<(u32, u32, u8)> {
            matches(&v, t, true)
                .iter()
                .map(|m| (m.start.pos, m.words, m.quality))
                .collect()
        };
        assert_eq!(found("postalsavings"), [(1, 2, EXACT)]);
        assert_eq!(found("postalsavingssystem"), [(1, 3, EXACT)]);
        assert_eq!(found("postalsav"), [(1, 2, TYPED + 12)]);
        assert!(found("liujun").is_empty(), "not side by side");
        assert!(found("thepostal").is_empty(), "a function word first");
        assert_eq!(found("postalsavigns"), [(1, 2, TYPO)]);
        assert_eq!(found("postlasavings"), [(1, 2, TYPO)]);
    }

    #[test]
    fn intersection_walks_either_side() {
        let starts = [Posting { doc: 0, pos: 1 }, Posting { doc: 2, pos: 5 }];
        let mut v = Vocab::default();
        for (doc, pos) in [(0, 2), (1, 1), (2, 6), (3, 0)] {
            v.add("x", Posting { doc, pos });
        }
        v.finish();
        let got = follow(&v, &starts, 1, &[0]);
        assert_eq!(got.iter().map(|(p, _)| p.doc).collect::<Vec<_>>(), [0, 2]);
        let got = follow(&v, &starts[..1], 1, &[0]);
        assert_eq!(got.len(), 1);
    }
}
