//! Physical lines of an extracted text, with page furniture taken out:
//! running heads, page numbers and dot-leader tables of contents.

use std::collections::HashMap;

use crate::corpus::ids::{Numbering, Style};

/// One line of the input, numbered as in the file (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    pub text: String,
    /// The line starts a new page (a form feed came before it).
    pub page_start: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits the text into lines; blank lines are kept (they separate blocks).
/// `ﬁ`, `ﬂ`, `ﬀ`, `ﬃ`, `ﬄ` as the letters they join, so that words match.
fn expand_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

pub fn read(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut page_start = false;
    for (i, raw) in text.lines().enumerate() {
        let mut raw = raw;
        while let Some(rest) = raw.strip_prefix('\u{c}') {
            page_start = true;
            raw = rest;
        }
        let text = expand_ligatures(raw.replace('\u{c}', "").trim_end()).replace('\u{a0}', " ");
        let blank = text.trim().is_empty();
        lines.push(Line {
            no: i + 1,
            text,
            page_start: page_start && !blank,
        });
        if !blank {
            page_start = false;
        }
    }
    lines
}

/// `pdftotext -layout` prints two columns side by side: where most long lines
/// of a page have a gap at the same place, each page is read as its left
/// column, then its right one. Lines that cross the gap stay whole, in the
/// left column's place.
pub fn split_columns(lines: Vec<Line>) -> Vec<Line> {
    let mut pages: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        match pages.last_mut() {
            Some(page) if !line.page_start => page.push(line),
            _ => pages.push(vec![line]),
        }
    }
    pages.into_iter().flat_map(split_page).collect()
}

fn split_page(page: Vec<Line>) -> Vec<Line> {
    let chars: Vec<Vec<char>> = page.iter().map(|l| l.text.chars().collect()).collect();
    let long: Vec<&Vec<char>> = chars.iter().filter(|c| c.len() >= 60).collect();
    let width = long.iter().map(|c| c.len()).max().unwrap_or(0);
    // A gap: three spaces at `p` with text on both sides.
    let gap_at = |c: &[char], p: usize| {
        p + 2 < c.len()
            && c[p..p + 3].iter().all(|&ch| ch == ' ')
            && c[..p].iter().any(|ch| !ch.is_whitespace())
            && c[p + 3..].iter().any(|ch| !ch.is_whitespace())
    };
    let best = (width / 4..width * 3 / 4)
        .map(|p| (long.iter().filter(|c| gap_at(c, p)).count(), p))
        .max();
    let Some((count, p)) = best else {
        return page;
    };
    if long.len() < 8 || count * 2 < long.len() {
        return page;
    }
    let right_start = |c: &[char]| {
        c.iter()
            .skip(p)
            .position(|ch| !ch.is_whitespace())
            .map(|i| p + i)
    };
    let column = chars
        .iter()
        .filter(|c| gap_at(c, p))
        .filter_map(|c| right_start(c))
        .min()
        .unwrap_or(p);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (line, c) in page.iter().zip(&chars) {
        let crosses = c.len() > p && !gap_at(c, p) && !c[p..].iter().all(|ch| ch.is_whitespace());
        let cut = if crosses { c.len() } else { p.min(c.len()) };
        let part = |from: usize, to: usize| -> String {
            c[from.min(c.len())..to.min(c.len())]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string()
        };
        left.push(Line {
            text: part(0, cut),
            ..line.clone()
        });
        right.push(Line {
            no: line.no,
            text: if crosses {
                String::new()
            } else {
                part(column.min(cut.max(column)), c.len())
            },
            page_start: false,
        });
    }
    left.push(Line {
        no: page.last().map_or(0, |l| l.no),
        text: String::new(),
        page_start: false,
    });
    left.extend(right);
    left
}

/// Removes page numbers and running heads at the top and bottom of pages.
/// A running head is a line that recurs (digits aside) at a page edge on several pages.
pub fn strip_furniture(lines: &mut Vec<Line>) {
    let pages = page_ranges(lines);
    if pages.len() < 2 {
        return;
    }
    let edges: Vec<Vec<usize>> = pages.iter().map(|r| edge_lines(lines, r.clone())).collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in &edges {
        let mut seen: Vec<String> = page.iter().map(|&i| shape(&lines[i].text)).collect();
        seen.dedup();
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut drop: Vec<usize> = Vec::new();
    for (page, &i) in edges
        .iter()
        .enumerate()
        .flat_map(|(p, e)| e.iter().map(move |i| (p, i)))
    {
        let text = &lines[i].text;
        // The first page carries the title block, not running heads.
        let repeated = page > 0 && counts[&shape(text)] >= 2 && text.trim().len() < 100;
        if is_page_number(text) || repeated {
            drop.push(i);
        }
    }
    let mut moved_start = Vec::new();
    for &i in &drop {
        if lines[i].page_start {
            moved_start.push(i);
        }
    }
    for i in moved_start {
        if let Some(next) =
            (i + 1..lines.len()).find(|&j| !lines[j].is_blank() && !drop.contains(&j))
        {
            lines[next].page_start = true;
        }
    }
    let mut i = 0;
    lines.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

fn page_ranges(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut starts: Vec<usize> = vec![0];
    starts.extend(
        lines
            .iter()
            .enumerate()
            .filter(|(i, l)| l.page_start && *i > 0)
            .map(|(i, _)| i),
    );
    let mut ranges: Vec<_> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().unwrap_or(&0)..lines.len());
    ranges
}

/// The first and last non-blank lines of a page, and their neighbours when
/// those are page numbers (a head above a number, or a number above a foot).
fn edge_lines(lines: &[Line], range: std::ops::Range<usize>) -> Vec<usize> {
    let filled: Vec<usize> = range.filter(|&i| !lines[i].is_blank()).collect();
    let mut edges = Vec::new();
    for side in [filled.clone(), filled.iter().rev().copied().collect()] {
        if let Some(&first) = side.first() {
            edges.push(first);
            if is_page_number(&lines[first].text) {
                edges.extend(side.get(1));
            }
        }
    }
    // A chapter opening ("Chapter 2") recurs at page tops but is no running head.
    edges.retain(|&i| !is_chapter_opening(&lines[i].text));
    edges.sort_unstable();
    edges.dedup();
    edges
}

fn is_chapter_opening(text: &str) -> bool {
    Numbering::parse(text.trim()).is_some_and(|(n, _)| n.style == Style::Chapter)
}

/// Digits replaced by `#`, so "Harbour Towns  12" and "Harbour Towns  13" compare equal.
fn shape(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        let c = if c.is_ascii_digit() {
            '#'
        } else {
            c.to_ascii_lowercase()
        };
        if !(c == '#' && out.ends_with('#')) {
            out.push(c);
        }
    }
    out
}

/// `12`, `- 12 -`, `Page 12`, `12 of 30`, `xii`; not four digits, which is a year.
pub fn is_page_number(text: &str) -> bool {
    let t = text.trim().trim_matches(['-', '–', '—', ' ']);
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let t = t.split(" of ").next().unwrap_or(t).trim();
    let digits = !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    let roman = !t.is_empty() && t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    digits || roman
}

/// A table-of-contents line: a title, a dot leader, a page number.
pub fn toc_entry(text: &str) -> Option<String> {
    let t = text.trim_end();
    let number_len = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    let head = t[..t.len() - number_len].trim_end();
    let leader = head.len() - head.trim_end_matches(['.', ' ', '·', '…']).len();
    let dots = head[head.len() - leader..]
        .chars()
        .filter(|c| matches!(c, '.' | '·' | '…'))
        .count();
    (number_len > 0 && dots >= 4).then(|| head[..head.len() - leader].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feeds_start_pages_and_furniture_goes() {
        let text = "A Title\nBody one\nmore\n2\n\u{c}Harbour Towns 2\nBody two\n3\n\u{c}Harbour Towns 3\nend\n";
        let mut lines = read(text);
        strip_furniture(&mut lines);
        let kept: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, ["A Title", "Body one", "more", "Body two", "end"]);
        assert!(lines[3].page_start && lines[4].page_start);
    }

    #[test]
    fn recognises_toc_lines_and_page_numbers() {
        assert_eq!(
            toc_entry("Chapter 2 Quays . . . . . . . 14").as_deref(),
            Some("Chapter 2 Quays")
        );
        assert_eq!(
            toc_entry("1.1 Aims ............ 3").as_deref(),
            Some("1.1 Aims")
        );
        assert_eq!(toc_entry("In 2009 prices rose 12"), None);
        assert!(is_page_number("- 12 -") && is_page_number("xii") && !is_page_number("1998 was"));
    }
}

#[cfg(test)]
mod column_tests {
    use super::*;

    #[test]
    fn two_columns_side_by_side_are_read_left_then_right() {
        let mut text = String::from(
            "A Title That Spans Both Columns Of The Page And Crosses The Gutter Line\n\n",
        );
        for i in 0..10 {
            text.push_str(&format!(
                "left column words of line {i:02} here     right column words of line {i:02} there\n"
            ));
        }
        let lines = split_columns(read(&text));
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts[0],
            "A Title That Spans Both Columns Of The Page And Crosses The Gutter Line"
        );
        assert_eq!(texts[2], "left column words of line 00 here");
        assert_eq!(texts[11], "left column words of line 09 here");
        let right: Vec<&&str> = texts.iter().filter(|t| t.starts_with("right")).collect();
        assert_eq!(right.len(), 10);
        assert_eq!(*right[0], "right column words of line 00 there");
        let first_right = texts.iter().position(|t| t.starts_with("right")).unwrap();
        assert!(first_right > 11, "{texts:#?}");
    }

    #[test]
    fn one_column_prose_is_left_alone() {
        let text = "The paper argues that the parks of Dalian grew with the software firms\n\
that settled there after 1998, and that the city government led it.\n"
            .repeat(6);
        let lines = read(&text);
        assert_eq!(split_columns(lines.clone()), lines);
    }
}
