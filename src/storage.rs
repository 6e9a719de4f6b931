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
    /// The data folder, for the search history and the marks.
    pub data: Option<PathBuf>,
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
            Effect::SaveSearchHistory => Some(Msg::Stored(self.save_history(app))),
            Effect::SaveMarks => Some(Msg::Stored(self.save_marks(app))),
        }
    }

    fn save_notes(&mut self, app: &App) -> Result<(crate::notes::NoteSet, Vec<String>), String> {
        let Some(store) = &self.notes else {
            return Err("no data folder".into());
        };
        let mut set = app.notebook.set().clone();
        let problems = store.commit(&mut set).map_err(|e| e.to_string())?;
        self.clear_recovered();
        Ok((set, problems.iter().map(|p| p.to_string()).collect()))
    }

    fn save_history(&self, app: &App) -> Result<(), String> {
        let Some(data) = &self.data else {
            return Ok(());
        };
        let path = crate::search::history::path_in(data);
        app.search_history
            .save(&path)
            .map_err(|e| format!("search history not saved: {}: {e}", path.display()))
    }

    fn save_marks(&self, app: &App) -> Result<(), String> {
        match &self.data {
            Some(data) => crate::positions::Marks::new(data).save(&app.study.meta.id, &app.marks),
            None => Ok(()),
        }
    }

    fn clear_recovered(&mut self) {
        for path in self.recovered.drain(..) {
            let _ = clear_draft(&path);
        }
    }
}
