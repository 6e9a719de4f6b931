//! Re-anchoring a note's quote in the opening section of the bundled paper.
//!
//! Input: one byte choosing the passage the note claims (or none), then
//! `exact|prefix|suffix`.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use casebook::model::Document;
use casebook::notes::{Anchor, Anchorer, Quote, Target};
use libfuzzer_sys::fuzz_target;

/// The bundled paper's opening section: the whole paper makes each fuzzy
/// search take a tenth of a second under instrumentation, too slow to fuzz.
fn doc() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let paper = include_str!("../../corpus/dalian/paper.md");
        let end = paper.find("\n# 2.").unwrap_or(paper.len());
        let (doc, _) = casebook::corpus::parse_paper(Path::new("paper.md"), &paper[..end]);
        assert!(doc.passages.len() > 3);
        doc
    })
}

thread_local! {
    /// Built once, as the notebook builds it once for all notes (its
    /// passages are normalised lazily, so it is not shared across threads).
    static ANCHORER: Anchorer<'static> = Anchorer::new(doc());
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // Long quotes make the edit-distance search quadratic without finding more.
    if text.len() > 4096 {
        return;
    }
    let doc = doc();
    let mut parts = text.splitn(3, '|');
    let quote = Quote {
        exact: parts.next().unwrap_or_default().to_string(),
        prefix: parts.next().unwrap_or_default().to_string(),
        suffix: parts.next().unwrap_or_default().to_string(),
    };
    let passage =
        (pick != 0xFF).then(|| doc.passages[pick as usize % doc.passages.len()].id.clone());
    let target = Target {
        passage,
        quote,
        position: None,
    };
    let anchor = ANCHORER.with(|a| a.anchor(&target));
    // A found span must lie inside its passage on character boundaries.
    match anchor {
        Anchor::Anchored { passage, span } | Anchor::Drifted { passage, span, .. } => {
            let text = &doc.passages[passage].text;
            assert!(text.get(span).is_some());
        }
        Anchor::Orphaned => {}
    }
});
