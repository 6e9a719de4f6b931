//! Warnings about a catalogue checked against its paper.

use std::collections::HashMap;
use std::path::Path;

use super::catalog::Catalog;
use super::links::{Links, Place};
use crate::diag::Diagnostic;
use crate::model::Document;

/// Aliases that match nothing, entities never mentioned, names shared by two
/// entities and relation targets that do not exist are reported against
/// `entities.toml`; unresolved citations against `paper` at their passage.
pub fn lint(catalog: &Catalog, doc: &Document, links: &Links, paper: &Path) -> Vec<Diagnostic> {
    let path = catalog.path();
    let mut out = Vec::new();
    let mut owners: HashMap<String, usize> = HashMap::new();
    for (i, e) in catalog.entities.iter().enumerate() {
        let (line, col) = catalog.entity_location(i);
        let mentions = links.mentions_of(i);
        if mentions.len() == 0 {
            out.push(Diagnostic::warning(
                path,
                line,
                col,
                format!("entity `{}` is never mentioned", e.id),
            ));
        }
        for (a, alias) in e.aliases.iter().enumerate() {
            if !mentions.clone().any(|m| links.mention(m).alias == Some(a)) {
                let (l, c) = catalog.alias_location(i, a);
                out.push(Diagnostic::warning(
                    path,
                    l,
                    c,
                    format!("alias \"{alias}\" of `{}` matches nothing", e.id),
                ));
            }
        }
        for (n, name) in e.names().enumerate() {
            let key = name.trim().to_lowercase();
            match owners.get(&key) {
                Some(&other) if other != i => {
                    let (l, c) = n
                        .checked_sub(1)
                        .map_or((line, col), |a| catalog.alias_location(i, a));
                    out.push(Diagnostic::warning(
                        path,
                        l,
                        c,
                        format!(
                            "\"{name}\" names both `{}` and `{}`",
                            catalog.entities[other].id, e.id
                        ),
                    ));
                }
                _ => {
                    owners.insert(key, i);
                }
            }
        }
        for (r, rel) in e.relations.iter().enumerate() {
            if catalog.index(&rel.target).is_none() {
                let (l, c) = catalog.relation_location(i, r);
                out.push(Diagnostic::warning(
                    path,
                    l,
                    c,
                    format!(
                        "relation `{}` of `{}` names unknown entity `{}`",
                        rel.kind, e.id, rel.target
                    ),
                ));
            }
        }
    }
    for c in links.unresolved() {
        let (line, what) = match c.place {
            Place::Passage(p) => (
                doc.passages[p].line,
                format!("passage {}", doc.passages[p].id),
            ),
            Place::Footnote(f) => (
                doc.footnotes[f].line,
                format!("footnote {}", doc.footnotes[f].label),
            ),
        };
        // The passage's first line: spans are in decoded text, not in the Markdown.
        out.push(Diagnostic::warning(
            paper,
            line,
            1,
            format!(
                "citation \"{}\" in {what} matches no reference",
                c.text(doc)
            ),
        ));
    }
    out
}
