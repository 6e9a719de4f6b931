//! casebook: a full-screen terminal reader for research case studies.
//!
//! The library holds everything testable; `main.rs` only parses arguments
//! and dispatches to [`cli::run`].

pub mod cli;
pub mod corpus;
pub mod diag;
pub mod entities;
pub mod export;
pub mod import;
pub mod model;
pub mod notes;
pub mod paths;
pub mod search;
