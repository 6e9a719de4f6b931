//! The reader's comforts on the bundled paper, keys through the key map:
//! search that reads on in the text with a history, marks, links peeked in
//! turn, the measure, the breadcrumb, pages, the mouse, forward in the jump
//! list, and optional files with problems set aside.

use std::sync::OnceLock;

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::{Effect, Msg};
use casebook::corpus::Source;
use casebook::model::Meta;
use casebook::positions::Marks;
use casebook::search::history::{path_in, SearchHistory};
use casebook::storage::Storage;
use casebook::study::Study;
use casebook::views::peek::PeekTarget;
use casebook::views::Overlay;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::support::keys::{press, type_text};

fn study() -> &'static Study {
    static STUDY: OnceLock<Study> = OnceLock::new();
    STUDY.get_or_init(|| Study::open(&Source::Bundled).expect("bundled case study loads"))
}

fn sized<'s>(study: &'s Study, options: UiOptions, w: u16, h: u16) -> App<'s> {
    let mut app = App::new(study, options);
    update(&mut app, Msg::Resize(Rect::new(0, 0, w, h)));
    app
}

fn app() -> App<'static> {
    sized(study(), UiOptions::default(), 80, 24)
}

fn screen(app: &App) -> Vec<String> {
    let mut buf = Buffer::empty(app.area);
    casebook::ui::render(buf.area, &mut buf, app);
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn storage(dir: &std::path::Path) -> Storage {
    let case = study().meta.id.clone();
    Storage::new(None, Some((dir.to_path_buf(), case)), &[])
}

#[test]
fn enter_in_search_reads_on_in_the_text_and_ctrl_e_opens_the_entity() {
    let mut a = app();
    press(&mut a, "/");
    type_text(&mut a, "dhc");
    press(&mut a, "<Enter>");
    assert!(a.overlays.is_empty(), "no card: {:?}", a.overlays.last());
    let p = a.cursor_passage().expect("in the text");
    assert!(study().doc.passages[p].text.contains("DHC"));

    press(&mut a, "/ <C-u>");
    type_text(&mut a, "dhc");
    press(&mut a, "<C-e>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Entity(_))));
}

#[test]
fn the_query_outlives_esc_for_n() {
    let mut a = app();
    press(&mut a, "/");
    type_text(&mut a, "dalian");
    press(&mut a, "<Esc> n");
    let message = a.message.clone().unwrap_or_default();
    assert!(message.contains("“dalian”: "), "{message}");
    let first = a.cursor_passage();
    press(&mut a, "n");
    assert_ne!(a.cursor_passage(), first, "n moves on");
}

#[test]
fn up_and_down_recall_queries_of_earlier_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = storage(dir.path());
    {
        let mut a = app();
        for query in ["nec", "liujun"] {
            press(&mut a, "/ <C-u>");
            type_text(&mut a, query);
            for effect in press(&mut a, "<Enter>") {
                assert_eq!(effect, Effect::SaveSearchHistory);
                assert!(matches!(
                    store.perform(&a, &effect),
                    Some(Msg::Stored(Ok(())))
                ));
            }
        }
    }
    // The next session.
    let mut a = app();
    a.search_history = SearchHistory::load(&path_in(dir.path())).unwrap();
    let query = |a: &App| match a.overlays.last() {
        Some(Overlay::Search(s)) => s.query.clone(),
        other => panic!("{other:?}"),
    };
    press(&mut a, "/");
    type_text(&mut a, "dra");
    press(&mut a, "<Up>");
    assert_eq!(query(&a), "liujun");
    press(&mut a, "<Up>");
    assert_eq!(query(&a), "nec");
    press(&mut a, "<Up>");
    assert_eq!(query(&a), "nec", "nothing older");
    press(&mut a, "<Down> <Down>");
    assert_eq!(query(&a), "dra", "the draft comes back");
}

/// Every footnote and citation of a passage, one per press of `p`.
#[test]
fn p_steps_through_the_passage_links() {
    let mut a = app();
    let peeked = |a: &App| match a.overlays.last() {
        Some(Overlay::Peek(p)) => Some(p.target),
        _ => None,
    };
    for _ in 0..400 {
        press(&mut a, "p");
        let Some(first) = peeked(&a) else {
            press(&mut a, "j");
            continue;
        };
        press(&mut a, "p");
        let second = peeked(&a).expect("still peeking");
        if second == first {
            // One link only: p goes round to it.
            press(&mut a, "<Esc> j");
            continue;
        }
        let mut seen: Vec<PeekTarget> = vec![first, second];
        while let Some(t) = {
            press(&mut a, "p");
            peeked(&a)
        } {
            if t == first {
                break;
            }
            seen.push(t);
        }
        assert!(seen.len() >= 2);
        let mut unique = seen.clone();
        unique.dedup();
        assert_eq!(
            unique.len(),
            seen.len(),
            "each link once per round: {seen:?}"
        );
        return;
    }
    panic!("no passage with two links to peek at");
}

#[test]
fn a_mark_is_set_with_a_letter_and_gone_back_to_across_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = storage(dir.path());
    let mut a = app();
    press(&mut a, "] ] j");
    let marked = a.view.cursor;
    let effects = press(&mut a, "M a");
    assert_eq!(effects, [Effect::SaveMarks]);
    assert!(matches!(
        store.perform(&a, &effects[0]),
        Some(Msg::Stored(Ok(())))
    ));
    press(&mut a, "G ' a");
    assert_eq!(a.view.cursor, marked);
    assert!(a.overlays.is_empty());
    press(&mut a, "' z");
    assert_eq!(a.message.as_deref(), Some("No mark 'z'"));

    let mut next = app();
    next.marks = Marks::new(dir.path()).load(&study().meta.id).0;
    press(&mut next, "'");
    assert!(screen(&next).iter().any(|l| l.contains(" a  ")), "listed");
    press(&mut next, "<Enter>");
    assert_eq!(next.view.cursor, marked);
}

#[test]
fn less_keys_mark_with_m() {
    let mut a = app();
    a.keymap = casebook::keymap::Keymap::load(Some("less"), None).unwrap();
    press(&mut a, "J J");
    let marked = a.view.cursor;
    press(&mut a, "m b > ' b");
    assert_eq!(a.view.cursor, marked);
}

#[test]
fn text_lines_keep_to_the_measure_and_the_side_pane_takes_the_rest() {
    let options = UiOptions {
        measure: 100,
        ..Default::default()
    };
    let a = sized(study(), options, 200, 50);
    let (reader, side) = (a.panes().reader.unwrap(), a.panes().side.unwrap());
    assert_eq!(a.panes().text_size().0, 100);
    assert_eq!(side.x, reader.right());
    assert_eq!(side.width, 200 - reader.width);
    for line in &screen(&a)[2..49] {
        let text: String = line
            .chars()
            .skip(2)
            .take(reader.width as usize - 2)
            .collect();
        assert!(text.trim_end().chars().count() <= 100, "{text}");
    }
}

#[test]
fn the_breadcrumb_keeps_the_current_section_at_80_columns() {
    let s = study();
    let deep = (0..s.doc.sections.len())
        .filter(|&i| s.doc.section_path(i).len() >= 3)
        .max_by_key(|&i| {
            s.doc
                .section_path(i)
                .iter()
                .map(|&j| s.doc.sections[j].heading().chars().count())
                .sum::<usize>()
        })
        .expect("a deep section");
    let mut a = app();
    a.jump_to_section(deep);
    let crumb = screen(&a)[1].trim_end().to_string();
    let current = s.doc.sections[deep].heading();
    // Shortened only at its end when even it alone is too long.
    let start: String = current.chars().take(60).collect();
    assert!(crumb.contains(&start), "{crumb:?} shows {current:?}");
}

#[test]
fn the_status_line_shows_the_page_only_when_the_paper_has_pages() {
    let meta = Meta {
        id: "paged".into(),
        title: "Paged".into(),
        authors: vec![],
        year: None,
        series: None,
        source: None,
    };
    let doc = casebook::testing::synthetic_doc(2, 3, 5);
    let n = doc.passages.len();
    let pages = (0..n).map(|i| Some(format!("{}", 11 + i))).collect();
    let paged = Study::from_parts(meta.clone(), doc.clone().with_pages(pages));
    let mut a = sized(&paged, UiOptions::default(), 80, 24);
    press(&mut a, "j");
    assert!(screen(&a)[23].contains("p. 12"), "{}", screen(&a)[23]);
    let plain = Study::from_parts(meta, doc);
    let b = sized(&plain, UiOptions::default(), 80, 24);
    assert!(!screen(&b)[23].contains("p. "), "{}", screen(&b)[23]);
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn the_wheel_scrolls_by_lines_and_a_click_focuses_a_passage() {
    let mut a = app();
    let top = a.view.top;
    update(&mut a, mouse(MouseEventKind::ScrollDown, 10, 10));
    assert_ne!(a.view.top, top);
    update(&mut a, mouse(MouseEventKind::ScrollUp, 10, 10));
    assert_eq!(a.view.top, top, "up again by as many lines");
    // A click on the last text row focuses what is drawn there.
    let rows = a.view.rows(a.pages());
    let (row, item) = rows
        .iter()
        .enumerate()
        .rev()
        .find_map(|(r, s)| s.map(|(i, _)| (r, i)))
        .unwrap();
    update(
        &mut a,
        mouse(MouseEventKind::Down(MouseButton::Left), 5, 2 + row as u16),
    );
    assert_eq!(a.view.cursor, a.study.outline.focusable_near(item).unwrap());
    // A click on the focused passage follows its links.
    update(
        &mut a,
        mouse(MouseEventKind::Down(MouseButton::Left), 5, 2 + row as u16),
    );
    assert!(!a.overlays.is_empty() || a.message.is_some());
}

#[test]
fn forward_in_the_jump_list_has_a_key_every_terminal_sends() {
    let mut a = app();
    press(&mut a, "G");
    let end = a.view.cursor;
    press(&mut a, "<C-o>");
    assert_ne!(a.view.cursor, end);
    press(&mut a, "<C-l>");
    assert_eq!(a.view.cursor, end);
}

/// The bundled case study copied, with `edit` applied to one of its files.
fn case_with(file: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dalian");
    for name in ["meta.toml", "paper.md", "entities.toml", "series.toml"] {
        let text = std::fs::read_to_string(from.join(name)).unwrap();
        let text = if name == file { edit(text) } else { text };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_stale_series_quote_sets_that_series_aside_and_the_rest_opens() {
    let dir = case_with("series.toml", |t| {
        t.replacen(
            "quote = \"over 200 million yuan\"",
            "quote = \"over 300 million yuan\"",
            1,
        )
    });
    let source = Source::Dir(dir.path().to_path_buf());
    assert!(Study::open(&source).is_err(), "check stays strict");
    let (study, warnings) = Study::open_lenient(&source).expect("opens");
    assert!(!warnings.is_empty());
    assert!(
        warnings
            .iter()
            .all(|w| w.to_string().contains("series.toml:13:")),
        "{warnings:?}"
    );
    assert_eq!(study.series.len() + 1, self::study().series.len());
    assert_eq!(study.catalog.len(), self::study().catalog.len());
}

#[test]
fn a_broken_entities_file_leaves_the_text_readable_and_listed_in_warnings() {
    let dir = case_with("entities.toml", |t| {
        t.replacen("kind = \"place\"", "kind = \"plaec\"", 1)
    });
    let source = Source::Dir(dir.path().to_path_buf());
    let (study, warnings) = Study::open_lenient(&source).expect("opens");
    assert!(!warnings.is_empty());
    assert_eq!(study.doc.passages.len(), self::study().doc.passages.len());
    let mut a = sized(&study, UiOptions::default(), 80, 24);
    a.warnings = warnings.iter().map(|w| w.to_string()).collect();
    press(&mut a, "w");
    assert!(screen(&a).iter().any(|l| l.contains("entities.toml")));
    press(&mut a, "<Esc>");
    assert!(a.overlays.is_empty());
}
