//! REFI-QDA projects (`.qdpx`), the exchange format NVivo, ATLAS.ti and
//! MAXQDA read and write: a zip holding `project.qde` (XML in the
//! `urn:QDA-XML:project:1.0` namespace) and the sources as plain text under
//! `Sources/`, named by `plainTextPath="internal://<guid>.txt"`.
//!
//! The paper is one `TextSource`: its passages joined by blank lines. Each
//! placed note becomes a `PlainTextSelection` whose `startPosition` and
//! `endPosition` count characters (Unicode code points) of that text, with
//! a `Coding` per code and a `NoteRef` to its text in `Notes`; tags go in
//! the selection's `Description`. Notes that cannot be placed are kept as
//! project notes. Reading takes selections back as quotes (with context),
//! which the caller re-anchors like imported Web Annotations.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Cursor, Read, Write};

use jiff::Timestamp;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::codebook::{Code, CodeBook, Colour};
use super::model::{clean_tags, Anchor, Note, Quote, Target, CONTEXT_CHARS};
use super::set::NoteSet;
use crate::model::{Document, Meta};

pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";
/// What separates passages in the exported source text.
pub const PASSAGE_BREAK: &str = "\n\n";
/// Selection descriptions holding tags start with this.
const TAGS_PREFIX: &str = "tags: ";
/// Largest `project.qde` or source text read from an archive.
const ENTRY_LIMIT: u64 = 1 << 30;

/// The paper as the project's plain-text source, and where each passage
/// starts in it (in characters).
pub fn source_text(doc: &Document) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(doc.passages.len());
    let mut chars = 0;
    for (i, p) in doc.passages.iter().enumerate() {
        if i > 0 {
            text.push_str(PASSAGE_BREAK);
            chars += PASSAGE_BREAK.len();
        }
        starts.push(chars);
        text.push_str(&p.text);
        chars += p.text.chars().count();
    }
    (text, starts)
}

/// A GUID derived from `seed`, so the same thing gets the same GUID in every export.
fn guid(seed: &str) -> String {
    let h = |salt: u64| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ salt;
        for b in seed.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h
    };
    let (a, b) = (h(0), h(0x9e37_79b9_7f4a_7c15));
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        a as u16,
        (b >> 48) as u16,
        b & 0xffff_ffff_ffff
    )
}

/// A note's id as a GUID: its own when it is a `urn:uuid:`.
fn note_guid(id: &str) -> String {
    match id.strip_prefix("urn:uuid:") {
        Some(g) if is_guid(g) => g.to_string(),
        _ => guid(id),
    }
}

fn is_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Text as XML character data or an attribute value; characters XML 1.0
/// cannot hold become U+FFFD.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn short(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 60 {
        flat
    } else {
        flat.chars().take(59).chain(['…']).collect()
    }
}

/// What an export holds, for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    pub selections: usize,
    pub codes: usize,
    /// Notes that could not be placed, kept as project notes.
    pub unplaced: usize,
}

/// The project as a `.qdpx` archive.
pub fn write(
    meta: &Meta,
    doc: &Document,
    notes: &[(&Note, &Anchor)],
    book: &CodeBook,
) -> std::io::Result<(Vec<u8>, Written)> {
    let (qde, source, written) = project(meta, doc, notes, book);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("project.qde", options)?;
    zip.write_all(qde.as_bytes())?;
    zip.start_file(format!("Sources/{}.txt", source.0), options)?;
    zip.write_all(source.1.as_bytes())?;
    Ok((zip.finish()?.into_inner(), written))
}

/// `project.qde` and the source (GUID, text).
pub fn project(
    meta: &Meta,
    doc: &Document,
    notes: &[(&Note, &Anchor)],
    book: &CodeBook,
) -> (String, (String, String), Written) {
    let (text, starts) = source_text(doc);
    let user = guid("casebook user");
    let source_guid = guid(&format!("source:{}", meta.id));
    let code_guid = |name: &str| guid(&format!("code:{}", crate::search::normalize::fold(name)));
    let now = Timestamp::now();

    // The book's codes, and any code a note applies that the book lacks.
    let mut codes: Vec<Code> = book.codes().to_vec();
    for (note, _) in notes {
        for name in &note.codes {
            if !codes.iter().any(|c| c.is(name)) {
                codes.push(Code::new(
                    name,
                    Colour::ALL[codes.len() % Colour::ALL.len()],
                ));
            }
        }
    }
    let mut written = Written {
        codes: codes.len(),
        ..Written::default()
    };

    let mut x = String::new();
    let _ = writeln!(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(
        x,
        "<Project xmlns=\"{NAMESPACE}\" name=\"{}\" origin=\"casebook {}\" creatingUserGUID=\"{user}\" creationDateTime=\"{now}\">",
        esc(&meta.title),
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        x,
        "  <Users><User guid=\"{user}\" name=\"casebook\"/></Users>"
    );
    if !codes.is_empty() {
        x.push_str("  <CodeBook>\n    <Codes>\n");
        let book = CodeBook::new(codes.clone());
        let roots: Vec<&Code> = codes
            .iter()
            .filter(|c| c.parent.as_deref().is_none_or(|p| book.get(p).is_none()))
            .collect();
        let mut done: Vec<String> = Vec::new();
        for root in roots {
            write_code(&mut x, &book, root, 3, &code_guid, &mut done);
        }
        x.push_str("    </Codes>\n  </CodeBook>\n");
    }
    let _ = writeln!(
        x,
        "  <Sources>\n    <TextSource guid=\"{source_guid}\" name=\"{}\" plainTextPath=\"internal://{source_guid}.txt\" creatingUser=\"{user}\" creationDateTime=\"{now}\">",
        esc(&meta.id)
    );
    let mut memos: Vec<(String, &Note)> = Vec::new();
    for (note, anchor) in notes {
        let (Some(p), Some(span)) = (anchor.passage(), anchor.span()) else {
            written.unplaced += 1;
            memos.push((guid(&format!("memo:{}", note.id)), note));
            continue;
        };
        let passage = &doc.passages[p].text;
        let start = starts[p] + passage[..span.start].chars().count();
        let end = start + passage[span.clone()].chars().count();
        let g = note_guid(&note.id);
        let _ = write!(
            x,
            "      <PlainTextSelection guid=\"{g}\" name=\"{}\" startPosition=\"{start}\" endPosition=\"{end}\" creatingUser=\"{user}\" creationDateTime=\"{}\" modifiedDateTime=\"{}\">",
            esc(&short(&passage[span])),
            note.created,
            note.modified
        );
        if !note.tags.is_empty() {
            let _ = write!(
                x,
                "<Description>{}</Description>",
                esc(&format!("{TAGS_PREFIX}{}", note.tags.join("; ")))
            );
        }
        for code in &note.codes {
            let _ = write!(
                x,
                "<Coding guid=\"{}\" creatingUser=\"{user}\"><CodeRef targetGUID=\"{}\"/></Coding>",
                guid(&format!("coding:{}:{code}", note.id)),
                code_guid(code)
            );
        }
        if !note.text.is_empty() {
            let memo = guid(&format!("memo:{}", note.id));
            let _ = write!(x, "<NoteRef targetGUID=\"{memo}\"/>");
            memos.push((memo, note));
        }
        x.push_str("</PlainTextSelection>\n");
        written.selections += 1;
    }
    x.push_str("    </TextSource>\n  </Sources>\n");
    if !memos.is_empty() {
        x.push_str("  <Notes>\n");
        for (g, note) in &memos {
            let body = if written_selection(note, notes) {
                note.text.clone()
            } else {
                // A note with no place keeps its quote with its text.
                format!(
                    "\u{201c}{}\u{201d}\n\n{}",
                    note.target.quote.exact, note.text
                )
            };
            let _ = writeln!(
                x,
                "    <Note guid=\"{g}\" name=\"{}\" creatingUser=\"{user}\" creationDateTime=\"{}\"><PlainTextContent>{}</PlainTextContent></Note>",
                esc(&short(&note.text)),
                note.created,
                esc(&body)
            );
        }
        x.push_str("  </Notes>\n");
    }
    x.push_str("</Project>\n");
    (x, (source_guid, text), written)
}

fn written_selection(note: &Note, notes: &[(&Note, &Anchor)]) -> bool {
    notes
        .iter()
        .any(|(n, a)| n.id == note.id && a.passage().is_some())
}

fn write_code(
    x: &mut String,
    book: &CodeBook,
    code: &Code,
    depth: usize,
    code_guid: &dyn Fn(&str) -> String,
    done: &mut Vec<String>,
) {
    if done.iter().any(|d| code.is(d)) {
        return; // a loop in a hand-edited book
    }
    done.push(code.name.clone());
    let pad = "  ".repeat(depth);
    let _ = write!(
        x,
        "{pad}<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\">",
        code_guid(&code.name),
        esc(&code.name),
        code.colour.rgb()
    );
    if !code.description.is_empty() {
        let _ = write!(x, "<Description>{}</Description>", esc(&code.description));
    }
    let children: Vec<&Code> = book
        .codes()
        .iter()
        .filter(|c| c.parent.as_deref().is_some_and(|p| code.is(p)))
        .collect();
    if children.is_empty() {
        x.push_str("</Code>\n");
        return;
    }
    x.push('\n');
    for child in children {
        write_code(x, book, child, depth + 1, code_guid, done);
    }
    let _ = writeln!(x, "{pad}</Code>");
}

/// What a project held: its codes (parents before children) and its
/// selections as quote-only notes, with problems found on the way.
#[derive(Debug, Default)]
pub struct Imported {
    pub codes: Vec<Code>,
    pub notes: NoteSet,
    /// Selections or notes skipped, each saying why.
    pub problems: Vec<String>,
}

#[derive(Debug, Default)]
struct Selection {
    guid: String,
    start: usize,
    end: usize,
    created: Option<Timestamp>,
    modified: Option<Timestamp>,
    description: String,
    codes: Vec<String>,
    notes: Vec<String>,
}

#[derive(Debug, Default)]
struct Source {
    name: String,
    path: Option<String>,
    content: Option<String>,
    selections: Vec<Selection>,
}

/// Reads a `.qdpx` archive. Errors say what is wrong with the file.
pub fn read(bytes: &[u8]) -> Result<Imported, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a REFI-QDA project (a zip archive): {e}"))?;
    let mut entries: HashMap<String, usize> = HashMap::new();
    for i in 0..zip.len() {
        if let Some(Ok(name)) = zip.name_for_index(i) {
            entries.insert(name.to_ascii_lowercase(), i);
        }
    }
    let mut entry = |name: &str| -> Result<Option<String>, String> {
        let Some(&i) = entries.get(&name.to_ascii_lowercase()) else {
            return Ok(None);
        };
        let file = zip.by_index(i).map_err(|e| format!("{name}: {e}"))?;
        let mut text = String::new();
        file.take(ENTRY_LIMIT)
            .read_to_string(&mut text)
            .map_err(|e| format!("{name}: cannot read as UTF-8 text: {e}"))?;
        Ok(Some(
            text.strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text),
        ))
    };
    let qde = entry("project.qde")?.ok_or("the archive has no project.qde")?;
    let (codes, sources, memos) = parse(&qde).map_err(|e| format!("project.qde: {e}"))?;

    let mut out = Imported::default();
    let names: HashMap<&str, &str> = codes
        .iter()
        .map(|(g, c)| (g.as_str(), c.name.as_str()))
        .collect();
    for source in sources {
        let text = match (&source.content, &source.path) {
            (Some(t), _) => t.clone(),
            (None, Some(path)) => {
                let file = path.strip_prefix("internal://").unwrap_or(path);
                let found = entry(&format!("Sources/{file}"))?.or(entry(file)?);
                match found {
                    Some(t) => t,
                    None => {
                        out.problems.push(format!(
                            "source {:?}: {path} is not in the archive; its {} selection(s) were skipped",
                            source.name,
                            source.selections.len()
                        ));
                        continue;
                    }
                }
            }
            (None, None) => {
                out.problems
                    .push(format!("source {:?} has no text", source.name));
                continue;
            }
        };
        let chars: Vec<char> = text.chars().collect();
        for sel in source.selections {
            if sel.start >= sel.end || sel.end > chars.len() {
                out.problems.push(format!(
                    "selection {}: positions {}..{} are outside source {:?} ({} characters)",
                    sel.guid,
                    sel.start,
                    sel.end,
                    source.name,
                    chars.len()
                ));
                continue;
            }
            let exact: String = chars[sel.start..sel.end].iter().collect();
            let before: String = chars[sel.start.saturating_sub(CONTEXT_CHARS)..sel.start]
                .iter()
                .collect();
            let after: String = chars[sel.end..(sel.end + CONTEXT_CHARS).min(chars.len())]
                .iter()
                .collect();
            // Context stops at a passage break: the next passage is not part of the quote's place.
            let prefix = before
                .rsplit(PASSAGE_BREAK)
                .next()
                .unwrap_or("")
                .to_string();
            let suffix = after.split(PASSAGE_BREAK).next().unwrap_or("").to_string();
            let mut note_codes = Vec::new();
            for g in &sel.codes {
                match names.get(g.as_str()) {
                    Some(n) => note_codes.push(n.to_string()),
                    None => out
                        .problems
                        .push(format!("selection {}: no code with GUID {g}", sel.guid)),
                }
            }
            let text: Vec<&str> = sel
                .notes
                .iter()
                .filter_map(|g| memos.get(g).map(String::as_str))
                .collect();
            let tags = sel
                .description
                .strip_prefix(TAGS_PREFIX)
                .map(|t| t.split("; ").map(str::to_string).collect())
                .unwrap_or_default();
            let modified = sel
                .modified
                .or(sel.created)
                .unwrap_or(Timestamp::UNIX_EPOCH);
            let mut note = Note {
                id: format!(
                    "urn:uuid:{}",
                    sel.guid.trim_matches(['{', '}']).to_ascii_lowercase()
                ),
                created: sel.created.unwrap_or(modified),
                modified,
                text: text.join("\n\n"),
                tags: clean_tags(tags),
                codes: clean_tags(note_codes),
                target: Target {
                    passage: None,
                    quote: Quote {
                        exact,
                        prefix,
                        suffix,
                    },
                    position: None,
                },
            };
            if note.text.is_empty() && !sel.description.is_empty() && note.tags.is_empty() {
                note.text = sel.description.clone();
            }
            out.notes.upsert(note);
        }
    }
    out.codes = codes.into_iter().map(|(_, c)| c).collect();
    Ok(out)
}

type Parsed = (Vec<(String, Code)>, Vec<Source>, HashMap<String, String>);

/// The codes (in document order, so parents come first), text sources and
/// notes (GUID to text) of `project.qde`.
fn parse(qde: &str) -> Result<Parsed, String> {
    let mut reader = Reader::from_str(qde);
    let mut codes: Vec<(String, Code)> = Vec::new();
    let mut code_stack: Vec<String> = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    let mut memos: HashMap<String, String> = HashMap::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut note_guid: Option<String> = None;
    let mut saw_project = false;
    loop {
        let at = reader.buffer_position() as usize;
        let where_ = |msg: String| {
            let (line, col) = crate::diag::line_col(qde, at.min(qde.len()));
            format!("line {line}, column {col}: {msg}")
        };
        let event = reader.read_event().map_err(|e| where_(e.to_string()))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_string();
                let attr = |key: &str| attribute(e, key);
                match name.as_str() {
                    "Project" => {
                        saw_project = true;
                        let ns = attribute(e, "xmlns");
                        if ns.as_deref().is_some_and(|n| n != NAMESPACE) {
                            return Err(where_(format!(
                                "the namespace is {:?}, not {NAMESPACE:?}",
                                ns.unwrap_or_default()
                            )));
                        }
                    }
                    "Code" if path.last().is_some_and(|p| p == "Codes" || p == "Code") => {
                        let g =
                            attr("guid").ok_or_else(|| where_("a Code without a guid".into()))?;
                        let n =
                            attr("name").ok_or_else(|| where_("a Code without a name".into()))?;
                        let mut code = Code::new(
                            &n,
                            attr("color")
                                .and_then(|c| Colour::nearest(&c))
                                .unwrap_or(Colour::ALL[codes.len() % 16]),
                        );
                        code.parent = code_stack.last().and_then(|pg| {
                            codes
                                .iter()
                                .find(|(g, _)| g == pg)
                                .map(|(_, c)| c.name.clone())
                        });
                        codes.push((g.clone(), code));
                        if !empty {
                            code_stack.push(g);
                        }
                    }
                    "TextSource" => sources.push(Source {
                        name: attr("name").unwrap_or_default(),
                        path: attr("plainTextPath"),
                        ..Source::default()
                    }),
                    "PlainTextSelection" => {
                        let num = |k: &str| -> Result<usize, String> {
                            attr(k).and_then(|v| v.trim().parse().ok()).ok_or_else(|| {
                                where_(format!("PlainTextSelection needs a whole-number {k}"))
                            })
                        };
                        let time = |k: &str| attr(k).and_then(|v| v.parse::<Timestamp>().ok());
                        let sel = Selection {
                            guid: attr("guid").ok_or_else(|| {
                                where_("a PlainTextSelection without a guid".into())
                            })?,
                            start: num("startPosition")?,
                            end: num("endPosition")?,
                            created: time("creationDateTime"),
                            modified: time("modifiedDateTime"),
                            ..Selection::default()
                        };
                        if let Some(s) = sources.last_mut() {
                            s.selections.push(sel);
                        }
                    }
                    "CodeRef" if path.iter().any(|p| p == "PlainTextSelection") => {
                        if let (Some(g), Some(sel)) = (
                            attr("targetGUID"),
                            sources.last_mut().and_then(|s| s.selections.last_mut()),
                        ) {
                            sel.codes.push(g);
                        }
                    }
                    "NoteRef" if path.last().is_some_and(|p| p == "PlainTextSelection") => {
                        if let (Some(g), Some(sel)) = (
                            attr("targetGUID"),
                            sources.last_mut().and_then(|s| s.selections.last_mut()),
                        ) {
                            sel.notes.push(g);
                        }
                    }
                    "Note" if path.last().is_some_and(|p| p == "Notes") => {
                        note_guid = attr("guid");
                    }
                    _ => {}
                }
                text.clear();
                if !empty {
                    path.push(name);
                }
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                match r.resolve_char_ref().map_err(|e| where_(e.to_string()))? {
                    Some(c) => text.push(c),
                    None => match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(s) => text.push_str(s),
                        None => return Err(where_(format!("unknown entity &{name};"))),
                    },
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                let parent = path.len().checked_sub(2).map(|i| path[i].as_str());
                match (name.as_str(), parent) {
                    ("Code", _) => {
                        code_stack.pop();
                    }
                    ("Description", Some("Code")) => {
                        if let Some((_, c)) = code_stack
                            .last()
                            .and_then(|g| codes.iter_mut().find(|(cg, _)| cg == g))
                        {
                            c.description = text.clone();
                        }
                    }
                    ("Description", Some("PlainTextSelection")) => {
                        if let Some(sel) = sources.last_mut().and_then(|s| s.selections.last_mut())
                        {
                            sel.description = text.clone();
                        }
                    }
                    ("PlainTextContent", Some("TextSource")) => {
                        if let Some(s) = sources.last_mut() {
                            s.content = Some(text.clone());
                        }
                    }
                    ("PlainTextContent", Some("Note")) => {
                        if let Some(g) = &note_guid {
                            memos.insert(g.clone(), text.clone());
                        }
                    }
                    _ => {}
                }
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_project {
        return Err("no Project element".into());
    }
    Ok((codes, sources, memos))
}

fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key || a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Explicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Damaged or hostile projects give an error or a result, never a panic.
        #[test]
        fn any_text_parses_or_fails_cleanly(tail in "[<>/=\"a-zA-Z0-9 &;#]{0,200}") {
            let qde = format!(
                "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><Sources><TextSource guid=\"s\"><PlainTextContent>abc</PlainTextContent><PlainTextSelection guid=\"g\" startPosition=\"1\" endPosition=\"2\">{tail}"
            );
            let _ = parse(&qde);
            let _ = read(qde.as_bytes());
        }
    }

    #[test]
    fn guids_have_the_schema_shape() {
        assert!(is_guid(&guid("x")));
        assert_ne!(guid("x"), guid("y"));
        assert_eq!(
            note_guid("urn:uuid:0123abcd-0000-8000-8000-000000000001"),
            "0123abcd-0000-8000-8000-000000000001"
        );
        assert!(is_guid(&note_guid("urn:casebook:import:12")));
        assert_eq!(esc("a<b>&\"\n\u{1}"), "a&lt;b&gt;&amp;&quot;&#10;\u{fffd}");
    }

    #[test]
    fn entities_and_nesting_are_read() {
        let qde = r##"<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">
<CodeBook><Codes><Code guid="a" name="A &amp; B" isCodable="true" color="#ff0000"><Description>x &lt; y</Description>
<Code guid="b" name="Child" isCodable="true"/></Code></Codes></CodeBook>
<Sources><TextSource guid="s" name="s"><PlainTextContent>one two three</PlainTextContent>
<PlainTextSelection guid="11111111-1111-1111-1111-111111111111" startPosition="4" endPosition="7"><Coding guid="c"><CodeRef targetGUID="b"/></Coding><NoteRef targetGUID="n"/></PlainTextSelection></TextSource></Sources>
<Notes><Note guid="n" name="n"><PlainTextContent>it&#39;s</PlainTextContent></Note></Notes></Project>"##;
        let (codes, sources, memos) = parse(qde).unwrap();
        assert_eq!(codes[0].1.name, "A & B");
        assert_eq!(codes[0].1.description, "x < y");
        assert_eq!(codes[1].1.parent.as_deref(), Some("A & B"));
        assert_eq!(sources[0].content.as_deref(), Some("one two three"));
        assert_eq!(sources[0].selections[0].codes, ["b"]);
        assert_eq!(memos["n"], "it's");
        let err = parse("<Project xmlns=\"urn:other\" name=\"p\"/>").unwrap_err();
        assert!(err.contains("namespace"), "{err}");
        let err = parse("<Project name=\"p\"><Sources><TextSource guid=\"s\"><PlainTextSelection guid=\"g\" startPosition=\"x\" endPosition=\"2\"/></TextSource></Sources></Project>").unwrap_err();
        assert!(
            err.contains("line 1") && err.contains("startPosition"),
            "{err}"
        );
    }
}
