//! A user's key map, layered over the built-in one as at start-up.
#![no_main]

use std::path::PathBuf;

use casebook::keymap::Keymap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let base = include_str!("../../keymaps/default.toml");
    let sources = [
        (PathBuf::from("default.toml"), base),
        (PathBuf::from("keymap.toml"), text),
    ];
    if let Err(diags) = Keymap::from_sources(&sources) {
        for d in &diags {
            let _ = d.to_string();
        }
    }
});
