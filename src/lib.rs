//! casebook: a full-screen terminal reader for research case studies.
//!
//! The library holds everything testable; `main.rs` only parses arguments
//! and dispatches to [`cli::run`].

pub mod cli;
pub mod diag;
pub mod keymap;
pub mod model;
pub mod app;
pub mod reader;
pub mod term;
pub mod testing;
pub mod study;
pub mod ui;
pub mod session;
pub mod positions;
