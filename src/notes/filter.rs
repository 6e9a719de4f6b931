//! Which notes to list: the notes list's filter line and `notes list --tag/--text`.
//!
//! Matching ignores case and accents as search does (`lùka` finds `Lùka`
//! and `Luka`), and a `#word` matches any tag or code that starts with it or
//! has a word that does: `#pol` finds `policy` and `Local policy`.

use crate::search::normalize::fold;

use super::model::Note;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The start of a tag or code, or of one of its words.
    pub tag: Option<String>,
    /// Text found in the note, its quote, its tags or its codes.
    pub text: Option<String>,
}

impl Filter {
    /// A filter line: `#word` filters by tag or code, the other words by text.
    /// A tag with spaces is found by its first word plus the others as text
    /// (`#Northeast China`), or by any of its words alone.
    pub fn parse(line: &str) -> Filter {
        let mut filter = Filter::default();
        let mut words = Vec::new();
        for word in line.split_whitespace() {
            match word.strip_prefix('#') {
                Some(tag) if !tag.is_empty() => filter.tag = Some(tag.to_string()),
                _ => words.push(word),
            }
        }
        if !words.is_empty() {
            filter.text = Some(words.join(" "));
        }
        filter
    }

    pub fn matches(&self, note: &Note) -> bool {
        let labels = || note.tags.iter().chain(&note.codes);
        let tag_ok = self.tag.as_deref().is_none_or(|want| {
            let want = fold(want);
            labels().any(|label| label_starts_with(&fold(label), &want))
        });
        let text_ok = self.text.as_deref().is_none_or(|q| {
            let q = fold(q);
            fold(&note.text).contains(&q)
                || fold(&note.target.quote.exact).contains(&q)
                || labels().any(|l| fold(l).contains(&q))
        });
        tag_ok && text_ok
    }
}

/// Whether the (folded) label or one of its words starts with `want`.
pub fn label_starts_with(label: &str, want: &str) -> bool {
    label.starts_with(want)
        || label
            .match_indices(|c: char| !c.is_alphanumeric())
            .any(|(at, sep)| label[at + sep.len()..].starts_with(want))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Quote, Target};

    fn note(text: &str, tags: &[&str], codes: &[&str]) -> Note {
        let target = Target {
            quote: Quote {
                exact: "Green Card (Lùka)".into(),
                ..Quote::default()
            },
            ..Target::default()
        };
        let mut n = Note::new(target, text, tags.iter().map(|t| t.to_string()).collect());
        n.codes = codes.iter().map(|c| c.to_string()).collect();
        n
    }

    #[test]
    fn tags_and_codes_match_by_prefix_ignoring_accents() {
        let n = note("", &["Northeast China"], &["Public policy"]);
        for line in [
            "#pol",
            "#POLICY",
            "#northeast",
            "#china",
            "#Northeast China",
            "#públic",
        ] {
            assert!(Filter::parse(line).matches(&n), "{line}");
        }
        for line in ["#olicy", "#west", "#Northeast Korea"] {
            assert!(!Filter::parse(line).matches(&n), "{line}");
        }
    }

    #[test]
    fn text_ignores_case_and_accents() {
        let n = note("Spoke to the mayor", &[], &[]);
        assert!(Filter::parse("luka").matches(&n));
        assert!(Filter::parse("MAYOR").matches(&n));
        assert!(!Filter::parse("governor").matches(&n));
    }
}
