//! Mentions and citations of one document, with indexes both ways.

use std::collections::HashMap;
use std::ops::Range;

use super::catalog::Catalog;
use super::citations::{self, Resolver};
use super::figures::{self, Figure, FigureRef};
use super::linker::Linker;
use crate::model::Document;

/// Where a mention or citation sits: indices into `Document::passages` or
/// `Document::footnotes`. Captions and source lines are passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Passage(usize),
    Footnote(usize),
}

impl Place {
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        match *self {
            Place::Passage(p) => &doc.passages[p].text,
            Place::Footnote(f) => &doc.footnotes[f].text,
        }
    }

    /// The places a footnote marker connects: a passage's footnotes, or the
    /// passages that carry a footnote's marker.
    pub fn linked(&self, doc: &Document) -> Vec<Place> {
        match *self {
            Place::Passage(p) => doc.passages[p]
                .footnote_refs
                .iter()
                .map(|r| Place::Footnote(r.footnote))
                .collect(),
            Place::Footnote(f) => doc.footnotes[f]
                .passages
                .iter()
                .map(|&p| Place::Passage(p))
                .collect(),
        }
    }
}

/// One entity named in one place (a copy; [`Links`] stores them packed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub entity: usize,
    pub place: Place,
    /// Byte range in the place's text.
    pub span: Range<usize>,
    /// Which alias matched; `None` for the canonical name.
    pub alias: Option<usize>,
}

impl Mention {
    /// The span in characters of the place's text, as other tools count.
    pub fn char_span(&self, doc: &Document) -> Range<usize> {
        let text = self.place.text(doc);
        let start = text[..self.span.start].chars().count();
        start..start + text[self.span.clone()].chars().count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub place: Place,
    pub span: Range<usize>,
    pub author: String,
    pub year: i32,
    /// Index into `Document::references`; `None` when nothing matches.
    pub reference: Option<usize>,
}

impl Citation {
    /// The citation as printed (`Gao 2008, p. 32`, `Saxenian (2004, 2006, 2008)`).
    pub fn text<'d>(&self, doc: &'d Document) -> &'d str {
        &self.place.text(doc)[self.span.clone()]
    }
}

/// "Figure 2" in the text, and the figure passage it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureLink {
    pub place: Place,
    pub at: FigureRef,
    /// Index into `Links::figures`; `None` when the paper has no such figure.
    pub figure: Option<usize>,
}

/// The run at `slot`; empty for a place the document does not have.
fn run(starts: &[usize], slot: usize) -> Range<usize> {
    match (starts.get(slot), starts.get(slot + 1)) {
        (Some(&start), Some(&end)) => start..end,
        _ => 0..0,
    }
}

/// A mention as stored: its place is implied by the run it sits in. Twelve
/// bytes instead of a [`Mention`]'s 56, for a long paper has a million of
/// them: with its entry in the entity's list, a mention costs 16 bytes.
#[derive(Debug, Clone, Copy)]
struct Packed {
    entity: u32,
    start: u32,
    /// Bytes of the matched name.
    len: u16,
    /// `u16::MAX` for the canonical name.
    alias: u16,
}

impl Packed {
    const CANONICAL: u16 = u16::MAX;

    /// `None` beyond what a packed mention holds (a passage of 4 GB, a name
    /// of 64 KB, an entity's 65,535th alias), which is not linked.
    fn new(entity: usize, span: &Range<usize>, alias: Option<usize>) -> Option<Packed> {
        let alias = match alias {
            Some(a) => u16::try_from(a).ok().filter(|&a| a != Packed::CANONICAL)?,
            None => Packed::CANONICAL,
        };
        Some(Packed {
            entity: u32::try_from(entity).ok()?,
            start: u32::try_from(span.start).ok()?,
            len: u16::try_from(span.len()).ok()?,
            alias,
        })
    }

    fn span(&self) -> Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

/// Everything linked in one document.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// In document order: passages, then footnotes, each in text order; so
    /// the mentions and citations of one place are a run of indices.
    mentions: Vec<Packed>,
    pub citations: Vec<Citation>,
    /// The figure and table passages, in reading order.
    pub figures: Vec<Figure>,
    /// Pointers to figures, in document order.
    pub figure_links: Vec<FigureLink>,
    /// Indices into `mentions` grouped by entity, in document order within
    /// each: entity `e`'s are `by_entity[entity_starts[e]..entity_starts[e + 1]]`.
    /// One exact list of u32 instead of a growing list per entity.
    by_entity: Vec<u32>,
    entity_starts: Vec<usize>,
    /// Where each place's run starts, by place slot (passages, then
    /// footnotes), with the end of the last one at the end.
    mention_runs: Vec<usize>,
    citation_runs: Vec<usize>,
    passages: usize,
}

fn places(doc: &Document) -> impl Iterator<Item = Place> {
    (0..doc.passages.len())
        .map(Place::Passage)
        .chain((0..doc.footnotes.len()).map(Place::Footnote))
}

/// Links `doc` against `catalog`. Build a [`Linker`] once and call
/// [`link_with`] when linking several documents with one catalogue.
pub fn link(doc: &Document, catalog: &Catalog) -> Links {
    link_with(&Linker::new(catalog), catalog.len(), doc)
}

pub fn link_with(linker: &Linker, entities: usize, doc: &Document) -> Links {
    let resolver = Resolver::new(&doc.references);
    let figures = figures::index(doc);
    let runs = doc.passages.len() + doc.footnotes.len() + 1;
    let mut links = Links {
        passages: doc.passages.len(),
        mention_runs: Vec::with_capacity(runs),
        citation_runs: Vec::with_capacity(runs),
        ..Links::default()
    };
    links.figures = figures;
    let total: usize = places(doc).map(|p| p.text(doc).len()).sum();
    let mut done = 0;
    for place in places(doc) {
        let text = place.text(doc);
        done += text.len();
        links.mention_runs.push(links.mentions.len());
        links.citation_runs.push(links.citations.len());
        for f in linker.find(text) {
            // At most u32::MAX mentions, so that an index fits `by_entity`.
            let room = links.mentions.len() < u32::MAX as usize && f.entity < entities;
            if let Some(packed) = Packed::new(f.entity, &f.span, f.alias).filter(|_| room) {
                grow_projected(&mut links.mentions, done, total);
                links.mentions.push(packed);
            }
        }
        for at in figures::refs_in(text) {
            let figure = figures::resolve(&links.figures, at.label, at.number);
            // A caption's own "Figure 2:" is its label, not a pointer.
            let own = figure.map(|f| Place::Passage(links.figures[f].passage)) == Some(place);
            if !own {
                links.figure_links.push(FigureLink { place, at, figure });
            }
        }
        for c in citations::find(text, &resolver) {
            grow_projected(&mut links.citations, done, total);
            links.citations.push(Citation {
                place,
                span: c.span,
                author: c.author,
                year: c.year,
                reference: c.reference,
            });
        }
    }
    links.mention_runs.push(links.mentions.len());
    links.citation_runs.push(links.citations.len());
    // What projection left over is not kept for the session.
    links.mentions.shrink_to_fit();
    links.citations.shrink_to_fit();
    // After the resolver is gone, so the two never take room together.
    drop(resolver);
    links.group_by_entity(entities);
    links
}

/// Makes room in a full `v` for what the rest of the text will likely add,
/// judged by what the `done` bytes of `total` gave so far (at least a
/// quarter more), instead of doubling: on a large paper doubling leaves up
/// to half of each vector unused at the peak of loading.
fn grow_projected<T>(v: &mut Vec<T>, done: usize, total: usize) {
    if v.len() < v.capacity() {
        return;
    }
    let len = v.len();
    let projected = (len as u128 * total as u128 / done.max(1) as u128) as usize;
    let want = (projected + projected / 16).max(len + len / 4) + 8;
    v.reserve_exact(want - len);
}

impl Links {
    /// Fills `by_entity` and `entity_starts` from `mentions`.
    fn group_by_entity(&mut self, entities: usize) {
        let mut starts = vec![0; entities + 1];
        for m in &self.mentions {
            starts[m.entity as usize + 1] += 1;
        }
        for e in 0..entities {
            starts[e + 1] += starts[e];
        }
        let mut next = starts.clone();
        self.by_entity = vec![0; self.mentions.len()];
        for (i, m) in self.mentions.iter().enumerate() {
            let slot = &mut next[m.entity as usize];
            // Fits: `link_with` stops at u32::MAX mentions.
            self.by_entity[*slot] = i as u32;
            *slot += 1;
        }
        self.entity_starts = starts;
    }

    /// Mention `m` (an index from [`Links::mentions_of`] or [`Links::mentions_in`]).
    pub fn mention(&self, m: usize) -> Mention {
        let p = self.mentions[m];
        Mention {
            entity: p.entity as usize,
            place: self.place_of(m),
            span: p.span(),
            alias: (p.alias != Packed::CANONICAL).then_some(p.alias as usize),
        }
    }

    /// The entity mention `m` names.
    pub fn entity_of(&self, m: usize) -> usize {
        self.mentions[m].entity as usize
    }

    /// The place mention `m` sits in: the one whose run holds it.
    pub fn place_of(&self, m: usize) -> Place {
        let slot = self.mention_runs.partition_point(|&start| start <= m) - 1;
        if slot < self.passages {
            Place::Passage(slot)
        } else {
            Place::Footnote(slot - self.passages)
        }
    }

    /// Every mention, in document order.
    pub fn mentions(&self) -> impl Iterator<Item = Mention> + '_ {
        (0..self.mentions.len()).map(|m| self.mention(m))
    }

    /// Indices into `mentions` of one entity, in document order.
    pub fn mentions_of(
        &self,
        entity: usize,
    ) -> impl ExactSizeIterator<Item = usize> + DoubleEndedIterator + Clone + '_ {
        let range = match (
            self.entity_starts.get(entity),
            self.entity_starts.get(entity + 1),
        ) {
            (Some(&start), Some(&end)) => start..end,
            _ => 0..0,
        };
        self.by_entity[range].iter().map(|&m| m as usize)
    }

    /// Indices into `mentions` inside one place, in text order.
    pub fn mentions_in(&self, place: Place) -> Range<usize> {
        run(&self.mention_runs, self.slot(place))
    }

    /// Indices into `citations` inside one place, in text order.
    pub fn citations_in(&self, place: Place) -> Range<usize> {
        run(&self.citation_runs, self.slot(place))
    }

    fn slot(&self, place: Place) -> usize {
        match place {
            Place::Passage(p) => p,
            Place::Footnote(f) => self.passages + f,
        }
    }

    /// Pointers to figures inside one place, in text order.
    pub fn figure_links_in(&self, place: Place) -> &[FigureLink] {
        let start = self.figure_links.partition_point(|l| l.place < place);
        let end = self.figure_links.partition_point(|l| l.place <= place);
        &self.figure_links[start..end]
    }

    /// The figure shown by passage `p`, if it is a figure passage.
    pub fn figure_at(&self, p: usize) -> Option<usize> {
        self.figures.iter().position(|f| f.passage == p)
    }

    /// Other entities named in the same places as `entity`, with the number
    /// of places they share, most shared first.
    pub fn co_mentions(&self, entity: usize) -> Vec<(usize, usize)> {
        let mut own: Vec<Place> = self.mentions_of(entity).map(|m| self.place_of(m)).collect();
        own.dedup();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for place in own {
            let mut others: Vec<usize> = self
                .mentions_in(place)
                .map(|m| self.entity_of(m))
                .filter(|&e| e != entity)
                .collect();
            others.sort_unstable();
            others.dedup();
            for e in others {
                *counts.entry(e).or_default() += 1;
            }
        }
        let mut out: Vec<(usize, usize)> = counts.into_iter().collect();
        out.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
        out
    }

    /// Citations that match no reference entry.
    pub fn unresolved(&self) -> impl Iterator<Item = &Citation> {
        self.citations.iter().filter(|c| c.reference.is_none())
    }
}
