//! entities.toml.
#![no_main]

use std::path::Path;

use casebook::entities::catalog::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Catalog::parse(Path::new("entities.toml"), text) {
        Ok(catalog) => {
            for i in 0..catalog.len() {
                let _ = catalog.entity_location(i);
            }
        }
        Err(diags) => {
            for d in &diags {
                let _ = d.to_string();
            }
        }
    }
});
