//! Atomic, durable writes live in [`crate::durable`]; re-exported here for
//! the notes store and its callers.

pub use crate::durable::*;
