//! A case study loaded and linked: everything the reader and the commands
//! look things up in, built once at start.

use crate::model::{Document, Meta};
use crate::reader::outline::Outline;

pub struct Study {
    pub meta: Meta,
    pub doc: Document,
    pub outline: Outline,
}

impl Study {
    pub fn from_parts(meta: Meta, doc: Document) -> Study {
        let outline = Outline::new(&doc);
        Study { meta, doc, outline }
    }
}
