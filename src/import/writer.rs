//! Writing a segmented paper as `paper.md` and its facts as `meta.toml`.

use std::fmt::Write;

use super::build::kind_suffix;
use crate::corpus::markdown::{inline, Context};
use crate::model::{Document, Footnote, Meta, Passage};

/// `paper.md`: headings with ids, passages under `<!-- passage ID -->` comments,
/// footnote definitions after the section that first cites them.
pub fn paper(doc: &Document, refs_section: Option<usize>) -> String {
    let mut out = String::new();
    let mut written = vec![false; doc.footnotes.len()];
    for (s, section) in doc.sections.iter().enumerate() {
        let hashes = "#".repeat(usize::from(section.level));
        let title = inline(&section.heading(), &[], &[], Context::Heading);
        let class = if Some(s) == refs_section {
            " .references"
        } else {
            ""
        };
        let _ = writeln!(out, "{hashes} {title} {{#{}{class}}}\n", section.id);
        let direct = doc
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.section == s);
        for (i, p) in direct {
            let page = doc
                .page(i)
                .filter(|l| !l.is_empty() && !l.contains(char::is_whitespace) && !l.contains("--"))
                .map(|l| format!(" page={l}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<!-- passage {}{}{page} -->\n{}\n",
                p.id,
                kind_suffix(p.kind),
                passage_markdown(doc, p)
            );
        }
        for r in doc.references.iter().filter(|_| Some(s) == refs_section) {
            let _ = writeln!(
                out,
                "- {}",
                inline(&r.text, &r.emphasis, &[], Context::Paragraph)
            );
        }
        if Some(s) == refs_section && !doc.references.is_empty() {
            out.push('\n');
        }
        for (f, note) in doc.footnotes.iter().enumerate() {
            let first = note.passages.first().map(|&p| doc.passages[p].section);
            if first == Some(s) && !written[f] {
                written[f] = true;
                out.push_str(&footnote_markdown(note));
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

pub fn passage_markdown(doc: &Document, p: &Passage) -> String {
    let notes: Vec<_> = p
        .footnote_refs
        .iter()
        .map(|r| (r.span.clone(), doc.footnotes[r.footnote].label.clone()))
        .collect();
    // A figure's caption and source lines stay lines: the loader reads the
    // line ends of a figure passage as line breaks.
    inline(&p.text, &p.emphasis, &notes, Context::Paragraph)
}

pub fn footnote_markdown(note: &Footnote) -> String {
    format!(
        "[^{}]: {}\n\n",
        note.label,
        inline(&note.text, &note.emphasis, &[], Context::Paragraph)
    )
}

pub fn meta(meta: &Meta) -> String {
    let mut out = String::new();
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    let _ = writeln!(out, "id = {}", q(&meta.id));
    let _ = writeln!(out, "title = {}", q(&meta.title));
    let authors: Vec<String> = meta.authors.iter().map(|a| q(a)).collect();
    let _ = writeln!(out, "authors = [{}]", authors.join(", "));
    match meta.year {
        Some(y) => {
            let _ = writeln!(out, "year = {y}");
        }
        None => out.push_str("# year = 2000\n"),
    }
    for (key, value) in [("series", &meta.series), ("source", &meta.source)] {
        match value {
            Some(v) => {
                let _ = writeln!(out, "{key} = {}", q(v));
            }
            None => {
                let _ = writeln!(out, "# {key} = \"\"");
            }
        }
    }
    out
}

/// A note whose place in the text changed because `paper.md` was replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteChange {
    pub id: String,
    pub quote: String,
    /// `anchored`, `drifted` or `orphaned`, before and after.
    pub before: &'static str,
    pub after: &'static str,
}

/// What [`install`] did.
#[derive(Debug, Default)]
pub struct Installed {
    pub written: Vec<std::path::PathBuf>,
    /// Hand-edited files left as they were (`meta.toml`, `entities.toml`).
    pub kept: Vec<std::path::PathBuf>,
    /// The previous `paper.md`, kept when it was replaced.
    pub backup: Option<std::path::PathBuf>,
    /// Notes whose state changed with the new text (only with a data folder).
    pub note_changes: Vec<NoteChange>,
}

/// Writes an imported paper into the case-study folder `out`, every file
/// atomically. An existing `paper.md` (whose passage ids the notes rely
/// on) is replaced only with `force`, and then kept as `paper.md.bak` (or
/// a timestamped `.bak-...`) first; the notes of the case study (in
/// `data_dir`, if given) are anchored in the old and the new text and
/// those whose state changed are returned. `meta.toml` and `entities.toml`
/// are edited by hand after an import: they are written only if missing.
pub fn install(
    imported: &super::Imported,
    out: &std::path::Path,
    force: bool,
    data_dir: Option<&std::path::Path>,
) -> Result<Installed, crate::diag::Diagnostic> {
    use crate::diag::Diagnostic;
    use crate::durable;
    let cannot = |path: &std::path::Path, e: std::io::Error| {
        Diagnostic::error(path, 0, 0, format!("cannot write: {e}"))
    };
    let paper_path = out.join("paper.md");
    let existing = durable::exists(&paper_path).map_err(|e| cannot(&paper_path, e))?;
    if existing && !force {
        return Err(Diagnostic::error(
            &paper_path,
            0,
            0,
            "a case study is already there; its notes rely on this paper's passage ids. \
             Pass --force to replace it (the old paper.md is kept as a backup)",
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| cannot(out, e))?;
    let mut done = Installed::default();
    let new_paper = imported.paper_md();
    let old_doc = if existing {
        let file = durable::open_regular(&paper_path, durable::limits::PAPER)
            .map_err(|e| Diagnostic::error(&paper_path, 0, 0, format!("cannot read: {e}")))?;
        let (doc, _) = crate::corpus::read_paper(&paper_path, std::io::BufReader::new(file));
        done.backup = Some(durable::backup(&paper_path).map_err(|e| cannot(&paper_path, e))?);
        doc
    } else {
        None
    };
    durable::write_atomic(&paper_path, new_paper.as_bytes(), None)
        .map_err(|e| cannot(&paper_path, e))?;
    done.written.push(paper_path.clone());
    for (name, text) in [
        ("meta.toml", imported.meta_toml()),
        ("entities.toml", imported.entities_toml()),
    ] {
        let path = out.join(name);
        match durable::create_new_durable(&path, text.as_bytes()) {
            Ok(()) => done.written.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => done.kept.push(path),
            Err(e) => return Err(cannot(&path, e)),
        }
    }
    if let (Some(old), Some(data)) = (old_doc, data_dir) {
        let case_id = std::fs::read_to_string(out.join("meta.toml"))
            .ok()
            .and_then(|t| crate::corpus::parse_meta(&out.join("meta.toml"), &t).ok())
            .map_or_else(|| imported.meta.id.clone(), |m| m.id);
        let (new, _) = crate::corpus::parse_paper(&paper_path, &new_paper);
        done.note_changes = note_changes(data, &case_id, &old, &new);
    }
    Ok(done)
}

/// Notes of `case_id` whose anchoring state differs between two texts.
pub fn note_changes(
    data_dir: &std::path::Path,
    case_id: &str,
    old: &Document,
    new: &Document,
) -> Vec<NoteChange> {
    let Ok(store) = crate::notes::NoteStore::new(data_dir, case_id) else {
        return Vec::new();
    };
    let Ok(loaded) = store.load() else {
        return Vec::new();
    };
    let (a, b) = (
        crate::notes::Anchorer::new(old),
        crate::notes::Anchorer::new(new),
    );
    loaded
        .set
        .notes()
        .into_iter()
        .filter_map(|n| {
            let (before, after) = (a.anchor(&n.target).state(), b.anchor(&n.target).state());
            (before != after).then(|| NoteChange {
                id: n.id.clone(),
                quote: n.target.quote.exact.clone(),
                before,
                after,
            })
        })
        .collect()
}

/// Prints what [`install`] did, one line each.
pub fn report(done: &Installed, err: &mut dyn std::io::Write) {
    use crate::term::sanitize::caret;
    for path in &done.kept {
        let _ = writeln!(err, "{}: kept the existing file", path.display());
    }
    if let Some(b) = &done.backup {
        let _ = writeln!(err, "the previous paper.md is kept as {}", b.display());
    }
    for c in &done.note_changes {
        let quote: String = c.quote.chars().take(60).collect();
        let _ = writeln!(
            err,
            "note {}: {} -> {} \u{201c}{}\u{201d}",
            c.id,
            c.before,
            c.after,
            caret(&quote)
        );
    }
    if !done.note_changes.is_empty() {
        let _ = writeln!(
            err,
            "{} note(s) changed state with the new text; see `casebook notes list`",
            done.note_changes.len()
        );
    }
}
