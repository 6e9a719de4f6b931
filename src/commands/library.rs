//! `casebook library list|add|remove|reindex`, and the `--all` forms of
//! `search`, `entities`, `show` and `notes export`, which work on the whole
//! library through its index.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use serde::Serialize;

use super::args::{LibraryCommand, NotesCommand, NotesFormat, SearchArgs};
use super::{Cli, Console, Failure};
use crate::corpus;
use crate::library::entities::{gather, Gathered};
use crate::library::index::{Changes, LibraryIndex, Progress};
use crate::library::shelf::{notes_count, Row};
use crate::library::{Library, Member};
use crate::search::{Filter, Query};
use crate::term::sanitize::caret;

/// The library the command line names.
pub fn library(cli: &Cli) -> Result<Library, Failure> {
    Ok(Library::resolve(
        cli.options.library.as_deref(),
        &cli.paths()?,
    ))
}

/// The library's members and its index, brought up to date; what changed
/// is said on stderr, with a progress bar on a terminal.
pub fn open(
    library: &Library,
    rebuild: bool,
    console: &mut Console,
) -> Result<(Vec<Member>, LibraryIndex, Changes), Failure> {
    let (members, diags) = library.members();
    console.report(&diags);
    let bar = std::io::stderr().is_terminal();
    let start = Instant::now();
    let mut shown = false;
    let mut progress = |p: Progress| {
        if bar && p.total > 1 {
            shown = true;
            let _ = write!(
                std::io::stderr(),
                "\r{}",
                progress_bar(p, start.elapsed().as_secs_f64())
            );
        }
    };
    let (index, changes) = LibraryIndex::open_with(library, &members, rebuild, &mut progress)
        .map_err(Failure::because)?;
    if shown {
        let _ = writeln!(std::io::stderr());
    }
    if let Some(why) = &changes.rebuilt {
        console.warn(why);
    }
    console.report(&changes.failed);
    Ok((members, index, changes))
}

/// `[#########...........] 412/1000 case studies, 41.3 MB, 21.0 MB/s`
fn progress_bar(p: Progress, seconds: f64) -> String {
    const WIDTH: usize = 24;
    let filled = WIDTH * p.done / p.total.max(1);
    let mb = p.bytes as f64 / 1e6;
    format!(
        "[{}{}] {}/{} case studies, {mb:.1} MB, {:.1} MB/s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        p.done,
        p.total,
        mb / seconds.max(1e-3)
    )
}

pub fn run(cmd: &LibraryCommand, cli: &Cli, console: &mut Console) -> Result<(), Failure> {
    let library = library(cli)?;
    match cmd {
        LibraryCommand::List { json } => list(&library, *json, cli, console),
        LibraryCommand::Add { dir } => {
            let member = library.add(dir).map_err(Failure::input)?;
            open(&library, false, console)?;
            console.print(&format!(
                "added {} to the library ({})\n",
                caret(member.id()),
                member.location().display()
            ))
        }
        LibraryCommand::Remove { id } => {
            let dir = library.remove(id).map_err(Failure::because)?;
            open(&library, false, console)?;
            console.print(&format!(
                "removed {} ({}); its notes are kept\n",
                caret(id),
                dir.display()
            ))
        }
        LibraryCommand::Reindex { full, json } => {
            let start = Instant::now();
            let (_, index, changes) = open(&library, *full, console)?;
            let seconds = start.elapsed().as_secs_f64();
            let report = Reindexed {
                rebuilt: changes.rebuilt.is_some(),
                added: &changes.added,
                updated: &changes.updated,
                removed: &changes.removed,
                failed: changes.failed.len(),
                case_studies: index.records().count(),
                bytes: changes.bytes,
                seconds,
                index: index.dir().display().to_string(),
            };
            console.print(&if *json {
                serde_json::to_string_pretty(&report).expect("reports serialize") + "\n"
            } else {
                format!(
                    "{} case studies indexed; {} added, {} updated, {} removed, {} failed; \
                     {:.1} MB in {seconds:.2} s\n",
                    report.case_studies,
                    report.added.len(),
                    report.updated.len(),
                    report.removed.len(),
                    report.failed,
                    report.bytes as f64 / 1e6,
                )
            })
        }
    }
}

#[derive(Serialize)]
struct Reindexed<'a> {
    rebuilt: bool,
    added: &'a [String],
    updated: &'a [String],
    removed: &'a [String],
    failed: usize,
    case_studies: usize,
    bytes: u64,
    seconds: f64,
    index: String,
}

fn list(library: &Library, json: bool, cli: &Cli, console: &mut Console) -> Result<(), Failure> {
    let (members, index, _) = open(library, false, console)?;
    let data = cli.paths()?.data;
    let rows: Vec<Row> = members.iter().map(|m| Row::of(m, &index, &data)).collect();
    if json {
        return console
            .print(&(serde_json::to_string_pretty(&rows).expect("rows serialize") + "\n"));
    }
    let mut out = String::new();
    for r in &rows {
        out.push_str(&format!(
            "{:<24} {:>4}  {:>5} passages {:>4} entities {:>3} notes  {}\n",
            caret(&r.id),
            r.year.map_or_else(|| "-".into(), |y| y.to_string()),
            r.passages,
            r.entities,
            r.notes,
            caret(&r.title),
        ));
    }
    console.print(&out)
}

/// `casebook search --all QUERY`.
pub fn search(args: &SearchArgs, cli: &Cli, console: &mut Console) -> Result<(), Failure> {
    let library = library(cli)?;
    let (_, index, _) = open(&library, false, console)?;
    let mut query = Query::parse(&args.query.join(" "));
    if let Some(kind) = args.kind {
        query.filters = vec![kind];
    }
    for name in &query.unknown_filters {
        console.warn(&format!(
            "@{name} names no kind; expected one of {}",
            Filter::names().collect::<Vec<_>>().join(", ")
        ));
    }
    let hits = index.search(&query, args.limit);
    if args.json {
        return console
            .print(&(serde_json::to_string_pretty(&hits).expect("hits serialize") + "\n"));
    }
    if hits.is_empty() {
        return console.print("no matches\n");
    }
    let mut out = String::new();
    for (case, group) in crate::library::search::group_by_case(&hits) {
        out.push_str(&format!("{} ({})\n", caret(case), group.len()));
        for hit in group {
            out.push_str(&format!(
                "  {} {}  {}\n    {}\n",
                hit.kind,
                caret(&hit.id),
                caret(&hit.title),
                caret(&hit.snippet)
            ));
        }
    }
    console.print(&out)
}

/// Every case study's entities, joined across the library.
fn gathered(cli: &Cli, console: &mut Console) -> Result<Gathered, Failure> {
    let library = library(cli)?;
    let (members, index, _) = open(&library, false, console)?;
    let summaries: Vec<_> = members
        .iter()
        .filter_map(|m| index.summary(m.id()))
        .collect();
    Ok(gather(&summaries))
}

/// `casebook entities --all [--kind K] [--json]`.
pub fn entities(
    cli: &Cli,
    kind: Option<crate::entities::EntityKind>,
    json: bool,
    console: &mut Console,
) -> Result<(), Failure> {
    let mut all = gathered(cli, console)?;
    if let Some(kind) = kind {
        all.entities.retain(|e| e.kind == kind.short());
        all.candidates.retain(|c| c.kind == kind.short());
    }
    if json {
        return console
            .print(&(serde_json::to_string_pretty(&all).expect("entities serialize") + "\n"));
    }
    let mut out = String::new();
    for e in &all.entities {
        let cases: Vec<String> = e
            .cases
            .iter()
            .map(|a| format!("{} {}", a.case, a.mentions))
            .collect();
        out.push_str(&format!(
            "{:<32} {:<12} {:>5}  {}\n",
            caret(&e.name),
            e.kind,
            e.mentions,
            caret(&cases.join(", "))
        ));
    }
    if !all.candidates.is_empty() {
        out.push_str("\nproposed as the same (confirm with same_as or a shared id):\n");
        for c in &all.candidates {
            out.push_str(&format!(
                "  {} ({}): {}\n",
                caret(&c.name),
                c.kind,
                caret(&c.entities.join(" = "))
            ));
        }
    }
    for d in &all.dangling {
        console.warn(d);
    }
    console.print(&out)
}

/// `casebook show ENTITY --all`: every case study mentioning the entity,
/// with counts and the passages.
pub fn show(cli: &Cli, query: &str, console: &mut Console) -> Result<(), Failure> {
    let all = gathered(cli, console)?;
    let Some(e) = all.lookup(query) else {
        return Err(Failure::because(format!(
            "no entity named {:?} in the library; `casebook entities --all` lists them",
            caret(query)
        )));
    };
    let mut out = format!(
        "{} ({}), {} mentions in {} case studies\n",
        caret(&e.name),
        e.kind,
        e.mentions,
        e.cases.len()
    );
    if !e.because.is_empty() {
        out.push_str(&format!("  one entity by {}\n", e.because.join(", ")));
    }
    for a in &e.cases {
        let passages: Vec<String> = a
            .passages
            .iter()
            .map(|p| match p.count {
                1 => p.passage.clone(),
                n => format!("{} x{n}", p.passage),
            })
            .collect();
        out.push_str(&format!(
            "\n{} ({}:{}), {} mentions\n  {}\n",
            caret(&a.case),
            caret(&a.case),
            caret(&a.id),
            a.mentions,
            caret(&passages.join(", "))
        ));
    }
    let proposed: Vec<&str> = all
        .candidates
        .iter()
        .filter(|c| c.entities.contains(&e.key))
        .flat_map(|c| c.entities.iter().map(String::as_str))
        .filter(|k| *k != e.key)
        .collect();
    if !proposed.is_empty() {
        out.push_str(&format!(
            "\nmaybe the same (unconfirmed): {}\n",
            caret(&proposed.join(", "))
        ));
    }
    console.print(&out)
}

/// `casebook notes export --all`: the notes of every case study that has
/// any, one after another (Markdown), as one list of collections (JSON), or
/// as one table (CSV).
pub fn export_notes(cmd: &NotesCommand, cli: &Cli, console: &mut Console) -> Result<(), Failure> {
    let NotesCommand::Export { format, out, .. } = cmd else {
        return Err(Failure::usage("--all is for `notes export` only"));
    };
    if matches!(format, NotesFormat::Csv | NotesFormat::Qdpx) {
        // CSV rows have no column for the case study; a project holds one source.
        return Err(Failure::usage(
            "notes export --all writes markdown or json; CSV and QDPX hold one case study",
        ));
    }
    let library = library(cli)?;
    let (members, diags) = library.members();
    console.report(&diags);
    let data = cli.paths()?.data;
    let mut parts = Vec::new();
    for member in &members {
        if notes_count(&data, member.id()) == 0 {
            continue;
        }
        let study = corpus::open(&member.source)?;
        let mut buffer = Vec::new();
        let single = NotesCommand::Export {
            format: *format,
            out: None,
            all: false,
        };
        {
            let mut sub = Console::new(&mut buffer, console.errors());
            super::notes::on(&single, &data, &study.meta, &study.doc, &mut sub)?;
        }
        parts.push(String::from_utf8_lossy(&buffer).into_owned());
    }
    let text = match format {
        NotesFormat::Markdown => parts.join("\n"),
        NotesFormat::Json => {
            let values: Vec<serde_json::Value> = parts
                .iter()
                .filter_map(|p| serde_json::from_str(p).ok())
                .collect();
            serde_json::to_string_pretty(&values).expect("JSON values serialize") + "\n"
        }
        NotesFormat::Csv | NotesFormat::Qdpx => unreachable!("refused above"),
    };
    match out {
        Some(path) => crate::durable::write_atomic(path, text.as_bytes(), None)
            .map_err(|e| Failure::because(format!("{}: cannot write: {e}", path.display()))),
        None => console.print(&text),
    }
}
