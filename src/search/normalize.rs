//! Case and diacritic folding with a map back to the original text.
//!
//! Search compares folded text ("Xiàgăng" becomes "xiagang"), but highlights
//! must land on the characters the reader sees, so every folded byte remembers
//! which original character produced it.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text plus, for each folded byte, the byte offset of the original
/// character it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    map: Vec<u32>,
    original_len: usize,
}

impl Folded {
    /// Folds `original`: canonical decomposition, combining marks dropped,
    /// lower-cased, typographic quotes and dashes replaced by ASCII ones.
    pub fn new(original: &str) -> Self {
        if original.is_ascii() {
            // Most text: same length, so the map is the identity and is left empty.
            return Folded {
                text: original.to_ascii_lowercase(),
                map: Vec::new(),
                original_len: original.len(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (offset, c) in original.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            map.resize(text.len(), offset as u32);
            debug_assert!(text.len() >= before);
        }
        map.push(original.len() as u32);
        Folded {
            text,
            map,
            original_len: original.len(),
        }
    }

    /// The original byte range covering every character that produced the
    /// folded bytes in `range`.
    pub fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        debug_assert_eq!(original.len(), self.original_len);
        if self.map.is_empty() {
            return range;
        }
        if range.start >= range.end {
            let at = self.map[range.start.min(self.text.len())] as usize;
            return at..at;
        }
        let start = self.map[range.start] as usize;
        let last = self.map[range.end - 1] as usize;
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        start..end
    }
}

/// Folds a short string (a query word, a tag) without keeping the map.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(ascii) = typographic(c) {
        out.push(ascii);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Typographic punctuation a reader types as plain ASCII.
fn typographic(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Xiàgăng"), "xiagang");
        assert_eq!(fold("Lùka"), "luka");
        assert_eq!(fold("NEC’s 27–1"), "nec's 27-1");
    }

    #[test]
    fn maps_folded_ranges_back_to_original_bytes() {
        let original = "The Lùka project";
        let folded = Folded::new(original);
        let at = folded.text.find("luka").unwrap();
        let range = folded.original_range(original, at..at + 4);
        assert_eq!(&original[range], "Lùka");
        let u = folded.text.find('u').unwrap();
        assert_eq!(&original[folded.original_range(original, u..u + 1)], "ù");
    }

    #[test]
    fn one_character_folding_to_several_maps_to_the_whole_character() {
        // U+0130 lower-cases to "i" plus a combining dot, which is dropped;
        // U+1E9E (capital sharp s) lower-cases to one "ß" of two bytes.
        let original = "AİB ẞ";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "aib ß");
        let i = folded.text.find('i').unwrap();
        assert_eq!(&original[folded.original_range(original, i..i + 1)], "İ");
        let s = folded.text.find('ß').unwrap();
        assert_eq!(&original[folded.original_range(original, s..s + 1)], "ẞ");
    }
}
