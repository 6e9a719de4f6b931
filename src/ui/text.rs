//! Building styled lines from text plus marked ranges, safely.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::term::sanitize;

/// A span that is safe to draw: every string the UI shows goes through here
/// or through [`styled`].
pub fn span<'a>(text: &'a str, style: Style) -> Span<'a> {
    Span::styled(sanitize::display(text), style)
}

/// Like [`span`], for text that does not outlive this call.
pub fn owned(text: &str, style: Style) -> Span<'static> {
    Span::styled(sanitize::display(text).into_owned(), style)
}

/// The ASCII stand-in (of the same width) for a typographic or symbol
/// character, for `--ascii` screens: limited fonts lack these, whether the
/// chrome or the paper uses them. Letters, accented or not, stay.
pub fn ascii_stand_in(c: char) -> Option<char> {
    Some(match c {
        '…' => '~',
        '§' => '#',
        '·' | '•' | '∙' => '*',
        '▏' | '▌' | '│' | '┃' => '|',
        '“' | '”' | '„' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '′' => '\'',
        '–' | '—' | '‐' | '‑' | '−' | '─' => '-',
        '→' | '▶' | '▸' | '›' => '>',
        '←' | '◀' | '‹' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '×' => 'x',
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴'..='⁹' => char::from_digit(c as u32 - '⁴' as u32 + 4, 10)?,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
        _ => return None,
    })
}

pub fn line<'a>(text: &'a str, style: Style) -> Line<'a> {
    Line::from(span(text, style))
}

/// The part `range` of `text` as a line, with `marks` (byte ranges of `text`
/// and styles to patch on) applied over `base`.
pub fn styled<'a>(
    text: &'a str,
    range: Range<usize>,
    marks: &[(Range<usize>, Style)],
    base: Style,
) -> Line<'a> {
    // Cut points: the line's ends and every mark boundary inside it.
    let mut cuts = vec![range.start, range.end];
    for (r, _) in marks {
        for p in [r.start, r.end] {
            if p > range.start && p < range.end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|w| {
            let style = marks
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                .fold(base, |s, (_, m)| s.patch(*m));
            span(&text[w[0]..w[1]], style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// Shortens `text` to `width` columns, ending with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if crate::reader::wrap::str_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = crate::reader::wrap::char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn marks_split_spans() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = styled("one two three", 0..13, &[(4..7, bold)], Style::new());
        let parts: Vec<_> = line.spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(parts, ["one ", "two", " three"]);
        assert_eq!(line.spans[1].style, bold);
    }

    #[test]
    fn escapes_are_made_visible() {
        let line = styled("a\x1b[2Jb", 0..6, &[], Style::new());
        assert_eq!(line.spans[0].content, "a␛[2Jb");
    }

    #[test]
    fn truncate_adds_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
