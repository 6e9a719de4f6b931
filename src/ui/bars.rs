//! The one-line bars: title, breadcrumb and status with key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::state::App;
use crate::model::Section;
use crate::reader::wrap::str_width;
use crate::ui::text::{owned, span, truncate};
use crate::ui::theme::Theme;
use crate::views;

pub struct TitleBar<'a, 's> {
    pub app: &'a App<'s>,
    pub theme: Theme,
}

impl Widget for TitleBar<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let meta = &self.app.study.meta;
        let mut text = meta.title.clone();
        if !meta.authors.is_empty() {
            text.push_str(" — ");
            text.push_str(&meta.authors.join(", "));
        }
        if let Some(year) = meta.year {
            text.push_str(&format!(" ({year})"));
        }
        let text = truncate(&text, area.width as usize);
        buf.set_style(area, self.theme.bar());
        Line::from(span(&text, self.theme.bar())).render(area, buf);
    }
}

pub struct Breadcrumb<'a, 's> {
    pub app: &'a App<'s>,
    pub theme: Theme,
}

impl Widget for Breadcrumb<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let study = self.app.study;
        let width = area.width as usize;
        let crumb = match study.outline.section_of(&study.doc, self.app.view.cursor) {
            Some(s) => {
                let path: Vec<&Section> = study
                    .doc
                    .section_path(s)
                    .into_iter()
                    .map(|i| &study.doc.sections[i])
                    .collect();
                crumb(&path, self.theme.separator(), width)
            }
            None => "Footnotes".to_string(),
        };
        let text = truncate(&crumb, width);
        Line::from(span(&text, self.theme.dim())).render(area, buf);
    }
}

/// The section path in `width` columns. The current (deepest) section is
/// kept whole as long as it fits; its parents shorten first to their
/// numbers (or a few words), then drop from the outermost.
pub fn crumb(path: &[&Section], separator: &str, width: usize) -> String {
    let Some((current, parents)) = path.split_last() else {
        return String::new();
    };
    let full: Vec<String> = path.iter().map(|s| s.heading()).collect();
    let joined = full.join(separator);
    if str_width(&joined) <= width {
        return joined;
    }
    let mut short: Vec<String> = parents
        .iter()
        .map(|s| s.number.clone().unwrap_or_else(|| truncate(&s.title, 12)))
        .collect();
    let current = current.heading();
    let fits = |short: &[String]| {
        let mut all = short.to_vec();
        all.push(current.clone());
        let text = all.join(separator);
        (str_width(&text) <= width).then_some(text)
    };
    loop {
        if let Some(text) = fits(&short) {
            return text;
        }
        // Only the ellipsis (or nothing) left above: the current alone.
        if short.iter().all(|p| p == "…") {
            return current;
        }
        // The outermost part goes; an ellipsis says something was there.
        short.retain(|p| p != "…");
        short.remove(0);
        short.insert(0, "…".to_string());
    }
}

/// Position and message on the left; the hints of the view with the keys
/// on the right, most useful first, as many as fit.
pub struct StatusBar<'a, 's> {
    pub app: &'a App<'s>,
    pub theme: Theme,
}

impl Widget for StatusBar<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.bar());
        let pos = self.app.position();
        let mut left = String::new();
        if let Some(s) = &pos.section {
            left.push_str(&format!("§{s} "));
        }
        match pos.passage {
            _ if self.app.preview => left.push_str("loading"),
            Some(n) => left.push_str(&format!("{n}/{} {}%", pos.passages, pos.percent)),
            None => left.push_str(&format!("{}%", pos.percent)),
        }
        if let Some(page) = &pos.page {
            left.push_str(&format!(" p. {page}"));
        }
        let left = match self.app.message.clone().or_else(|| self.app.notice()) {
            Some(msg) => format!("{left}  {msg}"),
            None => left,
        };
        let width = area.width as usize;
        let left = truncate(&left, width);
        let mut used = str_width(&left);
        let mut hints: Vec<Span> = Vec::new();
        // Over the reader, its hints; a view on top has its own footer, so
        // only the way to help is repeated here.
        let mode = self.app.mode();
        let shown = match self.app.overlays.is_empty() {
            true => views::hints(mode),
            false => &views::reader::HINTS[..1],
        };
        for hint in shown {
            let Some((key, label)) = hint.text(&self.app.keymap, mode) else {
                continue;
            };
            // By priority: a long hint that does not fit leaves room for
            // a shorter, less useful one.
            let w = str_width(&key) + str_width(label) + 3;
            if used + w >= width {
                continue;
            }
            used += w;
            hints.push(Span::raw("  "));
            hints.push(owned(&key, theme.bar().patch(theme.key())));
            hints.push(Span::raw(format!(" {label}")));
        }
        Line::from(span(&left, theme.bar())).render(area, buf);
        let hints_width: usize = hints.iter().map(|s| str_width(&s.content)).sum();
        let x = area.x + (width.saturating_sub(hints_width)) as u16;
        let hint_area = Rect {
            x,
            width: hints_width as u16,
            ..area
        };
        Line::from(hints).render(hint_area, buf);
    }
}
