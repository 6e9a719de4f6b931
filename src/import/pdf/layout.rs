//! Positioned runs -> lines in reading order, with page furniture removed.
//!
//! Rows are runs that share a baseline band; a row splits where the gap is
//! wider than any word space (a column gutter or a table cell). A page is
//! two-column when many lines sit wholly on each side of its middle; lines
//! spanning both sides cut the page into bands read left column first.
//! Running heads, page numbers and footers are lines in the page margins
//! whose text (digits aside) repeats across pages.

use std::collections::{HashMap, HashSet};

use super::read::{Page, Run};

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub page: usize,
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    /// The size of most of the line's characters.
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub mono: bool,
    /// Most of the line is in a sans-serif face.
    pub sans: bool,
    /// A raised marker the line starts with (`1` of a footnote, `∗` of an author note).
    pub lead_marker: Option<String>,
    /// The bold words the line starts with, when the rest is not bold (a run-in heading).
    pub bold_lead: String,
    /// 0: spans the page (or one-column page), 1: left column, 2: right column.
    pub column: u8,
    /// Another line of the same column shares this line's row (table cells).
    pub shares_row: bool,
    /// The row of the page the line was cut from.
    pub row: usize,
}

#[cfg(test)]
impl Line {
    /// A plain line for tests: `text` at `x0`, its baseline at `bottom`,
    /// half a size wide per character, on page 0 spanning the page.
    pub fn sample(text: &str, x0: f32, bottom: f32, size: f32) -> Line {
        Line {
            page: 0,
            text: text.to_string(),
            x0,
            x1: x0 + text.chars().count() as f32 * size * 0.5,
            top: bottom - size,
            bottom,
            size,
            bold: false,
            italic: false,
            mono: false,
            sans: false,
            lead_marker: None,
            bold_lead: String::new(),
            column: 0,
            shares_row: false,
            row: 0,
        }
    }
}

pub fn ligatures(s: &str) -> String {
    if !s.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        _ => return None,
    })
}

pub const MARK_SYMBOLS: &str = "*∗†‡§¶⋆";

fn is_marker_text(t: &str) -> bool {
    let t = t.trim().trim_matches(',');
    !t.is_empty()
        && t.chars().count() <= 3
        && t.chars()
            .all(|c| c.is_ascii_digit() || MARK_SYMBOLS.contains(c))
}

/// Every page's lines in reading order (furniture included; see
/// [`furniture`]), without the line numbers of a review draft.
pub fn lines(pages: &[Page]) -> Vec<Vec<Line>> {
    let numbered = line_number_edges(pages);
    pages
        .iter()
        .enumerate()
        .map(|(i, p)| order(page_lines(i, &p.runs, &numbered), p.width))
        .collect()
}

fn overlap(a: (f32, f32), b: (f32, f32)) -> f32 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0.0)
}

/// Runs grouped into rows, rows cut into lines at wide gaps; stacks of
/// numbers at a `numbered` edge are line numbers, left out.
fn page_lines(page: usize, runs: &[Run], numbered: &HashSet<(bool, i32)>) -> Vec<Line> {
    let mut runs = sorted_runs(runs);
    let drop: HashSet<usize> = number_stacks(&runs)
        .into_iter()
        .filter(|(e, _)| numbered.contains(e))
        .flat_map(|(_, ks)| ks)
        .collect();
    let mut k = 0;
    runs.retain(|_| {
        k += 1;
        !drop.contains(&(k - 1))
    });
    // Rows: (top, bottom, run indices); the band is that of the row's largest runs.
    let mut rows: Vec<(f32, f32, f32, Vec<usize>)> = Vec::new();
    for (i, r) in runs.iter().enumerate() {
        let h = (r.bottom - r.top).max(0.1);
        let fits = |(top, bottom, size, _): &(f32, f32, f32, Vec<usize>)| {
            let rh = (*bottom - *top).max(0.1);
            // Beside a word in type more than twice as tall (a masthead, a
            // drop cap), two lines of small text would share its band: only
            // a run on the same baseline joins it.
            let tall = rh > 2.5 * h || h > 2.5 * rh;
            overlap((r.top, r.bottom), (*top, *bottom)) >= 0.45 * h.min(rh)
                && (!tall || (r.bottom - *bottom).abs() < r.size.min(*size))
        };
        // A letter raised or lowered off its line (the `E` of the LaTeX logo,
        // an index) joins the row of the words beside it, whose band it
        // meets, before a row of the other column set a little higher.
        let beside = |members: &[usize]| {
            members.iter().any(|&j| {
                let o = runs[j];
                let oh = (o.bottom - o.top).max(0.1);
                o.x0 - r.size < r.x1
                    && r.x0 < o.x1 + r.size
                    && overlap((r.top, r.bottom), (o.top, o.bottom)) >= 0.45 * h.min(oh)
            })
        };
        let recent = rows.len().saturating_sub(6)..rows.len();
        let pick = recent
            .clone()
            .rev()
            .find(|&k| beside(&rows[k].3))
            .or_else(|| recent.rev().find(|&k| fits(&rows[k])));
        let found = pick.map(|k| &mut rows[k]);
        match found {
            Some((top, bottom, size, members)) => {
                if r.size > *size {
                    (*top, *bottom, *size) = (r.top, r.bottom, r.size);
                }
                members.push(i);
            }
            None => rows.push((r.top, r.bottom, r.size, vec![i])),
        }
    }
    // A gutter: a stretch of the page few rows set any text across (in one
    // column nearly every row runs across any stretch of its middle), on the
    // whole page or around this row (a first page's title block and abstract
    // run across the gutter of the two columns under them).
    let spans: Vec<Vec<(f32, f32)>> = rows
        .iter()
        .map(|(_, _, _, m)| m.iter().map(|&i| (runs[i].x0, runs[i].x1)).collect())
        .collect();
    let clear = |rows: &[Vec<(f32, f32)>], a: f32, b: f32| {
        let across = rows
            .iter()
            .filter(|row| row.iter().any(|&(x0, x1)| x0 < b && x1 > a))
            .count();
        rows.len() >= 10 && across * 4 < rows.len()
    };
    let gutter = |a: f32, b: f32, row: usize| {
        let near = &spans[row.saturating_sub(12)..(row + 13).min(spans.len())];
        clear(&spans, a, b) || clear(near, a, b)
    };
    let mut cut: Vec<(usize, Vec<&Run>)> = Vec::new();
    for (row, (_, _, _, mut members)) in rows.into_iter().enumerate() {
        members.sort_by(|&a, &b| runs[a].x0.total_cmp(&runs[b].x0));
        let mut pieces: Vec<Vec<&Run>> = Vec::new();
        for &m in &members {
            let r = runs[m];
            let split = pieces.last().and_then(|p| p.last()).is_none_or(|prev| {
                let em = prev.size.max(r.size);
                let gap = r.x0 - prev.x1;
                // Two columns set in different sizes meet at a narrow gutter;
                // a margin note in another size and face (a macro's name
                // beside its description) stands apart by the gap alone.
                let other_size = (prev.size - r.size).abs() > 0.6
                    && gap > 0.8 * em
                    && (prev.mono != r.mono || gutter(prev.x1, r.x0, row))
                    // A heading half again as large as the words before it, more
                    // than an em off (a formula's sizes sit closer).
                    || r.size > 1.5 * prev.size && gap > 1.2 * em;
                // Program output keeps its columns on one line.
                (gap > 1.4 * em || other_size) && !(prev.mono && r.mono)
            });
            if split {
                pieces.push(vec![r]);
            } else if let Some(p) = pieces.last_mut() {
                p.push(r);
            }
        }
        cut.extend(pieces.into_iter().map(|p| (row, p)));
    }
    rejoin_markers(&mut cut);
    let mut per_row: HashMap<usize, usize> = HashMap::new();
    for (row, _) in &cut {
        *per_row.entry(*row).or_default() += 1;
    }
    cut.iter()
        .filter_map(|(row, p)| {
            let mut line = make_line(page, p)?;
            line.shares_row = per_row[row] > 1;
            line.row = *row;
            Some(line)
        })
        .collect()
}

/// Stacks of lone numbers that may be line numbers in the margin of a
/// review draft: numbers at one edge (left- or right-aligned), clear of
/// every other run of the page, counting up down the page. Each stack is
/// its edge (a side and a position in 3pt steps) and its runs' indices;
/// `runs` is sorted top to bottom.
fn number_stacks(runs: &[&Run]) -> Vec<((bool, i32), Vec<usize>)> {
    let number =
        |r: &Run| -> Option<u32> { (r.text.len() <= 4).then(|| r.text.parse().ok()).flatten() };
    let mut out = Vec::new();
    for right in [false, true] {
        let edge = |r: &Run| ((if right { r.x1 } else { r.x0 }) / 3.0).round() as i32;
        let mut stacks: HashMap<i32, Vec<usize>> = HashMap::new();
        for (k, r) in runs.iter().enumerate() {
            if number(r).is_some() {
                stacks.entry(edge(r)).or_default().push(k);
            }
        }
        for (at, ks) in stacks.into_iter().filter(|(_, ks)| ks.len() >= 5) {
            let x0 = ks.iter().map(|&k| runs[k].x0).fold(f32::MAX, f32::min);
            let x1 = ks.iter().map(|&k| runs[k].x1).fold(f32::MIN, f32::max);
            let clear = runs
                .iter()
                .enumerate()
                .all(|(k, r)| ks.contains(&k) || r.x0 >= x1 || r.x1 <= x0);
            let values: Vec<u32> = ks.iter().filter_map(|&k| number(runs[k])).collect();
            let rising = values.windows(2).filter(|w| w[1] > w[0]).count();
            if clear && rising * 10 >= (values.len() - 1) * 9 {
                out.push(((right, at), ks));
            }
        }
    }
    out
}

/// The edges at which line numbers run down the margin: a stack of
/// numbers at the same edge on half the pages or more (three at least).
/// The labels of a reference list stack up too, but on a page or two.
fn line_number_edges(pages: &[Page]) -> HashSet<(bool, i32)> {
    let mut count: HashMap<(bool, i32), usize> = HashMap::new();
    for p in pages {
        let runs = sorted_runs(&p.runs);
        let edges: HashSet<(bool, i32)> =
            number_stacks(&runs).into_iter().map(|(e, _)| e).collect();
        for e in edges {
            *count.entry(e).or_default() += 1;
        }
    }
    count
        .into_iter()
        .filter(|&(_, n)| n >= 3 && n * 2 >= pages.len())
        .map(|(e, _)| e)
        .collect()
}

/// The page's runs worth reading, top to bottom.
fn sorted_runs(runs: &[Run]) -> Vec<&Run> {
    let mut runs: Vec<&Run> = runs.iter().filter(|r| r.size > 0.5).collect();
    runs.sort_by(|a, b| a.bottom.total_cmp(&b.bottom).then(a.x0.total_cmp(&b.x0)));
    runs
}

/// A note marker raised off its line can fall in a row of the other column
/// (rows run across the page): alone there, it goes back to the end of the
/// line it is raised over, the line ending where it starts just below it.
fn rejoin_markers(cut: &mut Vec<(usize, Vec<&Run>)>) {
    let mut k = 0;
    while k < cut.len() {
        let lone = match cut[k].1.as_slice() {
            [m] if is_marker_text(&m.text) => Some(*m),
            _ => None,
        };
        let host = lone.and_then(|m| {
            cut.iter().position(|(_, p)| {
                let (Some(first), Some(last)) = (p.first(), p.last()) else {
                    return false;
                };
                let size = first.size;
                m.size < 0.85 * size
                    && (m.x0 - last.x1).abs() < 0.3 * size
                    && (0.0..0.7 * size).contains(&(last.bottom - m.bottom))
                    && !std::ptr::eq(*first, m)
            })
        });
        match (lone, host) {
            (Some(m), Some(h)) => {
                cut[h].1.push(m);
                cut.remove(k);
            }
            _ => k += 1,
        }
    }
}

fn make_line(page: usize, runs: &[&Run]) -> Option<Line> {
    // The main size: that of most characters.
    let mut by_size: HashMap<i32, usize> = HashMap::new();
    for r in runs {
        *by_size.entry((r.size * 2.0).round() as i32).or_default() += r.text.chars().count();
    }
    let main = by_size
        .iter()
        .max_by_key(|(s, n)| (**n, **s))
        .map(|(s, _)| *s)? as f32
        / 2.0;
    let base = runs
        .iter()
        .filter(|r| (r.size - main).abs() < 0.6)
        .map(|r| r.bottom)
        .fold(f32::MIN, f32::max);
    let mut text = String::new();
    let mut lead_marker = None;
    let (mut bold, mut italic, mut mono, mut sans, mut total) = (0, 0, 0, 0, 0);
    // Characters of code that are not bold (`AMSMATH` in `3. AMSMATH Package`).
    let mut plain_code = 0;
    let mut prev_x1: Option<f32> = None;
    let mut bold_lead = String::new();
    let mut in_bold_lead = true;
    // The last run placed: (x0, x1, byte start in `text`, letters).
    let mut last_run: Option<(f32, f32, usize, usize)> = None;
    for r in runs {
        let t = ligatures(&r.text);
        let raised = r.size < 0.85 * main && r.bottom < base - 0.18 * main;
        // Affiliation marks on the title page: `Eddelbuettel^a`.
        let mark_letters =
            t.trim().chars().count() <= 2 && t.trim().chars().all(char::is_lowercase);
        if raised && page == 0 && mark_letters {
            prev_x1 = Some(r.x1);
            continue;
        }
        // A marker set small against the word before it (or opening the line),
        // even where the PDF does not raise it.
        let touching = prev_x1.is_none_or(|x| r.x0 - x < 0.15 * main);
        let lowered = r.bottom > base + 0.05 * main;
        let small_mark = r.size < 0.75 * main && touching && !lowered;
        let piece = if (raised || small_mark) && is_marker_text(&t) {
            let t = t.trim();
            if text.trim().is_empty() {
                lead_marker = Some(t.to_string());
                prev_x1 = Some(r.x1);
                continue;
            }
            t.chars()
                .map(|c| superscript(c).unwrap_or(c))
                .collect::<String>()
        } else {
            t
        };
        // A letter kerned back into the run before it (the A and E of the
        // LaTeX logo, set over `LT`): it goes between that run's letters
        // where its position falls.
        let tucked = last_run.filter(|(x0, x1, _, n)| {
            *n >= 2
                && r.x0 > *x0
                && r.x0 < *x1 - 0.3 * r.size
                && piece.chars().all(char::is_alphabetic)
        });
        if let Some((x0, x1, start, n)) = tucked {
            let width = (x1 - x0) / n as f32;
            let k = (((r.x0 - x0) / width).round() as usize).clamp(1, n);
            let at = text[start..]
                .char_indices()
                .nth(k)
                .map_or(text.len(), |(i, _)| start + i);
            text.insert_str(at, &piece);
            // The run now holds one more letter at its end for what follows.
            last_run = Some((x0, x1.max(r.x1), start, n + piece.chars().count()));
            prev_x1 = Some(x1.max(r.x1));
            continue;
        }
        let gap = prev_x1.map_or(0.0, |x| r.x0 - x);
        let glued = raised || small_mark || prev_x1.is_none();
        if !glued
            && gap > 0.12 * main
            && !text.ends_with(char::is_whitespace)
            && !piece.starts_with(char::is_whitespace)
        {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&piece);
        last_run = Some((r.x0, r.x1, start, piece.chars().count()));
        if in_bold_lead && !raised {
            if r.bold {
                bold_lead = text.clone();
            } else {
                in_bold_lead = false;
            }
        }
        prev_x1 = Some(r.x1);
        if !raised {
            let n = piece.chars().filter(|c| !c.is_whitespace()).count();
            total += n;
            if r.bold {
                bold += n;
            }
            if r.italic {
                italic += n;
            }
            if r.mono {
                mono += n;
                if !r.bold {
                    plain_code += n;
                }
            }
            if r.sans {
                sans += n;
            }
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let bold_lead = if in_bold_lead {
        String::new()
    } else {
        bold_lead.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if text.is_empty() {
        return None;
    }
    Some(Line {
        page,
        text,
        x0: runs.iter().map(|r| r.x0).fold(f32::MAX, f32::min),
        x1: runs.iter().map(|r| r.x1).fold(f32::MIN, f32::max),
        top: runs.iter().map(|r| r.top).fold(f32::MAX, f32::min),
        bottom: base,
        size: main,
        // A code word in a bold heading leaves the heading bold.
        bold: total > plain_code && bold * 10 >= (total - plain_code) * 8,
        italic: total > 0 && italic * 10 >= total * 8,
        mono: total > 0 && mono * 10 >= total * 6,
        sans: total > 0 && sans * 10 >= total * 8,
        lead_marker,
        bold_lead,
        column: 0,
        shares_row: false,
        row: 0,
    })
}

fn percentile(mut v: Vec<f32>, p: f32) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    let i = ((v.len() - 1) as f32 * p).round() as usize;
    v.get(i).copied()
}

/// Reading order: bands cut by page-wide lines, each read left column then right.
fn order(mut lines: Vec<Line>, width: f32) -> Vec<Line> {
    lines.sort_by(|a, b| a.bottom.total_cmp(&b.bottom).then(a.x0.total_cmp(&b.x0)));
    let (Some(left), Some(right)) = (
        percentile(lines.iter().map(|l| l.x0).collect(), 0.05),
        percentile(lines.iter().map(|l| l.x1).collect(), 0.95),
    ) else {
        return lines;
    };
    let mid = (left + right) / 2.0;
    let slack = 0.01 * width.max(100.0);
    let side = |l: &Line| {
        if l.x1 <= mid + slack {
            1
        } else if l.x0 >= mid - slack {
            2
        } else {
            0
        }
    };
    // Lines of some width wholly on one side; a left column of short lines
    // (a table of contents beside an abstract) counts at a lower width.
    let count = |k: u8| {
        let least = if k == 1 { 0.12 } else { 0.25 };
        lines
            .iter()
            .filter(|l| side(l) == k && l.x1 - l.x0 > least * (right - left))
            .count()
    };
    let (l, r, f) = (count(1), count(2), count(0));
    if l < 6 || r < 6 || f > l + r {
        return lines;
    }
    // A row shared with the other column is no table row.
    let sides: Vec<(usize, u8)> = lines.iter().map(|l| (l.row, side(l))).collect();
    for l in lines.iter_mut() {
        let s = side(l);
        l.shares_row = sides.iter().filter(|&&(r, k)| r == l.row && k == s).count() > 1;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut band: [Vec<Line>; 2] = [Vec::new(), Vec::new()];
    for mut line in lines {
        let s = side(&line);
        line.column = s;
        if s == 0 {
            out.append(&mut band[0]);
            out.append(&mut band[1]);
            out.push(line);
        } else {
            band[usize::from(s - 1)].push(line);
        }
    }
    out.append(&mut band[0]);
    out.append(&mut band[1]);
    out
}

/// A margin line's text with any number as `#` (page 9 and page 10 carry
/// the same running head).
fn furniture_key(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// A page number as printed: `12`, `iv`, `Page 3`, `3 of 10`.
pub fn page_number(text: &str) -> Option<&str> {
    let t = text.trim();
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let t = t.split(" of ").next().unwrap_or(t).trim();
    let digits = !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
    let roman =
        !t.is_empty() && t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
    (digits || roman).then_some(t)
}

/// Marks running heads, footers and page numbers; returns the printed page
/// number of each page where one was found.
pub fn furniture(pages: &[Page], lines: &[Vec<Line>]) -> (Vec<Vec<bool>>, Vec<Option<String>>) {
    // The margins: the outer tenth of the page, and the page's first and
    // last rows wherever they sit (wide top margins put the running head
    // lower); the first page's top row is its title, often the running head's text.
    let last_rows: Vec<usize> = lines
        .iter()
        .map(|ls| ls.iter().map(|l| l.row).max().unwrap_or(0))
        .collect();
    let zone = |p: &Page, l: &Line| {
        l.bottom < 0.1 * p.height
            || l.top > 0.9 * p.height
            || l.row == 0 && l.page > 0
            || last_rows.get(l.page) == Some(&l.row)
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (p, ls) in pages.iter().zip(lines) {
        let mut keys: Vec<String> = ls
            .iter()
            .filter(|l| zone(p, l))
            .map(|l| furniture_key(&l.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let often = (pages.len() / 4).max(2);
    let mut marks = Vec::new();
    let mut numbers = Vec::new();
    for (p, ls) in pages.iter().zip(lines) {
        let mut number = None;
        let m = ls
            .iter()
            .map(|l| {
                // A note's number raised just before its first line is no page number.
                let marks_note = || {
                    ls.iter().any(|n| {
                        n.size > l.size
                            && (n.x0 - l.x1).abs() < n.size
                            && (0.0..1.5 * n.size).contains(&(n.bottom - l.bottom))
                    })
                };
                if !zone(p, l) || marks_note() {
                    return false;
                }
                if let Some(n) = page_number(&l.text) {
                    number.get_or_insert_with(|| n.to_string());
                    return true;
                }
                let repeated = seen.get(&furniture_key(&l.text)).copied().unwrap_or(0) >= often;
                if repeated {
                    // A running head with the page number at one end.
                    let words: Vec<&str> = l.text.split_whitespace().collect();
                    for w in [words.first(), words.last()].into_iter().flatten() {
                        if let Some(n) =
                            page_number(w).filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
                        {
                            number.get_or_insert_with(|| n.to_string());
                        }
                    }
                }
                repeated
            })
            .collect();
        marks.push(m);
        numbers.push(number);
    }
    (marks, numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x0: f32, top: f32, size: f32) -> Run {
        Run {
            text: text.into(),
            x0,
            x1: x0 + text.chars().count() as f32 * size * 0.5,
            top,
            bottom: top + size,
            size,
            bold: false,
            italic: false,
            mono: false,
            sans: false,
        }
    }

    #[test]
    fn a_running_head_below_the_top_tenth_is_furniture_but_not_the_title() {
        // Pages of a paper with a wide top margin: the running head (the
        // title again) sits at 100pt of 792, the page number with it.
        let pages: Vec<Page> = (0..4)
            .map(|_| Page {
                label: None,
                width: 612.0,
                height: 792.0,
                runs: Vec::new(),
            })
            .collect();
        let lines: Vec<Vec<Line>> = (0..4)
            .map(|p| {
                let head = if p == 0 {
                    run("Quantile Regression in R", 200.0, 100.0, 14.0)
                } else {
                    run(
                        &format!("{} Quantile Regression in R", p + 8),
                        200.0,
                        100.0,
                        7.0,
                    )
                };
                let word = ["alpha", "beta", "gamma", "delta"][p];
                let body: Vec<Run> = (0..5)
                    .map(|k| {
                        run(
                            &format!("Body text {word}"),
                            100.0,
                            200.0 + 20.0 * k as f32,
                            10.0,
                        )
                    })
                    .collect();
                page_lines(p, &[vec![head], body].concat(), &HashSet::new())
            })
            .collect();
        let (marks, numbers) = furniture(&pages, &lines);
        assert!(!marks[0][0], "the first page's top row is its title");
        for m in &marks[1..] {
            assert!(m[0], "the running head is furniture");
            assert!(!m[1..].iter().any(|&x| x), "body lines are not");
        }
        assert_eq!(numbers[1].as_deref(), Some("9"));
    }

    #[test]
    fn a_note_number_at_the_page_foot_is_no_page_number() {
        let page = || Page {
            label: None,
            width: 612.0,
            height: 792.0,
            runs: Vec::new(),
        };
        let pages = vec![page(), page(), page()];
        let lines: Vec<Vec<Line>> = (0..3)
            .map(|p| {
                let mut runs: Vec<Run> = (0..5)
                    .map(|k| {
                        run(
                            "Body text of the page",
                            100.0,
                            200.0 + 20.0 * k as f32,
                            10.0,
                        )
                    })
                    .collect();
                if p == 1 {
                    // Note 7 at the foot: its number raised just before its line.
                    runs.push(run("7", 97.0, 718.0, 5.0));
                    runs.push(run("The littler package has a script.", 100.0, 724.0, 5.5));
                }
                runs.push(run(&(p + 1).to_string(), 300.0, 760.0, 9.0));
                page_lines(p, &runs, &HashSet::new())
            })
            .collect();
        let (marks, numbers) = furniture(&pages, &lines);
        let kept: Vec<&str> = lines[1]
            .iter()
            .zip(&marks[1])
            .filter(|(_, m)| !**m)
            .map(|(l, _)| l.text.as_str())
            .collect();
        assert!(kept.contains(&"7"), "{kept:?}");
        assert_eq!(numbers[1].as_deref(), Some("2"));
    }

    #[test]
    fn a_code_word_in_a_bold_heading_leaves_it_bold() {
        let bold = |t: &str, x0: f32| Run {
            bold: true,
            ..run(t, x0, 100.0, 10.0)
        };
        let code = |t: &str, x0: f32| Run {
            mono: true,
            ..run(t, x0, 100.0, 10.0)
        };
        let line = make_line(
            0,
            &[
                &bold("3.", 72.0),
                &code("AMSMATH", 90.0),
                &bold("Package", 130.0),
            ],
        )
        .expect("a line");
        assert!(line.bold && !line.mono, "{line:?}");
        // Body text with a code word is still no bold line.
        let line = make_line(
            0,
            &[
                &run("call", 72.0, 100.0, 10.0),
                &code("AMSMATH", 95.0),
                &bold("now", 135.0),
            ],
        )
        .expect("a line");
        assert!(!line.bold);
    }

    #[test]
    fn letters_kerned_into_the_run_before_go_between_its_letters() {
        // The LaTeX logo as TeX sets it: `LT` one run, a small raised `A`
        // over it, a lowered `E` kerned back, then `X`.
        let mut a = run("A", 217.8, 129.7, 7.0);
        a.x1 = 223.7;
        let mut lt = run("LT", 215.2, 128.7, 10.0);
        lt.x1 = 229.4;
        let mut e = run("E", 227.7, 130.5, 10.0);
        e.x1 = 234.5;
        let mut x = run("X", 233.3, 128.7, 10.0);
        x.x1 = 240.7;
        let macros = run("macros", 255.0, 128.7, 10.0);
        let line = make_line(0, &[&lt, &a, &e, &x, &macros]).expect("a line");
        assert_eq!(line.text, "LATEX macros");
    }

    #[test]
    fn a_column_of_short_lines_beside_one_of_prose_reads_first() {
        // A table of contents (short entries) beside an abstract.
        let mut runs = Vec::new();
        for k in 0..8 {
            let top = 300.0 + 12.0 * k as f32;
            runs.push(run(&format!("{} Introduction", k + 1), 58.0, top, 10.0));
            runs.push(run(
                "abstract prose running across its column",
                293.0,
                top,
                10.0,
            ));
        }
        let lines = order(page_lines(0, &runs, &HashSet::new()), 612.0);
        let first_right = lines.iter().position(|l| l.text.starts_with("abstract"));
        let last_left = lines.iter().rposition(|l| l.text.ends_with("Introduction"));
        assert!(
            last_left < first_right,
            "{:?}",
            lines.iter().map(|l| &l.text).collect::<Vec<_>>()
        );
    }

    #[test]
    fn running_heads_match_whatever_the_page_number() {
        assert_eq!(
            furniture_key("8 Quantile Regression in R"),
            furniture_key("20 Quantile Regression in R")
        );
        assert_ne!(
            furniture_key("Roger Koenker 21"),
            furniture_key("Roger Koenker")
        );
    }

    /// `rows` rows of two full columns of body text from `top` down.
    fn two_columns(rows: usize, top: f32) -> Vec<Run> {
        (0..rows)
            .flat_map(|k| {
                let top = top + 12.0 * k as f32;
                [
                    run(&"l".repeat(57), 56.0, top, 8.5),
                    run(&"r".repeat(58), 315.0, top, 8.5),
                ]
            })
            .collect()
    }

    #[test]
    fn a_marker_raised_into_a_row_of_the_other_column_goes_back_to_its_line() {
        // The right column's rows sit half a row below the left one's, so
        // the raised marker falls in a left row's band.
        let mut runs: Vec<Run> = (0..12)
            .flat_map(|k| {
                let top = 100.0 + 12.0 * k as f32;
                [
                    run(&"l".repeat(57), 56.0, top, 8.5),
                    run(&"r".repeat(58), 315.0, top + 6.0, 8.5),
                ]
            })
            .collect();
        runs.push(run("4", 561.5, 117.5, 6.0));
        let lines = page_lines(0, &runs, &HashSet::new());
        let right = lines.iter().find(|l| l.text.ends_with('⁴'));
        assert!(right.is_some_and(|l| l.text.starts_with('r')), "{lines:?}");
        assert!(!lines.iter().any(|l| l.text == "4"));
    }

    #[test]
    fn a_lowered_letter_joins_its_words_not_the_other_columns_row() {
        // The LaTeX logo in a left-column title whose row the right
        // column's first line, set 3pt higher, has already opened.
        let runs = [
            run("Class options", 314.0, 76.5, 10.0),
            run("The LAT", 72.0, 79.4, 10.0),
            run("X 2", 109.0, 79.4, 10.0),
            run("E", 105.0, 83.0, 10.0),
        ];
        let lines = page_lines(0, &runs, &HashSet::new());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(&"The LATEX 2"), "{texts:?}");
        assert!(!texts.contains(&"E"), "{texts:?}");
    }

    #[test]
    fn line_numbers_in_the_margin_are_no_text() {
        // Four pages numbered line by line in the margin, ten lines each.
        let page = |first: usize, labels_only_here: bool| {
            let mut runs: Vec<Run> = Vec::new();
            for k in 0..10 {
                let top = 100.0 + 14.0 * k as f32;
                let label = if labels_only_here { k + 1 } else { first + k };
                runs.push(run(&label.to_string(), 100.0, top + 1.0, 8.0));
                runs.push(run("words of the paper set on this line", 120.0, top, 11.0));
            }
            Page {
                label: None,
                width: 612.0,
                height: 792.0,
                runs,
            }
        };
        let pages: Vec<Page> = (0..4).map(|p| page(1 + 10 * p, false)).collect();
        for lines in lines(&pages) {
            assert_eq!(lines.len(), 10, "{lines:?}");
            assert!(lines
                .iter()
                .all(|l| l.text.starts_with("words") && !l.shares_row));
        }
        // Labels stacked on one page of four (a list's raised numbers) stay.
        let mut pages: Vec<Page> = (0..4).map(|p| page(1 + 10 * p, false)).collect();
        for p in &mut pages[1..] {
            p.runs.retain(|r| r.text.starts_with("words"));
        }
        let kept = lines(&pages);
        assert!(
            kept[0].iter().any(|l| l.text.contains(['7', '⁷'])),
            "{:?}",
            kept[0]
        );
    }

    #[test]
    fn two_small_lines_beside_a_masthead_word_stay_two_lines() {
        let runs = [
            run("Imprint", 72.0, 54.0, 34.0),
            run("volume 100, no. 20", 272.0, 66.0, 5.4),
            run("january 2000", 300.0, 83.0, 5.4),
        ];
        let lines = page_lines(0, &runs, &HashSet::new());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(
            texts.contains(&"volume 100, no. 20") && texts.contains(&"january 2000"),
            "{texts:?}"
        );
    }

    #[test]
    fn a_gutter_under_a_one_column_title_block_still_splits_the_row() {
        // A first page: twenty rows of title block and abstract across the
        // page, then twelve rows of two columns, one of which meets a
        // larger heading in the right column.
        let mut runs: Vec<Run> = (0..20)
            .map(|k| run(&"w".repeat(120), 56.0, 100.0 + 12.0 * k as f32, 8.5))
            .collect();
        runs.extend(two_columns(12, 350.0));
        runs.push(run("journal.org,", 250.0, 500.0, 8.5));
        runs.push(run("2 Sectioning", 315.0, 499.0, 12.0));
        let lines = page_lines(0, &runs, &HashSet::new());
        let last: Vec<&str> = lines
            .iter()
            .rev()
            .take(2)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(last, ["2 Sectioning", "journal.org,"]);
    }

    #[test]
    fn a_narrow_gutter_between_text_of_two_sizes_splits_the_row() {
        // Ten rows of two columns, then a row where body text in the left
        // column meets a smaller reference entry in the right one.
        let mut runs = two_columns(10, 100.0);
        runs.push(run("packages.", 266.0, 356.0, 8.5));
        runs.push(run("Efron", 315.0, 358.0, 7.0));
        runs.push(run("B", 333.5, 358.0, 7.0));
        let lines = page_lines(0, &runs, &HashSet::new());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).skip(20).collect();
        assert_eq!(texts, ["packages.", "Efron B"]);
        // On a one-column page (rows run across the middle) the same gap is
        // the spacing of a display formula: one line.
        let mut runs: Vec<Run> = (0..10)
            .map(|k| run(&"w".repeat(120), 56.0, 100.0 + 12.0 * k as f32, 8.5))
            .collect();
        runs.push(run("yi", 300.0, 356.0, 8.5));
        runs.push(run("= x", 316.0, 358.0, 7.0));
        let lines = page_lines(0, &runs, &HashSet::new());
        assert_eq!(lines.last().map(|l| l.text.as_str()), Some("yi = x"));
        // A margin note in small monospace beside a line of the text, where
        // other lines of the text start into the gap between them.
        runs.extend((0..10).map(|k| run(&"w".repeat(120), 50.0, 400.0 + 12.0 * k as f32, 8.5)));
        runs.push(Run {
            mono: true,
            ..run("\\section", 18.0, 380.0, 7.0)
        });
        runs.push(run("4.6.2 Notes", 56.0, 378.0, 10.0));
        let lines = page_lines(0, &runs, &HashSet::new());
        let texts: Vec<&str> = lines
            .iter()
            .map(|l| l.text.as_str())
            .skip(11)
            .take(2)
            .collect();
        assert_eq!(texts, ["\\section", "4.6.2 Notes"]);
        // A heading half again as large as the small words beside it, more
        // than an em off, even where no gutter is clear around them.
        runs.push(run("end,", 100.0, 600.0, 9.0));
        runs.push(run("2 Sections", 138.0, 601.0, 14.3));
        let lines = page_lines(0, &runs, &HashSet::new());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.ends_with(&["end,", "2 Sections"]), "{texts:?}");
    }

    #[test]
    fn rows_join_words_raise_markers_and_split_gutters() {
        let runs = vec![
            run("data.", 72.0, 100.0, 10.0),
            run("2", 97.5, 97.0, 6.0),
            run("The", 104.0, 100.0, 10.0),
            run("right column", 320.0, 100.4, 10.0),
            run("eﬃcient", 72.0, 112.0, 10.0),
        ];
        let lines = page_lines(0, &runs, &HashSet::new());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["data.² The", "right column", "efficient"]);
        assert!(lines[0].shares_row && !lines[2].shares_row);
    }

    #[test]
    fn two_columns_read_left_then_right_between_spanning_lines() {
        let mut runs = vec![run(
            "A title that spans the whole page width",
            72.0,
            50.0,
            14.0,
        )];
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            runs.push(run(&format!("left {i} text of a column"), 72.0, y, 10.0));
            runs.push(run(&format!("right {i} text of a column"), 320.0, y, 10.0));
        }
        let lines = order(page_lines(0, &runs, &HashSet::new()), 612.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(texts[0].starts_with("A title"));
        assert!(texts[1].starts_with("left 0") && texts[8].starts_with("left 7"));
        assert!(texts[9].starts_with("right 0"), "{texts:?}");
    }
}
