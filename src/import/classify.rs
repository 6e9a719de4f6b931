//! Deciding what each block is: front matter, heading, body text, caption,
//! source line, footnote, reference entry, or a note after the references.

use super::blocks::{join, Block, Guess, Vocabulary};
use super::footnotes::definition;
use super::headings::{Heading, Headings, Verdict};
use super::{figures, inline, references};
use crate::corpus::ids::Numbering;
use crate::model::PassageKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A title-block line; `joins_previous` when it follows the line before without a gap.
    Front {
        text: String,
        joins_previous: bool,
    },
    Heading(Heading),
    Text {
        kind: PassageKind,
        text: String,
        page_start: bool,
    },
    Footnote {
        label: String,
        text: String,
    },
    Reference(String),
}

/// The title of the section that holds a body with no heading of its own.
pub const UNTITLED: &str = "Text";

/// A piece and the input line it starts on.
pub type Placed = (Piece, usize);

pub struct Classified {
    pub pieces: Vec<Placed>,
    pub hyphen_guesses: Vec<Guess>,
    /// (line, message) for what could not be decided.
    pub doubts: Vec<(usize, String)>,
}

/// Classifies `blocks`. A text in which no heading opens the body would be
/// all front matter; there the body starts, as an untitled section, at the
/// first paragraph of running text.
pub fn classify(blocks: &[Block], vocab: &Vocabulary, toc: &[String]) -> Classified {
    let c = classify_from(blocks, vocab, toc, false);
    if c.pieces
        .iter()
        .any(|(p, _)| matches!(p, Piece::Text { .. }))
    {
        return c;
    }
    classify_from(blocks, vocab, toc, true)
}

/// Running text: several lines, most of a paragraph's length, closing a sentence.
fn running_text(text: &str, lines: usize) -> bool {
    lines >= 3 && text.chars().count() >= 250 && text.trim_end().ends_with(['.', '?', '!', ':'])
}

fn classify_from(
    blocks: &[Block],
    vocab: &Vocabulary,
    toc: &[String],
    untitled_body: bool,
) -> Classified {
    let mut c = Classified {
        pieces: Vec::new(),
        hyphen_guesses: Vec::new(),
        doubts: Vec::new(),
    };
    let mut headings = Headings::new(toc);
    let mut seen_heading = false;
    let mut refs: Option<Vec<Block>> = None;
    let mut notes = false;
    let mut blocks = blocks.to_vec();
    let mut i = 0;
    while i < blocks.len() {
        if refs.is_none() && !notes {
            split_leading_heading(&mut blocks, i, &headings, vocab);
        }
        let block = &blocks[i].clone();
        i += 1;
        let line = block.line();
        let text = join(&block.lines, vocab, &mut c.hyphen_guesses);
        let note = starts_note(&text);
        let footnote = definition(&block.lines[0].text).is_some();
        // `2` on its own line and `TEMPLATE OVERVIEW` after it: one heading.
        let bare_number = block.lines.len() == 1
            && Numbering::parse(&text).is_some_and(|(_, rest)| rest.trim().is_empty());
        let title_after = blocks
            .get(i)
            .filter(|b| bare_number && refs.is_none() && chapter_title(b))
            .map(|b| join(&b.lines, vocab, &mut Vec::new()));
        let verdict = if notes || footnote {
            Verdict::Text
        } else if let Some(title) = &title_after {
            match headings.judge(&format!("{} {title}", text.trim())) {
                Verdict::Heading(h) => {
                    i += 1;
                    Verdict::Heading(h)
                }
                _ => headings.judge(&text),
            }
        } else {
            headings.judge(&text)
        };
        if let Some(list) = refs.as_mut() {
            if !note && !matches!(verdict, Verdict::Heading(_)) {
                list.push(block.clone());
                continue;
            }
            flush_refs(&mut c, refs.take().unwrap_or_default());
            if note {
                notes = true;
                let title = "Notes".to_string();
                c.pieces.push((
                    Piece::Heading(Heading {
                        number: None,
                        title,
                        level: 1,
                    }),
                    line,
                ));
            }
        }
        if notes {
            c.pieces.push((
                text_piece(PassageKind::Paragraph, text, block.page_start),
                line,
            ));
            continue;
        }
        if footnote {
            footnotes(&mut c, block, vocab);
            continue;
        }
        match verdict {
            Verdict::Heading(mut h) => {
                if h.title.is_empty() {
                    if let Some(next) = blocks.get(i).filter(|b| chapter_title(b)) {
                        h.title = join(&next.lines, vocab, &mut c.hyphen_guesses);
                        i += 1;
                    }
                }
                seen_heading = true;
                if is_references(&h) {
                    refs = Some(Vec::new());
                }
                c.pieces.push((Piece::Heading(h), line));
                continue;
            }
            Verdict::Doubtful(why) => c.doubts.push((line, why)),
            Verdict::Text => {}
        }
        if !seen_heading && untitled_body && running_text(&text, block.lines.len()) {
            seen_heading = true;
            c.pieces.push((
                Piece::Heading(Heading {
                    number: None,
                    title: UNTITLED.to_string(),
                    level: 1,
                }),
                line,
            ));
        }
        if !seen_heading {
            // Title blocks stack unrelated lines (series, publisher, date): keep them apart.
            for (k, l) in block.lines.iter().enumerate() {
                c.pieces.push((
                    Piece::Front {
                        text: l.text.trim().to_string(),
                        joins_previous: k > 0,
                    },
                    l.no,
                ));
            }
            continue;
        }
        match figures::split(&text) {
            Some(parts) => {
                let after_caption = matches!(
                    c.pieces.last(),
                    Some((
                        Piece::Text {
                            kind: PassageKind::Caption,
                            ..
                        },
                        _
                    ))
                );
                if parts[0].0 == PassageKind::Source && !after_caption {
                    c.doubts.push((line, "figure source without a caption line (the caption may be missing from the extraction)".into()));
                }
                for (kind, part) in parts {
                    c.pieces
                        .push((text_piece(kind, part, block.page_start), line));
                }
            }
            None => c.pieces.push((
                text_piece(PassageKind::Paragraph, text, block.page_start),
                line,
            )),
        }
    }
    if let Some(list) = refs {
        flush_refs(&mut c, list);
    }
    c
}

/// pdftotext often prints a heading and its first paragraph without a gap:
/// a short first line that is a heading on its own becomes a block of its own.
fn split_leading_heading(
    blocks: &mut Vec<Block>,
    i: usize,
    headings: &Headings,
    vocab: &Vocabulary,
) {
    let block = &blocks[i];
    if block.lines.len() < 2 || definition(&block.lines[0].text).is_some() {
        return;
    }
    let first = block.lines[0].text.trim();
    let second = block.lines[1].text.trim();
    let short = first.chars().count() * 10 < second.chars().count() * 7;
    let whole = join(&block.lines, vocab, &mut Vec::new());
    if !short || headings.would_accept(&whole) || !headings.would_accept(first) {
        return;
    }
    let mut rest = block.clone();
    let head_line = rest.lines.remove(0);
    rest.page_start = false;
    let head = Block {
        lines: vec![head_line],
        page_start: block.page_start,
    };
    blocks[i] = head;
    blocks.insert(i + 1, rest);
}

fn text_piece(kind: PassageKind, text: String, page_start: bool) -> Piece {
    Piece::Text {
        kind,
        text,
        page_start,
    }
}

fn flush_refs(c: &mut Classified, blocks: Vec<Block>) {
    let (entries, guesses) = references::split(&blocks);
    for line in guesses {
        c.doubts.push((
            line,
            "cannot tell whether this line starts a new reference; joined to the entry before"
                .into(),
        ));
    }
    c.pieces.extend(
        entries
            .into_iter()
            .map(|e| (Piece::Reference(e.text), e.line)),
    );
}

/// Footnote definitions: each starts with a superscript number; other lines continue it.
fn footnotes(c: &mut Classified, block: &Block, vocab: &Vocabulary) {
    let mut start = 0;
    for end in 1..=block.lines.len() {
        if end < block.lines.len() && definition(&block.lines[end].text).is_none() {
            continue;
        }
        let text = join(&block.lines[start..end], vocab, &mut c.hyphen_guesses);
        if let Some((label, rest)) = definition(&text) {
            let piece = Piece::Footnote {
                label,
                text: rest.to_string(),
            };
            c.pieces.push((piece, block.lines[start].no));
        }
        start = end;
    }
}

/// A line after a bare "Chapter 3" that names the chapter.
fn chapter_title(b: &Block) -> bool {
    let t = b.lines[0].text.trim();
    b.lines.len() <= 2
        && t.starts_with(char::is_uppercase)
        && !t.ends_with(['.', ',', ';'])
        && t.chars().count() <= 120
}

fn is_references(h: &Heading) -> bool {
    let t = h.title.to_lowercase();
    h.number.is_none()
        && [
            "references",
            "bibliography",
            "works cited",
            "literature cited",
        ]
        .contains(&t.as_str())
}

/// A `*` that marks a note (acknowledgement, translation note), not italics.
fn starts_note(text: &str) -> bool {
    text.starts_with('*') && inline::parse(text).1.first().is_none_or(|r| r.start > 0)
}
