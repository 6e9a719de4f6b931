//! Everything between casebook and the terminal.

pub mod sanitize;
