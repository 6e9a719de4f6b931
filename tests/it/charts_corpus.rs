//! The bundled case study's series and timeline, checked against its paper.

use casebook::charts::series::{self, Qualifier};
use casebook::charts::spark::Glyphs;
use casebook::charts::timeline::Timeline;
use casebook::charts::ChartsState;
use casebook::corpus::{self, CaseStudy, Source};
use casebook::ui::charts::ChartsView;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn bundled() -> CaseStudy {
    corpus::open(&Source::Bundled).expect("the bundled case study loads")
}

#[test]
fn every_series_point_names_a_passage_that_states_its_number() {
    let study = bundled();
    let file = study.series_toml.as_ref().expect("series.toml is bundled");
    let all = series::parse(&file.path, &file.text).unwrap();
    let problems: Vec<String> = series::validate(&all, &file.path, &file.text, &study.doc)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems, Vec::<String>::new());
    // The check itself must bite: a wrong value is caught.
    let wrong = file.text.replacen("value = 53.5", "value = 53.6", 1);
    let changed = series::parse(&file.path, &wrong).unwrap();
    assert_eq!(
        series::validate(&changed, &file.path, &wrong, &study.doc).len(),
        1
    );
}

#[test]
fn the_figures_the_paper_states_are_all_there() {
    let study = bundled();
    let all = series::load(study.series_toml.as_ref(), &study.doc).unwrap();
    let point = |id: &str, x: &str| {
        let s = all
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("series {id}"));
        let p = s
            .points
            .iter()
            .find(|p| p.x == x)
            .unwrap_or_else(|| panic!("{id} {x}"));
        (p.value, p.qualifier)
    };
    assert_eq!(point("dalian-sales", "1998"), (0.2, Some(Qualifier::Over)));
    assert_eq!(
        point("dalian-sales", "2009"),
        (40.27, Some(Qualifier::Over))
    );
    assert_eq!(point("dalian-sales", "2010"), (53.5, None));
    assert_eq!(
        point("dalian-exports", "2009"),
        (1.4, Some(Qualifier::Over))
    );
    assert_eq!(point("japan-offshore-orders", "2008").0, 101.1);
    assert_eq!(point("japan-offshore-orders-china", "2002").0, 9.8);
    assert_eq!(point("dxc-employees", "1992").0, 7.0);
    assert_eq!(point("dhc-employees", "2009").0, 3400.0);
    assert_eq!(point("engineer-salary-2009", "Japan").0, 54169.0);
    assert_eq!(point("it-wages-2006", "Liaoning").0, 39741.0);
    assert_eq!(point("export-ratio-2009", "China").0, 13.2);
    assert_eq!(point("sales-2010", "Other Zone tenants").0, 22.6);
}

#[test]
fn the_timeline_spans_the_years_of_the_story() {
    let study = bundled();
    let t = Timeline::build(&study.doc);
    assert_eq!(t.years.keys().next(), Some(&1964));
    assert_eq!(t.years.keys().last(), Some(&2011));
    // Publication years of cited works are not events: "Seki 1993" is a
    // citation in p2-1.1, Yida's 1993 commission (p3-2-1.1) is history, and
    // Saxenian (2004, 2006, 2008) is only ever cited.
    let ids = |year: i32| -> Vec<&str> {
        t.years[&year]
            .iter()
            .map(|&p| study.doc.passages[p].id.as_str())
            .collect()
    };
    assert_eq!(ids(1993), ["p3-2-1.1"]);
    assert!(!t.years.contains_key(&2004));
    for year in [1978, 1984, 1990, 1991, 1992, 1996, 1998, 2002, 2009, 2010] {
        assert!(t.years.contains_key(&year), "{year}");
    }
}

fn screen(study: &CaseStudy, state: &ChartsState, glyphs: Glyphs) -> String {
    let timeline = Timeline::build(&study.doc);
    let all = series::load(study.series_toml.as_ref(), &study.doc).unwrap();
    let entities = vec![casebook::ui::charts::EntityCounts {
        name: "Neusoft".to_string(),
        mentions: 12,
        passages: vec![0, 0, 9, 2, 1],
    }];
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            let view = ChartsView {
                doc: &study.doc,
                timeline: &timeline,
                series: &all,
                entities: &entities,
                state,
                glyphs,
            };
            frame.render_widget(view, frame.area());
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    (0..24)
        .map(|y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn charts_of_the_bundled_paper_at_80x24() {
    let study = bundled();
    let timeline = Timeline::build(&study.doc);
    let all = series::load(study.series_toml.as_ref(), &study.doc).unwrap();
    let mut state = ChartsState::new(&timeline, &all, &study.doc);
    for _ in 0..5 {
        state.next_point();
    }
    insta::assert_snapshot!("bundled_timeline", screen(&study, &state, Glyphs::Unicode));
    let sales = all.iter().position(|s| s.id == "sales-2010").unwrap();
    state.select_chart(sales + 1);
    state.next_point();
    let target = state.selected_target().unwrap();
    assert!(study.doc.passages[target]
        .text
        .contains("50.6 billion yuan"));
    insta::assert_snapshot!(
        "bundled_sales_2010_ascii",
        screen(&study, &state, Glyphs::Ascii)
    );
}
