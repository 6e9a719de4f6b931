//! Reference-list entries: author, year and a citation-style id for each work.

use std::collections::HashMap;
use std::ops::Range;

use super::ids::slug;
use crate::model::Reference;

/// Month names, which look like capitalised words before a year.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The label of a numbered entry and the text after it: `[12] A. Author`
/// gives `("12", "A. Author")`, as does `12. A. Author`.
pub fn numeric_label(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    let (label, rest) = match t.strip_prefix('[') {
        Some(inner) => inner.split_once(']')?,
        None => {
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            (&t[..digits], t[digits..].strip_prefix(". ")?)
        }
    };
    let short = (1..=3).contains(&label.len());
    (short && label.bytes().all(|b| b.is_ascii_digit())).then(|| (label, rest.trim_start()))
}

/// Builds references from entry texts (text, italic runs, line).
/// An entry starting with a dash run (`---.`) takes the previous entry's author.
pub fn parse_references(entries: Vec<(String, Vec<Range<usize>>, usize)>) -> Vec<Reference> {
    let mut refs: Vec<Reference> = Vec::with_capacity(entries.len());
    for (text, emphasis, line) in entries {
        // The author of `[12] A. Author. 2002.` starts after its label.
        let body = numeric_label(&text).map_or(text.as_str(), |(_, rest)| rest);
        let year_at = find_year(body);
        let year = year_at.map(|(_, y)| y);
        let author = if repeats_author(body) {
            refs.last().map(|r| r.author.clone()).unwrap_or_default()
        } else {
            let end = year_at.map_or_else(|| first_sentence_end(body), |(at, _)| at);
            // `L. Breiman. Title..., 2001.`: a year at the end follows the
            // title; the author is the first sentence.
            let end = end.min(names_end(body));
            body[..end].trim_end_matches([' ', ',', '(']).to_string()
        };
        refs.push(Reference {
            id: String::new(),
            text,
            author,
            year,
            emphasis,
            line,
        });
    }
    assign_ids(&mut refs);
    refs
}

fn repeats_author(text: &str) -> bool {
    let dashes = text
        .chars()
        .take_while(|c| matches!(c, '-' | '—' | '–' | '_'))
        .count();
    dashes >= 2
}

/// `surname-year`; works sharing both get `a`, `b`, ... in order; no year gives `nd`.
fn assign_ids(refs: &mut [Reference]) {
    let bases: Vec<String> = refs
        .iter()
        .map(|r| {
            let surname = slug(r.surname());
            let first = surname
                .split('-')
                .next()
                .filter(|s| !s.is_empty())
                .unwrap_or("anon");
            match r.year {
                Some(y) => format!("{first}-{y}"),
                None => format!("{first}-nd"),
            }
        })
        .collect();
    let mut total: HashMap<&str, usize> = HashMap::new();
    for b in &bases {
        *total.entry(b).or_default() += 1;
    }
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for (r, base) in refs.iter_mut().zip(&bases) {
        r.id = if total[base.as_str()] > 1 {
            let n = seen.entry(base).or_default();
            *n += 1;
            let letter = char::from_u32('a' as u32 + (*n - 1) % 26).unwrap_or('z');
            format!("{base}{letter}")
        } else {
            base.clone()
        };
    }
}

/// The publication year: `(2008`, or a bare `2008.`/`2008,` that is not part of a date.
fn find_year(text: &str) -> Option<(usize, i32)> {
    let bytes = text.as_bytes();
    let year_at = |i: usize| -> Option<i32> {
        let four = bytes.get(i..i + 4)?;
        let plausible = four.iter().all(u8::is_ascii_digit)
            && (four.starts_with(b"19") || four.starts_with(b"20"));
        let alone = !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit());
        (plausible && alone).then(|| text[i..i + 4].parse().ok())?
    };
    if let Some(i) = text
        .match_indices('(')
        .map(|(i, _)| i)
        .find(|&i| year_at(i + 1).is_some())
    {
        return Some((i, year_at(i + 1)?));
    }
    (0..bytes.len()).find_map(|i| {
        let year = year_at(i)?;
        let after = bytes.get(i + 4).copied();
        let before = text[..i].trim_end_matches([' ', ',']);
        // `November 22, 2011` dates an access, `16:199-231, 2001` ends a work.
        let day = before.trim_end_matches(|c: char| c.is_ascii_digit());
        let dated = day.len() < before.len()
            && before.len() - day.len() <= 2
            && MONTHS.iter().any(|m| day.trim_end().ends_with(m));
        let suffixed = after.is_some_and(|b| b.is_ascii_lowercase())
            && matches!(bytes.get(i + 5), Some(b'.' | b',') | None);
        let ends = matches!(after, Some(b'.' | b',') | None) || suffixed;
        (i > 0 && bytes[i - 1] == b' ' && ends && !dated).then_some((i, year))
    })
}

/// End of the author names: the first full stop after a word longer than an
/// initial (`R. L. Brown, J. Durbin, and J. M. Evans.`), or the whole text.
fn names_end(text: &str) -> usize {
    let mut word_start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            word_start = i + 1;
        } else if c == '.' && text[i + 1..].starts_with(' ') {
            let word = &text[word_start..i];
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let initial = word.split('-').all(|p| p.chars().count() <= 1);
            if letters > 1 && !initial && !word.contains('.') {
                return i + 1;
            }
        }
    }
    text.len()
}

/// End of the first sentence, for entries without a year (`Yida Group. Web. ...`).
fn first_sentence_end(text: &str) -> usize {
    text.find(". ").map_or(text.len(), |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(texts: &[&str]) -> Vec<Reference> {
        parse_references(texts.iter().map(|t| (t.to_string(), vec![], 1)).collect())
    }

    #[test]
    fn dashes_take_the_previous_author() {
        let r = refs(&[
            "Li, P. (2008), 'Adult Education'.",
            "---. (2009), \"Short-term\".",
        ]);
        assert_eq!(r[1].author, "Li, P.");
        assert_eq!((r[0].id.as_str(), r[1].id.as_str()), ("li-2008", "li-2009"));
        assert_eq!(r[1].text, "---. (2009), \"Short-term\".");
    }

    #[test]
    fn access_dates_are_not_years() {
        let r = refs(&["Yida Group. Web. <http://x>. Last accessed November 22, 2011."]);
        assert_eq!(
            (r[0].year, r[0].author.as_str(), r[0].id.as_str()),
            (None, "Yida Group.", "yida-nd")
        );
        let r = refs(&["Smith, J. 2005. A Book."]);
        assert_eq!(r[0].year, Some(2005));
    }

    #[test]
    fn shared_author_and_year_get_letters() {
        let r = refs(&[
            "Gao, L. (2008), A.",
            "Gao, L. (2008), B.",
            "Gao, L. (2009), C.",
        ]);
        let ids: Vec<&str> = r.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["gao-2008a", "gao-2008b", "gao-2009"]);
    }
}
