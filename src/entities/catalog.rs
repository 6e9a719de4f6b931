//! The entity catalogue of a case study, read from `entities.toml`.
//!
//! ```toml
//! [[entity]]
//! id = "dhc"
//! kind = "firm"
//! name = "Dalian Hi-Think Computer Technology, Corp."
//! aliases = ["DHC", "Dalian Hi-Think Computer Technology"]
//! description = "Software firm spun off from the Dalian Information Center in 1996."
//! relations = [{ kind = "spun_off_from", target = "dalian-information-center" }]
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use serde::Deserialize;
use toml::Spanned;

use super::kind::EntityKind;
use crate::diag::{line_col, toml_error, Diagnostic};

/// A typed edge to another entity, as the paper states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// `founded_by`, `spun_off_from`, `predecessor_of`, `located_in`, ...
    pub kind: String,
    /// The id of the other entity.
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub description: String,
    pub relations: Vec<Relation>,
    /// The same entity in other case studies of the library: `case:entity-id`.
    pub same_as: Vec<String>,
    /// An identifier outside casebook (a Wikidata QID such as `Q95`): two
    /// case studies giving one entity the same identifier mean the same thing.
    pub wikidata: Option<String>,
}

impl Entity {
    /// The canonical name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Where an entity's parts sit in the file, for diagnostics found later.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Lines {
    entity: (usize, usize),
    aliases: Vec<(usize, usize)>,
    relations: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub entities: Vec<Entity>,
    path: PathBuf,
    ids: HashMap<String, usize>,
    lines: Vec<Lines>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    entity: Vec<RawEntity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: Spanned<String>,
    kind: Spanned<String>,
    name: String,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    relations: Vec<Spanned<RawRelation>>,
    #[serde(default)]
    same_as: Vec<Spanned<String>>,
    #[serde(default)]
    wikidata: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    kind: String,
    target: String,
}

impl Catalog {
    /// Parses `entities.toml`. Malformed TOML, unknown fields, duplicate ids,
    /// unknown kinds and empty names or aliases are errors; dangling relation targets are
    /// left to [`crate::entities::lint`] so one bad edge does not hide the file.
    pub fn parse(path: &Path, text: &str) -> Result<Catalog, Vec<Diagnostic>> {
        let raw: RawFile = toml::from_str(text).map_err(|e| vec![toml_error(path, text, &e)])?;
        // Line starts, found once: line_col from the top for every alias is quadratic.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let at = |span: std::ops::Range<usize>| {
            let line = starts.partition_point(|&s| s <= span.start);
            let (_, col) = line_col(&text[starts[line - 1]..], span.start - starts[line - 1]);
            (line, col)
        };
        let mut catalog = Catalog {
            path: path.to_path_buf(),
            ..Catalog::default()
        };
        let mut errors = Vec::new();
        for raw in raw.entity {
            let (line, col) = at(raw.id.span());
            let id = raw.id.into_inner();
            if id.trim().is_empty() {
                errors.push(Diagnostic::error(path, line, col, "entity id is empty"));
                continue;
            }
            let (kind_line, kind_col) = at(raw.kind.span());
            let kind = EntityKind::parse(raw.kind.get_ref());
            if kind.is_none() {
                let message = match raw.kind.get_ref().trim() {
                    "" => format!("entity `{id}` has an empty kind"),
                    other => format!(
                        "entity `{id}` has unknown kind `{other}`; expected one of {}",
                        EntityKind::expected()
                    ),
                };
                errors.push(Diagnostic::error(path, kind_line, kind_col, message));
            }
            if raw.name.trim().is_empty() {
                errors.push(Diagnostic::error(
                    path,
                    line,
                    col,
                    format!("entity `{id}` has an empty name"),
                ));
            }
            if let Some(first) = catalog.ids.get(&id) {
                let (fl, _) = catalog.lines[*first].entity;
                errors.push(Diagnostic::error(
                    path,
                    line,
                    col,
                    format!("duplicate entity id `{id}` (first defined on line {fl})"),
                ));
                continue;
            }
            let mut lines = Lines {
                entity: (line, col),
                ..Lines::default()
            };
            let mut aliases = Vec::new();
            for alias in raw.aliases {
                let (l, c) = at(alias.span());
                let alias = alias.into_inner();
                if alias.trim().is_empty() {
                    errors.push(Diagnostic::error(
                        path,
                        l,
                        c,
                        format!("entity `{id}` has an empty alias"),
                    ));
                    continue;
                }
                lines.aliases.push((l, c));
                aliases.push(alias);
            }
            let relations = raw
                .relations
                .into_iter()
                .map(|r| {
                    lines.relations.push(at(r.span()));
                    let r = r.into_inner();
                    Relation {
                        kind: r.kind,
                        target: r.target,
                    }
                })
                .collect();
            let mut same_as = Vec::new();
            for other in raw.same_as {
                let (l, c) = at(other.span());
                let other = other.into_inner();
                match other.split_once(':') {
                    Some((case, entity))
                        if !case.trim().is_empty() && !entity.trim().is_empty() =>
                    {
                        same_as.push(other)
                    }
                    _ => errors.push(Diagnostic::error(
                        path,
                        l,
                        c,
                        format!("entity `{id}`: same_as {other:?} is not `case-id:entity-id`"),
                    )),
                }
            }
            let wikidata = match raw.wikidata {
                Some(qid) => {
                    let (l, c) = at(qid.span());
                    let qid = qid.into_inner();
                    let valid = qid.len() > 1
                        && qid.starts_with('Q')
                        && qid[1..].bytes().all(|b| b.is_ascii_digit());
                    if !valid {
                        errors.push(Diagnostic::error(
                            path,
                            l,
                            c,
                            format!("entity `{id}`: wikidata {qid:?} is not a QID such as \"Q95\""),
                        ));
                    }
                    Some(qid)
                }
                None => None,
            };
            catalog.ids.insert(id.clone(), catalog.entities.len());
            catalog.lines.push(lines);
            catalog.entities.push(Entity {
                id,
                kind: kind.unwrap_or(EntityKind::Unknown),
                name: raw.name,
                aliases,
                description: raw.description,
                relations,
                same_as,
                wikidata,
            });
        }
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index(id).map(|i| &self.entities[i])
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Finds an entity by id, canonical name or alias (case-insensitive).
    pub fn lookup(&self, query: &str) -> Option<usize> {
        let q = query.trim();
        self.index(q).or_else(|| {
            self.entities
                .iter()
                .position(|e| e.names().any(|n| n.eq_ignore_ascii_case(q)))
        })
    }

    /// Up to `most` entities whose id, name or an alias comes closest to
    /// `query` (fuzzy, best first): what to offer when nothing is named exactly.
    pub fn closest(&self, query: &str, most: usize) -> Vec<&Entity> {
        let matcher = SkimMatcherV2::default().ignore_case();
        let query = query.trim();
        let mut scored: Vec<(i64, &Entity)> = self
            .entities
            .iter()
            .filter_map(|e| {
                let names = std::iter::once(e.id.as_str()).chain(e.names());
                let best = names.filter_map(|n| matcher.fuzzy_match(n, query)).max();
                best.map(|score| (score, e))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
        scored.into_iter().take(most).map(|(_, e)| e).collect()
    }

    /// Line and column of the entity's `id`, for diagnostics.
    pub fn entity_location(&self, entity: usize) -> (usize, usize) {
        self.lines[entity].entity
    }

    /// Line and column of alias `alias` of `entity`.
    pub fn alias_location(&self, entity: usize, alias: usize) -> (usize, usize) {
        self.lines[entity].aliases[alias]
    }

    /// Line and column of relation `relation` of `entity`.
    pub fn relation_location(&self, entity: usize, relation: usize) -> (usize, usize) {
        self.lines[entity].relations[relation]
    }
}
