//! Notes, what they point at, and where they were found in the current text.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use jiff::{SignedDuration, Timestamp};

use crate::model::Passage;

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// The quoted text and what surrounds it (W3C TextQuoteSelector).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// What a note is about: a quote, ideally inside a named passage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Target {
    /// Passage id; `None` for notes imported from a tool that knows only the quote.
    pub passage: Option<String>,
    pub quote: Quote,
    /// Character (not byte) offsets of the quote in the passage text (TextPositionSelector).
    pub position: Option<Range<usize>>,
}

impl Target {
    /// Targets `span` (a byte range on char boundaries) of `passage`'s text.
    pub fn from_span(passage: &Passage, span: Range<usize>) -> Target {
        let text = &passage.text;
        let before = &text[..span.start];
        let after = &text[span.end..];
        let start = before.chars().count();
        let exact = text[span.clone()].to_string();
        let end = start + exact.chars().count();
        let skip = before.chars().count().saturating_sub(CONTEXT_CHARS);
        Target {
            passage: Some(passage.id.clone()),
            quote: Quote {
                prefix: before.chars().skip(skip).collect(),
                suffix: after.chars().take(CONTEXT_CHARS).collect(),
                exact,
            },
            position: Some(start..end),
        }
    }

    /// Targets the whole passage.
    pub fn whole(passage: &Passage) -> Target {
        Target::from_span(passage, 0..passage.text.len())
    }
}

/// One note: text, tags and codes about a target. A note with neither text
/// nor codes is a highlight; one with codes is a coding of its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub text: String,
    /// Free tags; a tag may name an entity id, which codes the note with that entity.
    pub tags: Vec<String>,
    /// Names of code-book codes applied to the target (see [`super::codebook`]).
    pub codes: Vec<String>,
    pub target: Target,
}

/// What a note is, as W3C motivations name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Has text: a comment on its target.
    Comment,
    /// No text, codes applied.
    Coding,
    /// No text, tags only.
    Tagging,
    /// Neither text, codes nor tags: the words are marked, nothing more.
    Highlight,
}

impl NoteKind {
    /// The W3C Web Annotation motivation.
    pub fn motivation(self) -> &'static str {
        match self {
            NoteKind::Comment => "commenting",
            NoteKind::Coding => "classifying",
            NoteKind::Tagging => "tagging",
            NoteKind::Highlight => "highlighting",
        }
    }
}

impl Note {
    /// A new note with a fresh id, created now.
    pub fn new(target: Target, text: impl Into<String>, tags: Vec<String>) -> Note {
        let now = Timestamp::now();
        Note {
            id: new_id(now),
            created: now,
            modified: now,
            text: text.into(),
            tags: clean_tags(tags),
            codes: Vec::new(),
            target,
        }
    }

    /// A highlight: the target's words marked, without text.
    pub fn highlight(target: Target) -> Note {
        Note::new(target, "", Vec::new())
    }

    /// A coding: `codes` applied to the target.
    pub fn coding(target: Target, codes: Vec<String>) -> Note {
        let mut note = Note::new(target, "", Vec::new());
        note.codes = clean_tags(codes);
        note
    }

    pub fn kind(&self) -> NoteKind {
        if !self.text.is_empty() {
            NoteKind::Comment
        } else if !self.codes.is_empty() {
            NoteKind::Coding
        } else if !self.tags.is_empty() {
            NoteKind::Tagging
        } else {
            NoteKind::Highlight
        }
    }

    /// Marks the note changed now, always later than its previous `modified` so
    /// that merges prefer this version even if the clock stepped back.
    pub fn touch(&mut self) {
        let next = self.modified + SignedDuration::from_nanos(1);
        self.modified = Timestamp::now().max(next);
    }

    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
    }

    pub fn has_code(&self, code: &str) -> bool {
        self.codes.iter().any(|c| c.eq_ignore_ascii_case(code))
    }
}

/// Trims tags (or code names), drops empty ones and duplicates, keeps the user's order.
pub fn clean_tags(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = tag.trim();
        if !tag.is_empty() && !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    out
}

/// A note id in `urn:uuid:` form, built from time, process id and a counter
/// (unique across processes and threads without a random source).
pub fn new_id(now: Timestamp) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = now.as_nanosecond() as u128;
    let pid = std::process::id() as u64;
    let t = (nanos & 0xffff_ffff_ffff_ffff_ffff) as u64; // low 64 bits are plenty
    format!(
        "urn:uuid:{:08x}-{:04x}-8{:03x}-{:04x}-{:012x}",
        (t >> 32) as u32,
        (t >> 16) as u16,
        (t & 0xfff) as u16,
        0x8000 | (pid & 0x3fff) as u16,
        ((pid >> 14) << 32 | (n & 0xffff_ffff)) & 0xffff_ffff_ffff
    )
}

/// Where a note was found in the current text. Spans are byte ranges in the passage text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// On its own passage, with its quote (whitespace may differ).
    Anchored { passage: usize, span: Range<usize> },
    /// Found elsewhere or with changed text; shown until the user accepts the new place.
    Drifted {
        passage: usize,
        span: Range<usize>,
        /// The passage id the note named, if any.
        from: Option<String>,
    },
    /// Not placeable; listed with its quote, never dropped.
    Orphaned,
}

impl Anchor {
    pub fn passage(&self) -> Option<usize> {
        match self {
            Anchor::Anchored { passage, .. } | Anchor::Drifted { passage, .. } => Some(*passage),
            Anchor::Orphaned => None,
        }
    }

    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Anchor::Anchored { span, .. } | Anchor::Drifted { span, .. } => Some(span.clone()),
            Anchor::Orphaned => None,
        }
    }

    /// `anchored`, `drifted` or `orphaned`.
    pub fn state(&self) -> &'static str {
        match self {
            Anchor::Anchored { .. } => "anchored",
            Anchor::Drifted { .. } => "drifted",
            Anchor::Orphaned => "orphaned",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PassageKind;

    fn passage(text: &str) -> Passage {
        Passage {
            id: "p1".into(),
            section: 0,
            kind: PassageKind::Paragraph,
            text: text.into(),
            footnote_refs: vec![],
            emphasis: vec![],
            line: 1,
        }
    }

    #[test]
    fn target_positions_count_characters() {
        let p = passage("In Xiàgăng the park grew.");
        let start = p.text.find("the").unwrap();
        let t = Target::from_span(&p, start..start + 8);
        assert_eq!(t.quote.exact, "the park");
        assert_eq!(t.quote.prefix, "In Xiàgăng ");
        assert_eq!(t.quote.suffix, " grew.");
        assert_eq!(t.position, Some(11..19));
    }

    #[test]
    fn ids_differ_and_touch_moves_forward() {
        let now = Timestamp::now();
        assert_ne!(new_id(now), new_id(now));
        assert!(new_id(now).starts_with("urn:uuid:"));
        let mut n = Note::new(
            Target::default(),
            "x",
            vec![" a ".into(), "a".into(), "".into()],
        );
        assert_eq!(n.tags, vec!["a"]);
        let before = n.modified;
        n.modified = before + SignedDuration::from_hours(1); // a clock that stepped back
        let future = n.modified;
        n.touch();
        assert!(n.modified > future);
    }
}
