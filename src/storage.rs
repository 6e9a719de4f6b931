//! The files the reader writes while it runs: the notes store and drafts.
//! `update` asks for these writes as effects; this is where they happen.

use std::path::PathBuf;

use crate::app::state::App;
use crate::app::update::Effect;
use crate::notes::{clear_draft, NoteStore};

pub struct Storage {
    pub notes: Option<NoteStore>,
    /// Draft files recovered at start; cleared once their note is saved or discarded.
    pub recovered: Vec<PathBuf>,
}

impl Storage {
    pub fn perform(&mut self, app: &mut App, effect: &Effect) {
        match effect {
            Effect::Quit => {}
            Effect::SaveNotes => self.save_notes(app),
            Effect::DiscardDraft => self.clear_recovered(),
        }
    }

    fn save_notes(&mut self, app: &mut App) {
        let Some(store) = &self.notes else {
            app.message = Some("Notes cannot be saved: no data folder".into());
            return;
        };
        let mut set = app.notebook.set().clone();
        match store.commit(&mut set) {
            Ok(problems) => {
                app.notebook.reload(set, &app.study.doc);
                app.refresh_note_marks();
                app.reindex_notes();
                if let Some(crate::app::state::Overlay::Notes(list)) = app.overlays.last_mut() {
                    list.refilter(&app.notebook);
                }
                app.message = Some(match problems.first() {
                    Some(p) => format!("Saved. Note: {p}"),
                    None => "Saved".to_string(),
                });
                self.clear_recovered();
            }
            Err(e) => {
                app.message = Some(format!(
                    "NOT saved: {e}. Your note is kept in memory; try ^S again"
                ));
            }
        }
    }

    fn clear_recovered(&mut self) {
        for path in self.recovered.drain(..) {
            let _ = clear_draft(&path);
        }
    }
}
