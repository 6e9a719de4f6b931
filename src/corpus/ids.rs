//! Section numbering as papers print it, and the ids derived from it.

use unicode_normalization::UnicodeNormalization;

/// How a heading is numbered; each style is one level in a given paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `Chapter 3`
    Chapter,
    /// `3.`, `3.1`, `3.1.2` (depth = number of components); `dot` = trailing dot on one component.
    Decimal { depth: u8, dot: bool },
    /// `(1)`, `(a)`
    Paren { alpha: bool },
    /// `1)`, `a)`
    Half { alpha: bool },
    /// `IV.`
    Roman,
    /// `A.`
    Letter,
}

/// A heading's number as printed, with what ids and sequence checks need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    /// As printed: `"3."`, `"(1)"`, `"Chapter 2"`.
    pub text: String,
    pub style: Style,
    /// The numeric value of each component (`3.1` -> `[3, 1]`; `(b)` -> `[2]`).
    pub parts: Vec<u32>,
}

impl Numbering {
    /// Splits a heading into numbering and title: `"(1) The Purpose"` -> `(1)`, `"The Purpose"`.
    pub fn parse(heading: &str) -> Option<(Numbering, &str)> {
        let (text, style, parts, rest) = chapter(heading)
            .or_else(|| bracketed(heading))
            .or_else(|| decimal(heading))
            .or_else(|| section_sign(heading))
            .or_else(|| compound(heading))
            .or_else(|| lettered(heading))?;
        let rest = rest
            .trim_start_matches([':', '.', '–', '—', '-'])
            .trim_start();
        let numbering = Numbering {
            text: text.to_string(),
            style,
            parts,
        };
        Some((numbering, rest))
    }

    /// Whether this number comes straight after `prev` in a decimal outline:
    /// its first child (`4.6` -> `4.6.1`) or the next at some level
    /// (`4.6.1` -> `4.6.2`, `4.7`, `5`).
    pub fn follows(&self, prev: &Numbering) -> bool {
        let (p, n) = (&prev.parts, &self.parts);
        let child = n.len() == p.len() + 1 && n[..p.len()] == p[..] && n[p.len()] == 1;
        let next = !n.is_empty()
            && n.len() <= p.len()
            && n[..n.len() - 1] == p[..n.len() - 1]
            && n[n.len() - 1] == p[n.len() - 1] + 1;
        child || next
    }

    /// The id component: `3.1` -> `"1"`, `(b)` -> `"b"`, `Chapter 4` -> `"4"`.
    pub fn key(&self) -> String {
        let last = *self.parts.last().unwrap_or(&0);
        match self.style {
            Style::Paren { alpha: true } | Style::Half { alpha: true } | Style::Letter => {
                char::from_u32('a' as u32 + last.saturating_sub(1))
                    .map_or(last.to_string(), String::from)
            }
            _ => last.to_string(),
        }
    }
}

type Parsed<'a> = (&'a str, Style, Vec<u32>, &'a str);

fn chapter(s: &str) -> Option<Parsed<'_>> {
    let word = s.get(..7)?;
    if !word.eq_ignore_ascii_case("chapter") || !s[7..].starts_with(' ') {
        return None;
    }
    let num = s[8..].split([' ', ':', '.']).next()?;
    let value = num.parse().ok().or_else(|| roman(num))?;
    let end = 8 + num.len();
    ended(s, end).then(|| (&s[..end], Style::Chapter, vec![value], &s[end..]))
}

fn bracketed(s: &str) -> Option<Parsed<'_>> {
    let open = s.starts_with('(');
    let body_start = usize::from(open);
    let close = s.find(')')?;
    let label = &s[body_start..close];
    let (value, alpha) = label_value(label)?;
    let end = close + 1;
    let style = if open {
        Style::Paren { alpha }
    } else {
        Style::Half { alpha }
    };
    ended(s, end).then(|| (&s[..end], style, vec![value], &s[end..]))
}

fn decimal(s: &str) -> Option<Parsed<'_>> {
    let mut parts = Vec::new();
    let mut end = 0;
    let mut dot = false;
    loop {
        let digits = s[end..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        parts.push(s[end..end + digits].parse().ok()?);
        end += digits;
        match s[end..].strip_prefix('.') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => end += 1,
            Some(_) => {
                end += 1;
                dot = true;
                break;
            }
            None => break,
        }
    }
    let depth = u8::try_from(parts.len()).ok()?;
    ended(s, end).then(|| {
        (
            &s[..end],
            Style::Decimal {
                depth,
                dot: dot && depth == 1,
            },
            parts,
            &s[end..],
        )
    })
}

/// `II.A.`, `II.A.1.`: a Roman section, a lettered subsection, a numbered
/// subsubsection, as REVTeX numbers them in full.
fn compound(s: &str) -> Option<Parsed<'_>> {
    let mut pieces = s.split(' ').next()?.split('.');
    let section = roman(pieces.next()?)?;
    let letter = pieces.next()?;
    let mut chars = letter.chars();
    let sub = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => c as u32 - 'A' as u32 + 1,
        _ => return None,
    };
    let mut parts = vec![section, sub];
    match pieces.next() {
        Some("") | None => {}
        Some(n) => parts.push(n.parse().ok()?),
    }
    let end = s.find(' ').unwrap_or(s.len());
    let depth = u8::try_from(parts.len()).ok()?;
    ended(s, end).then(|| {
        (
            &s[..end],
            Style::Decimal { depth, dot: false },
            parts,
            &s[end..],
        )
    })
}

/// `§1.`, `§ 2`: a decimal number after the section sign.
fn section_sign(s: &str) -> Option<Parsed<'_>> {
    let after_sign = s.strip_prefix('§')?.trim_start();
    let (_, style, parts, rest) = decimal(after_sign)?;
    Some((&s[..s.len() - rest.len()], style, parts, rest))
}

fn lettered(s: &str) -> Option<Parsed<'_>> {
    let end = s.find(". ")?;
    let label = &s[..end];
    if let Some(value) = roman(label) {
        return Some((&s[..end + 1], Style::Roman, vec![value], &s[end + 1..]));
    }
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Some((
            &s[..end + 1],
            Style::Letter,
            vec![c as u32 - 'A' as u32 + 1],
            &s[end + 1..],
        )),
        _ => None,
    }
}

/// A numbering ends at the end of the heading or before a space.
fn ended(s: &str, end: usize) -> bool {
    s.len() == end || s[end..].starts_with([' ', ':'])
}

fn label_value(label: &str) -> Option<(u32, bool)> {
    if !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()) {
        return Some((label.parse().ok()?, false));
    }
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Some((c as u32 - 'a' as u32 + 1, true)),
        _ => None,
    }
}

/// Upper-case Roman numerals up to 39 (I..XXXIX), enough for chapters and parts.
pub fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// Id of a numbered section: `s3` at the top, `s3-1` below it.
pub fn section_id(parent: Option<&str>, key: &str) -> String {
    match parent {
        Some(parent) => format!("{parent}-{key}"),
        None => format!("s{key}"),
    }
}

/// Passage ids follow their section: `s3-1-1` -> `p3-1-1.2`, `notes` -> `p-notes.1`.
pub fn passage_id(section_id: &str, n: usize) -> String {
    let numbered = section_id
        .strip_prefix('s')
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    match numbered {
        Some(rest) => format!("p{rest}.{n}"),
        None => format!("p-{section_id}.{n}"),
    }
}

/// Lower-case ASCII words joined by `-`; diacritics are dropped (`Lùka` -> `luka`).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation())
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_number_follows_its_parent_or_the_one_before_it() {
        let n = |t: &str| Numbering::parse(t).expect("numbered").0;
        let prev = n("4.6 Main text");
        for t in ["4.6.1 Headings", "4.7 Bibliography", "5 Trouble"] {
            assert!(n(t).follows(&prev), "{t}");
        }
        for t in [
            "4.6.2 Footnotes",
            "4.8 Later",
            "6 Bugs",
            "4.6 Again",
            "3.1 Back",
        ] {
            assert!(!n(t).follows(&prev), "{t}");
        }
    }

    use super::*;

    fn split(s: &str) -> (String, String) {
        let (n, rest) = Numbering::parse(s).unwrap();
        (n.text, rest.to_string())
    }

    #[test]
    fn recognises_the_paper_numbering_styles() {
        assert_eq!(split("3. Process"), ("3.".into(), "Process".into()));
        assert_eq!(
            split("§1. Introduction"),
            ("§1.".into(), "Introduction".into())
        );
        assert_eq!(split("§ 2 Style"), ("§ 2".into(), "Style".into()));
        assert_eq!(
            split("II.A. Multiline"),
            ("II.A.".into(), "Multiline".into())
        );
        assert_eq!(
            split("I.A.1. Third level"),
            ("I.A.1.".into(), "Third level".into())
        );
        assert_eq!(
            Numbering::parse("I.A.1. Third").map(|(n, _)| n.parts),
            Some(vec![1, 1, 1])
        );
        assert_eq!(
            split("(1) The Purpose"),
            ("(1)".into(), "The Purpose".into())
        );
        assert_eq!(split("1) Spin-Off"), ("1)".into(), "Spin-Off".into()));
        assert_eq!(
            split("Chapter 2: Harbours"),
            ("Chapter 2".into(), "Harbours".into())
        );
        assert_eq!(split("2.3.1 Quays"), ("2.3.1".into(), "Quays".into()));
        assert_eq!(split("IV. Results"), ("IV.".into(), "Results".into()));
        assert_eq!(Numbering::parse("(b) Two").unwrap().0.key(), "b");
        assert!(Numbering::parse("Introduction").is_none());
        assert!(Numbering::parse("2009was").is_none());
    }

    #[test]
    fn ids_follow_numbering() {
        assert_eq!(section_id(Some("s3-1"), "2"), "s3-1-2");
        assert_eq!(passage_id("s3-1-1", 2), "p3-1-1.2");
        assert_eq!(passage_id("notes", 1), "p-notes.1");
        assert_eq!(slug("Xiàgăng & Lùka!"), "xiagang-luka");
    }
}
