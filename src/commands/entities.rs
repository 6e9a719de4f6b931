//! `casebook entities` and `casebook show`.

use super::{Console, Failure};
use crate::corpus::Source;
use crate::entities::{case, report, EntityKind};
use crate::term::sanitize::caret;

/// How many near names `show` offers when none is exact.
const SUGGESTIONS: usize = 3;

/// `casebook entities [--kind K] [--json]`.
pub fn list(
    source: &Source,
    kind: Option<EntityKind>,
    json: bool,
    console: &mut Console,
) -> Result<(), Failure> {
    let (study, catalog, links) = case::load(source)?;
    let text = if json {
        let value = report::entities_json(&study.doc, &catalog, &links, kind.as_ref());
        serde_json::to_string_pretty(&value).expect("JSON values serialize") + "\n"
    } else {
        caret(&report::entities_table(&catalog, &links, kind.as_ref())).into_owned()
    };
    console.print(&text)
}

/// `casebook show ENTITY` (id, name or alias); a name that matches none
/// fails with the closest names.
pub fn show(source: &Source, query: &str, console: &mut Console) -> Result<(), Failure> {
    let (study, catalog, links) = case::load(source)?;
    let Some(entity) = catalog.lookup(query) else {
        let near: Vec<String> = catalog
            .closest(query, SUGGESTIONS)
            .iter()
            .map(|e| format!("{} ({})", e.name, e.id))
            .collect();
        let hint = match near.as_slice() {
            [] => "`casebook entities` lists them".to_string(),
            near => format!("did you mean {}?", near.join(", ")),
        };
        return Err(Failure::because(format!(
            "no entity named {:?}; {hint}",
            caret(query)
        )));
    };
    console.print(&caret(&report::card(&study.doc, &catalog, &links, entity)))
}
