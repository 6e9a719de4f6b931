//! Text comparison for anchoring: whitespace-collapsed text that remembers where
//! each character came from, and edit distances over characters.

use std::ops::Range;

/// Text with runs of whitespace collapsed to one space and the ends trimmed.
#[derive(Debug, Clone, Default)]
pub struct Norm {
    pub chars: Vec<char>,
    /// Byte range in the original text of each normalised character.
    spans: Vec<Range<usize>>,
    /// The same characters as a string, for fast substring search.
    string: String,
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
        norm.string = norm.chars.iter().collect();
        norm
    }

    /// Start (character index) of every occurrence of `needle`, overlapping ones included.
    pub fn find_all(&self, needle: &Norm) -> Vec<usize> {
        let mut out = Vec::new();
        if needle.is_empty() {
            return out;
        }
        let (mut from, mut char_at) = (0, 0);
        while let Some(found) = self.string[from..].find(&needle.string) {
            let at = from + found;
            char_at += self.string[from..at].chars().count();
            out.push(char_at);
            let step = self.string[at..].chars().next().map_or(1, char::len_utf8);
            from = at + step;
            char_at += 1;
        }
        out
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

/// The substring of `text` closest to `pattern` by edit distance, if one is
/// within `max_dist` (Sellers' algorithm: a match may start anywhere, with
/// Ukkonen's cut-off: rows already beyond `max_dist` are not computed).
/// Returns its range and distance; ties go to the earliest end.
pub fn closest_substring(
    pattern: &[char],
    text: &[char],
    max_dist: usize,
) -> Option<(Range<usize>, usize)> {
    let m = pattern.len();
    if m == 0 || text.is_empty() {
        return None;
    }
    let far = (max_dist + 1, 0);
    // Each cell holds (distance, start of the match it belongs to).
    let mut prev: Vec<(usize, usize)> = (0..=m).map(|i| (i, 0)).collect();
    let mut cur = prev.clone();
    let mut active = max_dist.min(m); // last row whose distance is within bounds
    let mut best: Option<(usize, Range<usize>)> = None;
    for (j, &tc) in text.iter().enumerate() {
        cur[0] = (0, j + 1);
        let rows = (active + 1).min(m);
        for i in 0..rows {
            let above = if i < active { prev[i + 1] } else { far };
            let sub = (prev[i].0 + usize::from(pattern[i] != tc), prev[i].1);
            let del = (above.0 + 1, above.1);
            let ins = (cur[i].0 + 1, cur[i].1);
            // Equal distances prefer the earliest start: the fuller match.
            cur[i + 1] = sub.min(del).min(ins);
        }
        active = rows;
        while active > 0 && cur[active].0 > max_dist {
            active -= 1;
        }
        if active == m {
            let (d, start) = cur[m];
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, start..j + 1));
            }
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
        assert_eq!(Norm::new("abcabc").find_all(&Norm::new("bc")), vec![1, 4]);
        assert_eq!(Norm::new("éaéaéa").find_all(&Norm::new("aéa")), vec![1, 3]);
    }

    #[test]
    fn closest_substring_finds_a_typo() {
        let text = c("the firm was founded in 1998 by the centre");
        let (r, d) = closest_substring(&c("fuonded in 1998"), &text, 3).unwrap();
        assert_eq!(d, 2);
        assert_eq!(text[r].iter().collect::<String>(), "founded in 1998");
        assert_eq!(closest_substring(&c("fuonded in 1998"), &text, 1), None);
    }

    /// The cut-off must not change any answer within bounds.
    #[test]
    fn cut_off_agrees_with_brute_force() {
        let text = c("abcabdabxxabcdab cab");
        for pat in [
            "abd",
            "xabc",
            "cabz",
            "dab c",
            "zzzz",
            "abcabdabxxabcdab cab",
        ] {
            let p = c(pat);
            for k in 0..4 {
                let mut brute = None;
                for e in 1..=text.len() {
                    for s in 0..e {
                        let d = distance(&p, &text[s..e]);
                        if d <= k && brute.is_none_or(|(bd, _): (usize, usize)| d < bd) {
                            brute = Some((d, e));
                        }
                    }
                }
                let got = closest_substring(&p, &text, k).map(|(r, d)| (d, r.end));
                assert_eq!(got, brute, "{pat} k={k}");
            }
        }
    }
}
