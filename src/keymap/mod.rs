//! Key maps: which key runs which [`Action`] in which [`Mode`].
//!
//! The built-in `keymaps/default.toml` is the base (compiled into a table by
//! `build.rs`, so start-up parses no TOML for it). A preset (`--keymap emacs`
//! or a file path) patches it per key, then the user's `<config>/keymap.toml`
//! patches the result; `run = "noop"` removes a binding. Help screens and
//! status-bar hints read the merged map through [`Keymap::bindings`] and
//! [`Keymap::hint`], so they always show the keys that really work.

mod action;
mod chord;
mod file;
mod help;
mod key;
mod resolve;

use std::path::{Path, PathBuf};

pub use action::{Action, Group};
pub use chord::Chord;
pub use help::HelpLine;
pub use key::{Key, KeyError};
pub use resolve::{KeyResolver, Resolution};

use crate::diag::Diagnostic;

/// Presets shipped inside the binary: name and file text.
const PRESETS: &[(&str, &str)] = &[
    ("default", include_str!("../../keymaps/default.toml")),
    ("emacs", include_str!("../../keymaps/emacs.toml")),
    ("less", include_str!("../../keymaps/less.toml")),
];

/// Where the keys go: one table per mode in key map files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Reader,
    Side,
    Search,
    Entities,
    Toc,
    Entity,
    Charts,
    Notes,
    Editor,
    Links,
    Peek,
    Help,
    Confirm,
    Select,
    CodePick,
    Codes,
    Marks,
    Warnings,
    Library,
}

impl Mode {
    pub const ALL: &'static [Mode] = &[
        Mode::Reader,
        Mode::Side,
        Mode::Search,
        Mode::Entities,
        Mode::Toc,
        Mode::Entity,
        Mode::Charts,
        Mode::Notes,
        Mode::Editor,
        Mode::Links,
        Mode::Peek,
        Mode::Help,
        Mode::Confirm,
        Mode::Select,
        Mode::CodePick,
        Mode::Codes,
        Mode::Marks,
        Mode::Warnings,
        Mode::Library,
    ];

    /// The table name in key map files.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Reader => "reader",
            Mode::Side => "side",
            Mode::Search => "search",
            Mode::Entities => "entities",
            Mode::Toc => "toc",
            Mode::Entity => "entity",
            Mode::Charts => "charts",
            Mode::Notes => "notes",
            Mode::Editor => "editor",
            Mode::Links => "links",
            Mode::Peek => "peek",
            Mode::Help => "help",
            Mode::Confirm => "confirm",
            Mode::Select => "select",
            Mode::CodePick => "code_pick",
            Mode::Codes => "codes",
            Mode::Marks => "marks",
            Mode::Warnings => "warnings",
            Mode::Library => "library",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.iter().copied().find(|m| m.name() == name)
    }

    /// Text modes have a text field: keys they do not bind are typed into it.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Mode::Search
                | Mode::Entities
                | Mode::Notes
                | Mode::Editor
                | Mode::CodePick
                | Mode::Marks
                | Mode::Library
        )
    }
}

/// One key (or chord) bound to an action, as the merged map holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub chord: Chord,
    pub action: Action,
    desc: Option<String>,
    /// The file that made this binding, for messages about it.
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    /// Index of the file in merge order (the built-in map is 0): later files win hints.
    layer: usize,
}

impl Binding {
    /// The file's `desc`, or the action's own description.
    pub fn desc(&self) -> &str {
        self.desc.as_deref().unwrap_or(self.action.description())
    }
}

/// What a key sequence means in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys start one or more chords; wait for more.
    Prefix,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Bindings per mode, indexed like [`Mode::ALL`], in file order.
    modes: Vec<Vec<Binding>>,
}

impl Keymap {
    /// The built-in key map alone.
    pub fn default_map() -> Keymap {
        Keymap {
            modes: file::built_in(&preset_path("default")),
        }
    }

    /// The built-in map, patched by `preset` (a preset name or a file path),
    /// then by `<config_dir>/keymap.toml` if that file exists.
    pub fn load(
        preset: Option<&str>,
        config_dir: Option<&Path>,
    ) -> Result<Keymap, Vec<Diagnostic>> {
        let mut sources: Vec<(PathBuf, String)> = Vec::new();
        match preset {
            None | Some("default") => {}
            Some(p) if p.contains(['/', '\\']) || p.ends_with(".toml") => {
                let path = Path::new(p);
                sources.push(read(path).map_err(|e| unreadable(path, &e))?);
            }
            Some(name) => {
                let Some(&(_, text)) = PRESETS.iter().find(|(n, _)| *n == name) else {
                    let known: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
                    let msg = format!(
                        "unknown key map `{name}`: use one of {} or a path to a .toml file",
                        known.join(", ")
                    );
                    return Err(vec![Diagnostic::error(Path::new(name), 0, 0, msg)]);
                };
                sources.push((preset_path(name), text.into()));
            }
        }
        if let Some(dir) = config_dir {
            let path = dir.join("keymap.toml");
            match read(&path) {
                Ok(source) => sources.push(source),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(unreadable(&path, &e)),
            }
        }
        let borrowed: Vec<(PathBuf, &str)> = sources
            .iter()
            .map(|(p, t)| (p.clone(), t.as_str()))
            .collect();
        let built_in = file::built_in(&preset_path("default"));
        file::merge(built_in, 1, &borrowed).map(|modes| Keymap { modes })
    }

    /// Merges key map files in order, each patching the ones before it.
    pub fn from_sources(sources: &[(PathBuf, &str)]) -> Result<Keymap, Vec<Diagnostic>> {
        file::merge(file::unbound(), 0, sources).map(|modes| Keymap { modes })
    }

    /// Names of the presets built into the binary.
    pub fn presets() -> impl Iterator<Item = &'static str> {
        PRESETS.iter().map(|(n, _)| *n)
    }

    /// Bindings of a mode in file order, for help screens.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = (&Chord, Action, &str)> {
        self.modes[mode as usize]
            .iter()
            .map(|b| (&b.chord, b.action, b.desc()))
    }

    /// A key bound to `action` in `mode`, in key notation, for hints like "Help [?]":
    /// the first one in the last file that binds it, so a user's own key is shown.
    pub fn hint(&self, mode: Mode, action: Action) -> Option<String> {
        let bound = self.modes[mode as usize]
            .iter()
            .filter(|b| b.action == action);
        let last = bound.clone().map(|b| b.layer).max()?;
        bound
            .clone()
            .find(|b| b.layer == last)
            .map(|b| b.chord.to_string())
    }

    /// What `keys` mean in `mode`.
    pub fn lookup(&self, mode: Mode, keys: &[Key]) -> Lookup {
        let mut prefix = false;
        for b in &self.modes[mode as usize] {
            if b.chord.keys() == keys {
                return Lookup::Action(b.action);
            }
            prefix |= b.chord.starts_with(keys);
        }
        if prefix {
            Lookup::Prefix
        } else {
            Lookup::None
        }
    }
}

fn preset_path(name: &str) -> PathBuf {
    PathBuf::from(format!("keymaps/{name}.toml"))
}

fn read(path: &Path) -> std::io::Result<(PathBuf, String)> {
    let bytes = crate::durable::read_limited(path, crate::durable::limits::TOML)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()))?;
    Ok((path.to_path_buf(), text))
}

fn unreadable(path: &Path, e: &std::io::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::error(
        path,
        0,
        0,
        format!("cannot read key map: {e}"),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_default_equals_a_parse_of_its_file() {
        let (name, text) = PRESETS[0];
        let parsed = Keymap::from_sources(&[(preset_path(name), text)]).unwrap();
        assert_eq!(Keymap::default_map(), parsed);
        assert_eq!(Keymap::load(None, None).unwrap(), parsed);
    }
}
