//! The vocabulary: every distinct folded token with its postings, and the
//! matching of one query term against it (exact, prefix, fuzzy, typo).
//!
//! Fuzzy matching runs against single words, never against whole passages:
//! a subsequence smeared over a paragraph matches almost anything.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

pub use super::fasthash::FastMap;
use super::query::Term;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub pos: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Typo,
    Fuzzy,
    Prefix,
    Exact,
}

/// Qualities from here up are exact or prefix matches: what was typed, not
/// what resembles it.
pub const TYPED: u8 = 60;

/// One vocabulary word matched by a term, with how well (0..=100) and which
/// bytes of the word to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordMatch {
    pub word: u32,
    pub kind: MatchKind,
    pub quality: u8,
    pub marks: Vec<Range<usize>>,
}

#[derive(Default)]
pub struct Vocab {
    words: Vec<Box<str>>,
    ids: FastMap<Box<str>, u32>,
    postings: Vec<Vec<Posting>>,
    /// Which ASCII letters and digits a word contains: a cheap subset test
    /// before running the fuzzy matcher.
    pub(super) masks: Vec<u64>,
    /// Entries kept whole for literal matching ("27.5%"), by id.
    pub(super) compound: Vec<bool>,
    /// Word ids in byte order of the words, for prefix ranges.
    sorted: Vec<u32>,
}

impl Vocab {
    pub fn add(&mut self, token: &str, posting: Posting) {
        let id = match self.ids.get(token) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.words.push(token.into());
                self.ids.insert(token.into(), id);
                self.postings.push(Vec::new());
                self.masks.push(mask(token));
                self.compound.push(is_compound(token));
                id
            }
        };
        self.postings[id as usize].push(posting);
    }

    /// Call after adding: sorts the words for prefix lookup.
    pub fn finish(&mut self) {
        let words = &self.words;
        self.sorted = (0..words.len() as u32).collect();
        self.sorted
            .sort_unstable_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
    }

    /// Drops every posting of documents numbered `first_doc` or above
    /// (postings are in document order, so this only trims list ends).
    pub fn truncate_docs(&mut self, first_doc: u32) {
        for list in &mut self.postings {
            while list.last().is_some_and(|p| p.doc >= first_doc) {
                list.pop();
            }
        }
    }

    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn postings(&self, id: u32) -> &[Posting] {
        &self.postings[id as usize]
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Approximate heap use in bytes.
    pub fn heap_bytes(&self) -> usize {
        let text: usize = self.words.iter().map(|w| 2 * w.len()).sum();
        let postings: usize = self.postings.iter().map(|p| p.capacity() * 8 + 24).sum();
        let per_word = 16 + 16 + 8 + 8 + 4 + 8; // boxes, map slot, mask, sorted, hash overhead
        text + postings + self.words.len() * per_word
    }

    /// Words starting with `prefix`, as a range of `sorted`.
    pub(super) fn prefix_range(&self, prefix: &str) -> &[u32] {
        let key = |id: &u32| &*self.words[*id as usize];
        let start = self.sorted.partition_point(|id| key(id) < prefix);
        let len = self.sorted[start..].partition_point(|id| key(id).starts_with(prefix));
        &self.sorted[start..start + len]
    }

    /// Plain words (not compounds) starting with `prefix`, the word itself included.
    pub fn prefix_words(&self, prefix: &str) -> Vec<u32> {
        let live =
            |id: &&u32| !self.compound[**id as usize] && !self.postings[**id as usize].is_empty();
        self.prefix_range(prefix)
            .iter()
            .filter(live)
            .copied()
            .collect()
    }

    /// Every word the term matches, best match per word.
    pub fn matches(&self, term: &Term, skim: &SkimMatcherV2) -> Vec<WordMatch> {
        let t = term.text.as_str();
        let mut out: Vec<WordMatch> = Vec::new();
        let live = |id: u32| !self.postings[id as usize].is_empty();
        for &id in self.prefix_range(t) {
            let w = self.word(id);
            if !live(id) || (!term.literal && self.compound[id as usize]) {
                continue;
            }
            let (kind, quality) = if w.len() == t.len() {
                (MatchKind::Exact, 100)
            } else {
                let ratio = 30 * t.chars().count() / w.chars().count();
                (MatchKind::Prefix, TYPED + ratio as u8)
            };
            out.push(WordMatch {
                word: id,
                kind,
                quality,
                marks: head(t.len()),
            });
        }
        if term.literal {
            return out;
        }
        let n = t.chars().count();
        if n >= 3 {
            self.fuzzy(t, skim, &mut out);
        }
        if n >= 5 {
            super::typo::typos(self, t, &mut out);
        }
        out
    }

    fn fuzzy(&self, t: &str, skim: &SkimMatcherV2, out: &mut Vec<WordMatch>) {
        let want = mask(t);
        // The score a perfect match of this term earns; fuzzy matches must come close.
        let Some(best) = skim.fuzzy_match(t, t) else {
            return;
        };
        let first = t.as_bytes()[0];
        // A fuzzy match may break the term into a few runs, one per three
        // letters: "neusft" finds "neusoft", "liu" does not find "lihua".
        let max_runs = 1 + (t.chars().count() - 1) / 3;
        for (id, w) in self.words.iter().enumerate() {
            if self.masks[id] & want != want
                || w.len() <= t.len()
                || w.as_bytes()[0] == first && w.starts_with(t)
                || self.postings[id].is_empty()
                || self.compound[id]
                || !is_subsequence(t.as_bytes(), w.as_bytes())
            {
                continue;
            }
            if max_runs == 1 && !w.contains(t) {
                continue;
            }
            let Some((score, chars)) = skim.fuzzy_indices(w, t) else {
                continue;
            };
            if score * 2 < best || runs(&chars) > max_runs {
                continue;
            }
            let quality = 25 + (25 * score.min(best) / best) as u8;
            out.push(WordMatch {
                word: id as u32,
                kind: MatchKind::Fuzzy,
                quality,
                marks: char_marks(w, &chars),
            });
        }
    }
}

/// A vocabulary entry kept whole for literal matching ("27.5%", "xi'an").
fn is_compound(w: &str) -> bool {
    !w.chars().all(char::is_alphanumeric)
}

pub(super) fn mask(word: &str) -> u64 {
    word.bytes().fold(0, |m, b| {
        m | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 1 << 63,
        }
    })
}

fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|b| it.any(|h| h == b))
}

/// The first `len` bytes of a word, as its only mark.
pub(super) fn head(len: usize) -> Vec<Range<usize>> {
    vec![Range { start: 0, end: len }]
}

/// Number of runs of consecutive indices.
fn runs(indices: &[usize]) -> usize {
    indices.windows(2).filter(|w| w[1] != w[0] + 1).count() + usize::from(!indices.is_empty())
}

/// Byte ranges of the given character indices, adjacent ones merged.
fn char_marks(word: &str, chars: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, (at, c)) in word.char_indices().enumerate() {
        if chars.contains(&i) {
            match out.last_mut() {
                Some(r) if r.end == at => r.end = at + c.len_utf8(),
                _ => out.push(at..at + c.len_utf8()),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> Vocab {
        let mut v = Vocab::default();
        for (i, w) in words.iter().enumerate() {
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

    fn found(v: &Vocab, term: &str, literal: bool) -> Vec<(String, MatchKind)> {
        let term = Term {
            text: term.into(),
            literal,
        };
        let mut m: Vec<_> = v
            .matches(&term, &SkimMatcherV2::default())
            .into_iter()
            .map(|m| (v.word(m.word).to_string(), m.kind))
            .collect();
        m.sort();
        m
    }

    #[test]
    fn exact_prefix_fuzzy_and_typo() {
        use MatchKind::*;
        let v = vocab(&[
            "nec",
            "necessary",
            "connection",
            "neusoft",
            "since",
            "27.5%",
            "27",
        ]);
        let nec = found(&v, "nec", false);
        assert!(nec.contains(&("nec".into(), Exact)));
        assert!(nec.contains(&("necessary".into(), Prefix)));
        assert!(nec.contains(&("connection".into(), Fuzzy)), "{nec:?}");
        assert!(!nec.iter().any(|m| m.0 == "since"));
        let names = vocab(&["lihua", "liu", "neusoft", "government"]);
        assert_eq!(found(&names, "liu", false), [("liu".into(), Exact)]);
        assert_eq!(found(&names, "neusft", false), [("neusoft".into(), Fuzzy)]);
        assert!(found(&names, "govmnt", false).is_empty());
        assert_eq!(found(&v, "neusfot", false), [("neusoft".into(), Typo)]);
        assert_eq!(found(&v, "neusfo", false), [("neusoft".into(), Typo)]);
        assert_eq!(found(&v, "27.5%", true), [("27.5%".into(), Exact)]);
        assert_eq!(
            found(&v, "27", true),
            [("27".into(), Exact), ("27.5%".into(), Prefix)]
        );
    }

    #[test]
    fn marks_cover_the_matched_characters() {
        let bytes =
            |marks: Vec<Range<usize>>| marks.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
        assert_eq!(bytes(char_marks("connection", &[3, 4, 5])), [(3, 6)]);
        assert_eq!(bytes(char_marks("xiàb", &[2, 3])), [(2, 5)]);
    }
}
