//! Chords: keys that run an action together, such as `g g`.

use std::fmt;

use super::Key;

/// A sequence of keys bound together, such as `g g`; usually one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chord(pub Vec<Key>);

impl Chord {
    pub fn keys(&self) -> &[Key] {
        &self.0
    }

    pub fn starts_with(&self, prefix: &[Key]) -> bool {
        self.0.starts_with(prefix)
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, k) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{k}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_print_with_spaces() {
        assert_eq!(
            Chord(vec![
                "g".parse::<Key>().unwrap(),
                "g".parse::<Key>().unwrap()
            ])
            .to_string(),
            "g g"
        );
    }
}
