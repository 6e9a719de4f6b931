//! The reader application: state, actions and the update function.

pub mod editor;
pub mod entity;
pub mod entity_list;
pub mod input;
pub mod jumps;
pub mod layout;
pub mod links;
pub mod list;
pub mod marks;
pub mod navigate;
pub mod notes;
pub mod notes_list;
pub mod overlay_update;
pub mod search;
pub mod state;
pub mod update;
