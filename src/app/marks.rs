//! What is marked in an item's text: emphasis, footnote markers, and (from
//! other modules) mentions, citations and search hits.

use std::ops::Range;

use ratatui::style::Style;

use crate::app::state::App;
use crate::reader::outline::Item;
use crate::ui::theme::{Mark, Theme};

impl App<'_> {
    /// Styled ranges of the item's shown text (`offset` is where the model's
    /// text starts in it).
    pub fn marks(&self, item: Item, offset: usize, theme: &Theme) -> Vec<(Range<usize>, Style)> {
        let doc = &self.study.doc;
        let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
        match item {
            Item::Passage(p) => {
                let passage = &doc.passages[p];
                marks.extend(passage.emphasis.iter().map(|r| (r.clone(), Mark::Emphasis)));
                marks.extend(
                    passage
                        .footnote_refs
                        .iter()
                        .map(|f| (f.span.clone(), Mark::FootnoteMarker)),
                );
            }
            Item::Footnote(f) => {
                marks.extend(doc.footnotes[f].emphasis.iter().map(|r| (r.clone(), Mark::Emphasis)));
            }
            Item::Reference(r) => {
                marks.extend(doc.references[r].emphasis.iter().map(|r| (r.clone(), Mark::Emphasis)));
            }
            Item::Heading(_) | Item::FootnotesHeading => {}
        }
        marks
            .into_iter()
            .map(|(r, m)| (r.start + offset..r.end + offset, theme.mark(m)))
            .collect()
    }
}
