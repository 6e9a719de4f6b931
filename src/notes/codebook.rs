//! The code book: the codes an analyst applies to passages.
//!
//! Two books are kept beside the notes: one per case study
//! (`<data>/notes/<case id>.codes.json`) and one for the whole library
//! (`<data>/codes.json`), so a code used across case studies is defined once.
//! A code has a name (its identity, compared without regard to case), an
//! optional parent (for a hierarchy), a colour of the 16-colour theme, a
//! description and an optional entity it stands for. Every change re-reads
//! the file and writes it back atomically through [`crate::durable`].

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::durable::{self, limits};
use crate::search::normalize::fold;

use super::filter::label_starts_with;

/// The colours of the 16-colour terminal theme a code can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Colour {
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    Gray,
    DarkGray,
    White,
    Black,
}

impl Colour {
    /// In the order new codes take them (readable ones first).
    pub const ALL: [Colour; 16] = [
        Colour::Red,
        Colour::Green,
        Colour::Yellow,
        Colour::Blue,
        Colour::Magenta,
        Colour::Cyan,
        Colour::LightRed,
        Colour::LightGreen,
        Colour::LightYellow,
        Colour::LightBlue,
        Colour::LightMagenta,
        Colour::LightCyan,
        Colour::Gray,
        Colour::DarkGray,
        Colour::White,
        Colour::Black,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Green => "green",
            Colour::Yellow => "yellow",
            Colour::Blue => "blue",
            Colour::Magenta => "magenta",
            Colour::Cyan => "cyan",
            Colour::LightRed => "light-red",
            Colour::LightGreen => "light-green",
            Colour::LightYellow => "light-yellow",
            Colour::LightBlue => "light-blue",
            Colour::LightMagenta => "light-magenta",
            Colour::LightCyan => "light-cyan",
            Colour::Gray => "gray",
            Colour::DarkGray => "dark-gray",
            Colour::White => "white",
            Colour::Black => "black",
        }
    }

    pub fn parse(name: &str) -> Option<Colour> {
        let name = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Colour::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The terminal colour.
    pub fn color(self) -> ratatui::style::Color {
        use ratatui::style::Color;
        match self {
            Colour::Red => Color::Red,
            Colour::Green => Color::Green,
            Colour::Yellow => Color::Yellow,
            Colour::Blue => Color::Blue,
            Colour::Magenta => Color::Magenta,
            Colour::Cyan => Color::Cyan,
            Colour::LightRed => Color::LightRed,
            Colour::LightGreen => Color::LightGreen,
            Colour::LightYellow => Color::LightYellow,
            Colour::LightBlue => Color::LightBlue,
            Colour::LightMagenta => Color::LightMagenta,
            Colour::LightCyan => Color::LightCyan,
            Colour::Gray => Color::Gray,
            Colour::DarkGray => Color::DarkGray,
            Colour::White => Color::White,
            Colour::Black => Color::Black,
        }
    }

    /// `#rrggbb` as the xterm palette draws it (for REFI-QDA's `color`).
    pub fn rgb(self) -> &'static str {
        match self {
            Colour::Black => "#000000",
            Colour::Red => "#cd0000",
            Colour::Green => "#00cd00",
            Colour::Yellow => "#cdcd00",
            Colour::Blue => "#0000ee",
            Colour::Magenta => "#cd00cd",
            Colour::Cyan => "#00cdcd",
            Colour::Gray => "#e5e5e5",
            Colour::DarkGray => "#7f7f7f",
            Colour::LightRed => "#ff0000",
            Colour::LightGreen => "#00ff00",
            Colour::LightYellow => "#ffff00",
            Colour::LightBlue => "#5c5cff",
            Colour::LightMagenta => "#ff00ff",
            Colour::LightCyan => "#00ffff",
            Colour::White => "#ffffff",
        }
    }

    /// The theme colour nearest to `#rrggbb` (a code read from another tool).
    pub fn nearest(rgb: &str) -> Option<Colour> {
        let parse = |s: &str| -> Option<[i32; 3]> {
            let s = s.strip_prefix('#')?;
            let v: Vec<i32> = match s.len() {
                6 => (0..3)
                    .map(|i| i32::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
                    .collect::<Option<_>>()?,
                3 => (0..3)
                    .map(|i| i32::from_str_radix(&s[i..i + 1], 16).ok().map(|v| v * 17))
                    .collect::<Option<_>>()?,
                _ => return None,
            };
            Some([v[0], v[1], v[2]])
        };
        let want = parse(rgb)?;
        Colour::ALL.into_iter().min_by_key(|c| {
            let have = parse(c.rgb()).expect("palette colours parse");
            (0..3).map(|i| (have[i] - want[i]).pow(2)).sum::<i32>()
        })
    }
}

/// Which book a code is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// This case study's book.
    #[default]
    Case,
    /// The library-wide book, shared by every case study.
    Library,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub colour: Colour,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// An entity id (`firm:nec`) the code stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Set when loaded; not written.
    #[serde(skip)]
    pub scope: Scope,
}

impl Code {
    pub fn new(name: &str, colour: Colour) -> Code {
        Code {
            name: name.split_whitespace().collect::<Vec<_>>().join(" "),
            parent: None,
            colour,
            description: String::new(),
            entity: None,
            scope: Scope::Case,
        }
    }

    pub fn is(&self, name: &str) -> bool {
        fold(&self.name) == fold(name)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    codes: Vec<Code>,
}

#[derive(Debug)]
pub enum CodeBookError {
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// The file is not a code book: where and why.
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A change the book refuses (a duplicate name, an unknown parent, a cycle).
    Refused(String),
}

impl fmt::Display for CodeBookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeBookError::Io {
                path,
                action,
                source,
            } => write!(f, "{}: cannot {action}: {source}", path.display()),
            CodeBookError::Invalid {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
            CodeBookError::Refused(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for CodeBookError {}

/// The codes in force for one case study: the library's and its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeBook {
    codes: Vec<Code>,
}

impl CodeBook {
    pub fn new(codes: Vec<Code>) -> CodeBook {
        CodeBook { codes }
    }

    /// Case codes first, then library codes, each in the order added.
    pub fn codes(&self) -> &[Code] {
        &self.codes
    }

    /// Adds a code defined in this session (checked like the stores' `add`).
    pub fn define(&mut self, code: Code) -> Result<(), CodeBookError> {
        self.check(&code, None)?;
        self.codes.push(code);
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.is(name))
    }

    /// The colour for the next new code: the first not yet used.
    pub fn next_colour(&self) -> Colour {
        let used = |c: &Colour| self.codes.iter().any(|code| code.colour == *c);
        Colour::ALL
            .into_iter()
            .find(|c| !used(c))
            .unwrap_or(Colour::ALL[self.codes.len() % Colour::ALL.len()])
    }

    /// The code's ancestors' names, nearest first (stops at a cycle).
    pub fn ancestors(&self, name: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut at = self.get(name).and_then(|c| c.parent.as_deref());
        while let Some(parent) = at {
            let Some(code) = self.get(parent) else { break };
            if out.iter().any(|n| fold(n) == fold(&code.name)) || code.is(name) {
                break;
            }
            out.push(&code.name);
            at = code.parent.as_deref();
        }
        out
    }

    /// Codes whose name (or a word of it) starts with `prefix`, ignoring case
    /// and accents; the fuzzy matches follow, best first.
    pub fn complete(&self, query: &str) -> Vec<&Code> {
        use fuzzy_matcher::skim::SkimMatcherV2;
        use fuzzy_matcher::FuzzyMatcher;
        let want = fold(query.trim());
        if want.is_empty() {
            return self.codes.iter().collect();
        }
        let mut prefixed: Vec<&Code> = Vec::new();
        let mut fuzzy: Vec<(i64, &Code)> = Vec::new();
        let matcher = SkimMatcherV2::default();
        for code in &self.codes {
            let name = fold(&code.name);
            if label_starts_with(&name, &want) {
                prefixed.push(code);
            } else if let Some(score) = matcher.fuzzy_match(&name, &want) {
                fuzzy.push((score, code));
            }
        }
        fuzzy.sort_by_key(|f| std::cmp::Reverse(f.0));
        prefixed.extend(fuzzy.into_iter().map(|(_, c)| c));
        prefixed
    }

    /// Checks a code before it is added or changed (`replacing` names the old
    /// version of a changed code).
    fn check(&self, code: &Code, replacing: Option<&str>) -> Result<(), CodeBookError> {
        if code.name.trim().is_empty() {
            return Err(CodeBookError::Refused("a code needs a name".into()));
        }
        let other = |c: &&Code| replacing.is_none_or(|old| !c.is(old));
        if self.codes.iter().filter(other).any(|c| c.is(&code.name)) {
            return Err(CodeBookError::Refused(format!(
                "there is already a code named {:?}",
                code.name
            )));
        }
        if let Some(parent) = &code.parent {
            if fold(parent) == fold(&code.name) {
                return Err(CodeBookError::Refused(format!(
                    "{:?} cannot be its own parent",
                    code.name
                )));
            }
            if self.get(parent).is_none() {
                return Err(CodeBookError::Refused(format!(
                    "no code named {parent:?} to be the parent of {:?}",
                    code.name
                )));
            }
            if self
                .ancestors(parent)
                .iter()
                .any(|a| fold(a) == fold(&code.name))
            {
                return Err(CodeBookError::Refused(format!(
                    "{parent:?} is below {:?}: the hierarchy would loop",
                    code.name
                )));
            }
        }
        Ok(())
    }
}

/// Where one case study's code book and the library's are kept.
#[derive(Debug, Clone)]
pub struct CodeBookStore {
    case: PathBuf,
    library: PathBuf,
}

impl CodeBookStore {
    /// `case_id` must already be a valid notes-file name (see `NoteStore::new`).
    pub fn new(data_dir: &Path, case_id: &str) -> CodeBookStore {
        CodeBookStore {
            case: data_dir.join("notes").join(format!("{case_id}.codes.json")),
            library: data_dir.join("codes.json"),
        }
    }

    pub fn path(&self, scope: Scope) -> &Path {
        match scope {
            Scope::Case => &self.case,
            Scope::Library => &self.library,
        }
    }

    /// Both books, case codes first; a library code the case book redefines
    /// is shown once, as the case defines it.
    pub fn load(&self) -> Result<CodeBook, CodeBookError> {
        let mut codes = read(&self.case, Scope::Case)?;
        for code in read(&self.library, Scope::Library)? {
            if !codes.iter().any(|c| c.is(&code.name)) {
                codes.push(code);
            }
        }
        Ok(CodeBook { codes })
    }

    /// Adds a code to the book `code.scope` names; returns the book in force.
    pub fn add(&self, code: Code) -> Result<CodeBook, CodeBookError> {
        self.load()?.check(&code, None)?;
        let path = self.path(code.scope);
        let mut codes = read(path, code.scope)?;
        codes.push(code);
        write(path, &codes)?;
        self.load()
    }

    /// Adds the codes of `book` that the files lack (codes defined in a
    /// session); returns the book in force.
    pub fn add_missing(&self, book: &CodeBook) -> Result<CodeBook, CodeBookError> {
        let mut on_disk = self.load()?;
        for code in book.codes() {
            if on_disk.get(&code.name).is_none() {
                on_disk = self.add(code.clone())?;
            }
        }
        Ok(on_disk)
    }

    /// Replaces the code named `name` (in the book it is kept in) by `code`.
    pub fn change(&self, name: &str, code: Code) -> Result<CodeBook, CodeBookError> {
        let book = self.load()?;
        let old = book
            .get(name)
            .ok_or_else(|| CodeBookError::Refused(format!("no code named {name:?}")))?;
        book.check(&code, Some(name))?;
        let scope = old.scope;
        let path = self.path(scope);
        let mut codes = read(path, scope)?;
        let at = codes
            .iter()
            .position(|c| c.is(name))
            .expect("loaded from here");
        codes[at] = Code { scope, ..code };
        write(path, &codes)?;
        self.load()
    }

    /// Removes a code; its children move up to its parent. Returns the removed code.
    pub fn remove(&self, name: &str) -> Result<Code, CodeBookError> {
        let book = self.load()?;
        let old = book
            .get(name)
            .ok_or_else(|| CodeBookError::Refused(format!("no code named {name:?}")))?
            .clone();
        for scope in [Scope::Case, Scope::Library] {
            let path = self.path(scope);
            let mut codes = read(path, scope)?;
            let before = codes.len();
            codes.retain(|c| !c.is(name));
            let mut changed = codes.len() != before;
            for c in &mut codes {
                if c.parent.as_deref().is_some_and(|p| fold(p) == fold(name)) {
                    c.parent = old.parent.clone();
                    changed = true;
                }
            }
            if changed {
                write(path, &codes)?;
            }
        }
        Ok(old)
    }
}

fn read(path: &Path, scope: Scope) -> Result<Vec<Code>, CodeBookError> {
    let bytes = match durable::read_limited(path, limits::NOTES) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(CodeBookError::Io {
                path: path.to_path_buf(),
                action: "read",
                source,
            })
        }
    };
    let invalid = |line, column, message: String| CodeBookError::Invalid {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    let text = String::from_utf8(bytes).map_err(|_| invalid(1, 1, "not UTF-8 text".into()))?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        invalid(e.line(), e.column(), msg)
    })?;
    let mut codes = file.codes;
    for c in &mut codes {
        c.scope = scope;
    }
    Ok(codes)
}

fn write(path: &Path, codes: &[Code]) -> Result<(), CodeBookError> {
    let io_err = |action, source| CodeBookError::Io {
        path: path.to_path_buf(),
        action,
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io_err("create the folder of", e))?;
    }
    let file = File {
        codes: codes.to_vec(),
    };
    let json = serde_json::to_string_pretty(&file).expect("codes serialize") + "\n";
    durable::write_atomic(path, json.as_bytes(), None).map_err(|e| io_err("write", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, CodeBookStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = CodeBookStore::new(dir.path(), "dalian");
        (dir, store)
    }

    #[test]
    fn case_and_library_books_are_kept_apart_and_read_together() {
        let (_dir, store) = store();
        store.add(Code::new("Local state", Colour::Red)).unwrap();
        let mut shared = Code::new("Industrial policy", Colour::Blue);
        shared.scope = Scope::Library;
        store.add(shared).unwrap();
        let mut child = Code::new("Tax breaks", Colour::Green);
        child.parent = Some("industrial POLICY".into());
        let book = store.add(child).unwrap();
        let names: Vec<&str> = book.codes().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Local state", "Tax breaks", "Industrial policy"]);
        assert_eq!(book.get("industrial policy").unwrap().scope, Scope::Library);
        assert_eq!(book.ancestors("tax breaks"), ["Industrial policy"]);
        let other = CodeBookStore::new(store.library.parent().unwrap(), "other");
        let names: Vec<String> = other
            .load()
            .unwrap()
            .codes()
            .iter()
            .map(|c| c.name.clone())
            .collect();
        assert_eq!(names, ["Industrial policy"]);
    }

    #[test]
    fn duplicates_unknown_parents_and_loops_are_refused() {
        let (_dir, store) = store();
        store.add(Code::new("A", Colour::Red)).unwrap();
        let err = store.add(Code::new("a", Colour::Red)).unwrap_err();
        assert!(err.to_string().contains("already a code named"), "{err}");
        let mut b = Code::new("B", Colour::Red);
        b.parent = Some("Nope".into());
        assert!(store.add(b.clone()).is_err());
        b.parent = Some("A".into());
        store.add(b).unwrap();
        let mut a = Code::new("A", Colour::Red);
        a.parent = Some("B".into());
        let err = store.change("A", a).unwrap_err();
        assert!(err.to_string().contains("loop"), "{err}");
        let removed = store.remove("A").unwrap();
        assert_eq!(removed.name, "A");
        assert_eq!(store.load().unwrap().get("B").unwrap().parent, None);
    }

    #[test]
    fn a_damaged_book_names_file_and_line() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.case.parent().unwrap()).unwrap();
        std::fs::write(
            &store.case,
            "{\"codes\": [\n {\"name\": \"x\", \"colour\": \"mauve\"}]}",
        )
        .unwrap();
        let err = store.load().unwrap_err().to_string();
        assert!(err.contains("dalian.codes.json:2:"), "{err}");
        assert!(err.contains("mauve"), "{err}");
    }

    #[test]
    fn completion_prefers_prefixes_then_fuzzy() {
        let book = CodeBook::new(vec![
            Code::new("Public policy", Colour::Red),
            Code::new("Politics", Colour::Red),
            Code::new("Supply chain", Colour::Red),
        ]);
        let names: Vec<&str> = book
            .complete("pol")
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(&names[..2], ["Public policy", "Politics"]);
        assert_eq!(book.complete("spl")[0].name, "Supply chain");
        assert_eq!(Colour::nearest("#fe0102"), Some(Colour::LightRed));
        assert_eq!(Colour::parse("Light Blue"), Some(Colour::LightBlue));
    }
}
