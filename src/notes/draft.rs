//! Notes being edited: autosaved while the editor is open, and saved when
//! the program is stopped (hang-up, terminate), so they can be offered again.
//!
//! A draft lives in `<data>/drafts/<case id>.<token>.json`, the token random
//! (so two sessions never share a name, even in different pid namespaces on
//! one volume) and the file created with `create_new`. There is one draft
//! per note: saving a note's draft atomically replaces that note's earlier
//! draft (whichever session wrote it), and loading two drafts of the same
//! note keeps the newest and removes the older. The editor's quote field is
//! kept as typed ([`save_editor_draft`]), even when it is not (yet) found in
//! the passage. [`save_draft`] holds no lock and touches no shared state, so
//! a signal-handling thread may call it while the editor is open.
//!
//! The shell autosaves through an [`Autosave`] every few seconds (off the UI
//! thread if it likes: a save is a few small file operations).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use serde_json::{json, Value};

use super::durable::{quarantine, sync_dir, write_atomic};
use super::model::Note;
use super::store::check_case_id;
use super::webanno::{draft_note_from_json, note_to_json};
use crate::diag::Diagnostic;
use crate::durable::{self, limits};

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

/// A draft found on disk with the editor's quote field as it was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveredDraft {
    pub path: PathBuf,
    pub draft: Draft,
    /// The quote field's text, if the editor gave it (see [`save_editor_draft`]).
    pub quote_field: Option<String>,
}

fn drafts_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("drafts")
}

/// Writes the draft of `draft.note` durably, replacing that note's earlier
/// draft; returns its path.
pub fn save_draft(data_dir: &Path, case_id: &str, draft: &Draft) -> io::Result<PathBuf> {
    save_editor_draft(data_dir, case_id, draft, None)
}

/// As [`save_draft`], with the editor's quote field exactly as typed.
pub fn save_editor_draft(
    data_dir: &Path,
    case_id: &str,
    draft: &Draft,
    quote_field: Option<&str>,
) -> io::Result<PathBuf> {
    check_case_id(case_id)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    let mut value = json!({
        "isNew": draft.is_new,
        "saved": draft.saved.to_string(),
        "note": note_to_json(&draft.note, case_id),
    });
    if let Some(q) = quote_field {
        value["quoteField"] = Value::String(q.to_string());
    }
    let bytes = serde_json::to_vec_pretty(&value).expect("JSON values serialize");
    // Earlier drafts of the same note, newest first.
    let mut same: Vec<(Timestamp, PathBuf)> = draft_files(data_dir, case_id)
        .into_iter()
        .filter_map(|path| {
            let d = read_draft(&path).ok()?;
            (d.draft.note.id == draft.note.id).then_some((d.draft.saved, path))
        })
        .collect();
    same.sort_by(|a, b| b.cmp(a));
    let path = match same.first() {
        Some((_, path)) => {
            write_atomic(path, &bytes, None)?;
            path.clone()
        }
        None => loop {
            let path =
                drafts_dir(data_dir).join(format!("{case_id}.{}.json", durable::unique_token()));
            match durable::create_new_durable(&path, &bytes) {
                Ok(()) => break path,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        },
    };
    for (_, older) in same.iter().skip(1) {
        let _ = clear_draft(older);
    }
    Ok(path)
}

/// Draft files of `case_id` (`<case>.<token>.json`, the token letters and digits).
fn draft_files(data_dir: &Path, case_id: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(drafts_dir(data_dir)) else {
        return Vec::new();
    };
    let prefix = format!("{case_id}.");
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_prefix(&prefix)
                .and_then(|r| r.strip_suffix(".json"))
                .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric()))
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// All drafts for `case_id`, oldest first, one per note: of two drafts of
/// the same note the older is removed. A damaged draft file is moved aside
/// and reported.
pub fn load_drafts(data_dir: &Path, case_id: &str) -> (Vec<StoredDraft>, Vec<Diagnostic>) {
    let (drafts, diags) = load_editor_drafts(data_dir, case_id);
    let drafts = drafts
        .into_iter()
        .map(|d| StoredDraft {
            path: d.path,
            draft: d.draft,
        })
        .collect();
    (drafts, diags)
}

/// As [`load_drafts`], with the quote field each draft kept.
pub fn load_editor_drafts(
    data_dir: &Path,
    case_id: &str,
) -> (Vec<RecoveredDraft>, Vec<Diagnostic>) {
    let (mut drafts, mut diags): (Vec<RecoveredDraft>, _) = (Vec::new(), Vec::new());
    for path in draft_files(data_dir, case_id) {
        match read_draft(&path) {
            Ok(draft) => drafts.push(draft),
            Err(d) => {
                let msg = match quarantine(&path) {
                    Ok(aside) => format!("{}; draft kept aside as {}", d.message, aside.display()),
                    Err(e) => format!("{}; could not move it aside: {e}", d.message),
                };
                diags.push(Diagnostic { message: msg, ..d });
            }
        }
    }
    // Newest first, so the first draft of each note is the one kept.
    drafts.sort_by_key(|d| std::cmp::Reverse(d.draft.saved));
    let mut kept: Vec<RecoveredDraft> = Vec::new();
    for d in drafts {
        if kept.iter().any(|k| k.draft.note.id == d.draft.note.id) {
            if let Err(e) = clear_draft(&d.path) {
                diags.push(Diagnostic::warning(
                    &d.path,
                    0,
                    0,
                    format!("older draft of the same note could not be removed: {e}"),
                ));
            }
        } else {
            kept.push(d);
        }
    }
    kept.reverse();
    (kept, diags)
}

fn read_draft(path: &Path) -> Result<RecoveredDraft, Diagnostic> {
    let bytes = durable::read_limited(path, limits::DRAFT)
        .map_err(|e| Diagnostic::error(path, 0, 0, format!("cannot read draft: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Diagnostic::error(path, 0, 0, "draft is not valid UTF-8"))?;
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| Diagnostic::error(path, e.line(), e.column(), format!("invalid JSON: {e}")))?;
    let bad = |msg: String| Diagnostic::error(path, 1, 1, msg);
    let note = draft_note_from_json(v.get("note").unwrap_or(&Value::Null)).map_err(bad)?;
    let saved = v
        .get("saved")
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("draft has no valid \"saved\" time".into()))?;
    let is_new = v.get("isNew").and_then(Value::as_bool).unwrap_or(false);
    let quote_field = v
        .get("quoteField")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok(RecoveredDraft {
        path: path.to_path_buf(),
        draft: Draft {
            note,
            is_new,
            saved,
        },
        quote_field,
    })
}

/// Removes a draft once it was saved or discarded.
pub fn clear_draft(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => sync_dir(path.parent().unwrap_or(Path::new("."))),
    }
}

/// Autosaves the editor's draft: call [`Autosave::tick`] after events (or
/// on a timer) while the editor is open; it writes at most every `every`,
/// and only when the content changed since the last write. Call
/// [`Autosave::clear`] once the note is saved or discarded.
#[derive(Debug)]
pub struct Autosave {
    data_dir: PathBuf,
    case_id: String,
    every: Duration,
    last_write: Option<Instant>,
    last_content: Option<(Note, bool, Option<String>)>,
    path: Option<PathBuf>,
}

/// How often the shell should autosave an open editor.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(3);

impl Autosave {
    pub fn new(data_dir: &Path, case_id: &str, every: Duration) -> Autosave {
        Autosave {
            data_dir: data_dir.to_path_buf(),
            case_id: case_id.to_string(),
            every,
            last_write: None,
            last_content: None,
            path: None,
        }
    }

    /// Saves `make()`'s draft if `every` has passed since the last write and
    /// it differs from what was written; returns the path when it wrote.
    /// `make` is called only when a write is due.
    pub fn tick(
        &mut self,
        now: Instant,
        make: impl FnOnce() -> (Draft, Option<String>),
    ) -> io::Result<Option<PathBuf>> {
        if self
            .last_write
            .is_some_and(|t| now.duration_since(t) < self.every)
        {
            return Ok(None);
        }
        let (draft, quote) = make();
        self.save_now(now, &draft, quote.as_deref())
    }

    /// Saves at once if the content changed (on quit, hang-up, or before a
    /// risky operation).
    pub fn save_now(
        &mut self,
        now: Instant,
        draft: &Draft,
        quote_field: Option<&str>,
    ) -> io::Result<Option<PathBuf>> {
        let content = (
            draft.note.clone(),
            draft.is_new,
            quote_field.map(str::to_string),
        );
        if self.last_content.as_ref() == Some(&content) {
            return Ok(None);
        }
        let path = save_editor_draft(&self.data_dir, &self.case_id, draft, quote_field)?;
        self.last_write = Some(now);
        self.last_content = Some(content);
        self.path = Some(path.clone());
        Ok(Some(path))
    }

    /// The draft file written last, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Removes the draft written (the note was saved or discarded).
    pub fn clear(&mut self) -> io::Result<()> {
        self.last_content = None;
        self.last_write = None;
        match self.path.take() {
            Some(path) => clear_draft(&path),
            None => Ok(()),
        }
    }
}
