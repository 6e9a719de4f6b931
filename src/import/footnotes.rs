//! Footnotes in extracted text: definitions are lines that start with a
//! superscript number; markers are superscript numbers inside the body.

use std::ops::Range;

use crate::corpus::markdown::{from_superscript, is_superscript_digit};

/// `"¹¹ Descriptions in ..."` -> `("11", "Descriptions in ...")`.
pub fn definition(text: &str) -> Option<(String, &str)> {
    let digits: usize = text
        .chars()
        .take_while(|&c| is_superscript_digit(c))
        .map(char::len_utf8)
        .sum();
    let label = from_superscript(&text[..digits])?;
    let rest = &text[digits..];
    rest.starts_with(' ').then(|| (label, rest.trim_start()))
}

/// The symbols notes are marked with where they are not numbered.
pub const NOTE_SYMBOLS: &str = "∗†‡§¶⋆";

/// Whether `label` is a run of note symbols (`†`, `∗∗`), not a number.
pub fn is_symbol_label(label: &str) -> bool {
    !label.is_empty() && label.chars().all(|c| NOTE_SYMBOLS.contains(c))
}

/// Superscript runs in `text` with the labels they spell, and note symbols
/// set against the word before them (`SPIE.∗ It`, `points† for`); a symbol
/// between spaces or before a letter (`a ∗ b`, `x∗y`) is an operator.
pub fn markers(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_superscript_digit(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if let Some(label) = from_superscript(&text[s..i]) {
                    out.push((s..i, label));
                }
                start = None;
            }
            _ => {}
        }
    }
    let mut symbols: Option<usize> = None;
    let mut before: Option<char> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let symbol = NOTE_SYMBOLS.contains(c) && i < text.len();
        match (symbol, symbols) {
            (true, None) => {
                symbols = before.filter(|b| !b.is_whitespace()).map(|_| i);
            }
            (false, Some(s)) => {
                let run = &text[s..i];
                if run.chars().count() <= 3 && !c.is_alphanumeric() {
                    out.push((s..i, run.to_string()));
                }
                symbols = None;
            }
            _ => {}
        }
        if !symbol {
            before = Some(c);
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Note marks at the ends of a title-block line's words, restricted to the
/// notes the page defines: `Class Version 1.11.1*†`, `Migchielsen¹,∗`,
/// `Rajagopal1,3`, `title⋆,⋆⋆`. Plain digits count only right after a letter
/// (a version number's last digit is no mark); a run of different symbols
/// (`∗†`) is one mark per symbol unless the run itself is a defined label.
/// Lettered note calls (`Linebreaka)`, `Author²,d)`): the byte offset of
/// each call's letter and the letter. A parenthesis that closes one opened
/// before (`(a test framework)`) is no call.
pub fn letter_calls(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    for word in text.split(' ') {
        if depth == 0 {
            if let Some(c) = letter_mark(word) {
                out.push((at + word.len() - 2, c));
            }
        }
        for c in word.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        at += word.len() + 1;
    }
    out
}

/// The letter of a lettered call closing `word`, by its shape alone.
fn letter_mark(word: &str) -> Option<char> {
    let body = word.strip_suffix(')')?;
    let c = body.chars().next_back()?;
    let before = &body[..body.len() - c.len_utf8()];
    (c.is_ascii_lowercase() && !before.is_empty() && !word.contains('(')).then_some(c)
}

pub fn title_marks(text: &str, defined: &dyn Fn(&str) -> bool) -> Vec<(Range<usize>, String)> {
    let markish =
        |c: char| NOTE_SYMBOLS.contains(c) || c == '*' || c == ',' || is_superscript_digit(c);
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let calls = letter_calls(text);
    let mut i = 0;
    while i < chars.len() {
        // The end of this word.
        let mut end = i;
        while end < chars.len() && !chars[end].1.is_whitespace() {
            end += 1;
        }
        let word_end = end;
        // A lettered call closing the word (`Linebreaka)`) comes last.
        let lettered = (end >= i + 2)
            .then(|| calls.iter().find(|&&(at, _)| at == chars[end - 2].0))
            .flatten()
            .map(|&(_, c)| c.to_string())
            .filter(|l| defined(l))
            .map(|l| {
                end -= 2;
                (chars[end].0..chars[end + 1].0 + 1, l)
            });
        // Its trailing marks: symbols, commas, raised digits, and plain
        // digits right after a letter.
        let mut start = end;
        while start > i && markish(chars[start - 1].1) {
            start -= 1;
        }
        let mut wide = end;
        while wide > i && (markish(chars[wide - 1].1) || chars[wide - 1].1.is_ascii_digit()) {
            wide -= 1;
        }
        if wide < start && wide > i && chars[wide - 1].1.is_alphabetic() {
            start = wide;
        }
        let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
        // Split the run into labels at commas, and between unlike kinds of mark.
        let mut k = start;
        while k < end {
            let c = chars[k].1;
            if c == ',' {
                k += 1;
                continue;
            }
            let digit = c.is_ascii_digit() || is_superscript_digit(c);
            let mut j = k + 1;
            while j < end && chars[j].1 != ',' {
                let d = chars[j].1;
                let same = if digit {
                    d.is_ascii_digit() || is_superscript_digit(d)
                } else {
                    !(d.is_ascii_digit() || is_superscript_digit(d))
                };
                if !same {
                    break;
                }
                j += 1;
            }
            let run: String = chars[k..j].iter().map(|&(_, c)| c).collect();
            let label = if digit {
                from_superscript(&run).unwrap_or(run)
            } else {
                run
            };
            if defined(&label) {
                out.push((byte(k)..byte(j), label));
            } else if !digit && chars[k + 1..j].iter().all(|&(_, d)| d != c) {
                // `∗†`: each symbol its own note (`⋆⋆` is one note or none).
                for &(at, sym) in &chars[k..j] {
                    let one = sym.to_string();
                    if defined(&one) {
                        out.push((at..at + sym.len_utf8(), one));
                    }
                }
            }
            k = j;
        }
        out.extend(lettered);
        i = word_end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lettered_calls_close_no_parenthesis_opened_before() {
        let text = "Sample Title: with Linebreaka) by A. Author,\u{b9},b) and (a test framework) or (a) c)";
        let letters: Vec<char> = letter_calls(text).into_iter().map(|(_, c)| c).collect();
        assert_eq!(letters, ['a', 'b']);
        let defined = |l: &str| l == "a" || l == "b";
        let marks: Vec<String> = title_marks(text, &defined)
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(marks, ["a", "b"]);
    }

    #[test]
    fn definitions_and_markers() {
        assert_eq!(
            definition("¹¹ Descriptions here"),
            Some(("11".into(), "Descriptions here"))
        );
        assert_eq!(definition("Plain text"), None);
        assert_eq!(definition("m² area"), None);
        let m = markers("region² played, in 1964.¹¹");
        assert_eq!(
            m.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(),
            ["2", "11"]
        );
    }

    #[test]
    fn note_symbols_against_a_word_are_markers_operators_are_not() {
        let labels = |t: &str| -> Vec<String> { markers(t).into_iter().map(|(_, l)| l).collect() };
        assert_eq!(labels("the SPIE.∗ It uses 10 points† for text"), ["∗", "†"]);
        assert_eq!(labels("Footnotes‡‡ may be used¹ here"), ["‡‡", "1"]);
        assert_eq!(labels("a ∗ b and x∗y and ∗ alone"), Vec::<String>::new());
        let t = "name.† End";
        let (span, _) = &markers(t)[0];
        assert_eq!(&t[span.clone()], "†");
    }

    #[test]
    fn title_block_marks_are_the_defined_notes_after_words() {
        let defined = |l: &str| ["*", "†", "‡", "1", "3", "⋆", "⋆⋆", "∗"].contains(&l);
        let labels = |t: &str| -> Vec<String> {
            title_marks(t, &defined)
                .into_iter()
                .map(|(_, l)| l)
                .collect()
        };
        assert_eq!(labels("The Class Version 1.11.1*†"), ["*", "†"]);
        assert_eq!(labels("A TEMPLATE∗†"), ["∗", "†"]);
        assert_eq!(
            labels("Jos Migchielsen¹,∗ and CV Rajagopal1,3"),
            ["1", "∗", "1", "3"]
        );
        assert_eq!(labels("A specimen title⋆,⋆⋆"), ["⋆", "⋆⋆"]);
        // A version's last digit, a postcode, an undefined mark: no notes.
        assert!(labels("Version 1.11.1 at 1043 NX Amsterdam§").is_empty());
        assert!(title_marks("title∗∗", &|l: &str| l == "∗").is_empty());
        let t = "Chafaï‡ x";
        let (span, _) = &title_marks(t, &defined)[0];
        assert_eq!(&t[span.clone()], "‡");
    }
}
