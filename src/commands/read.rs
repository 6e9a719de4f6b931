//! Opening the reader: load everything, report problems before the screen
//! changes, run the session, save the reading position.

use std::io::IsTerminal;

use super::{Console, Failure};
use crate::app::jumps::JumpList;
use crate::app::state::{App, Arrive, ShelfState, Switch, UiOptions};
use crate::corpus::{self, Source};
use crate::diag::Diagnostic;
use crate::keymap::Keymap;
use crate::library::Library;
use crate::model::{Document, Meta};
use crate::notes::{load_editor_drafts, Loaded, NoteStore, Notebook};
use crate::paths::Paths;
use crate::positions::{find_item, Marks, Positions, Recent};
use crate::rescue::Rescue;
use crate::search::history::{self, SearchHistory};
use crate::session::Session;
use crate::storage::Storage;
use crate::study::Study;
use crate::term::terminal;

/// `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Auto means colour on a terminal unless NO_COLOR is set (to anything non-empty).
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

pub struct ReaderOptions<'a> {
    pub source: Source,
    pub keymap: Option<&'a str>,
    pub color: ColorChoice,
    pub ascii: bool,
    pub mouse: bool,
    /// Widest text line (0: no limit).
    pub measure: u16,
    pub paths: Paths,
    pub library: Library,
    /// Open with the library view over the case study.
    pub in_library: bool,
}

/// What `casebook` opens without `--corpus`: the case study read last, or
/// the bundled one, with the library view over it when the library holds
/// others to choose from.
pub fn starting_point(paths: &Paths, library: &Library) -> (Source, bool) {
    let last = Recent::new(&paths.data).load().into_iter().next();
    if let Some(last) = last {
        match last.folder {
            None => return (Source::Bundled, false),
            Some(dir) if dir.join("meta.toml").is_file() => return (Source::Dir(dir), false),
            Some(_) => {}
        }
    }
    let others = std::fs::read_dir(&library.root).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().join("meta.toml").is_file())
            .count()
    });
    (Source::Bundled, others > 0)
}

/// What one case study's reading hands on to the next one's.
struct Carried {
    jumps: JumpList,
    shelf: ShelfState,
    arrive: Arrive,
    in_library: bool,
}

/// Everything fixed for the whole session.
struct Context<'a> {
    paths: &'a Paths,
    positions: &'a Positions,
    keymap: &'a Keymap,
    ui: UiOptions,
    cite: &'a crate::cite::CiteConfig,
}

/// How one case study's reading ended.
struct Ended {
    result: std::io::Result<()>,
    /// Where the reader was, to come back to.
    position: String,
    leaving_for: Option<Switch>,
    carried: Carried,
    /// Problems to print once the terminal is itself again.
    problems: Vec<Diagnostic>,
}

/// Runs the reader. Problems found before the screen changes, or found
/// after it and shown once the terminal is restored, are failures like any
/// command's. The reader goes from case study to case study in one screen.
pub fn read(options: ReaderOptions, console: &mut Console) -> Result<(), Failure> {
    // On a usable terminal the paper's opening is read and shown first;
    // keys typed while the whole case study loads wait in the terminal.
    let preview = match terminal::unsuitable_terminal() {
        None => {
            let (cols, rows) = crossterm::terminal::size().unwrap_or((80, 24));
            corpus::preview(&options.source, corpus::screenful(cols, rows))
        }
        Some(_) => None,
    };
    // Everything that can fail on input fails before the screen changes,
    // except the rest of a paper whose opening is already on the screen.
    // The user's key map patches the chosen one; with problems, it is set
    // aside (and reported in the reader) rather than keeping the reader shut.
    let mut set_aside = Vec::new();
    let keymap = match Keymap::load(options.keymap, Some(&options.paths.config)) {
        Ok(k) => k,
        Err(diags) => match Keymap::load(options.keymap, None) {
            Ok(k) => {
                set_aside.extend(diags);
                k
            }
            Err(_) => return Err(Failure::input(diags)),
        },
    };
    let ui = UiOptions {
        color: options.color.enabled(),
        ascii: options.ascii,
        measure: options.measure,
    };
    terminal::use_mouse(options.mouse);
    let positions = Positions::new(&options.paths.data);
    let opening = match preview {
        Some(opening) => match show_opening(opening, &options.paths, &positions, &keymap, ui) {
            Ok(shown) => shown,
            Err(e) => return Err(Failure::because(format!("terminal error: {e}"))),
        },
        None => None,
    };
    let study = match Study::open_lenient(&options.source) {
        Ok((s, problems)) => {
            set_aside.extend(problems);
            s
        }
        Err(diags) => {
            drop(opening);
            return Err(Failure::input(diags));
        }
    };
    if let Some(why) = terminal::unsuitable_terminal() {
        return Err(Failure::usage(format!(
            "{why}.\nTo read the paper without the full-screen reader, run: casebook export --format markdown"
        )));
    }
    let cite = match crate::cite::CiteConfig::load(&options.paths.config) {
        Ok(cite) => cite,
        Err(e) => {
            drop(opening);
            return Err(Failure::because(e));
        }
    };
    let context = Context {
        paths: &options.paths,
        positions: &positions,
        keymap: &keymap,
        ui,
        cite: &cite,
    };
    let entered = match opening {
        Some(s) => Ok(s),
        None => Session::enter(Rescue::shared(
            options.paths.data.clone(),
            study.meta.id.clone(),
        )),
    };
    let mut session = entered.map_err(|e| Failure::because(format!("terminal error: {e}")))?;
    // The library loads beside the reading once a view needs it.
    session.library(options.library.clone(), options.paths.data.clone());
    let mut carried = Carried {
        jumps: JumpList::default(),
        shelf: ShelfState::Absent,
        arrive: Arrive::Remembered,
        in_library: options.in_library,
    };
    // Case studies opened in this session, for going back to them.
    let mut opened: Vec<(String, Source)> = Vec::new();
    let mut problems = Vec::new();
    let mut current = (study, options.source.clone(), set_aside);
    let result = loop {
        let (study, source, set_aside) = current;
        opened.retain(|(id, _)| *id != study.meta.id);
        opened.push((study.meta.id.clone(), source.clone()));
        let ended = match read_case(&study, &source, set_aside, &mut session, carried, &context) {
            Ok(ended) => ended,
            Err(e) => {
                drop(session);
                console.report(&problems);
                return Err(Failure::because(e));
            }
        };
        problems.extend(ended.problems);
        if let Err(e) = positions.save(&study.meta.id, ended.position) {
            let message = format!("could not save the reading position: {e}");
            problems.push(Diagnostic::warning(&options.paths.data, 0, 0, message));
        }
        carried = ended.carried;
        let (Ok(()), Some(switch)) = (&ended.result, ended.leaving_for) else {
            break ended.result;
        };
        current = match open_next(&switch.case, &opened, &carried.shelf) {
            Ok(next) => {
                carried.arrive = switch.at;
                next
            }
            // Back to where we were, with a word on why.
            Err(why) => {
                let (study, set_aside) = Study::open_lenient(&source).map_err(Failure::input)?;
                carried.arrive = Arrive::Remembered;
                problems.push(Diagnostic::warning(&source.location(), 0, 0, why));
                (study, source, set_aside)
            }
        };
        session.rescue_for(&current.0.meta.id);
    };
    drop(session);
    console.report(&problems);
    result.map_err(|e| Failure::because(format!("terminal error: {e}")))
}

/// The case study `case`: one read in this session, or one of the library.
fn open_next(
    case: &str,
    opened: &[(String, Source)],
    shelf: &ShelfState,
) -> Result<(Study, Source, Vec<Diagnostic>), String> {
    let source = opened
        .iter()
        .find(|(id, _)| id == case)
        .map(|(_, s)| s.clone())
        .or_else(|| {
            let shelf = shelf.ready()?;
            Some(shelf.members[shelf.position(case)?].source.clone())
        })
        .ok_or_else(|| format!("the library has no case study `{case}`"))?;
    let (study, set_aside) = Study::open_lenient(&source).map_err(|diags| {
        diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok((study, source, set_aside))
}

/// Reads one case study in `session` until the reader quits or leaves for
/// another.
fn read_case(
    study: &Study,
    source: &Source,
    set_aside: Vec<Diagnostic>,
    session: &mut Session,
    carried: Carried,
    context: &Context,
) -> Result<Ended, String> {
    let paths = context.paths;
    let (store, loaded) = open_notes(paths, &study.meta.id)?;
    let codes = store.codebook().load().map_err(|e| e.to_string())?;
    let mut notebook = Notebook::new(loaded.set, &study.doc);
    notebook.set_codebook(codes);
    let mut app = App::open(study, context.ui, context.keymap.clone(), notebook);
    app.cite = context.cite.clone();
    app.access = loaded.access;
    app.kept_aside = loaded.kept_aside.len();
    app.jumps = carried.jumps;
    app.shelf = carried.shelf;
    // A kept-aside file is said by the standing notice; any other problem
    // once, here (all are printed in full when the reader ends).
    if loaded.kept_aside.is_empty() {
        app.message = loaded.diagnostics.first().map(|p| p.to_string());
    }
    app.warnings = set_aside
        .iter()
        .map(|d| crate::term::sanitize::display(&d.to_string()).into_owned())
        .collect();
    if !set_aside.is_empty() {
        let key = crate::views::bound_key(
            &app.keymap,
            crate::keymap::Mode::Reader,
            crate::keymap::Action::OpenWarnings,
        );
        app.message = Some(format!(
            "{} problem(s) in the case study's files set aside{}",
            set_aside.len(),
            key.map(|k| format!(": {k} lists them")).unwrap_or_default()
        ));
    }
    let (history, history_problem) = SearchHistory::open(&history::path_in(&paths.data));
    app.search_history = history;
    let (marks, marks_problem) = Marks::new(&paths.data).load(&study.meta.id);
    app.marks = marks;
    if let Some(problem) = history_problem.or(marks_problem) {
        app.message.get_or_insert(problem);
    }
    // Drafts wait until the user opens them: the reader starts as usual.
    let (drafts, draft_problems) = load_editor_drafts(&paths.data, &study.meta.id);
    let mut storage = Storage::new(
        Some(store),
        Some((paths.data.clone(), study.meta.id.clone())),
        &drafts,
    );
    app.drafts_waiting = drafts;
    let mut problems = loaded.diagnostics;
    problems.extend(draft_problems);
    let arrived = match carried.arrive {
        Arrive::Remembered => context
            .positions
            .load(&study.meta.id, &study.doc, &study.outline),
        Arrive::Item(item) => study.outline.focusable_near(item),
        Arrive::Key(key) => find_item(&key, &study.doc, &study.outline),
    };
    if let Some(item) = arrived {
        app.view.cursor = item;
    }
    if carried.in_library {
        crate::views::library::open(&mut app);
    }
    let folder = match source {
        Source::Dir(dir) => Some(std::path::absolute(dir).unwrap_or_else(|_| dir.clone())),
        Source::Bundled => None,
    };
    if let Err(e) = Recent::new(&paths.data).opened(&study.meta.id, folder.as_deref()) {
        let message = format!("could not record the case study as read: {e}");
        problems.push(Diagnostic::warning(&paths.data, 0, 0, message));
    }
    let result = session.run(&mut app, &mut storage);
    Ok(Ended {
        result,
        position: app.position_key(),
        leaving_for: app.leaving_for.take(),
        carried: Carried {
            jumps: std::mem::take(&mut app.jumps),
            shelf: std::mem::take(&mut app.shelf),
            arrive: Arrive::Remembered,
            in_library: false,
        },
        problems,
    })
}

/// Enters full-screen mode and draws the paper's opening, unless the
/// remembered place lies beyond it: then the whole paper is waited for.
fn show_opening(
    (meta, doc): (Meta, Document),
    paths: &Paths,
    positions: &Positions,
    keymap: &Keymap,
    ui: UiOptions,
) -> std::io::Result<Option<Session>> {
    let saved = positions.saved(&meta.id);
    let opening = Study::opening(meta, doc);
    let start = match saved {
        Some(key) => find_item(&key, &opening.doc, &opening.outline),
        None => opening.outline.focusable_near(0),
    };
    let Some(item) = start else {
        return Ok(None);
    };
    let mut session = Session::enter(Rescue::shared(paths.data.clone(), opening.meta.id.clone()))?;
    let mut app = App::new(&opening, ui);
    app.keymap = keymap.clone();
    app.preview = true;
    app.view.cursor = item;
    session.draw(&mut app)?;
    Ok(Some(session))
}

/// The notes store and what it holds; problems in the file (already moved
/// aside) are in the diagnostics, to be shown.
fn open_notes(paths: &Paths, case_id: &str) -> Result<(NoteStore, Loaded), String> {
    let store = NoteStore::new(&paths.data, case_id).map_err(|e| e.to_string())?;
    let loaded = store.load().map_err(|e| e.to_string())?;
    Ok((store, loaded))
}
