//! What the library knows of one case study without opening it: its facts,
//! counts and entities with where each is mentioned. Made when the case
//! study is indexed, kept in the cache beside the index.

use serde::{Deserialize, Serialize};

use crate::corpus::CaseStudy;
use crate::entities::{case, Catalog, Links, Place};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<i32>,
    pub passages: u32,
    pub sections: u32,
    /// Bytes of passage text: what "MB of paper text" counts.
    pub text_bytes: u64,
    pub entities: Vec<EntitySummary>,
}

/// An entity of one case study and where that case study mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySummary {
    pub id: String,
    /// The kind's short name (`firm`, `person`, ...).
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Every mention.
    pub mentions: u32,
    /// Passages mentioning it, in reading order, with how often.
    pub passages: Vec<MentionAt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionAt {
    pub passage: String,
    /// The passage's place in the paper, for sparklines.
    pub index: u32,
    pub count: u32,
    /// The passage's words around its first mention, to show with it.
    pub snippet: String,
}

/// Characters of a mention's snippet before the mention, and in all.
const BEFORE: usize = 30;
const SNIPPET: usize = 100;

/// About [`SNIPPET`] characters of `text` from a little before `at`.
fn snippet(text: &str, at: usize) -> String {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let words: String = text[start..].chars().take(SNIPPET).collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    match start {
        0 => words,
        _ => format!("…{words}"),
    }
}

impl CaseSummary {
    /// Summarises a loaded case study; a catalogue that does not parse
    /// gives no entities (`casebook check` says why).
    pub fn of(study: &CaseStudy) -> CaseSummary {
        let (catalog, links) = case::linked(study);
        CaseSummary {
            id: study.meta.id.clone(),
            title: study.meta.title.clone(),
            authors: study.meta.authors.clone(),
            year: study.meta.year,
            passages: study.doc.passages.len() as u32,
            sections: study.doc.sections.len() as u32,
            text_bytes: study.doc.passages.iter().map(|p| p.text.len() as u64).sum(),
            entities: entities(study, &catalog, &links),
        }
    }

    pub fn entity(&self, id: &str) -> Option<&EntitySummary> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Mentions of all entities.
    pub fn mentions(&self) -> u32 {
        self.entities.iter().map(|e| e.mentions).sum()
    }
}

fn entities(study: &CaseStudy, catalog: &Catalog, links: &Links) -> Vec<EntitySummary> {
    catalog
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mentions = links.mentions_of(i);
            let mut passages: Vec<MentionAt> = Vec::new();
            for m in mentions.clone() {
                let Place::Passage(p) = links.place_of(m) else {
                    continue;
                };
                match passages.last_mut() {
                    Some(last) if last.index == p as u32 => last.count += 1,
                    _ => passages.push(MentionAt {
                        passage: study.doc.passages[p].id.clone(),
                        index: p as u32,
                        count: 1,
                        snippet: snippet(&study.doc.passages[p].text, links.mention(m).span.start),
                    }),
                }
            }
            EntitySummary {
                id: e.id.clone(),
                kind: e.kind.short().to_string(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                same_as: e.same_as.clone(),
                wikidata: e.wikidata.clone(),
                mentions: mentions.len() as u32,
                passages,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn a_snippet_starts_a_little_before_the_mention_on_a_character_boundary() {
        let text = "Früher gründete die Stadt viele Firmen; später kam Neusoft Group dazu.";
        let at = text.find("Neusoft").unwrap();
        let s = snippet(text, at);
        assert!(
            s.starts_with('…') && s.contains("Neusoft Group dazu."),
            "{s}"
        );
        assert_eq!(snippet("Neusoft Group", 0), "Neusoft Group");
        // A position inside a character does not split it.
        assert!(snippet(text, 2).starts_with("Fr"));
    }
}
