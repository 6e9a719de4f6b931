//! The reader application: state, actions and the update function.

pub mod jumps;
