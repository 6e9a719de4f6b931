//! The reading pane's model: reading order, wrapping and the viewport.

pub mod outline;
pub mod view;
pub mod wrap;
