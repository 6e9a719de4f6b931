//! Sending only the graphic rendition that changes.
//!
//! crossterm sets colours in pairs (`ESC[32;49m` when only the foreground
//! changed) and each attribute in a sequence of its own, and ratatui ends
//! every frame by resetting colours one by one. A third of a page's bytes
//! were such sequences. Here each run of adjacent SGR sequences becomes one
//! that sets only what differs from the rendition already in effect, or
//! nothing at all.

/// Attributes with their own on and off codes; `off` clears every
/// attribute that shares it (22 ends both bold and faint).
const ATTRIBUTES: [(u8, u8); 9] = [
    (1, 22),
    (2, 22),
    (3, 23),
    (4, 24),
    (5, 25),
    (6, 25),
    (7, 27),
    (8, 28),
    (9, 29),
];

/// The rendition a terminal draws with: attribute bits (in the order of
/// [`ATTRIBUTES`]) and colours as their SGR parameters (empty: the default).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Rendition {
    attributes: u16,
    fg: String,
    bg: String,
    underline_colour: String,
}

impl Rendition {
    /// Applies one sequence's parameters and tells whether they reset
    /// everything on the way; `None` for a parameter this does not model
    /// (the sequence is then sent as it is).
    fn apply(&mut self, params: &[u16]) -> Option<bool> {
        let mut reset = params.is_empty();
        if reset {
            *self = Rendition::default();
        }
        let mut i = 0;
        while i < params.len() {
            let p = params[i];
            i += 1;
            match p {
                0 => {
                    *self = Rendition::default();
                    reset = true;
                }
                30..=37 | 90..=97 => self.fg = p.to_string(),
                40..=47 | 100..=107 => self.bg = p.to_string(),
                39 => self.fg.clear(),
                49 => self.bg.clear(),
                59 => self.underline_colour.clear(),
                38 | 48 | 58 => {
                    let len = match params.get(i) {
                        Some(5) => 2,
                        Some(2) => 4,
                        _ => return None,
                    };
                    let args = params.get(i..i + len)?;
                    let mut colour = p.to_string();
                    for a in args {
                        colour.push_str(&format!(";{a}"));
                    }
                    i += len;
                    match p {
                        38 => self.fg = colour,
                        48 => self.bg = colour,
                        _ => self.underline_colour = colour,
                    }
                }
                _ => {
                    let mut known = false;
                    for (bit, &(on, off)) in ATTRIBUTES.iter().enumerate() {
                        if p == u16::from(on) {
                            self.attributes |= 1 << bit;
                            known = true;
                        } else if p == u16::from(off) {
                            self.attributes &= !(1 << bit);
                            known = true;
                        }
                    }
                    if !known {
                        return None;
                    }
                }
            }
        }
        Some(reset)
    }

    /// Parameters that take a terminal from `self` to `next`, shortest of
    /// changing what differs and starting over from a reset.
    fn to(&self, next: &Rendition) -> String {
        if next == self {
            return String::new();
        }
        if *next == Rendition::default() {
            return "0".into();
        }
        let changes = self.changes(next);
        let reset = format!("0;{}", Rendition::default().changes(next));
        if reset.len() < changes.len() {
            reset
        } else {
            changes
        }
    }

    fn changes(&self, next: &Rendition) -> String {
        let mut params: Vec<String> = Vec::new();
        // An off code clears a group; what stays on in the group is set again.
        for (bit, &(_, off)) in ATTRIBUTES.iter().enumerate() {
            let lost = self.attributes & !next.attributes & (1 << bit) != 0;
            if lost && !params.contains(&off.to_string()) {
                params.push(off.to_string());
            }
        }
        let cleared = |bit: usize| {
            let off = ATTRIBUTES[bit].1.to_string();
            params.contains(&off)
        };
        let mut ons = Vec::new();
        for (bit, &(on, _)) in ATTRIBUTES.iter().enumerate() {
            let has = next.attributes & (1 << bit) != 0;
            let had = self.attributes & (1 << bit) != 0;
            if has && (!had || cleared(bit)) {
                ons.push(on.to_string());
            }
        }
        params.extend(ons);
        for (old, new, default) in [
            (&self.fg, &next.fg, "39"),
            (&self.bg, &next.bg, "49"),
            (&self.underline_colour, &next.underline_colour, "59"),
        ] {
            if old != new {
                params.push(if new.is_empty() { default } else { new }.to_string());
            }
        }
        params.join(";")
    }
}

/// What the terminal is drawing with, when known: it is not until the first
/// reset, nor after a sequence this does not model.
#[derive(Debug, Default)]
pub struct Renditions {
    known: Option<Rendition>,
}

/// An SGR sequence at the start of `bytes`: its parameters and length.
fn sgr_at(bytes: &[u8]) -> Option<(Vec<u16>, usize)> {
    let body = bytes.strip_prefix(b"\x1b[")?;
    let len = body
        .iter()
        .position(|b| !(b.is_ascii_digit() || *b == b';'))?;
    if body[len] != b'm' {
        return None;
    }
    let text = std::str::from_utf8(&body[..len]).ok()?;
    let params = if text.is_empty() {
        Vec::new()
    } else {
        text.split(';')
            .map(|p| {
                if p.is_empty() {
                    Some(0)
                } else {
                    p.parse().ok()
                }
            })
            .collect::<Option<Vec<u16>>>()?
    };
    Some((params, 2 + len + 1))
}

/// Whether an escape sequence leaves the rendition alone: cursor moves,
/// erasing, scroll regions and scrolling, showing and hiding the cursor.
fn keeps_rendition(bytes: &[u8]) -> Option<usize> {
    let body = bytes.strip_prefix(b"\x1b[")?;
    let len = body
        .iter()
        .position(|b| !(b.is_ascii_digit() || *b == b';' || *b == b'?'))?;
    let harmless = matches!(
        body[len],
        b'H' | b'J' | b'K' | b'r' | b'S' | b'T' | b'A'..=b'G'
    ) || (body.starts_with(b"?25") && matches!(body[len], b'h' | b'l'));
    harmless.then_some(2 + len + 1)
}

impl Renditions {
    /// `frame` with every run of adjacent SGR sequences replaced by the one
    /// sequence (or none) that gives the same rendition.
    pub fn minimise(&mut self, frame: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(frame.len());
        let mut i = 0;
        while i < frame.len() {
            if frame[i] != 0x1b {
                let next = frame[i..]
                    .iter()
                    .position(|&b| b == 0x1b)
                    .map_or(frame.len(), |n| i + n);
                out.extend_from_slice(&frame[i..next]);
                i = next;
                continue;
            }
            if let Some((params, mut len)) = sgr_at(&frame[i..]) {
                let start = i;
                // The run: this sequence and those right after it.
                let mut run = vec![params];
                while let Some((more, more_len)) = sgr_at(&frame[start + len..]) {
                    run.push(more);
                    len += more_len;
                }
                i = start + len;
                self.rewrite_run(&frame[start..i], &run, &mut out);
                continue;
            }
            let len = match keeps_rendition(&frame[i..]) {
                Some(len) => len,
                None => {
                    self.known = None;
                    1
                }
            };
            out.extend_from_slice(&frame[i..i + len]);
            i += len;
        }
        out
    }

    /// `run` is the bytes of adjacent sequences whose parameters are `sequences`.
    fn rewrite_run(&mut self, run: &[u8], sequences: &[Vec<u16>], out: &mut Vec<u8>) {
        let start = self.known.clone();
        let mut next = start.clone().unwrap_or_default();
        let mut after_reset = start.is_some();
        for params in sequences {
            match next.apply(params) {
                Some(reset) => after_reset |= reset,
                None => {
                    self.known = None;
                    out.extend_from_slice(run);
                    return;
                }
            }
        }
        match start {
            Some(old) => {
                let params = old.to(&next);
                if !params.is_empty() {
                    out.extend_from_slice(format!("\x1b[{params}m").as_bytes());
                }
            }
            // Unknown before: sent as it is, and known after a reset.
            None => out.extend_from_slice(run),
        }
        self.known = after_reset.then_some(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min(r: &mut Renditions, s: &str) -> String {
        String::from_utf8(r.minimise(s.as_bytes())).unwrap()
    }

    fn known() -> Renditions {
        Renditions {
            known: Some(Rendition::default()),
        }
    }

    #[test]
    fn unknown_until_a_reset() {
        let mut r = Renditions::default();
        assert_eq!(min(&mut r, "\x1b[32;49mx"), "\x1b[32;49mx");
        assert_eq!(min(&mut r, "\x1b[0m\x1b[32;49mx"), "\x1b[0m\x1b[32;49mx");
        assert_eq!(min(&mut r, "\x1b[32;49my\x1b[39;49mz"), "y\x1b[0mz");
    }

    #[test]
    fn only_what_changes_is_sent() {
        let mut r = known();
        assert_eq!(
            min(&mut r, "a\x1b[4m\x1b[32;49mb\x1b[24m\x1b[39;49mc"),
            "a\x1b[4;32mb\x1b[0mc"
        );
        assert_eq!(min(&mut r, "\x1b[39m\x1b[49m\x1b[59m\x1b[0m"), "");
        assert_eq!(
            min(&mut r, "\x1b[1m\x1b[33;49m▌\x1b[22m\x1b[39;49mx"),
            "\x1b[1;33m▌\x1b[0mx"
        );
    }

    #[test]
    fn an_off_code_that_clears_a_group_sets_the_rest_again() {
        let mut r = known();
        assert_eq!(min(&mut r, "\x1b[1m\x1b[2m\x1b[31m"), "\x1b[1;2;31m");
        assert_eq!(min(&mut r, "\x1b[22m\x1b[2m"), "\x1b[22;2m");
    }

    #[test]
    fn a_reset_is_used_when_shorter() {
        let mut r = known();
        min(&mut r, "\x1b[1;3;4;7;38;5;200m");
        assert_eq!(min(&mut r, "\x1b[22;23;24;27;39m\x1b[32m"), "\x1b[0;32m");
    }

    #[test]
    fn other_sequences_keep_or_forget_the_rendition() {
        let mut r = known();
        assert_eq!(
            min(&mut r, "\x1b[31mx\x1b[2;5H\x1b[Ky\x1b[31mz"),
            "\x1b[31mx\x1b[2;5H\x1b[Kyz"
        );
        // A sequence it does not know may change anything.
        assert_eq!(min(&mut r, "\x1b7\x1b[31mz"), "\x1b7\x1b[31mz");
        assert!(r.known.is_none());
        // A parameter it does not model is sent as written.
        let mut r = known();
        assert_eq!(min(&mut r, "\x1b[21mx\x1b[21my"), "\x1b[21mx\x1b[21my");
    }

    #[test]
    fn a_zero_inside_a_colour_is_not_a_reset() {
        let mut r = Renditions::default();
        assert_eq!(
            min(&mut r, "\x1b[38;2;0;0;0mx\x1b[1my"),
            "\x1b[38;2;0;0;0mx\x1b[1my"
        );
        assert!(r.known.is_none());
    }

    #[test]
    fn truecolour_and_indexed_colours_are_whole_parameters() {
        let mut r = known();
        assert_eq!(
            min(&mut r, "\x1b[38;2;1;2;3m\x1b[48;5;17m"),
            "\x1b[38;2;1;2;3;48;5;17m"
        );
        assert_eq!(min(&mut r, "\x1b[38;2;1;2;3;48;5;17m"), "");
        assert_eq!(min(&mut r, "\x1b[38;5m"), "\x1b[38;5m");
    }
}
