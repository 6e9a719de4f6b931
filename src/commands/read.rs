//! Opening the reader: load everything, report problems before the screen
//! changes, run the session, save the reading position.

use std::io::IsTerminal;

use super::{Console, Failure};
use crate::app::state::{App, UiOptions};
use crate::corpus::{self, Source};
use crate::keymap::Keymap;
use crate::model::{Document, Meta};
use crate::notes::{load_editor_drafts, Loaded, NoteStore, Notebook};
use crate::paths::Paths;
use crate::positions::{find_item, Marks, Positions};
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
}

/// Runs the reader. Problems found before the screen changes, or found
/// after it and shown once the terminal is restored, are failures like any
/// command's.
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
    let session = match preview {
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
            drop(session);
            return Err(Failure::input(diags));
        }
    };
    if let Some(why) = terminal::unsuitable_terminal() {
        return Err(Failure::usage(format!(
            "{why}.\nTo read the paper without the full-screen reader, run: casebook export --format markdown"
        )));
    }
    let (store, loaded) = match open_notes(&options.paths, &study.meta.id) {
        Ok(opened) => opened,
        Err(e) => {
            drop(session);
            return Err(Failure::because(e));
        }
    };
    let codes = store.codebook().load();
    let (codes, cite) = match (codes, crate::cite::CiteConfig::load(&options.paths.config)) {
        (Ok(codes), Ok(cite)) => (codes, cite),
        (Err(e), _) => {
            drop(session);
            return Err(Failure::because(e.to_string()));
        }
        (_, Err(e)) => {
            drop(session);
            return Err(Failure::because(e));
        }
    };
    let mut notebook = Notebook::new(loaded.set, &study.doc);
    notebook.set_codebook(codes);
    let mut app = App::open(&study, ui, keymap, notebook);
    app.cite = cite;
    app.access = loaded.access;
    app.kept_aside = loaded.kept_aside.len();
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
    let (history, history_problem) = SearchHistory::open(&history::path_in(&options.paths.data));
    app.search_history = history;
    let (marks, marks_problem) = Marks::new(&options.paths.data).load(&study.meta.id);
    app.marks = marks;
    if let Some(problem) = history_problem.or(marks_problem) {
        app.message.get_or_insert(problem);
    }
    // Drafts wait until the user opens them: the reader starts as usual.
    let (drafts, draft_problems) = load_editor_drafts(&options.paths.data, &study.meta.id);
    let mut storage = Storage::new(
        Some(store),
        Some((options.paths.data.clone(), study.meta.id.clone())),
        &drafts,
    );
    app.drafts_waiting = drafts;
    // Printed once the terminal is itself again: the opening may be on it.
    let mut problems = loaded.diagnostics;
    problems.extend(draft_problems);
    if let Some(item) = positions.load(&study.meta.id, &study.doc, &study.outline) {
        app.view.cursor = item;
    }
    let entered = match session {
        Some(s) => Ok(s),
        None => Session::enter(Rescue::shared(
            options.paths.data.clone(),
            study.meta.id.clone(),
        )),
    };
    let result = entered.and_then(|s| s.run(&mut app, &mut storage));
    console.report(&problems);
    if let Err(e) = positions.save(&study.meta.id, app.position_key()) {
        console.warn(&format!("could not save the reading position: {e}"));
    }
    result.map_err(|e| Failure::because(format!("terminal error: {e}")))
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
