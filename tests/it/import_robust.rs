//! Arbitrary input never panics the importer or the loader.

use std::path::Path;

use casebook::corpus::{parse_meta, parse_paper};
use casebook::import::import;
use proptest::prelude::*;

fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{c}".to_string()),
        Just("1. ".to_string()),
        Just("(2) ".to_string()),
        Just("3) ".to_string()),
        Just("Chapter ".to_string()),
        Just("References\n".to_string()),
        Just("Figure 1: ".to_string()),
        Just("Source: ".to_string()),
        Just("¹ ".to_string()),
        Just("²".to_string()),
        Just("*".to_string()),
        Just("---. ".to_string()),
        Just("(2008)".to_string()),
        Just("[^1]".to_string()),
        Just("[^1]: ".to_string()),
        Just("<!-- passage x -->".to_string()),
        Just("# ".to_string()),
        Just("{#a}".to_string()),
        Just(". . . . . 3".to_string()),
        Just("-\n".to_string()),
        Just("Xiàgăng 大连 ".to_string()),
        Just("Henderson’s ".to_string()),
        Just("Smith's ".to_string()),
        Just("Ltd. ".to_string()),
        "[A-Za-z .,]{1,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn importing_anything_terminates_and_writes_a_loadable_paper(text in messy()) {
        let imported = import(&text, Path::new("x.txt"), "x");
        let (_, diags) = parse_paper(Path::new("paper.md"), &imported.paper_md());
        let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, imported.paper_md());
        prop_assert!(parse_meta(Path::new("meta.toml"), &imported.meta_toml()).is_ok(), "{}", imported.meta_toml());
        let _ = imported.entities_toml();
    }

    #[test]
    fn loading_anything_never_panics(text in messy()) {
        let _ = parse_paper(Path::new("paper.md"), &text);
        let _ = parse_meta(Path::new("meta.toml"), &text);
    }
}
