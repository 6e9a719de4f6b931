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

/// Superscript runs in `text` with the labels they spell.
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
}
