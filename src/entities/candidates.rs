//! A draft `entities.toml` of names found in a new text, for the user to curate.
//!
//! Three signals: a name followed by its abbreviation in parentheses
//! (`Dalian Software Park (DLSP)`), runs of two or more capitalised words
//! (`Kawasaki Heavy Industries`), and company or institution suffixes, which
//! also decide the kind. Nothing here is authoritative: every entry says how
//! often it was seen and has an empty description.

use std::collections::HashMap;

use crate::corpus::refs::MONTHS;

const JOINERS: [&str; 5] = ["of", "and", "&", "for", "de"];
const LEADING: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "Of",
    "And",
    "This",
    "These",
    "That",
    "However",
    "Thus",
    "From",
    "With",
    "As",
    "While",
    "When",
    "Although",
    "Since",
    "After",
    "Before",
    "See",
    "All",
    "Both",
    "Each",
    "If",
    "Let",
    "But",
    "Within",
    "Many",
    "Once",
    "Unlike",
    "Users",
    "Native",
    "Consult",
    "Another",
    "Appendix",
    "Some",
    "Several",
    "Most",
    "Other",
    "Such",
    "Any",
    "Every",
    "Our",
    "Their",
    "Its",
    "Your",
    "We",
    "It",
    "To",
    "Because",
    "Also",
    "Then",
    "Here",
    "There",
    "Hence",
    "Therefore",
    "Moreover",
    "Furthermore",
    "Finally",
    "Note",
    "Where",
    "Whereas",
    "Whether",
    "Unless",
    "Until",
    "Using",
    "Use",
    "Please",
    "Even",
    "Only",
    "So",
    "Not",
    "Now",
    "Indeed",
    "What",
    "Which",
    "How",
    "Why",
    "Who",
    "Under",
    "Through",
    "Between",
    "Among",
    "Without",
    "During",
    "Via",
    "Like",
    "Following",
    "According",
    "Despite",
    "Is",
    "Are",
    "Was",
    "Were",
    "Can",
    "Could",
    "Should",
    "Would",
    "Must",
    "Retrieved",
    "Accessed",
    "Available",
];
/// Words that say what a field holds, not whose it is: a run ending in one
/// is a label or a template's placeholder (`Author Name`, `Job Title`,
/// `Award No.`), and one opening on one with `of` is too (`Name of Institute`).
const GENERIC_TAIL: [&str; 15] = [
    "Name", "Names", "Title", "Grade", "Address", "Number", "No", "Date", "Type", "Size", "Cap",
    "Caps", "Text", "Value", "Level",
];
/// Nouns that end the name of a method or a result, not of anyone or
/// anywhere a reader follows (`Gauss-Seidel Algorithm`, `Engel's Law`).
const METHOD_TAIL: [&str; 17] = [
    "Algorithm",
    "Model",
    "Models",
    "Process",
    "Processes",
    "Law",
    "Theorem",
    "Lemma",
    "Method",
    "Methods",
    "Estimator",
    "Distribution",
    "Format",
    "Pattern",
    "Equation",
    "Motion",
    "Iteration",
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
/// Names of series and journals that go on with `in` (`Lecture Notes in Informatics`).
const GOES_IN: [&str; 7] = [
    "Notes",
    "Communications",
    "Advances",
    "Studies",
    "Letters",
    "Topics",
    "Trends",
];
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const FIRM: [&str; 12] = [
    "Co.",
    "Ltd",
    "Ltd.",
    "Corporation",
    "Corp.",
    "Inc.",
    "Group",
    "Limited",
    "Associates",
    "GmbH",
    "AG",
    "Company",
];
/// Common nouns that, after a name, make it the name of a method or a
/// result (`Kolmogorov Smirnov statistic`, `Monte Carlo simulation`).
const METHOD_NOUNS: [&str; 24] = [
    "algorithm",
    "model",
    "models",
    "process",
    "law",
    "theorem",
    "lemma",
    "method",
    "methods",
    "estimator",
    "estimate",
    "distribution",
    "statistic",
    "test",
    "tests",
    "simulation",
    "integration",
    "approximation",
    "iteration",
    "transform",
    "equation",
    "inequality",
    "procedure",
    "criterion",
];
/// Gatherings: a name with one of these is an event (`Conference on ...`).
const EVENT: [&str; 6] = [
    "Conference",
    "Symposium",
    "Workshop",
    "Congress",
    "Seminar",
    "Meeting",
];
const ORGANISATION: [&str; 23] = [
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
    "Organisation",
    "Laboratory",
    "Laboratories",
    "Society",
    "Team",
    "Universität",
    "Université",
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
    } else if words.iter().any(|w| EVENT.contains(w)) {
        "event"
    } else if words.iter().any(|w| PLACE.contains(w)) || text.contains(&format!("in {name}")) {
        "place"
    } else if person_shaped(name) && cited(words[words.len() - 1], text, true) {
        "person"
    } else {
        "unknown"
    }
}

/// Whether `surname` is cited as an author's: `Bates (2010)`, `Bates et al.`,
/// and, when `loosely`, `Bates and Chambers`.
fn cited(surname: &str, text: &str, loosely: bool) -> bool {
    text.match_indices(surname).any(|(at, _)| {
        let after = &text[at + surname.len()..];
        after.starts_with(" et al")
            || after
                .strip_prefix(" (")
                .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
            || loosely
                && after
                    .strip_prefix(" and ")
                    .is_some_and(|a| a.starts_with(char::is_uppercase))
    })
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
    words.len() >= 2
        && !words.iter().any(|w| initial(w))
        && ![words[0], last].iter().any(|w| JOINERS.contains(w) || ["on", "in"].contains(w))
        && !name.chars().any(|c| c.is_ascii_digit())
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
        && !street(last)
        && !METHOD_TAIL.contains(&last.trim_end_matches(['’', '\'']))
        && !(GENERIC_TAIL.contains(&words[0]) && words.get(1) == Some(&"of"))
        // A word broken at a line end (`Linear Ac-`, `La- TeX`) cuts the name.
        && !words.iter().any(|w| w.ends_with('-'))
        // A compound ending in a common word (`Third-level`, `Harvard-style`)
        // describes; it names nothing.
        && !words.iter().any(|w| {
            w.rsplit_once('-')
                .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
        })
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

/// An initial standing for a given name: `A.`, or hyphenated `E.-H.`, `Y.-Y`.
fn initial(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    initials(w)
        && (letters == 1 && w.trim_end_matches(',').ends_with('.')
            || letters >= 2 && w.contains('-'))
}

const OPENING: [char; 4] = ['"', '“', '‘', '`'];

/// For each token, whether it stands inside a quotation opened before it and
/// closed within the paragraph (a quote left open is taken for a stray mark).
fn quoted(text: &str, tokens: &[(usize, &str)]) -> Vec<bool> {
    let mut inside = vec![false; tokens.len()];
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k].1.trim_start_matches('(');
        let Some(mark) = t.chars().next().filter(|c| OPENING.contains(c)) else {
            k += 1;
            continue;
        };
        let closing = if matches!(mark, '‘' | '`') {
            ['’', '\'']
        } else {
            ['”', '"']
        };
        let closes = |t: &str| {
            t.trim_end_matches(|c: char| ".,;:!?)".contains(c) || SUPERSCRIPTS.contains(&c))
                .ends_with(closing)
        };
        let close = if closes(&t[mark.len_utf8()..]) {
            Some(k)
        } else {
            (k + 1..tokens.len().min(k + 40))
                .take_while(|&c| !text[tokens[c - 1].0..tokens[c].0].contains("\n\n"))
                .find(|&c| closes(tokens[c].1))
        };
        // A long quotation mostly in lower case is speech, not a title.
        let capitals = |c: usize| {
            (k..=c)
                .filter(|&x| is_capitalised(tokens[x].1.trim_start_matches(OPENING)))
                .count()
        };
        match close.filter(|&c| c - k < 12 || capitals(c) * 2 > c - k) {
            Some(c) => {
                inside[k + 1..=c].iter_mut().for_each(|x| *x = true);
                k = c + 1;
            }
            None => k += 1,
        }
    }
    inside
}

/// Runs of capitalised words (joined by `of`, `and`, ...), with the text after each run.
fn runs(text: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let tokens: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let quoted = quoted(text, &tokens);
    let breaks = |k: usize| k > 0 && text[tokens[k - 1].0..tokens[k].0].contains("\n\n");
    // Where each token's paragraph starts, to tell a long paragraph from a label.
    let mut opens = vec![0; tokens.len()];
    for k in 1..tokens.len() {
        opens[k] = if breaks(k) { k } else { opens[k - 1] };
    }
    let given = |k: usize| {
        let t = tokens[k].1;
        initial(t)
            && (t.contains('-')
                || k == 0
                || breaks(k)
                || tokens[k - 1].1.ends_with(',')
                || initial(tokens[k - 1].1))
    };
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        let mut words: Vec<&str> = Vec::new();
        while j < tokens.len() {
            // A closing bracket or quote before the sentence's stop closes the name too.
            let token = match tokens[j].1.strip_suffix(['.', ',']) {
                Some(t) if t.ends_with([')', '"', '”']) => t,
                _ => tokens[j].1,
            };
            // A bracket or a quotation opens something else; hyphenated
            // initials (`Y.-Y`) begin the next person's name.
            if j > i
                && (token.starts_with(['(', '"', '“', '‘', '`'])
                    || breaks(j)
                    || initial(token) && token.contains('-'))
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
            let bare = w
                .trim_end_matches([',', '.'])
                .trim_end_matches(SUPERSCRIPTS);
            let next_capital = tokens.get(j + 1).is_some_and(|t| is_capitalised(t.1));
            let stem = bare.strip_suffix("'s").or_else(|| bare.strip_suffix("’s"));
            let possessive = stem.is_some();
            let bare = match stem {
                Some(stem) if !next_capital => stem,
                _ => bare,
            };
            let event_on = bare == "on" && words.last().is_some_and(|w| GOES_ON.contains(w))
                || bare == "in"
                    && next_capital
                    && words.last().is_some_and(|w| GOES_IN.contains(w));
            let ok = is_capitalised(bare)
                && bare
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-&.'’".contains(c))
                || !words.is_empty() && (JOINERS.contains(&bare) || event_on);
            if !ok || (firmish && words.is_empty()) {
                break;
            }
            // A firm's `Inc.` goes on to its stop; a comma after it ends the
            // name unless another suffix follows (`Co., Ltd`).
            let stops = closes
                || possessive && !next_capital
                || w.len() > bare.len() && (!firmish || w.ends_with(','));
            // "Co., Ltd": punctuation inside a company name does not end it.
            let firm_next = !closes
                && tokens
                    .get(j + 1)
                    .is_some_and(|t| FIRM.contains(&t.1.trim_end_matches([',', ';', ':', ')'])));
            words.push(match (stops && !firm_next, firmish) {
                (true, true) => w.trim_end_matches(','),
                (true, false) => bare,
                (false, _) => w,
            });
            j += 1;
            if stops && !firm_next {
                break;
            }
        }
        let end = j.max(i + 1);
        // Inside a quotation, or opening one that goes on past it: a piece of
        // a quoted title (`“Free at Last: The Future of ...”`).
        let in_title = quoted[i] || quoted.get(end).is_some_and(|&q| q);
        // The rest of a word broken at the end of the paragraph before (`D-` / `Lib Magazine`).
        let continued = breaks(i) && tokens[i - 1].1.ends_with('-');
        // A long paragraph that stops without a stop was cut at a page or
        // column break, and so was a name at its end (`Los Alamos National`).
        let cut = end < tokens.len()
            && breaks(end)
            && end - opens[end - 1] >= 12
            && !tokens[end - 1]
                .1
                .ends_with(['.', '!', '?', ':', ';', ')', '"', '”', ','])
            && is_capitalised(tokens[end].1);
        if in_title || continued || cut {
            words.clear();
        }
        // After an initial comes the surname of its person, not the start of a
        // name (`E.-H. Lee Pohang Accelerator Laboratory`). A lone `A.` is a
        // given name in a list of authors (`Kim, A. Lee`, `K. A. Bishofberger`),
        // not at the end of `Appendix A.`.
        if words.first().is_some_and(|w| initial(w)) {
            words.remove(0);
            if !words.is_empty() {
                words.remove(0);
            }
        } else if i > 0 && !breaks(i) && !words.is_empty() && given(i - 1) {
            words.remove(0);
        }
        // "Beijing and Shanghai": a single word before "and" is a list, not a name.
        if let Some(k) = words.iter().position(|w| *w == "and") {
            if k == 1 {
                words.drain(..2);
            }
        }
        while words
            .last()
            .is_some_and(|w| JOINERS.contains(w) || *w == "on" || *w == "in")
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
        i = end;
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

/// Initials standing for given names, one or several (`A.`, `G.K.M.`, `E.-H.`).
fn initials(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    w.contains('.')
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
        && !w
            .chars()
            .zip(w.chars().skip(1))
            .any(|(a, b)| a.is_alphabetic() && b.is_alphabetic())
}

/// An entry of a reference list, or a note that is one: a short paragraph
/// with a year that opens with its number (`[3]`, `12.`), lists its authors
/// by their initials, follows its authors as a sentence of its own, or
/// points to a web address. Its title, set in title case, reads like names.
fn reference_entry(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    // `1999`, `(1999);`, `2010a.`, `2010;3:1-10.`
    let year = |w: &str| {
        let w = w.trim_start_matches(['(', '[']);
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        digits == 4
            && (1800..2100).contains(&w[..4].parse::<u32>().unwrap_or(0))
            && w[4..].chars().take_while(|c| c.is_alphabetic()).count() <= 1
    };
    let Some(at) = words.iter().position(|w| year(w)) else {
        return false;
    };
    let numbered = words.first().is_some_and(|w| {
        let w = w.trim_start_matches(['[', '(']);
        let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
        rest.len() < w.len() && matches!(rest, "]" | "." | ")")
    });
    // `A.`, `G.K.M.`, or a bare initial before a comma (`Smith J, Doe R`).
    let initial = |w: &&&str| {
        initials(w)
            || w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.ends_with(',')
    };
    let by_initials = words[..at].iter().filter(initial).count() >= 2;
    // The year right after the authors: `Sarkar D (2008). lattice: ...`,
    // `Rafal Ablamowicz and Bertfried Fauser. 2007. CLIFFORD: ...`.
    let dated = words[at].starts_with('(') && words[at].ends_with(").") && at <= 12
        || at > 0 && at <= 30 && words[at - 1].ends_with('.') && words[at].ends_with('.');
    let linked = paragraph.contains("http") || paragraph.contains("doi");
    words.len() <= 120 && (numbered || by_initials || dated || linked)
}

/// Whether a run of a reference entry is worth keeping: a name with the
/// word of a firm, body, place or event, a journal or publisher (by its
/// word, or by the volume after it: `Linguistic Typology 10, 1–40`), or a
/// person listed as an author.
fn listed(entry: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let ends = [words[0], words[words.len() - 1]];
    // `10, 1–40`, `14(6)`, `3:1-10`; not a date (`July 21, 2005`).
    let volume = !MONTHS.contains(&ends[1])
        && entry.match_indices(name).any(|(at, _)| {
            let after = &entry[at + name.len()..];
            let after = after.strip_prefix(',').unwrap_or(after);
            let number = after.strip_prefix(' ').unwrap_or("");
            let rest = number.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() < number.len() && rest.starts_with([',', '(', ':'])
        });
    kind(name, "") != "unknown"
        || volume
        || ends.iter().any(|w| PUBLISHER.contains(w))
        || person_shaped(name)
            && [",", " and ", " &"]
                .iter()
                .any(|s| entry.contains(&format!("{name}{s}")))
}

/// Words that open or close the name of a journal or a publisher
/// (`Journal of Statistical Software`, `D-Lib Magazine`, `Springer Verlag`).
const PUBLISHER: [&str; 13] = [
    "Journal",
    "Review",
    "Magazine",
    "Letters",
    "Transactions",
    "Proceedings",
    "Annals",
    "Bulletin",
    "Quarterly",
    "Press",
    "Publishers",
    "Publishing",
    "Verlag",
];

/// A paragraph that is only a few capitalised words without punctuation: a
/// table's header row, figure lettering or a label, where adjacent words
/// are no name. (A list of names has its commas, a sentence its stop.) A
/// row's cells may hold numbers, `x` of sizes, and a joining `or`; a row
/// of any length is mostly numbers and ends in no stop.
fn label(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let numbers = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 1)
        .count();
    let row =
        words.len() >= 3 && numbers * 3 >= words.len() && !paragraph.trim_end().ends_with('.');
    row || words.len() <= 6
        && !paragraph.contains([',', '.', ';', ':'])
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
                || w.chars().count() == 1
                || *w == "or"
        })
}

/// The names in one run: `Douglas Bates and John Chambers` is two people; a
/// cited author runs on into their affiliation on a title page (`Torsten
/// Hothorn Institut ...`); a possessor comes before a thing of theirs set in
/// title case (`Christian Gunning’s Sample`), and without a person before
/// it the run is a title (`LATEX User’s Guide`); an acronym after plain words
/// is a word of its own (`Adobe Acrobat PDF`, `Lucas Heights NSW`), though
/// one after a joined title is part of it (`Open Researcher and Contributor ID`).
fn split(name: &str, text: &str) -> Vec<String> {
    if let Some((a, b)) = name.split_once(" and ") {
        if person_shaped(a) && person_shaped(b) {
            return vec![a.to_string(), b.to_string()];
        }
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2 && kind(name, "") == "unknown" {
        let possessive = words[..words.len() - 1]
            .iter()
            .position(|w| w.ends_with("’s") || w.ends_with("'s"));
        if let Some(k) = possessive {
            let w = words[k];
            words[k] = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            words.truncate(k + 1);
            // Whose else but a person's: `LATEX User’s Guide` is a title.
            if !person_shaped(&words.join(" ")) {
                return Vec::new();
            }
        }
        let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        if words.len() >= 3
            && words.last().is_some_and(|w| acronym(w))
            && !words[..words.len() - 1]
                .iter()
                .any(|w| acronym(w) || JOINERS.contains(w))
        {
            words.pop();
        }
    }
    for n in [2, 3] {
        if words.len() > n {
            let head = words[..n].join(" ");
            if person_shaped(&head) && cited(words[n - 1], text, false) {
                return vec![head, words[n..].join(" ")];
            }
            // An address's lines run together: a name, then the unit it works in.
            let unit = UNIT.contains(&words[n])
                && words
                    .get(n + 1)
                    .is_some_and(|w| ["of", "for", "für"].contains(w));
            // A given name is no word the text writes in lower case (`Systems`).
            let given = !text.contains(&format!(" {} ", words[0].to_lowercase()));
            if person_shaped(&head) && unit && given {
                return vec![head];
            }
        }
    }
    vec![words.join(" ")]
}

/// Words that open the name of a part of an institution (`Department of
/// Finance`, `Institute for Statistics`): in an address under a name, they
/// end the name.
const UNIT: [&str; 7] = [
    "Department",
    "Dept.",
    "Faculty",
    "Division",
    "Institute",
    "School",
    "Chair",
];

/// The last word of a street address (`Hills Road`, `Peter-Jordan-Straße`,
/// `Universitätsstr`): an address is no one to follow.
fn street(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    [
        "Street",
        "Road",
        "Avenue",
        "Lane",
        "Straße",
        "Strasse",
        "Cedex",
        "Platz",
        "Boulevard",
    ]
    .contains(&w)
        || w.ends_with("str")
        || w.ends_with("straße")
}

/// A TOML draft of candidate entities in `text`, in order of first appearance.
pub fn candidates(text: &str) -> String {
    let kept: Vec<&str> = text.split("\n\n").filter(|p| !label(p)).collect();
    let text = kept.join("\n\n");
    let text = text.as_str();
    let mut order: Vec<String> = Vec::new();
    let mut found: HashMap<String, Candidate> = HashMap::new();
    // Each paragraph by where it ends in `text`, and whether it is a reference entry.
    let mut paragraphs = Vec::new();
    let mut end = 0;
    for paragraph in &kept {
        end += paragraph.len();
        paragraphs.push((end, *paragraph, reference_entry(paragraph)));
        end += 2;
    }
    let mut all = Vec::new();
    for (name, after) in runs(text) {
        let at = after.as_ptr() as usize - text.as_ptr() as usize;
        let k = paragraphs.partition_point(|p| p.0 < at);
        let (_, paragraph, entry) = paragraphs.get(k).copied().unwrap_or_default();
        {
            let name = name.trim_end_matches(['’', '\'']).to_string();
            let mut names: Vec<(String, &str)> =
                split(&name, text).into_iter().map(|n| (n, "")).collect();
            if let Some(last) = names.last_mut() {
                last.1 = after;
            }
            all.extend(
                names
                    .into_iter()
                    .filter(|(n, _)| !entry || listed(paragraph, n)),
            );
        }
    }
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
    for (name, after) in all {
        // A stray letter before a person's name is a piece of the word
        // before it (`BibT E X` ... `E Patrick Daly`); `R Core Team` is no person.
        let name = match name.split_once(' ') {
            Some((letter, rest))
                if letter.chars().count() == 1
                    && person_shaped(rest)
                    && kind(rest, "") == "unknown" =>
            {
                rest.to_string()
            }
            _ => name,
        };
        // Two names written joined elsewhere (`Nelson-Aalen`) name a method
        // after its makers, not a person.
        let eponym = name
            .split_once(' ')
            .is_some_and(|(a, b)| !b.contains(' ') && text.contains(&format!("{a}-{b}")));
        // A gathering's word is no evidence of a name (`Conference Proceedings`).
        let evidence = !matches!(kind(&name, ""), "unknown" | "event");
        let method = !evidence
            && text.match_indices(name.as_str()).any(|(at, _)| {
                let next = text[at + name.len()..].strip_prefix(' ').unwrap_or("");
                METHOD_NOUNS.contains(
                    &next
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or(""),
                )
            });
        if eponym || method || !plausible(&name) || common(&name) && !evidence {
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
    fn an_address_under_a_name_gives_the_name_alone() {
        let draft = candidates(
            "Affiliation: Kurt Hornik Department of Finance, Accounting and Statistics, \
             Augasse 2, Vienna. Peter Jordan Straße 82, Hills Road, Cambridge.",
        );
        let names: Vec<&str> = draft
            .lines()
            .filter_map(|l| l.strip_prefix("name = "))
            .map(|n| n.trim_matches('"'))
            .collect();
        assert_eq!(names, ["Kurt Hornik"], "{draft}");
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

    fn names(text: &str) -> Vec<String> {
        candidates(text)
            .lines()
            .filter_map(|l| l.strip_prefix("name = "))
            .map(|n| n.trim_matches('"').to_string())
            .collect()
    }

    #[test]
    fn footnote_marks_brackets_and_stops_end_a_name_cleanly() {
        assert_eq!(
            names("By Christian Gogolin², Marcus Huber³, and the Object Management Group)."),
            [
                "Christian Gogolin",
                "Marcus Huber",
                "Object Management Group"
            ]
        );
    }

    #[test]
    fn pieces_of_quoted_titles_are_no_candidates() {
        let text = "See Harnad, Stevan “Free at Last: The Future of Peer Journals” and the \
                    “China City Statistical Yearbook”. Also “Advanced Topics of Modern Physics in Practice” \
                    and `Adaptive Information Systems and Modeling in Economics'.";
        assert_eq!(names(text), ["China City Statistical Yearbook"]);
    }

    #[test]
    fn names_broken_at_a_line_or_page_end_are_no_candidates() {
        let text = "The beam was built at the Stanford Linear Ac- celerator, typeset in La- TeX.\n\n\
                    It appeared in D-\n\n\
                    Lib Magazine in spring.\n\n\
                    The detectors were designed and tested over several years by Los Alamos National\n\n\
                    Laboratory staff.";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn after_an_initial_comes_a_surname_not_a_name() {
        let text = "Y.-S. Cheng National Synchrotron Radiation Research Center, Hsinchu, \
                    Germany Y.-Y Li, Hong Kong University, E.-H. Lee Pohang Accelerator Laboratory.";
        assert_eq!(
            names(text),
            [
                "National Synchrotron Radiation Research Center",
                "Hong Kong University",
                "Pohang Accelerator Laboratory"
            ]
        );
        // A stray letter before a person, not before a team.
        assert_eq!(
            names("The style derives from one by E Patrick Daly, and the R Core Team."),
            ["Patrick Daly", "R Core Team"]
        );
    }

    #[test]
    fn methods_and_results_named_after_people_are_no_candidates() {
        let text = "The Nelson Aalen estimate, written Nelson-Aalen too, the Kolmogorov Smirnov \
                    statistic, the Gauss-Seidel Algorithm and Engel’s Law. Douglas Bates (2010) \
                    wrote it.";
        assert_eq!(names(text), ["Douglas Bates"]);
    }

    #[test]
    fn openers_placeholders_compounds_and_table_rows_are_no_names() {
        let text =
            "To Robert, for the bagels. Access to the Imprint Because the Imprint is free.\n\n\
                    Name of Institute, City, Country. DOHT-OII Award No. 3.\n\n\
                    Third-level Headings are set in bold with Harvard-style Citations.\n\n\
                    Junior Legal 8 x 5\n\n\
                    Non-English or Math Frequency Comments";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn reference_entries_give_their_authors_and_bodies_not_their_titles() {
        let text = "[3] Anne Buck, Richard Flagan and Betsy Coles, Scholars Forum: A New Model \
                    For Scholarly Communication, California Institute of Technology, 1999.\n\n\
                    Ben Trovato, G.K.M. Tobin, and J. Smith. 2018. The Name of the Title Is Hope. \
                    In Proceedings of the Web Conference.\n\n\
                    The Dalian Software Park grew after 2008 (Li 2008, p. 93).";
        assert_eq!(
            names(text),
            [
                "Anne Buck",
                "Richard Flagan",
                "Betsy Coles",
                "California Institute of Technology",
                "Ben Trovato",
                "Web Conference",
                "Dalian Software Park"
            ]
        );
    }

    #[test]
    fn kinds_come_from_the_words_of_the_name() {
        let draft = candidates(
            "The SLAC National Accelerator Laboratory, the Bernoulli Society, \
             Grothendieck Associates and the IEEE International Conference on Robotics met.",
        );
        let cat = Catalog::parse(Path::new("draft.toml"), &draft).unwrap();
        let kinds: Vec<(&str, &str)> = cat
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("SLAC National Accelerator Laboratory", "organisation"),
                ("Bernoulli Society", "organisation"),
                ("Grothendieck Associates", "firm"),
                ("IEEE International Conference on Robotics", "event"),
            ]
        );
    }

    #[test]
    fn a_run_holding_two_names_gives_each() {
        let text = "Gabor Grothendieck GKX Associates Inc. wrote with Grothendieck (2005) in mind, \
                    see Christian Gunning’s Sample extension, Adobe Acrobat PDF and the \
                    Open Researcher and Contributor ID, published in “Lecture Notes in Informatics” \
                    and Electronic Communications in Probability.";
        assert_eq!(
            names(text),
            [
                "Gabor Grothendieck",
                "GKX Associates Inc.",
                "Christian Gunning",
                "Adobe Acrobat",
                "Open Researcher and Contributor ID",
                "Lecture Notes in Informatics",
                "Electronic Communications in Probability"
            ]
        );
    }

    #[test]
    fn rows_of_numbers_and_unnumbered_references_give_no_titles() {
        let text = "Junior Legal Size 203 127 Half Letter Size 140 216 Ledger Tabloid 279 432\n\n\
                    Smith J, Doe R, Rudis Bob. Fast Growth Of Software Parks. D-Lib Magazine \
                    2010;3:1-10.\n\n\
                    Sizes rose from 12 to 30 at Dalian Software Park in 2010 and 2011.";
        assert_eq!(names(text), ["D-Lib Magazine", "Dalian Software Park"]);
    }

    #[test]
    fn names_in_quoted_speech_and_after_a_sentence_ending_letter_stay() {
        let text = "“We came to the Dalian Software Park because the city had the engineers and \
                    the land we needed,” said one manager. See Appendix A. Kawasaki Heavy \
                    Industries came later; the Dalian Software Park model spread.";
        assert_eq!(
            names(text),
            ["Dalian Software Park", "Kawasaki Heavy Industries"]
        );
    }

    #[test]
    fn entries_dated_after_their_authors_keep_journals_firms_and_authors() {
        let text =
            "Sarkar D (2008). Multivariate Data Visualization. Houghton Mifflin Co., Boston.\n\n\
                    Rafal Ablamowicz and Bertfried Fauser. 2007. Clifford Algebra Tools. \
                    Linguistic Typology 10, 1–40. Retrieved March 2, 2008.";
        assert_eq!(
            names(text),
            [
                "Houghton Mifflin Co.",
                "Rafal Ablamowicz",
                "Linguistic Typology"
            ]
        );
    }
}
