//! The PDF importer on arbitrary bytes (seeded with real PDFs), and the
//! loader reading back what it wrote.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(imported) =
        casebook::import::pdf::import(data.to_vec(), Path::new("paper.pdf"), "fuzz", &mut |_, _| {})
    else {
        return;
    };
    let md = imported.paper_md();
    let _ = imported.meta_toml();
    let _ = imported.entities_toml();
    let _ = casebook::corpus::parse_paper(Path::new("paper.md"), &md);
});
