//! Keys and chords in the notation key map files use: `j`, `G`, `<C-d>`,
//! `<A-x>`, `<S-Tab>`, `<Esc>`, `<Space>`, `<F1>`, `<lt>`.
//!
//! A [`Key`] is normalised so that one key has one value: a shifted letter is
//! the uppercase letter without SHIFT (`G` and `<S-g>` are equal), Shift-Tab
//! is `Tab` with SHIFT whether the terminal says `BackTab` or not.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

/// One key press, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

/// Named keys: notation name and code. The first name of a code is the one `Display` prints.
const NAMED: &[(&str, KeyCode)] = &[
    ("Esc", KeyCode::Esc),
    ("Escape", KeyCode::Esc),
    ("Enter", KeyCode::Enter),
    ("CR", KeyCode::Enter),
    ("Return", KeyCode::Enter),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("BS", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Del", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Space", KeyCode::Char(' ')),
    ("lt", KeyCode::Char('<')),
    ("gt", KeyCode::Char('>')),
];

impl Key {
    /// Builds a key from a code and modifiers, normalising as terminals differ.
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::BackTab => {
                mods |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            KeyCode::Char(c) => {
                // The character already says whether shift was held.
                let shifted = mods.contains(KeyModifiers::SHIFT);
                mods.remove(KeyModifiers::SHIFT);
                if shifted && c.is_lowercase() {
                    KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyCode::Char(c)
                }
            }
            other => other,
        };
        Key { code, mods }
    }

    /// A plain character key.
    pub fn char(c: char) -> Key {
        Key::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    pub fn code(&self) -> KeyCode {
        self.code
    }

    pub fn modifiers(&self) -> KeyModifiers {
        self.mods
    }

    /// The character this key types, if it types one (no Ctrl or Alt held).
    pub fn text(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if self.mods.is_empty() => Some(c),
            _ => None,
        }
    }
}

impl From<KeyEvent> for Key {
    fn from(ev: KeyEvent) -> Key {
        Key::new(ev.code, ev.modifiers)
    }
}

/// The event a terminal would report for this key (used to drive the UI in tests).
impl From<Key> for KeyEvent {
    fn from(key: Key) -> KeyEvent {
        let (code, mods) = match key.code {
            KeyCode::Tab if key.mods.contains(KeyModifiers::SHIFT) => (KeyCode::BackTab, key.mods),
            KeyCode::Char(c) if c.is_uppercase() => (key.code, key.mods | KeyModifiers::SHIFT),
            code => (code, key.mods),
        };
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }
}

/// Why a key notation could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError(pub String);

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeyError {}

impl FromStr for Key {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Key, KeyError> {
        let bad = |why: &str| KeyError(format!("malformed key `{s}`: {why}"));
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (None, _) => return Err(bad("empty")),
            (Some(c), None) if !hides_text(c) => return Ok(Key::char(c)),
            (Some(c), None) => {
                let why = format!("invisible character; write it as `<U+{:04X}>`", c as u32);
                return Err(bad(&why));
            }
            _ => {}
        }
        let Some(inner) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
            return Err(bad("write one character, or a name in angle brackets such as `<Esc>`; a chord is a list: [\"g\", \"g\"]"));
        };
        let mut mods = KeyModifiers::NONE;
        let mut rest = inner;
        // Modifier prefixes: `C-`, `A-` (or `M-`), `S-`; "-" alone is the minus key.
        while rest.len() > 2 && rest.as_bytes()[1] == b'-' {
            let m = match rest.as_bytes()[0].to_ascii_uppercase() {
                b'C' => KeyModifiers::CONTROL,
                b'A' | b'M' => KeyModifiers::ALT,
                b'S' => KeyModifiers::SHIFT,
                _ => return Err(bad(&format!("unknown modifier `{}-`", &rest[..1]))),
            };
            if mods.contains(m) {
                return Err(bad("modifier given twice"));
            }
            mods |= m;
            rest = &rest[2..];
        }
        let code = parse_code(rest).ok_or_else(|| bad(&format!("unknown key name `{rest}`")))?;
        if let KeyCode::Char(c) = code {
            if mods.contains(KeyModifiers::SHIFT) && !c.is_alphabetic() && c != ' ' {
                return Err(bad(
                    "shift is written as the character it types, e.g. `?` not `<S-/>`",
                ));
            }
        }
        Ok(Key::new(code, mods))
    }
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!hides_text(c)).then_some(KeyCode::Char(c));
    }
    if let Some(hex) = name.strip_prefix("U+").or_else(|| name.strip_prefix("u+")) {
        return u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .map(KeyCode::Char);
    }
    if let Some(n) = name
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
    {
        return (1..=24).contains(&n).then_some(KeyCode::F(n));
    }
    NAMED
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, code)| code)
}

/// Characters that would act on the terminal or reorder text if a help screen printed them.
pub(super) fn hides_text(c: char) -> bool {
    c.is_control()
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn code_name(code: KeyCode) -> Option<String> {
    if let KeyCode::F(n) = code {
        return Some(format!("F{n}"));
    }
    NAMED
        .iter()
        .find(|&&(_, c)| c == code)
        .map(|(n, _)| n.to_string())
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only Space and `<` need names; every other character prints as itself.
        let name = match self.code {
            KeyCode::Char(c) if hides_text(c) => Some(format!("U+{:04X}", c as u32)),
            KeyCode::Char(c) if c != ' ' && c != '<' => None,
            code => code_name(code),
        };
        if let (true, KeyCode::Char(c), None) = (self.mods.is_empty(), self.code, &name) {
            return write!(f, "{c}");
        }
        f.write_str("<")?;
        for (m, p) in [
            (KeyModifiers::CONTROL, "C-"),
            (KeyModifiers::ALT, "A-"),
            (KeyModifiers::SHIFT, "S-"),
        ] {
            if self.mods.contains(m) {
                f.write_str(p)?;
            }
        }
        match (name, self.code) {
            (Some(n), _) => f.write_str(&n)?,
            (None, KeyCode::Char(c)) => write!(f, "{c}")?,
            (None, other) => write!(f, "{other:?}")?,
        }
        f.write_str(">")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Key {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn shifted_letters_are_one_key() {
        assert_eq!(k("G"), k("<S-g>"));
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from(ev), k("G"));
        let ev = KeyEvent::new(KeyCode::Char('g'), KeyModifiers::SHIFT);
        assert_eq!(Key::from(ev), k("G"));
        assert_ne!(k("g"), k("G"));
    }

    #[test]
    fn back_tab_is_shift_tab() {
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from(ev), k("<S-Tab>"));
        assert_eq!(Key::from(KeyEvent::from(k("<S-Tab>"))), k("<S-Tab>"));
    }

    #[test]
    fn notation_prints_as_written() {
        for s in [
            "j", "G", "<C-d>", "<A-x>", "<S-Tab>", "<Esc>", "<Enter>", "<Space>",
        ] {
            assert_eq!(k(s).to_string(), s);
        }
        for s in [
            "<PageDown>",
            "<Up>",
            "<F1>",
            "<lt>",
            "<C-lt>",
            "?",
            "-",
            "<C-->",
            ">",
            "<U+202E>",
            "<C-U+001B>",
        ] {
            assert_eq!(k(s).to_string(), s);
        }
        assert_eq!(k("<").to_string(), "<lt>");
        assert_eq!(k("<esc>"), k("<Esc>"));
        assert_eq!(k("<M-x>"), k("<A-x>"));
        assert_eq!(k(" "), k("<Space>"));
    }

    #[test]
    fn malformed_notation_is_refused() {
        for s in [
            "", "jj", "<C-d", "<X-d>", "<Foo>", "<C-C-d>", "<F0>", "<F25>", "<S-/>", "\u{1b}",
            "\u{202e}", "<U+zz>", "<U+D800>",
        ] {
            assert!(s.parse::<Key>().is_err(), "{s:?} parsed");
        }
    }
}
