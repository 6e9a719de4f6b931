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

#[cfg(test)]
mod tests {
    use super::*;

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
}
