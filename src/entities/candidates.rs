//! A draft `entities.toml` of names found in a new text, for the user to curate.
//!
//! Three signals: a name followed by its abbreviation in parentheses
//! (`Dalian Software Park (DLSP)`), runs of two or more capitalised words
//! (`Kawasaki Heavy Industries`), and company or institution suffixes, which
//! also decide the kind. Nothing here is authoritative: every entry says how
//! often it was seen and has an empty description.

use std::collections::HashMap;

const JOINERS: [&str; 5] = ["of", "and", "&", "for", "de"];
const LEADING: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "By", "For", "Of", "And", "This", "These", "That",
    "However", "Thus", "From", "With", "As", "While", "When", "Although", "Since", "After",
    "Before", "See", "All", "Both", "Each", "If", "Let", "But", "Within", "Many", "Once", "Unlike",
    "Users", "Native", "Consult", "Another", "Appendix", "Some", "Several", "Most", "Other",
    "Such", "Any", "Every", "Our", "Their", "Its", "Your", "We", "It",
];
/// Words that say what a field holds, not whose it is: a run ending in one
/// is a label or a template's placeholder (`Author Name`, `Job Title`).
const GENERIC_TAIL: [&str; 14] = [
    "Name", "Names", "Title", "Grade", "Address", "Number", "Date", "Type", "Size", "Cap", "Caps",
    "Text", "Value", "Level",
];
/// Names of events and series that go on with `on` (`Conference on Computer Vision`).
const GOES_ON: [&str; 8] = [
    "Conference",
    "Symposium",
    "Workshop",
    "Transactions",
    "Proceedings",
    "Congress",
    "Seminar",
    "Meeting",
];
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const FIRM: [&str; 8] = [
    "Co.",
    "Ltd",
    "Ltd.",
    "Corporation",
    "Corp.",
    "Inc.",
    "Group",
    "Limited",
];
const ORGANISATION: [&str; 16] = [
    "University",
    "Institute",
    "College",
    "School",
    "Committee",
    "Bureau",
    "Ministry",
    "Association",
    "Agency",
    "Center",
    "Centre",
    "Park",
    "Zone",
    "Government",
    "Foundation",
    "Organization",
];

#[derive(Default)]
struct Candidate {
    name: String,
    aliases: Vec<String>,
    seen: usize,
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

const PLACE: [&str; 10] = [
    "United", "Kingdom", "Republic", "City", "Province", "County", "State", "States", "Island",
    "Islands",
];

/// A personal name: two or three capitalised words, an initial allowed in the middle.
fn person_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let word = |w: &str| {
        w.chars().count() >= 2
            && w.starts_with(char::is_uppercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    let initial = |w: &str| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    };
    (2..=3).contains(&words.len())
        && word(words[0])
        && word(words[words.len() - 1])
        && words[1..words.len() - 1]
            .iter()
            .all(|w| initial(w) || word(w))
}

/// The kind, from evidence in the name and in the text around it: company
/// suffixes, institution words, place words, a name whose surname is cited.
fn kind(name: &str, text: &str) -> &'static str {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .collect();
    if FIRM.iter().any(|s| name.ends_with(s)) || name.contains(" Co.") {
        "firm"
    } else if words.iter().any(|w| ORGANISATION.contains(w)) {
        "organisation"
    } else if words.iter().any(|w| PLACE.contains(w)) || text.contains(&format!("in {name}")) {
        "place"
    } else if person_shaped(name) && {
        let last = words[words.len() - 1];
        // Cited as an author: `Bates (2010)`, `Bates et al.`, `Bates and Chambers`.
        text.match_indices(last).any(|(at, _)| {
            let after = &text[at + last.len()..];
            after.starts_with(" et al")
                || after
                    .strip_prefix(" (")
                    .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
                || after
                    .strip_prefix(" and ")
                    .is_some_and(|a| a.starts_with(char::is_uppercase))
        })
    } {
        "person"
    } else {
        "unknown"
    }
}

fn doubled(w: &str) -> bool {
    let mut cs = w.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(a), Some(b), None) => a.is_uppercase() && a.to_lowercase().eq(b.to_lowercase()),
        _ => false,
    }
}

/// Runs that are no name: table headers, code, repeated cells, cut names.
fn plausible(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|w| !w.chars().any(char::is_lowercase))
        .count();
    let mut unique = words.clone();
    unique.sort_unstable();
    unique.dedup();
    let last = words.last().copied().unwrap_or("");
    // A lone letter is a variable or an initial without its name (`Bates D`),
    // unless it opens a longer name (`R Core Team`).
    let letters = words
        .iter()
        .enumerate()
        .any(|(i, w)| w.chars().count() == 1 && (i > 0 || words.len() < 3));
    !name.chars().any(|c| c.is_ascii_digit())
        && !letters
        && words.len() <= 6
        && caps * 2 < words.len()
        && unique.len() == words.len()
        // A name cut at an initial ("John A.") or at a joiner.
        && !(last.chars().count() <= 2 && last.ends_with('.'))
        // Axis or level labels: `Aa Bb Cc`.
        && !words.iter().any(|w| doubled(w))
        && !words[0].ends_with("ing")
        && !GENERIC_TAIL.contains(&last)
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !s.is_empty() {
            s.push('-');
        }
        s.push_str(&w.to_lowercase());
    }
    s
}

/// Runs of capitalised words (joined by `of`, `and`, ...), with the text after each run.
fn runs(text: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let tokens: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        let mut words: Vec<&str> = Vec::new();
        while j < tokens.len() {
            let token = tokens[j].1;
            if j > i
                && (token.starts_with('(') || text[tokens[j - 1].0..tokens[j].0].contains("\n\n"))
            {
                break;
            }
            // Footnote markers, closing quotes and brackets end a name after this word.
            let w = token
                .trim_end_matches(SUPERSCRIPTS)
                .trim_end_matches(['"', '”', ';', ':', ')']);
            let closes = w.len() < token.len();
            let w = w.trim_start_matches(['"', '“', '(']);
            let firmish = FIRM.contains(&w.trim_end_matches(','));
            let bare = w.trim_end_matches([',', '.']);
            let next_capital = tokens.get(j + 1).is_some_and(|t| is_capitalised(t.1));
            let stem = bare.strip_suffix("'s").or_else(|| bare.strip_suffix("’s"));
            let possessive = stem.is_some();
            let bare = match stem {
                Some(stem) if !next_capital => stem,
                _ => bare,
            };
            let event_on = bare == "on" && words.last().is_some_and(|w| GOES_ON.contains(w));
            let ok = is_capitalised(bare)
                && bare
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-&.'’".contains(c))
                || !words.is_empty() && (JOINERS.contains(&bare) || event_on);
            if !ok || (firmish && words.is_empty()) {
                break;
            }
            let stops = closes || possessive && !next_capital || w.len() > bare.len() && !firmish;
            // "Co., Ltd": punctuation inside a company name does not end it.
            let firm_next = !closes
                && tokens
                    .get(j + 1)
                    .is_some_and(|t| FIRM.contains(&t.1.trim_end_matches([',', ';', ':', ')'])));
            words.push(if stops && !firm_next { bare } else { w });
            j += 1;
            if stops && !firm_next {
                break;
            }
        }
        // "Beijing and Shanghai": a single word before "and" is a list, not a name.
        if let Some(k) = words.iter().position(|w| *w == "and") {
            if k == 1 {
                words.drain(..2);
            }
        }
        while words
            .last()
            .is_some_and(|w| JOINERS.contains(w) || *w == "on")
        {
            words.pop();
        }
        // Sentence openers before a name, and the joiner they leave
        // ("Consult for BibLaTeX"); an opener after it begins the next sentence
        // ("Third-level Headings These").
        while words
            .first()
            .is_some_and(|w| LEADING.contains(w) || JOINERS.contains(w))
        {
            words.remove(0);
        }
        // A lone word before an opener ("Subparagraph This") is no name either.
        while words.len() >= 2 && words.last().is_some_and(|w| LEADING.contains(w)) {
            words.pop();
        }
        if let Some(last) = words.last_mut() {
            if !FIRM.contains(last) {
                *last = last.trim_end_matches([',', '.']);
            }
        }
        if words.len() >= 2 {
            let after = &text[tokens[j - 1].0 + tokens[j - 1].1.len()..];
            out.push((words.join(" ").trim_end_matches(',').to_string(), after));
        }
        i = j.max(i + 1);
    }
    out
}

/// The abbreviation in `(ABC)` at the start of `after`, if any.
fn abbreviation(after: &str) -> Option<&str> {
    let inner = after.trim_start().strip_prefix('(')?.split(')').next()?;
    let letters = inner.chars().filter(char::is_ascii_uppercase).count();
    (letters >= 2
        && inner.len() <= 8
        && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    .then_some(inner)
}

/// A paragraph that is only a few capitalised words without punctuation: a
/// table's header row, figure lettering or a label, where adjacent words
/// are no name. (A list of names has its commas, a sentence its stop.)
fn label(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    words.len() <= 6
        && !paragraph.contains([',', '.', ';', ':'])
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
}

/// A TOML draft of candidate entities in `text`, in order of first appearance.
pub fn candidates(text: &str) -> String {
    let kept: Vec<&str> = text.split("\n\n").filter(|p| !label(p)).collect();
    let text = kept.join("\n\n");
    let text = text.as_str();
    let mut order: Vec<String> = Vec::new();
    let mut found: HashMap<String, Candidate> = HashMap::new();
    // `Douglas Bates and John Chambers` is two people.
    let runs = runs(text).into_iter().flat_map(|(name, after)| {
        let name = name.trim_end_matches(['’', '\'']).to_string();
        match name.split_once(" and ") {
            Some((a, b)) if person_shaped(a) && person_shaped(b) => {
                vec![(a.to_string(), ""), (b.to_string(), after)]
            }
            _ => vec![(name, after)],
        }
    });
    // Words the text also writes in lower case are common words: a run made
    // only of them is a phrase set in title case (`Time Series`), not a name.
    let lower: std::collections::HashSet<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    let common = |name: &str| {
        name.split_whitespace()
            .filter(|w| !JOINERS.contains(w))
            .all(|w| lower.contains(w.to_lowercase().as_str()))
    };
    for (name, after) in runs {
        if !plausible(&name) || common(&name) && kind(&name, "") == "unknown" {
            continue;
        }
        let c = found.entry(name.clone()).or_insert_with(|| {
            order.push(name.clone());
            Candidate {
                name: name.clone(),
                ..Candidate::default()
            }
        });
        c.seen += 1;
        if let Some(abbr) = abbreviation(after) {
            if !c.aliases.iter().any(|a| a == abbr) {
                c.aliases.push(abbr.to_string());
            }
        }
    }
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = String::from("# Draft: names found in the text. Keep the ones a reader may want to follow,\n# fix kinds, add aliases, descriptions and relations, delete the rest.\n");
    let mut ids: HashMap<String, usize> = HashMap::new();
    for name in order {
        let c = &found[&name];
        let base = slug(&c.name);
        let n = ids.entry(base.clone()).or_default();
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let aliases: Vec<String> = c.aliases.iter().map(|a| quote(a)).collect();
        out.push_str(&format!(
            "\n[[entity]]  # seen {} time{}\nid = {}\nkind = {}\nname = {}\naliases = [{}]\ndescription = \"\"\n",
            c.seen,
            if c.seen == 1 { "" } else { "s" },
            quote(&id),
            quote(kind(&c.name, text)),
            quote(&c.name),
            aliases.join(", "),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Catalog;
    use std::path::Path;

    #[test]
    fn openers_and_joiners_around_a_run_are_no_part_of_the_name() {
        let names: Vec<String> =
            runs("Consult for BibLaTeX Manual here. The Third-level Headings These are set.")
                .into_iter()
                .map(|(n, _)| n)
                .collect();
        assert!(names.contains(&"BibLaTeX Manual".to_string()), "{names:?}");
        assert!(
            names.contains(&"Third-level Headings".to_string()),
            "{names:?}"
        );
    }

    #[test]
    fn labels_placeholders_and_cut_names_are_no_candidates() {
        let text = "Re Vary Fixed\n\n\
                    Job Title, Department, Address, and AIAA Member Grade.\n\n\
                    Some Conclusions here. Subparagraph This is set in the body.\n\n\
                    Written by Author Name for the Proceedings of the IEEE International \
                    Conference on Computer Vision in 2017.\n\n\
                    Claretta Carrara, Nico Snew, Claudio Beccari.";
        let draft = candidates(text);
        let names: Vec<&str> = draft
            .lines()
            .filter_map(|l| l.strip_prefix("name = "))
            .map(|n| n.trim_matches('"'))
            .collect();
        assert_eq!(
            names,
            [
                "IEEE International Conference on Computer Vision",
                "Claretta Carrara",
                "Nico Snew",
                "Claudio Beccari"
            ],
            "{draft}"
        );
    }

    #[test]
    fn typographic_possessives_do_not_panic() {
        let draft = candidates("Henderson’s model and Smith's data met Anna Henderson’s view.");
        assert!(draft.contains("name = \"Anna Henderson\""), "{draft}");
    }

    #[test]
    fn finds_abbreviations_suffixes_and_parses_back() {
        let text = "Members founded Dalian Xinhua Infotech Co., Ltd (DXC) in 1992. \
                    Later the Dalian Software Park (DLSP) and the Dalian University of Technology \
                    met Kawasaki Heavy Industries. The Dalian Software Park grew.";
        let draft = candidates(text);
        let cat = Catalog::parse(Path::new("draft.toml"), &draft).unwrap();
        let get = |n: &str| {
            cat.entities
                .iter()
                .find(|e| e.name == n)
                .unwrap_or_else(|| panic!("{n} in {draft}"))
        };
        assert_eq!(get("Dalian Xinhua Infotech Co., Ltd").aliases, ["DXC"]);
        assert_eq!(get("Dalian Xinhua Infotech Co., Ltd").kind.as_str(), "firm");
        assert_eq!(get("Dalian Software Park").aliases, ["DLSP"]);
        assert_eq!(
            get("Dalian University of Technology").kind.as_str(),
            "organisation"
        );
        assert_eq!(get("Kawasaki Heavy Industries").kind.as_str(), "unknown");
        assert!(
            draft.contains("# seen 2 times\nid = \"dalian-software-park\""),
            "{draft}"
        );
        assert!(!cat
            .entities
            .iter()
            .any(|e| e.name.starts_with("The ") || e.name == "Members"));
    }
}
