//! The library: a folder of case-study folders, with the bundled case study
//! always in it, and what is known about all of them at once.
//!
//! The folders are the only copy of anything. What is derived from them (the
//! search index, entity summaries, counts) lives in the cache ([`index`])
//! and is rebuilt from the folders whenever it is missing, damaged or stale.

pub mod entities;
pub mod index;
pub mod search;
pub mod shelf;
pub mod summary;

use std::path::{Path, PathBuf};

use crate::corpus::{self, ids::slug, Source};
use crate::diag::Diagnostic;
use crate::durable;
use crate::model::Meta;
use crate::paths::Paths;

/// Where the library and its index are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    pub root: PathBuf,
    /// This library's part of the cache (one per library folder).
    pub cache: PathBuf,
}

/// One case study of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub meta: Meta,
    pub source: Source,
}

impl Member {
    pub fn id(&self) -> &str {
        &self.meta.id
    }
}

impl Library {
    /// `--library` / `CASEBOOK_LIBRARY` when given, else `<data>/library`.
    pub fn resolve(given: Option<&Path>, paths: &Paths) -> Library {
        let root = given.map_or_else(|| paths.library_dir(), Path::to_path_buf);
        Library::at(root, &paths.cache)
    }

    /// The library at `root`, its index kept under `cache_dir`. Two library
    /// folders never share an index: the cache is named after the folder.
    pub fn at(root: PathBuf, cache_dir: &Path) -> Library {
        let absolute = std::path::absolute(&root).unwrap_or_else(|_| root.clone());
        let hash = index::content_hash([absolute.as_os_str().as_encoded_bytes()]);
        let last = absolute.file_name().map(|n| slug(&n.to_string_lossy()));
        let name = format!("{}-{}", last.unwrap_or_default(), &hash[..16]);
        Library {
            cache: cache_dir.join("library").join(name),
            root,
        }
    }

    /// Every case study: the bundled one, then each folder of the library
    /// holding a `meta.toml`, by id. A folder whose `meta.toml` cannot be read,
    /// or whose id another already has, is reported and left out; a folder
    /// with the bundled case study's id takes its place.
    pub fn members(&self) -> (Vec<Member>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut members: Vec<Member> = Vec::new();
        let mut folders = match std::fs::read_dir(&self.root) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join("meta.toml").is_file())
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => {
                let message = format!("cannot read the library folder: {e}");
                diags.push(Diagnostic::error(&self.root, 0, 0, message));
                Vec::new()
            }
        };
        folders.sort();
        for dir in folders {
            let source = Source::Dir(dir);
            match corpus::read_meta(&source) {
                Ok(meta) => {
                    if let Some(first) = members.iter().find(|m| m.meta.id == meta.id) {
                        let Source::Dir(dir) = &source else { continue };
                        let message = format!(
                            "case study id `{}` is taken by {}; left out",
                            meta.id,
                            first.location().display()
                        );
                        diags.push(Diagnostic::warning(&dir.join("meta.toml"), 0, 0, message));
                    } else {
                        members.push(Member { meta, source });
                    }
                }
                Err(errors) => diags.extend(errors),
            }
        }
        if let Ok(bundled) = corpus::read_meta(&Source::Bundled) {
            if !members.iter().any(|m| m.meta.id == bundled.id) {
                members.push(Member {
                    meta: bundled,
                    source: Source::Bundled,
                });
            }
        }
        members.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        (members, diags)
    }

    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<Member> {
        self.members().0.into_iter().find(|m| m.meta.id == id)
    }

    /// The folder a new case study with this id goes into.
    pub fn folder_for(&self, id: &str) -> PathBuf {
        self.root.join(slug(id))
    }

    /// Copies the case-study folder `dir` into the library under its id,
    /// every file atomically. It must load without errors; an id already
    /// in the library is refused (remove it first).
    pub fn add(&self, dir: &Path) -> Result<Member, Vec<Diagnostic>> {
        let study = corpus::open(&Source::Dir(dir.to_path_buf()))?;
        let id = study.meta.id;
        if let Some(existing) = self.member(&id) {
            let message = format!(
                "the library already has a case study `{id}` ({}); remove it first",
                existing.location().display()
            );
            return Err(vec![Diagnostic::error(
                &dir.join("meta.toml"),
                0,
                0,
                message,
            )]);
        }
        let target = self.folder_for(&id);
        let cannot = |path: &Path, e: std::io::Error| {
            vec![Diagnostic::error(path, 0, 0, format!("cannot write: {e}"))]
        };
        std::fs::create_dir_all(&target).map_err(|e| cannot(&target, e))?;
        for name in corpus::FILES {
            let from = dir.join(name);
            let bytes = match durable::read_limited(&from, durable::limits::PAPER) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => {
                    return Err(vec![Diagnostic::error(
                        &from,
                        0,
                        0,
                        format!("cannot read: {e}"),
                    )])
                }
            };
            let to = target.join(name);
            durable::write_atomic(&to, &bytes, None).map_err(|e| cannot(&to, e))?;
        }
        durable::sync_dir(&self.root).map_err(|e| cannot(&self.root, e))?;
        let source = Source::Dir(target);
        let meta = corpus::read_meta(&source)?;
        Ok(Member { meta, source })
    }

    /// Takes a case study's folder out of the library. Its notes stay in the
    /// data folder; the bundled case study cannot be removed.
    pub fn remove(&self, id: &str) -> Result<PathBuf, String> {
        let member = self
            .member(id)
            .ok_or_else(|| format!("the library has no case study `{id}`"))?;
        let Source::Dir(dir) = member.source else {
            return Err(format!(
                "`{id}` is the bundled case study; it is always there"
            ));
        };
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
        durable::sync_dir(&self.root).map_err(|e| e.to_string())?;
        Ok(dir)
    }
}

impl Member {
    /// The folder, or the bundled case study's place in the source tree.
    pub fn location(&self) -> PathBuf {
        self.source.location()
    }
}
