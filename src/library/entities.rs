//! Entities across the library: which entities of different case studies
//! are one, and which only look alike.
//!
//! Two entities are one when their case studies give them the same id, when
//! either names the other in `same_as = ["case:id"]`, or when both carry the
//! same Wikidata identifier. Entities of the same kind sharing a name or an
//! alias (ignoring case, accents and spacing) without any of these are
//! proposed, never merged: a Wang in Dalian is not the Wang in Shenzhen
//! until someone says so.

use std::collections::HashMap;

use serde::Serialize;

use super::summary::{CaseSummary, MentionAt};
use crate::search::normalize::fold;

/// One entity of the library, with every case study that mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibraryEntity {
    /// `case:id` of its first appearance: how commands name it unambiguously.
    pub key: String,
    pub name: String,
    pub kind: String,
    /// Mentions in all case studies.
    pub mentions: u32,
    pub cases: Vec<Appearance>,
    /// Why the appearances are one entity: `id`, `same_as`, `wikidata`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub because: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// The entity as one case study has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appearance {
    pub case: String,
    pub id: String,
    pub name: String,
    pub mentions: u32,
    /// Passages in the case study, for sparklines.
    pub passages_in_case: u32,
    pub passages: Vec<MentionAt>,
}

/// Two library entities that may be one: same kind, a shared name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub kind: String,
    pub name: String,
    /// Keys of the library entities.
    pub entities: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Gathered {
    pub entities: Vec<LibraryEntity>,
    pub candidates: Vec<Candidate>,
    /// `same_as` entries naming nothing in the library.
    pub dangling: Vec<String>,
}

/// Union-find over (case, entity) pairs.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
        a != b
    }
}

/// Joins the entities of the case studies into library entities, most
/// mentioned first, and lists the proposed matches.
pub fn gather(cases: &[CaseSummary]) -> Gathered {
    let nodes: Vec<(usize, usize)> = cases
        .iter()
        .enumerate()
        .flat_map(|(c, case)| (0..case.entities.len()).map(move |e| (c, e)))
        .collect();
    let entity = |n: usize| &cases[nodes[n].0].entities[nodes[n].1];
    let mut by_key: HashMap<(&str, &str), usize> = HashMap::new();
    for (n, &(c, _)) in nodes.iter().enumerate() {
        by_key.insert((cases[c].id.as_str(), entity(n).id.as_str()), n);
    }
    let mut sets = Sets((0..nodes.len()).collect());
    let mut reasons: Vec<(usize, &'static str)> = Vec::new();
    let mut dangling = Vec::new();
    let mut first: HashMap<(u8, String), usize> = HashMap::new();
    for n in 0..nodes.len() {
        let e = entity(n);
        let mut keys = vec![(0u8, e.id.clone())];
        if let Some(qid) = &e.wikidata {
            keys.push((1, qid.clone()));
        }
        for key in keys {
            let reason = if key.0 == 0 { "id" } else { "wikidata" };
            match first.get(&key) {
                Some(&m) => {
                    if sets.join(m, n) {
                        reasons.push((n, reason));
                    }
                }
                None => {
                    first.insert(key, n);
                }
            }
        }
        for other in &e.same_as {
            let target = other
                .split_once(':')
                .and_then(|(case, id)| by_key.get(&(case, id)));
            match target {
                Some(&m) => {
                    if sets.join(m, n) {
                        reasons.push((n, "same_as"));
                    }
                }
                None => dangling.push(format!(
                    "{}:{} same_as {other}: no such entity in the library",
                    cases[nodes[n].0].id, e.id
                )),
            }
        }
    }
    // Groups in order of their first node.
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for n in 0..nodes.len() {
        let root = sets.find(n);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(n);
    }
    let mut entities: Vec<LibraryEntity> = groups
        .iter()
        .map(|group| {
            let head = entity(group[0]);
            let mut because: Vec<String> = reasons
                .iter()
                .filter(|(n, _)| group.contains(n))
                .map(|(_, r)| r.to_string())
                .collect();
            because.sort();
            because.dedup();
            let cases: Vec<Appearance> = group
                .iter()
                .map(|&n| {
                    let (c, _) = nodes[n];
                    let e = entity(n);
                    Appearance {
                        case: cases[c].id.clone(),
                        id: e.id.clone(),
                        name: e.name.clone(),
                        mentions: e.mentions,
                        passages_in_case: cases[c].passages,
                        passages: e.passages.clone(),
                    }
                })
                .collect();
            LibraryEntity {
                key: format!("{}:{}", cases[0].case, head.id),
                name: head.name.clone(),
                kind: head.kind.clone(),
                mentions: cases.iter().map(|a| a.mentions).sum(),
                because,
                wikidata: group.iter().find_map(|&n| entity(n).wikidata.clone()),
                cases,
            }
        })
        .collect();
    let candidates = candidates(&groups, &entities, |n| entity(n));
    entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.key.cmp(&b.key)));
    Gathered {
        entities,
        candidates,
        dangling,
    }
}

/// Groups of the same kind sharing a folded name or alias.
fn candidates<'a>(
    groups: &[Vec<usize>],
    entities: &[LibraryEntity],
    entity: impl Fn(usize) -> &'a super::summary::EntitySummary,
) -> Vec<Candidate> {
    let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &n in group {
            let e = entity(n);
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let key = (e.kind.clone(), normal(name));
                let list = by_name.entry(key).or_default();
                if !list.contains(&g) {
                    list.push(g);
                }
            }
        }
    }
    let mut out: Vec<Candidate> = by_name
        .into_iter()
        .filter(|(_, groups)| groups.len() > 1)
        .map(|((kind, _), groups)| Candidate {
            kind,
            name: entities[groups[0]].name.clone(),
            entities: groups.iter().map(|&g| entities[g].key.clone()).collect(),
        })
        .collect();
    out.sort_by(|a, b| a.entities.cmp(&b.entities));
    out.dedup_by(|a, b| a.entities == b.entities);
    out
}

/// A name folded for comparison: case, accents and spacing aside.
fn normal(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Gathered {
    /// The library entity named by `case:id`, an id, a name or an alias
    /// (ignoring case): the most mentioned one when several share it.
    pub fn lookup(&self, query: &str) -> Option<&LibraryEntity> {
        let q = query.trim();
        if let Some((case, id)) = q.split_once(':') {
            if let Some(e) = self
                .entities
                .iter()
                .find(|e| e.cases.iter().any(|a| a.case == case && a.id == id))
            {
                return Some(e);
            }
        }
        let folded = normal(q);
        self.entities.iter().find(|e| {
            e.cases
                .iter()
                .any(|a| a.id == q || normal(&a.name) == folded)
        })
    }
}
