//! Typo-tolerant matching: a misspelt name still finds the name.

use super::vocab::{head, mask, MatchKind, Vocab, WordMatch};

/// Words within a small edit distance (adjacent transpositions count one),
/// or whose beginning is: a typo in a name still finds it. The first
/// letter must be right (or swapped with the second), as it nearly always is.
pub(super) fn typos(vocab: &Vocab, t: &str, out: &mut Vec<WordMatch>) {
    let tc: Vec<char> = t.chars().collect();
    let max = if tc.len() >= 8 { 2 } else { 1 };
    let mut seen: Vec<u32> = out.iter().map(|m| m.word).collect();
    seen.sort_unstable();
    let mut firsts = vec![tc[0]];
    if tc[1] != tc[0] {
        firsts.push(tc[1]);
    }
    let mut buf = [0u8; 4];
    let want = mask(t) & !(1 << 63);
    let mut wc: Vec<char> = Vec::new();
    for first in firsts {
        for &id in vocab.prefix_range(first.encode_utf8(&mut buf)) {
            let w = vocab.word(id);
            if seen.binary_search(&id).is_ok()
                || vocab.compound[id as usize]
                || vocab.postings(id).is_empty()
            {
                continue;
            }
            // Each letter of the term that the word lacks costs an edit.
            let lacking = (want & !vocab.masks[id as usize]).count_ones() as usize;
            if lacking > max || w.len() + max < tc.len() {
                continue;
            }
            wc.clear();
            wc.extend(w.chars());
            let whole = osa_distance(&tc, &wc, max);
            let quality = match whole {
                Some(d) => 55 - 15 * d as u8,
                None => {
                    let head = (tc.len().saturating_sub(1)..=tc.len() + 1)
                        .filter(|&k| k < wc.len())
                        .filter_map(|k| osa_distance(&tc, &wc[..k], max))
                        .min();
                    match head {
                        Some(d) => 45 - 15 * d as u8,
                        None => continue,
                    }
                }
            };
            out.push(WordMatch {
                word: id,
                kind: MatchKind::Typo,
                quality,
                marks: head(w.len()),
            });
        }
    }
}

/// Optimal-string-alignment distance, or None when above `max`.
fn osa_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    rows[1] = (0..width).collect();
    for i in 1..=a.len() {
        let (prev2, rest) = rows.split_at_mut(1);
        let (prev, cur) = rest.split_at_mut(1);
        let (prev2, prev, cur) = (&prev2[0], &prev[0], &mut cur[0]);
        cur[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        rows.rotate_left(1);
    }
    let d = rows[1][b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_counts_a_transposition_once() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa_distance(&c("neusfot"), &c("neusoft"), 1), Some(1));
        assert_eq!(osa_distance(&c("kitten"), &c("sitting"), 2), None);
        assert_eq!(osa_distance(&c("kitten"), &c("sitting"), 3), Some(3));
    }
}
