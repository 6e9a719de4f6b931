//! Figures as one passage with links to them from the text (and to their
//! charts), and the charts view's "Most mentioned" rows opening cards; on
//! the bundled paper, keys through the key map.

use std::sync::OnceLock;

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::charts::{ChartRef, ChartsFocus};
use casebook::corpus::Source;
use casebook::model::PassageKind;
use casebook::study::Study;
use casebook::views::links::{self, Link};
use casebook::views::peek::PeekTarget;
use casebook::views::Overlay;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::support::keys::press;

fn study() -> &'static Study {
    static STUDY: OnceLock<Study> = OnceLock::new();
    STUDY.get_or_init(|| Study::open(&Source::Bundled).expect("bundled case study loads"))
}

fn app(w: u16, h: u16) -> App<'static> {
    let mut app = App::new(study(), UiOptions::default());
    update(&mut app, Msg::Resize(Rect::new(0, 0, w, h)));
    app
}

fn screen(app: &App) -> Vec<String> {
    let mut buf = Buffer::empty(app.area);
    casebook::ui::render(buf.area, &mut buf, app);
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn passage(id: &str) -> usize {
    study().doc.passage_index(id).expect(id)
}

/// The reader on passage `id`, reached with `j` from the top.
fn on(id: &str) -> App<'static> {
    let mut a = app(80, 24);
    let target = passage(id);
    for _ in 0..400 {
        if a.cursor_passage() == Some(target) {
            return a;
        }
        press(&mut a, "j");
    }
    panic!("never reached {id}");
}

/// Enter, then `j` down the links menu to the first link `want` picks, and Enter.
fn follow(a: &mut App, want: impl Fn(&Link) -> bool) {
    let here = links::here(a);
    let at = here.iter().position(want).expect("link listed");
    press(a, "<Enter>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Links(_))));
    for _ in 0..at {
        press(a, "j");
    }
    press(a, "<Enter>");
}

#[test]
fn the_bundled_figures_are_one_passage_each_with_caption_and_source() {
    let doc = &study().doc;
    let figures: Vec<&str> = doc
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Figure)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(figures, ["p1-1.3", "p2-1.3", "p4-2.4"]);
    let two = &doc.passages[passage("p2-1.3")].text;
    assert!(
        two.starts_with("Figure 2: Comparison")
            && two.contains("cities\nSource: Created by the authors"),
        "{two}"
    );
    let names: Vec<String> = study().links.figures.iter().map(|f| f.name()).collect();
    assert_eq!(names, ["Figure 1", "Figure 2", "Figure 3"]);
}

#[test]
fn the_figure_shows_its_caption_and_source_on_lines_of_their_own() {
    let a = on("p2-1.3");
    let rows = screen(&a);
    let caption = rows
        .iter()
        .position(|r| r.contains("Figure 2: Comparison of economic growth"))
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert!(
        rows[caption + 1]
            .trim_start_matches(['▌', ' ', '│'])
            .starts_with("Source: Created"),
        "{rows:#?}"
    );
}

#[test]
fn figure_2_in_the_text_is_a_link_to_the_figure() {
    let mut a = on("p2-1.2");
    let figure = |l: &Link| matches!(l, Link::Figure(_));
    follow(&mut a, figure);
    assert!(a.overlays.is_empty(), "{:?}", a.overlays.last());
    assert_eq!(a.cursor_passage(), Some(passage("p2-1.3")));
    // Back where the link was, as with every jump.
    press(&mut a, "<C-o>");
    assert_eq!(a.cursor_passage(), Some(passage("p2-1.2")));
}

#[test]
fn figure_1_without_a_caption_is_linked_and_leads_to_its_chart() {
    let mut a = on("p1-1.2");
    let here = links::here(&a);
    let figures: Vec<usize> = here
        .iter()
        .filter_map(|l| match l {
            Link::Figure(f) => Some(study().links.figures[*f].passage),
            _ => None,
        })
        .collect();
    assert_eq!(figures, [passage("p1-1.3")]);
    let ratio = study()
        .series
        .iter()
        .position(|s| s.id == "export-ratio-2009")
        .unwrap();
    assert!(here.contains(&Link::Chart(ratio)), "{here:?}");
    follow(&mut a, |l| *l == Link::Chart(ratio));
    match a.overlays.last() {
        Some(Overlay::Charts(state)) => assert_eq!(state.chart(), ChartRef::Series(ratio)),
        other => panic!("charts not open: {other:?}"),
    }
    // The figure passage itself lists the chart too.
    let a = on("p1-1.3");
    assert!(links::here(&a).contains(&Link::Chart(ratio)));
}

#[test]
fn p_peeks_at_the_figure_among_the_passage_links() {
    let mut a = on("p2-1.1");
    let mut seen = Vec::new();
    for _ in 0..6 {
        press(&mut a, "p");
        if let Some(Overlay::Peek(peek)) = a.overlays.last() {
            seen.push(peek.target);
        }
    }
    let f = study()
        .links
        .figures
        .iter()
        .position(|f| f.passage == passage("p2-1.3"))
        .unwrap();
    assert!(seen.contains(&PeekTarget::Figure(f)), "{seen:?}");
    while !matches!(a.overlays.last(), Some(Overlay::Peek(p)) if p.target == PeekTarget::Figure(f))
    {
        press(&mut a, "p");
    }
    let rows = screen(&a).join("\n");
    assert!(
        rows.contains("Figure 2") && rows.contains("Source: Created"),
        "{rows}"
    );
    press(&mut a, "<Enter>");
    assert_eq!(a.cursor_passage(), Some(passage("p2-1.3")));
}

/// Rows of the "Most mentioned" box as drawn: the text between its borders.
fn most_mentioned_rows(rows: &[String]) -> Vec<String> {
    let top = rows
        .iter()
        .position(|r| r.contains("Most mentioned"))
        .expect("Most mentioned shown");
    let start = rows[top].find("Most mentioned").unwrap();
    let left = rows[top][..start].rfind(['┌', '+']).expect("box corner");
    let column = rows[top][..left].chars().count();
    rows[top + 1..]
        .iter()
        .take_while(|r| !r.chars().nth(column).is_some_and(|c| c == '└' || c == '+'))
        .map(|r| {
            let inside: String = r.chars().skip(column + 1).collect();
            inside.trim_end_matches([' ', '│', '|', '┘']).to_string()
        })
        .collect()
}

#[test]
fn most_mentioned_rows_are_selected_with_list_keys_and_enter_opens_the_card() {
    let mut a = app(80, 24);
    press(&mut a, "c");
    // Figures 2 and 3 are not charted, and the status line says so.
    assert_eq!(
        a.message.as_deref(),
        Some("No chart for Figure 2, Figure 3 (no numbers in the text)")
    );
    press(&mut a, "<Tab>");
    match a.overlays.last() {
        Some(Overlay::Charts(state)) => assert_eq!(state.focus, ChartsFocus::Mentioned),
        other => panic!("{other:?}"),
    }
    press(&mut a, "j j G g j <Enter>");
    let second = study().most_mentioned()[1];
    match a.overlays.last() {
        Some(Overlay::Entity(_)) => assert_eq!(a.current_entity, Some(second)),
        other => panic!("no card: {other:?}"),
    }
    // Esc goes back to the charts, on the same row.
    press(&mut a, "<Esc>");
    match a.overlays.last() {
        Some(Overlay::Charts(state)) => assert_eq!(state.mentioned.selected(), Some(1)),
        other => panic!("{other:?}"),
    }
    // Tab again: j moves the chart's points, not the rows.
    press(&mut a, "<Tab> j");
    match a.overlays.last() {
        Some(Overlay::Charts(state)) => {
            assert_eq!(state.focus, ChartsFocus::Chart);
            assert_eq!(state.mentioned.selected(), Some(1));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn most_mentioned_names_are_readable_at_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "c <Tab>");
    let rows = most_mentioned_rows(&screen(&a));
    assert!(rows.len() >= 5, "{rows:#?}");
    let order = study().most_mentioned();
    for (row, &e) in rows.iter().zip(&order) {
        let name = &study().catalog.entities[e].name;
        let shown = row.trim_start_matches(['▶', '>', ' ']);
        // The whole name, or at least 24 columns of it.
        let want: String = name.chars().take(24).collect();
        assert!(shown.starts_with(&want), "{row:?} for {name:?}");
    }
    // The selection is marked by a character, not by colour alone, and
    // only the list's title carries the focus marker.
    assert!(rows[0].starts_with('▶'), "{rows:#?}");
    let titles = screen(&a).join("\n");
    assert!(
        titles.contains("▶ Most mentioned") && !titles.contains("▶ Timeline"),
        "{titles}"
    );
}

#[test]
fn export_json_lists_figures_and_the_links_to_them() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["export", "--format", "json"])
        .env_remove("CASEBOOK_CORPUS")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let figures = v["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 3);
    assert_eq!(figures[1]["name"], "Figure 2");
    assert_eq!(figures[1]["passage"], "p2-1.3");
    let links = v["figure_links"].as_array().unwrap();
    let to_two: Vec<&str> = links
        .iter()
        .filter(|l| l["target"] == "p2-1.3")
        .map(|l| l["passage"].as_str().unwrap())
        .collect();
    assert_eq!(to_two, ["p2-1.1", "p2-1.2"]);
    assert!(links.iter().all(|l| !l["target"].is_null()), "{links:#?}");
    // The paper's figures are listed once, not again under every entity.
    let entities = v["entities"].as_array().unwrap();
    assert!(entities
        .iter()
        .all(|e| e.get("figures").is_none() && e.get("figure_links").is_none()));
}
