//! The paper's figures and tables, and the places the text points at them:
//! "(Figure 2)", "Fig. 3", "Figures 2 and 3", "Table 1".

use std::ops::Range;

use crate::corpus::ids::roman;
use crate::model::{Document, PassageKind};

/// What a numbered display is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Figure,
    Table,
}

impl Label {
    pub fn name(self) -> &'static str {
        match self {
            Label::Figure => "Figure",
            Label::Table => "Table",
        }
    }
}

/// One figure (or table) passage of the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Index into `Document::passages`.
    pub passage: usize,
    pub label: Label,
    /// `None` when neither the caption nor the order of the figures gives one.
    pub number: Option<u32>,
}

impl Figure {
    /// "Figure 2", or "Figure" for one without a number.
    pub fn name(&self) -> String {
        match self.number {
            Some(n) => format!("{} {n}", self.label.name()),
            None => self.label.name().to_string(),
        }
    }
}

/// A pointer in the text to a figure: "Figure 2" in "(Figure 2)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRef {
    /// Byte range of the words in the place's text.
    pub span: Range<usize>,
    pub label: Label,
    pub number: u32,
}

/// Words that name a figure or a table, longest first so "Figures" wins over "Figure".
const WORDS: [(&str, Label); 8] = [
    ("figures", Label::Figure),
    ("figure", Label::Figure),
    ("figs.", Label::Figure),
    ("fig.", Label::Figure),
    ("figs", Label::Figure),
    ("fig", Label::Figure),
    ("tables", Label::Table),
    ("table", Label::Table),
];

/// Every "Figure N" (and "Fig. N", "Figures N and M", "Figures N–M", "Table N")
/// in `text`, one per number; the first number's span takes in the word.
pub fn refs_in(text: &str) -> Vec<FigureRef> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !matches!(bytes[at], b'f' | b'F' | b't' | b'T') {
            at += 1;
            continue;
        }
        let starts_word = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric());
        let word = WORDS.iter().find(|(w, _)| {
            text.get(at..at + w.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(w))
        });
        let (Some(&(word, label)), true) = (word, starts_word) else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let mut end = at + word.len();
        let first = numbers_after(text, end);
        if first.is_empty() {
            at = end;
            continue;
        }
        for (i, (span, number)) in first.into_iter().enumerate() {
            end = span.end;
            let start = if i == 0 { at } else { span.start };
            out.push(FigureRef {
                span: start..span.end,
                label,
                number,
            });
        }
        at = end;
    }
    out
}

/// The numbers right after a figure word: ` 2`, ` 2a`, ` 2 and 3`, ` 2, 3`, ` 2–4`.
fn numbers_after(text: &str, from: usize) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    let mut at = from;
    let mut seps: &[&str] = &[" ", "\u{a0}"];
    while let Some(sep) = seps.iter().find(|s| text[at..].starts_with(**s)) {
        let start = at + sep.len();
        let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            // "Table IV" (REVTeX numbers tables in Roman numerals).
            let letters = text[start..]
                .bytes()
                .take_while(|b| b"IVXL".contains(b))
                .count();
            let end = start + letters;
            let Some(number) = (letters > 0
                && !text[end..].starts_with(|c: char| c.is_alphanumeric()))
            .then(|| roman(&text[start..end]))
            .flatten() else {
                break;
            };
            out.push((start..end, number));
            at = end;
            seps = &[", and ", ", ", " and ", " & ", "–", "-", ",", " or "];
            continue;
        }
        if digits > 3 {
            break;
        }
        let mut end = start + digits;
        // "2a", "2(b)" are parts of Figure 2; "2018" or "2x" are not figures.
        if text[end..].starts_with(|c: char| c.is_ascii_lowercase())
            && !text[end + 1..].starts_with(|c: char| c.is_alphanumeric())
        {
            end += 1;
        } else if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        let Ok(number) = text[start..start + digits].parse::<u32>() else {
            break;
        };
        // A range names every figure in it.
        let ranged = out
            .last()
            .is_some_and(|_| text[..start].ends_with('–') || text[..start].ends_with('-'));
        match out.last() {
            Some(&(_, last)) if ranged && number > last && number - last <= 20 => {
                for n in last + 1..=number {
                    out.push((start..end, n));
                }
            }
            _ => out.push((start..end, number)),
        }
        at = end;
        seps = &[", and ", ", ", " and ", " & ", "–", "-", ",", " or "];
    }
    out
}

/// The label and number a figure passage's caption gives: "Figure 2: ...",
/// "Fig. 3.", "Table 1 ...".
fn caption_label(text: &str) -> Option<(Label, u32)> {
    let line = text.lines().next().unwrap_or("");
    let first = refs_in(line).into_iter().next()?;
    // A label, not a sentence that begins "Figure 2 shows ...".
    let after = line[first.span.end..].trim_start();
    let labelled = after.is_empty()
        || after.starts_with([':', '.', '—', '–', '-'])
        || after.starts_with(|c: char| !c.is_lowercase());
    (first.span.start == 0 && labelled).then_some((first.label, first.number))
}

/// The figure passages of `doc` in reading order (in a paper that keeps
/// captions and source lines apart, its captions and the source lines
/// without one above them). A figure without a caption
/// (a "Source:" line alone, where the caption was part of the picture) takes
/// the next figure number when no captioned figure has it.
pub fn index(doc: &Document) -> Vec<Figure> {
    let mut figures: Vec<Figure> = doc
        .passages
        .iter()
        .enumerate()
        .filter(|&(i, p)| match p.kind {
            PassageKind::Figure | PassageKind::Caption => true,
            // Papers written before figure passages: a source line under
            // its caption is part of that figure, not one of its own.
            PassageKind::Source => i == 0 || doc.passages[i - 1].kind != PassageKind::Caption,
            _ => false,
        })
        .map(|(passage, p)| {
            let (label, number) = match caption_label(&p.text) {
                Some((label, n)) => (label, Some(n)),
                None => (Label::Figure, None),
            };
            Figure {
                passage,
                label,
                number,
            }
        })
        .collect();
    let captioned: Vec<u32> = figures
        .iter()
        .filter(|f| f.label == Label::Figure)
        .filter_map(|f| f.number)
        .collect();
    let mut last = 0;
    for f in figures.iter_mut().filter(|f| f.label == Label::Figure) {
        let text = &doc.passages[f.passage].text;
        let source_alone = ["Source", "Data source", "SOURCE"]
            .iter()
            .any(|s| text.starts_with(s));
        match f.number {
            Some(n) => last = n,
            None if source_alone && !captioned.contains(&(last + 1)) => {
                last += 1;
                f.number = Some(last);
            }
            None => {}
        }
    }
    figures
}

/// The figure a reference points at, if the paper has it.
pub fn resolve(figures: &[Figure], label: Label, number: u32) -> Option<usize> {
    figures
        .iter()
        .position(|f| f.label == label && f.number == Some(number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Label, u32)> {
        refs_in(text)
            .into_iter()
            .map(|r| (&text[r.span], r.label, r.number))
            .collect()
    }

    #[test]
    fn finds_figure_and_table_mentions_in_their_forms() {
        use Label::{Figure as F, Table as T};
        assert_eq!(
            found("higher (Figure 1). See Fig. 3a and Table 2."),
            [("Figure 1", F, 1), ("Fig. 3a", F, 3), ("Table 2", T, 2)]
        );
        assert_eq!(
            found("Figures 2 and 3, figs 4–6"),
            [
                ("Figures 2", F, 2),
                ("3", F, 3),
                ("figs 4", F, 4),
                ("6", F, 5),
                ("6", F, 6)
            ]
        );
        assert!(found("a configuration 2, the Figure shows, tables 2018x, Figure 2019").is_empty());
        assert_eq!(
            found("Tables I, II, and IV show it; TABLE III. Numbers; Table It"),
            [
                ("Tables I", T, 1),
                ("II", T, 2),
                ("IV", T, 4),
                ("TABLE III", T, 3)
            ]
        );
    }

    /// A one-section document of (kind, text) passages.
    fn doc(passages: &[(PassageKind, &str)]) -> Document {
        use crate::model::{Passage, Section};
        let passages: Vec<Passage> = passages
            .iter()
            .enumerate()
            .map(|(i, &(kind, text))| Passage {
                id: format!("p{i}"),
                section: 0,
                kind,
                text: text.into(),
                footnote_refs: Vec::new(),
                emphasis: Vec::new(),
                line: 1,
            })
            .collect();
        let section = Section {
            id: "s1".into(),
            number: None,
            title: "T".into(),
            level: 1,
            parent: None,
            passages: 0..passages.len(),
            line: 1,
        };
        Document::new(vec![section], passages, Vec::new(), Vec::new())
    }

    fn names(doc: &Document) -> Vec<String> {
        index(doc).iter().map(Figure::name).collect()
    }

    #[test]
    fn uncaptioned_figures_take_the_free_number_in_sequence() {
        use PassageKind::{Figure as F, Paragraph as P};
        let d = doc(&[
            (F, "Source: A."),
            (F, "Figure 2: B\nSource: B."),
            (F, "Table 1. C"),
            (F, "Table 2 shows a table."),
            (P, "See Figure 1."),
        ]);
        // A sentence taken for a caption gives no number.
        assert_eq!(names(&d), ["Figure 1", "Figure 2", "Table 1", "Figure"]);
    }

    #[test]
    fn captions_and_sources_kept_apart_are_figures_too() {
        use PassageKind::{Caption as C, Paragraph as P, Source as S};
        let d = doc(&[
            (S, "Source: A."),
            (C, "Figure 2: B"),
            (S, "Source: B."),
            (P, "x"),
        ]);
        assert_eq!(names(&d), ["Figure 1", "Figure 2"]);
        assert_eq!(index(&d)[1].passage, 1);
    }
}
