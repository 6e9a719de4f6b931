//! Writing model text back as Markdown that the loader reads as the same text.

use std::ops::Range;

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The marker shown for a footnote label: `12` -> `¹²`; other labels as `[label]`.
pub fn superscript(label: &str) -> String {
    if !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()) {
        label
            .bytes()
            .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
            .collect()
    } else {
        format!("[{label}]")
    }
}

/// Reads superscript digits back as a number (`¹⁰` -> `"10"`).
pub fn from_superscript(s: &str) -> Option<String> {
    let digits: Option<String> = s
        .chars()
        .map(|c| {
            SUPERSCRIPTS
                .iter()
                .position(|&d| d == c)
                .map(|d| char::from(b'0' + d as u8))
        })
        .collect();
    digits.filter(|d| !d.is_empty())
}

pub fn is_superscript_digit(c: char) -> bool {
    SUPERSCRIPTS.contains(&c)
}

/// Where a block of text sits, which decides what must be escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Paragraph,
    Heading,
}

/// Markdown for `text` with its italic runs and footnote markers (`span` -> `[^label]`).
/// Characters Markdown would read as syntax are backslash-escaped.
pub fn inline(
    text: &str,
    emphasis: &[Range<usize>],
    notes: &[(Range<usize>, String)],
    ctx: Context,
) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        for r in emphasis {
            if r.end == i && r.start < r.end {
                out.push('*');
            }
        }
        if i < skip_to {
            continue;
        }
        if let Some((span, label)) = notes.iter().find(|(s, _)| s.start == i) {
            out.push_str(&format!("[^{label}]"));
            skip_to = span.end;
            continue;
        }
        for r in emphasis {
            if r.start == i && r.start < r.end {
                out.push('*');
            }
        }
        let prev = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..].chars().next();
        if needs_escape(c, prev, next, ctx) {
            out.push('\\');
        }
        out.push(c);
    }
    for r in emphasis {
        if r.end == text.len() && r.start < r.end {
            out.push('*');
        }
    }
    match ctx {
        Context::Paragraph => escape_line_start(&out, text),
        Context::Heading => out,
    }
}

fn needs_escape(c: char, prev: Option<char>, next: Option<char>, ctx: Context) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match c {
        '\\' | '`' | '*' | '<' => true,
        '_' => !(alnum(prev) && alnum(next)),
        '[' => next == Some('^'),
        ']' => matches!(next, Some('(' | '[' | ':')),
        '&' => next.is_some_and(|n| n == '#' || n.is_ascii_alphabetic()),
        '#' | '{' => ctx == Context::Heading,
        _ => false,
    }
}

/// Escapes what would open a block: `#`, `>`, `-`, `+`, `=`, `1.`, `1)`.
fn escape_line_start(out: &str, text: &str) -> String {
    let first = text.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=' | '~' | '|')) && !out.starts_with('\\') {
        return format!("\\{out}");
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &out[..digits], &out[digits..]);
    }
    out.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_syntax_but_not_prose() {
        let s = inline(
            "Science & Technology, news_con *x* [a](b) &amp;",
            &[],
            &[],
            Context::Paragraph,
        );
        assert_eq!(s, "Science & Technology, news_con \\*x\\* [a\\](b) \\&amp;");
        assert_eq!(
            inline("1) first", &[], &[], Context::Paragraph),
            "1\\) first"
        );
        assert_eq!(
            inline("---. (2009)", &[], &[], Context::Paragraph),
            "\\---. (2009)"
        );
    }

    #[test]
    fn writes_emphasis_and_markers() {
        let text = "layoffs (Xiàgăng) due¹";
        let x = text.find('X').unwrap();
        let g = text.find(')').unwrap();
        let m = text.find('¹').unwrap();
        let s = inline(
            text,
            std::slice::from_ref(&(x..g)),
            &[(m..text.len(), "1".into())],
            Context::Paragraph,
        );
        assert_eq!(s, "layoffs (*Xiàgăng*) due[^1]");
    }

    #[test]
    fn superscripts_round_trip() {
        assert_eq!(superscript("11"), "¹¹");
        assert_eq!(from_superscript("¹⁰").as_deref(), Some("10"));
        assert_eq!(from_superscript("1"), None);
    }
}
