//! The library's index on disk, in the cache: a tantivy index of every
//! case study's passages, sections, footnotes, references and entities, a
//! manifest of what was indexed (each case study's file stamps and content
//! hash), and a summary per case study ([`CaseSummary`]).
//!
//! Opening it compares the manifest with the library's folders: a case study
//! whose files changed (size or time, then confirmed by content hash) is
//! indexed again, a new one added, a removed one dropped. An index that is
//! missing, of another version or damaged is rebuilt from the folders, with
//! a message; it is a cache and never the only copy of anything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{doc, Index, IndexReader, IndexWriter, TantivyDocument, Term};

use super::summary::CaseSummary;
use super::{Library, Member};
use crate::corpus::{self, Source};
use crate::diag::Diagnostic;
use crate::durable;
use crate::entities::case;
use crate::search::adapters::{docs_from_catalog, docs_from_document};

/// Changes whenever what is indexed, or how, changes: an index of another
/// version is rebuilt.
const VERSION: u32 = 2;
/// The analyzer of every text field: words split at anything not a letter
/// or digit, lower-cased, accents folded (`Lùka` is `luka`).
pub const FOLD: &str = "casebook_fold";
/// Memory tantivy may fill before writing a segment, per indexing thread.
const WRITER_MEMORY: usize = 48 << 20;

/// A SHA-256 of the parts, in hex.
pub fn content_hash<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fields of an indexed document.
#[derive(Clone, Copy)]
pub struct Fields {
    pub case: tantivy::schema::Field,
    pub kind: tantivy::schema::Field,
    pub subkind: tantivy::schema::Field,
    pub id: tantivy::schema::Field,
    pub title: tantivy::schema::Field,
    pub names: tantivy::schema::Field,
    pub text: tantivy::schema::Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let folded = TextFieldIndexing::default()
        .set_tokenizer(FOLD)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(folded);
    let fields = Fields {
        case: b.add_text_field("case", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        subkind: b.add_text_field("subkind", STRING | STORED),
        id: b.add_text_field("id", STORED),
        title: b.add_text_field("title", STORED),
        names: b.add_text_field("names", text.clone() | STORED),
        text: b.add_text_field("text", text | STORED),
    };
    (b.build(), fields)
}

pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// What is recorded of one indexed case study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Size and modification time of each of the case study's files.
    pub stamp: Vec<(u64, u128)>,
    pub hash: String,
    pub location: PathBuf,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<i32>,
    pub passages: u32,
    pub entities: u32,
    pub mentions: u32,
    pub text_bytes: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Manifest {
    version: u32,
    cases: BTreeMap<String, Record>,
}

/// How far indexing has come, for a progress bar or the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub bytes: u64,
}

/// What opening (or reindexing) did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Why the whole index was built anew, if it was.
    pub rebuilt: Option<String>,
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub removed: Vec<String>,
    /// Case studies that could not be indexed, and why; they are tried again next time.
    pub failed: Vec<Diagnostic>,
    /// Bytes of passage text indexed.
    pub bytes: u64,
}

impl Changes {
    pub fn is_quiet(&self) -> bool {
        self.rebuilt.is_none()
            && self.added.is_empty()
            && self.updated.is_empty()
            && self.removed.is_empty()
            && self.failed.is_empty()
    }
}

pub struct LibraryIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    pub fields: Fields,
    manifest: Manifest,
}

impl LibraryIndex {
    /// Opens the library's index and brings it up to date with `members`.
    pub fn open(
        library: &Library,
        members: &[Member],
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(LibraryIndex, Changes), String> {
        Self::open_with(library, members, false, progress)
    }

    /// As [`LibraryIndex::open`]; `rebuild` throws the index away first.
    pub fn open_with(
        library: &Library,
        members: &[Member],
        rebuild: bool,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(LibraryIndex, Changes), String> {
        let dir = &library.cache;
        let mut changes = Changes::default();
        let existing = if rebuild {
            changes.rebuilt = Some("rebuilt as asked".into());
            None
        } else {
            match Self::open_existing(dir) {
                Ok(Some(index)) => Some(index),
                Ok(None) => {
                    changes.rebuilt = Some("no library index yet; building it".into());
                    None
                }
                Err(why) => {
                    changes.rebuilt = Some(format!(
                        "the library index in {} is damaged ({why}); rebuilding it",
                        dir.display()
                    ));
                    None
                }
            }
        };
        let mut index = match existing {
            Some(index) => index,
            None => {
                Self::create(dir).map_err(|e| format!("cannot build the library index: {e}"))?
            }
        };
        index.refresh(members, &mut changes, progress)?;
        Ok((index, changes))
    }

    fn open_existing(dir: &Path) -> Result<Option<LibraryIndex>, String> {
        let manifest_path = dir.join("manifest.json");
        let bytes = match durable::read_limited(&manifest_path, durable::limits::NOTES) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.to_string()),
        };
        let manifest: Manifest =
            serde_json::from_slice(&bytes).map_err(|e| format!("manifest.json: {e}"))?;
        if manifest.version != VERSION {
            return Err(format!(
                "version {} where {VERSION} is expected",
                manifest.version
            ));
        }
        let index = Index::open_in_dir(dir.join("tantivy")).map_err(|e| e.to_string())?;
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err("its fields are not the expected ones".into());
        }
        index.tokenizers().register(FOLD, analyzer());
        let reader = index.reader().map_err(|e| e.to_string())?;
        // Reading every segment's term dictionary catches truncated files now
        // rather than at the first search.
        let searcher = reader.searcher();
        for segment in searcher.segment_readers() {
            segment
                .inverted_index(fields.text)
                .map_err(|e| e.to_string())?;
            segment.get_store_reader(0).map_err(|e| e.to_string())?;
        }
        Ok(Some(LibraryIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            manifest,
        }))
    }

    fn create(dir: &Path) -> std::io::Result<LibraryIndex> {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        let tantivy_dir = dir.join("tantivy");
        std::fs::create_dir_all(&tantivy_dir)?;
        std::fs::create_dir_all(dir.join("cases"))?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(&tantivy_dir, schema).map_err(std::io::Error::other)?;
        index.tokenizers().register(FOLD, analyzer());
        let reader = index.reader().map_err(std::io::Error::other)?;
        Ok(LibraryIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            manifest: Manifest {
                version: VERSION,
                cases: BTreeMap::new(),
            },
        })
    }

    /// Indexes what changed since the manifest was written.
    fn refresh(
        &mut self,
        members: &[Member],
        changes: &mut Changes,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(), String> {
        let mut todo: Vec<(&Member, Stamp, String)> = Vec::new();
        for member in members {
            let stamp = stamp(&member.source);
            let known = self.manifest.cases.get(member.id());
            if known.is_some_and(|r| r.stamp == stamp && r.location == member.location()) {
                continue;
            }
            let hash = match hash(&member.source) {
                Ok(hash) => hash,
                Err(d) => {
                    changes.failed.push(d);
                    continue;
                }
            };
            match self.manifest.cases.get_mut(member.id()) {
                Some(record) if record.hash == hash && record.location == member.location() => {
                    // Touched, not changed: remember the new stamp only.
                    record.stamp = stamp;
                }
                Some(_) => {
                    changes.updated.push(member.id().to_string());
                    todo.push((member, stamp, hash));
                }
                None => {
                    changes.added.push(member.id().to_string());
                    todo.push((member, stamp, hash));
                }
            }
        }
        let gone: Vec<String> = self
            .manifest
            .cases
            .keys()
            .filter(|id| !members.iter().any(|m| m.id() == id.as_str()))
            .cloned()
            .collect();
        if todo.is_empty() && gone.is_empty() {
            return self.save_manifest();
        }
        let threads = if todo.len() > 1 { 2 } else { 1 };
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer_with_num_threads(threads, threads * WRITER_MEMORY)
            .map_err(|e| format!("cannot write the library index: {e}"))?;
        for id in &gone {
            writer.delete_term(Term::from_field_text(self.fields.case, id));
            self.manifest.cases.remove(id);
            let _ = std::fs::remove_file(self.summary_path(id));
        }
        changes.removed = gone;
        let total = todo.len();
        let next = AtomicUsize::new(0);
        let (send, receive) = mpsc::channel();
        let fields = self.fields;
        std::thread::scope(|scope| -> Result<(), String> {
            for _ in 0..threads {
                let send = send.clone();
                let (writer, next, todo) = (&writer, &next, &todo);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((member, _, _)) = todo.get(i) else {
                        break;
                    };
                    let result = index_case(writer, fields, member);
                    if send.send((i, result)).is_err() {
                        break;
                    }
                });
            }
            drop(send);
            for (done, (i, result)) in receive.into_iter().enumerate() {
                let (member, stamp, hash) = &todo[i];
                match result {
                    Ok(summary) => {
                        changes.bytes += summary.text_bytes;
                        self.write_summary(&summary)?;
                        self.manifest.cases.insert(
                            member.id().to_string(),
                            Record {
                                stamp: stamp.clone(),
                                hash: hash.clone(),
                                location: member.location(),
                                title: summary.title,
                                authors: summary.authors,
                                year: summary.year,
                                passages: summary.passages,
                                entities: summary.entities.len() as u32,
                                mentions: summary.entities.iter().map(|e| e.mentions).sum(),
                                text_bytes: summary.text_bytes,
                            },
                        );
                    }
                    Err(diags) => {
                        // Left out of the manifest, so it is tried again next time.
                        self.manifest.cases.remove(member.id());
                        changes.failed.extend(diags);
                    }
                }
                progress(Progress {
                    done: done + 1,
                    total,
                    bytes: changes.bytes,
                });
            }
            Ok(())
        })?;
        writer
            .commit()
            .map_err(|e| format!("cannot write the library index: {e}"))?;
        writer
            .wait_merging_threads()
            .map_err(|e| format!("cannot write the library index: {e}"))?;
        self.reader
            .reload()
            .map_err(|e| format!("cannot read the library index: {e}"))?;
        // Written after the commit: a crash in between leaves stamps older
        // than the index, and the next start indexes those case studies again.
        self.save_manifest()
    }

    fn save_manifest(&self) -> Result<(), String> {
        let path = self.dir.join("manifest.json");
        let bytes = serde_json::to_vec(&self.manifest).expect("the manifest serializes");
        durable::write_atomic(&path, &bytes, None)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    fn summary_path(&self, id: &str) -> PathBuf {
        let name = content_hash([id.as_bytes()]);
        self.dir.join("cases").join(format!("{}.json", &name[..32]))
    }

    fn write_summary(&self, summary: &CaseSummary) -> Result<(), String> {
        let path = self.summary_path(&summary.id);
        let bytes = serde_json::to_vec(summary).expect("summaries serialize");
        durable::write_atomic(&path, &bytes, None)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// The summary of an indexed case study (`None` when it is not indexed
    /// or its summary cannot be read: reindexing restores it).
    pub fn summary(&self, id: &str) -> Option<CaseSummary> {
        self.manifest.cases.get(id)?;
        let bytes = durable::read_limited(&self.summary_path(id), durable::limits::NOTES).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Every indexed case study's record, by id.
    pub fn records(&self) -> impl Iterator<Item = (&str, &Record)> {
        self.manifest.cases.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn record(&self, id: &str) -> Option<&Record> {
        self.manifest.cases.get(id)
    }

    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Size and modification time (ns) of each of a case study's files.
type Stamp = Vec<(u64, u128)>;

/// Sizes and modification times of a case study's files: unchanged stamps
/// mean an unchanged case study, so a start reads no paper. The bundled
/// case study is stamped by its content's length (it changes only with the
/// program, and its hash is checked then).
fn stamp(source: &Source) -> Stamp {
    corpus::FILES
        .iter()
        .map(|name| match source {
            Source::Bundled => (corpus::bundled(name).map_or(0, |t| t.len() as u64), 0),
            Source::Dir(dir) => std::fs::metadata(dir.join(name)).map_or((0, 0), |m| {
                let time = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), time)
            }),
        })
        .collect()
}

/// The hash of a case study's files' contents.
fn hash(source: &Source) -> Result<String, Diagnostic> {
    let mut parts: Vec<Vec<u8>> = Vec::new();
    for name in corpus::FILES {
        parts.push(match source {
            Source::Bundled => corpus::bundled(name).unwrap_or("").as_bytes().to_vec(),
            Source::Dir(dir) => {
                let path = dir.join(name);
                match durable::read_limited(&path, durable::limits::PAPER) {
                    Ok(bytes) => bytes,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                    Err(e) => {
                        return Err(Diagnostic::error(&path, 0, 0, format!("cannot read: {e}")))
                    }
                }
            }
        });
    }
    Ok(content_hash(parts.iter().map(Vec::as_slice)))
}

/// Loads one case study and adds its documents, replacing any it had.
fn index_case(
    writer: &IndexWriter<TantivyDocument>,
    f: Fields,
    member: &Member,
) -> Result<CaseSummary, Vec<Diagnostic>> {
    let study = corpus::open(&member.source)?;
    let summary = CaseSummary::of(&study);
    let id = member.id();
    writer.delete_term(Term::from_field_text(f.case, id));
    let mut docs = docs_from_document(&study.doc);
    if let Ok(catalog) = case::catalog_of(&study) {
        docs.extend(docs_from_catalog(&catalog));
    }
    let failed = |e: tantivy::TantivyError| {
        vec![Diagnostic::error(
            &member.location(),
            0,
            0,
            format!("cannot index: {e}"),
        )]
    };
    for d in docs {
        let mut document = doc!(
            f.case => id,
            f.kind => d.kind.name(),
            f.id => d.id,
            f.title => d.title,
            f.text => d.text,
        );
        if let Some(sub) = d.subkind {
            document.add_text(f.subkind, sub);
        }
        for name in d.names {
            document.add_text(f.names, name);
        }
        writer.add_document(document).map_err(failed)?;
    }
    Ok(summary)
}
