//! A synthetic case study for the benches that need a big paper.

use std::path::Path;

/// Writes a case study of at least `bytes` bytes into `dir`: the bundled
/// paper repeated, each copy's passage, section and footnote ids made unique.
pub fn synthetic(dir: &Path, bytes: usize) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dalian");
    let paper = std::fs::read_to_string(src.join("paper.md")).expect("bundled paper");
    let mut out = String::with_capacity(bytes + paper.len());
    let mut n = 0;
    while out.len() < bytes {
        out.push_str(
            &paper
                .replace("<!-- passage ", &format!("<!-- passage c{n}"))
                .replace("{#", &format!("{{#c{n}"))
                .replace("[^", &format!("[^c{n}x")),
        );
        out.push_str("\n\n");
        n += 1;
    }
    std::fs::write(dir.join("paper.md"), out).unwrap();
    for f in ["meta.toml", "entities.toml"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
}
