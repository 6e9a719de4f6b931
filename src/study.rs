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
                    .filter_map(|m| match links.place_of(m) {
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

    /// Loads a case study to read it: a problem in an optional file
    /// (`entities.toml`, or a series of `series.toml`) sets that part
    /// aside and is returned as a warning, so the rest opens; problems in
    /// `meta.toml` or `paper.md` are still errors.
    pub fn open_lenient(source: &Source) -> Result<(Study, Vec<Diagnostic>), Vec<Diagnostic>> {
        let (study, diags) = corpus::load(source);
        let optional = |d: &Diagnostic| {
            d.path
                .file_name()
                .is_some_and(|n| n == "entities.toml" || n == "series.toml")
        };
        let (mut set_aside, errors): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
            .into_iter()
            .filter(Diagnostic::is_error)
            .partition(optional);
        let study = match study {
            Some(study) if errors.is_empty() => study,
            _ => return Err(errors),
        };
        let unreadable = |name: &str| set_aside.iter().any(|d| d.path.ends_with(name));
        let entities_toml = study.entities_toml.filter(|_| !unreadable("entities.toml"));
        let series_toml = study.series_toml.filter(|_| !unreadable("series.toml"));
        let catalog = match entities_toml.map(|f| Catalog::parse(&f.path, &f.text)) {
            Some(Ok(catalog)) => Some(catalog),
            Some(Err(problems)) => {
                set_aside.extend(problems);
                None
            }
            None => None,
        };
        let doc = study.doc;
        // Each series stands alone: a stale quote drops its own series only.
        let mut kept = Vec::new();
        if let Some(file) = &series_toml {
            match series::parse(&file.path, &file.text) {
                Ok(all) => {
                    for one in all {
                        let problems = series::validate(
                            std::slice::from_ref(&one),
                            &file.path,
                            &file.text,
                            &doc,
                        );
                        if problems.is_empty() {
                            kept.push(one);
                        } else {
                            set_aside.extend(problems);
                        }
                    }
                }
                Err(problem) => set_aside.push(problem),
            }
        }
        Ok((Study::assemble(study.meta, doc, catalog, kept), set_aside))
    }

    /// How often the text names an entity: every occurrence, the one
    /// meaning of "mentions" wherever a count is shown.
    pub fn mention_count(&self, entity: usize) -> usize {
        self.links.mentions_of(entity).len()
    }

    /// Entities most mentioned first (ties in catalogue order): the rows of
    /// "Most mentioned".
    pub fn most_mentioned(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.catalog.len()).collect();
        order.sort_by_key(|&e| std::cmp::Reverse(self.mention_count(e)));
        order
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
