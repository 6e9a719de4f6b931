//! A case study loaded and linked: everything the reader and the commands
//! look things up in, built once at start.

use crate::charts::series::{self, Series};
use crate::charts::spark::{self, Bucketing};
use crate::charts::timeline::Timeline;
use crate::corpus::{self, CaseStudy, Source};
use crate::diag::Diagnostic;
use crate::entities::{self, Catalog, EntityKind, Links, Place};
use crate::model::{Document, Meta};
use crate::reader::outline::Outline;

/// Bars in an entity's mention sparkline: one per equal slice of passages.
pub const SPARK_BUCKETS: usize = 16;

pub struct Study {
    pub meta: Meta,
    pub doc: Document,
    pub outline: Outline,
    pub catalog: Catalog,
    pub links: Links,
    pub series: Vec<Series>,
    pub timeline: Timeline,
    /// Per entity: passages mentioning it, bucketed over the paper.
    pub sparks: Vec<Vec<u32>>,
}

impl Study {
    /// Links a document with its optional catalogue and series.
    pub fn assemble(
        meta: Meta,
        doc: Document,
        catalog: Option<Catalog>,
        series: Vec<Series>,
    ) -> Study {
        let catalog = catalog.unwrap_or_default();
        let links = entities::link(&doc, &catalog);
        let sparks = (0..catalog.len())
            .map(|e| {
                let passages: Vec<usize> = links
                    .mentions_of(e)
                    .iter()
                    .filter_map(|&m| match links.place_of(m) {
                        Place::Passage(p) => Some(p),
                        Place::Footnote(f) => doc.footnotes[f].passages.first().copied(),
                    })
                    .collect();
                spark::bucket_mentions(&doc, &passages, Bucketing::Slices(SPARK_BUCKETS))
            })
            .collect();
        let timeline = Timeline::build(&doc);
        let outline = Outline::new(&doc);
        Study {
            meta,
            doc,
            outline,
            catalog,
            links,
            series,
            timeline,
            sparks,
        }
    }

    pub fn from_parts(meta: Meta, doc: Document) -> Study {
        Study::assemble(meta, doc, None, Vec::new())
    }

    /// The paper's opening, shown while the whole case study loads: laid
    /// out for reading, with nothing linked or charted yet.
    pub fn opening(meta: Meta, doc: Document) -> Study {
        Study {
            meta,
            outline: Outline::new(&doc),
            doc,
            catalog: Catalog::default(),
            links: Links::default(),
            series: Vec::new(),
            timeline: Timeline::default(),
            sparks: Vec::new(),
        }
    }

    /// Loads a case study with its entities and series; any error in any
    /// of its files is returned.
    pub fn open(source: &Source) -> Result<Study, Vec<Diagnostic>> {
        let CaseStudy {
            meta,
            doc,
            entities_toml,
            series_toml,
            ..
        } = corpus::open(source)?;
        let catalog = entities_toml
            .map(|f| Catalog::parse(&f.path, &f.text))
            .transpose()?;
        let series = series::load(series_toml.as_ref(), &doc)?;
        Ok(Study::assemble(meta, doc, catalog, series))
    }

    /// How often the text names an entity: every occurrence, the one
    /// meaning of "mentions" wherever a count is shown.
    pub fn mention_count(&self, entity: usize) -> usize {
        self.links.mentions_of(entity).len()
    }
}

/// Index of an entity kind for styling (firm, person, place, organisation, other).
pub fn kind_index(kind: &EntityKind) -> u8 {
    match kind {
        EntityKind::Firm => 0,
        EntityKind::Person => 1,
        EntityKind::Place => 2,
        EntityKind::Organisation => 3,
        EntityKind::Event | EntityKind::Unknown => 4,
    }
}

/// A short tag for an entity kind in lists.
pub fn kind_tag(kind: &EntityKind) -> &str {
    kind.short()
}
