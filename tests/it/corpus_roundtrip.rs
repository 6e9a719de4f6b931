//! Whatever text the importer writes, the loader reads back unchanged.

use std::path::Path;

use casebook::corpus::markdown::{inline, Context};
use casebook::corpus::parse_paper;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("*".to_string()),
        Just("_".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("&".to_string()),
        Just("&amp;".to_string()),
        Just("&#27;".to_string()),
        Just("#".to_string()),
        Just("!".to_string()),
        Just("\\".to_string()),
        Just("`".to_string()),
        Just("~".to_string()),
        Just("-".to_string()),
        Just("+".to_string()),
        Just("=".to_string()),
        Just("|".to_string()),
        Just("1.".to_string()),
        Just("2)".to_string()),
        Just("[^1]".to_string()),
        Just("---.".to_string()),
        Just("http://a.b/c_d".to_string()),
        Just("Xiàgăng".to_string()),
        Just("大连".to_string()),
        Just("“q”".to_string()),
        Just(" ".to_string()),
        "[a-z]{1,5}",
    ];
    prop::collection::vec(piece, 1..12)
        .prop_map(|v| v.concat())
        .prop_filter("trimmed, single spaces", |s| {
            !s.trim().is_empty() && s.trim() == s && !s.contains("  ")
        })
}

proptest! {
    #[test]
    fn escaped_paragraph_text_reads_back_exactly(t in text()) {
        let md = format!("# A {{#a}}\n\n<!-- passage p-a.1 -->\n{}\n", inline(&t, &[], &[], Context::Paragraph));
        let (doc, _) = parse_paper(Path::new("p.md"), &md);
        prop_assert_eq!(doc.passages.len(), 1, "{}", md);
        prop_assert_eq!(&doc.passages[0].text, &t, "{}", md);
    }

    #[test]
    fn escaped_heading_text_reads_back_exactly(t in text()) {
        let md = format!("# {} {{#a}}\n", inline(&t, &[], &[], Context::Heading));
        let (doc, _) = parse_paper(Path::new("p.md"), &md);
        prop_assert_eq!(doc.sections.len(), 1, "{}", md);
        let heading = doc.sections[0].heading();
        prop_assert_eq!(heading.trim_end(), t.as_str(), "{}", md);
    }
}
