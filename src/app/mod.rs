//! The reader's shell: its state, the messages that change it and the one
//! function that does ([`update::update`]). The views it shows live in
//! [`crate::views`], each with its own state, update and drawing.

pub mod input;
pub mod jumps;
pub mod layout;
pub mod list;
pub mod msg;
pub mod state;
pub mod unsaved;
pub mod update;

pub use msg::{Effect, Msg};
pub use state::{App, Focus, UiOptions};
