//! Matching a cited author and year to an entry of the reference list.

use super::citations::year_at;
use crate::model::Reference;

/// The reference list, prepared for matching.
#[derive(Debug, Clone)]
pub struct Resolver {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    author: Vec<String>,
    year: Option<i32>,
    /// Other years printed in the entry.
    printed: Vec<i32>,
    id: String,
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        // Initials differ between citation and entry ("Dahl and Moe" vs "Dahl, K. and L. Moe").
        .filter(|w| w.chars().count() > 1 && w != "et" && w != "al")
        .collect()
}

impl Resolver {
    pub fn new(references: &[Reference]) -> Resolver {
        let mut last = String::new();
        let entries = references
            .iter()
            .map(|r| {
                let author = r.author.trim();
                if !(author.is_empty() || author.starts_with("---")) {
                    last = author.to_string();
                }
                let printed = (0..r.text.len())
                    .filter(|&i| r.text.is_char_boundary(i))
                    .filter_map(|i| year_at(&r.text, i).map(|(_, y, _)| y))
                    .filter(|&y| Some(y) != r.year)
                    .collect();
                Entry {
                    author: words(&last),
                    year: r.year,
                    printed,
                    id: r.id.clone(),
                }
            })
            .collect();
        Resolver { entries }
    }

    /// The best reference for `author` and `year`; `suffix` is the `a`/`b`
    /// of `2008a`, which picks between works sharing author and year.
    pub fn resolve(&self, author: &str, year: i32, suffix: Option<char>) -> Option<usize> {
        let cited = words(author);
        if cited.is_empty() {
            return None;
        }
        self.best(&cited, suffix, |e| e.year == Some(year))
            .or_else(|| self.best(&cited, suffix, |e| e.printed.contains(&year)))
    }

    fn best(
        &self,
        cited: &[String],
        suffix: Option<char>,
        dated: impl Fn(&Entry) -> bool,
    ) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, e) in self.entries.iter().enumerate().filter(|(_, e)| dated(e)) {
            let common = cited
                .iter()
                .zip(&e.author)
                .take_while(|(a, b)| a == b)
                .count();
            let whole = common == cited.len().min(e.author.len());
            if common == 0 || !(whole || common >= 3) {
                continue;
            }
            let suffix_ok = suffix.is_none_or(|s| e.id.ends_with(s));
            let score = common * 2 + usize::from(suffix_ok);
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }
}
