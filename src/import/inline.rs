//! Inline markup some extractors leave in the text: `*italic*` runs and
//! `<u>` underline tags around links. Italics become emphasis ranges; the
//! tags are dropped. A `*` that opens or closes nothing stays a character.

use std::ops::Range;

pub fn parse(raw: &str) -> (String, Vec<Range<usize>>) {
    let text = raw.replace("<u>", "").replace("</u>", "");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let before = |i: usize| i.checked_sub(1).and_then(at);
    let opens = |i: usize| {
        at(i) == Some('*')
            && at(i + 1).is_some_and(|c| !c.is_whitespace() && c != '*')
            && before(i).is_none_or(|c| c.is_whitespace() || is_punct(c))
    };
    let closes = |i: usize| {
        at(i) == Some('*')
            && before(i).is_some_and(|c| !c.is_whitespace() && c != '*')
            && at(i + 1).is_none_or(|c| c.is_whitespace() || is_punct(c))
    };
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if opens(i) {
            if let Some(j) = (i + 1..chars.len()).find(|&j| closes(j)) {
                pairs.push((i, j));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    let mut out = String::with_capacity(text.len());
    let mut emphasis = Vec::new();
    let mut start = 0;
    for (k, &(i, _)) in chars.iter().enumerate() {
        if let Some(&(_, j)) = pairs.iter().find(|&&(o, c)| o == k || c == k) {
            if j == k {
                emphasis.push(start..out.len());
            } else {
                start = out.len();
            }
            continue;
        }
        out.push_str(&text[i..i + chars[k].1.len_utf8()]);
    }
    (out, emphasis)
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || matches!(c, '“' | '”' | '‘' | '’' | '—' | '–' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italics_become_ranges_and_stray_stars_stay() {
        let (text, em) = parse("layoffs (*Xiàgăng*) and *Any* *This work. *Next");
        assert_eq!(text, "layoffs (Xiàgăng) and Any *This work. *Next");
        assert_eq!(&text[em[0].clone()], "Xiàgăng");
        assert_eq!(&text[em[1].clone()], "Any");
        assert_eq!(em.len(), 2);
    }

    #[test]
    fn underline_tags_are_dropped() {
        assert_eq!(parse("<<u>http://a.b/c_d</u>>.").0, "<http://a.b/c_d>.");
    }
}
