//! The one boundary between untrusted text and the terminal.
//!
//! Corpus files, notes and key maps are untrusted: a raw ESC, CSI or OSC in
//! them would be obeyed by the terminal (ratatui passes them through). Every
//! string the UI draws goes through [`display`]; the terminal backend in
//! `term::backend` strips anything that slips past, as a second line.
//!
//! Neutralised characters stay visible: C0 controls and DEL as the Unicode
//! control pictures (`␛`), C1 controls, bidi controls, zero-width characters
//! and the BOM as `<U+XXXX>`. Stored text is never changed.

use std::borrow::Cow;

/// How a character must be shown, if not as itself.
pub fn replacement(c: char) -> Option<Replacement> {
    let code = c as u32;
    match code {
        0x00..=0x1F => Some(Replacement::Picture(
            char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        )),
        0x7F => Some(Replacement::Picture('\u{2421}')),
        0x80..=0x9F
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2069
        | 0xFEFF
        | 0xFFF9..=0xFFFB => Some(Replacement::CodePoint(code)),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replacement {
    Picture(char),
    CodePoint(u32),
}

impl Replacement {
    fn push_to(self, out: &mut String) {
        match self {
            Replacement::Picture(p) => out.push(p),
            Replacement::CodePoint(code) => out.push_str(&format!("<U+{code:04X}>")),
        }
    }
}

/// `text` as it may be shown: unchanged (borrowed) when it is safe.
pub fn display(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| replacement(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match replacement(c) {
            Some(r) => r.push_to(&mut out),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Display form of one character (for code that lays text out char by char).
pub fn display_char(c: char, out: &mut String) {
    match replacement(c) {
        Some(r) => r.push_to(out),
        None => out.push(c),
    }
}

/// `text` for plain command-line output, as `cat -v` and `less` show it:
/// C0 controls in caret notation (`^[`), DEL as `^?`, the other flagged
/// characters as `<U+XXXX>`. Newlines and tabs are kept: they lay out the
/// output and cannot change the terminal's state.
pub fn caret(text: &str) -> Cow<'_, str> {
    let flagged = |c: char| c != '\n' && c != '\t' && replacement(c).is_some();
    if !text.chars().any(flagged) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            _ if !flagged(c) => out.push(c),
            '\x00'..='\x1f' => {
                out.push('^');
                out.push(char::from(c as u8 + 0x40));
            }
            '\x7f' => out.push_str("^?"),
            _ => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// How many characters of `text` would be neutralised.
pub fn count_neutralised(text: &str) -> usize {
    text.chars().filter(|&c| replacement(c).is_some()).count()
}

/// For plain (not full-screen) output to a terminal: line breaks and tabs
/// stay, every other flagged character is neutralised as in [`display`].
pub fn lines(text: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    if !text.chars().any(|c| !keep(c) && replacement(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else {
            display_char(c, &mut out);
        }
    }
    Cow::Owned(out)
}

/// For text typed or pasted into an editor: controls become their visible
/// form, newlines and tabs stay (the editor handles them itself).
pub fn editor_input(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            // Terminals paste line breaks as CR (or CR LF).
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            _ => display_char(c, &mut out),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_text_is_borrowed() {
        assert!(matches!(display("Xiàgăng 大连 “quoted”"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_become_visible() {
        assert_eq!(display("a\x1b[31mb"), "a␛[31mb");
        assert_eq!(display("\u{9b}2J"), "<U+009B>2J");
        assert_eq!(display("x\u{202E}y"), "x<U+202E>y");
        assert_eq!(display("\u{feff}"), "<U+FEFF>");
        assert_eq!(display("\x7f"), "␡");
        assert_eq!(count_neutralised("\x1b]52;c;x\x07"), 2);
    }

    #[test]
    fn caret_notation_for_the_command_line() {
        assert_eq!(
            caret("a\x1b[31mb\nc\u{9b}\u{202e}\x7f"),
            "a^[[31mb\nc<U+009B><U+202E>^?"
        );
        assert!(matches!(caret("plain\ttext\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn editor_input_keeps_lines() {
        assert_eq!(editor_input("a\r\nb\x1bc"), "a\nb␛c");
        assert_eq!(editor_input("a\rb\r\r\nc"), "a\nb\n\nc");
    }

    #[test]
    fn lines_keep_breaks_and_tabs() {
        assert_eq!(lines("a\tb\nc\x1b[2J\u{9d}"), "a\tb\nc␛[2J<U+009D>");
        assert!(matches!(lines("plain\n"), Cow::Borrowed(_)));
    }
}
