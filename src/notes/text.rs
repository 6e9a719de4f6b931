//! Text comparison for anchoring: whitespace-collapsed text that remembers where
//! each character came from, and edit distances over characters.

use std::ops::Range;

/// Text with runs of whitespace collapsed to one space and the ends trimmed.
#[derive(Debug, Clone, Default)]
pub struct Norm {
    pub chars: Vec<char>,
    /// Byte range in the original text of each normalised character.
    spans: Vec<Range<usize>>,
}

impl Norm {
    pub fn new(text: &str) -> Norm {
        let mut norm = Norm::default();
        let mut pending_space: Option<Range<usize>> = None;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            if c.is_whitespace() {
                match &mut pending_space {
                    Some(r) => r.end = end,
                    None => pending_space = Some(i..end),
                }
                continue;
            }
            if let Some(space) = pending_space.take() {
                if !norm.chars.is_empty() {
                    norm.chars.push(' ');
                    norm.spans.push(space);
                }
            }
            norm.chars.push(c);
            norm.spans.push(i..end);
        }
        norm
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Byte range in the original text covered by normalised characters `range`.
    pub fn bytes(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self
                .spans
                .get(range.start)
                .map_or_else(|| self.spans.last().map_or(0, |s| s.end), |s| s.start);
            return at..at;
        }
        self.spans[range.start].start..self.spans[range.end - 1].end
    }

    /// Index of the normalised character at or after byte `offset`.
    pub fn index_of_byte(&self, offset: usize) -> usize {
        self.spans.partition_point(|s| s.end <= offset)
    }
}

/// Start indices of every occurrence of `needle` in `hay`.
pub fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// Levenshtein distance over characters.
pub fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = diag + usize::from(ca != cb);
            diag = row[j + 1];
            row[j + 1] = sub.min(row[j] + 1).min(diag + 1);
        }
    }
    row[b.len()]
}

/// 1.0 for equal texts, falling towards 0.0 with edit distance.
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - distance(a, b) as f64 / longest as f64
}

/// The substring of `text` closest to `pattern` by edit distance (Sellers'
/// algorithm: a match may start anywhere). Returns its range and distance;
/// ties go to the earliest end, then to the longest match.
pub fn closest_substring(pattern: &[char], text: &[char]) -> Option<(Range<usize>, usize)> {
    if pattern.is_empty() || text.is_empty() {
        return None;
    }
    // Each cell holds (distance, start of the match it belongs to).
    let mut prev: Vec<(usize, usize)> = (0..=pattern.len()).map(|i| (i, 0)).collect();
    let mut cur = prev.clone();
    let mut best: Option<(usize, Range<usize>)> = None;
    for (j, &tc) in text.iter().enumerate() {
        cur[0] = (0, j + 1);
        for (i, &pc) in pattern.iter().enumerate() {
            let sub = (prev[i].0 + usize::from(pc != tc), prev[i].1);
            let del = (prev[i + 1].0 + 1, prev[i + 1].1);
            let ins = (cur[i].0 + 1, cur[i].1);
            // Prefer the earliest start among equal distances: a longer, fuller match.
            cur[i + 1] = [sub, del, ins]
                .into_iter()
                .min_by_key(|&(d, s)| (d, s))
                .unwrap_or(sub);
        }
        let (d, start) = cur[pattern.len()];
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, start..j + 1));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best.map(|(d, r)| (r, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn whitespace_collapses_and_maps_back() {
        let text = "  a\n  bé\tc ";
        let n = Norm::new(text);
        assert_eq!(n.chars.iter().collect::<String>(), "a bé c");
        let r = n.bytes(2..4);
        assert_eq!(&text[r], "bé");
        assert_eq!(&text[n.bytes(0..3)], "a\n  b");
        assert_eq!(n.index_of_byte(text.find('b').unwrap()), 2);
    }

    #[test]
    fn distances() {
        assert_eq!(distance(&c("kitten"), &c("sitting")), 3);
        assert_eq!(distance(&c(""), &c("ab")), 2);
        assert!((similarity(&c("abcd"), &c("abce")) - 0.75).abs() < 1e-9);
        assert_eq!(occurrences(&c("abcabc"), &c("bc")), vec![1, 4]);
    }

    #[test]
    fn closest_substring_finds_a_typo() {
        let text = c("the firm was founded in 1998 by the centre");
        let (r, d) = closest_substring(&c("fuonded in 1998"), &text).unwrap();
        assert_eq!(d, 2);
        assert_eq!(text[r].iter().collect::<String>(), "founded in 1998");
    }
}
