//! Colours in the form every colour terminal understands.
//!
//! crossterm writes even the 16 ANSI colours as 256-colour SGR
//! (`ESC[38;5;4m`), which the Linux console and vt100-class terminals do not
//! read. The theme only uses those 16, so each frame is rewritten to the
//! classic codes (30-37, 90-97 and 40-47, 100-107) before it is sent.

use std::borrow::Cow;
use std::io::{self, Write};

use super::rendition::Renditions;

/// A frame buffer: collects what is written and sends it, colours
/// rewritten and renditions minimised, in one write on `flush`.
pub struct FrameWriter<W: Write> {
    inner: W,
    frame: Vec<u8>,
    renditions: Renditions,
}

impl<W: Write> FrameWriter<W> {
    pub fn new(inner: W) -> Self {
        FrameWriter {
            inner,
            frame: Vec::with_capacity(1 << 16),
            renditions: Renditions::default(),
        }
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.frame.is_empty() {
            let frame = self.renditions.minimise(&classic_colours(&self.frame));
            self.inner.write_all(&frame)?;
            self.frame.clear();
        }
        self.inner.flush()
    }
}

/// `bytes` with every `38;5;N` / `48;5;N` (N < 16) inside an SGR sequence
/// replaced by its classic code. Anything else is left as it is.
pub fn classic_colours(bytes: &[u8]) -> Cow<'_, [u8]> {
    if !bytes.windows(3).any(|w| w == b"8;5") {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[") {
            let params = &bytes[i + 2..];
            let len = params
                .iter()
                .position(|b| !(b.is_ascii_digit() || *b == b';'))
                .unwrap_or(params.len());
            if params.get(len) == Some(&b'm') {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(rewrite(&params[..len]).as_bytes());
                out.push(b'm');
                i += 2 + len + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(out)
}

fn rewrite(params: &[u8]) -> String {
    let text = String::from_utf8_lossy(params);
    let parts: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let index = parts.get(i + 2).and_then(|n| n.parse::<u8>().ok());
        match (parts[i], parts.get(i + 1), index) {
            ("38", Some(&"5"), Some(n)) if n < 16 => {
                out.push(classic(30, 90, n));
                i += 3;
            }
            ("48", Some(&"5"), Some(n)) if n < 16 => {
                out.push(classic(40, 100, n));
                i += 3;
            }
            // Colour arguments are not codes of their own: copy them whole.
            ("38" | "48" | "58", Some(&"5"), _) => {
                out.extend(
                    parts[i..(i + 3).min(parts.len())]
                        .iter()
                        .map(|s| s.to_string()),
                );
                i += 3;
            }
            ("38" | "48" | "58", Some(&"2"), _) => {
                out.extend(
                    parts[i..(i + 5).min(parts.len())]
                        .iter()
                        .map(|s| s.to_string()),
                );
                i += 5;
            }
            (p, _, _) => {
                out.push(p.to_string());
                i += 1;
            }
        }
    }
    out.join(";")
}

fn classic(normal: u8, bright: u8, n: u8) -> String {
    if n < 8 {
        (normal + n).to_string()
    } else {
        (bright + n - 8).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(s: &str) -> String {
        String::from_utf8(classic_colours(s.as_bytes()).into_owned()).unwrap()
    }

    #[test]
    fn ansi_indices_become_classic_codes() {
        assert_eq!(rw("\x1b[38;5;4m"), "\x1b[34m");
        assert_eq!(rw("a\x1b[38;5;15;48;5;4mb"), "a\x1b[97;44mb");
        assert_eq!(rw("\x1b[38;5;8;49m"), "\x1b[90;49m");
        assert_eq!(rw("\x1b[48;5;12m"), "\x1b[104m");
    }

    #[test]
    fn other_colours_and_sequences_stay() {
        assert_eq!(rw("\x1b[38;5;200m"), "\x1b[38;5;200m");
        assert_eq!(rw("\x1b[38;2;1;5;3m\x1b[1m"), "\x1b[38;2;1;5;3m\x1b[1m");
        assert_eq!(rw("\x1b[3;8H8;5"), "\x1b[3;8H8;5");
        assert!(matches!(classic_colours(b"\x1b[1;1H"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_frame_goes_out_on_flush() {
        let mut w = FrameWriter::new(Vec::new());
        write!(w, "\x1b[38;5;").unwrap();
        write!(w, "2mx").unwrap();
        assert!(w.inner.is_empty());
        w.flush().unwrap();
        assert_eq!(w.inner, b"\x1b[32mx");
    }
}
