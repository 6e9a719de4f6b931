//! A long paper is parsed a piece at a time: pulldown-cmark builds a tree
//! of the whole input before the first event, and for a paper of megabytes
//! that tree alone is larger than the paper. Pieces end before top-level
//! headings, where no block is open, so each parses as it would in place.

use std::collections::BTreeSet;
use std::ops::Range;

/// Papers shorter than this are parsed in one piece.
pub const WHOLE_BELOW: usize = 1 << 20;
/// The least length of a piece (the last may be shorter).
const PIECE: usize = 256 * 1024;

/// Ranges of `src` that together cover it, each ending just before a line
/// that starts an ATX heading outside fenced code.
pub fn pieces(src: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut fenced = false;
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && at - start >= PIECE && starts_heading(line) {
            out.push(start..at);
            start = at;
        }
        at += line.len();
    }
    if start < src.len() || out.is_empty() {
        out.push(start..src.len());
    }
    out
}

fn starts_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t', '\n', '\r'])
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

    #[test]
    fn pieces_cover_the_text_and_end_before_headings() {
        let block = "x".repeat(PIECE) + "\n\n";
        let src = format!(
            "# One\n\n{block}## Two\n\n{block}```\n# not a heading\n```\n#no\n\n# Three\n\nend\n"
        );
        let pieces = pieces(&src);
        assert_eq!(pieces.first().unwrap().start, 0);
        assert_eq!(pieces.last().unwrap().end, src.len());
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        let starts: Vec<&str> = pieces[1..]
            .iter()
            .map(|r| src[r.clone()].lines().next().unwrap())
            .collect();
        assert_eq!(starts, ["## Two", "# Three"]);
    }

    #[test]
    fn a_short_text_is_one_piece() {
        assert_eq!(pieces("# A\n\ntext\n"), vec![Range { start: 0, end: 10 }]);
        assert_eq!(pieces(""), vec![Range { start: 0, end: 0 }]);
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
