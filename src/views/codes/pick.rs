//! Choosing a code for a selection: type part of a code's name (or of one of
//! its words; fuzzy matches follow), Enter applies the chosen one; a name
//! no code has yet becomes a new code.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::app::input::Edit;
use crate::app::list::Selection as Rows;
use crate::app::state::App;
use crate::keymap::{Action, Mode};
use crate::notes::Code;
use crate::ui::popup;
use crate::ui::text::line;
use crate::ui::theme::Theme;
use crate::views::select::{self, Selection};
use crate::views::{footer, hint, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = &[
    Action::SelectDown,
    Action::SelectUp,
    Action::Open,
    Action::Close,
    Action::Cancel,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "apply"),
    hint(&[Action::SelectDown, Action::SelectUp], "choose"),
    hint(&[Action::Cancel], "cancel"),
];

#[derive(Debug, Clone)]
pub struct CodePick {
    pub selection: Selection,
    pub query: String,
    pub rows: Rows,
}

/// One row: an existing code, or the typed name as a new code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Code(String),
    New(String),
}

impl CodePick {
    /// The rows for the query: matching codes, and a new code unless one is
    /// named exactly so (first when nothing matches by prefix).
    pub fn choices(&self, app: &App) -> Vec<Choice> {
        let book = app.notebook.codebook();
        let name = Code::new(&self.query, crate::notes::Colour::Red).name;
        let mut out: Vec<Choice> = book
            .complete(&self.query)
            .into_iter()
            .map(|c| Choice::Code(c.name.clone()))
            .collect();
        if !name.is_empty() && book.get(&name).is_none() {
            out.push(Choice::New(name));
        }
        out
    }
}

pub fn open(app: &mut App, selection: Selection) {
    let mut pick = CodePick {
        selection,
        query: String::new(),
        rows: Rows::default(),
    };
    pick.rows.set_len(pick.choices(app).len());
    app.overlays.push(Overlay::CodePick(Box::new(pick)));
}

fn top<'a>(app: &'a mut App) -> Option<&'a mut CodePick> {
    match app.overlays.last_mut() {
        Some(Overlay::CodePick(p)) => Some(p),
        _ => None,
    }
}

pub fn edit(app: &mut App, edit: Edit) {
    let Some(pick) = top(app) else { return };
    edit.apply(&mut pick.query);
    let mut pick = pick.clone();
    pick.rows.set_len(pick.choices(app).len());
    pick.rows.first();
    if let Some(p) = top(app) {
        *p = pick;
    }
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let Some(Overlay::CodePick(pick)) = app.overlays.last() else {
        return Handled::Not;
    };
    let pick = (**pick).clone();
    match action {
        Action::SelectDown | Action::SelectUp => {
            if let Some(p) = top(app) {
                p.rows.by(if action == Action::SelectDown { 1 } else { -1 });
            }
            Handled::Done
        }
        Action::Open => {
            let choices = pick.choices(app);
            let Some(choice) = pick.rows.selected().and_then(|i| choices.get(i)).cloned() else {
                app.message = Some("Type a code's name".into());
                return Handled::Done;
            };
            let name = match choice {
                Choice::Code(name) => name,
                Choice::New(name) => {
                    let colour = app.notebook.codebook().next_colour();
                    if let Err(e) = app.notebook.define_code(Code::new(&name, colour)) {
                        app.message = Some(e.to_string());
                        return Handled::Done;
                    }
                    name
                }
            };
            app.overlays.pop(); // the picker
            if matches!(app.overlays.last(), Some(Overlay::Select(_))) {
                app.overlays.pop();
            }
            select::highlight(app, &pick.selection, vec![name])
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
            Handled::Done
        }
        _ => Handled::Not,
    }
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, pick: &CodePick, theme: Theme) {
    let choices = pick.choices(app);
    let height = (choices.len() as u16 + 4).clamp(5, 14).min(area.height);
    let outer = popup::centered(area, 50.min(area.width), height);
    let footer = footer(app, Mode::CodePick, None);
    let inner = popup::frame(outer, buf, "Code the selection", Some(&footer), theme);
    if inner.height == 0 {
        return;
    }
    buf.set_line(
        inner.x,
        inner.y,
        &line(&format!("Code: {}\u{2588}", pick.query), Style::new()),
        inner.width,
    );
    let shown = inner.height.saturating_sub(1) as usize;
    let first = pick.rows.index.saturating_sub(shown.saturating_sub(1));
    for (row, (i, choice)) in choices
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .enumerate()
    {
        let text = match choice {
            Choice::Code(name) => {
                let book = app.notebook.codebook();
                let path: Vec<&str> = book.ancestors(name).into_iter().rev().collect();
                match path.is_empty() {
                    true => format!("  {name}"),
                    false => format!("  {name}  ({})", path.join(" \u{203a} ")),
                }
            }
            Choice::New(name) => format!("+ new code \u{201c}{name}\u{201d}"),
        };
        let style = if Some(i) == pick.rows.selected() {
            theme.selected()
        } else if let Choice::Code(name) = choice {
            app.notebook
                .codebook()
                .get(name)
                .map_or(Style::new(), |c| theme.fg(c.colour.color()))
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        };
        buf.set_line(
            inner.x,
            inner.y + 1 + row as u16,
            &line(&text, style),
            inner.width,
        );
    }
}
