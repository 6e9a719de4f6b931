//! `meta.toml`: bibliographic facts about a case study.

use std::path::Path;

use crate::diag::{line_col, toml_error, Diagnostic};
use crate::model::Meta;

/// Parses and validates `meta.toml`; errors name the offending key's position.
pub fn parse_meta(path: &Path, text: &str) -> Result<Meta, Vec<Diagnostic>> {
    let meta: Meta = toml::from_str(text).map_err(|err| vec![toml_error(path, text, &err)])?;
    let at = |key: &str| key_position(text, key);
    let mut errors = Vec::new();
    let mut fail = |key: &str, message: String| {
        let (line, col) = at(key);
        errors.push(Diagnostic::error(path, line, col, message));
    };
    if meta.id.is_empty()
        || !meta
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        fail(
            "id",
            format!(
                "id {:?} must be non-empty ASCII letters, digits, '-' or '_'",
                meta.id
            ),
        );
    }
    if meta.title.trim().is_empty() {
        fail("title", "title is empty".into());
    }
    if meta.authors.iter().any(|a| a.trim().is_empty()) {
        fail("authors", "authors holds an empty name".into());
    }
    if let Some(year) = meta.year {
        if !(1000..=9999).contains(&year) {
            fail("year", format!("year {year} is not a four-digit year"));
        }
    }
    if errors.is_empty() {
        Ok(meta)
    } else {
        Err(errors)
    }
}

/// Line and column of `key = ...` at the start of a line, or the file start.
fn key_position(text: &str, key: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.trim_start();
        if let Some(after) = rest.strip_prefix(key) {
            if after.trim_start().starts_with('=') {
                return line_col(text, offset + line.len() - rest.len());
            }
        }
        offset += line.len();
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_complete_meta() {
        let text = "id = \"x\"\ntitle = \"T\"\nauthors = [\"A B\"]\nyear = 2013\n";
        let meta = parse_meta(Path::new("meta.toml"), text).unwrap();
        assert_eq!(meta.authors, ["A B"]);
        assert_eq!(meta.year, Some(2013));
    }

    #[test]
    fn bad_id_points_at_the_key() {
        let text = "title = \"T\"\nauthors = []\nid = \"a b\"\nyear = 2013\n";
        let errs = parse_meta(Path::new("meta.toml"), text).unwrap_err();
        assert_eq!((errs[0].line, errs[0].col), (3, 1));
    }

    #[test]
    fn truncated_toml_is_an_error_with_a_line() {
        let errs = parse_meta(Path::new("m.toml"), "id = \"x\"\ntitle = \"The For").unwrap_err();
        assert_eq!(errs[0].line, 2, "{}", errs[0]);
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let text = "id = \"x\"\ntitle = \"T\"\nauthors = []\nyear = 2001\ncolour = 3\n";
        assert!(parse_meta(Path::new("m.toml"), text).is_err());
    }
}
