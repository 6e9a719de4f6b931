//! The title block before the first heading: title, authors, year, series.

use crate::model::Meta;

/// A title-block line: text, line number, and whether it directly follows the previous line.
pub type Front = (String, usize, bool);

/// Fills `meta` from the title block; returns the blocks it did not use.
pub fn read_meta(id: &str, blocks: &[Front]) -> (Meta, Vec<(String, usize)>) {
    let mut meta = Meta {
        id: id.to_string(),
        title: String::new(),
        authors: Vec::new(),
        year: None,
        series: None,
        source: None,
    };
    let mut unused = Vec::new();
    let mut title_open = false;
    for (text, line, joins) in blocks {
        let t = text.trim();
        // A title wrapped onto the next line of the same block.
        let plain =
            !is_institution(t) && !is_series(t) && year_in(t).is_none() && authors(t).is_none();
        if title_open && *joins && plain && meta.title.len() + t.len() < 200 {
            meta.title = format!("{} {t}", meta.title);
            continue;
        }
        title_open = false;
        if meta.year.is_none() && t.chars().count() <= 40 && year_in(t).is_some() {
            meta.year = year_in(t);
        } else if meta.series.is_none() && is_series(t) {
            meta.series = Some(t.to_string());
        } else if meta.title.is_empty() && is_title(t) {
            meta.title = t.to_string();
            title_open = true;
        } else if meta.authors.is_empty() && !meta.title.is_empty() && authors(t).is_some() {
            meta.authors = authors(t).unwrap_or_default();
        } else if meta.source.is_none() && is_institution(t) {
            meta.source = Some(t.to_string());
        } else {
            unused.push((t.to_string(), *line));
        }
    }
    (meta, unused)
}

fn year_in(t: &str) -> Option<i32> {
    t.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .and_then(|w| w.parse().ok())
}

fn is_series(t: &str) -> bool {
    let lower = t.to_lowercase();
    t.len() <= 80
        && [
            "discussion paper",
            "working paper",
            "technical report",
            "report no",
            "series",
        ]
        .iter()
        .any(|k| lower.contains(k))
}

/// All capitals: a publisher or institution line.
fn is_institution(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

fn is_title(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=40).contains(&words)
        && !is_institution(t)
        && t.starts_with(char::is_uppercase)
        && !t.ends_with('.')
}

/// `Yan Zhang and Nozomu Kawabata`, `A. Smith, B. Jones & C. Wu`.
fn authors(t: &str) -> Option<Vec<String>> {
    if t.chars().any(|c| c.is_ascii_digit() || c == '(') {
        return None;
    }
    let names: Vec<String> = t
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let name_like = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (2..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    (!names.is_empty() && names.iter().all(name_like)).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_seed_title_block() {
        let blocks: Vec<Front> = [
            "Discussion Paper No.293",
            "The Formation of the Software Industry in Dalian, China",
            "Yan Zhang and Nozomu Kawabata",
            "April 2013",
            "TOHOKU ECONOMICS RESEARCH GROUP",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| (t.to_string(), i + 1, false))
        .collect();
        let (meta, unused) = read_meta("dalian", &blocks);
        assert_eq!(
            meta.title,
            "The Formation of the Software Industry in Dalian, China"
        );
        assert_eq!(meta.authors, ["Yan Zhang", "Nozomu Kawabata"]);
        assert_eq!(meta.year, Some(2013));
        assert_eq!(meta.series.as_deref(), Some("Discussion Paper No.293"));
        assert_eq!(
            meta.source.as_deref(),
            Some("TOHOKU ECONOMICS RESEARCH GROUP")
        );
        assert!(unused.is_empty());
    }
}
