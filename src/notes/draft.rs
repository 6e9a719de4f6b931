//! Notes being edited when the program was stopped (hang-up, terminate).
//!
//! Each process keeps at most one draft per case study in
//! `<data>/drafts/<case id>.<pid>.json`, so two sessions never clobber each
//! other's drafts. [`save_draft`] holds no lock and touches no shared state,
//! so a signal-handling thread may call it while the editor is open.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde_json::{json, Value};

use super::durable::{quarantine, sync_dir, write_atomic};
use super::model::Note;
use super::store::check_case_id;
use super::webanno::{note_from_json, note_to_json};
use crate::diag::Diagnostic;

/// The editor's content: a new note or changes to an existing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub note: Note,
    /// Whether the note has never been saved (so "discard" deletes nothing).
    pub is_new: bool,
    pub saved: Timestamp,
}

/// A draft found on disk, with the file to clear once it is dealt with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub path: PathBuf,
    pub draft: Draft,
}

fn drafts_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("drafts")
}

/// Writes this process's draft for `case_id` durably; returns its path.
pub fn save_draft(data_dir: &Path, case_id: &str, draft: &Draft) -> io::Result<PathBuf> {
    check_case_id(case_id)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    let path = drafts_dir(data_dir).join(format!("{case_id}.{}.json", std::process::id()));
    let value = json!({
        "isNew": draft.is_new,
        "saved": draft.saved.to_string(),
        "note": note_to_json(&draft.note, case_id),
    });
    let bytes = serde_json::to_vec_pretty(&value).expect("JSON values serialize");
    write_atomic(&path, &bytes, None)?;
    Ok(path)
}

/// All drafts for `case_id`, oldest first. A damaged draft file is moved
/// aside and reported.
pub fn load_drafts(data_dir: &Path, case_id: &str) -> (Vec<StoredDraft>, Vec<Diagnostic>) {
    let (mut drafts, mut diags) = (Vec::new(), Vec::new());
    let dir = drafts_dir(data_dir);
    let Ok(entries) = fs::read_dir(&dir) else {
        return (drafts, diags);
    };
    let prefix = format!("{case_id}.");
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".json"))
        else {
            continue;
        };
        if !pid.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let path = entry.path();
        match read_draft(&path) {
            Ok(draft) => drafts.push(StoredDraft { path, draft }),
            Err(d) => {
                let msg = match quarantine(&path) {
                    Ok(aside) => format!("{}; draft kept aside as {}", d.message, aside.display()),
                    Err(e) => format!("{}; could not move it aside: {e}", d.message),
                };
                diags.push(Diagnostic { message: msg, ..d });
            }
        }
    }
    drafts.sort_by_key(|d| d.draft.saved);
    (drafts, diags)
}

fn read_draft(path: &Path) -> Result<Draft, Diagnostic> {
    let text = fs::read_to_string(path)
        .map_err(|e| Diagnostic::error(path, 0, 0, format!("cannot read draft: {e}")))?;
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| Diagnostic::error(path, e.line(), e.column(), format!("invalid JSON: {e}")))?;
    let bad = |msg: String| Diagnostic::error(path, 1, 1, msg);
    let note = note_from_json(v.get("note").unwrap_or(&Value::Null)).map_err(bad)?;
    let saved = v
        .get("saved")
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("draft has no valid \"saved\" time".into()))?;
    let is_new = v.get("isNew").and_then(Value::as_bool).unwrap_or(false);
    Ok(Draft {
        note,
        is_new,
        saved,
    })
}

/// Removes a draft once it was saved or discarded.
pub fn clear_draft(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => sync_dir(path.parent().unwrap_or(Path::new("."))),
    }
}
