//! A long paper is read and parsed a piece at a time: pulldown-cmark builds
//! a tree of the whole input before the first event, and for a paper of
//! megabytes that tree alone is larger than the paper; the paper's text
//! need not be in memory all at once either. Pieces end before top-level
//! headings, where no block is open, so each parses as it would in place.

use std::collections::BTreeSet;
use std::io::{self, BufRead};

/// Papers shorter than this are parsed in one piece.
pub const WHOLE_BELOW: usize = 1 << 20;
/// The least length of a piece (the last may be shorter).
const PIECE: usize = 256 * 1024;

/// Whole lines of the paper, as read.
pub struct Piece {
    pub bytes: Vec<u8>,
    /// 1-based line number of the first line.
    pub first_line: usize,
    /// Whether this piece is the whole paper.
    pub whole: bool,
}

/// Reads a paper and cuts it just before lines that start an ATX heading
/// outside fenced code, once a piece is long enough and at least
/// `whole_below` bytes have been read.
pub struct Pieces<R> {
    input: R,
    whole_below: usize,
    /// The heading line that begins the next piece.
    carried: Vec<u8>,
    read: usize,
    next_line: usize,
    fenced: bool,
    cut: bool,
    finished: bool,
}

impl<R: BufRead> Pieces<R> {
    pub fn new(input: R, whole_below: usize) -> Self {
        Pieces {
            input,
            whole_below,
            carried: Vec::new(),
            read: 0,
            next_line: 1,
            fenced: false,
            cut: false,
            finished: false,
        }
    }

    /// The next piece; `None` once the paper has been read.
    pub fn next_piece(&mut self) -> io::Result<Option<Piece>> {
        if self.finished {
            return Ok(None);
        }
        let mut bytes = std::mem::take(&mut self.carried);
        loop {
            let at = bytes.len();
            if self.input.read_until(b'\n', &mut bytes)? == 0 {
                self.finished = true;
                break;
            }
            let line = &bytes[at..];
            if is_fence(line) {
                self.fenced = !self.fenced;
            } else if !self.fenced
                && at >= PIECE
                && self.read + at >= self.whole_below
                && starts_heading(line)
            {
                self.carried = bytes.split_off(at);
                self.cut = true;
                break;
            }
        }
        let piece = Piece {
            first_line: self.next_line,
            whole: !self.cut,
            bytes,
        };
        self.read += piece.bytes.len();
        self.next_line += piece.bytes.iter().filter(|&&b| b == b'\n').count();
        Ok(Some(piece))
    }
}

fn is_fence(line: &[u8]) -> bool {
    let trimmed = &line[line.iter().take_while(|&&b| b == b' ').count()..];
    trimmed.starts_with(b"```") || trimmed.starts_with(b"~~~")
}

fn starts_heading(line: &[u8]) -> bool {
    let hashes = line.iter().take_while(|&&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(line.get(hashes), Some(b' ' | b'\t' | b'\n' | b'\r'))
}

/// Footnote labels that `text` cites (`[^label]`) but does not define
/// (`[^label]:` at the start of a line), in order of label.
pub fn cited_not_defined(text: &str) -> BTreeSet<&str> {
    let mut cited = BTreeSet::new();
    let mut defined = BTreeSet::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(found) = rest.find("[^") {
        let at = offset + found;
        let after = &text[at + 2..];
        let Some(end) = after.find(']') else { break };
        let label = &after[..end];
        if !label.is_empty() && !label.contains(char::is_whitespace) && !label.contains('[') {
            let line_start = at == 0 || text[..at].ends_with('\n');
            if line_start && after[end + 1..].starts_with(':') {
                defined.insert(label);
            } else {
                cited.insert(label);
            }
        }
        offset = at + 2;
        rest = &text[offset..];
    }
    cited.retain(|l| !defined.contains(l));
    cited
}

/// `text` followed by a stand-in definition for each footnote it cites but
/// defines elsewhere, so that its markers parse as markers; the stand-ins
/// begin at `text.len()`.
pub fn with_stand_ins(text: &str, stand_in: &str) -> String {
    let mut out = text.to_string();
    for label in cited_not_defined(text) {
        out.push_str(&format!("\n\n[^{label}]: {stand_in}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the pieces `src` is cut into.
    fn cut(src: &str, whole_below: usize) -> Vec<(String, usize, bool)> {
        let mut pieces = Pieces::new(src.as_bytes(), whole_below);
        let mut out = Vec::new();
        while let Some(p) = pieces.next_piece().unwrap() {
            out.push((String::from_utf8(p.bytes).unwrap(), p.first_line, p.whole));
        }
        out
    }

    #[test]
    fn pieces_cover_the_text_and_end_before_headings() {
        let block = "x".repeat(PIECE) + "\n\n";
        let src = format!(
            "# One\n\n{block}## Two\n\n{block}```\n# not a heading\n```\n#no\n\n# Three\n\nend\n"
        );
        let pieces = cut(&src, 0);
        assert_eq!(pieces.iter().map(|p| p.0.as_str()).collect::<String>(), src);
        let starts: Vec<(&str, usize)> = pieces[1..]
            .iter()
            .map(|p| (p.0.lines().next().unwrap(), p.1))
            .collect();
        assert_eq!(starts, [("## Two", 5), ("# Three", 14)]);
        assert!(pieces.iter().all(|p| !p.2));
        // Not cut before `whole_below` bytes have been read.
        assert_eq!(cut(&src, PIECE + 10).len(), 2);
        assert_eq!(cut(&src, usize::MAX).len(), 1);
    }

    #[test]
    fn a_short_text_is_one_whole_piece() {
        assert_eq!(
            cut("# A\n\ntext\n", 0),
            [("# A\n\ntext\n".to_string(), 1, true)]
        );
        assert_eq!(cut("", 0), [(String::new(), 1, true)]);
    }

    #[test]
    fn footnotes_cited_here_and_defined_elsewhere() {
        let text = "A[^1] and B[^2] and C[^3].\n\n[^2]: defined here.\n";
        assert_eq!(
            cited_not_defined(text).into_iter().collect::<Vec<_>>(),
            ["1", "3"]
        );
        let with = with_stand_ins(text, "…");
        assert!(with.starts_with(text));
        assert!(with.ends_with("\n\n[^1]: …\n\n[^3]: …"));
    }
}
