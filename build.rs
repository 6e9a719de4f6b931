//! Compiles `keymaps/default.toml` into a Rust table (`$OUT_DIR/default_keymap.rs`)
//! so that opening the reader does not parse TOML: parsing the built-in map
//! was a third of the work before the first frame. A file that is not valid
//! TOML fails the build with its line; key names and actions are checked by
//! the test suite, which also compares the table with a parse of the file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

const SOURCE: &str = "keymaps/default.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeTable {
    #[serde(default)]
    keymap: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    on: Keys,
    run: String,
    desc: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Chord(Vec<String>),
}

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let tables: BTreeMap<String, ModeTable> =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    // `{:?}` of strings and options of strings is valid Rust source.
    let mut table = String::from("&[\n");
    for (mode, entries) in &tables {
        for entry in &entries.keymap {
            let (line, col) = line_col(&text, entry.span().start);
            let Entry { on, run, desc } = entry.get_ref();
            let keys = match on {
                Keys::One(key) => std::slice::from_ref(key),
                Keys::Chord(keys) => keys.as_slice(),
            };
            writeln!(
                table,
                "    BuiltIn {{ mode: {mode:?}, keys: &{keys:?}, run: {run:?}, \
                 desc: {:?}, line: {line}, col: {col} }},",
                desc.as_deref()
            )
            .unwrap();
        }
    }
    table.push_str("]\n");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("default_keymap.rs"), table).expect("OUT_DIR is writable");
}

/// 1-based line and column (in characters) of a byte offset, as the
/// key map's own messages count them.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}
