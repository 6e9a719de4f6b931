//! The reader application: state, actions and the update function.

pub mod jumps;
pub mod list;
pub mod layout;
pub mod state;
pub mod navigate;
pub mod marks;
pub mod update;
pub mod input;
pub mod links;
pub mod entity;
pub mod entity_list;
pub mod notes;
pub mod overlay_update;
pub mod editor;
pub mod notes_list;
