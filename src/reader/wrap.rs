//! Word wrapping by display columns, done per passage and only when needed.
//!
//! Lines are byte ranges into the source text, so styles (mentions,
//! highlights) computed on the text apply to wrapped lines unchanged.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::term::sanitize;

/// Columns a character occupies once made safe to show.
pub fn char_width(c: char) -> usize {
    match sanitize::replacement(c) {
        Some(sanitize::Replacement::Picture(_)) => 1,
        Some(sanitize::Replacement::CodePoint(code)) => format!("<U+{code:04X}>").len(),
        None => c.width().unwrap_or(0),
    }
}

pub fn str_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Splits `text` into lines of at most `width` columns, breaking at spaces
/// where possible; a word longer than a line is cut. Leading spaces of a
/// continuation line are dropped. Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0; // start of the current line
    let mut col = 0; // columns used on the current line
    let mut last_break: Option<(usize, usize)> = None; // (byte after the space, col there)
    for (i, c) in text.char_indices() {
        if c == '\n' {
            lines.push(start..i);
            start = i + 1;
            col = 0;
            last_break = None;
            continue;
        }
        let w = char_width(c);
        if col + w > width && col > 0 {
            // Break at the last space if there is one, else cut here.
            let cut = match last_break {
                Some((after_space, _)) if after_space > start => after_space,
                _ => i,
            };
            lines.push(start..trim_end(text, start, cut));
            start = skip_spaces(text, cut);
            last_break = None;
            if start > i {
                col = 0;
                continue; // the char itself was a skipped space
            }
            col = str_width(&text[start..i]);
        }
        col += w;
        if c == ' ' {
            last_break = Some((i + 1, col));
        }
    }
    lines.push(start.min(text.len())..text.len());
    lines
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end_matches(' ').len()
}

fn skip_spaces(text: &str, from: usize) -> usize {
    from + (text[from..].len() - text[from..].trim_start_matches(' ').len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn cuts_long_words() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(lines("大连软件园区", 5), ["大连", "软件", "园区"]);
    }

    #[test]
    fn empty_text_is_one_line() {
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn newlines_break() {
        assert_eq!(lines("a b\nc", 10), ["a b", "c"]);
    }

    #[test]
    fn no_line_exceeds_width() {
        let text = "Dalian Hi-Think Computer Technology, Corp. (DHC), a software \
                    development enterprise, was founded in 1996 — Xiàgăng “quoted”.";
        for w in 1..40 {
            for r in wrap(text, w) {
                assert!(
                    str_width(&text[r.clone()]) <= w,
                    "width {w}: {:?}",
                    &text[r]
                );
            }
        }
    }
}
