//! The codes view: every code of the book with how often it is applied, a
//! sparkline of where in the paper, and the firms, people and places
//! mentioned in the passages it codes (a code-by-entity co-occurrence
//! table). Enter lists the coded segments; choosing a code for a selection
//! is [`pick`].

pub mod pick;

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::app::list::Selection;
use crate::app::state::App;
use crate::charts::spark::{self, Bucketing, Glyphs};
use crate::entities::Place;
use crate::keymap::{Action, Mode};
use crate::notes::Notebook;
use crate::study::Study;
use crate::ui::popup;
use crate::ui::text::line;
use crate::ui::theme::Theme;
use crate::views::{footer, hint, list_page, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = list_view_handles![Open, Close, Cancel];

pub const HINTS: &[Hint] = &[
    hint(&[Action::SelectDown, Action::SelectUp], "move"),
    hint(&[Action::Open], "coded segments"),
    hint(&[Action::Close], "close"),
];

/// Sparkline width: slices of the paper.
const SLICES: usize = 24;
/// Entities shown per code in the co-occurrence table.
const TOP_ENTITIES: usize = 6;

/// One row: a code (by name), its depth in the hierarchy and its facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRow {
    pub name: String,
    pub depth: usize,
    /// Notes applying it.
    pub applied: usize,
    /// Applications per slice of the paper.
    pub spread: Vec<u32>,
    /// Entities mentioned in the coded passages, with how many coded
    /// passages mention each, most first.
    pub entities: Vec<(String, usize)>,
}

/// The rows, parents before children; codes notes apply that the book
/// lacks come last.
pub fn rows(app: &App) -> Vec<CodeRow> {
    code_rows(app.study, &app.notebook)
}

/// As [`rows`], for any notebook on `study` (the command line uses it too).
pub fn code_rows(study: &Study, notebook: &Notebook) -> Vec<CodeRow> {
    let doc = &study.doc;
    let book = notebook.codebook();
    let mut names: Vec<(String, usize)> = crate::commands::codes::tree(book)
        .into_iter()
        .map(|(d, c)| (c.name.clone(), d))
        .collect();
    for note in notebook.set().notes() {
        for code in &note.codes {
            if !names.iter().any(|(n, _)| n.eq_ignore_ascii_case(code)) {
                names.push((code.clone(), 0));
            }
        }
    }
    names
        .into_iter()
        .map(|(name, depth)| {
            let coded = notebook.coded(&name);
            let passages: Vec<usize> = coded.iter().filter_map(|(_, a)| a.passage()).collect();
            let mut entities: HashMap<usize, usize> = HashMap::new();
            let mut seen = passages.clone();
            seen.sort_unstable();
            seen.dedup();
            for &p in &seen {
                let mut here: Vec<usize> = study
                    .links
                    .mentions_in(Place::Passage(p))
                    .map(|m| study.links.mention(m).entity)
                    .collect();
                here.sort_unstable();
                here.dedup();
                for e in here {
                    *entities.entry(e).or_default() += 1;
                }
            }
            let mut entities: Vec<(String, usize)> = entities
                .into_iter()
                .map(|(e, n)| (study.catalog.entities[e].name.clone(), n))
                .collect();
            entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            CodeRow {
                applied: coded.len(),
                spread: spark::bucket_mentions(doc, &passages, Bucketing::Slices(SLICES)),
                entities,
                name,
                depth,
            }
        })
        .collect()
}

#[derive(Debug, Clone, Default)]
pub struct CodesView {
    pub sel: Selection,
}

pub fn open(app: &mut App) {
    let mut sel = Selection::default();
    sel.set_len(rows(app).len());
    app.overlays.push(Overlay::Codes(CodesView { sel }));
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let Some(Overlay::Codes(view)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if move_selection(&mut view.sel, action, page) {
        return Handled::Done;
    }
    let chosen = view.sel.selected();
    match action {
        Action::Open => {
            let Some(row) = chosen.and_then(|i| rows(app).into_iter().nth(i)) else {
                return Handled::Done;
            };
            // The notes list filtered to this code: its segments, one key away.
            let mut list = crate::views::notes::NotesList {
                filter: format!("#{}", row.name),
                ..Default::default()
            };
            list.refilter(&app.notebook);
            app.overlays.push(Overlay::Notes(list));
            Handled::Done
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
            Handled::Done
        }
        _ => Handled::Not,
    }
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, view: &CodesView, theme: Theme) {
    let outer = popup::centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let footer = footer(app, Mode::Codes, None);
    let all = rows(app);
    let title = format!("Codes ({})", all.len());
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    if inner.height == 0 {
        return;
    }
    if all.is_empty() {
        let text = "No codes yet: select words (v) and code them (c)";
        buf.set_line(inner.x, inner.y, &line(text, Style::new()), inner.width);
        return;
    }
    let glyphs = if theme.ascii {
        Glyphs::Ascii
    } else {
        Glyphs::Unicode
    };
    let book = app.notebook.codebook();
    // The list takes the top; the selected code's entities the rest.
    let table = (TOP_ENTITIES as u16 + 2).min(inner.height / 2);
    let list_height = inner.height - table;
    let first = view
        .sel
        .index
        .saturating_sub(list_height.saturating_sub(1) as usize);
    for (row, (i, code)) in all
        .iter()
        .enumerate()
        .skip(first)
        .take(list_height as usize)
        .enumerate()
    {
        let marker = if Some(i) == view.sel.selected() {
            "\u{25b8} "
        } else {
            "  "
        };
        let name = format!(
            "{marker}{:indent$}{}",
            "",
            code.name,
            indent = code.depth * 2
        );
        let text = format!(
            "{name:<32.32} {:>4}  {}",
            code.applied,
            spark::render(&code.spread, glyphs)
        );
        let style = match (Some(i) == view.sel.selected(), book.get(&code.name)) {
            (true, _) => theme.selected(),
            (false, Some(c)) => theme.fg(c.colour.color()),
            (false, None) => Style::new(),
        };
        buf.set_line(
            inner.x,
            inner.y + row as u16,
            &line(&text, style),
            inner.width,
        );
    }
    let Some(code) = view.sel.selected().and_then(|i| all.get(i)) else {
        return;
    };
    let y = inner.y + list_height;
    let heading = format!("Mentioned where \u{201c}{}\u{201d} is applied", code.name);
    buf.set_line(
        inner.x,
        y,
        &line(&heading, Style::new().add_modifier(Modifier::BOLD)),
        inner.width,
    );
    let body: Vec<String> = if code.entities.is_empty() {
        vec!["  no entity is mentioned in its passages".into()]
    } else {
        code.entities
            .iter()
            .take(TOP_ENTITIES)
            .map(|(name, n)| format!("  {name:<40.40} {n:>3} passage(s)"))
            .collect()
    };
    for (k, text) in body
        .iter()
        .enumerate()
        .take(table.saturating_sub(1) as usize)
    {
        buf.set_line(
            inner.x,
            y + 1 + k as u16,
            &line(text, Style::new()),
            inner.width,
        );
    }
}
