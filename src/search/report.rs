//! What `casebook search` prints: hits as JSON for tools, or as text
//! grouped by kind for people.

use serde::Serialize;

use super::{group_by_kind, Hit, HitKind, Index};
use crate::term::sanitize::caret;

#[derive(Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    hit: &'a Hit,
    #[serde(skip_serializing_if = "Option::is_none")]
    subkind: Option<&'a str>,
    /// The full passage text, for passage hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// The ranked hits; passage hits carry their whole text.
pub fn json(index: &Index, hits: &[Hit]) -> String {
    let list: Vec<JsonHit> = hits
        .iter()
        .map(|hit| {
            let doc = index.doc(hit.doc);
            let passage = hit.kind == HitKind::Passage;
            JsonHit {
                hit,
                subkind: doc.subkind.as_deref(),
                text: passage.then_some(doc.text.as_str()),
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// Hits grouped by kind, ranked within each group; matches in bold on a
/// terminal. Control characters from the case study are shown, not sent.
pub fn text(hits: &[Hit], color: bool) -> String {
    if hits.is_empty() {
        return "no matches\n".into();
    }
    let mut out = String::new();
    for (kind, group) in group_by_kind(hits) {
        out.push_str(&format!("{} ({})\n", kind.name(), group.len()));
        for hit in group {
            out.push_str(&format!(
                "  {}  {}  [{}]\n    ",
                caret(&hit.id),
                caret(&hit.title),
                hit.score
            ));
            let mut at = 0;
            for r in &hit.highlights {
                out.push_str(&caret(&hit.snippet[at..r.start]));
                let word = caret(&hit.snippet[r.clone()]).into_owned();
                out.push_str(&if color {
                    format!("\x1b[1m{word}\x1b[22m")
                } else {
                    word
                });
                at = r.end;
            }
            out.push_str(&caret(&hit.snippet[at..]));
            out.push('\n');
        }
    }
    out
}
