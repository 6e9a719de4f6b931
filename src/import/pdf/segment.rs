//! Lines in reading order -> pieces: front matter, headings, paragraphs,
//! captions, code, tables, footnotes and reference entries.
//!
//! The evidence is typographic: the body size is the size of most
//! characters; headings are larger or wholly bold short blocks (or titles the
//! PDF outline names); paragraphs end at a wider gap, an indented first
//! line, a change of font, or a short line closing a sentence; footnotes
//! are smaller lines at a page foot that start with a raised marker.

use std::collections::{HashMap, HashSet};

use super::layout::Line;
use crate::corpus::ids::{Numbering, Style};
use crate::corpus::refs::MONTHS;
use crate::import::classify::{Piece, Placed};
use crate::import::headings::Heading;
use crate::model::PassageKind;

pub struct Segmented {
    pub pieces: Vec<Placed>,
    /// The page index of each piece's line number (line numbers count from 1).
    pub line_pages: Vec<usize>,
    /// Front-page lines (text, size, row top) for the title block.
    pub front: Vec<Line>,
    pub doubts: Vec<(usize, String)>,
    pub dropped_figure_text: usize,
}

#[derive(Debug, Clone)]
struct Block {
    lines: Vec<Line>,
    note: bool,
}

impl Block {
    fn size(&self) -> f32 {
        self.lines[0].size
    }
    fn text(&self, vocab: &HashSet<String>) -> String {
        join(&self.lines, vocab)
    }
    fn chars(&self) -> usize {
        self.lines.iter().map(|l| l.text.len()).sum()
    }
}

/// The size most characters are set in.
pub fn body_size(lines: &[&Line]) -> f32 {
    let mut by: HashMap<i32, usize> = HashMap::new();
    // Table cells (lines sharing a row) and code are no running text: a
    // paper of long tables set small keeps its body's size.
    for l in lines.iter().filter(|l| !l.shares_row && !l.mono) {
        *by.entry((l.size * 2.0).round() as i32).or_default() += l.text.len();
    }
    by.into_iter()
        .max_by_key(|&(s, n)| (n, s))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

/// Words of the paper, for deciding line-end hyphens.
pub fn vocabulary(lines: &[&Line]) -> HashSet<String> {
    let mut words = HashSet::new();
    for l in lines {
        let t = l.text.trim_end();
        let t = if t.ends_with('-') {
            t.rsplit_once(' ').map_or("", |(head, _)| head)
        } else {
            t
        };
        for w in t.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            if w.chars().any(char::is_alphabetic) {
                words.insert(w.to_lowercase());
            }
        }
    }
    words
}

/// Lines joined into one text; a line-end hyphen is kept where the paper
/// writes the hyphenated word elsewhere, dropped otherwise.
fn join(lines: &[Line], vocab: &HashSet<String>) -> String {
    let mut out = String::new();
    for l in lines {
        let t = l.text.trim();
        if out.is_empty() {
            out.push_str(t);
            continue;
        }
        let hyphen = out.ends_with('-')
            && out[..out.len() - 1].ends_with(char::is_alphabetic)
            && t.starts_with(char::is_lowercase);
        if hyphen {
            let head = out[..out.len() - 1]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let tail = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let compound = format!("{head}-{tail}").to_lowercase();
            let closed = format!("{head}{tail}").to_lowercase();
            if vocab.contains(&compound) && !vocab.contains(&closed) {
                out.push_str(t);
            } else {
                out.pop();
                out.push_str(t);
            }
        } else {
            out.push(' ');
            out.push_str(t);
        }
    }
    out
}

/// A date line (`20 April 1999`, `June 8, 2018`, `Dec. 2010`): a month, a
/// year, perhaps a day, nothing else.
fn is_date(t: &str) -> bool {
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let month = |w: &String| {
        w.len() >= 3
            && MONTHS
                .iter()
                .any(|m| m.to_lowercase().starts_with(w.as_str()))
    };
    let number =
        |w: &String| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let year = words.iter().any(|w| w.len() == 4 && number(w));
    (2..=3).contains(&words.len())
        && year
        && words.iter().filter(|w| month(w)).count() == 1
        && words.iter().all(|w| month(w) || number(w))
}

const LIGATURES: [&str; 5] = ["fi", "fl", "ff", "ffi", "ffl"];

/// Words a font without a Unicode map for its ligatures prints with the
/// ligature missing (`Signi cance`, `uctuation`): restored where exactly one
/// ligature makes a word the paper writes elsewhere in another font.
fn repair_ligatures(text: &str, vocab: &HashSet<String>) -> String {
    let known = |w: &str| vocab.contains(&w.to_lowercase());
    let only = |make: &dyn Fn(&str) -> String| {
        let mut found = LIGATURES.iter().map(|l| make(l)).filter(|w| known(w));
        let first = found.next();
        first.filter(|_| found.next().is_none())
    };
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let letters = |t: &str| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic);
        // `Signi cance`: two pieces of one word around the missing ligature.
        if let Some(next) = words.get(i + 1) {
            let head = w;
            let tail = next.trim_end_matches(|c: char| !c.is_alphabetic());
            if letters(head) && letters(tail) {
                if let Some(joined) = only(&|l| format!("{head}{l}{tail}")) {
                    if joined.chars().count() >= 6 {
                        out.push(format!("{joined}{}", &next[tail.len()..]));
                        i += 2;
                        continue;
                    }
                }
            }
        }
        // `uctuation`: the ligature opened the word.
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        if bare.chars().count() >= 5 && bare.chars().all(char::is_lowercase) {
            if let Some(joined) = only(&|l| format!("{l}{bare}")) {
                out.push(w.replacen(bare, &joined, 1));
                i += 1;
                continue;
            }
        }
        out.push(w.to_string());
        i += 1;
    }
    out.join(" ")
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end()
        .trim_end_matches(['"', '”', ')', '’', '\''])
        .ends_with(['.', '?', '!', ':'])
}

/// Letters and digits only, in lower case: how two spellings compare.
pub(super) fn normalise(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An outline title without its numbering, normalised.
fn outline_key(t: &str) -> String {
    let t = t.trim();
    let t = Numbering::parse(t).map_or(t, |(_, rest)| rest);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    normalise(t)
}

/// Titles of the sections papers leave unnumbered, normalised.
const UNNUMBERED: [&str; 28] = [
    "abstract",
    "contents",
    "tableofcontents",
    "nomenclature",
    "appendix",
    "appendices",
    "dataavailability",
    "dataavailabilitystatement",
    "funding",
    "authorcontributions",
    "competinginterests",
    "conflictofinterest",
    "conflictsofinterest",
    "references",
    "bibliography",
    "workscited",
    "literaturecited",
    "acknowledgements",
    "acknowledgments",
    "acknowledgement",
    "acknowledgment",
    "notes",
    "introduction",
    "conclusion",
    "conclusions",
    "summary",
    "affiliation",
    "affiliations",
];

pub fn is_references_title(t: &str) -> bool {
    matches!(
        normalise(t).as_str(),
        "references" | "bibliography" | "workscited" | "literaturecited" | "referencesandnotes"
    )
}

fn caption_kind(t: &str) -> bool {
    let mut words = t.split_whitespace().skip(1);
    let second = words.next().unwrap_or("");
    let third = words.next().unwrap_or("");
    // "Figure 2: ...", "Fig. 2. ...", "Table 1 Engel's law"; not a sentence
    // of the text that begins "Figure 2 shows ...".
    let labelled = second.ends_with([':', '.', '—', '–'])
        || third.is_empty()
        || third.starts_with(|c: char| !c.is_lowercase());
    caption_like(t) && numbered(second) && labelled
}

/// Starts as a caption might ("Figure 2", "Table A", "Figure Captions"):
/// never a heading, though not always a caption.
fn caption_like(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    matches!(
        first,
        "Figure"
            | "Fig."
            | "FIG."
            | "Table"
            | "Listing"
            | "Algorithm"
            | "FIGURE"
            | "TABLE"
            | "Exhibit"
    ) && second.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
        && second.len() <= 8
}

/// A figure or table number as printed: `2`, `2.`, `3a:`, `A1`, `IV.`, `B`;
/// not a word (`Captions`).
fn numbered(word: &str) -> bool {
    let w = word.trim_end_matches([':', '.', '—', '–']);
    let roman = !w.is_empty() && w.len() <= 5 && w.chars().all(|c| "IVXL".contains(c));
    let letter = w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase());
    w.len() <= 8
        && (w.starts_with(|c: char| c.is_ascii_digit())
            || w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().any(|c| c.is_ascii_digit())
            || roman
            || letter)
}

struct Margins {
    /// (page, column) -> (left, right)
    at: HashMap<(usize, u8), (f32, f32)>,
    /// The step from one body line to the next most lines take: a gap
    /// counts as a paragraph's end only beyond it (double-spaced drafts).
    pitch: f32,
}

impl Margins {
    fn new(lines: &[&Line], body: f32) -> Self {
        let mut xs: HashMap<(usize, u8), (Vec<f32>, Vec<f32>)> = HashMap::new();
        for l in lines.iter().filter(|l| (l.size - body).abs() < 0.6) {
            let e = xs.entry((l.page, l.column)).or_default();
            e.0.push(l.x0);
            e.1.push(l.x1);
        }
        let at = xs
            .into_iter()
            .map(|(k, (x0s, x1s))| {
                // The left edge most lines share; the right edge of full lines.
                let mut by: HashMap<i32, usize> = HashMap::new();
                for x in &x0s {
                    *by.entry(x.round() as i32).or_default() += 1;
                }
                let left = by
                    .into_iter()
                    .max_by_key(|&(x, n)| (n, -x))
                    .map_or(0.0, |(x, _)| x as f32);
                let mut x1s = x1s;
                x1s.sort_by(f32::total_cmp);
                let right = x1s[(x1s.len() - 1) * 9 / 10];
                (k, (left, right))
            })
            .collect();
        let mut steps: HashMap<i32, usize> = HashMap::new();
        for w in lines.windows(2) {
            let (a, b) = (w[0], w[1]);
            let same_flow = a.page == b.page && a.column == b.column;
            // Within a paragraph: a line of prose that ends no sentence, and the next.
            let within = !ends_sentence(&a.text) && a.text.split_whitespace().count() >= 8;
            if same_flow && within && (a.size - body).abs() < 0.6 && (b.size - body).abs() < 0.6 {
                *steps
                    .entry(((b.bottom - a.bottom) * 2.0).round() as i32)
                    .or_default() += 1;
            }
        }
        let pitch = steps
            .into_iter()
            .filter(|&(s, _)| s > 0)
            .max_by_key(|&(s, n)| (n, -s))
            .map_or(0.0, |(s, _)| s as f32 / 2.0);
        Margins { at, pitch }
    }
    fn get(&self, l: &Line) -> (f32, f32) {
        self.at
            .get(&(l.page, l.column))
            .copied()
            .unwrap_or((l.x0, l.x1))
    }
}

/// Lines at the foot of each page and column set smaller than the body,
/// from the first one that starts with a raised marker.
fn footnote_lines(lines: &[&Line], body: f32) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    let mut groups: HashMap<(usize, u8), Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        groups.entry((l.page, l.column)).or_default().push(i);
    }
    for idx in groups.values() {
        let mut sorted = idx.clone();
        sorted.sort_by(|&a, &b| lines[a].bottom.total_cmp(&lines[b].bottom));
        let marked = |l: &Line| {
            l.lead_marker.as_deref().is_some_and(|m| {
                m.chars().all(|c| c.is_ascii_digit())
                    || m.chars().all(|c| super::layout::MARK_SYMBOLS.contains(c))
                    || m.len() == 1 && m.chars().all(|c| c.is_ascii_lowercase())
            })
        };
        let rising: Vec<usize> = sorted.iter().rev().copied().collect();
        let mut zone = Vec::new();
        // Notes some classes set at the body's size (or a little larger):
        // taken only up to a marked line with a gap above it.
        let mut pending = Vec::new();
        for (k, &i) in rising.iter().enumerate() {
            let l = lines[i];
            // A justified note line may be cut at a wide word space, so a
            // row shared with another piece does not end the zone.
            if l.size < body * 0.93 && pending.is_empty() {
                zone.push(i);
                continue;
            }
            if l.size > body * 1.15 || pending.len() >= 8 {
                break;
            }
            pending.push(i);
            let apart = rising
                .get(k + 1)
                .is_none_or(|&a| l.bottom - lines[a].bottom > 1.6 * l.size);
            if marked(l) && apart {
                zone.append(&mut pending);
            }
        }
        zone.reverse();
        let start = zone.iter().position(|&i| marked(lines[i]));
        if let Some(s) = start {
            for &i in &zone[s..] {
                out.insert((lines[i].page, i));
            }
        }
    }
    out
}

/// `2.1 Discarded`: a subsection's number (two parts or more) before a
/// capitalised title of a few words.
fn sub_numbered(t: &str) -> bool {
    numbered_title(t, 2)
}

/// A decimal number of at least `parts` parts before a capitalised title of
/// a few words that is no sentence.
fn numbered_title(t: &str, parts: usize) -> bool {
    Numbering::parse(t).is_some_and(|(n, rest)| {
        matches!(n.style, Style::Decimal { .. })
            && n.parts.len() >= parts
            && rest.trim_start().starts_with(char::is_uppercase)
            && rest.split_whitespace().count() <= 10
            && !ends_sentence(rest)
    })
}

/// A subsection heading some classes set in italic at the body's size.
fn italic_subsection(l: &Line, body: f32) -> bool {
    l.italic && !l.bold && (l.size - body).abs() < 0.6 && sub_numbered(&l.text)
}

fn breaks(prev: &Line, l: &Line, margins: &Margins, body: f32) -> bool {
    if (prev.size - l.size).abs() > 0.6 || prev.mono != l.mono || prev.bold != l.bold {
        return true;
    }
    if italic_subsection(prev, body) || italic_subsection(l, body) {
        return true;
    }
    if l.lead_marker.is_some() {
        return true;
    }
    // `A RESEARCH METHODS` over `A.1 Part One`: a heading straight under
    // another opens with its own number.
    let display = |x: &Line| x.bold || x.size > body * 1.1;
    let decimal = |t: &str| {
        Numbering::parse(t).is_some_and(|(n, _)| matches!(n.style, Style::Decimal { .. }))
            || appendix_numbering(t, false).is_some()
    };
    if display(prev) && display(l) && decimal(l.text.trim()) {
        return true;
    }
    let (left, right) = margins.get(l);
    let em = l.size.max(1.0);
    let same_flow = prev.page == l.page && prev.column == l.column && l.top > prev.top;
    if same_flow && prev.mono && l.mono {
        // Code: blank lines and indentation are part of it.
        let step = l.bottom - prev.bottom;
        return !(0.0..=2.6 * em).contains(&step);
    }
    if same_flow {
        let step = l.bottom - prev.bottom;
        if step > (1.75 * em.max(prev.size)).max(1.3 * margins.pitch) || step < 0.0 {
            return true;
        }
        if prev.shares_row != l.shares_row {
            return true;
        }
    } else {
        // Across a column or page: a paragraph goes on only from a full line.
        let (_, pright) = margins.get(prev);
        if prev.x1 < pright - 2.0 * em || ends_sentence(&prev.text) && l.x0 > left + 0.6 * em {
            return true;
        }
        return l.x0 > left + 0.6 * em && !l.text.starts_with(char::is_lowercase);
    }
    let display = l.bold || l.size > body * 1.1;
    if l.x0 > prev.x0 + 0.6 * em && l.x0 > left + 0.6 * em && !l.mono && !display {
        return true;
    }
    let short = prev.x1 < right.min(l.x1.max(right)) - 2.5 * em;
    // `ANNEX A:` over `FORMATTING OF AUTHORS`: one bold heading on two lines.
    let heading_goes_on = prev.bold && l.bold && prev.text.trim_end().ends_with(':');
    if short && ends_sentence(&prev.text) && !heading_goes_on {
        return true;
    }
    false
}

/// A note marker set on a row of its own, raised above its note's first
/// line, becomes that line's lead marker. The marker may sit in the gutter,
/// where its column was taken for the other one, so its line is looked for
/// on the whole page, not just next in reading order.
fn attach_lone_markers(lines: &[&Line], body: f32) -> Vec<Line> {
    let lone = |l: &Line| {
        let t = l.text.trim();
        l.size < body * 0.8
            && (1..=3).contains(&t.chars().count())
            && t.chars()
                .all(|c| c.is_ascii_digit() || super::layout::MARK_SYMBOLS.contains(c))
    };
    let beside = |m: &Line, l: &Line| {
        m.page == l.page
            && l.lead_marker.is_none()
            && l.size < body * 0.93
            && !lone(l)
            && (l.x0 - m.x1).abs() < l.size
            && (0.0..1.5 * l.size).contains(&(l.bottom - m.bottom))
    };
    let mut out: Vec<Line> = lines.iter().map(|l| (*l).clone()).collect();
    let mut dropped = vec![false; out.len()];
    for i in 0..out.len() {
        if !lone(&out[i]) {
            continue;
        }
        // The nearest line beside it, the next one first.
        let near = |j: &usize| (*j as i64 - i as i64 - 1).unsigned_abs();
        let mut candidates: Vec<usize> = (0..out.len())
            .filter(|&j| j != i && !dropped[j] && beside(&out[i], &out[j]))
            .collect();
        candidates.sort_by_key(near);
        if let Some(&j) = candidates.first() {
            out[j].lead_marker = Some(out[i].text.trim().to_string());
            dropped[i] = true;
        }
    }
    out.into_iter()
        .zip(dropped)
        .filter(|(_, d)| !d)
        .map(|(l, _)| l)
        .map(|l| split_glued_marker(l, body))
        .collect()
}

/// A small line that opens with a note number run into its first word
/// (`5We should note`, where the PDF sets the marker at the line's size)
/// gets that number as its lead marker.
fn split_glued_marker(mut l: Line, body: f32) -> Line {
    if l.lead_marker.is_some() || l.size >= body * 0.93 {
        return l;
    }
    let digits = l.text.chars().take_while(char::is_ascii_digit).count();
    let mut rest = l.text.chars().skip(digits);
    let word = matches!(
        (rest.next(), rest.next()),
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase()
    );
    if (1..=2).contains(&digits) && word {
        let (number, text) = l.text.split_at(digits);
        l.lead_marker = Some(number.to_string());
        l.text = text.to_string();
    }
    l
}

/// A small line that opens with a note's number on the line itself, at the
/// note's size (`1. See http://…`, `2 Either …`), gets that number as its
/// lead marker where the body of its page, or of the page before, raises
/// the same number: without that call a small numbered line is a list item.
fn number_notes_on_the_line(lines: &mut [Line], body: f32) {
    let called: HashSet<(usize, String)> = lines
        .iter()
        .filter(|l| l.size >= body * 0.93)
        .flat_map(|l| {
            crate::import::footnotes::markers(&l.text)
                .into_iter()
                .map(move |(_, label)| (l.page, label))
        })
        .collect();
    // REVTeX's lettered notes: `Linebreaka)` or `Author,b)` calls the note
    // `a)Footnote to title` at the page foot.
    let lettered: HashSet<(usize, char)> = lines
        .iter()
        .flat_map(|l| {
            crate::import::footnotes::letter_calls(&l.text)
                .into_iter()
                .map(move |(_, c)| (l.page, c))
        })
        .collect();
    // A bold line is a heading set small (`1. Third-level heading`), no note.
    for l in lines
        .iter_mut()
        .filter(|l| l.lead_marker.is_none() && l.size < body * 0.93 && !l.bold)
    {
        let mut chars = l.text.chars();
        if let (Some(c), Some(')')) = (chars.next(), chars.next()) {
            let rest = chars.as_str().trim_start();
            if c.is_ascii_lowercase() && !rest.is_empty() && lettered.contains(&(l.page, c)) {
                l.lead_marker = Some(c.to_string());
                l.text = rest.to_string();
                continue;
            }
        }
        let digits = l.text.chars().take_while(char::is_ascii_digit).count();
        let rest = l.text[digits..]
            .strip_prefix('.')
            .unwrap_or(&l.text[digits..]);
        let Some(text) = rest.strip_prefix(' ').map(str::trim_start) else {
            continue;
        };
        let number = &l.text[..digits];
        let is_called = |page: usize| called.contains(&(page, number.to_string()));
        // A note is a sentence; `1. INTRODUCTION` in capitals is a heading.
        if (1..=2).contains(&digits)
            && text.chars().any(char::is_lowercase)
            && (is_called(l.page) || l.page > 0 && is_called(l.page - 1))
        {
            l.lead_marker = Some(number.to_string());
            l.text = text.to_string();
        }
    }
}

/// Lines set in the other family than the body's (sans-serif headings over
/// a serif body, or the reverse) stand out the way bold lines do, so they
/// count as bold. Only where the body keeps to one family (four fifths of
/// the body-size text).
fn mark_other_face(lines: &mut [Line], body: f32) {
    let (mut sans, mut total) = (0usize, 0usize);
    for l in lines
        .iter()
        .filter(|l| (l.size - body).abs() < 0.6 && !l.mono)
    {
        let n = l.text.chars().filter(|c| c.is_alphabetic()).count();
        total += n;
        if l.sans {
            sans += n;
        }
    }
    if total == 0 || (sans * 5 > total && sans * 5 < total * 4) {
        return;
    }
    let body_sans = sans * 2 > total;
    for l in lines.iter_mut() {
        if !l.mono && l.sans != body_sans {
            l.bold = true;
            l.bold_lead.clear();
        }
    }
}

pub fn segment(lines: &[&Line], outline: &[(String, u8)]) -> Segmented {
    let body = body_size(lines);
    let mut owned = attach_lone_markers(lines, body);
    number_notes_on_the_line(&mut owned, body);
    mark_other_face(&mut owned, body);
    let lines: Vec<&Line> = owned.iter().collect();
    let lines = lines.as_slice();
    let vocab = vocabulary(lines);
    // Whether some font dropped its ligatures: a word the paper writes
    // also appears with a ligature missing from its start.
    let dropped_ligatures = vocab
        .iter()
        .any(|w| w.len() >= 5 && LIGATURES.iter().any(|l| vocab.contains(&format!("{l}{w}"))));
    let margins = Margins::new(lines, body);
    let notes = footnote_lines(lines, body);
    // Blocks.
    let mut blocks: Vec<Block> = Vec::new();
    let mut line_of: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let note = notes.contains(&(l.page, i));
        let start = match blocks.last() {
            None => true,
            Some(b) => {
                let prev = b.lines.last().expect("blocks are never empty");
                b.note != note
                    || breaks(prev, l, &margins, body)
                    || (note && l.lead_marker.is_some())
            }
        };
        if start {
            blocks.push(Block {
                lines: Vec::new(),
                note,
            });
            line_of.push(i + 1);
        }
        if let Some(b) = blocks.last_mut() {
            b.lines.push((*l).clone());
        }
    }
    let outline: Vec<(String, u8)> = outline
        .iter()
        .map(|(t, d)| (outline_key(t), *d))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let use_outline = outline.len() >= 3;
    // A numbered heading deeper than the outline goes (`2.1.1` where the
    // outline stops at `2.1`) cannot be in it.
    let outline_depth = outline.iter().map(|(_, d)| *d as usize).max().unwrap_or(0);
    let below_outline = |n: Option<&(Numbering, &str)>| {
        n.is_some_and(|(n, _)| {
            matches!(n.style, Style::Decimal { .. }) && n.parts.len() > outline_depth
        })
    };
    let centred = |l: &Line| {
        let (left, right) = margins.get(l);
        let em = l.size.max(1.0);
        ((l.x0 + l.x1) - (left + right)).abs() / 2.0 < em
            && l.x1 - l.x0 < 0.8 * (right - left)
            && l.x0 > left + 2.0 * em
    };
    // ApJ's `1. INTRODUCTION`: centred capitals, set no larger than the body.
    let centred_capitals = |b: &Block| {
        let t = b.text(&vocab);
        b.lines.len() == 1
            && centred(&b.lines[0])
            && b.size() >= body * 0.75
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !t.chars().any(char::is_lowercase)
    };
    // Heading styles (size, bold) larger or bolder than the body, largest first.
    let heading_like = |b: &Block| {
        let t = b.text(&vocab);
        let words = t.split_whitespace().count();
        !b.note
            && b.lines.len() <= 3
            && words <= 16
            && t.chars().any(char::is_alphabetic)
            && !caption_like(&t)
            // `A. Author,¹,b) B. Author`: a byline with note marks, not `A.`.
            && (!super::front::names_only(&t)
                || crate::import::footnotes::title_marks(&t, &|_| true).is_empty())
            && !b.lines[0].shares_row
            && !b.lines.iter().any(|l| l.mono)
            // A question can title a section ("2. What is a vignette?"), and
            // some classes close a bold numbered title with a full stop.
            && (!ends_sentence(&t)
                || t.ends_with(':') && words <= 3
                // `SECTIONS, EQUATIONS, ETC.`: capitals ending in an abbreviation.
                || t.ends_with('.')
                    && b.lines.iter().all(|l| l.bold)
                    && !t.chars().any(char::is_lowercase)
                || t.ends_with('?') && words <= 8 && Numbering::parse(&t).is_some()
                // An FAQ's questions, set large.
                || t.ends_with('?') && words <= 20 && b.size() >= body * 1.2
                || t.ends_with('.')
                    && words <= 12
                    && b.lines.iter().all(|l| l.bold)
                    && Numbering::parse(&t).is_some())
            && (b.size() >= body * 1.12
                || b.lines.iter().all(|l| l.bold) && b.size() >= body * 0.9
                || b.lines.len() == 1 && italic_subsection(&b.lines[0], body)
                || centred_capitals(b))
    };
    let mut pieces: Vec<Placed> = Vec::new();
    let mut line_pages = vec![0; lines.len() + 1];
    for (i, l) in lines.iter().enumerate() {
        line_pages[i + 1] = l.page;
    }
    let mut s = Segmented {
        pieces: Vec::new(),
        line_pages: Vec::new(),
        front: Vec::new(),
        doubts: Vec::new(),
        dropped_figure_text: 0,
    };
    // The front matter ends at the abstract or the first heading.
    let first_heading = blocks.iter().position(|b| {
        let t = b.text(&vocab);
        let key = normalise(&t);
        key == "abstract"
            || key.starts_with("abstract") && b.lines[0].bold
            || heading_like(b)
                && (Numbering::parse(&t).is_some()
                    || outline.iter().any(|(k, _)| *k == outline_key(&t))
                    // An unnumbered "Introduction" opens the body as "1" would.
                    || key == "introduction")
    });
    // A heading set like the first numbered one, after a paragraph (the
    // abstract), opens the body before it: `Nomenclature` over `I. Introduction`.
    let style_of = |b: &Block| ((b.size() * 2.0).round() as i32, b.lines[0].bold);
    let first_heading = first_heading.map(|f| {
        let after_paragraph = blocks[..f].iter().position(|b| b.chars() > 300);
        after_paragraph
            .and_then(|p| {
                (p + 1..f).find(|&k| {
                    heading_like(&blocks[k]) && style_of(&blocks[k]) == style_of(&blocks[f])
                })
            })
            .unwrap_or(f)
    });
    // Without a numbered heading or an abstract, the front matter ends at the
    // first paragraph of body text.
    let first_heading = first_heading.or_else(|| {
        blocks
            .iter()
            .position(|b| b.chars() > 300 && (b.size() - body).abs() < 0.6)
    });
    let front_end = first_heading.unwrap_or(0).min(
        blocks
            .iter()
            .position(|b| b.lines[0].page > 1)
            .unwrap_or(blocks.len()),
    );
    // The title, as meta.toml will have it (the page's height taken from its
    // lowest line): its lines are not repeated as text.
    let front_lines: Vec<Line> = blocks[..front_end]
        .iter()
        .flat_map(|b| b.lines.iter().cloned())
        .collect();
    let page_foot = lines
        .iter()
        .filter(|l| l.page == 0)
        .map(|l| l.bottom)
        .fold(0.0f32, f32::max);
    let title =
        super::front::title(&front_lines, page_foot).map_or(String::new(), |(t, _)| normalise(&t));
    let mut styles: Vec<(i32, bool)> = blocks[front_end..]
        .iter()
        .filter(|b| heading_like(b))
        .map(|b| ((b.size() * 2.0).round() as i32, b.lines[0].bold))
        .collect();
    styles.sort_by(|a, b| b.cmp(a));
    styles.dedup();
    // A heading titled like a reference list heads one only where a list
    // follows (a "Bibliography" section may be prose about bibliographies);
    // a numbered list with no heading (REVTeX prints none) starts at `[1]`.
    let holds_list = |k: usize| {
        let lines: Vec<Line> = blocks[k + 1..]
            .iter()
            .take_while(|b| !heading_like(b))
            .flat_map(|b| b.lines.iter().cloned())
            .collect();
        looks_like_list(&split_references(&lines, &margins, &vocab))
    };
    let titled: Vec<usize> = (front_end..blocks.len())
        .filter(|&k| {
            let t = blocks[k].text(&vocab);
            let t = Numbering::parse(&t).map_or(t.as_str(), |(_, rest)| rest);
            heading_like(&blocks[k]) && is_references_title(t)
        })
        .collect();
    let mut list_heads: HashSet<usize> =
        titled.iter().copied().filter(|&k| holds_list(k)).collect();
    // A list's title set in the list's small type ("References:") is no
    // heading by its size; the list under it makes it one.
    list_heads.extend((front_end..blocks.len()).filter(|&k| {
        let b = &blocks[k];
        let t = b.text(&vocab);
        b.lines.len() == 1 && !b.note && is_references_title(&t) && holds_list(k)
    }));
    // A list with raised labels and no heading (AIP's `¹R. P. Feynman, ...`)
    // starts at the label 1 of five or more blocks in a row labelled 1, 2,
    // 3, ..., three in five of them works: a page's notes are seldom works,
    // and REVTeX sets notes in the list among the works.
    let raised = |b: &Block| {
        b.lines[0]
            .lead_marker
            .as_deref()
            .and_then(|m| m.parse::<u32>().ok())
    };
    let raised_list = |k: usize| {
        let (mut labels, mut works) = (0u32, 0u32);
        for b in &blocks[k..] {
            match raised(b) {
                Some(n) if n == labels + 1 => {
                    labels = n;
                    works += u32::from(work(&b.text(&vocab)));
                }
                // An entry's line in another face (a URL in type) goes on with it.
                None if b.note || b.size() < body * 0.93 => {}
                _ => break,
            }
        }
        labels >= 5 && works * 5 >= labels * 3
    };
    let headless = if list_heads.is_empty() && titled.is_empty() {
        (front_end..blocks.len())
            .rev()
            .find(|&k| {
                !blocks[k].note
                && blocks[k].lines[0].text.trim_start().starts_with("[1]")
                // R prints a vector as `[1] 0.25 0.5`: code output is no list.
                && !blocks[k].lines.iter().any(|l| l.mono)
                && k > 0
                && holds_list(k - 1)
            })
            .or_else(|| (front_end..blocks.len()).find(|&k| raised_list(k)))
    } else {
        None
    };
    // The styles of the headings the outline lists: an unlisted heading set
    // in one of them is a starred section (`Computational details`).
    let outline_styles: HashSet<(i32, bool)> = blocks[front_end..]
        .iter()
        .filter(|b| {
            let key = outline_key(&b.text(&vocab));
            heading_like(b) && outline.iter().any(|(k, _)| *k == key)
        })
        .map(style_of)
        .collect();
    // Starred sections come between the first numbered heading and the
    // reference list; before and after are keywords, titles of the front
    // matter and of a second-language abstract, set alike.
    let starred_span = {
        let first = (front_end..blocks.len()).find(|&k| {
            heading_like(&blocks[k]) && Numbering::parse(&blocks[k].text(&vocab)).is_some()
        });
        let refs = list_heads.iter().min().copied().unwrap_or(blocks.len());
        first.map_or(0..0, |f| f + 1..refs)
    };
    let numbered_headings = blocks[front_end..]
        .iter()
        .filter(|b| heading_like(b) && Numbering::parse(&b.text(&vocab)).is_some())
        .count();
    let numbers_headings = numbered_headings >= 3;
    let numbers_any = numbered_headings > 0;
    let mut in_refs = false;
    let mut interrupted = false;
    let mut refs_lines: Vec<Line> = Vec::new();
    // Returns the number the list would go on with, where it is numbered.
    let flush_refs = |refs_lines: &mut Vec<Line>, pieces: &mut Vec<Placed>, line: usize| {
        let mut next = None;
        let entries = split_references(refs_lines, &margins, &vocab);
        let end = list_end(&entries);
        for (i, (entry, _)) in entries.into_iter().enumerate() {
            let entry = if dropped_ligatures {
                repair_ligatures(&entry, &vocab)
            } else {
                entry
            };
            if i >= end {
                // What follows the list is text again.
                let text = Piece::Text {
                    kind: PassageKind::Paragraph,
                    text: entry,
                    page_start: false,
                };
                pieces.push((text, line + 1));
                continue;
            }
            next = label_number(&entry).map(|n| n + 1);
            pieces.push((Piece::Reference(entry), line + 1));
        }
        refs_lines.clear();
        next
    };
    // A numbered list the flow interrupts (an appendix set in the other
    // column) goes on where its next number starts a block.
    let mut resume_at: Option<u32> = None;
    // Entries of a list with raised labels taken so far, and their lines.
    let (mut raised_entries, mut raised_lines) = (0u32, 0usize);
    let mut list_page = 0;
    let mut refs_start = 0;
    let mut last_number: Option<Numbering> = None;
    for (k, b) in blocks.iter().enumerate() {
        let line = line_of[k];
        let text = b.text(&vocab);
        let text = if dropped_ligatures {
            repair_ligatures(&text, &vocab)
        } else {
            text
        };
        if k < front_end {
            s.front.extend(b.lines.iter().cloned());
            // The title, the byline and the date go to meta.toml (a marked byline also
            // opens the text, see `build`); the rest of the front matter
            // (affiliations, dates, an abstract without a heading) stays
            // readable as the paper's opening text.
            let marked = !crate::import::footnotes::title_marks(&text, &|_| true).is_empty();
            // A contents list repeats the headings; its page numbers say nothing.
            let contents = text.contains(". . .") || text.contains("....");
            let wordless = !text
                .split_whitespace()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
            let in_title = !title.is_empty() && title.contains(&normalise(&text));
            let meta = in_title || marked || super::front::names_only(&text) || is_date(&text);
            let piece = if meta || contents || wordless {
                Piece::Front {
                    text,
                    joins_previous: false,
                }
            } else {
                Piece::Text {
                    kind: PassageKind::Paragraph,
                    text,
                    page_start: false,
                }
            };
            pieces.push((piece, line));
            continue;
        }
        if Some(k) == headless {
            in_refs = true;
            refs_start = line;
            pieces.push((
                Piece::Heading(Heading {
                    number: None,
                    title: "References".to_string(),
                    level: 1,
                }),
                line,
            ));
        }
        // A numbered list whose labels are raised (`¹Rebek, A., ...`) reads
        // like notes at the page foot; under the list's heading they are entries.
        let raised_label = b.lines[0]
            .lead_marker
            .as_deref()
            .filter(|m| m.chars().all(|c| c.is_ascii_digit()));
        // Only labels counting from 1 in a list of their own, so a page's
        // real notes under a list stay notes.
        let next_raised = raised_entries + 1;
        if let Some(m) = raised_label.filter(|m| {
            in_refs
                && b.note
                && refs_lines.len() == raised_lines
                && m.parse::<u32>().ok() == Some(next_raised)
        }) {
            let mut entry = b.lines.clone();
            entry[0].text = format!("[{m}] {}", entry[0].text);
            raised_entries = next_raised;
            raised_lines += entry.len();
            refs_lines.extend(entry);
            continue;
        }
        // An unlabelled piece of an entry (its URL set in type) goes on with it.
        let entry_goes_on = in_refs
            && raised_entries > 0
            && refs_lines.len() == raised_lines
            && b.lines[0].lead_marker.is_none()
            && (b.note || b.size() < body * 0.93);
        if entry_goes_on {
            raised_lines += b.lines.len();
            refs_lines.extend(b.lines.iter().cloned());
            continue;
        }
        if b.note {
            let label = b.lines[0].lead_marker.clone().unwrap_or_default();
            if label.is_empty() {
                // The rest of a note from the previous page or column.
                if let Some((Piece::Footnote { text: t, .. }, _)) = pieces
                    .iter_mut()
                    .rev()
                    .find(|(p, _)| matches!(p, Piece::Footnote { .. }))
                {
                    t.push(' ');
                    t.push_str(&text);
                    continue;
                }
            }
            pieces.push((Piece::Footnote { label, text }, line));
            continue;
        }
        let key = outline_key(&text);
        let outlined = outline.iter().find(|(o, _)| *o == key && !key.is_empty());
        let numbered =
            Numbering::parse(&text).or_else(|| appendix_numbering(&text, numbers_headings));
        let plain_title = UNNUMBERED.contains(&normalise(&text).as_str());
        // Where the paper numbers its headings, an unnumbered one is set
        // larger than the body (`Computational details`) or is a usual title;
        // bold body-size words are table or card entries.
        // An unnumbered question heads a section only where no heading is
        // numbered (an FAQ); in a numbered paper it is a display line.
        let question = text.trim_end().ends_with('?');
        let unnumbered_ok = numbered.is_some()
            || !(numbers_headings || question && numbers_any)
            || plain_title
            || b.size() >= body * 1.12 && !question;
        // A title right above figure lettering or a caption belongs to the figure.
        let figure_title = blocks.get(k + 1).is_some_and(|n| {
            let t = n.text(&vocab);
            // Axis ticks: numbers without a word.
            let ticks = t.chars().any(|c| c.is_ascii_digit())
                && !t
                    .split_whitespace()
                    .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
            !n.note && (n.size() < body * 0.85 || caption_kind(&t) || ticks)
        });
        let a_word = text
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        // The word "Abstract" on a line of its own heads the abstract
        // whatever its size (journals set it small, or in the body font).
        let abstract_title =
            !b.note && b.lines.len() == 1 && normalise(&text) == "abstract" && k == front_end;
        // An unnumbered title starting in lower case is a table cell or a
        // note's continuation (`bold`, `also at ...`), not a heading.
        let lower_start = numbered.is_none()
            && outlined.is_none()
            && text.trim_start().starts_with(char::is_lowercase);
        // `Appendix A: Title` says what it is, whatever the outline calls it.
        let worded_appendix = numbered
            .as_ref()
            .is_some_and(|(n, _)| n.style == Style::Letter && n.text.contains(' '));
        // `4.6.1 Headings` set plain at the body's size on a line of its own
        // (or `2. Details` centred) is a heading where its number goes on
        // from the heading before.
        let plain_subsection = b.lines.len() == 1
            && !b.note
            && !b.lines[0].mono
            && b.size() > body - 0.6
            && (sub_numbered(&text) || centred(&b.lines[0]) && numbered_title(&text, 1))
            && (outlined.is_some() || !use_outline || below_outline(numbered.as_ref()))
            && numbered
                .as_ref()
                .zip(last_number.as_ref())
                .is_some_and(|((n, _), last)| n.follows(last));
        // A title the outline lists, on a line of its own set apart from
        // the body (italic, bold or larger), is a heading at any size:
        // `\paragraph` titles are italic at little more than the body's size.
        let outlined_apart = outlined.is_some()
            && !b.note
            && b.lines.len() <= 2
            && a_word
            && b.lines
                .iter()
                .all(|l| !l.mono && !l.shares_row && (l.bold || l.italic || l.size >= body + 0.5));
        // Without an outline, a line or two in italic or bold at the body's
        // size, between the end of a paragraph and a paragraph of prose,
        // titles what follows (`Example: Measles, Germany, 2005–2007`).
        let face = |l: &Line| (l.bold, l.italic && !l.bold);
        let display_title = !use_outline
            && b.lines.len() <= 2
            && !b.note
            && b.lines.iter().all(|l| {
                (l.bold || l.italic)
                    && face(l) == face(&b.lines[0])
                    && !l.mono
                    && !l.shares_row
                    && (l.size - body).abs() < 0.6
            })
            && text.trim_start().starts_with(char::is_uppercase)
            && text.split_whitespace().count() <= 12
            && !ends_sentence(&text)
            && !caption_like(&text)
            && k > 0
            && (ends_sentence(&blocks[k - 1].text(&vocab)) || heading_like(&blocks[k - 1]))
            && blocks.get(k + 1).is_some_and(|n| {
                !n.note
                    && (n.size() - body).abs() < 0.6
                    && n.chars() >= 80
                    && n.text(&vocab).split_whitespace().count() >= 12
                    && face(&n.lines[0]) == (false, false)
                    && !n.lines[0].mono
                    // Prose, not the entries of a description list (`zoo(x) creates ...`).
                    && n.lines[0].text.starts_with(char::is_uppercase)
            });
        let is_heading = list_heads.contains(&k)
            || plain_subsection
            || outlined_apart
            || display_title
            || !is_date(&text)
                && !lower_start
                && (abstract_title
                    || heading_like(b)
                        && a_word
                        && (outlined.is_some()
                            || numbered.is_some()
                            || plain_title
                            || unnumbered_ok && !figure_title)
                        && (outlined.is_some()
                            || !use_outline
                            || starred_span.contains(&k) && outline_styles.contains(&style_of(b))
                            || plain_title
                            || worded_appendix
                            || b.size() >= body * 1.12 && numbered.is_some()));
        if is_heading {
            if in_refs {
                list_page = refs_lines.last().map_or(0, |l| l.page);
                resume_at = flush_refs(&mut refs_lines, &mut pieces, refs_start);
            }
            let style = ((b.size() * 2.0).round() as i32, b.lines[0].bold);
            let style_level = styles.iter().position(|s| *s == style).unwrap_or(0) + 1;
            let (number, title) = match numbered {
                Some((n, rest)) => (Some(n), rest.trim().to_string()),
                None => (None, text.trim().trim_end_matches(':').to_string()),
            };
            let level = match (&number, outlined) {
                (_, Some((_, d))) => *d,
                (Some(n), None) if n.parts.len() > 1 => n.parts.len() as u8,
                _ => style_level.min(3) as u8,
            };
            let level = level.clamp(1, 3);
            let title = without_call(&title);
            let title = if title.is_empty() {
                text.clone()
            } else {
                title
            };
            if number.is_some() {
                last_number.clone_from(&number);
            }
            in_refs = list_heads.contains(&k);
            (raised_entries, raised_lines) = (0, 0);
            refs_start = line;
            pieces.push((
                Piece::Heading(Heading {
                    number,
                    title,
                    level,
                }),
                line,
            ));
            continue;
        }
        // Only on the list's page or the next: numbered examples pages
        // later (a style guide's annex) are not the list going on.
        if !in_refs
            && resume_at.is_some()
            && b.lines[0].page <= list_page + 1
            && label_number(&b.lines[0].text) == resume_at
        {
            in_refs = true;
            refs_start = line;
        }
        // Running text at the body size inside a list set smaller is the
        // text the list interrupts (an appendix going on in the next
        // column), not an entry.
        // A numbered list stays interrupted until a block opens with a label.
        let list_size = refs_lines.first().map(|l| l.size);
        let labelled = numeric_label(&b.lines[0].text);
        let interrupts = list_size.is_some_and(|sz| {
            (sz - body).abs() > 0.6
                && (b.size() - body).abs() <= 0.3
                && b.chars() >= 100
                && !labelled
        });
        let numbered_list = refs_lines.first().is_some_and(|l| numeric_label(&l.text));
        interrupted = in_refs && (interrupts || interrupted && numbered_list && !labelled);
        if in_refs && !interrupted {
            refs_lines.extend(b.lines.iter().cloned());
            continue;
        }
        // A numbered run-in heading: `2.1. Binary operators. Rcpp sugar defines ...`.
        let lead = b.lines[0].bold_lead.as_str();
        let run_in = (lead.ends_with('.') && lead.len() < 80 && text.starts_with(lead))
            .then(|| Numbering::parse(lead.trim_end_matches('.')))
            .flatten()
            .filter(|(n, title)| n.parts.len() >= 2 && !title.is_empty());
        if let Some((number, title)) = run_in {
            let level = (number.parts.len() as u8).clamp(1, 3);
            let title = without_call(title.trim());
            pieces.push((
                Piece::Heading(Heading {
                    number: Some(number),
                    title,
                    level,
                }),
                line,
            ));
            let rest = text[lead.len()..].trim().to_string();
            if !rest.is_empty() {
                pieces.push((
                    Piece::Text {
                        kind: PassageKind::Paragraph,
                        text: rest,
                        page_start: false,
                    },
                    line,
                ));
            }
            continue;
        }
        let kind = if caption_kind(&text) {
            PassageKind::Caption
        } else if b.lines.iter().all(|l| l.mono) {
            PassageKind::Code
        } else if b.lines.iter().filter(|l| l.shares_row).count() * 2 > b.lines.len()
            && b.lines.len() > 1
        {
            PassageKind::Table
        } else {
            PassageKind::Paragraph
        };
        // Figure lettering: short runs of small text that are not a caption.
        let small =
            b.size() < body * 0.85 && !matches!(kind, PassageKind::Caption | PassageKind::Code);
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count();
        let tiny = b.chars() < 4 || kind != PassageKind::Code && b.chars() < 40;
        if small && words < 12 || words == 0 && tiny {
            s.dropped_figure_text += 1;
            continue;
        }
        let text = if kind == PassageKind::Code || kind == PassageKind::Table {
            b.lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ⏎ ")
        } else {
            text
        };
        pieces.push((
            Piece::Text {
                kind,
                text,
                page_start: false,
            },
            line,
        ));
    }
    if in_refs {
        flush_refs(&mut refs_lines, &mut pieces, refs_start);
    }
    open_untitled(&mut pieces);
    s.pieces = pieces;
    s.line_pages = line_pages;
    s
}

/// A heading's title without the call of a note on it (`Version Number⁴`).
fn without_call(title: &str) -> String {
    title
        .trim_end_matches(|c: char| {
            crate::corpus::markdown::is_superscript_digit(c)
                || super::layout::MARK_SYMBOLS.contains(c)
        })
        .to_string()
}

/// An appendix's number: `APPENDIX A.`, `Appendix B:`, `Annexe C:`, `A.1`,
/// `B.2.3`; a bare letter (`A First section`) only in a paper that numbers
/// its headings, where a title never starts with a lone capital otherwise.
fn appendix_numbering(t: &str, numbers_headings: bool) -> Option<(Numbering, &str)> {
    let t = t.trim();
    let (word, after) = t.split_once(' ')?;
    let prefixed = ["appendix", "annex", "annexe"].contains(&word.to_lowercase().as_str());
    let (label_at, label_rest) = if prefixed {
        (word.len() + 1, after)
    } else {
        (0, t)
    };
    let mut cs = label_rest.char_indices();
    let letter = cs.next().map(|(_, c)| c).filter(char::is_ascii_uppercase)?;
    // Sub-numbers: `.1`, `.1.2`.
    let mut parts = vec![letter as u32 - 'A' as u32 + 1];
    let mut end = letter.len_utf8();
    while let Some(rest) = label_rest.get(end..).and_then(|r| r.strip_prefix('.')) {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            break;
        }
        parts.push(rest.get(..digits)?.parse().ok()?);
        end += 1 + digits;
    }
    // A closing `.` or `:` belongs to the number.
    let closer = label_rest
        .get(end..)
        .is_some_and(|r| r.starts_with(['.', ':']));
    let number_end = end + usize::from(closer);
    let rest = label_rest.get(number_end..)?;
    let title = rest.strip_prefix(' ')?.trim_start();
    let opens = title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let bare = !prefixed && parts.len() == 1;
    if !opens || bare && (!numbers_headings || closer) {
        return None;
    }
    let style = if parts.len() > 1 {
        Style::Decimal {
            depth: parts.len() as u8,
            dot: false,
        }
    } else {
        Style::Letter
    };
    let text = t.get(..label_at + number_end)?.to_string();
    Some((Numbering { text, style, parts }, title))
}

/// Text before the first heading (or in a paper where none was found) is
/// body all the same: it starts, as an untitled section, at the first text
/// (the text importer does the same), so no words are left without a home.
fn open_untitled(pieces: &mut Vec<Placed>) {
    let Some(at) = pieces.iter().position(|(p, _)| {
        matches!(
            p,
            Piece::Text { .. } | Piece::Footnote { .. } | Piece::Reference(_) | Piece::Heading(_)
        )
    }) else {
        return;
    };
    if matches!(pieces[at].0, Piece::Heading(_)) {
        return;
    }
    let line = pieces[at].1;
    let heading = Heading {
        number: None,
        title: crate::import::classify::UNTITLED.to_string(),
        level: 1,
    };
    pieces.insert(at, (Piece::Heading(heading), line));
}

/// A long paragraph that addresses its reader ("we", "you") is prose about
/// references, not a work in a list.
fn prose(t: &str) -> bool {
    t.len() > 350
        && t.split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "we" | "We" | "you" | "You" | "our" | "your" | "Please"))
}

/// A year of the 20th or 21st century among the text's numbers.
fn has_year(t: &str) -> bool {
    t.split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

/// An entry that reads as a work: a label or a year, not prose.
fn work(t: &str) -> bool {
    !prose(t) && (numeric_label(t) || has_year(t))
}

/// Where a list ends: after its last work, when two or more blocks that are
/// no works follow three works or more (author biographies set under the
/// list); otherwise at its end.
fn list_end(entries: &[(String, usize)]) -> usize {
    // Author addresses after the list are no works: the list ends at the
    // first, once a work came before it.
    let first_work = entries.iter().position(|(t, _)| work(t));
    if let Some(address) = first_work.and_then(|w| {
        (w + 1..entries.len()).find(|&i| entries[i].0.contains('@') && !has_year(&entries[i].0))
    }) {
        return address;
    }
    let last = entries
        .iter()
        .rposition(|(t, _)| work(t))
        .map_or(0, |i| i + 1);
    let works = entries[..last].iter().filter(|(t, _)| work(t)).count();
    if entries.len() - last >= 2 && works >= 3 {
        last
    } else {
        entries.len()
    }
}

/// Whether entries read as a reference list: most carry a year or a number.
fn looks_like_list(entries: &[(String, usize)]) -> bool {
    let entries = &entries[..list_end(entries)];
    let works = entries.iter().filter(|(t, _)| work(t)).count();
    works > 0 && works * 5 >= entries.len() * 3
}

/// The number of an entry labelled `[12]` or `12.`.
fn label_number(t: &str) -> Option<u32> {
    crate::corpus::refs::numeric_label(t).and_then(|(n, _)| n.parse().ok())
}

fn numeric_label(t: &str) -> bool {
    let t = t.trim_start();
    if let Some(rest) = t.strip_prefix('[') {
        let n = rest.find(']').unwrap_or(0);
        return n > 0 && n <= 12;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && t[digits..].starts_with(". ")
}

/// Reference entries: a numeric label or a line at the column edge (hanging
/// indent) starts one; without hanging indents, a wider gap does.
fn split_references(
    lines: &[Line],
    margins: &Margins,
    vocab: &HashSet<String>,
) -> Vec<(String, usize)> {
    let numeric = lines.first().is_some_and(|l| numeric_label(&l.text));
    let mut entries: Vec<(Vec<Line>, usize)> = Vec::new();
    let mut left: HashMap<(usize, u8), f32> = HashMap::new();
    for l in lines {
        let e = left.entry((l.page, l.column)).or_insert(f32::MAX);
        *e = e.min(l.x0);
    }
    let hanging = lines
        .iter()
        .any(|l| l.x0 > left[&(l.page, l.column)] + 0.6 * l.size);
    for (i, l) in lines.iter().enumerate() {
        let edge = l.x0 <= left[&(l.page, l.column)] + 0.5 * l.size;
        let start = match entries.last().and_then(|(e, _)| e.last()) {
            None => true,
            Some(prev) => {
                if numeric {
                    numeric_label(&l.text)
                } else if hanging {
                    edge
                } else {
                    let gap = prev.page == l.page
                        && prev.column == l.column
                        && l.bottom - prev.bottom > 1.6 * l.size;
                    // A short line ends an entry where it ends a sentence,
                    // or where the next opens like one: a name, then a year.
                    let short = prev.x1 < margins.get(prev).1 - 3.0 * l.size;
                    let opens = l.text.starts_with(char::is_uppercase) && has_year(&l.text);
                    gap || short && (ends_sentence(&prev.text) || opens)
                }
            }
        };
        if start {
            entries.push((Vec::new(), i));
        }
        if let Some((e, _)) = entries.last_mut() {
            e.push(l.clone());
        }
    }
    entries
        .into_iter()
        .map(|(e, at)| (join(&e, vocab), at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f32, bottom: f32, size: f32) -> Line {
        Line {
            page: 2,
            column: 2,
            ..Line::sample(text, x0, bottom, size)
        }
    }

    #[test]
    fn ligatures_a_font_dropped_come_back_from_the_papers_words() {
        let vocab: HashSet<String> = [
            "significance",
            "fluctuation",
            "modifications",
            "office",
            "the",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        assert_eq!(
            repair_ligatures(
                "Signi cance testing with empirical uctuation processes",
                &vocab
            ),
            "Significance testing with empirical fluctuation processes"
        );
        assert_eq!(
            repair_ligatures("xts modi cations.", &vocab),
            "xts modifications."
        );
        // Words that make no known word stay as they are.
        assert_eq!(
            repair_ligatures("the nest of the rey", &vocab),
            "the nest of the rey"
        );
    }

    const BODY: (&str, f32, bool) = (
        "Body text of the paper set in the size most of its lines have.",
        10.0,
        false,
    );

    /// Lines of (text, size, bold) one under another, `leading` times their
    /// size apart, on page `page`.
    fn stacked(rows: &[(&str, f32, bool)], leading: f32, page: usize) -> Vec<Line> {
        let mut y = 100.0;
        rows.iter()
            .map(|&(t, size, bold)| {
                let mut l = line(t, 50.0, y, size);
                l.page = page;
                l.bold = bold;
                l.x1 = 300.0;
                y += size * leading;
                l
            })
            .collect()
    }

    /// An outline of titles and depths, as the PDF reader gives it.
    fn outline(entries: &[(&str, u8)]) -> Vec<(String, u8)> {
        entries.iter().map(|&(t, d)| (t.to_string(), d)).collect()
    }

    /// The titles of the headings `segment` finds in `lines`.
    fn heading_titles(lines: &[Line], outline: &[(String, u8)]) -> Vec<String> {
        let refs: Vec<&Line> = lines.iter().collect();
        segment(&refs, outline)
            .pieces
            .into_iter()
            .filter_map(|(p, _)| match p {
                Piece::Heading(h) => Some(h.title),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_note_called_on_a_heading_is_no_part_of_its_title() {
        let rows = [
            ("1. Introduction", 12.0, true),
            BODY,
            ("2. Version Number\u{2074}", 12.0, true),
            BODY,
        ];
        assert_eq!(
            heading_titles(&stacked(&rows, 2.0, 2), &[]),
            ["Introduction", "Version Number"]
        );
    }

    #[test]
    fn a_numbered_question_is_a_heading() {
        let rows = [
            ("1. Introduction", 12.0, true),
            BODY,
            ("2. What is a vignette?", 12.0, true),
            BODY,
            ("Why would one ask?", 12.0, true),
            BODY,
        ];
        assert_eq!(
            heading_titles(&stacked(&rows, 2.0, 2), &[]),
            ["Introduction", "What is a vignette?"]
        );
    }

    #[test]
    fn a_body_size_heading_in_the_other_family_is_a_heading() {
        // A serif body with numbered headings set in a sans-serif face at
        // the body's size, neither bold nor larger.
        let rows = [
            ("1 Introduction", 10.0, false),
            BODY,
            BODY,
            BODY,
            ("2 Methods", 10.0, false),
            BODY,
            BODY,
            ("2.1 References and footnotes", 10.0, false),
            BODY,
            BODY,
        ];
        let mut lines = stacked(&rows, 1.6, 2);
        // The same face: all text, under an untitled section.
        assert!(!heading_titles(&lines, &[]).contains(&"Methods".to_string()));
        for l in lines.iter_mut().filter(|l| !l.text.starts_with("Body")) {
            l.sans = true;
        }
        assert_eq!(
            heading_titles(&lines, &[]),
            ["Introduction", "Methods", "References and footnotes"]
        );
        // Where the body mixes the two families, the family says nothing.
        for l in lines.iter_mut().skip(1).step_by(2) {
            l.sans = true;
        }
        assert!(!heading_titles(&lines, &[]).contains(&"Methods".to_string()));
    }

    #[test]
    fn an_italic_numbered_subsection_at_body_size_is_a_heading() {
        let rows = [
            ("2. Changes", 10.0, true),
            BODY,
            ("2.1 Discarded", 10.0, false),
            BODY,
            ("2.2 Font selection", 10.0, false),
            BODY,
            ("3. Matrices", 10.0, true),
            BODY,
        ];
        let mut lines = stacked(&rows, 1.3, 2);
        for l in lines.iter_mut().filter(|l| l.text.starts_with("2.")) {
            l.italic = true;
        }
        assert_eq!(
            heading_titles(&lines, &[]),
            ["Changes", "Discarded", "Font selection", "Matrices"]
        );
        // An italic sentence that starts with a number is text.
        lines[2].text = "2.1 times the rate was measured in the first run.".into();
        assert!(!heading_titles(&lines, &[])
            .iter()
            .any(|t| t.contains("times")));
    }

    /// A paragraph of prose at the body's size, ending a sentence.
    const PROSE: (&str, f32, bool) = (
        "Prose of the paper at the body size, long enough to be a paragraph that a title heads.",
        10.0,
        false,
    );

    #[test]
    fn a_double_spaced_paragraph_is_one_passage() {
        let line = (
            "a line of a paragraph that goes on in the next line",
            10.0,
            false,
        );
        let rows = [("1. Introduction", 12.0, true), line, line, line, BODY];
        // Lines 1.8 sizes apart, more than a single-spaced paragraph break.
        let lines = stacked(&rows, 1.8, 2);
        let refs: Vec<&Line> = lines.iter().collect();
        let texts: Vec<String> = segment(&refs, &[])
            .pieces
            .into_iter()
            .filter_map(|(p, _)| match p {
                Piece::Text { text, .. } => Some(text),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
    }

    #[test]
    fn a_title_the_outline_lists_is_a_heading_in_any_face_set_apart() {
        let rows = [
            ("1. Models", 12.0, true),
            BODY,
            ("Poisson model", 10.5, false),
            BODY,
            ("Quasi model", 10.5, false),
            BODY,
            ("2. Summary", 12.0, true),
            BODY,
        ];
        let mut lines = stacked(&rows, 2.0, 2);
        for l in lines.iter_mut().filter(|l| l.text.ends_with("model")) {
            l.italic = true;
        }
        let outline = outline(&[("Models", 1), ("Poisson model", 3), ("Summary", 1)]);
        // The italic line the outline leaves out is emphasis, not a title.
        assert_eq!(
            heading_titles(&lines, &outline),
            ["Models", "Poisson model", "Summary"]
        );
    }

    #[test]
    fn a_heading_set_like_the_outlined_sections_is_a_starred_section() {
        let rows = [
            ("1. Introduction", 14.0, true),
            BODY,
            ("2. Summary", 14.0, true),
            BODY,
            ("Computational details", 14.0, true),
            BODY,
            ("Display line in bold", 12.0, true),
            BODY,
        ];
        let outline = outline(&[("Introduction", 1), ("Summary", 1), ("Appendix", 1)]);
        assert_eq!(
            heading_titles(&stacked(&rows, 2.0, 2), &outline),
            ["Introduction", "Summary", "Computational details"]
        );
    }

    #[test]
    fn an_italic_or_bold_line_between_paragraphs_titles_what_follows() {
        let rows = [
            ("SECTIONS, EQUATIONS, ETC.", 10.0, true),
            PROSE,
            ("An example subsubsection", 10.0, false),
            PROSE,
            ("Example: Measles, Germany, 2005\u{2013}2007", 10.0, true),
            PROSE,
            ("An emphasised aside", 10.0, false),
            ("x = 1", 10.0, false),
        ];
        let mut lines = stacked(&rows, 2.0, 2);
        for l in lines.iter_mut().filter(|l| l.text.starts_with("An ")) {
            l.italic = true;
        }
        assert_eq!(
            heading_titles(&lines, &[]),
            [
                "SECTIONS, EQUATIONS, ETC.",
                "An example subsubsection",
                "Example: Measles, Germany, 2005\u{2013}2007"
            ]
        );
    }

    #[test]
    fn plain_subsections_going_on_from_the_heading_before_are_headings() {
        let rows = [
            ("1. Introduction", 10.0, true),
            BODY,
            ("1.1. Sagittis", 10.5, false),
            BODY,
            ("1.1.1 Numbers", 10.0, false),
            BODY,
            ("1.1.2 Letters", 10.0, false),
            BODY,
            // Out of sequence: a numbered line of the text.
            ("1.1.5 Rates", 10.0, false),
            BODY,
            ("2. Bold title closed by a full stop.", 10.0, true),
            BODY,
            // Centred at the body's size.
            ("3. Details", 10.0, false),
            BODY,
        ];
        // Every line apart from the next, as headings and paragraphs are.
        let mut lines = stacked(&rows, 2.0, 2);
        let last = lines.len() - 2;
        (lines[last].x0, lines[last].x1) = (150.0, 200.0);
        let all = [
            "Introduction",
            "Sagittis",
            "Numbers",
            "Letters",
            "Bold title closed by a full stop.",
            "Details",
        ];
        assert_eq!(heading_titles(&lines, &[]), all);
        // Where the outline stops at the second level, the third is still
        // found.
        let outline: Vec<(String, u8)> = [
            ("1. Introduction", 1),
            ("1.1. Sagittis", 2),
            ("2. Bold title closed by a full stop.", 1),
        ]
        .map(|(t, d)| (t.to_string(), d))
        .to_vec();
        // A section the outline leaves out is not taken on its layout alone.
        assert_eq!(heading_titles(&lines, &outline), all[..5]);
    }

    #[test]
    fn a_heading_set_like_the_sections_after_the_abstract_opens_the_body() {
        let abstract_text = "An abstract long enough to be the paragraph it is. ".repeat(8);
        let rows = [
            ("A Title of the Paper", 16.0, true),
            ("Ann Author", 10.0, false),
            (abstract_text.as_str(), 10.0, false),
            ("Nomenclature", 12.0, true),
            ("J", 10.0, false),
            ("I. Introduction", 12.0, true),
            BODY,
            ("II. Methods", 12.0, true),
            BODY,
        ];
        let lines = stacked(&rows, 2.0, 0);
        // The byline and the abstract open the text in an untitled section.
        assert_eq!(
            heading_titles(&lines, &[]),
            ["Text", "Nomenclature", "Introduction", "Methods"]
        );
    }

    #[test]
    fn front_matter_beyond_title_and_byline_stays_readable() {
        let abstract_text = "An abstract set without a heading, long enough to be one. ".repeat(6);
        let rows = [
            ("A Title of the Paper", 16.0, true),
            ("Ann Author and Bo Author", 10.0, false),
            ("Academy of Lagado, Balnibarbi", 10.0, false),
            (abstract_text.as_str(), 10.0, false),
            ("1 Introduction", 12.0, true),
            BODY,
        ];
        let lines = stacked(&rows, 2.0, 0);
        let refs: Vec<&Line> = lines.iter().collect();
        let pieces = segment(&refs, &[]).pieces;
        let texts: Vec<&str> = pieces
            .iter()
            .filter_map(|(p, _)| match p {
                Piece::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                "Academy of Lagado, Balnibarbi",
                abstract_text.trim_end(),
                BODY.0
            ]
        );
        assert!(matches!(&pieces[2].0, Piece::Heading(h) if h.title == "Text"));
    }

    #[test]
    fn a_list_ends_before_the_biographies_set_under_it() {
        let e = |t: &str| (t.to_string(), 0);
        let list = [
            e("D. Bahdanau, K. Cho. Neural machine translation. arXiv, 2014."),
            e("S. Horvath and K. Raj. Dna methylation. Nature Reviews Genetics, 2018."),
            e("Y. LeCun, Y. Bengio, and G. Hinton. Deep learning. Nature, 2015."),
            e("Author Name. This is sample author biography text."),
            e("Author Name. This is another sample biography text."),
        ];
        assert_eq!(list_end(&list), 3);
        assert!(looks_like_list(&list));
        // One dated sentence among paragraphs is no list.
        let text = [
            e("There are three options, author/year (Smith et al. 2000)."),
            e("Labels are used as well, as the class documents."),
            e("No year is needed for them."),
        ];
        assert_eq!(list_end(&text), 3);
        assert!(!looks_like_list(&text));
    }

    #[test]
    fn a_list_with_raised_labels_under_its_heading_is_no_set_of_notes() {
        let rows = [
            ("1. Introduction", 12.0, true),
            BODY,
            BODY,
            ("References", 12.0, true),
            (
                "Rebek, A., Fickle Rocks, Fink Publishing, Chesapeake, 1982.",
                8.0,
                false,
            ),
            (
                "Other, B., Second Work, Publisher, Boston, 1990.",
                8.0,
                false,
            ),
        ];
        let mut lines = stacked(&rows, 1.6, 2);
        lines[4].lead_marker = Some("1".into());
        lines[5].lead_marker = Some("2".into());
        let refs: Vec<&Line> = lines.iter().collect();
        let pieces = segment(&refs, &[]).pieces;
        let entries: Vec<&str> = pieces
            .iter()
            .filter_map(|(p, _)| match p {
                Piece::Reference(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(entries.len(), 2, "{pieces:?}");
        assert!(entries[0].starts_with("[1] Rebek") && entries[1].starts_with("[2] Other"));
        // A note numbered 3 on a list's page with no raised labels stays a note.
        lines.remove(4);
        lines[4].lead_marker = Some("3".into());
        let refs: Vec<&Line> = lines.iter().collect();
        let pieces = segment(&refs, &[]).pieces;
        assert!(pieces
            .iter()
            .any(|(p, _)| matches!(p, Piece::Footnote { .. })));
    }

    #[test]
    fn raised_labels_counting_from_one_after_the_body_are_a_list_without_a_heading() {
        let work = |n: usize| {
            (
                ["Feynman", "Witten", "Einstein", "Smith", "Knuth"][n],
                8.0,
                false,
            )
        };
        let mut rows = vec![("1. Introduction", 12.0, true), BODY, BODY];
        let entries: Vec<String> = (0..5)
            .map(|n| format!("{}, Phys. Rev. 94, 262 ({}).", work(n).0, 1950 + n))
            .collect();
        rows.extend(entries.iter().map(|t| (t.as_str(), 8.0, false)));
        let mut lines = stacked(&rows, 1.6, 2);
        for (n, l) in lines[3..].iter_mut().enumerate() {
            l.lead_marker = Some((n + 1).to_string());
        }
        let refs: Vec<&Line> = lines.iter().collect();
        let pieces = segment(&refs, &[]).pieces;
        let listed = pieces
            .iter()
            .filter(|(p, _)| matches!(p, Piece::Reference(t) if t.starts_with('[')))
            .count();
        assert_eq!(listed, 5, "{pieces:?}");
        // An entry's URL set in type below its first line goes on with it.
        let mut url = lines[4].clone();
        (url.text, url.mono, url.lead_marker) = ("aps.org/revtex/.".into(), true, None);
        url.bottom += 6.0;
        lines.insert(5, url);
        let refs: Vec<&Line> = lines.iter().collect();
        let pieces = segment(&refs, &[]).pieces;
        let entries: Vec<&str> = pieces
            .iter()
            .filter_map(|(p, _)| match p {
                Piece::Reference(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(entries.len(), 5, "{pieces:?}");
        assert!(entries[1].ends_with("aps.org/revtex/."), "{entries:?}");
        lines.remove(5);
        // Notes 1 to 5 that are no works stay notes.
        for l in &mut lines[3..] {
            l.text = "A remark at the foot of the page about the text.".into();
        }
        let refs: Vec<&Line> = lines.iter().collect();
        let pieces = segment(&refs, &[]).pieces;
        assert!(!pieces.iter().any(|(p, _)| matches!(p, Piece::Reference(_))));
    }

    #[test]
    fn one_line_entries_ending_short_of_the_margin_are_entries() {
        let mut lines = stacked(
            &[
                (
                    "Author A. N., 2013, Journal of Improbable Astronomy, 1, 1",
                    8.0,
                    false,
                ),
                (
                    "Jones C. D., 2015, Journal of Interesting Stuff, 17, 198",
                    8.0,
                    false,
                ),
                (
                    "Smith A. B., 2014, The Example Journal, 12, 345",
                    8.0,
                    false,
                ),
            ],
            1.25,
            2,
        );
        for l in &mut lines {
            l.x1 = 200.0;
        }
        // The column's full lines run to 300.
        let margins = Margins {
            at: HashMap::from([((2, 2), (50.0, 300.0))]),
            pitch: 0.0,
        };
        let entries = split_references(&lines, &margins, &HashSet::new());
        assert_eq!(entries.len(), 3, "{entries:?}");
    }

    #[test]
    fn a_small_bold_numbered_heading_keeps_its_number() {
        let mut lines = stacked(
            &[
                ("Text calling a note\u{b9} here.", 10.0, false),
                ("1. Third-level heading", 9.0, true),
            ],
            1.3,
            2,
        );
        number_notes_on_the_line(&mut lines, 10.0);
        assert_eq!(lines[1].lead_marker, None);
        assert_eq!(lines[1].text, "1. Third-level heading");
    }

    #[test]
    fn an_address_after_the_list_ends_it_and_stays_text() {
        let rows = [
            ("1. Introduction", 12.0, true),
            BODY,
            ("References", 12.0, true),
            ("[1] A. Author, A work, Press, 1999.", 10.0, false),
            ("[2] B. Author, Another work, Press, 2001.", 10.0, false),
            ("[3] C. Author, A third work, Press, 2004.", 10.0, false),
            (
                "[4] Ann Author, ann@example.org, University of Lagado",
                10.0,
                false,
            ),
        ];
        let lines = stacked(&rows, 2.0, 2);
        let refs: Vec<&Line> = lines.iter().collect();
        let pieces = segment(&refs, &[]).pieces;
        let entries = pieces
            .iter()
            .filter(|(p, _)| matches!(p, Piece::Reference(_)))
            .count();
        assert_eq!(entries, 3, "{pieces:?}");
        assert!(
            pieces.iter().any(
                |(p, _)| matches!(p, Piece::Text { text, .. } if text.contains("ann@example.org"))
            ),
            "{pieces:?}"
        );
    }

    #[test]
    fn centred_capitals_a_size_below_the_body_head_sections_beside_long_small_tables() {
        let mut rows = vec![
            ("1. INTRODUCTION", 8.0, false),
            PROSE,
            ("2. OBSERVATIONS", 8.0, false),
            PROSE,
        ];
        // A long table in small type: more of its characters than the body's.
        let cell = ("cell of a table set small 12.5", 8.0, false);
        rows.extend(std::iter::repeat_n(cell, 40));
        let mut lines = stacked(&rows, 2.0, 2);
        for l in lines
            .iter_mut()
            .filter(|l| l.text.ends_with("TION") || l.text.ends_with("ONS"))
        {
            (l.x0, l.x1) = (120.0, 230.0);
        }
        for l in lines.iter_mut().filter(|l| l.text.starts_with("cell")) {
            l.shares_row = true;
        }
        let refs: Vec<&Line> = lines.iter().collect();
        assert_eq!(body_size(&refs), 10.0);
        let titles = heading_titles(&lines, &[]);
        assert_eq!(titles[..2], ["INTRODUCTION", "OBSERVATIONS"], "{titles:?}");
    }

    #[test]
    fn lettered_notes_are_notes_where_the_page_calls_them() {
        let mut lines = stacked(
            &[
                ("1. Introduction", 12.0, true),
                (
                    "Text of the paper, Smitha) and Jonesb) say (as a test framework) so.",
                    10.0,
                    false,
                ),
                BODY,
                ("a)Also at Physics Department.", 8.0, false),
                ("b)Electronic mail: b@example.org.", 8.0, false),
                ("k)Not called on this page.", 8.0, false),
            ],
            1.3,
            2,
        );
        number_notes_on_the_line(&mut lines, 10.0);
        let labels: Vec<Option<&str>> = lines[3..]
            .iter()
            .map(|l| l.lead_marker.as_deref())
            .collect();
        assert_eq!(labels, [Some("a"), Some("b"), None]);
        assert_eq!(lines[3].text, "Also at Physics Department.");
    }

    #[test]
    fn a_bold_word_in_lower_case_is_no_heading() {
        let rows = [
            ("Introduction", 12.0, true),
            BODY,
            ("bold", 10.0, true),
            BODY,
            ("Results", 10.0, true),
            BODY,
        ];
        assert_eq!(
            heading_titles(&stacked(&rows, 2.0, 2), &[]),
            ["Introduction", "Results"]
        );
    }

    #[test]
    fn a_date_line_is_no_numbered_heading() {
        assert!(is_date("20 April 1999"));
        assert!(is_date("June 8, 2018"));
        assert!(is_date("Dec. 2010"));
        assert!(!is_date("2 Installation"));
        assert!(!is_date("4 May the results hold"));
        assert!(!is_date("1999 Annual report"));
    }

    #[test]
    fn an_unnumbered_introduction_ends_the_front_matter() {
        let mut rows = vec![
            ("A Paper Title", 16.0, true),
            ("Ann Author and Bob Writer", 10.0, false),
            ("Introduction", 12.0, true),
        ];
        rows.extend([BODY; 8]);
        let titles = heading_titles(&stacked(&rows, 1.3, 0), &[]);
        assert!(titles.iter().any(|t| t == "Introduction"), "{titles:?}");
    }

    #[test]
    fn paragraphs_about_citing_are_no_reference_list() {
        let about = "There are three options for citing references: arabic numbers, i.e. [1], [3-5], \
            labels, i.e. [CE1], author/year system, (Smith et al. 2000), (Miller 1999a, 12; Brown 2018). \
            We prefer citations with arabic numbers, i.e. the usage of bibitem without an optional \
            parameter. If you want to use the author/year system, you can use the class option, \
            which redefines the bibitem command to take the publication year as a parameter.";
        assert!(!looks_like_list(&[(about.to_string(), 1)]));
        let works = [
            (
                "Chambers JM (2008). Software for Data Analysis. Springer.".to_string(),
                1,
            ),
            ("[2] E. Witten, (2001), hep-th/0106109.".to_string(), 2),
        ];
        assert!(looks_like_list(&works));
    }

    #[test]
    fn body_text_interrupting_a_numbered_list_is_not_an_entry() {
        let mut lines = Vec::new();
        let mut y = 100.0;
        let mut push = |t: &str, size: f32, bold: bool, lines: &mut Vec<Line>| {
            let mut l = line(t, 50.0, y, size);
            l.bold = bold;
            l.x1 = 300.0;
            y += size * 1.3;
            lines.push(l);
        };
        push("1 Introduction", 12.0, true, &mut lines);
        for _ in 0..6 {
            push(
                "Body text of the paper set in the size most of its lines have",
                10.0,
                false,
                &mut lines,
            );
        }
        push("References", 12.0, true, &mut lines);
        push("[1] E. Witten, Some work (2001).", 8.0, false, &mut lines);
        // The appendix going on beside the list, at the body size.
        for t in [
            "appendixes instead of regular sections. Therefore, the appendix command",
            "should be used only once to set up the section commands to act as appendixes.",
        ] {
            push(t, 10.0, false, &mut lines);
        }
        push(
            "[2] R. Feynman, Phys. Rev. 94, 262 (1954).",
            8.0,
            false,
            &mut lines,
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let seg = segment(&refs, &[]);
        let entries: Vec<&str> = seg
            .pieces
            .iter()
            .filter_map(|(p, _)| match p {
                Piece::Reference(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            entries,
            [
                "[1] E. Witten, Some work (2001).",
                "[2] R. Feynman, Phys. Rev. 94, 262 (1954)."
            ]
        );
        assert!(seg.pieces.iter().any(|(p, _)| matches!(
            p,
            Piece::Text { text, .. } if text.starts_with("appendixes instead")
        )));
    }

    #[test]
    fn appendix_numbers_with_and_without_the_word() {
        let n = |t: &str, numbered: bool| {
            appendix_numbering(t, numbered).map(|(n, rest)| (n.text, n.parts, rest.to_string()))
        };
        assert_eq!(
            n("APPENDIX A. MISCELLANEOUS DETAILS", false),
            Some((
                "APPENDIX A.".into(),
                vec![1],
                "MISCELLANEOUS DETAILS".into()
            ))
        );
        assert_eq!(
            n("Annexe C: Discours Préliminaire", false),
            Some(("Annexe C:".into(), vec![3], "Discours Préliminaire".into()))
        );
        assert_eq!(
            n("B.3 Uppercase letters", false),
            Some(("B.3".into(), vec![2, 3], "Uppercase letters".into()))
        );
        // A bare letter only where the paper numbers its headings.
        assert_eq!(
            n("B Problems and Bugs", true),
            Some(("B".into(), vec![2], "Problems and Bugs".into()))
        );
        assert_eq!(n("A Study of Things", false), None);
        assert_eq!(n("A. Background", true), None);
        assert_eq!(n("A.1 lower case", true), None);
        assert_eq!(n("Appendix", true), None);
        assert_eq!(n("Ü", true), None);
    }

    #[test]
    fn a_worded_appendix_is_a_heading_the_outline_names_otherwise() {
        let mut lines = Vec::new();
        let mut y = 100.0;
        for (t, size, bold) in [
            ("1 Introduction", 10.0, true),
            (
                "Body text of the paper set in the size most of its lines have.",
                9.0,
                false,
            ),
            ("2 Methods", 10.0, true),
            (
                "Body text of the paper set in the size most of its lines have.",
                9.0,
                false,
            ),
            ("Appendix A: Extra Things [27]", 10.0, true),
            (
                "Body text of the paper set in the size most of its lines have.",
                9.0,
                false,
            ),
        ] {
            y += 20.0;
            let mut l = line(t, 50.0, y, size);
            l.bold = bold;
            lines.push(l);
        }
        let outline: Vec<(String, u8)> = [
            "1 Introduction",
            "2 Methods",
            "Appendices",
            "A Extra Things",
        ]
        .iter()
        .map(|t| (t.to_string(), 1))
        .collect();
        assert_eq!(
            heading_titles(&lines, &outline),
            ["Introduction", "Methods", "Extra Things [27]"]
        );
    }

    #[test]
    fn a_numbered_heading_under_another_is_a_block_of_its_own() {
        let mut a = line("A RESEARCH METHODS", 50.0, 100.0, 12.0);
        let mut b = line("A.1 Part One", 50.0, 114.0, 12.0);
        a.bold = true;
        b.bold = true;
        let c = line("Body text", 50.0, 130.0, 10.0);
        let ls = [&a, &b, &c];
        let margins = Margins::new(&ls, 10.0);
        assert!(breaks(&a, &b, &margins, 10.0));
        // A heading wrapped onto a second line goes on.
        let mut w = line("Methods and Materials", 50.0, 114.0, 12.0);
        w.bold = true;
        assert!(!breaks(&a, &w, &margins, 10.0));
    }

    #[test]
    fn a_list_title_in_the_lists_small_type_heads_the_list() {
        let mut lines = Vec::new();
        let mut y = 100.0;
        // (text, size, bold, indent, space before)
        let mut push = |t: &str, size: f32, bold: bool, x0: f32, gap: f32| {
            y += gap;
            let mut l = line(t, x0, y, size);
            l.bold = bold;
            // Full lines run to the margin; a title is as long as its words.
            if t.len() > 20 {
                l.x1 = 300.0;
            }
            y += size * 1.2;
            lines.push(l);
        };
        push("1 Introduction", 12.0, true, 50.0, 0.0);
        for _ in 0..6 {
            let body = "Body text of the paper set in the size most of its lines have";
            push(body, 10.0, false, 50.0, 0.0);
        }
        push("References:", 8.0, false, 50.0, 12.0);
        for (first, rest) in [
            (
                "Anderson, Thomas C. 1997. \u{201c}Kierkegaard and Knowledge.\u{201d} In",
                "Postscript. Macon, GA: Mercer University Press.",
            ),
            (
                "Aquinas. 1951. Super Evangelium S. Matthaei lectura, Reportatio",
                "Leodegarii Bissuntini. Turin: Marietti.",
            ),
            (
                "Bourget, David. 2012. \u{201c}What Do Philosophers Believe?\u{201d}",
                "Philosophical Studies (in press).",
            ),
        ] {
            push(first, 8.0, false, 50.0, 4.0);
            push(rest, 8.0, false, 60.0, 0.0);
        }
        let refs: Vec<&Line> = lines.iter().collect();
        let seg = segment(&refs, &[]);
        let entries = seg
            .pieces
            .iter()
            .filter(|(p, _)| matches!(p, Piece::Reference(_)))
            .count();
        assert_eq!(entries, 3);
        assert!(seg.pieces.iter().any(|(p, _)| matches!(
            p,
            Piece::Heading(h) if h.title == "References"
        )));
    }

    #[test]
    fn text_before_any_heading_opens_an_untitled_section() {
        let text = |t: &str| Piece::Text {
            kind: PassageKind::Paragraph,
            text: t.to_string(),
            page_start: false,
        };
        let front = Piece::Front {
            text: "A title".into(),
            joins_previous: false,
        };
        let mut pieces = vec![(front.clone(), 1), (text("Body."), 3)];
        open_untitled(&mut pieces);
        assert!(matches!(&pieces[1].0, Piece::Heading(h) if h.title == "Text"));
        assert_eq!(pieces[1].1, 3);
        assert_eq!(pieces.len(), 3);
        // A paper with a heading is left alone.
        let mut pieces = vec![(front, 1), (text("Body."), 3)];
        pieces.insert(
            1,
            (
                Piece::Heading(Heading {
                    number: None,
                    title: "Intro".into(),
                    level: 1,
                }),
                2,
            ),
        );
        open_untitled(&mut pieces);
        assert_eq!(pieces.len(), 3);
        // Text before the first heading is body all the same.
        let mut pieces = vec![(text("Answer."), 2), pieces[1].clone()];
        open_untitled(&mut pieces);
        assert!(matches!(&pieces[0].0, Piece::Heading(h) if h.title == "Text"));
        assert_eq!(pieces.len(), 3);
    }

    #[test]
    fn a_caption_is_a_label_not_a_sentence_about_the_figure() {
        assert!(caption_kind("Figure 2: Time series used"));
        assert!(caption_kind("Fig. 2. Results of the bootstrapping"));
        assert!(caption_kind("Table 1 Engel's law"));
        assert!(!caption_kind("Figure 2 shows the transformed time series."));
        assert!(!caption_kind("Figure 1 shows a simple multi-state model"));
        assert!(caption_kind("TABLE II. This is a wide table"));
        assert!(caption_kind("FIG. 1. A figure caption."));
        assert!(!caption_kind("Figure Captions"));
    }

    #[test]
    fn a_marker_on_a_row_of_its_own_leads_the_note_below_it() {
        let body = line(
            "the body text of the column, set in the size most lines have",
            461.0,
            990.0,
            8.5,
        );
        let marker = line("1", 461.0, 1030.0, 5.0);
        let note = line(
            "Theoretical analysis is often directed to",
            465.0,
            1033.0,
            5.5,
        );
        let figure = line("12", 461.0, 900.0, 5.0);
        // A second marker, taken for the left column, reads before its note.
        let mut marker2 = line("2", 458.0, 1046.0, 5.0);
        marker2.column = 1;
        let note2 = line("Within base R, profiling can be", 461.0, 1049.0, 5.5);
        let glued = line("5We should note that this", 461.0, 1060.0, 5.5);
        let lines = [&body, &figure, &marker2, &marker, &note, &note2, &glued];
        let got = attach_lone_markers(&lines, 8.5);
        let texts: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|l| (l.text.as_str(), l.lead_marker.as_deref()))
            .collect();
        assert_eq!(
            texts,
            [
                (body.text.as_str(), None),
                ("12", None),
                ("Theoretical analysis is often directed to", Some("1")),
                ("Within base R, profiling can be", Some("2")),
                ("We should note that this", Some("5")),
            ]
        );
    }

    #[test]
    fn a_note_numbered_on_its_line_is_a_note_where_the_body_calls_it() {
        let called = line("as the guide says.¹ And more text", 72.0, 500.0, 10.0);
        let note = line("1. See the guide", 72.0, 700.0, 8.0);
        // Not called on this page or the one before: a small list item.
        let item = line("2. Set i = 0", 72.0, 710.0, 8.0);
        let mut later = line("1 See the guide again", 72.0, 700.0, 8.0);
        later.page = 4;
        let mut lines = vec![called, note, item, later];
        number_notes_on_the_line(&mut lines, 10.0);
        let got: Vec<(&str, Option<&str>)> = lines[1..]
            .iter()
            .map(|l| (l.text.as_str(), l.lead_marker.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("See the guide", Some("1")),
                ("2. Set i = 0", None),
                ("1 See the guide again", None),
            ]
        );
    }

    #[test]
    fn notes_at_the_body_size_are_notes_below_a_gap_from_a_marked_line() {
        let mut lines: Vec<Line> = (0..8)
            .map(|k| {
                line(
                    "body text of the column set in its size",
                    54.0,
                    600.0 + 10.5 * k as f32,
                    7.5,
                )
            })
            .collect();
        let mut first = line("https://data.gov.uk/", 54.0, 714.0, 8.0);
        first.lead_marker = Some("1".into());
        let mut second = line("Example of footnote text.", 54.0, 726.0, 8.0);
        second.lead_marker = Some("2".into());
        lines.extend([
            first,
            second,
            line("permissions@example.com", 54.0, 752.0, 6.5),
        ]);
        let refs: Vec<&Line> = lines.iter().collect();
        let mut got: Vec<usize> = footnote_lines(&refs, 7.5)
            .into_iter()
            .map(|(_, i)| i)
            .collect();
        got.sort();
        assert_eq!(got, [8, 9, 10]);
        // Without the gap above it, a marked line of the body's size is body text.
        lines[8].bottom = 684.0;
        lines[9].bottom = 694.5;
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(footnote_lines(&refs, 7.5).is_empty());
    }
}
