//! The notes file of one case study: `<data>/notes/<case id>.json`.
//!
//! Every change is a transaction under an exclusive lock on `<case id>.lock`:
//! re-read the file, merge it with the caller's notes (see [`NoteSet`]),
//! write the result atomically and durably, hand it back. Two processes on
//! the same case study therefore never lose each other's notes.
//!
//! Damage is repaired, never hidden: a file that cannot be read whole is
//! moved aside under a timestamped name (never overwritten), the notes that
//! could be read from it (all complete annotations before the damage, for a
//! truncated file) are saved at once, and every later load reports the
//! kept-aside file until [`NoteStore::recover`] merged it (or the user
//! removed it). A notes folder that cannot be written gives a read-only
//! session ([`Access::ReadOnly`]): reading works, saving says why it cannot.
//!
//! Two sessions editing the same note both keep their text: [`NoteStore::commit`]
//! notices that the note changed on disk since this store loaded it, keeps
//! the later version and adds the other as a conflict copy (tagged
//! [`CONFLICT_TAG`]), and reports it ([`Committed::conflicts`]).

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use jiff::Timestamp;

use super::durable::{quarantine, write_atomic_with, FaultHook};
use super::model::Note;
use super::set::NoteSet;
use super::webanno;
use crate::diag::Diagnostic;
use crate::durable::{self, limits};

#[derive(Debug)]
pub enum StoreError {
    /// Case ids name files, so they may not contain path separators.
    BadCaseId(String),
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// Another process held the lock, without visible progress, for longer
    /// than the wait allowed (see [`NoteStore::with_lock_wait`]).
    Busy {
        path: PathBuf,
        /// Who holds it, as the holder recorded it (`pid 12 on host since ...`).
        holder: String,
        waited: Duration,
    },
    /// The notes folder cannot be written (read-only mount or permissions).
    ReadOnly(PathBuf),
}

/// How long a transaction waits for another process's lock without seeing
/// progress, on top of the time a save of the current file may take.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);
/// Expected write speed of a save, for scaling the wait to the store size.
const SAVE_BYTES_PER_SEC: f64 = 10e6;
/// No wait, however much progress, lasts longer.
const MAX_LOCK_WAIT: Duration = Duration::from_secs(600);

/// The tag that marks a conflict copy.
pub const CONFLICT_TAG: &str = "conflict";

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::BadCaseId(id) => write!(f, "case id {id:?} cannot name a notes file"),
            StoreError::Busy {
                path,
                holder,
                waited,
            } => write!(
                f,
                "{}: another casebook ({holder}) holds the notes lock; waited {:.1} s \
                 without seeing it progress; try again",
                path.display(),
                waited.as_secs_f64()
            ),
            StoreError::ReadOnly(path) => write!(
                f,
                "{}: the notes folder is read-only; notes can be read but not saved",
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

/// Whether this session may save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Access {
    #[default]
    ReadWrite,
    /// The notes folder cannot be written: show "read-only", do not offer saving.
    ReadOnly,
}

/// The notes read from disk and any problems found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub set: NoteSet,
    /// Problems found now, then one warning per kept-aside damaged file.
    pub diagnostics: Vec<Diagnostic>,
    pub access: Access,
    /// Damaged notes files kept aside and not yet recovered
    /// ([`NoteStore::recover`] merges one), oldest first.
    pub kept_aside: Vec<PathBuf>,
}

/// A note edited here and, meanwhile, in another session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The note, now holding the later of the two versions.
    pub id: String,
    /// The new note holding the earlier version, tagged [`CONFLICT_TAG`].
    pub copy_id: String,
    /// Whether the version kept under `id` is this session's.
    pub mine_kept: bool,
}

/// What a commit did.
#[derive(Debug, Default)]
pub struct Committed {
    /// Problems found in the file on disk (already handled), and one
    /// warning per conflict.
    pub diagnostics: Vec<Diagnostic>,
    pub conflicts: Vec<Conflict>,
    /// Whether the file was rewritten (false when nothing changed).
    pub written: bool,
}

/// What [`NoteStore::recover`] merged.
#[derive(Debug, Default)]
pub struct Recovered {
    /// Notes readable in the file.
    pub read: usize,
    /// Of those, notes the store did not have or had in an older version.
    pub added: usize,
    /// Problems in the file (what could not be read).
    pub diagnostics: Vec<Diagnostic>,
    /// Where the merged file was moved (so it is no longer reported).
    pub moved_to: Option<PathBuf>,
}

pub struct NoteStore {
    dir: PathBuf,
    case_id: String,
    hook: Option<FaultHook>,
    lock_wait: Duration,
    /// `modified` of each note as this store last loaded or saved it: a
    /// note whose version on disk differs from it was changed elsewhere.
    base: Mutex<HashMap<String, Timestamp>>,
}

impl NoteStore {
    pub fn new(data_dir: &Path, case_id: &str) -> Result<NoteStore, StoreError> {
        check_case_id(case_id)?;
        Ok(NoteStore {
            dir: data_dir.join("notes"),
            case_id: case_id.to_string(),
            hook: None,
            lock_wait: LOCK_WAIT,
            base: Mutex::new(HashMap::new()),
        })
    }

    /// Makes write steps fail on demand (crash-safety tests).
    pub fn with_fault_hook(mut self, hook: FaultHook) -> NoteStore {
        self.hook = Some(hook);
        self
    }

    /// How long to wait for another process's lock without seeing it make
    /// progress; the wait also grows with the size of the notes file.
    pub fn with_lock_wait(mut self, wait: Duration) -> NoteStore {
        self.lock_wait = wait;
        self
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.case_id))
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.case_id))
    }

    /// The code books kept beside this notes file.
    pub fn codebook(&self) -> super::codebook::CodeBookStore {
        let data = self.dir.parent().unwrap_or(&self.dir);
        super::codebook::CodeBookStore::new(data, &self.case_id)
    }

    pub fn case_id(&self) -> &str {
        &self.case_id
    }

    /// Reads the notes (none if there is no file yet). A damaged file is
    /// moved aside and what it held is saved at once; in a read-only folder
    /// it is left alone and what it held is returned.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let (_lock, access) = match self.lock() {
            Ok(lock) => (Some(lock), Access::ReadWrite),
            Err(StoreError::ReadOnly(_)) => (self.read_lock()?, Access::ReadOnly),
            Err(e) => return Err(e),
        };
        let mut loaded = self.read(access)?;
        if access == Access::ReadOnly {
            loaded.diagnostics.push(Diagnostic::warning(
                &self.path(),
                0,
                0,
                "read-only: the notes folder cannot be written, so notes cannot be saved",
            ));
        }
        self.remember(&loaded.set);
        Ok(loaded)
    }

    /// Merges `set` with what is on disk, writes the result durably and puts it
    /// in `set`. Returns problems found in the file on disk (already handled)
    /// and a warning per conflicting edit (see [`NoteStore::commit_report`]).
    pub fn commit(&self, set: &mut NoteSet) -> Result<Vec<Diagnostic>, StoreError> {
        self.commit_report(set).map(|c| c.diagnostics)
    }

    /// As [`NoteStore::commit`], saying which notes conflicted.
    pub fn commit_report(&self, set: &mut NoteSet) -> Result<Committed, StoreError> {
        let _lock = self.lock()?;
        self.remove_stale_temps();
        let Loaded {
            set: on_disk,
            mut diagnostics,
            ..
        } = self.read(Access::ReadWrite)?;
        let mut merged = on_disk.clone();
        merged.merge(set);
        let conflicts = self.keep_conflicts(set, &on_disk, &mut merged);
        for c in &conflicts {
            let whose = if c.mine_kept { "this" } else { "the other" };
            diagnostics.push(Diagnostic::warning(
                &self.path(),
                0,
                0,
                format!(
                    "note {} was also changed in another session: {whose} session's \
                     version is kept, the other as a copy tagged #{CONFLICT_TAG}",
                    c.id
                ),
            ));
        }
        let on_file = durable::exists(&self.path()).map_err(|e| self.io_error("read", e))?;
        let written = merged != on_disk || !on_file;
        if written {
            self.write(&merged)?;
        }
        self.remember(&merged);
        *set = merged;
        Ok(Committed {
            diagnostics,
            conflicts,
            written,
        })
    }

    /// Damaged notes files kept aside and not yet recovered, oldest first.
    pub fn kept_aside(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut places = vec![(self.dir.clone(), format!("{}.json", self.case_id))];
        if let Ok(real) = durable::resolve_links(&self.path()) {
            if let (Some(dir), Some(name)) = (real.parent(), real.file_name()) {
                let place = (dir.to_path_buf(), name.to_string_lossy().into_owned());
                if place != places[0] {
                    places.push(place);
                }
            }
        }
        for (dir, name) in places {
            let prefix = format!("{name}.damaged-");
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let file = entry.file_name().to_string_lossy().into_owned();
                if file.starts_with(&prefix) && !file.ends_with(".merged") {
                    found.push(entry.path());
                }
            }
        }
        found.sort();
        found
    }

    /// Merges the notes readable in `file` (a kept-aside damaged file, or
    /// any annotations file) into the store, then renames a kept-aside file
    /// to `<name>.merged` so it is no longer reported.
    pub fn recover(&self, file: &Path) -> Result<Recovered, StoreError> {
        let bytes = durable::read_limited(file, limits::NOTES).map_err(|e| StoreError::Io {
            path: file.to_path_buf(),
            action: "read",
            source: e,
        })?;
        let parsed = parse_bytes(&bytes, file);
        let before = self.load()?.set;
        let mut merged = parsed.set.clone();
        self.commit(&mut merged)?;
        let added = parsed
            .set
            .notes()
            .iter()
            .filter(|n| before.get(&n.id) != merged.get(&n.id))
            .count();
        let mut moved_to = None;
        if self.kept_aside().iter().any(|k| k == file) {
            let to = PathBuf::from(format!("{}.merged", file.display()));
            fs::rename(file, &to).map_err(|e| StoreError::Io {
                path: file.to_path_buf(),
                action: "rename the merged file",
                source: e,
            })?;
            moved_to = Some(to);
        }
        Ok(Recovered {
            read: parsed.set.len(),
            added,
            diagnostics: parsed.diagnostics,
            moved_to,
        })
    }

    fn remember(&self, set: &NoteSet) {
        let mut base = self.base.lock().unwrap_or_else(|e| e.into_inner());
        base.clear();
        base.extend(set.notes().iter().map(|n| (n.id.clone(), n.modified)));
    }

    /// Notes changed both here (since load) and on disk: the merge kept the
    /// later version; the other is added as a conflict copy.
    fn keep_conflicts(
        &self,
        mine: &NoteSet,
        on_disk: &NoteSet,
        merged: &mut NoteSet,
    ) -> Vec<Conflict> {
        let base = self.base.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = Vec::new();
        for note in mine.notes() {
            let Some(&loaded) = base.get(&note.id) else {
                continue;
            };
            let Some(theirs) = on_disk.get(&note.id) else {
                continue;
            };
            if note.modified == loaded || theirs.modified == loaded || same_content(note, theirs) {
                continue;
            }
            let Some(kept) = merged.get(&note.id) else {
                continue;
            };
            let mine_kept = kept == note;
            let lost = if mine_kept { theirs } else { note };
            let mut copy = lost.clone();
            copy.id = super::model::new_id(Timestamp::now());
            if !copy.has_tag(CONFLICT_TAG) {
                copy.tags.push(CONFLICT_TAG.to_string());
            }
            copy.touch();
            out.push(Conflict {
                id: note.id.clone(),
                copy_id: copy.id.clone(),
                mine_kept,
            });
            merged.upsert(copy);
        }
        out
    }

    fn write(&self, set: &NoteSet) -> Result<(), StoreError> {
        let json = webanno::collection_to_json(set, &self.case_id);
        write_atomic_with(&self.path(), self.hook.as_ref(), |out| {
            serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::from)?;
            out.write_all(b"\n")
        })
        .map_err(|e| self.io_error("write", e))
    }

    /// Takes the exclusive lock, waiting while its holder makes progress.
    fn lock(&self) -> Result<File, StoreError> {
        let path = self.lock_path();
        let file = fs::create_dir_all(&self.dir)
            .and_then(|()| {
                File::options()
                    .create(true)
                    .truncate(false)
                    .read(true)
                    .write(true)
                    .open(&path)
            })
            .map_err(|e| {
                if read_only_error(&e) {
                    StoreError::ReadOnly(self.dir.clone())
                } else {
                    StoreError::Io {
                        path: path.clone(),
                        action: "open the lock",
                        source: e,
                    }
                }
            })?;
        self.wait_for(&file, true)?;
        // Who holds it, for anyone waiting; best effort.
        let _ = file.set_len(0).and_then(|()| {
            use std::os::unix::fs::FileExt;
            let me = format!(
                "pid {} on {} since {}\n",
                std::process::id(),
                host_name(),
                Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ")
            );
            file.write_all_at(me.as_bytes(), 0)
        });
        Ok(file)
    }

    /// A shared lock where the folder is read-only: an existing lock file
    /// opened for reading; none if there is none.
    fn read_lock(&self) -> Result<Option<File>, StoreError> {
        match File::open(self.lock_path()) {
            Ok(file) => {
                self.wait_for(&file, false)?;
                Ok(Some(file))
            }
            Err(_) => Ok(None),
        }
    }

    /// Transactions take milliseconds to seconds (in proportion to the
    /// file); the wait allows that, and goes on while the holder's temporary
    /// file grows, but never freezes behind a stuck process.
    fn wait_for(&self, file: &File, exclusive: bool) -> Result<(), StoreError> {
        let start = Instant::now();
        let size = fs::metadata(self.path()).map_or(0, |m| m.len());
        let budget = self.lock_wait + Duration::from_secs_f64(size as f64 / SAVE_BYTES_PER_SEC);
        let mut seen = self.progress();
        let mut last_progress = start;
        let mut checked = start;
        let mut pause = Duration::from_millis(1);
        loop {
            let attempt = if exclusive {
                file.try_lock()
            } else {
                file.try_lock_shared()
            };
            match attempt {
                Ok(()) => return Ok(()),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::Io {
                        path: self.lock_path(),
                        action: "lock",
                        source: e,
                    })
                }
            }
            let now = Instant::now();
            if now.duration_since(checked) >= Duration::from_millis(100) {
                checked = now;
                let progress = self.progress();
                if progress != seen {
                    seen = progress;
                    last_progress = now;
                }
            }
            let waited = now.duration_since(start);
            let stalled = now.duration_since(last_progress) >= self.lock_wait;
            if (waited >= budget && stalled) || waited >= MAX_LOCK_WAIT {
                let holder = fs::read_to_string(self.lock_path())
                    .ok()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "holder unknown".into());
                return Err(StoreError::Busy {
                    path: self.lock_path(),
                    holder,
                    waited,
                });
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        }
    }

    /// What a working lock holder changes: its temporary file's size and
    /// the notes file.
    fn progress(&self) -> Vec<(u64, Option<SystemTime>)> {
        let mut out =
            vec![fs::metadata(self.path()).map_or((0, None), |m| (m.len(), m.modified().ok()))];
        let dir = durable::resolve_links(&self.path())
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| self.dir.clone());
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().contains(".json.tmp-") {
                    if let Ok(m) = entry.metadata() {
                        out.push((m.len(), m.modified().ok()));
                    }
                }
            }
        }
        out
    }

    /// Reads the file under the lock. A damaged one is moved aside and the
    /// notes salvaged from it are saved at once (read-write), or only
    /// returned (read-only).
    fn read(&self, access: Access) -> Result<Loaded, StoreError> {
        let path = self.path();
        let real = durable::resolve_links(&path).map_err(|e| self.io_error("read", e))?;
        let mut loaded = Loaded {
            access,
            ..Loaded::default()
        };
        let bytes = match durable::read_limited(&real, limits::NOTES) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(self.io_error("read", e)),
        };
        if let Some(bytes) = bytes {
            let parsed = parse_bytes(&bytes, &path);
            if !parsed.has_errors() {
                loaded.set = parsed.set;
                loaded.diagnostics = parsed.diagnostics;
            } else if access == Access::ReadOnly {
                loaded.diagnostics = parsed.diagnostics;
                loaded.diagnostics.push(Diagnostic::warning(
                    &path,
                    0,
                    0,
                    format!(
                        "damaged notes file, not repaired in a read-only session; \
                         {} note(s) could be read from it",
                        parsed.set.len()
                    ),
                ));
                loaded.set = parsed.set;
            } else {
                let aside = quarantine(&real)
                    .map_err(|e| self.io_error("move the damaged file aside", e))?;
                self.write(&parsed.set)?;
                loaded.diagnostics = parsed
                    .diagnostics
                    .into_iter()
                    .map(|d| Diagnostic {
                        path: aside.clone(),
                        ..d
                    })
                    .collect();
                loaded.diagnostics.push(Diagnostic::warning(
                    &path,
                    0,
                    0,
                    format!(
                        "damaged notes file kept aside as {}; {} note(s) recovered from it \
                         and saved",
                        aside.display(),
                        parsed.set.len()
                    ),
                ));
                loaded.set = parsed.set;
            }
        }
        loaded.kept_aside = self.kept_aside();
        for file in &loaded.kept_aside {
            loaded.diagnostics.push(Diagnostic::warning(
                file,
                0,
                0,
                "damaged notes file kept aside; `casebook notes recover --merge FILE` \
                 merges the notes it still holds (then it is renamed *.merged)",
            ));
        }
        Ok(loaded)
    }

    /// Temp files left by a writer that crashed; only writers holding the lock
    /// create them, so under the lock none is in use.
    fn remove_stale_temps(&self) {
        let mut places = vec![(self.dir.clone(), format!(".{}.json.tmp-", self.case_id))];
        if let Ok(real) = durable::resolve_links(&self.path()) {
            if let (Some(dir), Some(name)) = (real.parent(), real.file_name()) {
                places.push((
                    dir.to_path_buf(),
                    format!(".{}.tmp-", name.to_string_lossy()),
                ));
            }
        }
        for (dir, prefix) in places {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(&prefix) {
                    let _ = fs::remove_file(entry.path());
                }
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

/// Parses a notes file's bytes; invalid UTF-8 is damage, and the
/// annotations before it are salvaged.
fn parse_bytes(bytes: &[u8], path: &Path) -> webanno::Parsed {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => {
            let mut p = webanno::Parsed::default();
            p.diagnostics.push(Diagnostic::error(
                path,
                1,
                1,
                "empty notes file (a save was cut off?)",
            ));
            p
        }
        Ok(text) => webanno::parse(text, path),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, col) = crate::diag::line_col(valid, usize::MAX);
            let mut p = webanno::Parsed::default();
            p.diagnostics
                .push(Diagnostic::error(path, line, col, "not valid UTF-8"));
            for item in webanno::salvage_items(valid) {
                if let Ok(note) = webanno::note_from_json(&item) {
                    p.set.upsert(note);
                }
            }
            p
        }
    }
}

fn same_content(a: &Note, b: &Note) -> bool {
    a.text == b.text && a.tags == b.tags && a.target == b.target
}

fn read_only_error(e: &io::Error) -> bool {
    // EROFS is 30 on Linux; permissions as well (EACCES, EPERM).
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    ) || e.raw_os_error() == Some(30)
}

fn host_name() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this host".into())
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
