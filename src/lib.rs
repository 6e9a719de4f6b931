//! casebook: a full-screen terminal reader for research case studies.
//!
//! The library holds everything testable; `main.rs` only parses arguments
//! and dispatches to [`commands::run`].

pub mod app;
pub mod charts;
pub mod cite;
pub mod commands;
pub mod corpus;
pub mod diag;
pub mod durable;
pub mod entities;
pub mod export;
pub mod import;
pub mod keymap;
pub mod library;
pub mod model;
pub mod notes;
pub mod paths;
pub mod positions;
pub mod reader;
pub mod rescue;
pub mod search;
pub mod session;
pub mod storage;
pub mod study;
pub mod term;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
pub mod ui;
pub mod views;
