//! Mention sparklines: counts of passages bucketed over the paper, drawn as
//! one character per bucket.

use crate::model::Document;

/// How the paper is cut into bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucketing {
    /// One bar per top-level section, in reading order.
    TopSections,
    /// `n` bars, each covering an equal run of passages.
    Slices(usize),
}

/// The glyph set of a sparkline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Glyphs {
    #[default]
    Unicode,
    Ascii,
}

impl Glyphs {
    /// Eight levels, lowest first; level 0 is reserved for an empty bucket so
    /// that "none" never looks like "a few".
    fn levels(self) -> [char; 8] {
        match self {
            Glyphs::Unicode => ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
            Glyphs::Ascii => [' ', '.', ':', '-', '=', '+', '*', '#'],
        }
    }
}

/// Number of buckets `bucketing` produces for `doc`.
pub fn bucket_count(doc: &Document, bucketing: Bucketing) -> usize {
    match bucketing {
        Bucketing::TopSections => doc.sections.iter().filter(|s| s.parent.is_none()).count(),
        Bucketing::Slices(n) => n.min(doc.passages.len()),
    }
}

/// Which bucket passage `index` falls in, if any.
pub fn bucket_of(doc: &Document, bucketing: Bucketing, index: usize) -> Option<usize> {
    let passage = doc.passages.get(index)?;
    match bucketing {
        Bucketing::TopSections => {
            let top = *doc.section_path(passage.section).first()?;
            // Position of `top` among the top-level sections.
            Some(
                doc.sections[..top]
                    .iter()
                    .filter(|s| s.parent.is_none())
                    .count(),
            )
        }
        Bucketing::Slices(n) => {
            let n = n.min(doc.passages.len());
            (n > 0).then(|| index * n / doc.passages.len())
        }
    }
}

/// Counts the passages in `mentions` (passage indices, repeats allowed) per
/// bucket; a passage that mentions a name twice counts once.
pub fn bucket_mentions(doc: &Document, mentions: &[usize], bucketing: Bucketing) -> Vec<u32> {
    let mut counts = vec![0u32; bucket_count(doc, bucketing)];
    let mut seen: Vec<usize> = mentions.to_vec();
    seen.sort_unstable();
    seen.dedup();
    for index in seen {
        if let Some(b) = bucket_of(doc, bucketing, index) {
            counts[b] += 1;
        }
    }
    counts
}

/// Buckets summed pairwise: the same paper in half as many bars.
pub fn halve(counts: &[u32]) -> Vec<u32> {
    counts.chunks(2).map(|pair| pair.iter().sum()).collect()
}

/// One character per count, scaled to the largest count. Zero always gets the
/// lowest glyph and any non-zero count at least the second lowest.
pub fn render(counts: &[u32], glyphs: Glyphs) -> String {
    let levels = glyphs.levels();
    let max = counts.iter().copied().max().unwrap_or(0);
    counts
        .iter()
        .map(|&c| {
            if c == 0 {
                levels[0]
            } else {
                // 1..=7, rounded up so the smallest non-zero count is visible.
                let level = (u64::from(c) * 7).div_ceil(u64::from(max));
                levels[level as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_scales_to_the_largest_count() {
        assert_eq!(render(&[0, 1, 7, 14], Glyphs::Unicode), "▁▂▅█");
        assert_eq!(render(&[0, 1, 7, 14], Glyphs::Ascii), " .=#");
        assert_eq!(render(&[], Glyphs::Unicode), "");
        assert_eq!(render(&[0, 0], Glyphs::Ascii), "  ");
        assert_eq!(render(&[3, 3], Glyphs::Unicode), "██");
    }

    #[test]
    fn a_small_count_is_never_drawn_as_zero() {
        let line = render(&[1, 1000], Glyphs::Ascii);
        assert_eq!(line, ".#");
    }
}
