//! The files the reader writes while it runs: the notes store and drafts.
//! `update` asks for these writes as effects; this is where they happen,
//! and their results go back to `update` as messages.
//!
//! A save runs on a worker thread, so the reader answers keys while a large
//! store is written; its result is picked up by [`Storage::finished`],
//! which the session polls. Until a note is saved it is kept in a draft
//! (one per note, see [`crate::notes::draft`]); the draft goes once the
//! note is saved or discarded.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::Instant;

use jiff::Timestamp;

use crate::app::msg::{Committed, Saved};
use crate::app::state::App;
use crate::app::unsaved::Version;
use crate::app::{Effect, Msg};
use crate::notes::{
    clear_draft, save_draft, Autosave, Draft, NoteStore, RecoveredDraft, AUTOSAVE_EVERY,
};
use crate::views::editor;

pub struct Storage {
    notes: Option<Arc<NoteStore>>,
    /// The data folder and the case id: where drafts, the search history
    /// and the marks go.
    drafts_home: Option<(PathBuf, String)>,
    /// Drafts on disk that this session knows of, by note id.
    drafts: HashMap<String, Drafted>,
    /// The open editor's autosave, for the note it edits.
    autosave: Option<(String, Autosave)>,
    /// The save running on the worker thread.
    running: Option<Running>,
    /// A save was asked for while one ran.
    again: bool,
}

struct Drafted {
    path: PathBuf,
    /// The note version the draft holds; `None` for editor content.
    version: Option<Timestamp>,
}

struct Running {
    included: Vec<Version>,
    result: Receiver<Result<Committed, String>>,
}

impl Storage {
    /// Storage for a session on `store`, its drafts in `data_dir`;
    /// `waiting` are the drafts found at start.
    pub fn new(
        store: Option<NoteStore>,
        data_dir: Option<(PathBuf, String)>,
        waiting: &[RecoveredDraft],
    ) -> Storage {
        let drafts = waiting
            .iter()
            .map(|d| {
                let drafted = Drafted {
                    path: d.path.clone(),
                    version: None,
                };
                (d.draft.note.id.clone(), drafted)
            })
            .collect();
        Storage {
            notes: store.map(Arc::new),
            drafts_home: data_dir,
            drafts,
            autosave: None,
            running: None,
            again: false,
        }
    }

    /// Performs `effect`; what came of it, for `update`.
    pub fn perform(&mut self, app: &App, effect: &Effect) -> Option<Msg> {
        match effect {
            Effect::Quit => None,
            Effect::SaveNotes => {
                // The unsaved notes are in drafts before the save may fail.
                let drafted = self.sync_drafts(app);
                if self.running.is_some() {
                    self.again = true;
                    return None;
                }
                match self.start_save(app) {
                    Ok(()) => drafted.err().map(|e| Msg::Drafted(Err(e))),
                    Err(e) => Some(Msg::Saved(Saved {
                        included: Vec::new(),
                        result: Err(e),
                        again: false,
                    })),
                }
            }
            Effect::Autosave => self.autosave(app).err().map(|e| Msg::Drafted(Err(e))),
            Effect::SyncDrafts => self.sync_drafts(app).err().map(|e| Msg::Drafted(Err(e))),
            Effect::KeepDrafts => Some(Msg::Drafted(self.sync_drafts(app))),
            // The session writes to the terminal (see `Session::copy`).
            Effect::Copy(_) => None,
            Effect::SaveSearchHistory => Some(Msg::Stored(self.save_history(app))),
            Effect::SaveMarks => Some(Msg::Stored(self.save_marks(app))),
        }
    }

    /// Whether a save is running (the session then polls [`Storage::finished`]).
    pub fn saving(&self) -> bool {
        self.running.is_some()
    }

    /// The result of the running save, once it is there.
    pub fn finished(&mut self) -> Option<Msg> {
        let running = self.running.as_ref()?;
        let result = match running.result.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the save stopped unexpectedly".into()),
        };
        Some(self.deliver(result))
    }

    /// Waits for the running save, if any (before the session ends).
    pub fn wait(&mut self) -> Option<Msg> {
        let running = self.running.as_ref()?;
        let result = running
            .result
            .recv()
            .unwrap_or_else(|_| Err("the save stopped unexpectedly".into()));
        Some(self.deliver(result))
    }

    fn deliver(&mut self, result: Result<Committed, String>) -> Msg {
        let running = self.running.take().expect("a save was running");
        Msg::Saved(Saved {
            included: running.included,
            result,
            again: std::mem::take(&mut self.again),
        })
    }

    /// Starts committing the notebook on a worker thread.
    fn start_save(&mut self, app: &App) -> Result<(), String> {
        let Some(store) = self.notes.clone() else {
            return Err("no data folder".into());
        };
        let mut set = app.notebook.set().clone();
        let codes = app.notebook.codebook().clone();
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("save".into())
            .spawn(move || {
                let result = store
                    .commit_report(&mut set)
                    .map_err(|e| e.to_string())
                    .and_then(|c| {
                        // Codes defined while reading are kept with the notes that apply them.
                        store
                            .codebook()
                            .add_missing(&codes)
                            .map_err(|e| e.to_string())?;
                        Ok(Committed {
                            set,
                            problems: c.diagnostics.iter().map(|d| d.to_string()).collect(),
                            conflicts: c.conflicts,
                        })
                    });
                let _ = tx.send(result);
            })
            .map_err(|e| format!("cannot start saving: {e}"))?;
        self.running = Some(Running {
            included: app.unsaved.versions(&app.notebook),
            result: rx,
        });
        Ok(())
    }

    fn save_history(&self, app: &App) -> Result<(), String> {
        let Some((data, _)) = &self.drafts_home else {
            return Ok(());
        };
        let path = crate::search::history::path_in(data);
        app.search_history
            .save(&path)
            .map_err(|e| format!("search history not saved: {}: {e}", path.display()))
    }

    fn save_marks(&self, app: &App) -> Result<(), String> {
        match &self.drafts_home {
            Some((data, case)) => crate::positions::Marks::new(data).save(case, &app.marks),
            None => Ok(()),
        }
    }

    /// Writes the open editor's draft if it changed, at most every
    /// [`AUTOSAVE_EVERY`].
    fn autosave(&mut self, app: &App) -> Result<(), String> {
        let (Some((dir, case)), Some(id)) = (&self.drafts_home, editor::editing(app)) else {
            return Ok(());
        };
        if self
            .autosave
            .as_ref()
            .is_none_or(|(for_id, _)| for_id != id)
        {
            self.autosave = Some((id.to_string(), Autosave::new(dir, case, AUTOSAVE_EVERY)));
        }
        let (_, autosave) = self.autosave.as_mut().expect("set above");
        let Some((draft, quote)) = editor::draft(app) else {
            return Ok(());
        };
        let written = autosave
            .tick(Instant::now(), || (draft, quote))
            .map_err(|e| e.to_string())?;
        if let Some(path) = written {
            let drafted = Drafted {
                path,
                version: None,
            };
            self.drafts.insert(id.to_string(), drafted);
        }
        Ok(())
    }

    /// A draft for every unsaved note that lacks a current one; no draft for
    /// a note that is saved or discarded, unless the editor holds it or it
    /// waits to be opened. Returns how many drafts are kept.
    pub fn sync_drafts(&mut self, app: &App) -> Result<usize, String> {
        let Some((dir, case)) = &self.drafts_home else {
            return Ok(0);
        };
        let editing = editor::editing(app);
        if self
            .autosave
            .as_ref()
            .is_some_and(|(id, _)| Some(id.as_str()) != editing)
        {
            self.autosave = None;
        }
        let mut failed = None;
        for id in app.unsaved.ids() {
            let Some(note) = app.notebook.set().get(id) else {
                continue;
            };
            let current = self
                .drafts
                .get(id)
                .is_some_and(|d| d.version == Some(note.modified));
            if current || editing == Some(id) {
                continue;
            }
            let draft = Draft {
                note: note.clone(),
                is_new: false,
                saved: Timestamp::now(),
            };
            match save_draft(dir, case, &draft) {
                Ok(path) => {
                    let drafted = Drafted {
                        path,
                        version: Some(note.modified),
                    };
                    self.drafts.insert(id.to_string(), drafted);
                }
                Err(e) => failed = Some(e.to_string()),
            }
        }
        let waiting = |id: &str| app.drafts_waiting.iter().any(|d| d.draft.note.id == id);
        let done: Vec<String> = self
            .drafts
            .keys()
            .filter(|id| {
                let kept = app.unsaved.contains(id) && app.notebook.set().get(id).is_some();
                !kept && editing != Some(id.as_str()) && !waiting(id)
            })
            .cloned()
            .collect();
        for id in done {
            if let Some(d) = self.drafts.remove(&id) {
                if let Err(e) = clear_draft(&d.path) {
                    failed = Some(format!("{}: {e}", d.path.display()));
                }
            }
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(self.drafts.len()),
        }
    }
}
