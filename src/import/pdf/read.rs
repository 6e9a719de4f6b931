//! The only place that talks to the PDF library: pages of positioned text
//! runs with their font facts, the outline and the page labels.

use std::collections::{HashMap, HashSet};

use pdf_oxide::extractors::PageLabelExtractor;
use pdf_oxide::layout::TextChar;
use pdf_oxide::PdfDocument;

/// A run of text in one font, in page space with y growing downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Top and bottom of the run's box (y down from the page top).
    pub top: f32,
    pub bottom: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub mono: bool,
    /// A sans-serif face (a heading set apart from a serif body by its family).
    pub sans: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The page's label where the PDF defines page labels.
    pub label: Option<String>,
    pub width: f32,
    pub height: f32,
    pub runs: Vec<Run>,
}

/// An outline entry: title and depth (1 = top).
pub type OutlineEntry = (String, u8);

pub struct Pdf {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    /// Pages the library could not read (index, reason).
    pub unread: Vec<(usize, String)>,
    /// The title the document information dictionary gives, if any.
    pub info_title: Option<String>,
}

/// The document information dictionary's `/Title`, decoded (UTF-16 with its
/// byte-order mark, else PDFDocEncoding, read as Latin-1).
fn info_title(doc: &PdfDocument) -> Option<String> {
    let info = doc.trailer().as_dict()?.get("Info")?;
    let info = doc.resolve_object(info).ok()?;
    let title = doc.resolve_object(info.as_dict()?.get("Title")?).ok()?;
    let bytes = title.as_string()?;
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let text = match bytes {
        [0xFE, 0xFF, ..] => utf16(true),
        [0xFF, 0xFE, ..] => utf16(false),
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Reads every page; `progress(done, total)` is called after each.
pub fn read(bytes: Vec<u8>, progress: &mut dyn FnMut(usize, usize)) -> Result<Pdf, String> {
    let doc = PdfDocument::from_bytes(bytes).map_err(|e| format!("not a readable PDF: {e}"))?;
    let count = doc
        .page_count()
        .map_err(|e| format!("cannot count pages: {e}"))?;
    let labels = PageLabelExtractor::extract(&doc).unwrap_or_default();
    let mut pages = Vec::with_capacity(count);
    let mut unread = Vec::new();
    for i in 0..count {
        let label = (!labels.is_empty()).then(|| PageLabelExtractor::get_label(&labels, i));
        let (x0, y0, x1, y1) = doc
            .get_page_media_box(i)
            .unwrap_or((0.0, 0.0, 612.0, 792.0));
        let (width, height) = ((x1 - x0).abs(), (y1 - y0).abs());
        let runs = match doc.extract_chars(i) {
            Ok(chars) => words(&chars, y0.min(y1), height),
            Err(e) => {
                unread.push((i, e.to_string()));
                Vec::new()
            }
        };
        pages.push(Page {
            label,
            width,
            height,
            runs,
        });
        progress(i + 1, count);
    }
    restore_ligatures(&mut pages);
    let mut outline = Vec::new();
    if let Ok(Some(items)) = doc.get_outline() {
        flatten(&items, 1, &mut outline);
    }
    Ok(Pdf {
        pages,
        outline,
        unread,
        info_title: info_title(&doc),
    })
}

fn flatten(items: &[pdf_oxide::outline::OutlineItem], depth: u8, out: &mut Vec<OutlineEntry>) {
    for item in items {
        out.push((item.title.clone(), depth));
        if depth < 8 {
            flatten(&item.children, depth + 1, out);
        }
    }
}

/// Bold, italic, mono and sans-serif, as the font's name says.
fn font_flags(name: &str, monospace: bool) -> (bool, bool, bool, bool) {
    let name = name.to_ascii_lowercase();
    // The subset tag (`ABCDEF+`) is no part of the name.
    let name = name.split_once('+').map_or(name.as_str(), |(_, n)| n);
    // The name is the evidence: some PDFs declare every font bold. Small
    // capitals set headings apart the way bold does; URW's Type 1 fonts
    // (NimbusRomNo9L-Medi, -ReguItal) name their bold "Medi" and their italic "Ital".
    // TeX's Computer Modern and EC fonts say bold extended as `bx`
    // (CMSSBX10, SFBX1200) and sans bold extended as `sx` (SFSX1000).
    let tex = ["cm", "sf", "ec", "lm"].iter().any(|p| name.starts_with(p));
    let bold = [
        "bold",
        "-medi",
        "medium",
        "black",
        "heavy",
        "demi",
        "cmb10",
        "-bd",
        "semibold",
        "cmcsc",
        "smallcaps",
        "-sc",
    ]
    .iter()
    .any(|m| name.contains(m))
        || tex && (name.contains("bx") || name.starts_with("sfsx"));
    let italic = ["ital", "oblique", "cmti", "cmsl", "slant"]
        .iter()
        .any(|m| name.contains(m));
    let mono = monospace
        || [
            "mono",
            "courier",
            "cmtt",
            "typewriter",
            "consol",
            "inconsolata",
            "sfmono",
            "cursor",
        ]
        .iter()
        .any(|m| name.contains(m))
        // TeX's short names of typewriter faces: EC and TC (`SFTT0800`,
        // `ectt1000`), Computer Modern's slanted and italic ones, Latin
        // Modern, txfonts (`t1xtt`), Courier (`pcrr8t`), Inconsolata (`zi4r`).
        || ["sftt", "sfst", "ectt", "tctt", "cmsltt", "cmitt", "lmtt", "pcr", "ucr", "qcr", "zi4"]
            .iter()
            .any(|p| name.starts_with(p))
        || name.contains("xtt");
    let sans = !mono
        && ([
            "sans",
            "helvetica",
            "arial",
            "nimbussan",
            "verdana",
            "frutiger",
            "futura",
            "heros",
            "biolinum",
            "myriad",
            "univers",
            "avantgarde",
        ]
        .iter()
        .any(|m| name.contains(m))
            // TeX's short names: Helvetica (`phvr8t`, URW's `uhvr8a`), TeX Gyre Heros (`qhvr`).
            || ["cmss", "lmss", "sfss", "sfsx", "sfsi", "phv", "uhv", "qhv"]
                .iter()
                .any(|p| name.starts_with(p)));
    (bold, italic, mono, sans)
}

/// The combining mark of a spacing accent as TeX sets it (`\'o` is `´`
/// placed over `o`).
fn combining(accent: char) -> Option<char> {
    Some(match accent {
        '´' | '\u{2ca}' => '\u{301}',
        '`' | '\u{2cb}' => '\u{300}',
        // `^` and `~` of code are characters of their own; only their
        // modifier forms are accents.
        '¨' => '\u{308}',
        'ˆ' => '\u{302}',
        '˜' => '\u{303}',
        '¸' => '\u{327}',
        'ˇ' => '\u{30c}',
        '˘' => '\u{306}',
        '¯' | 'ˉ' => '\u{304}',
        '˚' => '\u{30a}',
        '˙' => '\u{307}',
        '˝' => '\u{30b}',
        '˛' => '\u{328}',
        _ => return None,
    })
}

/// A letter with an accent put on it, composed (Unicode NFC): `´` over a
/// dotless `ı` is `í`. None where no single character is both.
fn compose(base: char, accent: char) -> Option<char> {
    let mark = combining(accent)?;
    let base = match base {
        'ı' => 'i',
        'ȷ' => 'j',
        c => c,
    };
    unicode_normalization::char::compose(base, mark)
}

/// Whether a text accent sits over a letter: the same font (a formula's
/// accent comes from another font than its letter), its middle within the
/// letter, its baseline near the letter's (raised a little over a capital).
fn over(accent: &TextChar, base: &TextChar) -> bool {
    let mid = accent.bbox.x + accent.bbox.width.abs() / 2.0;
    let size = base.font_size.max(1.0);
    let slack = 0.1 * size;
    base.char.is_alphabetic()
        && accent.font_name == base.font_name
        && (accent.origin_y - base.origin_y).abs() < 0.35 * size
        && mid >= base.bbox.x - slack
        && mid <= base.bbox.x + base.bbox.width.abs() + slack
}

/// The characters with each spacing accent set over a letter composed into
/// that letter, the accent itself dropped. TeX puts the accent right before
/// its letter; some fonts (small capitals) draw a word's accents after
/// its letters, so the letter is looked for among the nearest characters.
fn composed(chars: &[TextChar]) -> Vec<(char, &TextChar)> {
    let mut letters: Vec<char> = chars.iter().map(|c| c.char).collect();
    let mut dropped = vec![false; chars.len()];
    for (i, c) in chars.iter().enumerate() {
        if combining(c.char).is_none() {
            continue;
        }
        let near = (1..=40).flat_map(|d| [i.checked_add(d), i.checked_sub(d)]);
        let base = near
            .flatten()
            .filter(|&j| j < chars.len() && !dropped[j])
            // A grave accent is also the backquote of code: only right before its letter.
            .filter(|&j| c.char != '`' || j == i + 1)
            .find(|&j| over(c, &chars[j]));
        if let Some(j) = base {
            if let Some(ch) = compose(letters[j], c.char) {
                letters[j] = ch;
                dropped[i] = true;
            }
        }
    }
    chars
        .iter()
        .zip(letters)
        .zip(dropped)
        .filter(|(_, d)| !d)
        .map(|((c, ch), _)| (ch, c))
        .collect()
}

/// Stand-ins for a ligature glyph the library read as its first letter (a
/// font naming its glyphs `f_i`, `f_f_i` gives `f`): two letters wide and
/// three letters wide. [`restore_ligatures`] spells them out.
const LIGATURE_OF_TWO: char = '\u{E000}';
const LIGATURE_OF_THREE: char = '\u{E001}';

/// An `f` drawn half again as wide as the narrowest `f` of its font and size
/// on the page is a ligature cut to its first letter; its stand-in says how
/// many letters wide it is. An `f` the library already spelled a ligature
/// with (`f` then `i`) is none. Fonts the library cannot name (Type 3)
/// share one name, so their widths say nothing; monospace has no ligatures.
fn widened_ligatures(chars: &[(char, &TextChar)]) -> Vec<char> {
    let key = |c: &TextChar| (c.font_name.clone(), (c.font_size * 10.0).round() as i32);
    let named =
        |c: &TextChar| !c.is_monospace && !c.font_name.is_empty() && c.font_name != "Unknown";
    let mut plain: HashMap<(String, i32), f32> = HashMap::new();
    for (_, c) in chars.iter().filter(|(ch, c)| {
        // No `f` is narrower than a fifth of its size: narrower is no glyph's width.
        *ch == 'f' && c.font_size > 0.0 && c.bbox.width > 0.2 * c.font_size && named(c)
    }) {
        let w = plain.entry(key(c)).or_insert(f32::MAX);
        *w = w.min(c.bbox.width);
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, &(ch, c))| {
            // The next letter drawn inside the `f`'s box is the ligature's own.
            let spelled = chars.get(i + 1).is_some_and(|(n, next)| {
                "fil".contains(*n) && next.bbox.x < c.bbox.x + c.bbox.width - 0.2 * c.font_size
            });
            let Some(&f) = plain.get(&key(c)).filter(|_| ch == 'f' && !spelled) else {
                return ch;
            };
            match c.bbox.width / f {
                r if r >= 2.3 => LIGATURE_OF_THREE,
                r if r >= 1.5 => LIGATURE_OF_TWO,
                _ => ch,
            }
        })
        .collect()
}

/// The ligature a stand-in most likely is, by the letter after it, where
/// no spelling is a word the document writes: `fl` before `o` and `u`
/// (flow, influence), else `fi`, the commonest.
fn likely_ligature(stand_in: char, next: Option<char>) -> &'static str {
    match (stand_in, next) {
        (LIGATURE_OF_THREE, _) => "ffi",
        (_, Some('o' | 'u')) => "fl",
        _ => "fi",
    }
}

/// Spells out the ligature stand-ins: in each word, the ligatures that make
/// a word the document writes elsewhere, else the likeliest.
fn restore_ligatures(pages: &mut [Page]) {
    let stand_in = |c: char| c == LIGATURE_OF_TWO || c == LIGATURE_OF_THREE;
    let runs = || pages.iter().flat_map(|p| &p.runs);
    if !runs().any(|r| r.text.chars().any(stand_in)) {
        return;
    }
    let vocab: HashSet<String> = runs()
        .flat_map(|r| r.text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let spell = |word: &str| -> String {
        let chars: Vec<char> = word.chars().collect();
        let mut spellings = vec![String::new()];
        for (i, &c) in chars.iter().enumerate() {
            let options: &[&str] = match c {
                LIGATURE_OF_TWO => &["fi", "fl", "ff"],
                LIGATURE_OF_THREE => &["ffi", "ffl"],
                _ => &[],
            };
            spellings = if options.is_empty() {
                spellings
                    .into_iter()
                    .map(|s| s + c.encode_utf8(&mut [0; 4]))
                    .collect()
            } else {
                // The likeliest first, so it is the one kept where none is known.
                let likely = likely_ligature(c, chars.get(i + 1).copied());
                let ordered =
                    std::iter::once(likely).chain(options.iter().copied().filter(|o| *o != likely));
                let ordered: Vec<&str> = ordered.collect();
                spellings
                    .iter()
                    .flat_map(|s| ordered.iter().map(move |o| format!("{s}{o}")))
                    .take(64)
                    .collect()
            };
        }
        let known = spellings.iter().find(|s| vocab.contains(&s.to_lowercase()));
        known.unwrap_or(&spellings[0]).clone()
    };
    for run in pages.iter_mut().flat_map(|p| &mut p.runs) {
        if !run.text.chars().any(stand_in) {
            continue;
        }
        let mut text = String::with_capacity(run.text.len() + 4);
        let mut word = String::new();
        for c in run.text.chars().chain(std::iter::once(' ')) {
            if c.is_alphabetic() || stand_in(c) {
                word.push(c);
                continue;
            }
            text.push_str(&if word.chars().any(stand_in) {
                spell(&word)
            } else {
                word.clone()
            });
            word.clear();
            text.push(c);
        }
        text.pop();
        run.text = text;
    }
}

/// Characters grouped into words: a word ends at a space, a gap, a change of
/// font or size, or a change of baseline (a raised footnote marker).
fn words(chars: &[TextChar], page_y0: f32, height: f32) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut open = false;
    let mut last: Option<&TextChar> = None;
    let chars = composed(chars);
    let letters = widened_ligatures(&chars);
    for (ch, (_, c)) in letters.into_iter().zip(chars) {
        let b = &c.bbox;
        let ok = [b.x, b.y, b.width, c.font_size, c.origin_y]
            .iter()
            .all(|v| v.is_finite());
        if !ok || ch.is_whitespace() || ch.is_control() || c.rotation_degrees.abs() > 1.0 {
            open = false;
            continue;
        }
        let size = if c.font_size > 0.0 {
            c.font_size
        } else {
            b.height.abs()
        };
        let baseline = height - (c.origin_y - page_y0);
        let continues = open
            && last.is_some_and(|p| {
                p.font_name == c.font_name
                    && (p.font_size - c.font_size).abs() < 0.05
                    && (p.origin_y - c.origin_y).abs() < 0.3
                    && b.x >= p.bbox.x
                    && b.x - (p.bbox.x + p.bbox.width) < 0.1 * size
            });
        if continues {
            if let Some(r) = out.last_mut() {
                r.text.push(ch);
                r.x1 = r.x1.max(b.x + b.width.abs());
            }
        } else {
            let (bold, italic, mono, sans) = font_flags(&c.font_name, c.is_monospace);
            out.push(Run {
                text: ch.to_string(),
                x0: b.x,
                x1: b.x + b.width.abs(),
                top: baseline - size * 0.75,
                bottom: baseline,
                size,
                bold,
                italic: italic || c.is_italic,
                mono,
                sans,
            });
        }
        open = true;
        last = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_oxide::layout::TextChar;

    /// A character of the font `F` at size 10, `w` wide at `x` on the baseline `y`.
    fn ch(c: char, x: f32, w: f32, y: f32) -> TextChar {
        let mut t = TextChar {
            char: c,
            font_name: "F".into(),
            font_size: 10.0,
            origin_y: y,
            ..TextChar::default()
        };
        t.bbox.x = x;
        t.bbox.width = w;
        t
    }

    fn text(chars: &[TextChar]) -> String {
        composed(chars).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn accents_over_letters_compose_wherever_the_stream_puts_them() {
        // TeX: the accent right before its letter (`c´odigo`).
        let word = [
            ch('c', 0.0, 5.0, 100.0),
            ch('´', 5.0, 5.0, 100.0),
            ch('o', 5.0, 5.0, 100.0),
            ch('d', 10.0, 5.0, 100.0),
        ];
        assert_eq!(text(&word), "cód");
        // Small capitals: the word's letters first, its accents after them.
        let word = [
            ch('p', 0.0, 5.0, 100.0),
            ch('a', 5.0, 5.0, 100.0),
            ch('g', 10.0, 5.0, 100.0),
            ch('ı', 15.0, 3.0, 100.0),
            ch('´', 5.5, 4.0, 100.0),
            ch('´', 14.5, 4.0, 100.0),
        ];
        assert_eq!(text(&word), "págí");
        // An accent of another font (a formula's hat) or on another
        // baseline stays where it is.
        let mut hat = ch('ˆ', 5.0, 5.0, 100.0);
        hat.font_name = "M".into();
        let other = [ch('a', 5.0, 5.0, 100.0), hat, ch('˜', 5.0, 5.0, 112.0)];
        assert_eq!(text(&other), "aˆ˜");
    }

    #[test]
    fn font_names_say_bold_italic_mono_and_sans() {
        // (name, (bold, italic, mono, sans))
        let cases = [
            ("PHSIWX+NimbusRomNo9L-Regu", (false, false, false, false)),
            ("EGFPFT+NimbusRomNo9L-Medi", (true, false, false, false)),
            ("IXFLOW+NimbusRomNo9L-ReguItal", (false, true, false, false)),
            ("NimbusRomNo9L-MediItal", (true, true, false, false)),
            ("ABCDEF+CMBX12", (true, false, false, false)),
            ("ABCDEF+CMTT10", (false, false, true, false)),
            // Computer Modern sans bold extended: bold and sans.
            ("YPZDQV+CMSSBX10", (true, false, false, true)),
            ("NXORJE+LMSans12-Regular", (false, false, false, true)),
            ("ABCDEF+SFBX1200", (true, false, false, false)),
            // EC roman is no sans face; a subset tag with `BX` in it is no bold.
            ("ABXDEF+SFRM1000", (false, false, false, false)),
            ("QBXABC+NimbusSanL-Regu", (false, false, false, true)),
            ("JCODQU+TeXGyreHeros-Italic", (false, true, false, true)),
            ("BXTZKV+SFTT0800", (false, false, true, false)),
            ("YRYRNZ+t1xtt", (false, false, true, false)),
            ("PNWQAH+TeXGyreTermes-Bold", (true, false, false, false)),
            ("ABCDEF+phvb8t", (false, false, false, true)),
        ];
        for (name, flags) in cases {
            assert_eq!(font_flags(name, false), flags, "{name}");
        }
    }

    #[test]
    fn a_spacing_accent_composes_with_its_letter() {
        assert_eq!(compose('o', '´'), Some('ó'));
        assert_eq!(compose('ı', '´'), Some('í'));
        assert_eq!(compose('n', '˜'), Some('ñ'));
        assert_eq!(compose('u', '¨'), Some('ü'));
        assert_eq!(compose('c', '¸'), Some('ç'));
        // No letter is both: the two stay apart.
        assert_eq!(compose('q', '¸'), None);
        assert_eq!(compose('o', 'x'), None);
    }

    #[test]
    fn a_ligature_read_as_its_first_letter_is_found_by_its_width() {
        // `of`, then `file` set with a ligature the library read as `f`,
        // then `fi` the library spelled out, the `i` inside the `f`'s box.
        let chars = [
            ch('o', 0.0, 5.0, 100.0),
            ch('f', 5.0, 3.0, 100.0),
            ch('f', 20.0, 5.6, 100.0),
            ch('l', 25.6, 2.7, 100.0),
            ch('e', 28.3, 4.4, 100.0),
            ch('f', 40.0, 5.6, 100.0),
            ch('i', 42.8, 2.8, 100.0),
            ch('f', 50.0, 8.4, 100.0),
        ];
        let pairs: Vec<(char, &TextChar)> = chars.iter().map(|c| (c.char, c)).collect();
        let got: String = widened_ligatures(&pairs).into_iter().collect();
        assert_eq!(got, format!("of{LIGATURE_OF_TWO}lefi{LIGATURE_OF_THREE}"));
        // A font that gives no size gives no width to measure by.
        let sizeless: Vec<TextChar> = [ch('f', 0.0, 0.1, 100.0), ch('f', 5.0, 3.0, 100.0)]
            .into_iter()
            .map(|c| TextChar {
                font_size: 0.0,
                ..c
            })
            .collect();
        let pairs: Vec<(char, &TextChar)> = sizeless.iter().map(|c| (c.char, c)).collect();
        assert_eq!(widened_ligatures(&pairs), ['f', 'f']);
    }

    #[test]
    fn a_cut_ligature_is_spelled_as_the_paper_writes_the_word_else_the_likeliest() {
        let run = |text: &str| Run {
            text: text.replace('2', "\u{E000}").replace('3', "\u{E001}"),
            x0: 0.0,
            x1: 10.0,
            top: 0.0,
            bottom: 10.0,
            size: 10.0,
            bold: false,
            italic: false,
            mono: false,
            sans: false,
        };
        let mut pages = vec![Page {
            runs: ["effect", "e2ect", "2le", "2ow,", "O3cial", "(2nal)"]
                .map(run)
                .to_vec(),
            ..Page::default()
        }];
        restore_ligatures(&mut pages);
        let texts: Vec<&str> = pages[0].runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            ["effect", "effect", "file", "flow,", "Official", "(final)"]
        );
    }
}
