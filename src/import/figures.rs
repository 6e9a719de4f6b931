//! Figure and table captions and their "Source:" lines, which extraction
//! often glues to each other or to the paragraph that follows.

use super::classify::{Piece, Placed};
use crate::model::PassageKind;

const CAPTION_WORDS: [&str; 10] = [
    "Figure", "Fig.", "Table", "Chart", "Map", "Photo", "Exhibit", "Graph", "Diagram", "Plate",
];
const ABBREVIATIONS: [&str; 16] = [
    "e.g", "i.e", "et al", "etc", "No", "Co", "Ltd", "Inc", "pp", "p", "Vol", "ed", "eds", "Fig",
    "cf", "vs",
];
/// A source note longer than this after its first sentence is a glued paragraph.
const GLUED_PARAGRAPH: usize = 200;

/// Splits a caption or source block into its parts; `None` for ordinary text.
pub fn split(text: &str) -> Option<Vec<(PassageKind, String)>> {
    if is_caption(text) {
        let mut parts = Vec::new();
        match find_source(text) {
            Some(at) => {
                parts.push((PassageKind::Caption, text[..at].trim().to_string()));
                parts.extend(source_parts(text[at..].trim()));
            }
            None => parts.push((PassageKind::Caption, text.to_string())),
        }
        return Some(parts);
    }
    is_source(text).then(|| source_parts(text))
}

fn source_parts(text: &str) -> Vec<(PassageKind, String)> {
    match glued_paragraph(text) {
        Some(at) => vec![
            (PassageKind::Source, text[..at].trim().to_string()),
            (PassageKind::Paragraph, text[at..].trim().to_string()),
        ],
        None => vec![(PassageKind::Source, text.to_string())],
    }
}

pub fn is_source(text: &str) -> bool {
    ["Source:", "Sources:", "Source :", "SOURCE:", "Data source:"]
        .iter()
        .any(|p| text.starts_with(p))
}

fn is_caption(text: &str) -> bool {
    let Some(word) = CAPTION_WORDS
        .iter()
        .find(|w| text.starts_with(*w) || text.starts_with(&w.to_uppercase()))
    else {
        return false;
    };
    let rest = text[word.len()..].trim_start();
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    let after = rest[number.len()..].trim_start();
    let numbered = number
        .trim_end_matches('.')
        .chars()
        .any(|c| c.is_ascii_digit());
    numbered
        && text.len() <= 600
        && (after.starts_with([':', '.', '—', '–']) || after.starts_with(char::is_uppercase))
}

fn find_source(text: &str) -> Option<usize> {
    ["Source:", "Sources:"]
        .iter()
        .filter_map(|s| text.find(&format!(" {s}")).map(|i| i + 1))
        .min()
}

/// Where a paragraph begins inside a source note: after the first full sentence,
/// when what follows is long enough to be body text.
fn glued_paragraph(text: &str) -> Option<usize> {
    for (i, _) in text.match_indices(". ") {
        let next = text[i + 2..].chars().next();
        if !next.is_some_and(char::is_uppercase) || is_abbreviation(&text[..i]) {
            continue;
        }
        return (text.len() - i >= GLUED_PARAGRAPH).then_some(i + 2);
    }
    None
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit([' ', '(']).next().unwrap_or("");
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word)
}

/// Each caption with the "Source:" line right after it becomes one figure
/// passage (one a line), so the reader shows, links and cites a figure as
/// one; a caption or source standing alone is a figure passage too.
pub fn join(pieces: Vec<Placed>) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::with_capacity(pieces.len());
    for (piece, line) in pieces {
        let Piece::Text {
            kind: kind @ (PassageKind::Caption | PassageKind::Source),
            text,
            page_start,
        } = piece
        else {
            out.push((piece, line));
            continue;
        };
        if kind == PassageKind::Source {
            if let Some((
                Piece::Text {
                    kind: PassageKind::Figure,
                    text: caption,
                    ..
                },
                _,
            )) = out.last_mut()
            {
                if !caption.contains('\n') && !is_source(caption) {
                    caption.push('\n');
                    caption.push_str(&text);
                    continue;
                }
            }
        }
        let kind = PassageKind::Figure;
        out.push((
            Piece::Text {
                kind,
                text,
                page_start,
            },
            line,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(kind: PassageKind, text: &str) -> Placed {
        let text = text.to_string();
        let page_start = false;
        (
            Piece::Text {
                kind,
                text,
                page_start,
            },
            1,
        )
    }

    #[test]
    fn a_caption_and_its_source_become_one_figure() {
        let joined = join(vec![
            text(PassageKind::Caption, "Figure 1: A"),
            text(PassageKind::Source, "Source: B."),
            text(PassageKind::Source, "Source: C."),
            text(PassageKind::Source, "Source: C2."),
            text(PassageKind::Paragraph, "D."),
            text(PassageKind::Caption, "Table 2: E"),
        ]);
        let got: Vec<(PassageKind, String)> = joined
            .into_iter()
            .filter_map(|(p, _)| match p {
                Piece::Text { kind, text, .. } => Some((kind, text)),
                _ => None,
            })
            .collect();
        let figure = |t: &str| (PassageKind::Figure, t.to_string());
        assert_eq!(
            got,
            [
                figure("Figure 1: A\nSource: B."),
                figure("Source: C."),
                figure("Source: C2."),
                (PassageKind::Paragraph, "D.".to_string()),
                figure("Table 2: E"),
            ]
        );
    }

    #[test]
    fn caption_and_source_on_one_line_are_split() {
        let parts = split("Figure 2: Growth in Dalian Source: Created by the authors.").unwrap();
        assert_eq!(
            parts[0],
            (PassageKind::Caption, "Figure 2: Growth in Dalian".into())
        );
        assert_eq!(
            parts[1],
            (
                PassageKind::Source,
                "Source: Created by the authors.".into()
            )
        );
    }

    #[test]
    fn a_paragraph_glued_to_a_source_line_is_split_off() {
        let body = "Research on this industry is generally conducted elsewhere. ".repeat(5);
        let text = format!("Source: Created by A. Smith et al. based on data (2009). {body}");
        let parts = split(text.trim()).unwrap();
        assert_eq!(
            parts[0].1,
            "Source: Created by A. Smith et al. based on data (2009)."
        );
        assert_eq!(parts[1].0, PassageKind::Paragraph);
        assert!(
            split("Source: Yearbook. Data for 2010 are estimates.")
                .unwrap()
                .len()
                == 1
        );
        assert!(split("Figure 2 shows how growth went.").is_none());
        assert!(split("Figures were high.").is_none());
    }
}
