//! Citing the case study: a quotation with its author-year citation, and
//! the work (with the paper's own reference list) as BibTeX and CSL-JSON
//! for Zotero and pandoc.
//!
//! The plain form is a template (`cite.toml` in the configuration folder,
//! or `--template`): `{quote}`, `{authors}`, `{year}`, `{page}`, `{title}`
//! and `{passage}` are filled in; a part in `[...]` is kept only when every
//! field in it is known, so `[, p. {page}]` disappears without a page.

use std::path::Path;

use serde::Deserialize;
use serde_json::{json, Value};

use crate::model::{Document, Meta, Reference};
use crate::search::normalize::fold;

/// The default plain citation: `“quote” (Zhang & Kawabata, 2013, p. 12)`.
pub const DEFAULT_TEMPLATE: &str = "\u{201c}{quote}\u{201d} ({authors}, {year}[, p. {page}])";

/// How quotations are cited and copied (`cite.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CiteConfig {
    pub template: String,
    /// Whether the copy key may send the text to the terminal's clipboard
    /// (OSC 52). Off for terminals that show the sequence instead.
    pub clipboard: bool,
}

impl Default for CiteConfig {
    fn default() -> Self {
        CiteConfig {
            template: DEFAULT_TEMPLATE.to_string(),
            clipboard: true,
        }
    }
}

impl CiteConfig {
    pub const FILE: &'static str = "cite.toml";

    /// `<config>/cite.toml`, or the defaults when there is none. A file that
    /// cannot be read is an error naming it, line and column.
    pub fn load(config_dir: &Path) -> Result<CiteConfig, String> {
        let path = config_dir.join(Self::FILE);
        let bytes = match crate::durable::read_limited(&path, crate::durable::limits::TOML) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(CiteConfig::default()),
            Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
        };
        let text =
            String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
        let config: CiteConfig = toml::from_str(&text)
            .map_err(|e| crate::diag::toml_error(&path, &text, &e).to_string())?;
        check_template(&config.template)
            .map_err(|e| format!("{}: template: {e}", path.display()))?;
        Ok(config)
    }
}

/// Surnames as an author-year citation gives them: `Zhang`, `Zhang &
/// Kawabata`, `Zhang et al.`; a name written `Surname, Given` keeps its
/// first part.
pub fn authors_short(authors: &[String]) -> String {
    let surname = |a: &String| -> String {
        match a.split_once(',') {
            Some((family, _)) => family.trim().to_string(),
            None => a.split_whitespace().last().unwrap_or("").to_string(),
        }
    };
    match authors {
        [] => "Anon.".to_string(),
        [one] => surname(one),
        [a, b] => format!("{} & {}", surname(a), surname(b)),
        [a, ..] => format!("{} et al.", surname(a)),
    }
}

/// What a citation names: the work, and where in it.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub meta: &'a Meta,
    pub passage: &'a str,
    /// The page label the passage is on, when the source recorded pages.
    pub page: Option<&'a str>,
}

impl<'a> Place<'a> {
    /// The passage at `index` of `doc`.
    pub fn of(meta: &'a Meta, doc: &'a Document, index: usize) -> Place<'a> {
        Place {
            meta,
            passage: &doc.passages[index].id,
            page: doc.page(index),
        }
    }
}

/// The quotation with its citation, by `template`.
pub fn plain(place: Place<'_>, quote: &str, template: &str) -> String {
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let year = place
        .meta
        .year
        .map_or_else(|| "n.d.".to_string(), |y| y.to_string());
    let authors = authors_short(&place.meta.authors);
    let fields = [
        ("quote", Some(quote.as_str())),
        ("authors", Some(authors.as_str())),
        ("year", Some(year.as_str())),
        ("page", place.page),
        ("title", Some(place.meta.title.as_str())),
        ("passage", Some(place.passage)),
    ];
    fill(template, &fields)
}

type Fields<'a> = [(&'static str, Option<&'a str>)];

/// Checks a template: braces and brackets balanced, known fields only.
pub fn check_template(template: &str) -> Result<(), String> {
    let mut depth = 0;
    let mut rest = template;
    while let Some(at) = rest.find(['{', '[', ']']) {
        let c = rest.as_bytes()[at];
        rest = &rest[at + 1..];
        match c {
            b'[' if depth == 0 => depth = 1,
            b'[' => return Err("optional parts cannot nest".into()),
            b']' if depth == 1 => depth = 0,
            b']' => return Err("a ] without its [".into()),
            _ => {
                let end = rest.find('}').ok_or("a { without its }")?;
                let name = &rest[..end];
                if !["quote", "authors", "year", "page", "title", "passage"].contains(&name) {
                    return Err(format!(
                        "unknown field {{{name}}}; fields are {{quote}}, {{authors}}, {{year}}, \
                         {{page}}, {{title}} and {{passage}}"
                    ));
                }
                rest = &rest[end + 1..];
            }
        }
    }
    if depth != 0 {
        return Err("a [ without its ]".into());
    }
    Ok(())
}

fn fill(template: &str, fields: &Fields<'_>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']').unwrap_or(inner.len());
            if let Some(text) = fill_part(&inner[..end], fields, true) {
                out.push_str(&text);
            }
            rest = inner.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find('[').unwrap_or(rest.len());
            out.push_str(&fill_part(&rest[..end], fields, false).unwrap_or_default());
            rest = &rest[end..];
        }
    }
    out
}

/// The text with its fields filled; an unknown field is empty, or (when
/// `optional`) drops the whole part.
fn fill_part(text: &str, fields: &Fields<'_>, optional: bool) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let name = &rest[open + 1..close];
        match fields
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| *v)
        {
            Some(value) => out.push_str(value),
            None if optional => return None,
            None => {}
        }
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Some(out)
}

/// A citation key: first author's surname, year, first word of the title
/// (`zhang2013formation`), ASCII only.
pub fn key(meta: &Meta) -> String {
    let surname = authors_short(&meta.authors[..meta.authors.len().min(1)]);
    let word = meta
        .title
        .split_whitespace()
        .map(|w| {
            fold(w)
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
        })
        .find(|w| w.len() > 3 && !["the", "from", "with", "into"].contains(&w.as_str()))
        .unwrap_or_default();
    let year = meta.year.map(|y| y.to_string()).unwrap_or_default();
    format!("{}{year}{word}", fold(&surname))
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The case study as one BibTeX entry; with a page, citing that page.
pub fn bibtex(meta: &Meta, page: Option<&str>) -> String {
    let mut fields = vec![
        (
            "author",
            meta.authors
                .iter()
                .map(|a| bib(a))
                .collect::<Vec<_>>()
                .join(" and "),
        ),
        ("title", format!("{{{}}}", bib(&meta.title))),
    ];
    if let Some(y) = meta.year {
        fields.push(("year", y.to_string()));
    }
    if let Some(s) = &meta.series {
        fields.push(("type", bib(s)));
    }
    if let Some(s) = &meta.source {
        fields.push(("institution", bib(s)));
    }
    if let Some(p) = page {
        fields.push(("pages", bib(p)));
    }
    let kind = if meta.series.is_some() || meta.source.is_some() {
        "techreport"
    } else {
        "misc"
    };
    entry(kind, &key(meta), &fields)
}

/// One of the paper's references as BibTeX: the author as printed (kept
/// whole, as a literal name), the year, a title taken from the text after
/// the year, and the entry exactly as printed in `note`.
pub fn reference_bibtex(r: &Reference) -> String {
    let mut fields = vec![(
        "author",
        format!("{{{}}}", bib(r.author.trim_end_matches('.'))),
    )];
    if let Some(title) = reference_title(r) {
        fields.push(("title", bib(title)));
    }
    if let Some(y) = r.year {
        fields.push(("year", y.to_string()));
    }
    fields.push(("note", bib(&r.text)));
    entry("misc", &r.id, &fields)
}

fn entry(kind: &str, key: &str, fields: &[(&str, String)]) -> String {
    let mut out = format!("@{kind}{{{key},\n");
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n");
    out
}

/// Escapes what BibTeX treats specially; other text stays UTF-8.
fn bib(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// CSL-JSON for the case study; with a page, citing that page.
pub fn csl(meta: &Meta, page: Option<&str>) -> Value {
    let authors: Vec<Value> = meta
        .authors
        .iter()
        .map(|a| match a.rsplit_once(' ') {
            Some((given, family)) if !a.contains(',') => json!({"family": family, "given": given}),
            _ => match a.split_once(',') {
                Some((family, given)) => json!({"family": family.trim(), "given": given.trim()}),
                None => json!({"literal": a}),
            },
        })
        .collect();
    let mut v = json!({
        "id": key(meta),
        "type": "report",
        "title": meta.title,
        "author": authors,
    });
    if let Some(y) = meta.year {
        v["issued"] = json!({"date-parts": [[y]]});
    }
    if let Some(s) = &meta.series {
        v["collection-title"] = json!(s);
    }
    if let Some(s) = &meta.source {
        v["publisher"] = json!(s);
    }
    if let Some(p) = page {
        v["page"] = json!(p);
    }
    v
}

/// One of the paper's references as CSL-JSON (see [`reference_bibtex`]).
pub fn reference_csl(r: &Reference) -> Value {
    let mut v = json!({
        "id": r.id,
        "type": "document",
        "author": [{"literal": r.author.trim_end_matches('.')}],
        "note": r.text,
    });
    if let Some(title) = reference_title(r) {
        v["title"] = json!(title);
    }
    if let Some(y) = r.year {
        v["issued"] = json!({"date-parts": [[y]]});
    }
    v
}

/// The words after the year (or after the author when there is none) up
/// to the next comma or full stop: the title in the usual layouts.
fn reference_title(r: &Reference) -> Option<&str> {
    let after = match r.year {
        Some(y) => {
            let y = y.to_string();
            let at = r.text.find(&y)?;
            &r.text[at + y.len()..]
        }
        None => r.text.get(r.author.len()..)?,
    };
    // "2010a" names the second work of a year.
    let after = after
        .strip_prefix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(after);
    let after = after.trim_start_matches([')', ']', '.', ',', ':', ';', ' ']);
    let end = after
        .find([',', '<'])
        .into_iter()
        .chain(after.find(". "))
        .min()
        .unwrap_or(after.len());
    let title = after[..end].trim().trim_end_matches('.');
    (title.chars().count() >= 3).then_some(title)
}

/// The reference list: the case study itself, then the paper's references.
pub fn reference_list_bibtex(meta: &Meta, doc: &Document) -> String {
    let mut out = bibtex(meta, None);
    for r in &doc.references {
        out.push('\n');
        out.push_str(&reference_bibtex(r));
    }
    out
}

/// The reference list as a CSL-JSON array (see [`reference_list_bibtex`]).
pub fn reference_list_csl(meta: &Meta, doc: &Document) -> Value {
    let mut items = vec![csl(meta, None)];
    items.extend(doc.references.iter().map(reference_csl));
    Value::Array(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta {
            id: "dalian".into(),
            title: "The Formation of the Software Industry in Dalian".into(),
            authors: vec!["Yan Zhang".into(), "Nozomu Kawabata".into()],
            year: Some(2013),
            series: Some("Discussion Paper No.293".into()),
            source: Some("Tohoku University".into()),
        }
    }

    #[test]
    fn plain_citation_drops_parts_it_cannot_fill() {
        let m = meta();
        let at = |page| Place {
            meta: &m,
            passage: "p1",
            page,
        };
        assert_eq!(
            plain(at(Some("12")), "the  park\ngrew", DEFAULT_TEMPLATE),
            "\u{201c}the park grew\u{201d} (Zhang & Kawabata, 2013, p. 12)"
        );
        assert_eq!(
            plain(at(None), "x", DEFAULT_TEMPLATE),
            "\u{201c}x\u{201d} (Zhang & Kawabata, 2013)"
        );
        assert_eq!(
            plain(at(None), "x", "{authors} ({year}) [{passage}]"),
            "Zhang & Kawabata (2013) p1"
        );
        assert!(check_template("{quote} [{pgae}]")
            .unwrap_err()
            .contains("unknown field"));
        assert!(check_template("[a [b]]").is_err());
        assert_eq!(
            authors_short(&["Li, Wei".into(), "A B".into(), "C".into()]),
            "Li et al."
        );
    }

    #[test]
    fn bibtex_escapes_and_keys() {
        let mut m = meta();
        m.title = "R&D in 100% {Dalian}".into();
        let b = bibtex(&m, Some("12"));
        assert!(b.starts_with("@techreport{zhang2013dalian,\n"), "{b}");
        assert!(
            b.contains("title = {{R\\&D in 100\\% \\{Dalian\\}}}"),
            "{b}"
        );
        assert!(b.contains("pages = {12}"), "{b}");
        let c = csl(&meta(), Some("12"));
        assert_eq!(c["author"][0]["family"], "Zhang");
        assert_eq!(c["issued"]["date-parts"][0][0], 2013);
    }

    #[test]
    fn reference_titles_follow_the_year() {
        let r = Reference {
            id: "gao-2008".into(),
            text: "Gao, L. (2008), Beyond Made in China, Beijing: Citic Press.".into(),
            author: "Gao, L.".into(),
            year: Some(2008),
            emphasis: vec![],
            line: 1,
        };
        assert_eq!(reference_title(&r), Some("Beyond Made in China"));
        assert!(reference_bibtex(&r).contains("note = {Gao, L. (2008), Beyond Made in China"));
    }
}
