//! The files the reader writes while it runs: the notes store and drafts.
//! `update` asks for these writes as effects; this is where they happen,
//! and their results go back to `update` as messages.

use std::path::PathBuf;

use crate::app::state::App;
use crate::app::{Effect, Msg};
use crate::notes::{clear_draft, NoteStore};

pub struct Storage {
    pub notes: Option<NoteStore>,
    /// Draft files recovered at start; cleared once their note is saved or discarded.
    pub recovered: Vec<PathBuf>,
}

impl Storage {
    /// Performs `effect`; what came of it, for `update`.
    pub fn perform(&mut self, app: &App, effect: &Effect) -> Option<Msg> {
        match effect {
            Effect::Quit => None,
            Effect::SaveNotes => Some(Msg::Saved(self.save_notes(app))),
            Effect::DiscardDraft => {
                self.clear_recovered();
                None
            }
            // The session writes to the terminal (see `Session::copy`).
            Effect::Copy(_) => None,
        }
    }

    fn save_notes(&mut self, app: &App) -> Result<(crate::notes::NoteSet, Vec<String>), String> {
        let Some(store) = &self.notes else {
            return Err("no data folder".into());
        };
        let mut set = app.notebook.set().clone();
        let problems = store.commit(&mut set).map_err(|e| e.to_string())?;
        // Codes defined while reading are kept with the notes that apply them.
        store
            .codebook()
            .add_missing(app.notebook.codebook())
            .map_err(|e| e.to_string())?;
        self.clear_recovered();
        Ok((set, problems.iter().map(|p| p.to_string()).collect()))
    }

    fn clear_recovered(&mut self) {
        for path in self.recovered.drain(..) {
            let _ = clear_draft(&path);
        }
    }
}
