//! Everything between casebook and the terminal.

pub mod sanitize;
pub mod guard;
pub mod signals;
pub mod terminal;
