//! Finds the names and aliases of catalogue entities in a text.
//!
//! One automaton is built per catalogue. It reports every occurrence of
//! every name (overlapping), then matches that break a rule are dropped
//! and the leftmost-longest of the rest are kept. Filtering before choosing
//! matters: with the automaton's own leftmost-longest mode a rejected match
//! (`nec` inside `necessary`, a lower-case `ge`) would hide a valid shorter
//! one starting at the same place.
//!
//! Rules: names are matched ASCII-case-insensitively, except names without
//! lower-case letters (`GE`, `NEC`, `DLSP`), which must match exactly; a
//! match may not start or end inside a word (letters and digits are word
//! characters, so `Neusoft's` contains `Neusoft`).

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::catalog::Catalog;

#[derive(Debug, Clone)]
struct Pattern {
    entity: usize,
    /// `None` for the canonical name, else the index into `aliases`.
    alias: Option<usize>,
    exact_case: bool,
    starts_with_word: bool,
    ends_with_word: bool,
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub entity: usize,
    pub alias: Option<usize>,
    pub span: Range<usize>,
}

/// The compiled names of one catalogue.
#[derive(Debug, Clone)]
pub struct Linker {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    texts: Vec<String>,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

impl Linker {
    pub fn new(catalog: &Catalog) -> Linker {
        let mut patterns = Vec::new();
        let mut texts = Vec::new();
        for (entity, e) in catalog.entities.iter().enumerate() {
            for (n, name) in e.names().enumerate() {
                let name = name.trim();
                if name.is_empty() {
                    continue;
                }
                patterns.push(Pattern {
                    entity,
                    alias: n.checked_sub(1),
                    exact_case: !name.chars().any(char::is_lowercase),
                    starts_with_word: name.chars().next().is_some_and(is_word),
                    ends_with_word: name.chars().next_back().is_some_and(is_word),
                });
                texts.push(name.to_string());
            }
        }
        let automaton = (!texts.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                // A full DFA costs milliseconds to build for a few hundred
                // names; the contiguous NFA builds in microseconds and scans
                // a paper about as fast.
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&texts)
                .expect("names are plain strings; building cannot fail below the size limit")
        });
        Linker {
            automaton,
            patterns,
            texts,
        }
    }

    /// Every mention in `text`, in order, none overlapping another.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut hits: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(text)
            .filter(|m| self.accepts(m.pattern().as_usize(), text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        // Leftmost first, then longest, then the earlier catalogue entry.
        hits.sort_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        let mut found = Vec::new();
        let mut end = 0;
        for (s, e, p) in hits {
            if s < end {
                continue;
            }
            end = e;
            let pattern = &self.patterns[p];
            found.push(Found {
                entity: pattern.entity,
                alias: pattern.alias,
                span: s..e,
            });
        }
        found
    }

    fn accepts(&self, p: usize, text: &str, start: usize, end: usize) -> bool {
        let pattern = &self.patterns[p];
        if pattern.exact_case && text[start..end] != self.texts[p] {
            return false;
        }
        // ASCII-insensitive matches of ASCII patterns always fall on char
        // boundaries; a pattern with non-ASCII bytes matches exactly those.
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        !(pattern.starts_with_word && before.is_some_and(is_word)
            || pattern.ends_with_word && after.is_some_and(is_word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn catalog(toml: &str) -> Catalog {
        Catalog::parse(Path::new("entities.toml"), toml).unwrap()
    }

    fn names(linker: &Linker, cat: &Catalog, text: &str) -> Vec<(String, String)> {
        linker
            .find(text)
            .into_iter()
            .map(|f| (cat.entities[f.entity].id.clone(), text[f.span].to_string()))
            .collect()
    }

    #[test]
    fn acronyms_match_exact_case_and_whole_words_only() {
        let cat = catalog(
            r#"
            [[entity]]
            id = "nec"
            kind = "firm"
            name = "NEC"
            [[entity]]
            id = "ge"
            kind = "firm"
            name = "GE"
            "#,
        );
        let l = Linker::new(&cat);
        let text = "It is necessary: NEC, Nec, GE and general ge. NEC's GEs";
        let got = names(&l, &cat, text);
        assert_eq!(
            got,
            vec![
                ("nec".into(), "NEC".into()),
                ("ge".into(), "GE".into()),
                ("nec".into(), "NEC".into()),
            ]
        );
    }

    #[test]
    fn a_rejected_long_match_does_not_hide_a_short_one() {
        let cat = catalog(
            r#"
            [[entity]]
            id = "dalian"
            kind = "place"
            name = "Dalian"
            [[entity]]
            id = "dp"
            kind = "place"
            name = "Dalian Parks"
            "#,
        );
        let l = Linker::new(&cat);
        let got = names(&l, &cat, "Dalian Parkside");
        assert_eq!(got, vec![("dalian".into(), "Dalian".into())]);
    }
}
