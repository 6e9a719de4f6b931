//! A footnote or reference shown over the text, without losing the place.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::state::{App, PeekTarget};
use crate::keymap::{Action, Keymap, Mode};
use crate::reader::view::superscript;
use crate::reader::wrap::wrap;
use crate::ui::popup;
use crate::ui::text::line;
use crate::ui::theme::Theme;

pub fn draw(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    target: PeekTarget,
    keymap: &Keymap,
    theme: Theme,
) {
    let doc = &app.study.doc;
    let (title, text) = match target {
        PeekTarget::Footnote(f) => (
            format!("Footnote {}", superscript(&doc.footnotes[f].label)),
            doc.footnotes[f].text.as_str(),
        ),
        PeekTarget::Reference(r) => ("Reference".to_string(), doc.references[r].text.as_str()),
    };
    let footer = match keymap.hint(Mode::Peek, Action::Open) {
        Some(k) => format!("{k} go to it · Esc close"),
        None => "Esc close".to_string(),
    };
    let width = area.width.saturating_sub(4).min(80);
    let lines = wrap(text, width.saturating_sub(2) as usize);
    let height = (lines.len() as u16 + 2).min(area.height);
    let outer = popup::centered(area, width, height);
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    for (row, range) in lines.into_iter().take(inner.height as usize).enumerate() {
        buf.set_line(
            inner.x,
            inner.y + row as u16,
            &line(&text[range], Style::new()),
            inner.width,
        );
    }
}
