//! Browser-style history of jumps: back and forward over reading positions,
//! across case studies.

/// A reading position: an outline item of a case study.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub case: String,
    pub item: usize,
}

/// `back` returns where to go and remembers where we were, so `forward`
/// can return there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpList<T = Spot> {
    entries: Vec<T>,
    /// Index in `entries` of the position we are at when travelling in
    /// history; `entries.len()` when at the newest position (not stored yet).
    at: usize,
}

const CAPACITY: usize = 200;

impl<T> Default for JumpList<T> {
    fn default() -> Self {
        JumpList {
            entries: Vec::new(),
            at: 0,
        }
    }
}

impl<T: Clone + PartialEq> JumpList<T> {
    /// Records that we leave `from` for somewhere else; forward history is cut.
    pub fn record(&mut self, from: T) {
        self.entries.truncate(self.at);
        if self.entries.last() != Some(&from) {
            self.entries.push(from);
        }
        if self.entries.len() > CAPACITY {
            self.entries.remove(0);
        }
        self.at = self.entries.len();
    }

    /// Where to go back to, given that we are now at `current`.
    pub fn back(&mut self, current: T) -> Option<T> {
        if self.at == 0 {
            return None;
        }
        if self.at == self.entries.len() {
            // Keep the newest position so forward can come back to it.
            if self.entries.last() != Some(&current) {
                self.entries.push(current.clone());
            }
            self.at = self.entries.len() - 1;
        }
        // Skip entries equal to where we stand.
        while self.at > 0 {
            self.at -= 1;
            if self.entries[self.at] != current {
                return Some(self.entries[self.at].clone());
            }
        }
        None
    }

    pub fn forward(&mut self) -> Option<T> {
        if self.at + 1 < self.entries.len() {
            self.at += 1;
            Some(self.entries[self.at].clone())
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_like_a_browser() {
        let mut j = JumpList::<usize>::default();
        j.record(1); // 1 -> 5
        j.record(5); // 5 -> 9
        assert_eq!(j.back(9), Some(5));
        assert_eq!(j.back(5), Some(1));
        assert_eq!(j.back(1), None);
        assert_eq!(j.forward(), Some(5));
        assert_eq!(j.forward(), Some(9));
        assert_eq!(j.forward(), None);
    }

    #[test]
    fn a_new_jump_cuts_forward_history() {
        let mut j = JumpList::<usize>::default();
        j.record(1);
        j.record(5);
        assert_eq!(j.back(9), Some(5));
        j.record(5); // 5 -> 7
        assert_eq!(j.forward(), None);
        assert_eq!(j.back(7), Some(5));
        assert_eq!(j.back(5), Some(1));
    }

    #[test]
    fn back_with_empty_history_is_none() {
        let mut j = JumpList::<usize>::default();
        assert_eq!(j.back(3), None);
        assert_eq!(j.forward(), None);
    }
}
