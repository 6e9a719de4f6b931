//! What is marked in an item's text: emphasis, footnote markers, and (from
//! other modules) mentions, citations and search hits.

use std::ops::Range;

use ratatui::style::Style;

use crate::app::state::App;
use crate::entities::Place;
use crate::reader::outline::Item;
use crate::study::kind_index;
use crate::ui::theme::{Mark, Theme};

impl App<'_> {
    /// Whether the item carries a note (for the margin marker).
    pub fn has_notes(&self, item: Item) -> bool {
        match item {
            Item::Passage(p) => self.notes_on.contains(&p),
            _ => false,
        }
    }

    /// Styled ranges of the item's shown text (`offset` is where the model's
    /// text starts in it).
    pub fn marks(&self, index: usize, offset: usize, theme: &Theme) -> Vec<(Range<usize>, Style)> {
        let study = self.study;
        let doc = &study.doc;
        let item = study.outline.items[index];
        let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
        let place = match item {
            Item::Passage(p) => Some(Place::Passage(p)),
            Item::Footnote(f) => Some(Place::Footnote(f)),
            _ => None,
        };
        if let Some(place) = place {
            marks.extend(study.links.mentions_in(place).map(|m| {
                let mention = study.links.mention(m);
                let kind = &study.catalog.entities[mention.entity].kind;
                (mention.span, Mark::Mention(kind_index(kind)))
            }));
            marks.extend(
                study
                    .links
                    .citations_in(place)
                    .map(|c| (study.links.citations[c].span.clone(), Mark::Citation)),
            );
            marks.extend(
                study
                    .links
                    .figure_links_in(place)
                    .iter()
                    .filter(|l| l.figure.is_some())
                    .map(|l| (l.at.span.clone(), Mark::Citation)),
            );
        }
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
                marks.extend(
                    doc.footnotes[f]
                        .emphasis
                        .iter()
                        .map(|r| (r.clone(), Mark::Emphasis)),
                );
            }
            Item::Reference(r) => {
                marks.extend(
                    doc.references[r]
                        .emphasis
                        .iter()
                        .map(|r| (r.clone(), Mark::Emphasis)),
                );
            }
            Item::Heading(_) | Item::FootnotesHeading => {}
        }
        if let Item::Passage(p) = item {
            // A note about part of a passage marks that part.
            let whole = doc.passages[p].text.len();
            marks.extend(
                self.notebook
                    .notes_for_passage(p)
                    .into_iter()
                    .filter_map(|(_, anchor)| anchor.span())
                    .filter(|span| span.len() < whole)
                    .map(|span| (span, Mark::Noted)),
            );
        }
        if let (Item::Passage(p), Some(sel)) = (item, crate::views::select::active(self)) {
            marks.extend(
                sel.segments(doc)
                    .into_iter()
                    .filter(|(at, _)| *at == p)
                    .map(|(_, span)| (span, Mark::Selected)),
            );
        }
        if let Some(hits) = &self.text_hits {
            marks.extend(
                hits.ranges(index)
                    .iter()
                    .map(|r| (r.clone(), Mark::SearchHit)),
            );
        }
        marks
            .into_iter()
            .map(|(r, m)| (r.start + offset..r.end + offset, theme.mark(m)))
            .collect()
    }
}
