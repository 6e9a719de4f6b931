//! What must reach the disk if the session is cut off (SSH hang-up,
//! SIGTERM): the reading position, the note being edited and every note
//! not yet saved.
//!
//! The session keeps this up to date after every event; the signal thread
//! saves it before the process exits.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::notes::draft::{self, Draft};
use crate::positions::Positions;

pub struct Rescue {
    data_dir: PathBuf,
    case_id: String,
    pub position: Option<String>,
    /// The editor's content, with its quote field as typed.
    pub draft: Option<(Draft, Option<String>)>,
    /// Notes changed and not yet saved (outside the editor).
    pub unsaved: Vec<Draft>,
}

pub type SharedRescue = Arc<Mutex<Rescue>>;

impl Rescue {
    pub fn shared(data_dir: PathBuf, case_id: String) -> SharedRescue {
        Arc::new(Mutex::new(Rescue {
            data_dir,
            case_id,
            position: None,
            draft: None,
            unsaved: Vec::new(),
        }))
    }

    /// Rescues `case_id` from now on; what was kept for the one before is
    /// dropped (leaving it saved it).
    pub fn retarget(&mut self, case_id: &str) {
        self.case_id = case_id.to_string();
        self.position = None;
        self.draft = None;
        self.unsaved.clear();
    }

    /// Saves durably; errors are swallowed because nobody is left to tell.
    /// The editor's draft goes last: it is newer than a saved version of
    /// the same note.
    pub fn save(&self) {
        for draft in &self.unsaved {
            let _ = draft::save_draft(&self.data_dir, &self.case_id, draft);
        }
        if let Some((draft, quote)) = &self.draft {
            let _ =
                draft::save_editor_draft(&self.data_dir, &self.case_id, draft, quote.as_deref());
        }
        if let Some(key) = &self.position {
            let _ = Positions::new(&self.data_dir).save(&self.case_id, key.clone());
        }
    }
}
