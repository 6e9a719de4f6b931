//! One line of context around a match, with the matched characters marked.

use std::ops::Range;

/// Characters of context a snippet shows before the match.
const LEAD: usize = 30;
/// Characters a snippet holds at most, ellipses aside.
pub const WIDTH: usize = 120;

/// Cuts about `width` characters of `text` around `focus` (byte ranges),
/// starting and ending on word boundaries, with runs of whitespace shown as
/// one space and "…" where text was left out. Returns the snippet and the
/// parts of `marks` it shows, as byte ranges in the snippet.
pub fn build(
    text: &str,
    focus: Range<usize>,
    marks: &[Range<usize>],
    width: usize,
) -> (String, Vec<Range<usize>>) {
    let focus_start = focus.start.min(text.len());
    let start = word_start(text, back_chars(text, focus_start, LEAD.min(width / 3)));
    let end = word_end(text, start, forward_chars(text, start, width));
    let (body_start, body_end) = trim(text, start, end);

    let mut out = String::with_capacity(body_end - body_start + 8);
    if body_start > 0 && !text[..body_start].trim().is_empty() {
        out.push('…');
    }
    // out_at[i]: where original byte body_start + i lands in the snippet.
    let mut out_at = Vec::with_capacity(body_end - body_start + 1);
    let mut in_space = false;
    for (i, c) in text[body_start..body_end].char_indices() {
        out_at.resize(i, out.len());
        out_at.push(out.len());
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out_at.resize(body_end - body_start + 1, out.len());
    let shown = |r: &Range<usize>| {
        let s = r.start.clamp(body_start, body_end);
        let e = r.end.clamp(body_start, body_end);
        (s < e).then(|| out_at[s - body_start]..out_at[e - body_start])
    };
    let highlights = marks
        .iter()
        .filter_map(shown)
        .filter(|r| !r.is_empty())
        .collect();
    if body_end < text.len() && !text[body_end..].trim().is_empty() {
        out.push('…');
    }
    (out, highlights)
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

/// Moves `at` forward past a partial word, unless that reaches far.
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 || text[..at].ends_with(char::is_whitespace) {
        return at;
    }
    match text[at..].find(char::is_whitespace) {
        Some(i) if i < 20 => at + i,
        _ => at,
    }
}

/// Moves `at` back to the end of the last whole word after `start`.
fn word_end(text: &str, start: usize, at: usize) -> usize {
    if at >= text.len() || text[at..].starts_with(char::is_whitespace) {
        return at;
    }
    match text[start..at].rfind(char::is_whitespace) {
        Some(i) if at - (start + i) < 20 => start + i,
        _ => at,
    }
}

fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let body = slice.trim();
    (start + lead, start + lead + body.len())
}

#[cfg(test)]
// A one-range list is what these functions return for one match.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn marked(snippet: &str, marks: &[Range<usize>]) -> Vec<String> {
        marks
            .iter()
            .map(|r| snippet[r.clone()].to_string())
            .collect()
    }

    #[test]
    fn short_text_is_shown_whole_with_marks() {
        let text = "Green Card (Lùka)\n  project";
        let at = text.find("Lùka").unwrap();
        let luka = at..at + 5;
        let (s, marks) = build(text, luka.clone(), std::slice::from_ref(&luka), WIDTH);
        assert_eq!(s, "Green Card (Lùka) project");
        assert_eq!(marked(&s, &marks), ["Lùka"]);
    }

    #[test]
    fn long_text_is_cut_on_word_boundaries_around_the_focus() {
        let text = format!(
            "{} postal savings {}",
            "word ".repeat(100),
            "tail ".repeat(100)
        );
        let at = text.find("postal").unwrap();
        let (s, marks) = build(&text, at..at + 14, &[at..at + 6, at + 7..at + 14, 0..4], 60);
        assert!(s.starts_with("…word"), "{s}");
        assert!(s.ends_with("tail…"), "{s}");
        assert!(s.chars().count() <= 64);
        assert_eq!(marked(&s, &marks), ["postal", "savings"]);
    }

    #[test]
    fn empty_text_gives_empty_snippet() {
        assert_eq!(build("", 0..0, &[], WIDTH), (String::new(), vec![]));
    }
}
