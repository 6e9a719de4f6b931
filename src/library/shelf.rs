//! The library as the reader holds it: every case study with its counts,
//! the entities joined across them, and the index to search them all.
//!
//! Opening it may mean indexing changed case studies, so the reader loads it
//! on a thread of its own ([`load_in_background`]) and reads on meanwhile;
//! progress and the result arrive as [`ShelfEvent`]s.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::Arc;

use serde::Serialize;

use super::entities::{gather, Gathered};
use super::index::{LibraryIndex, Progress};
use super::summary::CaseSummary;
use super::{Library, Member};
use crate::notes::NoteStore;
use crate::positions::{Opened, Recent};

/// One case study as the library lists it (`casebook library list --json`
/// prints these).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<i32>,
    pub passages: u32,
    pub entities: u32,
    pub notes: usize,
    pub folder: String,
}

impl Row {
    pub fn of(member: &Member, index: &LibraryIndex, data: &Path) -> Row {
        let record = index.record(member.id());
        Row {
            id: member.id().to_string(),
            title: member.meta.title.clone(),
            authors: member.meta.authors.clone(),
            year: member.meta.year,
            passages: record.map_or(0, |r| r.passages),
            entities: record.map_or(0, |r| r.entities),
            notes: notes_count(data, member.id()),
            folder: member.location().display().to_string(),
        }
    }
}

/// Notes of a case study, without opening its paper; none when unreadable.
pub fn notes_count(data: &Path, id: &str) -> usize {
    let Ok(store) = NoteStore::new(data, id) else {
        return 0;
    };
    if !store.path().is_file() {
        return 0;
    }
    store.load().map_or(0, |l| l.set.notes().len())
}

/// The loaded library.
pub struct Shelf {
    pub library: Library,
    pub members: Vec<Member>,
    /// One per member, in the same order.
    pub rows: Vec<Row>,
    /// One per member, in the same order (`None`: it could not be indexed).
    pub summaries: Vec<Option<CaseSummary>>,
    pub gathered: Gathered,
    pub index: LibraryIndex,
    /// Case studies read, most recent first, as when the library loaded.
    pub recent: Vec<Opened>,
    /// Said once it is loaded: the index was rebuilt, or case studies
    /// could not be indexed.
    pub remark: Option<String>,
}

impl std::fmt::Debug for Shelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shelf")
            .field("root", &self.library.root)
            .field("members", &self.members.len())
            .finish()
    }
}

impl Shelf {
    /// Opens the library and brings its index up to date; `progress` hears
    /// of each case study indexed.
    pub fn open(
        library: Library,
        data: &Path,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Shelf, String> {
        let (members, diags) = library.members();
        let (index, changes) = LibraryIndex::open(&library, &members, progress)?;
        let summaries: Vec<Option<CaseSummary>> =
            members.iter().map(|m| index.summary(m.id())).collect();
        let present: Vec<CaseSummary> = summaries.iter().flatten().cloned().collect();
        let rows = members.iter().map(|m| Row::of(m, &index, data)).collect();
        let failed = changes.failed.len() + diags.len();
        let remark = match (&changes.rebuilt, failed) {
            (Some(why), _) => Some(format!("library: {why}")),
            (None, 0) => None,
            (None, n) => Some(format!(
                "library: {n} case stud{} could not be read (casebook library reindex says why)",
                if n == 1 { "y" } else { "ies" }
            )),
        };
        Ok(Shelf {
            gathered: gather(&present),
            library,
            members,
            rows,
            summaries,
            index,
            recent: Recent::new(data).load(),
            remark,
        })
    }

    pub fn position(&self, case: &str) -> Option<usize> {
        self.members.iter().position(|m| m.id() == case)
    }

    pub fn summary(&self, case: &str) -> Option<&CaseSummary> {
        self.summaries[self.position(case)?].as_ref()
    }

    /// When a case study was last opened (seconds since 1970).
    pub fn last_read(&self, case: &str) -> Option<i64> {
        self.recent.iter().find(|o| o.case == case).map(|o| o.at)
    }

    pub fn title<'a>(&'a self, case: &'a str) -> &'a str {
        self.position(case)
            .map_or(case, |i| self.members[i].meta.title.as_str())
    }
}

/// What the loading thread reports.
#[derive(Debug)]
pub enum ShelfEvent {
    Progress(Progress),
    Ready(Result<Arc<Shelf>, String>),
}

/// Opens the library on a thread; the receiver hears of progress, then the
/// result. A panic on the thread arrives as an error, not as silence.
pub fn load_in_background(library: Library, data: PathBuf) -> Receiver<ShelfEvent> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let progress_tx = tx.clone();
        let mut progress = |p: Progress| {
            let _ = progress_tx.send(ShelfEvent::Progress(p));
        };
        let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Shelf::open(library, &data, &mut progress)
        }))
        .unwrap_or_else(|_| Err("the library could not be opened (internal error)".into()));
        let _ = tx.send(ShelfEvent::Ready(opened.map(Arc::new)));
    });
    rx
}
