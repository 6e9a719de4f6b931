//! The Markdown paper loader: any text gives a document and diagnostics, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (doc, diags) = casebook::corpus::parse_paper(Path::new("paper.md"), text);
    // Diagnostics must render (they carry line and column computed from the text).
    for d in &diags {
        let _ = d.to_string();
    }
    let _ = doc.passages.len();
});
