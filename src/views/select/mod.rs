//! Selecting words by keyboard: `v` on a passage selects its first word;
//! `w`/`b` move the moving end by a word, `)` to the end of the sentence,
//! `$` to the end of the passage, `}` to the end of the next passage, `o`
//! swaps the ends. From the selection: a note (the editor opens with the
//! selected words as its quote), a highlight, a code, or a copy (the
//! quotation with its citation, through the terminal's clipboard).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::msg::Effect;
use crate::app::state::App;
use crate::keymap::{Action, Mode};
use crate::model::Document;
use crate::notes::{Note, Target};
use crate::ui::popup;
use crate::ui::text::line;
use crate::ui::theme::Theme;
use crate::views::{footer, hint, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = &[
    Action::SelectWordNext,
    Action::SelectWordPrev,
    Action::SelectSentenceNext,
    Action::SelectToPassageEnd,
    Action::SelectNextPassage,
    Action::SwapSelectionEnd,
    Action::Annotate,
    Action::Highlight,
    Action::CodeSelection,
    Action::CopyQuote,
    Action::Close,
    Action::Cancel,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::SelectWordNext, Action::SelectWordPrev], "word"),
    hint(&[Action::SwapSelectionEnd], "other end"),
    hint(&[Action::Annotate], "note"),
    hint(&[Action::CodeSelection], "code"),
    hint(&[Action::Highlight], "highlight"),
    hint(&[Action::CopyQuote], "copy"),
    hint(&[Action::SelectSentenceNext], "sentence"),
    hint(&[Action::SelectToPassageEnd], "to end"),
    hint(&[Action::SelectNextPassage], "next passage"),
    hint(&[Action::Close], "done"),
];

/// A place in the text: passage index and byte offset in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Point {
    pub passage: usize,
    pub at: usize,
}

/// The selected words: from `anchor` (fixed) to `head` (moved by the keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub anchor: Point,
    pub head: Point,
}

/// Byte ranges of the words (runs of non-blank characters) of `text`.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

impl Selection {
    /// The first word of passage `p` (nothing if it has no words).
    pub fn first_word(doc: &Document, p: usize) -> Option<Selection> {
        let word = words(&doc.passages[p].text).into_iter().next()?;
        Some(Selection {
            anchor: Point {
                passage: p,
                at: word.start,
            },
            head: Point {
                passage: p,
                at: word.end,
            },
        })
    }

    pub fn start(&self) -> Point {
        self.anchor.min(self.head)
    }

    pub fn end(&self) -> Point {
        self.anchor.max(self.head)
    }

    /// The selection in each passage it covers: (passage, byte span).
    pub fn segments(&self, doc: &Document) -> Vec<(usize, Range<usize>)> {
        let (start, end) = (self.start(), self.end());
        (start.passage..=end.passage)
            .filter_map(|p| {
                let text = &doc.passages[p].text;
                let from = if p == start.passage { start.at } else { 0 };
                let to = if p == end.passage { end.at } else { text.len() };
                // Blanks at either end are not part of what was meant.
                let piece = &text[from..to];
                let lead = piece.len() - piece.trim_start().len();
                let trail = piece.len() - piece.trim_end().len();
                (from + lead < to - trail).then(|| (p, from + lead..to - trail))
            })
            .collect()
    }

    /// The selected text, passages joined by a blank line.
    pub fn text(&self, doc: &Document) -> String {
        self.segments(doc)
            .into_iter()
            .map(|(p, span)| doc.passages[p].text[span].to_string())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Moves the head by one motion.
    fn motion(&mut self, doc: &Document, action: Action) {
        let forward = self.head >= self.anchor;
        let text = &doc.passages[self.head.passage].text;
        let at = self.head.at;
        let ws = words(text);
        let here = |to: usize| Point {
            passage: self.head.passage,
            at: to,
        };
        let next = match action {
            // Moving away from the anchor goes to word ends, towards it to word starts.
            Action::SelectWordNext if forward => {
                ws.iter().find(|w| w.end > at).map(|w| here(w.end))
            }
            Action::SelectWordNext => ws.iter().find(|w| w.start > at).map(|w| here(w.start)),
            Action::SelectWordPrev if forward => {
                ws.iter().rev().find(|w| w.end < at).map(|w| here(w.end))
            }
            Action::SelectWordPrev => ws
                .iter()
                .rev()
                .find(|w| w.start < at)
                .map(|w| here(w.start)),
            Action::SelectSentenceNext => {
                let rest = &text[at..];
                let end = rest
                    .match_indices(['.', '?', '!', '\u{3002}'])
                    .map(|(i, s)| at + i + s.len())
                    .find(|&e| e > at && text[e..].chars().next().is_none_or(char::is_whitespace))
                    .unwrap_or(text.len());
                Some(here(end))
            }
            Action::SelectToPassageEnd => Some(here(text.len())),
            Action::SelectNextPassage => {
                let p = self.head.passage + 1;
                (p < doc.passages.len()).then(|| Point {
                    passage: p,
                    at: doc.passages[p].text.len(),
                })
            }
            _ => None,
        };
        if let Some(next) = next {
            // The selection never shrinks to nothing: the anchor's word stays.
            let crosses =
                (self.head >= self.anchor) != (next >= self.anchor) || next == self.anchor;
            if !crosses {
                self.head = next;
            }
        }
    }
}

/// `v` in the reader: select the focused passage's first word.
pub fn open(app: &mut App) {
    let Some(p) = app.cursor_passage() else {
        app.message = Some("Selections start on a passage; move to one first".into());
        return;
    };
    match Selection::first_word(&app.study.doc, p) {
        Some(sel) => app.overlays.push(Overlay::Select(sel)),
        None => app.message = Some("This passage has no words to select".into()),
    }
}

/// `#` in the reader: choose a code for the whole focused passage.
pub fn code_passage(app: &mut App) {
    let Some(p) = app.cursor_passage() else {
        app.message = Some("Codes go on passages; move to one first".into());
        return;
    };
    let text = &app.study.doc.passages[p].text;
    let sel = Selection {
        anchor: Point { passage: p, at: 0 },
        head: Point {
            passage: p,
            at: text.len(),
        },
    };
    if sel.segments(&app.study.doc).is_empty() {
        app.message = Some("This passage has no words to code".into());
        return;
    }
    crate::views::codes::pick::open(app, sel);
}

/// The selection being made, if the select view is open (for drawing it).
pub fn active<'a>(app: &'a App) -> Option<&'a Selection> {
    app.overlays.iter().rev().find_map(|o| match o {
        Overlay::Select(sel) => Some(sel),
        _ => None,
    })
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let Some(&Overlay::Select(mut sel)) = app.overlays.last() else {
        return Handled::Not;
    };
    let doc = &app.study.doc;
    match action {
        Action::SelectWordNext
        | Action::SelectWordPrev
        | Action::SelectSentenceNext
        | Action::SelectToPassageEnd
        | Action::SelectNextPassage => sel.motion(doc, action),
        Action::SwapSelectionEnd => std::mem::swap(&mut sel.anchor, &mut sel.head),
        Action::Annotate => return annotate(app, &sel),
        Action::Highlight => return highlight(app, &sel, Vec::new()),
        Action::CodeSelection => {
            crate::views::codes::pick::open(app, sel);
            return Handled::Done;
        }
        Action::CopyQuote => return copy(app, &sel),
        Action::Close | Action::Cancel => {
            app.overlays.pop();
            return Handled::Done;
        }
        _ => return Handled::Not,
    }
    if let Some(Overlay::Select(s)) = app.overlays.last_mut() {
        *s = sel;
    }
    // The moving end stays in view.
    if app.cursor_passage() != Some(sel.head.passage) {
        let item = app.study.outline.of_passage(sel.head.passage);
        app.set_cursor(item);
    }
    Handled::Done
}

/// The note already on exactly these words (a coding or highlight), if any.
fn existing(app: &App, p: usize, span: &Range<usize>) -> Option<String> {
    app.notebook
        .notes_for_passage(p)
        .into_iter()
        .find(|(_, a)| a.span().as_ref() == Some(span))
        .map(|(n, _)| n.id.clone())
}

/// A note on the selection: the editor opens with the words as its quote
/// (on the first passage when the selection spans several). Words already
/// coded keep their codes: the note is written on that coding.
fn annotate(app: &mut App, sel: &Selection) -> Handled {
    let doc = &app.study.doc;
    let Some((p, span)) = sel.segments(doc).into_iter().next() else {
        return Handled::Done;
    };
    app.overlays.pop();
    match existing(app, p, &span) {
        Some(id) => crate::views::editor::edit_note(app, &id),
        None => {
            let note = Note::new(Target::from_span(&doc.passages[p], span), "", Vec::new());
            let editor =
                crate::views::editor::NoteEditor::open(note, None, Some((p, &doc.passages[p])));
            app.overlays.push(Overlay::Editor(Box::new(editor)));
        }
    }
    Handled::Done
}

/// Marks the selection (with `codes` applied, if any); one note per passage
/// it covers, or the codes added to a note already on exactly these words.
pub fn highlight(app: &mut App, sel: &Selection, codes: Vec<String>) -> Handled {
    let doc = &app.study.doc;
    let segments = sel.segments(doc);
    for (p, span) in &segments {
        match existing(app, *p, span) {
            Some(id) => {
                let mut all = app
                    .notebook
                    .get(&id)
                    .map(|(n, _)| n.codes.clone())
                    .unwrap_or_default();
                all.extend(codes.iter().cloned());
                app.notebook.set_codes(doc, &id, all);
            }
            None => {
                let target = Target::from_span(&doc.passages[*p], span.clone());
                app.notebook.add(doc, Note::coding(target, codes.clone()));
            }
        }
    }
    app.notes_changed();
    app.message = Some(match codes.as_slice() {
        [] => "Highlighted".to_string(),
        _ => format!("Coded {}", codes.join(", ")),
    });
    Handled::Effect(Effect::SaveNotes)
}

/// Sends the quotation with its citation to the terminal's clipboard.
fn copy(app: &mut App, sel: &Selection) -> Handled {
    if !app.cite.clipboard {
        app.message = Some("Copying is off (clipboard = false in cite.toml)".into());
        return Handled::Done;
    }
    let doc = &app.study.doc;
    let start = sel.start().passage;
    let place = crate::cite::Place::of(&app.study.meta, doc, start);
    let text = crate::cite::plain(place, &sel.text(doc), &app.cite.template);
    app.message = Some("Copied the quotation with its citation".into());
    Handled::Effect(Effect::Copy(text))
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, sel: &Selection, theme: Theme) {
    let text = sel.text(&app.study.doc);
    let words = text.split_whitespace().count();
    let shown = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let footer = footer(app, Mode::Select, None);
    let height = 3.min(area.height);
    let outer = Rect::new(
        area.x,
        area.bottom().saturating_sub(height + 1),
        area.width,
        height,
    );
    let title = format!("Selected: {words} word(s)");
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    if inner.height > 0 {
        buf.set_line(
            inner.x,
            inner.y,
            &line(&format!("\u{201c}{shown}\u{201d}"), Style::new()),
            inner.width,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Passage, PassageKind};

    fn doc() -> Document {
        let p = |id: &str, text: &str| Passage {
            id: id.into(),
            section: 0,
            kind: PassageKind::Paragraph,
            text: text.into(),
            footnote_refs: vec![],
            emphasis: vec![],
            line: 1,
        };
        Document::new(
            vec![],
            vec![
                p("a", "Dalian  opened its park. It grew fast."),
                p("b", "Then came Lùka."),
            ],
            vec![],
            vec![],
        )
    }

    #[test]
    fn motions_extend_by_word_sentence_and_passage() {
        let d = doc();
        let mut s = Selection::first_word(&d, 0).unwrap();
        assert_eq!(s.text(&d), "Dalian");
        s.motion(&d, Action::SelectWordNext);
        s.motion(&d, Action::SelectWordNext);
        assert_eq!(s.text(&d), "Dalian  opened its");
        s.motion(&d, Action::SelectWordPrev);
        assert_eq!(s.text(&d), "Dalian  opened");
        s.motion(&d, Action::SelectWordPrev);
        s.motion(&d, Action::SelectWordPrev);
        assert_eq!(s.text(&d), "Dalian", "never less than the anchor's word");
        s.motion(&d, Action::SelectSentenceNext);
        assert_eq!(s.text(&d), "Dalian  opened its park.");
        s.motion(&d, Action::SelectNextPassage);
        assert_eq!(
            s.text(&d),
            "Dalian  opened its park. It grew fast.\n\nThen came Lùka."
        );
        assert_eq!(s.segments(&d).len(), 2);
    }

    #[test]
    fn swapping_ends_moves_the_start() {
        let d = doc();
        let mut s = Selection::first_word(&d, 0).unwrap();
        s.motion(&d, Action::SelectToPassageEnd);
        std::mem::swap(&mut s.anchor, &mut s.head);
        s.motion(&d, Action::SelectWordNext);
        s.motion(&d, Action::SelectWordNext);
        assert_eq!(s.text(&d), "its park. It grew fast.");
        let (p, span) = s.segments(&d).remove(0);
        assert_eq!(
            (p, &d.passages[0].text[span]),
            (0, "its park. It grew fast.")
        );
    }
}
