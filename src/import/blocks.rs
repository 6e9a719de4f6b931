//! Blocks: runs of non-blank lines, joined into one string each, with
//! hyphens at line ends resolved from the words the text itself uses.

use std::collections::HashSet;

use super::lines::{toc_entry, Line};

/// Lines between blank lines (a page break also ends a block).
#[derive(Debug, Clone)]
pub struct Block {
    pub lines: Vec<Line>,
    /// The block is the first text on a new page.
    pub page_start: bool,
}

impl Block {
    pub fn line(&self) -> usize {
        self.lines[0].no
    }
}

pub fn split(lines: Vec<Line>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for line in lines {
        if line.is_blank() || (line.page_start && !current.is_empty()) {
            if !current.is_empty() {
                let page_start = current[0].page_start;
                blocks.push(Block {
                    lines: std::mem::take(&mut current),
                    page_start,
                });
            }
            if line.is_blank() {
                continue;
            }
        }
        current.push(line);
    }
    if !current.is_empty() {
        let page_start = current[0].page_start;
        blocks.push(Block {
            lines: current,
            page_start,
        });
    }
    let measure = measure(&blocks);
    blocks
        .into_iter()
        .flat_map(|b| split_paragraphs(b, measure))
        .collect()
}

/// The length of a full line: most lines of running text are this long.
fn measure(blocks: &[Block]) -> usize {
    let mut lengths: Vec<usize> = blocks
        .iter()
        .flat_map(|b| &b.lines)
        .map(|l| l.text.trim().chars().count())
        .filter(|&n| n >= 20)
        .collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 3 / 4).copied().unwrap_or(0)
}

/// pdftotext prints the paragraphs of a column without blank lines between
/// them; a line well short of the measure that closes a sentence, followed
/// by one that opens another, ends a paragraph.
fn split_paragraphs(block: Block, measure: usize) -> Vec<Block> {
    let ends_paragraph = |line: &Line, next: &Line| {
        let t = line.text.trim();
        let closes = t
            .trim_end_matches(['"', '\u{201d}', ')', '\u{2019}', '\''])
            .ends_with(['.', '?', '!']);
        let opens = next
            .text
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || c == '\u{201c}');
        measure >= 40 && t.chars().count() * 10 < measure * 7 && closes && opens
    };
    let mut out = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut page_start = block.page_start;
    let mut lines = block.lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        let end = lines.peek().is_some_and(|next| ends_paragraph(&line, next));
        current.push(line);
        if end {
            out.push(Block {
                lines: std::mem::take(&mut current),
                page_start,
            });
            page_start = false;
        }
    }
    if !current.is_empty() {
        out.push(Block {
            lines: current,
            page_start,
        });
    }
    out
}

/// Drops table-of-contents blocks (and a "Contents" heading before them);
/// returns the entry titles, which confirm headings later.
pub fn take_toc(blocks: &mut Vec<Block>) -> Vec<String> {
    let mut titles = Vec::new();
    let mut drop = vec![false; blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        let entries: Vec<String> = b.lines.iter().filter_map(|l| toc_entry(&l.text)).collect();
        if entries.len() * 2 >= b.lines.len() && !entries.is_empty() {
            drop[i] = true;
            titles.extend(entries);
            if i > 0 && is_contents_title(&blocks[i - 1]) {
                drop[i - 1] = true;
            }
        }
    }
    let mut i = 0;
    blocks.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    titles
}

fn is_contents_title(b: &Block) -> bool {
    let t = b.lines[0].text.trim().to_lowercase();
    b.lines.len() == 1 && (t == "contents" || t == "table of contents")
}

/// Words of the text, lower-cased, including hyphenated compounds.
pub struct Vocabulary(HashSet<String>);

impl Vocabulary {
    pub fn new(lines: &[Line]) -> Self {
        let mut words = HashSet::new();
        for l in lines {
            let t = l.text.trim_end();
            // A word cut at the line end is not evidence for itself.
            let t = if t.ends_with('-') {
                &t[..t.rfind(' ').unwrap_or(0)]
            } else {
                t
            };
            for w in t.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                if !w.is_empty() {
                    words.insert(w.to_lowercase());
                }
            }
        }
        Vocabulary(words)
    }

    fn has(&self, w: &str) -> bool {
        self.0.contains(&w.to_lowercase())
    }
}

/// How a line-end hyphen was resolved, for the caller to warn about guesses.
pub struct Guess {
    pub line: usize,
    pub word: String,
}

/// Joins lines into one string; `devel-` + `opment` becomes `development` unless
/// the text writes the hyphenated form elsewhere.
pub fn join(lines: &[Line], vocab: &Vocabulary, guesses: &mut Vec<Guess>) -> String {
    let mut out = String::new();
    for line in lines {
        append(&mut out, line.text.trim(), line.no, vocab, guesses);
    }
    out
}

/// Appends the next line (or the rest of a split paragraph starting on `line`).
pub fn append(
    out: &mut String,
    text: &str,
    line: usize,
    vocab: &Vocabulary,
    guesses: &mut Vec<Guess>,
) {
    if out.is_empty() {
        out.push_str(text);
        return;
    }
    let head: String = {
        let rev: Vec<char> = out
            .chars()
            .rev()
            .skip(1)
            .take_while(|c| c.is_alphabetic())
            .collect();
        rev.into_iter().rev().collect()
    };
    let tail: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    if out.ends_with('-') && !head.is_empty() && tail.starts_with(char::is_lowercase) {
        let joined = format!("{head}{tail}");
        let compound = format!("{head}-{tail}");
        if !vocab.has(&compound) || vocab.has(&joined) {
            if !vocab.has(&joined) && !vocab.has(&compound) {
                guesses.push(Guess {
                    line: line.saturating_sub(1),
                    word: joined,
                });
            }
            out.pop();
        }
    } else if !out.ends_with(['—', '/']) {
        out.push(' ');
    }
    out.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::super::lines::read;
    use super::*;

    fn joined(text: &str) -> (String, usize) {
        let lines = read(text);
        let vocab = Vocabulary::new(&lines);
        let mut guesses = Vec::new();
        (join(&lines, &vocab, &mut guesses), guesses.len())
    }

    #[test]
    fn hyphens_resolve_from_the_text_itself() {
        assert_eq!(
            joined("the devel-\nopment of development"),
            ("the development of development".into(), 0)
        );
        assert_eq!(
            joined("a well-\nknown and well-known"),
            ("a well-known and well-known".into(), 0)
        );
        assert_eq!(joined("a quay-\nside"), ("a quayside".into(), 1));
    }

    #[test]
    fn toc_blocks_are_dropped() {
        let lines = read("Contents\n\n1 Aims ....... 3\n2 Quays ...... 9\n\nBody.\n");
        let mut blocks = split(lines);
        let titles = take_toc(&mut blocks);
        assert_eq!(titles, ["1 Aims", "2 Quays"]);
        assert_eq!(blocks.len(), 1);
    }
}
