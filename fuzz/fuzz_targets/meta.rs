//! meta.toml.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(diags) = casebook::corpus::parse_meta(Path::new("meta.toml"), text) {
        for d in &diags {
            let _ = d.to_string();
        }
    }
});
