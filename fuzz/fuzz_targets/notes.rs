//! The notes file as the store reads it (W3C Web Annotation JSON).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = casebook::notes::webanno::parse(text, Path::new("notes.json"));
    for d in &parsed.diagnostics {
        let _ = d.to_string();
    }
    // What was read must write back out.
    let _ = casebook::notes::webanno::collection_to_json(&parsed.set, "fuzz");
});
