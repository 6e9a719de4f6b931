//! Firms, people, places and organisations a case study names, where the
//! text names them, and the works it cites.
//!
//! Citations are not entity mentions: `Gao 2008` cites a work, and the
//! person Gao Lihua is linked only where the text names her in full. An
//! author who is also a catalogue entity under a bare surname (`Saxenian`)
//! is linked in the citation text too, since the text does name them.

pub mod candidates;
pub mod case;
pub mod catalog;
pub mod citations;
pub mod figures;
pub mod kind;
pub mod linker;
pub mod links;
pub mod lint;
pub mod report;
pub mod resolver;

pub use catalog::{Catalog, Entity, Relation};
pub use figures::{Figure, FigureRef};
pub use kind::EntityKind;
pub use linker::Linker;
pub use links::{link, link_with, Citation, FigureLink, Links, Mention, Place};
