//! `casebook cite PASSAGE [--quote WORDS] [--format plain|bibtex|csl-json]`.

use super::args::{CiteArgs, CiteFormat};
use super::{Console, Failure};
use crate::cite::{self, CiteConfig, Place};
use crate::corpus::{self, Source};
use crate::paths::Paths;
use crate::term::sanitize;

pub fn run(
    args: &CiteArgs,
    source: &Source,
    paths: &Paths,
    console: &mut Console,
) -> Result<(), Failure> {
    let case = corpus::open(source)?;
    let doc = &case.doc;
    let index = doc.passage_index(&args.passage).ok_or_else(|| {
        Failure::usage(format!(
            "no passage {:?} in {}; `casebook search` shows passage ids",
            args.passage, case.meta.id
        ))
    })?;
    let text = &doc.passages[index].text;
    let quote = match &args.quote {
        None => text.as_str(),
        Some(words) => {
            let at = text.find(words.as_str()).ok_or_else(|| {
                Failure::usage(format!(
                    "passage {} does not contain {words:?}",
                    args.passage
                ))
            })?;
            &text[at..at + words.len()]
        }
    };
    let place = Place::of(&case.meta, doc, index);
    let out = match args.format {
        CiteFormat::Plain => {
            let template = match &args.template {
                Some(t) => {
                    cite::check_template(t)
                        .map_err(|e| Failure::usage(format!("--template: {e}")))?;
                    t.clone()
                }
                None => {
                    CiteConfig::load(&paths.config)
                        .map_err(Failure::because)?
                        .template
                }
            };
            cite::plain(place, quote, &template) + "\n"
        }
        CiteFormat::Bibtex => cite::bibtex(&case.meta, place.page),
        CiteFormat::CslJson => {
            let mut v = cite::csl(&case.meta, place.page);
            if args.quote.is_some() {
                v["note"] = serde_json::json!(quote);
            }
            serde_json::to_string_pretty(&serde_json::Value::Array(vec![v])).expect("serializes")
                + "\n"
        }
    };
    match &args.out {
        Some(path) => crate::durable::write_atomic(path, out.as_bytes(), None)
            .map_err(|e| Failure::because(format!("{}: cannot write: {e}", path.display()))),
        None if console.is_terminal() => console.print(&sanitize::lines(&out)),
        None => console.print(&out),
    }
}
