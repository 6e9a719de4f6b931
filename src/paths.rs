//! Where casebook keeps its files: the XDG data and config folders.
//!
//! `--data-dir` / `--config-dir` win; then `$XDG_DATA_HOME/casebook` and
//! `$XDG_CONFIG_HOME/casebook`; then `~/.local/share/casebook` and
//! `~/.config/casebook`. Relative XDG values are ignored, as the XDG spec asks.
//! The cache (the library's search index, which can always be rebuilt) is
//! `CASEBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/casebook`, else `~/.cache/casebook`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data: PathBuf,
    pub config: PathBuf,
    pub cache: PathBuf,
}

impl Paths {
    /// Resolves the folders from the command-line overrides and the process environment.
    pub fn resolve(data_dir: Option<&Path>, config_dir: Option<&Path>) -> Result<Paths, String> {
        Self::resolve_with(data_dir, config_dir, |name| std::env::var_os(name))
    }

    /// As [`Paths::resolve`], with the environment given as a lookup (for tests).
    pub fn resolve_with(
        data_dir: Option<&Path>,
        config_dir: Option<&Path>,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<Paths, String> {
        let data = pick(data_dir, &env, "XDG_DATA_HOME", ".local/share")?;
        let config = pick(config_dir, &env, "XDG_CONFIG_HOME", ".config")?;
        let cache_dir = env("CASEBOOK_CACHE_DIR").map(PathBuf::from);
        let cache = pick(cache_dir.as_deref(), &env, "XDG_CACHE_HOME", ".cache")?;
        Ok(Paths {
            data,
            config,
            cache,
        })
    }

    /// `<data>/notes`: one notes file per case study.
    pub fn notes_dir(&self) -> PathBuf {
        self.data.join("notes")
    }

    /// `<data>/drafts`: notes being edited when the program was stopped.
    pub fn drafts_dir(&self) -> PathBuf {
        self.data.join("drafts")
    }

    /// `<data>/library`: the default library folder.
    pub fn library_dir(&self) -> PathBuf {
        self.data.join("library")
    }
}

fn pick(
    given: Option<&Path>,
    env: &impl Fn(&str) -> Option<OsString>,
    xdg_var: &str,
    home_default: &str,
) -> Result<PathBuf, String> {
    if let Some(dir) = given {
        return Ok(dir.to_path_buf());
    }
    if let Some(base) = env(xdg_var).map(PathBuf::from) {
        if base.is_absolute() {
            return Ok(base.join("casebook"));
        }
    }
    match env("HOME").map(PathBuf::from) {
        Some(home) if home.is_absolute() => Ok(home.join(home_default).join("casebook")),
        _ => Err(format!(
            "cannot find a folder for casebook's files: set {xdg_var} or HOME, or pass the folder"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn overrides_win_over_environment() {
        let p = Paths::resolve_with(
            Some(Path::new("/d")),
            Some(Path::new("/c")),
            env(&[("XDG_DATA_HOME", "/x"), ("HOME", "/h")]),
        )
        .unwrap();
        assert_eq!(p.data, PathBuf::from("/d"));
        assert_eq!(p.config, PathBuf::from("/c"));
    }

    #[test]
    fn xdg_then_home() {
        let p = Paths::resolve_with(
            None,
            None,
            env(&[("XDG_DATA_HOME", "/x/data"), ("HOME", "/h")]),
        )
        .unwrap();
        assert_eq!(p.data, PathBuf::from("/x/data/casebook"));
        assert_eq!(p.config, PathBuf::from("/h/.config/casebook"));
        assert_eq!(p.notes_dir(), PathBuf::from("/x/data/casebook/notes"));
        assert_eq!(p.cache, PathBuf::from("/h/.cache/casebook"));
        assert_eq!(p.library_dir(), PathBuf::from("/x/data/casebook/library"));
    }

    #[test]
    fn relative_xdg_is_ignored_and_missing_home_is_an_error() {
        let p = Paths::resolve_with(None, None, env(&[("XDG_DATA_HOME", "rel"), ("HOME", "/h")]))
            .unwrap();
        assert_eq!(p.data, PathBuf::from("/h/.local/share/casebook"));
        assert!(Paths::resolve_with(None, None, env(&[])).is_err());
    }
}
