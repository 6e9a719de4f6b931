//! Second line of defence: a backend that never lets a control character in
//! a cell reach the terminal, whatever a widget did with its text.

use std::io;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use crate::term::sanitize;

/// Wraps a backend; cells whose symbol holds a character that
/// [`sanitize::replacement`] flags are drawn with those characters removed.
pub struct GuardedBackend<B> {
    inner: B,
    /// Cells repaired so far (zero when the sanitizing boundary did its job).
    pub repaired: usize,
}

impl<B> GuardedBackend<B> {
    pub fn new(inner: B) -> Self {
        GuardedBackend { inner, repaired: 0 }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }

    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

fn unsafe_symbol(symbol: &str) -> bool {
    symbol.chars().any(|c| sanitize::replacement(c).is_some())
}

impl<B: Backend> Backend for GuardedBackend<B> {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut repaired: Vec<(u16, u16, Cell)> = Vec::new();
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        if cells.iter().all(|(_, _, c)| !unsafe_symbol(c.symbol())) {
            return self.inner.draw(cells.into_iter());
        }
        for (x, y, cell) in &cells {
            let mut cell = (*cell).clone();
            if unsafe_symbol(cell.symbol()) {
                let clean: String = cell
                    .symbol()
                    .chars()
                    .filter(|&c| sanitize::replacement(c).is_none())
                    .collect();
                cell.set_symbol(if clean.is_empty() { " " } else { &clean });
                self.repaired += 1;
            }
            repaired.push((*x, *y, cell));
        }
        self.inner
            .draw(repaired.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }

    fn scroll_region_up(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> io::Result<()> {
        self.inner.scroll_region_up(region, line_count)
    }

    fn scroll_region_down(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> io::Result<()> {
        self.inner.scroll_region_down(region, line_count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;
    use ratatui::Terminal;

    #[test]
    fn raw_escape_in_a_widget_never_reaches_the_backend() {
        let mut terminal = Terminal::new(GuardedBackend::new(TestBackend::new(10, 1))).unwrap();
        terminal
            .draw(|f| f.render_widget(Paragraph::new("a\x1b]52;c;x\x07b"), f.area()))
            .unwrap();
        let backend = terminal.backend();
        assert!(backend.repaired > 0);
        let shown: String = backend
            .inner()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
    }
}
