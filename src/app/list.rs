//! Selection in a list that may be longer than the space to show it.

/// A selected row in a list of `len` rows; `offset` is the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub index: usize,
    pub offset: usize,
    pub len: usize,
}

impl Selection {
    pub fn new(len: usize) -> Self {
        Selection {
            index: 0,
            offset: 0,
            len,
        }
    }

    /// Keeps the selection valid after the list changed length.
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        self.index = self.index.min(len.saturating_sub(1));
        self.offset = self.offset.min(self.index);
    }

    pub fn by(&mut self, delta: isize) {
        if self.len == 0 {
            return;
        }
        let last = self.len - 1;
        self.index = self.index.saturating_add_signed(delta).min(last);
    }

    pub fn first(&mut self) {
        self.index = 0;
    }

    pub fn last(&mut self) {
        self.index = self.len.saturating_sub(1);
    }

    pub fn selected(&self) -> Option<usize> {
        (self.index < self.len).then_some(self.index)
    }

    /// First row to show so the selection is inside a window of `height` rows.
    pub fn scrolled(&self, height: usize) -> usize {
        let height = height.max(1);
        if self.index < self.offset {
            self.index
        } else if self.index >= self.offset + height {
            self.index + 1 - height
        } else {
            self.offset
        }
    }

    /// Remembers the window drawn, so the next move scrolls minimally.
    pub fn follow(&mut self, height: usize) {
        self.offset = self.scrolled(height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_in_bounds() {
        let mut s = Selection::new(3);
        s.by(-1);
        assert_eq!(s.index, 0);
        s.by(10);
        assert_eq!(s.index, 2);
        s.set_len(1);
        assert_eq!(s.index, 0);
        let mut empty = Selection::new(0);
        empty.by(1);
        assert_eq!(empty.selected(), None);
    }

    #[test]
    fn window_follows_selection() {
        let mut s = Selection::new(100);
        s.by(20);
        assert_eq!(s.scrolled(10), 11);
        s.follow(10);
        s.by(-5);
        assert_eq!(s.scrolled(10), 11);
        s.by(-10);
        assert_eq!(s.scrolled(10), 5);
    }
}
