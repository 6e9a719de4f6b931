//! The notes file of one case study: `<data>/notes/<case id>.json`.
//!
//! Every change is a transaction under an exclusive lock on `<case id>.lock`:
//! re-read the file, merge it with the caller's notes (see [`NoteSet`]),
//! write the result atomically and durably, hand it back. Two processes on
//! the same case study therefore never lose each other's notes. A file that
//! cannot be read is moved aside under a timestamped name and reported; it is
//! never overwritten.

use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::durable::{quarantine, write_atomic, FaultHook};
use super::set::NoteSet;
use super::webanno;
use crate::diag::Diagnostic;

#[derive(Debug)]
pub enum StoreError {
    /// Case ids name files, so they may not contain path separators.
    BadCaseId(String),
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// Another process held the lock for too long ([`LOCK_WAIT`] by default).
    Busy(PathBuf),
}

/// How long a transaction waits for another process's lock.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::BadCaseId(id) => write!(f, "case id {id:?} cannot name a notes file"),
            StoreError::Busy(path) => write!(
                f,
                "{}: another casebook holds the notes lock; try again",
                path.display()
            ),
            StoreError::Io {
                path,
                action,
                source,
            } => {
                write!(f, "{}: cannot {action}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// The notes read from disk and any problems found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub set: NoteSet,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct NoteStore {
    dir: PathBuf,
    case_id: String,
    hook: Option<FaultHook>,
    lock_wait: Duration,
}

impl NoteStore {
    pub fn new(data_dir: &Path, case_id: &str) -> Result<NoteStore, StoreError> {
        check_case_id(case_id)?;
        Ok(NoteStore {
            dir: data_dir.join("notes"),
            case_id: case_id.to_string(),
            hook: None,
            lock_wait: LOCK_WAIT,
        })
    }

    /// Makes write steps fail on demand (crash-safety tests).
    pub fn with_fault_hook(mut self, hook: FaultHook) -> NoteStore {
        self.hook = Some(hook);
        self
    }

    /// How long to wait for another process's lock before giving up.
    pub fn with_lock_wait(mut self, wait: Duration) -> NoteStore {
        self.lock_wait = wait;
        self
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.case_id))
    }

    pub fn case_id(&self) -> &str {
        &self.case_id
    }

    /// Reads the notes (none if there is no file yet).
    pub fn load(&self) -> Result<Loaded, StoreError> {
        if !self.path().exists() {
            return Ok(Loaded::default());
        }
        let _lock = self.lock()?;
        self.read()
    }

    /// Merges `set` with what is on disk, writes the result durably and puts it
    /// in `set`. Returns problems found in the file on disk (already handled).
    pub fn commit(&self, set: &mut NoteSet) -> Result<Vec<Diagnostic>, StoreError> {
        let _lock = self.lock()?;
        self.remove_stale_temps();
        let existed = self.path().exists();
        let Loaded {
            set: mut merged,
            diagnostics,
        } = self.read()?;
        let on_disk = merged.clone();
        merged.merge(set);
        let still_there = existed && self.path().exists();
        if merged != on_disk || !still_there {
            let json = webanno::collection_to_json(&merged, &self.case_id);
            let mut bytes = serde_json::to_vec_pretty(&json).expect("JSON values serialize");
            bytes.push(b'\n');
            write_atomic(&self.path(), &bytes, self.hook.as_ref())
                .map_err(|e| self.io_error("write", e))?;
        }
        *set = merged;
        Ok(diagnostics)
    }

    fn lock(&self) -> Result<File, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|e| self.io_error("create the notes folder", e))?;
        let path = self.dir.join(format!("{}.lock", self.case_id));
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::Io {
                path: path.clone(),
                action: "open the lock",
                source: e,
            })?;
        // Transactions take milliseconds; waiting longer means a stuck process,
        // and the reader must not freeze behind it.
        let deadline = Instant::now() + self.lock_wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => return Err(StoreError::Busy(path)),
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::Io {
                        path,
                        action: "lock",
                        source: e,
                    })
                }
            }
        }
    }

    /// Reads the file under the lock; a damaged one is moved aside and what
    /// could be salvaged from it is returned.
    fn read(&self) -> Result<Loaded, StoreError> {
        let path = self.path();
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(e) => return Err(self.io_error("read", e)),
        };
        let parsed = match String::from_utf8(bytes) {
            Ok(text) => webanno::parse(&text, &path),
            Err(e) => {
                let (line, col) = crate::diag::line_col(
                    &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
                    usize::MAX,
                );
                let mut p = webanno::Parsed::default();
                p.diagnostics
                    .push(Diagnostic::error(&path, line, col, "not valid UTF-8"));
                p
            }
        };
        if !parsed.has_errors() {
            return Ok(Loaded {
                set: parsed.set,
                diagnostics: parsed.diagnostics,
            });
        }
        let aside =
            quarantine(&path).map_err(|e| self.io_error("move the damaged file aside", e))?;
        let mut diagnostics: Vec<Diagnostic> = parsed
            .diagnostics
            .into_iter()
            .map(|d| Diagnostic {
                path: aside.clone(),
                ..d
            })
            .collect();
        diagnostics.push(Diagnostic::warning(
            &path,
            0,
            0,
            format!(
                "damaged notes file kept aside as {}; {} note(s) recovered from it",
                aside.display(),
                parsed.set.len()
            ),
        ));
        Ok(Loaded {
            set: parsed.set,
            diagnostics,
        })
    }

    /// Temp files left by a writer that crashed; only writers holding the lock
    /// create them, so under the lock none is in use.
    fn remove_stale_temps(&self) {
        let prefix = format!(".{}.json.tmp-", self.case_id);
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn io_error(&self, action: &'static str, source: io::Error) -> StoreError {
        StoreError::Io {
            path: self.path(),
            action,
            source,
        }
    }
}

pub(crate) fn check_case_id(id: &str) -> Result<(), StoreError> {
    let bad = id.is_empty()
        || id.starts_with('.')
        || id
            .chars()
            .any(|c| matches!(c, '/' | '\\' | '\0') || c.is_control());
    if bad {
        Err(StoreError::BadCaseId(id.to_string()))
    } else {
        Ok(())
    }
}
