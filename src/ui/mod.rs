//! Screen widgets.

pub mod charts;
