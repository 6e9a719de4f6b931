//! Everything between casebook and the terminal.

pub mod backend;
pub mod clipboard;
pub mod pen;
pub mod sanitize;
pub mod screen;
pub mod scroll;
pub mod signals;
pub mod terminal;
