//! Recognising headings: a short line that starts with a numbering in
//! sequence, or a known unnumbered title. Each numbering style takes the
//! next level the first time it appears ("3." then "(1)" then "1)").

use crate::corpus::ids::{Numbering, Style};

const UNNUMBERED: [&str; 14] = [
    "abstract",
    "references",
    "bibliography",
    "works cited",
    "literature cited",
    "acknowledgements",
    "acknowledgments",
    "notes",
    "appendix",
    "preface",
    "foreword",
    "introduction",
    "conclusion",
    "conclusions",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub number: Option<Numbering>,
    pub title: String,
    pub level: u8,
}

/// What a heading-like line turned out to be.
pub enum Verdict {
    Heading(Heading),
    /// Numbered like a heading but out of sequence, or a fourth style: kept as text.
    Doubtful(String),
    Text,
}

#[derive(Default, Clone)]
pub struct Headings {
    styles: Vec<Style>,
    last: [Option<u32>; 3],
    toc: Vec<String>,
}

impl Headings {
    pub fn new(toc: &[String]) -> Self {
        let toc = toc
            .iter()
            .map(|t| {
                Numbering::parse(t)
                    .map_or(t.as_str(), |(_, rest)| rest)
                    .to_lowercase()
            })
            .collect();
        Headings {
            toc,
            ..Headings::default()
        }
    }

    /// Whether `judge` would take `text` as a heading, without advancing the state.
    pub fn would_accept(&self, text: &str) -> bool {
        matches!(self.clone().judge(text), Verdict::Heading(_))
    }

    /// Judges a block's text; accepted headings advance the numbering state.
    pub fn judge(&mut self, text: &str) -> Verdict {
        if !heading_shaped(text) {
            return Verdict::Text;
        }
        let Some((number, title)) = Numbering::parse(text) else {
            let lower = text.to_lowercase();
            let known = UNNUMBERED.contains(&lower.as_str()) || self.toc.contains(&lower);
            let title_case = text.starts_with(char::is_uppercase);
            if known && title_case {
                self.last = [None; 3];
                return Verdict::Heading(Heading {
                    number: None,
                    title: text.to_string(),
                    level: 1,
                });
            }
            return Verdict::Text;
        };
        let titled = title
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
        if !(titled || (title.is_empty() && number.style == Style::Chapter)) {
            return Verdict::Text;
        }
        let value = *number.parts.last().unwrap_or(&0);
        let level = match self.styles.iter().position(|&s| s == number.style) {
            Some(i) => i + 1,
            None if self.styles.len() < 3 => self.styles.len() + 1,
            None => {
                return Verdict::Doubtful(format!(
                    "a fourth numbering style ({}) is kept as text",
                    number.text
                ))
            }
        };
        let expected = match self.last[level - 1] {
            Some(prev) => prev + 1,
            None => 1,
        };
        let first_ever = self.styles.is_empty();
        let parent_open = level == 1 || self.last[level - 2].is_some();
        if !(value == expected || first_ever) || !parent_open {
            let why = if parent_open {
                format!("expected number {expected} here")
            } else {
                "no heading above it".into()
            };
            return Verdict::Doubtful(format!(
                "{:?} looks like a heading but {why}; kept as text",
                number.text
            ));
        }
        if level > self.styles.len() {
            self.styles.push(number.style);
        }
        self.last[level - 1] = Some(value);
        for l in &mut self.last[level..] {
            *l = None;
        }
        let title = title.to_string();
        Verdict::Heading(Heading {
            number: Some(number),
            title,
            level: level as u8,
        })
    }
}

/// Short, few words, and not ending like a sentence.
fn heading_shaped(text: &str) -> bool {
    let t = text.trim();
    let short = !t.is_empty() && t.chars().count() <= 200 && t.split_whitespace().count() <= 30;
    (short && !t.ends_with(['.', ',', ';', ':'])) || is_bare_number(t)
}

/// `3.` or `Chapter 3` alone on a line.
fn is_bare_number(t: &str) -> bool {
    Numbering::parse(t).is_some_and(|(_, rest)| rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(lines: &[&str]) -> Vec<Option<u8>> {
        let mut h = Headings::new(&[]);
        lines
            .iter()
            .map(|l| match h.judge(l) {
                Verdict::Heading(h) => Some(h.level),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn styles_take_levels_in_order_of_appearance() {
        let got = levels(&[
            "1. Introduction",
            "(1) Purpose",
            "(2) Views",
            "2. Policies",
            "(1) Dalian",
            "1) Zone",
            "2) Policy",
            "References",
        ]);
        assert_eq!(
            got,
            [
                Some(1),
                Some(2),
                Some(2),
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(1)
            ]
        );
    }

    #[test]
    fn out_of_sequence_and_sentences_stay_text() {
        let got = levels(&[
            "Chapter 1",
            "1.1 Aims",
            "1.3 Skipped",
            "2009. A year.",
            "1.2 Quays",
            "Chapter 2: Towns",
            "2.1 Piers",
        ]);
        assert_eq!(
            got,
            [Some(1), Some(2), None, None, Some(2), Some(1), Some(2)]
        );
    }
}
