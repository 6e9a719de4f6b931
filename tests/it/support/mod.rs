//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod charts;
pub mod cli;
pub mod entities;
pub mod hostile;
pub mod keys;
pub mod notes;
pub mod pty;
pub mod reliability;
pub mod tap;
