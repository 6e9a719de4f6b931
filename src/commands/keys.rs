//! `casebook keys`: the key map in force, or what is wrong with it.

use super::{Console, Failure};
use crate::keymap::Keymap;
use crate::paths::Paths;
use crate::term::sanitize;

pub fn run(keymap: Option<&str>, paths: &Paths, console: &mut Console) -> Result<(), Failure> {
    let map = Keymap::load(keymap, Some(&paths.config))?;
    console.print(&sanitize::lines(&map.help_text()))
}
