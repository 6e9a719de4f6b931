//! The years a paper talks about, and the passages that mention each.
//!
//! Only years the text refers to as time count. Publication years of cited
//! works ("Gao 2008", "Saxenian (2004, 2006)"), page numbers ("pp. 187-190"),
//! quantities ("2000 yuan") and codes joined by dashes ("980–8576", "27–1")
//! are left out, because a timeline of them would chart the bibliography.

use crate::corpus::refs::MONTHS;
use std::collections::BTreeMap;

use crate::model::Document;

/// Years 1900-2099 mentioned in the paper, each with the passages (indices,
/// ascending, each once) that mention it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub years: BTreeMap<i32, Vec<usize>>,
}

impl Timeline {
    pub fn build(doc: &Document) -> Self {
        let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for (index, passage) in doc.passages.iter().enumerate() {
            for year in years_in(&passage.text) {
                years.entry(year).or_default().push(index);
            }
        }
        Timeline { years }
    }

    /// Number of passages mentioning each year from the first to the last,
    /// zero for years in between that nobody mentions.
    pub fn counts(&self) -> Vec<(i32, usize)> {
        let (Some(&first), Some(&last)) = (self.years.keys().next(), self.years.keys().last())
        else {
            return Vec::new();
        };
        (first..=last)
            .map(|y| (y, self.years.get(&y).map_or(0, Vec::len)))
            .collect()
    }
}

/// A run of digits, possibly with digit-separated `,` or `.` inside.
struct Number {
    start: usize,
    end: usize,
}

fn numbers(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b',' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        out.push(Number { start, end: i });
    }
    out
}

/// Capitalised words before a year that are not authors: sentence openers
/// ("By 2009, ...", "The 2009 report") and seasons.
const NOT_AUTHORS: [&str; 30] = [
    "In", "By", "Since", "Until", "From", "After", "Before", "Around", "During", "As", "Of", "To",
    "Through", "Between", "Circa", "At", "The", "This", "That", "These", "Those", "Its", "Their",
    "And", "But", "For", "Spring", "Summer", "Autumn", "Winter",
];
/// Words after which a number is a label, not a year.
const LABELS: [&str; 6] = ["No.", "Figure", "Table", "Chapter", "p.", "pp."];
/// Words after which a number is a quantity.
const UNITS: [&str; 12] = [
    "yuan",
    "dollars",
    "yen",
    "employees",
    "students",
    "people",
    "staff",
    "members",
    "companies",
    "universities",
    "units",
    "square",
];

/// Whether the word before a year makes it a citation: an author, an
/// organisation, or "et al.".
fn cites(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    if word == "al." {
        return true;
    }
    if word.ends_with(['.', ';', ':', '!', '?', ')'])
        || MONTHS.contains(&word)
        || NOT_AUTHORS.contains(&word)
    {
        return false;
    }
    word.chars().any(char::is_uppercase)
}

fn last_word(before: &str) -> &str {
    before
        .trim_end()
        .trim_end_matches('(')
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

fn next_word(after: &str) -> &str {
    let after = after.trim_start();
    let end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    &after[..end]
}

/// Whether the text between two numbers continues a range or list.
fn joins_range(s: &str) -> bool {
    matches!(s.trim(), "-" | "–" | "to" | "")
}

/// Years mentioned in `text`, ascending, each once. "1980s" counts as 1980,
/// "1991 to 1996" and "1991–1996" as both ends, "2009(2011)" as both years.
pub fn years_in(text: &str) -> Vec<i32> {
    let nums = numbers(text);
    let mut years = Vec::new();
    // A chain is a run of numbers joined by dashes; pages and citations
    // carry on through lists ("pp. 82, 89", "(2004, 2006)").
    let mut chain_rejected = false;
    let mut chain_years: Vec<i32> = Vec::new();
    let mut cited = false;
    let mut paged = false;
    for (k, n) in nums.iter().enumerate() {
        let gap = if k == 0 {
            ""
        } else {
            &text[nums[k - 1].end..n.start]
        };
        let dashed = k > 0 && matches!(gap, "-" | "–");
        if !dashed {
            if !chain_rejected {
                years.append(&mut chain_years);
            }
            chain_years.clear();
            chain_rejected = false;
        }
        let listed = k > 0 && (dashed || joins_range(gap) || gap.trim() == ",");
        let word = last_word(&text[..n.start]);
        paged = (paged && listed) || LABELS.contains(&word.trim_end_matches(','));
        cited = (cited && listed) || cites(word);

        let digits = &text[n.start..n.end];
        let rest = &text[n.end..];
        let decade = next_word(rest) == "s" && rest.starts_with('s');
        let glued = text[..n.start].ends_with(|c: char| c.is_alphanumeric() || c == '$')
            || (!decade && rest.starts_with(char::is_alphanumeric));
        let quantity = rest.starts_with('%') || UNITS.contains(&next_word(rest));
        let year = digits
            .parse::<i32>()
            .ok()
            .filter(|y| digits.len() == 4 && (1900..=2099).contains(y));
        match year {
            // Page numbers and cited years are skipped; they do not spoil a range.
            Some(_) if !glued && !quantity && (paged || cited) => {}
            Some(y) if !glued && !quantity => chain_years.push(y),
            // Anything else joined by a dash makes the whole run a code.
            _ => chain_rejected = true,
        }
    }
    if !chain_rejected {
        years.append(&mut chain_years);
    }
    years.sort_unstable();
    years.dedup();
    years
}

#[cfg(test)]
mod tests {
    use super::years_in;

    #[test]
    fn plain_years_decades_and_ranges() {
        assert_eq!(years_in("Dalian became open in 1984."), [1984]);
        assert_eq!(years_in("in 1980s and 1990s"), [1980, 1990]);
        assert_eq!(years_in("from 1991 to 1996 to conduct"), [1991, 1996]);
        assert_eq!(years_in("the 1991–1996 period"), [1991, 1996]);
        assert_eq!(years_in("the 2009(2011) edition"), [2009, 2011]);
        assert_eq!(years_in("By 2009, the number"), [2009]);
        assert_eq!(years_in("(DXC interviews, August 2010)"), [2010]);
        assert_eq!(
            years_in("in August of 2010 and 2011 perfectly"),
            [2010, 2011]
        );
    }

    #[test]
    fn citations_pages_codes_and_quantities_are_not_years() {
        assert_eq!(years_in("(Gao 2008, p. 19)"), Vec::<i32>::new());
        assert_eq!(
            years_in("proposed by Saxenian (2004, 2006, 2008). Then"),
            Vec::<i32>::new()
        );
        assert_eq!(
            years_in("(Gregory et al., 2009, Chapter 4)"),
            Vec::<i32>::new()
        );
        assert_eq!(
            years_in("(Terakura 2011, pp. 187-190), and in 2001"),
            [2001]
        );
        assert_eq!(years_in("see pp. 1998-2001 of it"), Vec::<i32>::new());
        assert_eq!(
            years_in("27–1 KAWAUCHI, SENDAI, 980–8576 JAPAN"),
            Vec::<i32>::new()
        );
        assert_eq!(years_in("a 1998-123 code"), Vec::<i32>::new());
        assert_eq!(
            years_in("paid 2000 yuan, 1999% or 1,998 staff"),
            Vec::<i32>::new()
        );
        assert_eq!(years_in("Paper No. 1999 and No.2001"), Vec::<i32>::new());
        assert_eq!(years_in("ISO9001 and 1998a"), Vec::<i32>::new());
        assert_eq!(
            years_in("reached 40.27 billion in 1850 and 2150"),
            Vec::<i32>::new()
        );
    }

    #[test]
    fn a_sentence_may_start_with_a_year() {
        assert_eq!(years_in("It grew in Japan. 1998 was the start."), [1998]);
        assert_eq!(years_in("The 2009 report. Summer 2010"), [2009, 2010]);
    }
}
