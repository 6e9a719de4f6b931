//! The queries a reader ran, kept across sessions so Up and Down can recall
//! them.
//!
//! The file is plain text, one query per line, most recent first, so it can
//! be read and edited by hand. A query holds no control characters (a
//! newline would split it, an escape could reach the terminal when shown), so
//! a line with one means the file was damaged: loading reports it rather
//! than guessing which lines to trust.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::notes::durable::{quarantine, write_atomic};

/// Queries kept at most.
pub const LIMIT: usize = 100;

/// The history file's name in the data folder.
pub const FILE_NAME: &str = "search-history.txt";

/// Queries, most recent first, without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHistory {
    entries: Vec<String>,
}

/// Why a history file could not be read.
#[derive(Debug)]
pub enum HistoryError {
    Io(PathBuf, io::Error),
    /// Not UTF-8, or a line with a control character (1-based line number).
    Damaged {
        path: PathBuf,
        line: usize,
    },
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::Io(path, e) => write!(f, "cannot read {}: {e}", path.display()),
            HistoryError::Damaged { path, line } => write!(
                f,
                "search history {} is damaged (line {line})",
                path.display()
            ),
        }
    }
}

impl std::error::Error for HistoryError {}

/// The history file in the data folder: `<data>/search-history.txt`.
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

impl SearchHistory {
    /// Queries, most recent first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The query `at` steps back (0 is the most recent).
    pub fn get(&self, at: usize) -> Option<&str> {
        self.entries.get(at).map(String::as_str)
    }

    /// Puts `query` first (moving it there if it was already kept) and drops
    /// the oldest beyond [`LIMIT`]. Blank queries and queries with control
    /// characters are not kept; returns whether the history changed.
    pub fn push(&mut self, query: &str) -> bool {
        let query = query.trim();
        if query.is_empty() || query.chars().any(char::is_control) {
            return false;
        }
        if self.entries.first().is_some_and(|q| q == query) {
            return false;
        }
        self.entries.retain(|q| q != query);
        self.entries.insert(0, query.to_string());
        self.entries.truncate(LIMIT);
        true
    }

    /// One step back in time from `from` (`None`: the query being typed).
    /// `None` when there is nothing older.
    pub fn older(&self, from: Option<usize>) -> Option<usize> {
        let next = from.map_or(0, |i| i + 1);
        (next < self.entries.len()).then_some(next)
    }

    /// One step forward from `from`; `None` means back to the query being
    /// typed (also from the most recent entry).
    pub fn newer(&self, from: Option<usize>) -> Option<usize> {
        from.and_then(|i| i.checked_sub(1))
            .map(|i| i.min(self.entries.len().saturating_sub(1)))
            .filter(|_| !self.entries.is_empty())
    }

    /// Reads the history; a missing file is an empty history.
    pub fn load(path: &Path) -> Result<SearchHistory, HistoryError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(SearchHistory::default()),
            Err(e) => return Err(HistoryError::Io(path.to_path_buf(), e)),
        };
        SearchHistory::parse(&bytes).map_err(|line| HistoryError::Damaged {
            path: path.to_path_buf(),
            line,
        })
    }

    /// Reads the history for a session: a damaged file is moved aside (so the
    /// next save cannot overwrite what might be recovered by hand) and the
    /// session starts with an empty history and a message to show.
    pub fn open(path: &Path) -> (SearchHistory, Option<String>) {
        match SearchHistory::load(path) {
            Ok(history) => (history, None),
            Err(e @ HistoryError::Damaged { .. }) => {
                let message = match quarantine(path) {
                    Ok(aside) => format!("{e}; kept aside as {}", aside.display()),
                    Err(q) => format!("{e}; could not move it aside: {q}"),
                };
                (SearchHistory::default(), Some(message))
            }
            Err(e) => (SearchHistory::default(), Some(e.to_string())),
        }
    }

    /// Replaces the file atomically: after a crash it holds the old or the
    /// new history, never a mix.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        write_atomic(path, self.to_text().as_bytes(), None)
    }

    fn to_text(&self) -> String {
        self.entries.iter().map(|q| format!("{q}\n")).collect()
    }

    /// The entries of a file, or the 1-based line that makes it damaged.
    fn parse(bytes: &[u8]) -> Result<SearchHistory, usize> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        })?;
        let mut history = SearchHistory::default();
        for (n, line) in text.lines().enumerate() {
            if line.chars().any(char::is_control) {
                return Err(n + 1);
            }
            let query = line.trim();
            if !query.is_empty() && !history.entries.iter().any(|q| q == query) {
                history.entries.push(query.to_string());
            }
        }
        history.entries.truncate(LIMIT);
        Ok(history)
    }
}

/// Where Up and Down stand in the history while the search box is open,
/// and what the reader had typed before the first Up, given back by Down
/// past the most recent query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recall {
    at: Option<usize>,
    draft: String,
}

impl Recall {
    /// Up: the older query to show instead of `current`; `None` leaves the
    /// box as it is (nothing older).
    pub fn older(&mut self, history: &SearchHistory, current: &str) -> Option<String> {
        let at = history.older(self.at)?;
        if self.at.is_none() {
            self.draft = current.to_string();
        }
        self.at = Some(at);
        history.get(at).map(str::to_string)
    }

    /// Down: the newer query to show, or the draft once past the most
    /// recent; `None` when not browsing the history.
    pub fn newer(&mut self, history: &SearchHistory) -> Option<String> {
        self.at?;
        self.at = history.newer(self.at);
        match self.at {
            Some(at) => history.get(at).map(str::to_string),
            None => Some(std::mem::take(&mut self.draft)),
        }
    }

    /// Any edit of the query: it is the reader's own again.
    pub fn reset(&mut self) {
        *self = Recall::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(queries: &[&str]) -> SearchHistory {
        let mut h = SearchHistory::default();
        for q in queries {
            h.push(q);
        }
        h
    }

    #[test]
    fn push_keeps_the_most_recent_first_without_duplicates() {
        let mut h = history(&["nec", "liujun", " nec  ", "", "a\u{1b}b", "x\ny"]);
        assert_eq!(h.entries(), ["nec", "liujun"]);
        assert!(!h.push("nec"), "already the most recent");
        for i in 0..LIMIT + 5 {
            h.push(&format!("q{i}"));
        }
        assert_eq!(h.len(), LIMIT);
        assert_eq!(h.get(0), Some(format!("q{}", LIMIT + 4).as_str()));
    }

    #[test]
    fn older_and_newer_step_through_the_entries() {
        let h = history(&["c", "b", "a"]);
        assert_eq!(h.older(None), Some(0));
        assert_eq!(h.get(0), Some("a"));
        assert_eq!(h.older(Some(1)), Some(2));
        assert_eq!(h.older(Some(2)), None, "nothing older than the oldest");
        assert_eq!(h.newer(Some(2)), Some(1));
        assert_eq!(h.newer(Some(0)), None, "back to the query being typed");
        assert_eq!(h.newer(None), None);
        assert_eq!(SearchHistory::default().older(None), None);
    }

    #[test]
    fn parse_skips_blank_lines_and_refuses_control_characters() {
        let h = SearchHistory::parse(b"nec\n\n  liujun \r\nnec\n").unwrap();
        assert_eq!(h.entries(), ["nec", "liujun"]);
        assert_eq!(SearchHistory::parse(b"ok\nbad\x07\n"), Err(2));
        assert_eq!(SearchHistory::parse(b"ok\nok2\n\xff\n"), Err(3));
    }

    #[test]
    fn recall_gives_back_the_draft_after_the_most_recent() {
        let h = history(&["old", "new"]);
        let mut r = Recall::default();
        assert_eq!(r.newer(&h), None, "not browsing yet");
        assert_eq!(r.older(&h, "dra").as_deref(), Some("new"));
        assert_eq!(r.older(&h, "new").as_deref(), Some("old"));
        assert_eq!(r.older(&h, "old"), None);
        assert_eq!(r.newer(&h).as_deref(), Some("new"));
        assert_eq!(r.newer(&h).as_deref(), Some("dra"));
        assert_eq!(r.newer(&h), None);
    }
}
