//! In-text author-year citations and their reference entries.
//!
//! Two shapes are read:
//! - parenthetical: `(Gao 2008, pp. 32-33)`, `(Kondo 2009, Takahashi 2009)`,
//!   `(e.g., Nakagawa 2007)`, `(Gregory et al., 2009, Chapter 4)`;
//! - narrative: `Saxenian (2004, 2006, 2008)`, `Gregory et al. (2009)`, where
//!   the author is the run of capitalised words before the parenthesis.
//!
//! - numbered: `[12]`, `[3, 15]`, `[36–38]`, where the reference list is
//!   numbered; each number is a citation of the entry printed with it.
//!
//! A citation resolves to the reference with the same year whose author
//! (with `---.` replaced by the entry above) agrees with the cited name word
//! by word; corporate authors may differ after their first three words.
//! Failing that, a year printed inside the entry (an edition or report year:
//! "Annual Report 2010", published 2011) counts. A citation that resolves to
//! nothing is kept with `reference: None`.

use crate::corpus::refs::MONTHS;
use std::ops::Range;

pub use super::resolver::Resolver;

/// A citation found in a text, before it is placed in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub span: Range<usize>,
    /// The cited author, or the number of a numbered citation (`[12]`).
    pub author: String,
    /// The cited year; 0 for a numbered citation.
    pub year: i32,
    pub reference: Option<usize>,
}

/// Lower-case words inside a cited name: joining words and surname particles (`van Dyk`).
const CONNECTORS: [&str; 15] = [
    "of", "for", "and", "&", "the", "on", "et", "al.", "van", "von", "de", "der", "den", "da", "du",
];
/// Capitalised words that start sentences, never authors; month names
/// (which date interviews) are the other such words.
const NOT_AUTHORS: [&str; 10] = [
    "From", "See", "In", "The", "However", "Thus", "As", "By", "And", "Also",
];

fn never_author(word: &str) -> bool {
    NOT_AUTHORS.contains(&word) || MONTHS.contains(&word)
}

/// A year such as `2008` or `2008a` starting at byte `i`: (end, year, suffix).
pub(super) fn year_at(text: &str, i: usize) -> Option<(usize, i32, Option<char>)> {
    let b = text.as_bytes();
    if i > 0
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let digits = b.get(i..i + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = text[i..i + 4].parse().ok()?;
    if !(1900..=2099).contains(&year) {
        return None;
    }
    let mut end = i + 4;
    let mut suffix = None;
    if let Some(&c) = b.get(end) {
        if c.is_ascii_lowercase() && !b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
            suffix = Some(c as char);
            end += 1;
        } else if c.is_ascii_alphanumeric() {
            return None;
        }
    }
    Some((end, year, suffix))
}

/// End of a page or chapter locator after a year (`, pp. 82, 89`), or `i`.
fn locator_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    let trimmed = rest.trim_start_matches([',', ' ']);
    let Some(after) = ["pp.", "p.", "Chapter", "chap."]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
    else {
        return i;
    };
    let mut at = text.len() - after.len();
    let mut end = i;
    loop {
        let s = &text[at..];
        let skipped = s.len() - s.trim_start_matches([' ', ',', '-', '–']).len();
        let digits = s[skipped..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || (end != i && !s[..skipped].contains([',', '-', '–'])) {
            return end;
        }
        at += skipped + digits;
        end = at;
    }
}

/// Whether every word of a cited author looks like part of a name.
fn plausible_author(author: &str) -> bool {
    let mut ws = author.split_whitespace();
    ws.next().is_some_and(|w| {
        w.chars().any(char::is_uppercase) && !never_author(w.trim_end_matches(','))
    }) && ws.all(|w| {
        let w = w.trim_end_matches(',');
        w.chars().next().is_some_and(|c| !c.is_lowercase()) || CONNECTORS.contains(&w)
    })
}

fn clean_author(raw: &str) -> &str {
    let mut s = raw.trim().trim_end_matches([',', ';']).trim();
    for lead in ["e.g.,", "e.g.", "see", "cf."] {
        if let Some(rest) = s.strip_prefix(lead) {
            s = rest.trim_start();
        }
    }
    s
}

/// Citations inside the parenthesised `content` starting at byte `base`.
fn parenthetical(content: &str, base: usize, r: &Resolver, out: &mut Vec<Cited>) {
    let mut seg = 0;
    let mut prev: Option<String> = None;
    let mut i = 0;
    while i < content.len() {
        let Some((yend, year, suffix)) = year_at(content, i) else {
            i += content[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let raw = &content[seg..i];
        let cleaned = clean_author(raw);
        // Words before the name (`see`, `defined in`, `Although, see`): the
        // name is the run of capitalised words that ends at the year.
        let cleaned = if cleaned.is_empty() || plausible_author(cleaned) {
            cleaned
        } else {
            trailing_author(raw, year, suffix, r)
        };
        let author = if cleaned.is_empty() {
            prev.clone()
        } else {
            Some(cleaned.to_string())
        };
        let end = locator_end(content, yend);
        if let Some(author) = author.filter(|a| plausible_author(a)) {
            let start = if cleaned.is_empty() {
                i
            } else {
                seg + raw.find(cleaned).unwrap_or(0)
            };
            out.push(Cited {
                span: base + start..base + end,
                reference: r.resolve(&author, year, suffix),
                author: author.clone(),
                year,
            });
            prev = Some(author);
        } else {
            prev = None;
        }
        let rest = &content[end..];
        seg = end + (rest.len() - rest.trim_start_matches([',', ';', ' ']).len());
        i = seg.max(end);
    }
}

/// The capitalised words that end `raw` (before an open parenthesis):
/// the longest run that resolves, else the shortest.
fn trailing_author<'a>(raw: &'a str, year: i32, suffix: Option<char>, r: &Resolver) -> &'a str {
    let end = raw.trim_end_matches(['(', ' ', ',']).len();
    let starts = author_starts(raw, end);
    let run = |s: usize| raw[s..end].trim_end_matches(['.', ',']);
    starts
        .iter()
        .rev()
        .find(|&&s| r.resolve(run(s), year, suffix).is_some())
        .or(starts.first())
        .map_or("", |&s| run(s))
}

/// Years, locators and separators only: `2004, 2006, 2008` or `2009`.
fn year_list(content: &str) -> Vec<(i32, Option<char>)> {
    let mut years = Vec::new();
    let mut i = 0;
    while i < content.len() {
        let Some((yend, year, suffix)) = year_at(content, i) else {
            return Vec::new();
        };
        years.push((year, suffix));
        let end = locator_end(content, yend);
        let rest = &content[end..];
        i = end + (rest.len() - rest.trim_start_matches([',', ';', ' ']).len());
    }
    years
}

/// Start offsets of the capitalised words right before `end` that may name an author.
fn author_starts(text: &str, end: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = text[..end].trim_end().len();
    let mut first = true;
    while at > 0 {
        let start = text[..at].rfind(char::is_whitespace).map_or(0, |s| s + 1);
        let w = &text[start..at];
        let bare = w.trim_end_matches(',');
        let ends_sentence = w.ends_with('.') && w != "al." && !first;
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        if ends_sentence || !(capital || CONNECTORS.contains(&bare)) {
            break;
        }
        if capital && !never_author(bare) {
            starts.push(start);
        }
        first = false;
        at = text[..start].trim_end().len();
    }
    starts
}

/// The numbers of a numbered citation's content (`3, 15`, `36–38`), each
/// with its span in `content`; `None` when it holds anything else.
fn number_list(content: &str) -> Option<Vec<(Range<usize>, u32, u32)>> {
    let mut items = Vec::new();
    let mut at = 0;
    for piece in content.split([',', ';']) {
        let start = at + (piece.len() - piece.trim_start().len());
        let p = piece.trim();
        let number = |s: &str| -> Option<u32> {
            let s = s.trim();
            let ok = (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| s.parse().ok()).flatten()
        };
        let (a, b) = match p.split_once(['–', '-', '—']) {
            Some((a, b)) => (number(a)?, number(b)?),
            None => (number(p)?, number(p)?),
        };
        if a == 0 || b < a || b - a > 100 {
            return None;
        }
        items.push((start..start + p.len(), a, b));
        at += piece.len() + 1;
    }
    Some(items)
}

/// Numbered citations in `text`: each number (or each of a range) one
/// citation, spanning what the text prints for it.
fn numbered(text: &str, r: &Resolver, out: &mut Vec<Cited>) {
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|o| from + o) {
        let Some(close) = text[open..].find(']').map(|c| open + c) else {
            break;
        };
        from = open + 1;
        let Some(items) = number_list(&text[open + 1..close]) else {
            continue;
        };
        for (span, a, b) in items {
            for n in a..=b {
                out.push(Cited {
                    span: open + 1 + span.start..open + 1 + span.end,
                    author: format!("[{n}]"),
                    year: 0,
                    reference: r.by_number(n),
                });
            }
        }
        from = close + 1;
    }
}

/// Every citation in `text`, in order.
pub fn find(text: &str, r: &Resolver) -> Vec<Cited> {
    let mut out = Vec::new();
    if r.numbered() {
        numbered(text, r, &mut out);
    }
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|o| from + o) {
        let Some(close) = text[open..].find(')').map(|c| open + c) else {
            break;
        };
        let content = &text[open + 1..close];
        let years = year_list(content);
        if years.is_empty() {
            parenthetical(content, open + 1, r, &mut out);
        } else {
            narrative(text, open, close, &years, r, &mut out);
        }
        from = close + 1;
    }
    out.sort_by_key(|c| c.span.start);
    out
}

fn narrative(
    text: &str,
    open: usize,
    close: usize,
    years: &[(i32, Option<char>)],
    r: &Resolver,
    out: &mut Vec<Cited>,
) {
    let starts = author_starts(text, open);
    let Some(&shortest) = starts.first() else {
        return;
    };
    let author_of = |s: usize| {
        text[s..open]
            .trim()
            .trim_end_matches(['.', ','])
            .to_string()
    };
    // The longest run that resolves; failing that, the run after the last comma.
    let (year, suffix) = years[0];
    let chosen = starts
        .iter()
        .rev()
        .find(|&&s| r.resolve(&author_of(s), year, suffix).is_some())
        .or_else(|| {
            starts
                .iter()
                .take_while(|&&s| !author_of(s).contains(','))
                .last()
        })
        .copied()
        .unwrap_or(shortest);
    let author = author_of(chosen);
    for &(year, suffix) in years {
        out.push(Cited {
            span: chosen..close + 1,
            reference: r.resolve(&author, year, suffix),
            author: author.clone(),
            year,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::refs::parse_references;

    fn resolver(entries: &[&str]) -> Resolver {
        let refs = parse_references(entries.iter().map(|t| (t.to_string(), vec![], 1)).collect());
        Resolver::new(&refs)
    }

    fn numbered_list() -> Resolver {
        let entries: Vec<String> = (1..=40)
            .map(|n| format!("[{n}] A. Author{n}. 20{:02}. Title {n}.", n % 20))
            .collect();
        resolver(&entries.iter().map(String::as_str).collect::<Vec<_>>())
    }

    #[test]
    fn a_list_naming_authors_given_name_first_is_cited_by_surname() {
        let r = resolver(&[
            "Don Edwards and Jack J. Berry. The efficiency of comparisons. Biometrics, 43:913-928, 1987.",
            "Alan Genz. Numerical computation of normal probabilities. JCGS, 1:141-149, 1992.",
            "Zhang Wei. A study of Dalian. 1992.",
            "Venables WN, Ripley BD (2002). Modern Applied Statistics with S.",
        ]);
        assert_eq!(r.resolve("Genz", 1992, None), Some(1));
        assert_eq!(r.resolve("Edwards and Berry", 1987, None), Some(0));
        // Still cited as printed, and only by the first author's surname.
        assert_eq!(r.resolve("Zhang", 1992, None), Some(2));
        assert_eq!(r.resolve("Venables and Ripley", 2002, None), Some(3));
        assert_eq!(r.resolve("Ripley", 2002, None), None);
        assert_eq!(r.resolve("Berry", 1987, None), None);
    }

    #[test]
    fn words_before_the_name_in_parentheses_are_no_part_of_it() {
        let r = resolver(&[
            "Gardner Jr ES, McKenzie E (1985). Forecasting Trends in Time Series.",
            "Hendry DF (1997). The Econometrics of Macroeconomic Forecasting.",
            "Hyndman RJ, Koehler AB (2006). Another Look at Measures of Forecast Accuracy.",
            "Hyndman RJ, Kostenko AV (2007). Minimum Sample Size Requirements.",
            "Imai, K. and van Dyk, D. A. (2005). A Bayesian analysis.",
        ]);
        let text = "the method of Gardner and McKenzie (1985). (Although, see Hendry 1997, \
                    for a contrary view.) Measures (defined in Hyndman and Koehler 2006) \
                    are used. (See Hyndman and Kostenko (2007) for more.) As in Imai and van Dyk (2005).";
        let got: Vec<(&str, Option<usize>)> = find(text, &r)
            .into_iter()
            .map(|c| (&text[c.span], c.reference))
            .collect();
        assert_eq!(
            got,
            [
                ("Gardner and McKenzie (1985)", Some(0)),
                ("Hendry 1997", Some(1)),
                ("Hyndman and Koehler 2006", Some(2)),
                ("Hyndman and Kostenko (2007", Some(3)),
                ("Imai and van Dyk (2005)", Some(4)),
            ]
        );
    }

    #[test]
    fn numbered_citations_resolve_each_number() {
        let r = numbered_list();
        let text = "as shown [12], and later [3, 15] and [36\u{2013}38]; not [x] or [0].";
        let got: Vec<(String, Option<usize>, &str)> = find(text, &r)
            .into_iter()
            .map(|c| (c.author, c.reference, &text[c.span]))
            .collect();
        assert_eq!(
            got,
            [
                ("[12]".to_string(), Some(11), "12"),
                ("[3]".to_string(), Some(2), "3"),
                ("[15]".to_string(), Some(14), "15"),
                ("[36]".to_string(), Some(35), "36\u{2013}38"),
                ("[37]".to_string(), Some(36), "36\u{2013}38"),
                ("[38]".to_string(), Some(37), "36\u{2013}38"),
            ]
        );
        // A number past the list is a citation that resolves to nothing.
        assert_eq!(find("see [41]", &r)[0].reference, None);
    }

    #[test]
    fn brackets_are_no_citations_without_a_numbered_list() {
        let r = resolver(&["Venables WN, Ripley BD (2002). Modern Applied Statistics with S."]);
        assert!(find("R prints [1] 4 and [2, 3]", &r).is_empty());
    }

    #[test]
    fn author_year_matches_initials_after_the_surname_and_before_it() {
        let r = resolver(&[
            "L. Breiman. Statistical modeling: The two cultures. Statistical Science, 16:199\u{2013}231, 2001.",
            "R. L. Brown, J. Durbin, and J. M. Evans. Techniques. JRSS B, 37:149\u{2013}163, 1975.",
            "Venables WN, Ripley BD (2002). Modern Applied Statistics with S.",
        ]);
        let text = "As Breiman (2001) and Brown, Durbin, and Evans (1975) argue (Venables and Ripley 2002).";
        let refs: Vec<Option<usize>> = find(text, &r).into_iter().map(|c| c.reference).collect();
        assert_eq!(refs, [Some(0), Some(1), Some(2)]);
    }
}
