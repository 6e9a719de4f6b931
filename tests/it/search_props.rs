//! Whatever the text and the query, search never panics and every
//! highlight range can slice the string it points into.

use casebook::search::{HitKind, Index, Query, SearchDoc};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Letters with and without diacritics, digits, punctuation, CJK, spaces,
    // newlines, a control character and a character that folds to two.
    proptest::string::string_regex("[a-zA-Zàùăİẞ0-9 ,.%'\"()#@\n\u{1b}中文-]{0,80}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn highlights_are_valid_ranges(
        texts in proptest::collection::vec(text(), 1..6),
        names in text(),
        noise in text(),
        skip in 0usize..60,
        take in 1usize..14,
    ) {
        // Half the time a piece of the text itself, so that queries match.
        let query: String = if skip % 2 == 0 { texts[0].chars().skip(skip).take(take).collect() } else { noise };
        let mut docs: Vec<SearchDoc> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| SearchDoc { kind: HitKind::Passage, id: format!("p{i}"), text: t.clone(), ..SearchDoc::default() })
            .collect();
        docs.push(SearchDoc { kind: HitKind::Entity, id: "e".into(), names: vec![names], text: texts[0].clone(), ..SearchDoc::default() });
        let index = Index::build(docs);
        let hits = index.search(&Query::parse(&query), 20);
        for hit in hits {
            for r in &hit.highlights {
                prop_assert!(hit.snippet.get(r.clone()).is_some(), "{r:?} in {:?}", hit.snippet);
            }
            let full = &index.doc(hit.doc).text;
            for r in &hit.text_highlights {
                prop_assert!(full.get(r.clone()).is_some(), "{r:?} in {full:?}");
            }
        }
    }
}
