//! Help generated from the key map in force, grouped by what the keys do.
//! It scrolls, and knows its own length, so its scroll stays within it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::state::App;
use crate::keymap::{Action, Keymap, Mode};
use crate::ui::popup;
use crate::ui::text::owned;
use crate::ui::theme::Theme;
use crate::views::{footer, hint, Handled, Hint, Overlay};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help {
    /// First line shown.
    pub scroll: usize,
}

pub const HANDLES: &[Action] = &[
    Action::LineDown,
    Action::LineUp,
    Action::PageDown,
    Action::PageUp,
    Action::GoToTop,
    Action::GoToBottom,
    Action::Close,
    Action::Cancel,
    Action::OpenHelp,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::LineDown, Action::LineUp], "scroll"),
    hint(&[Action::Close], "close"),
];

pub fn open(app: &mut App) {
    app.overlays.push(Overlay::Help(Help::default()));
}

/// Lines of the help text: per mode, per group, `keys  description`.
pub fn help_lines(keymap: &Keymap, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for &mode in Mode::ALL {
        let groups = keymap.help(mode);
        if groups.is_empty() {
            continue;
        }
        lines.push(Line::from(owned(
            &format!("In {}", mode_title(mode)),
            theme.heading(1),
        )));
        for (group, bindings) in groups {
            lines.push(Line::from(owned(
                &format!("  {}", group.title()),
                theme.heading(2),
            )));
            for line in bindings {
                lines.push(Line::from(vec![
                    owned(&format!("    {:<22}", line.keys_text()), theme.key()),
                    owned(line.desc, ratatui::style::Style::new()),
                ]));
            }
        }
        lines.push(Line::default());
    }
    lines
}

fn mode_title(mode: Mode) -> &'static str {
    match mode {
        Mode::Reader => "the reader",
        Mode::Side => "the side pane",
        Mode::Search => "search",
        Mode::Entities => "the entities list",
        Mode::Toc => "the contents",
        Mode::Entity => "an entity's view",
        Mode::Charts => "charts",
        Mode::Notes => "the notes list",
        Mode::Editor => "the note editor",
        Mode::Links => "the links menu",
        Mode::Peek => "a peek",
        Mode::Help => "help",
        Mode::Confirm => "a question",
        Mode::Select => "a selection",
        Mode::CodePick => "choosing a code",
        Mode::Codes => "the codes view",
        Mode::Marks => "marks",
        Mode::Warnings => "problems in the files",
        Mode::Library => "the library",
    }
}

fn outer(area: Rect) -> Rect {
    popup::centered(area, 76, area.height.saturating_sub(2))
}

/// The first line shown when the end of the help is at the bottom.
fn last_top(app: &App) -> usize {
    let visible = outer(app.area).height.saturating_sub(2) as usize;
    let theme = crate::ui::theme::Theme::new(false, app.options.ascii);
    help_lines(&app.keymap, theme).len().saturating_sub(visible)
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let last = last_top(app);
    let page = outer(app.area).height.saturating_sub(3).max(1) as usize;
    let Some(Overlay::Help(help)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    let scroll = help.scroll;
    help.scroll = match action {
        Action::LineDown => scroll + 1,
        Action::LineUp => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        Action::GoToTop => 0,
        Action::GoToBottom => last,
        Action::Close | Action::Cancel | Action::OpenHelp => {
            app.overlays.pop();
            return Handled::Done;
        }
        _ => return Handled::Not,
    }
    .min(last);
    Handled::Done
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, help: &Help, theme: Theme) {
    let footer = footer(app, Mode::Help, None);
    let inner = popup::frame(outer(area), buf, "Keys", Some(&footer), theme);
    Paragraph::new(help_lines(&app.keymap, theme))
        .scroll((help.scroll as u16, 0))
        .render(inner, buf);
}
