//! Reading key map files, merging them per key and checking the result.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::key::hides_text;
use super::{Action, Binding, Chord, Key, Mode};
use crate::diag::{toml_error, Diagnostic};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeTable {
    #[serde(default)]
    keymap: Vec<Spanned<EntryDe>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDe {
    on: Spanned<toml::Value>,
    run: Spanned<String>,
    desc: Option<Spanned<String>>,
}

/// One entry of `keymaps/default.toml`, as `build.rs` compiles it.
struct BuiltIn {
    mode: &'static str,
    keys: &'static [&'static str],
    run: &'static str,
    desc: Option<&'static str>,
    line: usize,
    col: usize,
}

const BUILT_IN: &[BuiltIn] = include!(concat!(env!("OUT_DIR"), "/default_keymap.rs"));

/// Bindings per mode (indexed like `Mode::ALL`) with nothing bound.
pub(super) fn unbound() -> Vec<Vec<Binding>> {
    Mode::ALL.iter().map(|_| Vec::new()).collect()
}

/// The built-in key map's bindings per mode, made from the compiled table
/// (layer 0). The test suite checks that they equal a parse of `path`.
pub(super) fn built_in(path: &Path) -> Vec<Vec<Binding>> {
    const CHECKED: &str = "keymaps/default.toml is checked by the test suite";
    let mut modes = unbound();
    for entry in BUILT_IN {
        let mode = Mode::from_name(entry.mode).expect(CHECKED);
        let keys = entry.keys.iter().map(|k| k.parse::<Key>().expect(CHECKED));
        modes[mode as usize].push(Binding {
            chord: Chord(keys.collect()),
            action: Action::from_name(entry.run).expect(CHECKED),
            desc: entry.desc.map(String::from),
            path: path.to_path_buf(),
            line: entry.line,
            col: entry.col,
            layer: 0,
        });
    }
    modes
}

/// Parses `sources` and merges them in order onto `modes` (bindings per mode,
/// indexed like `Mode::ALL`); the first source is layer `first_layer`.
pub(super) fn merge(
    mut modes: Vec<Vec<Binding>>,
    first_layer: usize,
    sources: &[(PathBuf, &str)],
) -> Result<Vec<Vec<Binding>>, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut parsed = Vec::new();
    for (i, (path, text)) in sources.iter().enumerate() {
        match parse(path, text, first_layer + i) {
            Ok(file) => parsed.push(file),
            Err(mut d) => diags.append(&mut d),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    for file in parsed {
        for (mode, entries) in file {
            patch(&mut modes[mode as usize], entries);
        }
    }
    for entries in &modes {
        diags.extend(prefix_conflicts(entries));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(modes)
}

/// Replaces bindings of the same chord in place, appends new ones, and lets `noop` remove.
fn patch(base: &mut Vec<Binding>, entries: Vec<Binding>) {
    for entry in entries {
        let existing = base.iter().position(|b| b.chord == entry.chord);
        match (existing, entry.action) {
            (Some(i), Action::Noop) => {
                base.remove(i);
            }
            (None, Action::Noop) => {}
            (Some(i), _) => base[i] = entry,
            (None, _) => base.push(entry),
        }
    }
}

/// A key that runs an action cannot also start a chord: the chord could never be typed.
fn prefix_conflicts(entries: &[Binding]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for s in entries {
        for l in entries {
            if l.chord.keys().len() > s.chord.keys().len() && l.chord.starts_with(s.chord.keys()) {
                // Report at whichever binding came last; that is the one the user just wrote.
                let (here, other) = if (l.layer, l.line) > (s.layer, s.line) {
                    (l, s)
                } else {
                    (s, l)
                };
                let msg = format!(
                    "`{}` ({}) starts the chord `{}` ({}) bound at {}:{}; one of them has to go (`run = \"noop\"` unbinds)",
                    s.chord, s.action.name(), l.chord, l.action.name(), other.path.display(), other.line
                );
                diags.push(Diagnostic::error(&here.path, here.line, here.col, msg));
            }
        }
    }
    diags
}

fn parse(
    path: &Path,
    text: &str,
    layer: usize,
) -> Result<Vec<(Mode, Vec<Binding>)>, Vec<Diagnostic>> {
    let tables: BTreeMap<Spanned<String>, ModeTable> =
        toml::from_str(text).map_err(|e| vec![toml_error(path, text, &e)])?;
    let lines = Lines::new(text);
    let at = |span: std::ops::Range<usize>, msg: String| {
        let (line, col) = lines.line_col(span.start);
        Diagnostic::error(path, line, col, msg)
    };
    let mut diags = Vec::new();
    let mut out = Vec::new();
    for (name, table) in tables {
        let Some(mode) = Mode::from_name(name.get_ref()) else {
            let known: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
            let msg = format!(
                "unknown mode `{}`; modes are {}",
                name.get_ref(),
                known.join(", ")
            );
            diags.push(at(name.span(), msg));
            continue;
        };
        let mut entries: Vec<Binding> = Vec::new();
        for spanned in table.keymap {
            let entry_span = spanned.span();
            let e = spanned.into_inner();
            let chord = chord(e.on.get_ref()).map_err(|msg| at(e.on.span(), msg));
            let action = Action::from_name(e.run.get_ref())
                .ok_or_else(|| at(e.run.span(), unknown_action(e.run.get_ref())));
            let desc = match e.desc {
                Some(d) => match d.get_ref().chars().find(|&c| hides_text(c)) {
                    Some(c) => Err(at(
                        d.span(),
                        format!("`desc` contains the invisible character U+{:04X}", c as u32),
                    )),
                    None => Ok(Some(d.into_inner())),
                },
                None => Ok(None),
            };
            let (chord, action, desc) = match (chord, action, desc) {
                (Ok(c), Ok(a), Ok(d)) => (c, a, d),
                (c, a, d) => {
                    diags.extend(c.err().into_iter().chain(a.err()).chain(d.err()));
                    continue;
                }
            };
            let (line, col) = lines.line_col(entry_span.start);
            if let Some(first) = entries.iter().find(|x| x.chord == chord) {
                let msg = format!(
                    "`{chord}` is bound twice in [{}]: first at line {} ({}), again here ({})",
                    mode.name(),
                    first.line,
                    first.action.name(),
                    action.name()
                );
                diags.push(at(e.on.span(), msg));
                continue;
            }
            let binding = Binding {
                chord,
                action,
                desc,
                path: path.to_path_buf(),
                line,
                col,
                layer,
            };
            entries.push(binding);
        }
        out.push((mode, entries));
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// Line starts of a file, so that locating each entry does not rescan the text.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            text,
            starts: starts.collect(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line, col + 1)
    }
}

/// `on = "j"` or `on = ["g", "g"]`.
fn chord(on: &toml::Value) -> Result<Chord, String> {
    let key = |v: &toml::Value| match v {
        toml::Value::String(s) => s.parse::<Key>().map_err(|e| e.to_string()),
        other => Err(format!(
            "a key is a string such as \"j\" or \"<C-d>\", not {}",
            other.type_str()
        )),
    };
    match on {
        toml::Value::Array(items) if items.is_empty() => Err("`on` needs at least one key".into()),
        toml::Value::Array(items) => items.iter().map(key).collect::<Result<_, _>>().map(Chord),
        single => key(single).map(|k| Chord(vec![k])),
    }
}

fn unknown_action(name: &str) -> String {
    // A name the user half remembers ("top") is often part of the real one ("go_to_top").
    let containing = Action::ALL
        .iter()
        .map(|a| a.name())
        .find(|n| name.len() >= 3 && n.contains(name));
    let close = || {
        Action::ALL
            .iter()
            .map(|a| (edit_distance(a.name(), name), a.name()))
            .min()
            .filter(|&(d, n)| d <= n.len() / 3)
            .map(|(_, n)| n)
    };
    match containing.or_else(close) {
        Some(near) => format!("unknown action `{name}` (did you mean `{near}`?)"),
        None => format!("unknown action `{name}`"),
    }
}

/// Levenshtein distance, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_agree_with_diag() {
        let text = "ab\nXiàgăng x\n\nlast";
        let lines = Lines::new(text);
        for (i, _) in text.char_indices() {
            assert_eq!(
                lines.line_col(i),
                crate::diag::line_col(text, i),
                "offset {i}"
            );
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("next_pasage", "next_passage"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn chord_accepts_string_or_list() {
        let v: toml::Value =
            toml::from_str::<toml::Table>("a = [\"g\", \"g\"]").unwrap()["a"].clone();
        assert_eq!(chord(&v).unwrap().to_string(), "g g");
        assert!(chord(&toml::Value::Array(vec![])).is_err());
        assert!(chord(&toml::Value::Integer(3)).is_err());
    }
}
