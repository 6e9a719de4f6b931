//! series.toml, parsed and checked against the bundled paper.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use casebook::corpus::Source;
use casebook::model::Document;
use libfuzzer_sys::fuzz_target;

fn doc() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| casebook::corpus::open(&Source::Bundled).unwrap().doc)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("series.toml");
    match casebook::charts::series::parse(path, text) {
        Ok(series) => {
            for d in casebook::charts::series::validate(&series, path, text, doc()) {
                let _ = d.to_string();
            }
        }
        Err(d) => {
            let _ = d.to_string();
        }
    }
});
