//! Help generated from the loaded key map, grouped by what the keys do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::keymap::{Keymap, Mode};
use crate::ui::popup;
use crate::ui::text::owned;
use crate::ui::theme::Theme;

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
    }
}

pub fn draw(area: Rect, buf: &mut Buffer, keymap: &Keymap, scroll: usize, theme: Theme) {
    let outer = popup::centered(area, 76, area.height.saturating_sub(2));
    let inner = popup::frame(outer, buf, "Keys", Some("Esc close · j/k scroll"), theme);
    let lines = help_lines(keymap, theme);
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
    Paragraph::new(lines)
        .scroll((scroll as u16, 0))
        .render(inner, buf);
}
