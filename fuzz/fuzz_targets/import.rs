//! The PDF-text importer, and the loader reading back what it wrote.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let imported = casebook::import::import(text, Path::new("paper.txt"), "fuzz");
    let md = imported.paper_md();
    let _ = imported.meta_toml();
    let _ = imported.entities_toml();
    let _ = casebook::corpus::parse_paper(Path::new("paper.md"), &md);
});
