//! Copying to the user's own clipboard with OSC 52, which terminals (and
//! tmux with `set-clipboard on`) pass to the clipboard of the machine the
//! user sits at, over SSH too. Terminals without it ignore the sequence;
//! `clipboard = false` in `cite.toml` turns copying off.

use base64::Engine;

use super::sanitize;

/// The one sequence that sets the clipboard to `text`: controls and bidi
/// overrides in it are neutralised first, as everywhere casebook writes.
pub fn osc52(text: &str) -> String {
    let safe = sanitize::display(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(safe.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sequence_with_the_text_neutralised() {
        let seq = osc52("a\x1b]52;c;evil\x07 b\u{202e}");
        assert_eq!(seq.matches('\x1b').count(), 1);
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .unwrap()
            .strip_suffix('\x07')
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        assert_eq!(
            String::from_utf8(decoded).unwrap(),
            "a\u{241b}]52;c;evil\u{2407} b<U+202E>"
        );
    }
}
