//! Problems found in user files, reported as `path:line:col: severity: message`.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file. Line and column are 1-based; 0 means "whole file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, line, col, message)
    }

    pub fn warning(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, line, col, message)
    }

    fn new(
        severity: Severity,
        path: &Path,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            col,
            severity,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            // Messages quote the input, which may carry terminal controls.
            crate::term::sanitize::display(&self.path.display().to_string()),
            self.line,
            self.col,
            crate::term::sanitize::lines(&self.message)
        )
    }
}

impl std::error::Error for Diagnostic {}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Diagnostic for a TOML parse error, pointing at the span the parser names.
pub fn toml_error(path: &Path, source: &str, err: &toml::de::Error) -> Diagnostic {
    let (line, col) = err
        .span()
        .map_or((0, 0), |span| line_col(source, span.start));
    // toml's Display repeats the location and a source excerpt; the message alone reads better.
    Diagnostic::error(path, line, col, err.message().trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nXiàgăng x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let x = text.rfind('x').unwrap();
        assert_eq!(line_col(text, x), (2, 9));
    }

    #[test]
    fn toml_errors_name_line_and_column() {
        let src = "id = \"a\"\ntitle = \n";
        let err = toml::from_str::<toml::Value>(src).unwrap_err();
        let d = toml_error(Path::new("meta.toml"), src, &err);
        assert_eq!(d.line, 2);
        assert!(d.to_string().starts_with("meta.toml:2:"), "{d}");
    }
}
