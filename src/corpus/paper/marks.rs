//! `<!-- passage ID [KIND] [page=LABEL] -->` comments and the paragraph each one names.

use std::ops::Range;

use super::Builder;
use crate::diag::Diagnostic;
use crate::model::PassageKind;

/// A passage comment waiting for its paragraph.
pub(super) struct Mark {
    pub id: String,
    pub kind: Option<PassageKind>,
    /// The page label the passage starts on, when the source had pages.
    pub page: Option<String>,
    pub next_line: usize,
    pub line: usize,
}

impl Builder<'_> {
    pub(super) fn html(&mut self, html: &str, range: Range<usize>) {
        if self.block.is_some() {
            return;
        }
        let trimmed = html.trim();
        if trimmed.starts_with("<!--") && !trimmed.contains("-->") {
            return self.error(
                range.start,
                "HTML comment is never closed (no -->); it hides the rest of the file".into(),
            );
        }
        let Some(body) = trimmed
            .strip_prefix("<!--")
            .and_then(|s| s.strip_suffix("-->"))
        else {
            return self.warn(range.start, "HTML block is ignored".into());
        };
        let mut words = body.split_whitespace();
        if words.next() != Some("passage") {
            return;
        }
        let line = self.at(range.start).0;
        let end_line = self.at(range.start + html.trim_end().len()).0;
        let Some(id) = words.next() else {
            return self.error(
                range.start,
                "passage comment without an id: <!-- passage ID [KIND] -->".into(),
            );
        };
        let mut kind = None;
        let mut page = None;
        for word in words {
            if let Some(label) = word.strip_prefix("page=") {
                page = Some(label.to_string());
                continue;
            }
            match PassageKind::parse(word) {
                Some(k) if kind.is_none() => kind = Some(k),
                _ => {
                    return self.error(
                        range.start,
                        format!(
                            "unknown passage kind {word:?}; use paragraph, figure, caption, source, quote, code or table"
                        ),
                    )
                }
            }
        }
        self.take_mark();
        self.mark = Some(Mark {
            id: id.to_string(),
            kind,
            page,
            next_line: end_line + 1,
            line,
        });
    }

    /// Reports a passage comment that found no paragraph right below it.
    pub(super) fn take_mark(&mut self) {
        if let Some(mark) = self.mark.take() {
            let message = format!(
                "passage comment {} is not directly above a paragraph",
                mark.id
            );
            self.diags
                .push(Diagnostic::warning(self.path, mark.line, 1, message));
        }
    }
}
