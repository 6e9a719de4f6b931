//! A case study on disk (or compiled in): `meta.toml`, `paper.md` and the
//! optional `entities.toml` and `series.toml`, loaded into the model.

mod footnotes;
pub mod ids;
pub mod markdown;
mod meta;
mod paper;
mod position;
mod preview;
pub mod refs;

use std::path::{Path, PathBuf};

use crate::diag::{line_col, Diagnostic};
use crate::model::{Document, Meta};

pub use meta::parse_meta;
pub use paper::{parse_paper, read_paper};
pub use preview::{preview, screenful};
pub use refs::parse_references;

/// Where a case study comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The case study compiled into the binary (`corpus/dalian`).
    Bundled,
    Dir(PathBuf),
}

impl Source {
    /// The folder, or the bundled case study's place in the source tree.
    pub fn location(&self) -> PathBuf {
        match self {
            Source::Dir(dir) => dir.clone(),
            Source::Bundled => PathBuf::from("(bundled)"),
        }
    }
}

/// A TOML file read verbatim; other modules parse it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlFile {
    /// Display path, used in diagnostics.
    pub path: PathBuf,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct CaseStudy {
    pub meta: Meta,
    pub doc: Document,
    pub source: Source,
    pub entities_toml: Option<TomlFile>,
    pub series_toml: Option<TomlFile>,
}

const BUNDLED_DIR: &str = "corpus/dalian";
const BUNDLED: [(&str, &str); 4] = [
    ("meta.toml", include_str!("../../corpus/dalian/meta.toml")),
    ("paper.md", include_str!("../../corpus/dalian/paper.md")),
    (
        "entities.toml",
        include_str!("../../corpus/dalian/entities.toml"),
    ),
    (
        "series.toml",
        include_str!("../../corpus/dalian/series.toml"),
    ),
];

/// The files a case study may have, in the order they are read.
pub const FILES: [&str; 4] = ["meta.toml", "paper.md", "entities.toml", "series.toml"];

/// Only `meta.toml`: what a list of case studies shows, without the paper.
pub fn read_meta(source: &Source) -> Result<Meta, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let file = read_file(source, "meta.toml", true, &mut diags).ok_or(diags)?;
    parse_meta(&file.path, &file.text)
}

/// Opens a case study. Only errors are returned; [`load`] also lists warnings.
pub fn open(source: &Source) -> Result<CaseStudy, Vec<Diagnostic>> {
    let (study, diags) = load(source);
    let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
    match study {
        Some(study) if errors.is_empty() => Ok(study),
        _ => Err(errors),
    }
}

/// Loads everything that can be loaded and reports every problem found on the way.
pub fn load(source: &Source) -> (Option<CaseStudy>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if let Source::Dir(dir) = source {
        if !dir.is_dir() {
            let message = format!("no case-study folder at {}", dir.display());
            return (None, vec![Diagnostic::error(dir, 0, 0, message)]);
        }
    }
    let mut read = |name: &str, required: bool| read_file(source, name, required, &mut diags);
    let meta_file = read("meta.toml", true);
    let entities_toml = read("entities.toml", false);
    let series_toml = read("series.toml", false);

    let meta = meta_file.and_then(|f| match parse_meta(&f.path, &f.text) {
        Ok(meta) => Some(meta),
        Err(errs) => {
            diags.extend(errs);
            None
        }
    });
    // Streamed: a long paper's text is never in memory all at once.
    let doc = open_file(source, "paper.md", true, &mut diags).and_then(|(path, input)| {
        let (doc, errs) = match input {
            Input::Bundled(text) => read_paper(&path, text.as_bytes()),
            Input::File(file) => read_paper(&path, std::io::BufReader::new(file)),
        };
        diags.extend(errs);
        doc
    });
    for file in [&entities_toml, &series_toml].into_iter().flatten() {
        if let Err(err) = file.text.parse::<toml::Table>() {
            diags.push(crate::diag::toml_error(&file.path, &file.text, &err));
        }
    }
    let study = match (meta, doc) {
        (Some(meta), Some(doc)) => Some(CaseStudy {
            meta,
            doc,
            source: source.clone(),
            entities_toml,
            series_toml,
        }),
        _ => None,
    };
    (study, diags)
}

/// A file of the bundled case study.
pub fn bundled(name: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A file of a case study, opened.
enum Input {
    Bundled(&'static str),
    File(std::fs::File),
}

/// Opens one file, reporting a missing (when `required`) or unreadable one.
fn open_file(
    source: &Source,
    name: &str,
    required: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<(PathBuf, Input)> {
    match source {
        Source::Bundled => Some((
            Path::new(BUNDLED_DIR).join(name),
            Input::Bundled(bundled(name)?),
        )),
        Source::Dir(dir) => {
            let path = dir.join(name);
            // Never a FIFO or device (it would block or never end), never
            // beyond the size limits of README's "Reliability".
            let limit = if name == "paper.md" {
                crate::durable::limits::PAPER
            } else {
                crate::durable::limits::TOML
            };
            match crate::durable::open_regular(&path, limit) {
                Ok(file) => Some((path, Input::File(file))),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                    if required {
                        let what =
                            format!("missing {name}: a case study needs meta.toml and paper.md");
                        diags.push(Diagnostic::error(&path, 0, 0, what));
                    }
                    None
                }
                Err(err) => {
                    diags.push(cannot_read(&path, &err));
                    None
                }
            }
        }
    }
}

fn cannot_read(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(path, 0, 0, format!("cannot read: {err}"))
}

/// Reads one file whole as UTF-8 text.
fn read_file(
    source: &Source,
    name: &str,
    required: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<TomlFile> {
    let (path, input) = open_file(source, name, required, diags)?;
    let bytes = match input {
        Input::Bundled(text) => text.as_bytes().to_vec(),
        Input::File(mut file) => {
            let mut bytes = Vec::new();
            if let Err(err) = std::io::Read::read_to_end(&mut file, &mut bytes) {
                diags.push(cannot_read(&path, &err));
                return None;
            }
            bytes
        }
    };
    match decode(&path, bytes) {
        Ok(text) => Some(TomlFile { path, text }),
        Err(diag) => {
            diags.push(diag);
            None
        }
    }
}

/// UTF-8 text without NUL bytes; anything else is reported where it starts.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => match text.find('\0') {
            Some(at) => {
                let (line, col) = line_col(&text, at);
                Err(Diagnostic::error(
                    path,
                    line,
                    col,
                    "binary file: NUL byte, expected text",
                ))
            }
            None => Ok(text
                .strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text)),
        },
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let (line, col) = line_col(&prefix, valid);
            Err(Diagnostic::error(
                path,
                line,
                col,
                format!(
                    "invalid UTF-8 (byte 0x{:02x}); expected UTF-8 text",
                    bytes[valid]
                ),
            ))
        }
    }
}
