//! Paragraphs that a page break, a footnote block or a figure cut in two.
//!
//! A paragraph that stops mid-sentence continues with the next paragraph,
//! past any footnotes, captions and source lines in between; so does one
//! followed by text that starts in lower case.

use super::blocks::{append, Guess, Vocabulary};
use super::classify::{Piece, Placed};
use crate::corpus::markdown::is_superscript_digit;
use crate::model::PassageKind;

pub fn rejoin(
    pieces: Vec<Placed>,
    vocab: &Vocabulary,
    guesses: &mut Vec<Guess>,
    doubts: &mut Vec<(usize, String)>,
) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::with_capacity(pieces.len());
    let mut last: Option<usize> = None;
    for (piece, line) in pieces {
        match piece {
            Piece::Text {
                kind: PassageKind::Paragraph,
                text,
                page_start,
            } => {
                if let Some(i) = last {
                    if let (Piece::Text { text: prev, .. }, _) = &mut out[i] {
                        if !ends_sentence(prev) || text.starts_with(char::is_lowercase) {
                            append(prev, &text, line, vocab, guesses);
                            continue;
                        }
                    }
                }
                last = Some(out.len());
                out.push((
                    Piece::Text {
                        kind: PassageKind::Paragraph,
                        text,
                        page_start,
                    },
                    line,
                ));
            }
            Piece::Text { .. } | Piece::Footnote { .. } => out.push((piece, line)),
            Piece::Heading(_) | Piece::Reference(_) | Piece::Front { .. } => {
                if let Some((Piece::Text { text, .. }, at)) = last.map(|i| &out[i]) {
                    if !ends_sentence(text) {
                        doubts.push((
                            *at,
                            "paragraph ends mid-sentence and nothing continues it".into(),
                        ));
                    }
                }
                last = None;
                out.push((piece, line));
            }
        }
    }
    if let Some((Piece::Text { text, .. }, at)) = last.map(|i| &out[i]) {
        if !ends_sentence(text) {
            doubts.push((
                *at,
                "paragraph ends mid-sentence and nothing continues it".into(),
            ));
        }
    }
    out
}

/// Ends like a sentence: `.`, `?`, `!`, `:` or `;`, possibly followed by closing
/// quotes, brackets, italics markers or a footnote marker.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(|c: char| {
        is_superscript_digit(c) || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*')
    });
    t.ends_with(['.', '?', '!', ':', ';', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Placed {
        (
            Piece::Text {
                kind: PassageKind::Paragraph,
                text: text.into(),
                page_start: false,
            },
            1,
        )
    }

    #[test]
    fn split_paragraphs_join_past_footnotes_and_figures() {
        let pieces = vec![
            para("In comparison to coastal areas"),
            (
                Piece::Footnote {
                    label: "1".into(),
                    text: "A note.".into(),
                },
                2,
            ),
            (
                Piece::Text {
                    kind: PassageKind::Caption,
                    text: "Figure 1: X".into(),
                    page_start: false,
                },
                3,
            ),
            para("in the south, trends became evident.¹"),
            para("A new paragraph."),
        ];
        let vocab = Vocabulary::new(&[]);
        let out = rejoin(pieces, &vocab, &mut Vec::new(), &mut Vec::new());
        assert_eq!(out.len(), 4);
        assert_eq!(
            out[0].0,
            para("In comparison to coastal areas in the south, trends became evident.¹").0
        );
        assert_eq!(out[3].0, para("A new paragraph.").0);
    }
}
