//! The opening of a case study, read in a fraction of the time the whole
//! takes: the reader shows it while the rest loads, so the first frame does
//! not wait for the whole paper to be parsed and linked.

use std::io::Read;
use std::path::Path;

use super::paper::pieces::with_stand_ins;
use super::{bundled, parse_meta, parse_paper, Source};
use crate::model::{Document, Meta};

/// The least the preview reads of `paper.md`.
const LEAST_BYTES: usize = 4 * 1024;

/// Bytes of `paper.md` that fill a `cols` x `rows` screen: twice its cells
/// (Markdown has markup, wrapped lines end short).
pub fn screenful(cols: u16, rows: u16) -> usize {
    (2 * usize::from(cols) * usize::from(rows)).max(LEAST_BYTES)
}

/// The metadata and the paper's first blocks, up to `limit` bytes, or
/// `None` when anything is amiss: the full load then reports it, before
/// the screen changes.
pub fn preview(source: &Source, limit: usize) -> Option<(Meta, Document)> {
    let (meta_text, paper_head) = match source {
        Source::Bundled => {
            let paper = bundled("paper.md")?.as_bytes();
            let head = &paper[..paper.len().min(limit)];
            (bundled("meta.toml")?.to_string(), head.to_vec())
        }
        Source::Dir(dir) => {
            // Regular files only: a FIFO would block before the screen changes.
            let meta =
                crate::durable::read_limited(&dir.join("meta.toml"), crate::durable::limits::TOML)
                    .ok()?;
            let meta = String::from_utf8(meta).ok()?;
            let mut head = Vec::new();
            crate::durable::open_regular(&dir.join("paper.md"), crate::durable::limits::PAPER)
                .ok()?
                .take(limit as u64)
                .read_to_end(&mut head)
                .ok()?;
            (meta, head)
        }
    };
    let meta = parse_meta(Path::new("meta.toml"), &meta_text).ok()?;
    let head = whole_blocks(&paper_head, limit)?;
    // Footnotes defined further on keep their markers.
    let head = with_stand_ins(head, "…");
    // Diagnostics are the full load's business.
    let (doc, _) = parse_paper(Path::new("paper.md"), &head);
    (!doc.passages.is_empty()).then_some((meta, doc))
}

/// The text up to the last blank line, when `bytes` may have been cut at
/// `limit`; all of it when it is shorter. `None` for text that is not UTF-8.
fn whole_blocks(bytes: &[u8], limit: usize) -> Option<&str> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Cut inside a character: keep what is whole.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if bytes.len() < limit {
        return Some(text);
    }
    text.rfind("\n\n").map(|end| &text[..end + 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_paper_is_read_whole() {
        assert_eq!(whole_blocks(b"one\n\ntwo", 100), Some("one\n\ntwo"));
    }

    #[test]
    fn a_cut_paper_ends_at_its_last_blank_line() {
        assert_eq!(whole_blocks(b"one\n\ntwo\n\nthr", 13), Some("one\n\ntwo\n"));
        assert_eq!(whole_blocks(b"no blank line at all", 20), None);
    }

    #[test]
    fn a_character_cut_in_half_is_dropped() {
        let text = "a\n\nXi\u{e0}";
        let bytes = &text.as_bytes()[..text.len() - 1];
        assert_eq!(whole_blocks(bytes, bytes.len()), Some("a\n"));
    }

    #[test]
    fn a_screenful_fills_the_screen() {
        for (cols, rows) in [(80, 24), (200, 50), (40, 12)] {
            let (_, head) = preview(&Source::Bundled, screenful(cols, rows)).unwrap();
            let width = usize::from(cols) - 3;
            let lines: usize = head
                .passages
                .iter()
                .map(|p| crate::reader::wrap::wrap(&p.text, width).len() + 1)
                .sum();
            assert!(lines >= usize::from(rows), "{cols}x{rows}: {lines} lines");
        }
    }

    #[test]
    fn the_bundled_preview_is_the_opening_of_the_paper() {
        let (meta, head) = preview(&Source::Bundled, screenful(80, 24)).expect("bundled preview");
        let whole = super::super::open(&Source::Bundled).unwrap();
        assert_eq!(meta.id, whole.meta.id);
        assert!(!head.passages.is_empty());
        for (a, b) in head.passages.iter().zip(&whole.doc.passages) {
            assert_eq!((&a.id, &a.text), (&b.id, &b.text));
        }
    }
}
