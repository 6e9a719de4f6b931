//! Segmented pieces -> the document model, with ids and footnote links.

use std::collections::{HashMap, HashSet};

use super::classify::{Piece, Placed};
use super::footnotes::{markers, title_marks};
use super::front::Front;
use super::inline;
use crate::corpus::ids::{passage_id, section_id, slug};
use crate::corpus::parse_references;
use crate::model::{Document, Footnote, FootnoteRef, Passage, PassageKind, Section};

pub struct Built {
    pub doc: Document,
    pub front: Vec<Front>,
    pub doubts: Vec<(usize, String)>,
}

pub fn build(pieces: Vec<Placed>) -> Built {
    let pieces = super::figures::join(pieces);
    let defined: HashSet<String> = pieces
        .iter()
        .filter_map(|(p, _)| match p {
            Piece::Footnote { label, .. } => Some(label.clone()),
            _ => None,
        })
        .collect();
    let mut cited: HashSet<String> = pieces
        .iter()
        .filter_map(|(p, _)| match p {
            Piece::Text { text, .. } => Some(markers(text)),
            _ => None,
        })
        .flatten()
        .map(|(_, label)| label)
        .filter(|label| defined.contains(label))
        .collect();
    // Notes marked in the title block (a title or author note): the title
    // and byline go to meta.toml, so the lines that carry the marks become
    // the first passage, which cites the notes. Only where a section will
    // hold it.
    let is_defined = |l: &str| defined.contains(l);
    let marked_front: Vec<String> = if pieces.iter().any(|(p, _)| matches!(p, Piece::Heading(_))) {
        pieces
            .iter()
            .filter_map(|(p, _)| match p {
                Piece::Front { text, .. } if !title_marks(text, &is_defined).is_empty() => {
                    Some(text.trim().to_string())
                }
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut front_passage = (!marked_front.is_empty()).then(|| marked_front.join(" "));
    if let Some(t) = &front_passage {
        cited.extend(title_marks(t, &is_defined).into_iter().map(|(_, l)| l));
    }
    let mut b = Built {
        doc: Document::default(),
        front: Vec::new(),
        doubts: Vec::new(),
    };
    let mut sections: Vec<Section> = Vec::new();
    let mut passages: Vec<Passage> = Vec::new();
    let mut notes: Vec<(String, String, usize)> = Vec::new();
    let mut refs = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for (piece, line) in pieces {
        match piece {
            Piece::Front {
                text,
                joins_previous,
            } => b.front.push((text, line, joins_previous)),
            Piece::Heading(h) => {
                let parent = sections.iter().rposition(|s| s.level < h.level);
                let base = match &h.number {
                    Some(n) => section_id(parent.map(|p| sections[p].id.as_str()), &n.key()),
                    None => slug(&h.title),
                };
                let mut id = base.clone();
                let mut k = 2;
                while sections.iter().any(|s| s.id == id) {
                    id = format!("{base}-{k}");
                    k += 1;
                }
                let at = passages.len();
                let number = h.number.map(|n| n.text);
                sections.push(Section {
                    id,
                    number,
                    title: h.title,
                    level: h.level,
                    parent,
                    passages: at..at,
                    line,
                });
                counts.push(0);
                if let Some(raw) = front_passage.take() {
                    let (text, emphasis) = inline::parse(&raw);
                    let mut footnote_refs = Vec::new();
                    for (span, label) in title_marks(&text, &is_defined) {
                        footnote_refs.push(FootnoteRef {
                            footnote: usize::MAX,
                            span,
                        });
                        notes.push((label, String::new(), passages.len()));
                    }
                    let s = sections.len() - 1;
                    counts[s] += 1;
                    passages.push(Passage {
                        id: passage_id(&sections[s].id, counts[s]),
                        section: s,
                        kind: PassageKind::Paragraph,
                        text,
                        footnote_refs,
                        emphasis,
                        line,
                    });
                }
            }
            Piece::Text { kind, text, .. } => {
                let Some(section) = sections.len().checked_sub(1) else {
                    b.front.push((text, line, false));
                    continue;
                };
                let (text, emphasis) = inline::parse(&text);
                let mut footnote_refs = Vec::new();
                for (span, label) in markers(&text) {
                    if defined.contains(&label) {
                        footnote_refs.push(FootnoteRef {
                            footnote: usize::MAX,
                            span,
                        });
                        notes.push((label, String::new(), passages.len()));
                    } else if !super::footnotes::is_symbol_label(&label) {
                        // A lone symbol is as often an operator or a grade as a note.
                        b.doubts.push((
                            line,
                            format!(
                                "superscript {} has no footnote text; kept as text",
                                &text[span]
                            ),
                        ));
                    }
                }
                counts[section] += 1;
                let id = passage_id(&sections[section].id, counts[section]);
                passages.push(Passage {
                    id,
                    section,
                    kind,
                    text,
                    footnote_refs,
                    emphasis,
                    line,
                });
            }
            Piece::Footnote { label, text } if cited.contains(&label) => {
                notes.push((label, text, line))
            }
            Piece::Footnote { label, text } => {
                // Keep the words: an uncited note becomes a paragraph where it stood.
                b.doubts.push((
                    line,
                    format!("footnote {label} is never cited in the text; kept as a paragraph"),
                ));
                let Some(section) = sections.len().checked_sub(1) else {
                    b.front.push((text, line, false));
                    continue;
                };
                let (text, emphasis) = inline::parse(&text);
                counts[section] += 1;
                let id = passage_id(&sections[section].id, counts[section]);
                let kind = PassageKind::Paragraph;
                passages.push(Passage {
                    id,
                    section,
                    kind,
                    text,
                    footnote_refs: Vec::new(),
                    emphasis,
                    line,
                });
            }
            Piece::Reference(text) => {
                let (text, emphasis) = inline::parse(&text);
                refs.push((text, emphasis, line));
            }
        }
    }
    let footnotes = link(&mut passages, notes, &mut b.doubts);
    let total = passages.len();
    for i in 0..sections.len() {
        let level = sections[i].level;
        sections[i].passages.end = sections[i + 1..]
            .iter()
            .find(|s| s.level <= level)
            .map_or(total, |s| s.passages.start);
    }
    b.doc = Document::new(sections, passages, footnotes, parse_references(refs));
    b
}

/// `notes` holds definitions (label, text, line) and citations (label, "", passage index)
/// in reading order; footnotes are numbered by first citation.
fn link(
    passages: &mut [Passage],
    notes: Vec<(String, String, usize)>,
    doubts: &mut Vec<(usize, String)>,
) -> Vec<Footnote> {
    let mut defs: HashMap<String, (String, usize)> = HashMap::new();
    let mut cites: Vec<(String, usize)> = Vec::new();
    for (label, text, at) in notes {
        if text.is_empty() {
            cites.push((label, at));
        } else {
            match defs.entry(label) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    doubts.push((at, format!("second footnote numbered {}; dropped", e.key())));
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert((text, at));
                }
            }
        }
    }
    let mut footnotes: Vec<Footnote> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (label, p) in cites {
        let f = *index.entry(label.clone()).or_insert_with(|| {
            let (raw, line) = defs.get(&label).cloned().unwrap_or_default();
            let (text, emphasis) = inline::parse(&raw);
            footnotes.push(Footnote {
                label: label.clone(),
                text,
                emphasis,
                passages: Vec::new(),
                line,
            });
            footnotes.len() - 1
        });
        if !footnotes[f].passages.contains(&p) {
            footnotes[f].passages.push(p);
        }
        if let Some(r) = passages[p]
            .footnote_refs
            .iter_mut()
            .find(|r| r.footnote == usize::MAX)
        {
            r.footnote = f;
        }
    }
    footnotes
}

/// Kinds other than paragraph are written into the passage comment.
pub fn kind_suffix(kind: PassageKind) -> &'static str {
    match kind {
        PassageKind::Paragraph => "",
        PassageKind::Caption => " caption",
        PassageKind::Source => " source",
        PassageKind::Quote => " quote",
        PassageKind::Code => " code",
        PassageKind::Table => " table",
        PassageKind::Figure => " figure",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headings::Heading;

    #[test]
    fn notes_marked_in_the_title_block_are_cited_by_a_first_passage() {
        let front = |t: &str| Piece::Front {
            text: t.to_string(),
            joins_previous: false,
        };
        let note = |l: &str, t: &str| Piece::Footnote {
            label: l.to_string(),
            text: t.to_string(),
        };
        let pieces: Vec<Placed> = vec![
            (front("A Study of Things∗†"), 1),
            (front("Ann Smith‡"), 2),
            (
                Piece::Heading(Heading {
                    number: None,
                    title: "Abstract".into(),
                    level: 1,
                }),
                3,
            ),
            (
                Piece::Text {
                    kind: PassageKind::Paragraph,
                    text: "Body text.".into(),
                    page_start: false,
                },
                4,
            ),
            (note("∗", "Supported by a grant."), 5),
            (note("†", "A second title note."), 6),
            (note("‡", "Ann's address."), 7),
        ];
        let b = build(pieces);
        let p = &b.doc.passages[0];
        assert_eq!(p.text, "A Study of Things∗† Ann Smith‡");
        assert_eq!(p.footnote_refs.len(), 3);
        let labels: Vec<&str> = b.doc.footnotes.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["∗", "†", "‡"]);
        assert_eq!(b.doc.footnotes[2].text, "Ann's address.");
        // The title block is still read for the meta data.
        assert_eq!(b.front.len(), 2);
        assert!(!b.doubts.iter().any(|(_, m)| m.contains("never cited")));
    }
}
