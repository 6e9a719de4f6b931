//! Charts of a case study: the paper's figures as series, the timeline of
//! the years it mentions, and mention sparklines.

pub mod nav;
pub mod quantity;
pub mod report;
pub mod series;
pub mod spark;
pub mod timeline;

pub use nav::{ChartRef, ChartsFocus, ChartsState};
