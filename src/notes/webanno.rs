//! Notes as W3C Web Annotations (JSON), in and out.
//!
//! A note is an `Annotation` whose body is a list of `TextualBody`s (purpose
//! `commenting`: the text; `tagging`: one tag each; `classifying`: one
//! code-book code each; none for a highlight) and whose target is
//! `{ source: "casebook:<case>#<passage>", selector: [TextQuoteSelector,
//! TextPositionSelector] }`; positions count characters of the passage text.
//! A notes file is an `AnnotationCollection` with the notes embedded in its
//! first page, plus `casebook:deleted` (tombstones: id and time of deletion).
//! Reading accepts that, a bare list, an `AnnotationPage` or one annotation,
//! from casebook or another tool; a TextQuoteSelector alone is enough.

use std::path::Path;

use jiff::Timestamp;
use serde_json::{json, Map, Value};

use super::model::{clean_tags, Note, Quote, Target};
use super::set::NoteSet;
use crate::diag::{line_col, Diagnostic};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

pub fn note_to_json(note: &Note, case_id: &str) -> Value {
    let mut body = Vec::new();
    if !note.text.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting",
            "value": note.text, "format": "text/plain"}));
    }
    for tag in &note.tags {
        body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": tag}));
    }
    for code in &note.codes {
        body.push(json!({"type": "TextualBody", "purpose": "classifying", "value": code}));
    }
    let t = &note.target;
    let mut selector = vec![json!({"type": "TextQuoteSelector", "exact": t.quote.exact,
        "prefix": t.quote.prefix, "suffix": t.quote.suffix})];
    if let Some(p) = &t.position {
        selector.push(json!({"type": "TextPositionSelector", "start": p.start, "end": p.end}));
    }
    let source = match &t.passage {
        Some(p) => format!("casebook:{case_id}#{p}"),
        None => format!("casebook:{case_id}"),
    };
    json!({
        "@context": CONTEXT, "id": note.id, "type": "Annotation",
        "motivation": note.kind().motivation(),
        "created": note.created.to_string(), "modified": note.modified.to_string(),
        "body": body, "target": {"source": source, "selector": selector},
    })
}

/// A notes file: every note and tombstone of one case study.
pub fn collection_to_json(set: &NoteSet, case_id: &str) -> Value {
    let items: Vec<Value> = set
        .notes()
        .iter()
        .map(|n| note_to_json(n, case_id))
        .collect();
    let deleted: Vec<Value> = set
        .tombstones()
        .map(|(id, at)| json!({"id": id, "deleted": at.to_string()}))
        .collect();
    json!({
        "@context": CONTEXT, "type": "AnnotationCollection",
        "label": format!("casebook notes: {case_id}"), "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
        "casebook:deleted": deleted,
    })
}

/// What was read: the notes that could be read, and problems with the rest.
#[derive(Debug, Default)]
pub struct Parsed {
    pub set: NoteSet,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

pub fn parse(src: &str, path: &Path) -> Parsed {
    let mut out = Parsed::default();
    // A byte-order mark some editors add is not damage.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let root: Value = match serde_json::from_str(src) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            let err = Diagnostic::error(path, e.line(), e.column(), format!("invalid JSON: {msg}"));
            out.diagnostics.push(err);
            // A truncated file (the usual crash damage) still holds every
            // annotation written before the damage.
            for item in salvage_items(src) {
                if let Ok(note) = note_from_json(&item) {
                    out.set.upsert(note);
                }
            }
            return out;
        }
    };
    let at = |key: &str| {
        // serde_json's Value keeps no positions; the id's first mention is a good pointer.
        src.find(&format!("\"{key}\""))
            .map_or((0, 0), |o| line_col(src, o))
    };
    let items = match items(&root) {
        Ok((items, warnings)) => {
            for w in warnings {
                let (line, col) = at("next");
                out.diagnostics
                    .push(Diagnostic::warning(path, line, col, w));
            }
            items
        }
        Err(msg) => {
            out.diagnostics.push(Diagnostic::error(path, 1, 1, msg));
            return out;
        }
    };
    for (i, item) in items.iter().enumerate() {
        match note_from_json(item) {
            Ok(note) => out.set.upsert(note),
            Err(msg) => {
                let id = item.get("id").and_then(Value::as_str);
                let (line, col) = id.map_or((0, 0), at);
                let name = id.map_or_else(|| format!("annotation {}", i + 1), str::to_string);
                out.diagnostics
                    .push(Diagnostic::error(path, line, col, format!("{name}: {msg}")));
            }
        }
    }
    let deleted = match root.get("casebook:deleted") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(list)) => list.as_slice(),
        Some(_) => {
            let (line, col) = at("casebook:deleted");
            let msg = "casebook:deleted must be a list";
            out.diagnostics
                .push(Diagnostic::error(path, line, col, msg));
            &[][..]
        }
    };
    for t in deleted {
        let id = t.get("id").and_then(Value::as_str);
        match (
            id,
            t.get("deleted")
                .and_then(Value::as_str)
                .map(str::parse::<Timestamp>),
        ) {
            (Some(id), Some(Ok(when))) => {
                out.set.delete(id, when);
            }
            _ => {
                let (line, col) = id.map_or((0, 0), at);
                let msg = "casebook:deleted entry needs an id and a deleted time";
                out.diagnostics
                    .push(Diagnostic::error(path, line, col, msg));
            }
        }
    }
    out
}

/// Every complete annotation of the first `items` list (or of a bare list)
/// up to where the text stops being valid JSON.
pub fn salvage_items(src: &str) -> Vec<Value> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let trimmed = src.trim_start();
    let start = if trimmed.starts_with('[') {
        src.len() - trimmed.len() + 1
    } else {
        let Some(key) = src.find("\"items\"") else {
            return Vec::new();
        };
        let rest = src[key + 7..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            return Vec::new();
        };
        let rest = rest.trim_start();
        if !rest.starts_with('[') {
            return Vec::new();
        }
        src.len() - rest.len() + 1
    };
    let mut out = Vec::new();
    let mut at = start;
    loop {
        let rest = src[at..].trim_start();
        if rest.is_empty() || rest.starts_with(']') {
            return out;
        }
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                let used = stream.byte_offset();
                out.push(v);
                let after = rest[used..].trim_start();
                match after.strip_prefix(',') {
                    Some(next) => at = src.len() - next.len(),
                    None => return out,
                }
            }
            _ => return out,
        }
    }
}

/// The annotations of a document, with warnings about what was skipped.
/// A shape that is not understood is an error, never "no notes".
fn items(root: &Value) -> Result<(Vec<&Value>, Vec<String>), String> {
    let mut warnings = Vec::new();
    if let Some(list) = root.as_array() {
        return Ok((list.iter().collect(), warnings));
    }
    if !root.is_object() {
        return Err("expected an annotation, a list of annotations or a collection".into());
    }
    if has_type(root, "AnnotationCollection") {
        let mut found = list(root, "the collection")?;
        let mut page = root.get("first");
        let mut n = 1;
        while let Some(p) = page {
            match p {
                Value::Null => break,
                Value::String(link) => {
                    return Err(format!(
                        "the collection's pages are links ({link}); only embedded pages are read"
                    ))
                }
                Value::Object(_) => {}
                _ => return Err(format!("page {n}: expected an AnnotationPage object")),
            }
            found.extend(list(p, &format!("page {n}"))?);
            page = match p.get("next") {
                None | Some(Value::Null) => None,
                Some(Value::String(link)) => {
                    warnings.push(format!(
                        "page {n} links to a next page ({link}); linked pages are not \
                         fetched, so annotations there were not read"
                    ));
                    None
                }
                Some(next) => Some(next),
            };
            n += 1;
        }
        return Ok((found, warnings));
    }
    if has_type(root, "AnnotationPage") {
        let found = list(root, "the page")?;
        if let Some(Value::String(link)) = root.get("next") {
            warnings.push(format!(
                "the page links to a next page ({link}); linked pages are not fetched, \
                 so annotations there were not read"
            ));
        }
        return Ok((found, warnings));
    }
    if root.get("items").is_some() || root.get("first").is_some() {
        return Err(
            "a list of annotations without the type AnnotationCollection or AnnotationPage".into(),
        );
    }
    Ok((vec![root], warnings))
}

fn list<'v>(v: &'v Value, what: &str) -> Result<Vec<&'v Value>, String> {
    match v.get("items") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(list)) => Ok(list.iter().collect()),
        Some(_) => Err(format!("{what}: \"items\" must be a list of annotations")),
    }
}

fn has_type(v: &Value, name: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(list)) => list.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// One annotation as a note; the error says what is missing or wrong.
pub fn note_from_json(v: &Value) -> Result<Note, String> {
    note_from_json_with(v, false)
}

/// As [`note_from_json`], also accepting an empty quote (a draft's editor
/// may hold one).
pub(crate) fn draft_note_from_json(v: &Value) -> Result<Note, String> {
    note_from_json_with(v, true)
}

fn note_from_json_with(v: &Value, empty_quote: bool) -> Result<Note, String> {
    let obj = v.as_object().ok_or("an annotation must be a JSON object")?;
    let time = |key: &str| -> Result<Option<Timestamp>, String> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => s.parse().map(Some).map_err(|e| format!("{key}: {e}")),
            Some(_) => Err(format!("{key}: expected a date-time string")),
        }
    };
    let (created, modified) = (time("created")?, time("modified")?);
    // Missing times sort before any real edit, so an import never beats a newer local change.
    let modified = modified.or(created).unwrap_or(Timestamp::UNIX_EPOCH);
    let created = created.unwrap_or(modified);
    let (text, tags, codes) = bodies(obj)?;
    let target = target(obj.get("target").ok_or("no target")?, empty_quote)?;
    let id = match obj.get("id").or_else(|| obj.get("@id")) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(_) => return Err("id: expected a string".into()),
        // Derived from the content, so importing the same file twice gives the same id.
        None => format!(
            "urn:casebook:import:{:016x}",
            fnv(&[
                &target.quote.exact,
                &text,
                &tags.join("\u{1f}"),
                &codes.join("\u{1f}")
            ])
        ),
    };
    Ok(Note {
        id,
        created,
        modified,
        text,
        tags,
        codes,
        target,
    })
}

type Bodies = (String, Vec<String>, Vec<String>);

/// The text, tags and codes (`classifying` bodies) of an annotation.
fn bodies(obj: &Map<String, Value>) -> Result<Bodies, String> {
    let mut texts: Vec<String> = Vec::new();
    let mut tags = Vec::new();
    let mut codes = Vec::new();
    if let Some(Value::String(s)) = obj.get("bodyValue") {
        texts.push(s.clone());
    }
    for body in one_or_many(obj.get("body")) {
        let Some(value) = body.get("value").and_then(Value::as_str) else {
            continue; // a linked resource, not text
        };
        let purposes = one_or_many(body.get("purpose"));
        let has = |name: &str| purposes.iter().any(|p| p.as_str() == Some(name));
        if has("classifying") {
            codes.push(value.to_string());
        } else if has("tagging") {
            tags.push(value.to_string());
        } else {
            texts.push(value.to_string());
        }
    }
    Ok((texts.join("\n\n"), clean_tags(tags), clean_tags(codes)))
}

fn target(v: &Value, empty_quote: bool) -> Result<Target, String> {
    let mut out = Target::default();
    let mut quote = None;
    for t in one_or_many(Some(v)) {
        if let Some(source) = t.get("source").and_then(Value::as_str) {
            if let Some((_, passage)) = source
                .strip_prefix("casebook:")
                .and_then(|s| s.split_once('#'))
            {
                out.passage = Some(passage.to_string());
            }
        }
        let mut stack = one_or_many(t.get("selector"));
        while let Some(sel) = stack.pop() {
            stack.extend(one_or_many(sel.get("refinedBy")));
            let s = |k: &str| sel.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            if has_type(sel, "TextQuoteSelector") && quote.is_none() {
                quote = Some(Quote {
                    exact: s("exact"),
                    prefix: s("prefix"),
                    suffix: s("suffix"),
                });
            } else if has_type(sel, "TextPositionSelector") {
                let n = |k: &str| sel.get(k).and_then(Value::as_u64).map(|n| n as usize);
                match (n("start"), n("end")) {
                    (Some(a), Some(b)) if a <= b => out.position = Some(a..b),
                    _ => return Err("TextPositionSelector needs start <= end".into()),
                }
            }
        }
    }
    match quote {
        Some(q) if empty_quote || !q.exact.is_empty() => out.quote = q,
        _ => return Err("target has no TextQuoteSelector with an exact quote".into()),
    }
    Ok(out)
}

fn one_or_many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(v) => vec![v],
    }
}

fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
