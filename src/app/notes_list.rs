//! The notes list: every note, filtered by text or `#tag` as you type.

use crate::app::list::Selection;
use crate::notes::{Filter, Notebook};

#[derive(Debug, Clone, Default)]
pub struct NotesList {
    pub filter: String,
    /// Note ids in display order.
    pub rows: Vec<String>,
    pub sel: Selection,
}

impl NotesList {
    pub fn new(notebook: &Notebook) -> NotesList {
        let mut list = NotesList::default();
        list.refilter(notebook);
        list
    }

    /// `#tag` words filter by tag; the other words by text.
    pub fn parsed_filter(&self) -> Filter {
        let mut filter = Filter::default();
        let mut words = Vec::new();
        for word in self.filter.split_whitespace() {
            match word.strip_prefix('#') {
                Some(tag) if !tag.is_empty() => filter.tag = Some(tag.to_string()),
                _ => words.push(word),
            }
        }
        if !words.is_empty() {
            filter.text = Some(words.join(" "));
        }
        filter
    }

    pub fn refilter(&mut self, notebook: &Notebook) {
        let selected = self.selected().map(str::to_string);
        self.rows = notebook
            .list(&self.parsed_filter())
            .into_iter()
            .map(|(n, _)| n.id.clone())
            .collect();
        self.sel.set_len(self.rows.len());
        if let Some(id) = selected {
            if let Some(i) = self.rows.iter().position(|r| *r == id) {
                self.sel.index = i;
            }
        }
    }

    pub fn selected(&self) -> Option<&str> {
        self.sel.selected().map(|i| self.rows[i].as_str())
    }
}
