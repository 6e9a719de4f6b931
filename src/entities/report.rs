//! Entities for the command line: a table, JSON, and one entity's card.
//!
//! JSON offsets are in characters (what other tools count), spans in the
//! library are bytes. A mention in a passage carries `"passage": id`; one in
//! a footnote carries `"footnote": label` instead.

use serde_json::{json, Map, Value};

use super::catalog::{Catalog, Entity};
use super::kind::EntityKind;
use super::links::{Links, Mention, Place};
use crate::model::Document;

/// `{"passage": id}` or `{"footnote": label}`.
fn place_json(doc: &Document, place: Place) -> Map<String, Value> {
    let mut m = Map::new();
    match place {
        Place::Passage(p) => m.insert("passage".into(), json!(doc.passages[p].id)),
        Place::Footnote(f) => m.insert("footnote".into(), json!(doc.footnotes[f].label)),
    };
    m
}

fn mention_json(doc: &Document, m: &Mention) -> Value {
    let text = m.place.text(doc);
    let chars = m.char_span(doc);
    let mut v = place_json(doc, m.place);
    v.insert("start".into(), json!(chars.start));
    v.insert("end".into(), json!(chars.end));
    v.insert("text".into(), json!(&text[m.span.clone()]));
    Value::Object(v)
}

fn entity_json(doc: &Document, links: &Links, index: usize, e: &Entity) -> Value {
    let relations: Vec<Value> = e
        .relations
        .iter()
        .map(|r| json!({ "kind": r.kind, "target": r.target }))
        .collect();
    let mentions: Vec<Value> = links
        .mentions_of(index)
        .map(|m| mention_json(doc, &links.mention(m)))
        .collect();
    json!({
        "id": e.id,
        "kind": e.kind.as_str(),
        "name": e.name,
        "aliases": e.aliases,
        "description": e.description,
        "relations": relations,
        "mentions": mentions,
    })
}

fn selected<'c>(
    cat: &'c Catalog,
    kind: Option<&'c EntityKind>,
) -> impl Iterator<Item = (usize, &'c Entity)> {
    cat.entities
        .iter()
        .enumerate()
        .filter(move |(_, e)| kind.is_none_or(|k| &e.kind == k))
}

/// `casebook entities --json`: every entity (of `kind`) with its mentions.
pub fn entities_json(
    doc: &Document,
    cat: &Catalog,
    links: &Links,
    kind: Option<&EntityKind>,
) -> Value {
    Value::Array(
        selected(cat, kind)
            .map(|(i, e)| entity_json(doc, links, i, e))
            .collect(),
    )
}

/// `casebook entities`: one line per entity, most mentioned first.
pub fn entities_table(cat: &Catalog, links: &Links, kind: Option<&EntityKind>) -> String {
    let mut rows: Vec<(usize, &Entity)> = selected(cat, kind)
        .map(|(i, e)| (links.mentions_of(i).len(), e))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let id_width = rows
        .iter()
        .map(|(_, e)| e.id.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (n, e) in rows {
        out.push_str(&format!(
            "{n:>4}  {:<id_width$}  {:<12}  {}\n",
            e.id,
            e.kind.as_str(),
            e.name
        ));
    }
    out
}

/// Mentions, citations and their references, for `casebook export --format json`.
pub fn export_json(doc: &Document, cat: &Catalog, links: &Links) -> Value {
    let mentions: Vec<Value> = links
        .mentions()
        .map(|m| {
            let mut v = mention_json(doc, &m);
            if let Value::Object(o) = &mut v {
                o.insert("entity".into(), json!(cat.entities[m.entity].id));
            }
            v
        })
        .collect();
    let citations: Vec<Value> = links
        .citations
        .iter()
        .map(|c| {
            let mut v = place_json(doc, c.place);
            v.insert("text".into(), json!(c.text(doc)));
            v.insert(
                "reference".into(),
                json!(c.reference.map(|r| &doc.references[r].id)),
            );
            Value::Object(v)
        })
        .collect();
    json!({
        "entities": entities_json(doc, cat, links, None),
        "mentions": mentions,
        "citations": citations,
    })
}

/// About `width` characters of `text` either side of `span`, the match in «».
fn context(text: &str, span: std::ops::Range<usize>, width: usize) -> String {
    let before: String = text[..span.start]
        .chars()
        .rev()
        .take(width)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[span.end..].chars().take(width).collect();
    let lead = if before.len() < span.start { "…" } else { "" };
    let tail = if after.len() < text.len() - span.end {
        "…"
    } else {
        ""
    };
    format!(
        "{lead}{}«{}»{}{tail}",
        flat(&before),
        &text[span],
        flat(&after)
    )
}

/// Runs of whitespace (line breaks included) as one space.
fn flat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// The section path of a place: `3. Process … › (1) Foundation … › 1) Spin-Off …`.
fn section_heading(doc: &Document, place: Place) -> String {
    let passage = match place {
        Place::Passage(p) => Some(p),
        Place::Footnote(f) => doc.footnotes[f].passages.first().copied(),
    };
    let Some(section) = passage
        .map(|p| doc.passages[p].section)
        .filter(|&s| s < doc.sections.len())
    else {
        return "(no section)".to_string();
    };
    let path: Vec<String> = doc
        .section_path(section)
        .into_iter()
        .map(|s| doc.sections[s].heading())
        .collect();
    path.join(" › ")
}

/// `casebook show ENTITY`: description, relations both ways, mentions per
/// section and each mention in context.
pub fn card(doc: &Document, cat: &Catalog, links: &Links, entity: usize) -> String {
    let e = &cat.entities[entity];
    let mut out = format!("{} ({}, {})\n", e.name, e.id, e.kind);
    if !e.aliases.is_empty() {
        out.push_str(&format!("Also: {}\n", e.aliases.join(", ")));
    }
    out.push_str(&format!("\n{}\n", e.description));
    let name_of = |id: &str| {
        cat.get(id)
            .map_or_else(|| format!("{id} (unknown)"), |t| t.name.clone())
    };
    let incoming: Vec<(String, &str)> = cat
        .entities
        .iter()
        .flat_map(|o| {
            o.relations
                .iter()
                .filter(|r| r.target == e.id)
                .map(move |r| (o.name.clone(), r.kind.as_str()))
        })
        .collect();
    if !e.relations.is_empty() || !incoming.is_empty() {
        out.push_str("\nRelations:\n");
        for r in &e.relations {
            out.push_str(&format!("  {} → {}\n", r.kind, name_of(&r.target)));
        }
        for (name, kind) in incoming {
            out.push_str(&format!("  {name} {kind} → this\n"));
        }
    }
    let mentions = links.mentions_of(entity);
    out.push_str(&format!("\nMentions: {}\n", mentions.len()));
    let mut sections: Vec<(String, usize)> = Vec::new();
    for m in mentions.clone() {
        let heading = section_heading(doc, links.place_of(m));
        match sections.last_mut() {
            Some((h, n)) if *h == heading => *n += 1,
            _ => sections.push((heading, 1)),
        }
    }
    for (heading, n) in sections {
        out.push_str(&format!("  {n:>3}  {heading}\n"));
    }
    out.push('\n');
    for m in mentions.clone() {
        let m = links.mention(m);
        let label = match m.place {
            Place::Passage(p) => doc.passages[p].id.clone(),
            Place::Footnote(f) => format!("footnote {}", doc.footnotes[f].label),
        };
        out.push_str(&format!(
            "[{label}] {}\n",
            context(m.place.text(doc), m.span.clone(), 60)
        ));
    }
    out
}

/// A sequence serialized from an iterator, one element at a time (nothing
/// collected first). Serializes once.
pub struct Seq<I>(std::cell::RefCell<Option<I>>);

impl<I> Seq<I> {
    pub fn new(items: I) -> Seq<I> {
        Seq(std::cell::RefCell::new(Some(items)))
    }
}

impl<I, T> serde::Serialize for Seq<I>
where
    I: Iterator<Item = T>,
    T: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = self.0.borrow_mut().take();
        s.collect_seq(items.into_iter().flatten())
    }
}

/// [`export_json`] streamed: the same JSON, written a mention at a time.
pub struct ExportLinks<'a> {
    pub doc: &'a Document,
    pub cat: &'a Catalog,
    pub links: &'a Links,
}

impl serde::Serialize for ExportLinks<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (doc, cat, links) = (self.doc, self.cat, self.links);
        // Keys in the order serde_json's sorted maps gave them.
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry(
            "citations",
            &Seq::new(links.citations.iter().map(|c| {
                let mut v = place_json(doc, c.place);
                v.insert("text".into(), json!(c.text(doc)));
                v.insert(
                    "reference".into(),
                    json!(c.reference.map(|r| &doc.references[r].id)),
                );
                Value::Object(v)
            })),
        )?;
        map.serialize_entry(
            "entities",
            &Seq::new(cat.entities.iter().enumerate().map(|(index, e)| EntityOut {
                doc,
                links,
                index,
                e,
            })),
        )?;
        // "Figure 2" in the text, and the figure passage it points at.
        map.serialize_entry(
            "figure_links",
            &Seq::new(links.figure_links.iter().map(|l| {
                let mut v = place_json(doc, l.place);
                v.insert("text".into(), json!(&l.place.text(doc)[l.at.span.clone()]));
                v.insert(
                    "figure".into(),
                    json!(format!("{} {}", l.at.label.name(), l.at.number)),
                );
                v.insert(
                    "target".into(),
                    json!(l.figure.map(|f| &doc.passages[links.figures[f].passage].id)),
                );
                Value::Object(v)
            })),
        )?;
        map.serialize_entry(
            "figures",
            &Seq::new(
                links
                    .figures
                    .iter()
                    .map(|f| json!({ "name": f.name(), "passage": doc.passages[f.passage].id })),
            ),
        )?;
        map.serialize_entry(
            "mentions",
            &Seq::new(links.mentions().map(|m| {
                let mut v = mention_json(doc, &m);
                if let Value::Object(o) = &mut v {
                    o.insert("entity".into(), json!(cat.entities[m.entity].id));
                }
                v
            })),
        )?;
        map.end()
    }
}

struct EntityOut<'a> {
    doc: &'a Document,
    links: &'a Links,
    index: usize,
    e: &'a Entity,
}

impl serde::Serialize for EntityOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (doc, links, e) = (self.doc, self.links, self.e);
        let relations: Vec<Value> = e
            .relations
            .iter()
            .map(|r| json!({ "kind": r.kind, "target": r.target }))
            .collect();
        let mut map = s.serialize_map(Some(7))?;
        map.serialize_entry("aliases", &e.aliases)?;
        map.serialize_entry("description", &json!(e.description))?;
        map.serialize_entry("id", &e.id)?;
        map.serialize_entry("kind", e.kind.as_str())?;
        map.serialize_entry(
            "mentions",
            &Seq::new(
                links
                    .mentions_of(self.index)
                    .map(|m| mention_json(doc, &links.mention(m))),
            ),
        )?;
        map.serialize_entry("name", &e.name)?;
        map.serialize_entry("relations", &relations)?;
        map.end()
    }
}
