//! Matching a cited author and year to an entry of the reference list.

use super::citations::year_at;
use std::collections::HashMap;

use crate::corpus::refs::numeric_label;
use crate::model::Reference;

/// The reference list, prepared for matching. Author words are stored once
/// each and named by number: a long list repeats its authors many times.
#[derive(Debug, Clone)]
pub struct Resolver {
    entries: Vec<Entry>,
    words: HashMap<String, u32>,
    /// Entries by first author word and the year they are filed under, and
    /// by other years they print: a citation only looks at works that share
    /// its first author and its year.
    by_year: HashMap<(u32, i32), Vec<u32>>,
    by_printed: HashMap<(u32, i32), Vec<u32>>,
    /// Entries by their printed number, in a numbered list (`[12] ...`).
    by_label: HashMap<u32, usize>,
}

#[derive(Debug, Clone)]
struct Entry {
    author: Box<[u32]>,
    /// The authors' surnames where the list names them given name first
    /// (`Alan Genz and Frank Bretz`), which a citation cites by surname.
    given_first: Option<Box<[u32]>>,
    /// The last character of the entry's id: the `a` of `smith2008a`.
    id_ends: Option<char>,
}

impl Entry {
    /// The author words as printed, and as surnames where they differ.
    fn readings(&self) -> impl Iterator<Item = &[u32]> {
        std::iter::once(&self.author[..]).chain(self.given_first.as_deref())
    }
}

/// Stands for a cited word that no entry has.
const UNKNOWN: u32 = u32::MAX;

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
        // Initials after a surname, as JSS prints them: `Venables WN, Ripley BD`.
        .filter(|(i, w)| !(*i > 0 && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_uppercase())))
        .map(|(_, w)| w.to_lowercase())
        // Initials differ between citation and entry ("Dahl and Moe" vs
        // "Dahl, K. and L. Moe"), and so does the word joining two names.
        // A generational suffix (`Gardner Jr ES`) is cited without.
        .filter(|w| {
            w.chars().count() > 1 && !matches!(w.as_str(), "et" | "al" | "and" | "jr" | "sr")
        })
        .collect()
}

/// The surnames of an author list written given name first: the last full
/// word of each name (`Don Edwards and Jack J. Berry` gives edwards, berry).
/// `None` when the first name is one word (`Genz, A.`), starts with
/// initials (`A. Genz`, which [`words`] reads already) or ends with them
/// (`Venables WN`).
fn given_first_surnames(authors: &str) -> Option<Vec<String>> {
    let full = |w: &&str| w.chars().count() > 1 && !w.chars().all(|c| c.is_uppercase());
    let names: Vec<Vec<&str>> = authors
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|name| {
            name.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|name| !name.is_empty() && !matches!(name[..], ["and"] | ["et", "al"]))
        .collect();
    let first = names.first()?;
    let given_first = first.len() >= 2 && first.iter().all(&full);
    given_first.then(|| {
        names
            .iter()
            .filter_map(|name| name.iter().rev().find(|w| full(w)))
            .flat_map(|surname| words(surname))
            .collect()
    })
}

impl Resolver {
    pub fn new(references: &[Reference]) -> Resolver {
        let mut resolver = Resolver {
            entries: Vec::with_capacity(references.len()),
            words: HashMap::new(),
            by_year: HashMap::new(),
            by_printed: HashMap::new(),
            by_label: HashMap::new(),
        };
        let mut last = String::new();
        for (i, r) in references.iter().enumerate() {
            if let Some(n) = numeric_label(&r.text).and_then(|(l, _)| l.parse().ok()) {
                resolver.by_label.entry(n).or_insert(i);
            }
            let author = r.author.trim();
            if !(author.is_empty() || author.starts_with("---")) {
                last = author.to_string();
            }
            let mut name = |words: Vec<String>| -> Box<[u32]> {
                words
                    .into_iter()
                    .map(|w| {
                        // Fewer than u32::MAX words: the paper is at most 1 GiB.
                        let next = resolver.words.len() as u32;
                        *resolver.words.entry(w).or_insert(next)
                    })
                    .collect()
            };
            let author = name(words(&last));
            let given_first = given_first_surnames(&last)
                .map(&mut name)
                .filter(|surnames| !surnames.is_empty() && *surnames != author);
            let entry = Entry {
                author,
                given_first,
                id_ends: r.id.chars().last(),
            };
            let mut firsts: Vec<u32> = entry
                .readings()
                .filter_map(|r| r.first().copied())
                .collect();
            firsts.dedup();
            // Entries past u32::MAX are not matched by author and year.
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for first in firsts.into_iter().filter(|_| i != u32::MAX) {
                if let Some(y) = r.year {
                    resolver.by_year.entry((first, y)).or_default().push(i);
                }
                let printed = (0..r.text.len())
                    .filter(|&at| r.text.is_char_boundary(at))
                    .filter_map(|at| year_at(&r.text, at).map(|(_, y, _)| y))
                    .filter(|&y| Some(y) != r.year);
                for y in printed {
                    let list = resolver.by_printed.entry((first, y)).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            resolver.entries.push(entry);
        }
        resolver
    }

    /// Whether the list is numbered, so that `[12]` in the text cites its
    /// twelfth work: most entries carry a label.
    pub fn numbered(&self) -> bool {
        !self.by_label.is_empty() && self.by_label.len() * 2 >= self.entries.len()
    }

    /// The entry printed with number `n`.
    pub fn by_number(&self, n: u32) -> Option<usize> {
        self.by_label.get(&n).copied()
    }

    /// The best reference for `author` and `year`; `suffix` is the `a`/`b`
    /// of `2008a`, which picks between works sharing author and year.
    pub fn resolve(&self, author: &str, year: i32, suffix: Option<char>) -> Option<usize> {
        let cited: Vec<u32> = words(author)
            .iter()
            .map(|w| self.words.get(w).copied().unwrap_or(UNKNOWN))
            .collect();
        let key = (*cited.first()?, year);
        let among = |index: &HashMap<(u32, i32), Vec<u32>>| {
            let candidates = index.get(&key).map_or(&[][..], Vec::as_slice);
            self.best(&cited, suffix, candidates)
        };
        among(&self.by_year).or_else(|| among(&self.by_printed))
    }

    fn best(&self, cited: &[u32], suffix: Option<char>, candidates: &[u32]) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for &i in candidates {
            let i = i as usize;
            let e = &self.entries[i];
            let agree = |author: &[u32]| {
                let common = cited.iter().zip(author).take_while(|(a, b)| a == b).count();
                let whole = common == cited.len().min(author.len());
                (common > 0 && (whole || common >= 3)).then_some(common)
            };
            let Some(common) = e.readings().filter_map(agree).max() else {
                continue;
            };
            let suffix_ok = suffix.is_none_or(|s| e.id_ends == Some(s));
            let score = common * 2 + usize::from(suffix_ok);
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }
}
