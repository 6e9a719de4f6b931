//! Reading positions and marks, remembered per case study between runs.
//!
//! Stored as `<data>/positions.json`: case id -> the focused item's stable
//! key (a passage id, `section:ID`, `reference:ID` or `footnote:LABEL`), so a
//! position survives edits of the paper that keep ids. Marks sit beside it
//! in `<data>/marks.json`: case id -> letter -> item key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::Document;
use crate::reader::outline::{Item, Outline};

pub struct Positions {
    path: PathBuf,
}

impl Positions {
    pub fn new(data_dir: &Path) -> Positions {
        Positions {
            path: data_dir.join("positions.json"),
        }
    }

    fn read_all(&self) -> BTreeMap<String, String> {
        // Bounded and never blocking (a FIFO is refused); a damaged file
        // holds nothing that cannot be recreated by reading on.
        crate::durable::read_limited(&self.path, crate::durable::limits::POSITIONS)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The remembered item for a case study, if it still exists.
    pub fn load(&self, case_id: &str, doc: &Document, outline: &Outline) -> Option<usize> {
        find_item(&self.saved(case_id)?, doc, outline)
    }

    /// The remembered key for a case study, found or not.
    pub fn saved(&self, case_id: &str) -> Option<String> {
        self.read_all().remove(case_id)
    }

    /// Records the item; a damaged positions file is replaced (it holds
    /// nothing that cannot be recreated by reading on).
    pub fn save(&self, case_id: &str, key: String) -> std::io::Result<()> {
        let mut all = self.read_all();
        if all.get(case_id) == Some(&key) {
            return Ok(());
        }
        all.insert(case_id.to_string(), key);
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(&all).map_err(std::io::Error::other)?;
        crate::durable::write_atomic(&self.path, &json, None)
    }
}

/// A case study's marks: letter -> item key. Kept as keys, so a mark whose
/// passage is gone (for now) is not lost by the next save.
pub type MarkSet = BTreeMap<char, String>;

/// The marks file of a data folder.
pub struct Marks {
    path: PathBuf,
}

impl Marks {
    pub fn new(data_dir: &Path) -> Marks {
        Marks {
            path: data_dir.join("marks.json"),
        }
    }

    fn read_all(&self) -> Result<BTreeMap<String, MarkSet>, String> {
        let bytes =
            match crate::durable::read_limited(&self.path, crate::durable::limits::POSITIONS) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
                Err(e) => return Err(format!("{}: {e}", self.path.display())),
            };
        serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", self.path.display()))
    }

    /// The marks of a case study. A damaged file is reported (and left as
    /// it is until the next save replaces it).
    pub fn load(&self, case_id: &str) -> (MarkSet, Option<String>) {
        match self.read_all() {
            Ok(mut all) => (all.remove(case_id).unwrap_or_default(), None),
            Err(e) => (MarkSet::new(), Some(format!("marks not read: {e}"))),
        }
    }

    /// Replaces a case study's marks, keeping every other case study's.
    pub fn save(&self, case_id: &str, marks: &MarkSet) -> Result<(), String> {
        let mut all = self.read_all().unwrap_or_default();
        if marks.is_empty() {
            all.remove(case_id);
        } else {
            all.insert(case_id.to_string(), marks.clone());
        }
        let fail = |e: std::io::Error| format!("marks not saved: {}: {e}", self.path.display());
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let json = serde_json::to_vec_pretty(&all).map_err(|e| e.to_string())?;
        crate::durable::write_atomic(&self.path, &json, None).map_err(fail)
    }
}

/// The case studies read, most recent first, as `<data>/recent.json`:
/// what `casebook` with no arguments opens and the library view sorts by.
pub struct Recent {
    path: PathBuf,
}

/// One case study read: its id, its folder (none for the bundled one) and
/// when it was last opened (seconds since 1970).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Opened {
    pub case: String,
    pub folder: Option<PathBuf>,
    pub at: i64,
}

/// Case studies remembered at most.
const RECENT: usize = 200;

impl Recent {
    pub fn new(data_dir: &Path) -> Recent {
        Recent {
            path: data_dir.join("recent.json"),
        }
    }

    /// Most recent first; a damaged or missing file remembers nothing (it
    /// holds nothing that reading does not recreate).
    pub fn load(&self) -> Vec<Opened> {
        crate::durable::read_limited(&self.path, crate::durable::limits::POSITIONS)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Puts `case` first, opened now.
    pub fn opened(&self, case: &str, folder: Option<&Path>) -> std::io::Result<()> {
        let mut all = self.load();
        all.retain(|o| o.case != case);
        all.insert(
            0,
            Opened {
                case: case.to_string(),
                folder: folder.map(Path::to_path_buf),
                at: jiff::Timestamp::now().as_second(),
            },
        );
        all.truncate(RECENT);
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(&all).map_err(std::io::Error::other)?;
        crate::durable::write_atomic(&self.path, &json, None)
    }
}

/// Stable key of an outline item.
pub fn item_key(doc: &Document, item: Item) -> String {
    match item {
        Item::Passage(p) => doc.passages[p].id.clone(),
        Item::Heading(s) => format!("section:{}", doc.sections[s].id),
        Item::Reference(r) => format!("reference:{}", doc.references[r].id),
        Item::Footnote(f) => format!("footnote:{}", doc.footnotes[f].label),
        Item::FootnotesHeading => "footnotes".to_string(),
    }
}

pub fn find_item(key: &str, doc: &Document, outline: &Outline) -> Option<usize> {
    if let Some(id) = key.strip_prefix("section:") {
        return doc.section_index(id).map(|s| outline.of_section(s));
    }
    if let Some(id) = key.strip_prefix("reference:") {
        return doc.reference_index(id).map(|r| outline.of_reference(r));
    }
    if let Some(label) = key.strip_prefix("footnote:") {
        let f = doc.footnotes.iter().position(|f| f.label == label)?;
        return Some(outline.of_footnote(f));
    }
    doc.passage_index(key).map(|p| outline.of_passage(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::synthetic_doc;

    #[test]
    fn recent_puts_the_last_opened_first_once() {
        let dir = tempfile::tempdir().unwrap();
        let recent = Recent::new(dir.path());
        assert!(recent.load().is_empty());
        recent.opened("a", None).unwrap();
        recent.opened("b", Some(Path::new("/x/b"))).unwrap();
        recent.opened("a", None).unwrap();
        let cases: Vec<String> = recent.load().into_iter().map(|o| o.case).collect();
        assert_eq!(cases, ["a", "b"]);
        std::fs::write(dir.path().join("recent.json"), "{damaged").unwrap();
        assert!(recent.load().is_empty());
    }

    #[test]
    fn position_round_trips_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let doc = synthetic_doc(2, 3, 4);
        let outline = Outline::new(&doc);
        let store = Positions::new(dir.path());
        let item = outline.of_passage(4);
        store
            .save("case", item_key(&doc, outline.items[item]))
            .unwrap();
        assert_eq!(store.load("case", &doc, &outline), Some(item));
        assert_eq!(store.load("other", &doc, &outline), None);
    }

    #[test]
    fn marks_round_trip_per_case_study() {
        let dir = tempfile::tempdir().unwrap();
        let store = Marks::new(dir.path());
        assert_eq!(store.load("case"), (MarkSet::new(), None));
        let a: MarkSet = [('a', "p1.2".to_string()), ('z', "section:2".into())].into();
        let b: MarkSet = [('b', "p2.1".to_string())].into();
        store.save("case", &a).unwrap();
        store.save("other", &b).unwrap();
        assert_eq!(store.load("case").0, a);
        assert_eq!(store.load("other").0, b);
        std::fs::write(dir.path().join("marks.json"), "{oops").unwrap();
        let (none, problem) = store.load("case");
        assert!(none.is_empty());
        assert!(problem.unwrap().contains("marks.json"), "names the file");
    }

    #[test]
    fn damaged_file_is_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("positions.json"), "{not json").unwrap();
        let doc = synthetic_doc(1, 2, 3);
        let outline = Outline::new(&doc);
        let store = Positions::new(dir.path());
        assert_eq!(store.load("case", &doc, &outline), None);
        store.save("case", "p1.2".into()).unwrap();
        assert_eq!(
            store.load("case", &doc, &outline),
            Some(outline.of_passage(1))
        );
    }
}
