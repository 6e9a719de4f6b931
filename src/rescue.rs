//! What must reach the disk if the session is cut off (SSH hang-up,
//! SIGTERM): the reading position and the note being edited.
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
    pub draft: Option<Draft>,
}

pub type SharedRescue = Arc<Mutex<Rescue>>;

impl Rescue {
    pub fn shared(data_dir: PathBuf, case_id: String) -> SharedRescue {
        Arc::new(Mutex::new(Rescue {
            data_dir,
            case_id,
            position: None,
            draft: None,
        }))
    }

    /// Saves durably; errors are swallowed because nobody is left to tell.
    pub fn save(&self) {
        if let Some(draft) = &self.draft {
            let _ = draft::save_draft(&self.data_dir, &self.case_id, draft);
        }
        if let Some(key) = &self.position {
            let _ = Positions::new(&self.data_dir).save(&self.case_id, key.clone());
        }
    }
}
