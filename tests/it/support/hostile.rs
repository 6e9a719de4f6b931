//! What a terminal would do with casebook's output: every escape sequence
//! in a byte stream, classified, and the screen it leaves.
#![allow(dead_code)]

use std::path::PathBuf;

use casebook::term::sanitize;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Everything the stream asked the terminal to do.
#[derive(Debug, Default)]
pub struct Audit {
    /// Sequences casebook itself has no reason to send (OSC, DCS, APC, ...).
    pub forbidden: Vec<String>,
    /// C0 controls executed (BEL, BS, ...), other than CR and LF.
    pub controls: Vec<u8>,
    /// Printed characters that the sanitizer would have neutralised.
    pub leaked: Vec<char>,
    /// CSI final bytes seen, with their private marker (`?h`).
    pub csi_kinds: Vec<String>,
    /// SGR parameter lists selecting 256-colour or truecolour.
    pub extended_colours: Vec<String>,
    pub sgr_count: usize,
    /// SGR sequences that set a foreground or background colour.
    pub colour_sgr: usize,
}

impl Audit {
    pub fn assert_clean(&self) {
        assert!(
            self.forbidden.is_empty(),
            "forbidden sequences: {:?}",
            self.forbidden
        );
        assert!(
            self.controls.is_empty(),
            "C0 controls executed: {:?}",
            self.controls
        );
        assert!(
            self.leaked.is_empty(),
            "raw characters printed: {:?}",
            self.leaked
        );
    }
}

/// Cursor moves, colours and modes: what ratatui and crossterm emit.
const ALLOWED_CSI: &[&str] = &["H", "m", "J", "K", "r", "S", "T", "?h", "?l"];
/// Private modes: alternate screen, cursor visibility, bracketed paste,
/// mouse clicks and wheel in SGR form.
const ALLOWED_MODES: &[u16] = &[1049, 25, 2004, 1000, 1006];

impl vte::Perform for Audit {
    fn print(&mut self, c: char) {
        if sanitize::replacement(c).is_some() {
            self.leaked.push(c);
        }
    }

    fn execute(&mut self, byte: u8) {
        if byte != b'\r' && byte != b'\n' {
            self.controls.push(byte);
        }
    }

    fn hook(&mut self, _: &vte::Params, _: &[u8], _: bool, action: char) {
        self.forbidden.push(format!("DCS {action}"));
    }

    fn osc_dispatch(&mut self, params: &[&[u8]], _: bool) {
        let head = params
            .first()
            .map(|p| String::from_utf8_lossy(p).into_owned());
        self.forbidden
            .push(format!("OSC {}", head.unwrap_or_default()));
    }

    fn csi_dispatch(&mut self, params: &vte::Params, inter: &[u8], _: bool, action: char) {
        let kind = format!("{}{action}", String::from_utf8_lossy(inter));
        let values: Vec<u16> = params.iter().flat_map(|p| p.iter().copied()).collect();
        if !ALLOWED_CSI.contains(&kind.as_str())
            || (inter == b"?" && !values.iter().all(|m| ALLOWED_MODES.contains(m)))
        {
            self.forbidden.push(format!("CSI {values:?} {kind}"));
        }
        if action == 'm' {
            self.sgr_count += 1;
            let groups: Vec<Vec<u16>> = params.iter().map(|p| p.to_vec()).collect();
            let sets_colour = |v: u16| matches!(v, 30..=38 | 40..=48 | 90..=97 | 100..=107);
            if groups
                .iter()
                .any(|g| g.first().is_some_and(|&v| sets_colour(v)))
            {
                self.colour_sgr += 1;
            }
            if groups.windows(2).any(|w| {
                matches!(w[0].as_slice(), [38] | [48] | [58])
                    && matches!(w[1].as_slice(), [5] | [2])
            }) || groups
                .iter()
                .any(|g| matches!(g.as_slice(), [38 | 48 | 58, 2 | 5, ..]))
            {
                self.extended_colours.push(format!("{values:?}"));
            }
        }
        if !self.csi_kinds.contains(&kind) {
            self.csi_kinds.push(kind);
        }
    }

    fn esc_dispatch(&mut self, inter: &[u8], _: bool, byte: u8) {
        self.forbidden.push(format!(
            "ESC {}{}",
            String::from_utf8_lossy(inter),
            byte as char
        ));
    }
}

/// Parses `bytes` as a terminal would. SOS, PM and APC strings are swallowed
/// by the parser without a callback, so their introducers are looked for
/// directly (ESC X, ESC ^, ESC _; as UTF-8 code points they are printed
/// characters and show up in `leaked`).
pub fn audit(bytes: &[u8]) -> Audit {
    let mut audit = Audit::default();
    let mut parser = vte::Parser::new();
    for &b in bytes {
        parser.advance(&mut audit, b);
    }
    for w in bytes.windows(2) {
        if w[0] == 0x1b && matches!(w[1], b'X' | b'^' | b'_') {
            audit.forbidden.push(format!("ESC {}", w[1] as char));
        }
    }
    audit
}

/// The screen text after `bytes`, on a `cols` x `rows` terminal.
pub fn screen(bytes: &[u8], cols: u16, rows: u16) -> String {
    let mut parser = vt100::Parser::new(rows, cols, 0);
    parser.process(bytes);
    parser.screen().contents()
}

/// How often each visible placeholder occurs in `text`: control pictures
/// (U+2400-2421) and `<U+XXXX>`.
pub fn placeholders(text: &str) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let shown = if ('\u{2400}'..='\u{2421}').contains(&c) {
            Some(c.to_string())
        } else if rest.starts_with("<U+") && rest.get(7..8) == Some(">") {
            Some(rest[..8].to_string())
        } else {
            None
        };
        let step = match shown {
            Some(s) => {
                let len = s.len();
                *counts.entry(s).or_insert(0) += 1;
                len
            }
            None => c.len_utf8(),
        };
        rest = &rest[step..];
    }
    counts
}

/// Every flagged character of `text`, as the placeholders it must become.
pub fn expected_placeholders(text: &str) -> std::collections::BTreeMap<String, usize> {
    placeholders(&sanitize::display(text))
}
