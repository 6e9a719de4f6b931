//! Splitting a reference list into one entry per work.
//!
//! Extracted lists lose their layout: entries run over blank lines, some keep a
//! bullet and some do not, and a URL or a lower-case word may start a line that
//! continues the entry before it.

use super::blocks::Block;
use crate::corpus::refs::numeric_label;

/// One entry's lines joined, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub line: usize,
}

/// Entries from the blocks of a reference section, and the lines where it
/// guessed that a line continues the entry before it.
pub fn split(blocks: &[Block]) -> (Vec<Entry>, Vec<usize>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut guesses = Vec::new();
    // A numbered list (`[1] ...`, `1. ...`): a label starts each entry.
    let numbered = blocks
        .iter()
        .flat_map(|b| &b.lines)
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| numeric_label(&l.text).is_some());
    for line in blocks.iter().flat_map(|b| &b.lines) {
        let raw = line.text.as_str();
        let text = raw.trim();
        let bullet = ["- ", "• ", "· ", "– "]
            .iter()
            .find_map(|b| text.strip_prefix(b));
        let starts_new = match (bullet, entries.last()) {
            (Some(_), _) | (_, None) => true,
            (None, Some(_)) if numbered => numeric_label(text).is_some(),
            (None, Some(prev)) => match continues(raw, &prev.text) {
                Some(continues) => !continues,
                None => {
                    guesses.push(line.no);
                    false
                }
            },
        };
        let body = bullet.unwrap_or(text).trim();
        if starts_new {
            entries.push(Entry {
                text: body.to_string(),
                line: line.no,
            });
        } else if let Some(prev) = entries.last_mut() {
            if !(prev.text.ends_with('-') && body.starts_with(char::is_lowercase)) {
                prev.text.push(' ');
            }
            prev.text.push_str(body);
        }
    }
    (entries, guesses)
}

/// Whether a line without a bullet continues the previous entry; `None` when
/// nothing tells (a complete entry, then a capitalised line without a year).
fn continues(raw: &str, prev: &str) -> Option<bool> {
    let text = raw.trim();
    if repeats_author(text) || looks_like_author(text) {
        return Some(false);
    }
    let first = text.chars().next().unwrap_or(' ');
    let continuation_start = raw.starts_with([' ', '\t'])
        || first.is_lowercase()
        || first.is_ascii_digit()
        || text.starts_with('<')
        || text.starts_with("http")
        || text.starts_with(['(', '[', ',', ';', ':']);
    if continuation_start || !ends_complete(prev) {
        return Some(true);
    }
    early_year(text).then_some(false)
}

/// A year in brackets near the start, as author-year entries have.
fn early_year(text: &str) -> bool {
    let head: String = text.chars().take(120).collect();
    head.match_indices('(').any(|(i, _)| {
        let y = &head.as_bytes()[i + 1..];
        y.len() >= 4
            && y[..4].iter().all(u8::is_ascii_digit)
            && (y.starts_with(b"19") || y.starts_with(b"20"))
    })
}

/// `---.` stands for the previous author.
fn repeats_author(text: &str) -> bool {
    text.chars()
        .take_while(|c| matches!(c, '-' | '—' | '–' | '_'))
        .count()
        >= 2
}

/// `Inoue, H. (2009)` or `Smith, John`: a surname, a comma, a capitalised name or initial.
fn looks_like_author(text: &str) -> bool {
    let Some((surname, rest)) = text.split_once(", ") else {
        return false;
    };
    let surname_ok = surname.split(' ').count() <= 2
        && surname.starts_with(char::is_uppercase)
        && surname
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'));
    let mut rest = rest.chars();
    surname_ok
        && rest.next().is_some_and(char::is_uppercase)
        && rest.next().is_some_and(|c| c == '.' || c.is_lowercase())
}

/// An entry ends with a full stop, a closing bracket, or a page range.
fn ends_complete(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['*', '>', '"', '”', '\'', '’']);
    t.ends_with(['.', ')', ']']) || t.ends_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::blocks::split as blocks;
    use super::super::lines::read;
    use super::*;

    fn entries(text: &str) -> Vec<String> {
        split(&blocks(read(text)))
            .0
            .into_iter()
            .map(|e| e.text)
            .collect()
    }

    #[test]
    fn entries_continue_across_blank_lines_and_urls() {
        let text = "China List. (2010) Web (in Chinese).\n\n<http://x.cn/a>. Last accessed.\n\n\
- Gao, L. (2008), Beyond.\nHisoft (2010) Form 20-F.\n\n\
Inoue, H. (2009), \"Dairen [The Characteristics of\n\nOffshoring in Dalian],\" Journal 44(2).\n\
- ---. (2010), Other.\n- Tajima, T. (2008), In T. Tajima and S.\n Furuya eds., Book.\n";
        let e = entries(text);
        assert_eq!(e.len(), 6, "{e:#?}");
        assert_eq!(
            e[0],
            "China List. (2010) Web (in Chinese). <http://x.cn/a>. Last accessed."
        );
        assert_eq!(e[3], "Inoue, H. (2009), \"Dairen [The Characteristics of Offshoring in Dalian],\" Journal 44(2).");
        assert_eq!(e[4], "---. (2010), Other.");
        assert_eq!(
            e[5],
            "Tajima, T. (2008), In T. Tajima and S. Furuya eds., Book."
        );
    }

    #[test]
    fn a_numbered_list_splits_at_each_label() {
        let text = "[1] R. Ablamowicz and B. Fauser. 2007. CLIFFORD: a Maple 11 Package\nfor Clifford Algebra. Retrieved February 28, 2008.\n\n[2] P. S. Abril and R. Plant. 2007. The patent\nholder\u{2019}s dilemma. Commun. ACM 50, 1 (Jan. 2007), 36\u{2013}44.\n[3] S. Andler. 1979. Predicate\npath expressions. In POPL \u{2019}79.\n";
        let e = entries(text);
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(e[0].ends_with("Retrieved February 28, 2008."), "{e:#?}");
        assert!(e[1].starts_with("[2] P. S. Abril") && e[1].ends_with("36\u{2013}44."));
    }
}
