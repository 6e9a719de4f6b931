//! Linking footnote markers and definitions both ways, and reporting strays.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::model::{Footnote, FootnoteRef, Passage};

/// A `[^label]: text` definition as parsed.
#[derive(Debug)]
pub struct Def {
    pub text: String,
    pub emphasis: Vec<Range<usize>>,
    pub line: usize,
    pub col: usize,
}

/// Markers found: per passage (span, label), labels cited outside
/// passages, and every `[^label]` written: (label, line, column).
pub struct Cited<'a> {
    pub passages: &'a [Vec<(Range<usize>, String)>],
    pub elsewhere: &'a [String],
    pub written: &'a [(String, usize, usize)],
}

/// Footnotes in order of first citation, then uncited ones; fills `footnote_refs`.
pub fn link_footnotes(
    path: &Path,
    passages: &mut [Passage],
    cited: Cited,
    defs: Vec<(String, Def)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Footnote> {
    let mut by_label: HashMap<String, Def> = HashMap::new();
    for (label, def) in defs {
        if let Some(first) = by_label.get(&label) {
            let (line, col) = (def.line, def.col);
            let message = format!(
                "footnote [^{label}] is defined twice (first on line {})",
                first.line
            );
            diags.push(Diagnostic::error(path, line, col, message));
            continue;
        }
        if def.text.trim().is_empty() {
            let (line, col) = (def.line, def.col);
            diags.push(Diagnostic::error(
                path,
                line,
                col,
                format!("footnote [^{label}] has no text"),
            ));
        }
        by_label.insert(label, def);
    }
    let mut order: Vec<String> = Vec::new();
    for notes in cited.passages {
        for (_, label) in notes {
            if by_label.contains_key(label) && !order.contains(label) {
                order.push(label.clone());
            }
        }
    }
    let mut uncited: Vec<&String> = by_label.keys().filter(|l| !order.contains(l)).collect();
    uncited.sort_by_key(|l| by_label[*l].line);
    for label in uncited {
        if !cited.elsewhere.contains(label) {
            let def = &by_label[label];
            let (line, col) = (def.line, def.col);
            let message =
                format!("footnote [^{label}] is never cited: no marker [^{label}] in the text");
            diags.push(Diagnostic::error(path, line, col, message));
        }
        order.push(label.clone());
    }
    let index: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let mut footnotes: Vec<Footnote> = order
        .iter()
        .map(|label| {
            let def = by_label.remove(label).expect("ordered labels are defined");
            Footnote {
                label: label.clone(),
                text: def.text,
                emphasis: def.emphasis,
                passages: Vec::new(),
                line: def.line,
            }
        })
        .collect();
    for (p, notes) in cited.passages.iter().enumerate() {
        for (span, label) in notes {
            // A definition nested in another block is not one; the marker scan reports it.
            let Some(&footnote) = index.get(label.as_str()) else {
                continue;
            };
            passages[p].footnote_refs.push(FootnoteRef {
                footnote,
                span: span.clone(),
            });
            if !footnotes[footnote].passages.contains(&p) {
                footnotes[footnote].passages.push(p);
            }
        }
    }
    for (label, line, col) in cited.written {
        if !index.contains_key(label.as_str()) {
            let message =
                format!("footnote marker [^{label}] has no footnote: add a line [^{label}]: text");
            diags.push(Diagnostic::error(path, *line, *col, message));
        }
    }
    footnotes
}

/// Every `[^label]` written in `text` that is not a definition, with its
/// offset: a label without a definition is left as literal text by the
/// parser, so this is where such markers are found.
pub fn written_markers(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("[^") {
        if text[..at].ends_with('\\') {
            continue;
        }
        let Some(len) = text[at + 2..].find(']') else {
            continue;
        };
        let label = &text[at + 2..at + 2 + len];
        let is_definition = text[at + 2 + len + 1..].starts_with(':')
            && text[..at]
                .rsplit('\n')
                .next()
                .is_some_and(|s| s.trim().is_empty());
        if !label.is_empty() && !label.contains(char::is_whitespace) && !is_definition {
            out.push((label, at));
        }
    }
    out
}
