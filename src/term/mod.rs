//! Everything between casebook and the terminal.

pub mod guard;
pub mod rendition;
pub mod sanitize;
pub mod scroll;
pub mod sgr;
pub mod signals;
pub mod terminal;
