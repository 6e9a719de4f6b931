//! Splitting folded text into the units the index knows.
//!
//! A *word* is a run of letters or digits; words are numbered by position.
//! A whitespace-separated chunk with inner punctuation ("71,700", "27.5%",
//! "xi'an", "hi-think") is also kept whole as a *compound*, so numbers and
//! punctuated tokens can be matched literally. Letters joined by hyphens or
//! apostrophes are also kept *joined* ("xian"), as readers often type them.

use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Compound,
    Joined,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: Cow<'a, str>,
    /// Byte range in the folded text.
    pub span: Range<usize>,
    /// Position of the (first) word; compounds share it with their first word.
    pub pos: u32,
    pub kind: TokenKind,
}

/// Symbols that belong to a number when they lead or trail it.
fn sticky_lead(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '#')
}

fn sticky_trail(c: char) -> bool {
    c == '%'
}

/// Calls `f` for every token of `text`, numbering words from `first_pos`.
/// Returns the position after the last word.
pub fn for_each_token<'a>(text: &'a str, first_pos: u32, mut f: impl FnMut(Token<'a>)) -> u32 {
    let mut pos = first_pos;
    let mut chunk_start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), chunk_start) {
            (false, None) => chunk_start = Some(i),
            (true, Some(start)) => {
                pos = chunk(text, start..i, pos, &mut f);
                chunk_start = None;
            }
            _ => {}
        }
    }
    pos
}

fn chunk<'a>(
    text: &'a str,
    range: Range<usize>,
    mut pos: u32,
    f: &mut impl FnMut(Token<'a>),
) -> u32 {
    let raw = &text[range.clone()];
    let lead = raw
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric() || sticky_lead(c))
        .map_or(raw.len(), |(i, _)| i);
    let trail = raw
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_alphanumeric() || sticky_trail(c))
        .map_or(lead, |(i, c)| i + c.len_utf8());
    if lead >= trail {
        return pos;
    }
    let start = range.start + lead;
    let trimmed = &text[start..range.start + trail];
    let first_pos = pos;
    let mut words = 0;
    let mut word_start = None;
    for (i, c) in trimmed
        .char_indices()
        .chain(std::iter::once((trimmed.len(), ' ')))
    {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(ws)) => {
                let span = start + ws..start + i;
                f(Token {
                    text: Cow::Borrowed(&text[span.clone()]),
                    span,
                    pos,
                    kind: TokenKind::Word,
                });
                pos += 1;
                words += 1;
                word_start = None;
            }
            _ => {}
        }
    }
    if words == 0 || !trimmed.chars().any(|c| !c.is_alphanumeric()) {
        return pos;
    }
    let span = start..start + trimmed.len();
    f(Token {
        text: Cow::Borrowed(trimmed),
        span: span.clone(),
        pos: first_pos,
        kind: TokenKind::Compound,
    });
    if let Some(joined) = joined(trimmed) {
        f(Token {
            text: Cow::Owned(joined),
            span,
            pos: first_pos,
            kind: TokenKind::Joined,
        });
    }
    pos
}

/// "xi'an" -> "xian", "hi-think" -> "hithink"; not for possessives ("nec's").
fn joined(compound: &str) -> Option<String> {
    let parts: Vec<&str> = compound.split(['-', '\'']).collect();
    let letters = |p: &&str| !p.is_empty() && p.chars().all(char::is_alphabetic);
    if parts.len() < 2 || !parts.iter().all(letters) {
        return None;
    }
    if compound.ends_with("'s") {
        return None;
    }
    Some(parts.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(String, u32, TokenKind)> {
        let mut out = Vec::new();
        for_each_token(text, 0, |t| out.push((t.text.into_owned(), t.pos, t.kind)));
        out
    }

    #[test]
    fn words_compounds_and_joined_forms() {
        use TokenKind::*;
        let got = all("reached 71,700, about 27.5% (xi'an) nec's");
        let want = [
            ("reached", 0, Word),
            ("71", 1, Word),
            ("700", 2, Word),
            ("71,700", 1, Compound),
            ("about", 3, Word),
            ("27", 4, Word),
            ("5", 5, Word),
            ("27.5%", 4, Compound),
            ("xi", 6, Word),
            ("an", 7, Word),
            ("xi'an", 6, Compound),
            ("xian", 6, Joined),
            ("nec", 8, Word),
            ("s", 9, Word),
            ("nec's", 8, Compound),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|&(s, p, k)| (s.to_string(), p, k))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn punctuation_alone_is_no_token() {
        assert!(all(" -- ... () ").is_empty());
        assert_eq!(for_each_token("a - b", 5, |_| {}), 7);
    }
}
