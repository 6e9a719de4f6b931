//! The title block of a PDF: the title is the largest type on the first
//! page; authors are the name-shaped lines and grid cells between it and the
//! abstract; the year comes from a date, copyright or issue line.

use super::layout::Line;
use super::segment::normalise as key;
use crate::corpus::refs::MONTHS;

const ORG_WORDS: [&str; 24] = [
    "University",
    "Universität",
    "Université",
    "Institute",
    "Department",
    "College",
    "School",
    "Laboratory",
    "Laboratories",
    "Center",
    "Centre",
    "Inc.",
    "Inc",
    "Ltd",
    "Corporation",
    "Project",
    "Research",
    "Foundation",
    "Faculty",
    "Hospital",
    "Journal",
    "Software",
    "Statistics",
    "Vignette",
];
const NOT_NAMES: [&str; 14] = [
    "Abstract",
    "Keywords",
    "Version",
    "Draft",
    "The",
    "A",
    "An",
    "In",
    "On",
    "For",
    "Of",
    "With",
    "Using",
    "Introduction",
];

/// The title: the consecutive lines set in the largest type of the first page's upper half.
pub fn title(front: &[Line], height: f32) -> Option<(String, usize)> {
    let upper: Vec<(usize, &Line)> = front
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            l.page == 0 && l.top < height * 0.6 && l.text.chars().any(char::is_alphabetic)
        })
        .filter(|(_, l)| l.text.split_whitespace().count() >= 1 && l.text.len() > 3)
        // A masthead shares its row with the journal's logo or issue; a
        // title stands alone on its lines.
        .filter(|(_, l)| !l.shares_row)
        // A paper's number (`IMECE2023-XXXX`, an arXiv id) is one token with digits.
        .filter(|(_, l)| {
            let t = l.text.trim();
            t.contains(' ') || !t.chars().any(|c| c.is_ascii_digit())
        })
        .collect();
    let max = upper.iter().map(|(_, l)| l.size).fold(0.0f32, f32::max);
    let mut parts = Vec::new();
    let mut last: Option<(usize, &Line)> = None;
    for (i, l) in &upper {
        if (l.size - max).abs() < 0.6 {
            // The title goes on in the next line read, or in the line set
            // right under it where a byline beside it came between in reading.
            let goes_on = |(j, prev): (usize, &Line)| {
                j + 1 == *i
                    || (0.0..1.6 * l.size).contains(&(l.bottom - prev.bottom))
                        && l.x0 < prev.x1
                        && prev.x0 < l.x1
            };
            if last.is_some_and(|p| !goes_on(p)) && !parts.is_empty() {
                break;
            }
            // A byline set in the title's size ends the title: it is names
            // only, or set in another face (italic names under a bold title).
            let other_face = last.is_some_and(|(_, p)| p.bold != l.bold || p.italic != l.italic);
            if !parts.is_empty() && (byline(&l.text) || other_face) {
                break;
            }
            parts.push(l.text.trim().to_string());
            last = Some((*i, *l));
        }
    }
    let t = parts.join(" ");
    // The title's note marks (`title⋆,⋆⋆`, `Class Version 1.1*†`) are no part of it.
    let t = t
        .trim_end_matches(|c: char| {
            "*∗†‡§¶⋆,".contains(c) || crate::corpus::markdown::is_superscript_digit(c)
        })
        .to_string();
    // A lettered note's call glued to the last word (`Linebreaka)`).
    let called_at_end = crate::import::footnotes::letter_calls(&t)
        .last()
        .is_some_and(|&(at, _)| at + 2 == t.len());
    let t = if called_at_end {
        t[..t.len() - 2].to_string()
    } else {
        t
    };
    (!t.is_empty()).then(|| (t, last.map_or(0, |(i, _)| i)))
}

/// The document information's title where it holds the title the layout
/// found and more (a masthead set larger than the title gives the layout
/// only `Imprint`), and the first page prints it; else the layout's title.
/// The index is that of the title's last line.
pub fn with_info_title(
    layout: Option<(String, usize)>,
    info: Option<&str>,
    front: &[Line],
) -> Option<(String, usize)> {
    let Some(info) = info else {
        return layout;
    };
    let info_key = key(info);
    let page_key: String = front
        .iter()
        .filter(|l| l.page == 0)
        .map(|l| key(&l.text))
        .collect();
    let same = layout.as_ref().is_some_and(|(t, _)| key(t) == info_key);
    let holds_layout = layout
        .as_ref()
        .is_none_or(|(t, _)| info_key.contains(&key(t)));
    if same || info_key.chars().count() < 8 || !holds_layout || !page_key.contains(&info_key) {
        return layout;
    }
    // The title's lines: the first run of lines the title holds.
    let within = |l: &Line| {
        let k = key(&l.text);
        l.page == 0 && k.chars().count() >= 4 && info_key.contains(&k)
    };
    let first = front.iter().position(within)?;
    let run = front[first..].iter().take_while(|l| within(l)).count();
    Some((info.to_string(), first + run - 1))
}

fn strip_marks(w: &str) -> &str {
    // Affiliation marks: symbols, digits, raised digits (`Contributor¹`).
    w.trim_end_matches(|c: char| {
        "*∗†‡§¶⋆,;".contains(c)
            || c.is_ascii_digit()
            || crate::corpus::markdown::is_superscript_digit(c)
    })
}

/// `B.Benciolini`, `J.-P.Serre`: initials set without a space before the surname.
fn glued_initials(w: &str) -> bool {
    let Some((initials, surname)) = w.rsplit_once('.') else {
        return false;
    };
    let mut s = surname.chars();
    initials
        .split(['.', '-'])
        .filter(|p| !p.is_empty())
        .all(|p| p.chars().count() == 1 && p.starts_with(char::is_uppercase))
        && !initials.is_empty()
        && s.next().is_some_and(char::is_uppercase)
        && s.clone().count() >= 2
        && s.all(char::is_lowercase)
}

/// A personal name: two to five words, capitalised or initials, particles allowed.
pub fn name_like(n: &str) -> bool {
    let mut words: Vec<&str> = n.split_whitespace().collect();
    // A generational suffix (`John H. Lienhard V`, `Henry Ford II`) follows a name.
    if words.len() > 2
        && words
            .last()
            .is_some_and(|w| matches!(*w, "II" | "III" | "IV" | "V" | "Jr." | "Sr."))
    {
        words.pop();
    }
    if let [word] = words.as_slice() {
        return glued_initials(word);
    }
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let particles = [
        "van", "von", "de", "der", "den", "da", "del", "la", "le", "di", "du",
    ];
    let capitalised = words.iter().all(|w| {
        particles.contains(w)
            || w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
    });
    let last = words.last().copied().unwrap_or("");
    let first = words[0];
    // `R Enthusiasts`, `WU Wirtschafts-`: an initial has a full stop, a name no trailing hyphen.
    let odd_first = first.chars().count() == 1
        || first.chars().filter(|c| c.is_uppercase()).count() > 1 && !first.contains(['.', '-']);
    if odd_first || words.iter().any(|w| w.ends_with('-')) {
        return false;
    }
    capitalised
        && last.chars().count() >= 2
        && !last.ends_with('.')
        && !words
            .iter()
            .any(|w| ORG_WORDS.contains(w) || NOT_NAMES.contains(w))
        && !words
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
}

/// `CV Radhakrishnan`: two or three capitals for initials, then capitalised names.
fn initials_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    (2..=3).contains(&first.chars().count())
        && first.chars().all(|c| c.is_uppercase())
        && (1..=3).contains(&rest.len())
        && rest.iter().all(|w| {
            w.chars().count() >= 2
                && w.starts_with(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || "-'’".contains(c))
        })
        && !rest
            .iter()
            .any(|w| ORG_WORDS.contains(w) || NOT_NAMES.contains(w))
}

fn title_case(t: &str) -> String {
    t.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c.to_string() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Names on the lines after the title, before the abstract.
/// Words that name an institution, never a person.
const AFFILIATION_WORDS: [&str; 24] = [
    "Academy",
    "Agency",
    "Association",
    "Corporation",
    "Foundation",
    "Hospital",
    "Inc",
    "Ltd",
    "Ministry",
    "Museum",
    "Observatory",
    "Society",
    "Institute",
    "University",
    "Universität",
    "Laboratory",
    "Department",
    "Dept",
    "College",
    "School",
    "Centre",
    "Center",
    "Affiliation",
    "Faculty",
];

/// The names of a byline line, marks stripped: split at commas, `&`, `;` and "and".
fn split_names(t: &str) -> Vec<String> {
    // Lettered note calls glued to names (`A. Authorb)`) go first.
    let mut t = t.to_string();
    for (at, _) in crate::import::footnotes::letter_calls(&t).into_iter().rev() {
        t.replace_range(at..at + 2, "");
    }
    t.split([',', '&', ';'])
        // A byline in capitals, title-cased, says "And".
        .flat_map(|p| p.split(" and ").flat_map(|q| q.split(" And ")))
        .map(|n| {
            let n = n.trim();
            n.strip_prefix("and ")
                .or_else(|| n.strip_prefix("And "))
                .unwrap_or(n)
        })
        .map(|n| {
            n.split_whitespace()
                .map(strip_marks)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|n| !n.is_empty() && !["Jr.", "Jr"].contains(&n.as_str()) && !grade(n))
        .collect()
}

/// A society's membership grade after a name (`Member, ASCE`, `Fellow
/// ASME`, `Senior Member, IEEE`), or the society's initials alone.
fn grade(n: &str) -> bool {
    let acronym = |w: &str| (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
    let words: Vec<&str> = n.split_whitespace().collect();
    let rank = |w: &[&str]| match w {
        [g] | [_, g] => matches!(*g, "Member" | "Fellow"),
        _ => false,
    };
    match words.as_slice() {
        [w] => acronym(w) || rank(&words),
        [.., last] if acronym(last) => rank(&words[..words.len() - 1]),
        _ => rank(&words),
    }
}

/// A byline: personal names only, in capitals or not (`ROGER KOENKER`,
/// `Ann Author and Bo Author`).
pub(super) fn names_only(t: &str) -> bool {
    let t = t.trim();
    let titled;
    let t = if !t.chars().any(char::is_lowercase) {
        titled = title_case(t);
        titled.as_str()
    } else {
        t
    };
    let names = split_names(t);
    !names.is_empty() && names.iter().all(|n| name_like(n))
}

/// A line of two or more personal names only (`Boris Veytsman, A. U. Thør, and
/// C. O. Rëspondent‡`); one name-shaped line may be a title's last words.
fn byline(t: &str) -> bool {
    let names = split_names(t.trim());
    names.len() >= 2 && names.iter().all(|n| name_like(n))
}

pub fn authors(front: &[Line], after: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in front.iter().skip(after + 1) {
        let t = l.text.trim();
        let lower = t.to_lowercase();
        if lower.starts_with("abstract") || lower.starts_with("keywords") {
            break;
        }
        if t.contains('@')
            || t.contains("http")
            || t.chars().filter(char::is_ascii_digit).count() > 3
        {
            continue;
        }
        let t = t
            .strip_prefix("by ")
            .or_else(|| t.strip_prefix("By "))
            .unwrap_or(t);
        // A byline in capitals: `TORSTEN HOTHORN, FRANK BRETZ, AND ALAN GENZ`.
        let titled;
        let t = if t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase) {
            titled = title_case(t);
            titled.as_str()
        } else {
            t
        };
        let names = split_names(t);
        // `A. N. Author, H. Coauthor, Name of Institute, City, Country`: the
        // names before an affiliation on the same line.
        let leading = names.iter().take_while(|n| name_like(n)).count();
        let affiliation = |n: &String| {
            n.split_whitespace()
                .any(|w| AFFILIATION_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
        };
        let names = if leading > 0 && names[leading..].first().is_some_and(affiliation) {
            names[..leading].to_vec()
        } else {
            names
        };
        // Initials set without full stops (`CV Radhakrishnan²`) make a name
        // where the line carries an author mark; unmarked, `ETH Zurich` is a place.
        let marked = l.text.trim_end().ends_with(|c: char| {
            "*∗†‡§¶⋆".contains(c)
                || c.is_ascii_digit()
                || crate::corpus::markdown::is_superscript_digit(c)
        });
        let name_ok = |n: &String| name_like(n) || marked && initials_name(n);
        if !names.is_empty() && names.iter().all(name_ok) {
            for n in names {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

fn years(t: &str) -> impl Iterator<Item = i32> + '_ {
    t.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..=2099).contains(y))
}

/// The year of a date, copyright or issue line on the first pages; else the first year there.
pub fn year(first_page: &[Line]) -> Option<i32> {
    let dated = |t: &str| {
        MONTHS.iter().any(|m| {
            t.split(|c: char| !c.is_alphabetic())
                .any(|w| w == *m || w.len() == 3 && m.starts_with(w))
        }) || t.contains('©')
            // A circled c drawn as a plain `c`, or typed `(c)`: `c 2008 John Doe`.
            || copyright_c(t)
            || t.to_lowercase().contains("copyright")
            || t.contains("Volume")
            || t.contains("Vol.")
            || iso_date(t).is_some()
            || tex_date_line(t).is_some()
            // A journal head with its pages: `Journal Title, 2022, pp. 1–9`.
            || t.contains("pp.") && t.split_whitespace().count() <= 12
    };
    // A journal's issue line at the head of the page, `Probab. 0 (2020), 1–5`,
    // dates the paper before a "Submitted ... 2013" line below it.
    let issue = first_page.iter().take(3).find_map(|l| issue_year(&l.text));
    // Only a dated line counts: a year in a citation is not the paper's.
    issue.or_else(|| {
        first_page.iter().filter(|l| dated(&l.text)).find_map(|l| {
            iso_date(&l.text)
                .or_else(|| tex_date_line(&l.text))
                .or_else(|| years(&l.text).next())
        })
    })
}

fn iso_date(t: &str) -> Option<i32> {
    iso_date_with(t, '-')
}

/// A date line of a few words in TeX's style: `Released 2021/03/02`. In a
/// sentence such a date is some file's version (`v2.3 of 2019/01/15`).
fn tex_date_line(t: &str) -> Option<i32> {
    (t.split_whitespace().count() <= 4)
        .then(|| iso_date_with(t, '/'))
        .flatten()
}

/// `c 2008 John Doe`, `(c) 2008`: a copyright line whose sign lost its circle.
fn copyright_c(t: &str) -> bool {
    let mut words = t.split_whitespace();
    matches!(words.next(), Some("c" | "(c)" | "(C)"))
        && words.next().is_some_and(|w| {
            let y = w.trim_end_matches([',', '.']);
            y.len() == 4 && y.parse::<i32>().is_ok_and(|y| (1900..=2099).contains(&y))
        })
}

/// The year of an ISO date `2017-05-09` in the line; with `sep` `/`, of a
/// TeX-style date `2021/03/02`.
fn iso_date_with(t: &str, sep: char) -> Option<i32> {
    let cs: Vec<char> = t.chars().collect();
    (0..cs.len()).find_map(|i| {
        let w = cs.get(i..i + 10)?;
        let digits = |r: std::ops::Range<usize>| r.clone().all(|j| w[j].is_ascii_digit());
        let alone = i == 0 || !cs[i - 1].is_ascii_digit();
        let after = cs.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        (alone
            && after
            && digits(0..4)
            && w[4] == sep
            && digits(5..7)
            && w[7] == sep
            && digits(8..10))
        .then(|| w[..4].iter().collect::<String>().parse().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
    })
}

/// The year of an issue line: a volume number followed by the year in brackets, `25 (2020)`.
fn issue_year(t: &str) -> Option<i32> {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let volume = w[0].chars().all(|c| c.is_ascii_digit());
        let inner = w[1].strip_prefix('(')?;
        let y = inner.split(')').next()?;
        (volume && y.len() == 4 && inner.len() > 4)
            .then(|| y.parse().ok())
            .flatten()
            .filter(|y| (1900..=2099).contains(y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_marks_and_not_institutions() {
        assert!(name_like("Dirk Eddelbuettel"));
        assert!(name_like("W. N. Venables"));
        assert!(name_like("B.Benciolini") && name_like("J.-P.Serre"));
        assert!(!name_like("U.S.") && !name_like("e.g.Smith") && !name_like("Smith"));
        assert!(!name_like("Debian Project"));
        assert!(!name_like("University of Illinois"));
        assert_eq!(strip_marks("Shell∗†"), "Shell");
        assert_eq!(strip_marks("Contributor¹,"), "Contributor");
        assert!(!name_like("R Enthusiasts") && !name_like("WU Wirtschafts-"));
        assert_eq!(title_case("ALAN GENZ"), "Alan Genz");
        assert!(initials_name("CV Radhakrishnan"));
        assert!(!initials_name("ETH Research") && !initials_name("USA"));
    }

    #[test]
    fn a_title_leaves_its_note_marks_behind() {
        let front = [
            at("PREPARATION OF PAPERS FOR JACoW CONFERENCES∗", 14.0),
            at("A. N. Author", 12.0),
        ];
        assert_eq!(
            title(&front, 800.0).map(|(t, _)| t).as_deref(),
            Some("PREPARATION OF PAPERS FOR JACoW CONFERENCES")
        );
        let front = [at("Introduction to the Class Version 1.11.1*†", 14.0)];
        assert_eq!(
            title(&front, 800.0).map(|(t, _)| t).as_deref(),
            Some("Introduction to the Class Version 1.11.1")
        );
    }

    #[test]
    fn a_title_goes_on_under_a_byline_read_between_its_lines() {
        // The title on the right, the byline in a column on the left, its
        // first line read between the title's two lines.
        let placed = |text: &str, x0: f32, bottom: f32, size: f32| Line {
            x1: x0 + 250.0,
            ..Line::sample(text, x0, bottom, size)
        };
        let front = [
            placed("Preprint Template for ASME", 228.0, 64.0, 24.0),
            placed("Author Name", 60.0, 86.0, 12.5),
            placed("Journal Papers: asmejour.cls", 228.0, 90.0, 24.0),
            placed("An abstract in the body size", 228.0, 123.0, 9.0),
        ];
        assert_eq!(
            title(&front, 800.0),
            Some((
                "Preprint Template for ASME Journal Papers: asmejour.cls".into(),
                2
            ))
        );
    }

    #[test]
    fn the_document_title_extends_a_masthead_word_the_layout_took() {
        let front = [
            at("Imprint", 34.0),
            at("PHILOSOPHERS' IMPRINT", 30.0),
            at("MISSION STATEMENT", 30.0),
            at("Editorial Board", 19.0),
        ];
        let layout = Some(("Imprint".to_string(), 0));
        let info = Some("Philosophers' Imprint Mission Statement");
        assert_eq!(
            with_info_title(layout.clone(), info, &front),
            Some(("Philosophers' Imprint Mission Statement".into(), 2))
        );
        // A document title the page does not print, or one that does not
        // hold the layout's title, changes nothing.
        assert_eq!(
            with_info_title(layout.clone(), Some("paper.dvi"), &front),
            layout
        );
        assert_eq!(
            with_info_title(layout.clone(), Some("Editorial Board"), &front),
            layout
        );
    }

    /// A front-page line 300 points wide in `size`.
    fn at(text: &str, size: f32) -> Line {
        Line {
            x1: 300.0,
            top: 100.0,
            ..Line::sample(text, 0.0, 110.0, size)
        }
    }

    #[test]
    fn a_byline_in_the_title_size_is_no_part_of_the_title() {
        let front = [
            at("A STUDY OF THINGS:", 14.0),
            at("A FIRST LOOK\u{2217}\u{2020}", 14.0),
            at("Ann Smith, B. C. Jones, and D. E. Müller\u{2021}", 14.0),
            at("Abstract: text.", 10.0),
        ];
        let (t, last) = title(&front, 800.0).unwrap_or_default();
        assert_eq!(t, "A STUDY OF THINGS: A FIRST LOOK");
        assert_eq!(
            authors(&front, last),
            ["Ann Smith", "B. C. Jones", "D. E. Müller"]
        );
        // Capitalised last words of a title are no byline.
        let front = [
            at("Computing with Sandwich", 14.0),
            at("Covariance Matrix Estimators", 14.0),
        ];
        assert_eq!(
            title(&front, 800.0).map(|(t, _)| t).as_deref(),
            Some("Computing with Sandwich Covariance Matrix Estimators")
        );
    }

    #[test]
    fn membership_grades_and_generational_suffixes_are_no_names() {
        let front = [
            at("STYLE FILES FOR DOCUMENTS", 14.0),
            at("Matthew R. Kuhn\u{b9}, Member, ASCE", 12.0),
            at("John H. Lienhard V\u{b9}", 12.0),
            at("Fellow ASME", 8.0),
            at("Ann Smith, Senior Member, IEEE", 12.0),
        ];
        let (_, last) = title(&front, 800.0).unwrap_or_default();
        assert_eq!(
            authors(&front, last),
            ["Matthew R. Kuhn", "John H. Lienhard V", "Ann Smith"]
        );
    }

    #[test]
    fn a_masthead_beside_its_logo_and_a_byline_in_another_face_are_no_title() {
        let masthead = Line {
            shares_row: true,
            ..at("Journal of Statistical Software", 28.0)
        };
        let front = [
            masthead,
            at("Automatic Forecasting:", 17.0),
            at("the forecast Package", 17.0),
            at("Rob Hyndman", 12.0),
        ];
        assert_eq!(
            title(&front, 800.0).map(|(t, _)| t).as_deref(),
            Some("Automatic Forecasting: the forecast Package")
        );
        // A bold title, the author in italic and the address in roman, all
        // at one size.
        let face = |text: &str, bold: bool, italic: bool| Line {
            bold,
            italic,
            ..at(text, 12.0)
        };
        let front = [
            face("TEMPLATES FOR ONE AUTHOR", true, false),
            face("Alfred Alabama", false, true),
            face("McGill University, Montreal, Canada", false, false),
        ];
        let (t, last) = title(&front, 800.0).unwrap_or_default();
        assert_eq!(t, "TEMPLATES FOR ONE AUTHOR");
        assert_eq!(authors(&front, last), ["Alfred Alabama"]);
    }

    #[test]
    fn one_author_a_line_between_affiliations_with_unstopped_initials() {
        let front = [
            at("A Specimen Title", 14.0),
            at("Jos Migchielsen\u{b9},\u{2217}", 10.0),
            at(
                "Elsevier B.V., Radarweg 29, 1043 NX Amsterdam, The Netherlands",
                9.0,
            ),
            at("CV Radhakrishnan\u{b2}", 10.0),
            at("ETH Zurich", 9.0),
            at("CV Rajagopal1,3", 10.0),
        ];
        assert_eq!(
            authors(&front, 0),
            ["Jos Migchielsen", "CV Radhakrishnan", "CV Rajagopal"]
        );
    }

    #[test]
    fn the_year_of_an_issue_line_or_an_iso_date() {
        // The issue line at the head wins over a later "Submitted" date.
        let page = [
            at(
                "Electron. J. Probab. 12 (2020), paper no. 3, 1\u{2013}5.",
                9.0,
            ),
            at("A Title", 14.0),
            at("Submitted on January 2, 2013, accepted 2014.", 9.0),
        ];
        assert_eq!(year(&page), Some(2020));
        // Only an ISO date dates a footer with no month name.
        let page = [
            at("A Title", 14.0),
            at("Cited as in Smith 2009.", 10.0),
            at(
                "Accepted in Journal 2017-05-09, click title to verify.",
                8.0,
            ),
        ];
        assert_eq!(year(&page), Some(2017));
        assert_eq!(iso_date("v 12017-05-091"), None);
        // A journal head line with the pages dates the paper.
        let page = [
            at("Journal Title Here, 2022, pp. 1\u{2013}9", 8.0),
            at("A Title", 14.0),
            at("As Smith (2009) says.", 10.0),
        ];
        assert_eq!(year(&page), Some(2022));
        assert_eq!(issue_year("Vol. 00 (0000)"), None);
        assert_eq!(issue_year("see [12] (2003)"), None);
        // A copyright sign that lost its circle; a release date with slashes.
        let page = [
            at("As Smith (2009) says.", 10.0),
            at("c 2008 John Doe", 9.0),
            at("Completed January 17, 2012", 9.0),
        ];
        assert_eq!(year(&page), Some(2008));
        let page = [at("A Title", 14.0), at("Released 2021/03/02", 10.0)];
        assert_eq!(year(&page), Some(2021));
        assert_eq!(tex_date_line("2021/03-02"), None);
        assert_eq!(tex_date_line("the jacow class (v2.3 of 2019/01/15)"), None);
        assert!(!copyright_c("c 20 apples"));
    }

    #[test]
    fn names_before_an_affiliation_on_their_line() {
        let line = |text: &str| Line {
            x1: 300.0,
            ..Line::sample(text, 0.0, 10.0, 10.0)
        };
        let front = [
            line("PREPARATION OF PAPERS"),
            line("A. N. Author\u{2020}, H. Coauthor, Name of Institute or Affiliation, City, Country"),
            line("Haidian Qu, Beijing Shi, China"),
            line("Sam U. Llaun, Academy of Lagado, Lagado, Balnibarbi"),
        ];
        assert_eq!(
            authors(&front, 0),
            ["A. N. Author", "H. Coauthor", "Sam U. Llaun"]
        );
        let front = [
            line("ON MULTIVARIATE t AND GAUSS PROBABILITIES IN R"),
            line("TORSTEN HOTHORN, FRANK BRETZ, AND ALAN GENZ"),
        ];
        assert_eq!(
            authors(&front, 0),
            ["Torsten Hothorn", "Frank Bretz", "Alan Genz"]
        );
    }
}
