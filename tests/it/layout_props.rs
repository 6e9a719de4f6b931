//! Every view draws at any size, from 0x0 to 300x100, without a panic, and
//! never writes outside the screen.

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::Source;
use casebook::keymap::Action;

use casebook::study::Study;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::sync::OnceLock;

fn study() -> &'static Study {
    static STUDY: OnceLock<Study> = OnceLock::new();
    STUDY.get_or_init(|| Study::open(&Source::Bundled).unwrap())
}

/// Action sequences that open each view.
const VIEWS: &[&[Action]] = &[
    &[],
    &[Action::SwitchPane],
    &[Action::NextSection, Action::NextPassage, Action::Open],
    &[Action::OpenToc],
    &[Action::OpenEntities],
    &[Action::OpenEntities, Action::Open],
    &[Action::OpenSearch],
    &[Action::OpenCharts, Action::NextChart],
    &[Action::OpenHelp],
    &[Action::OpenNotes],
    &[Action::Annotate],
    &[Action::Annotate, Action::Cancel],
    &[Action::GoToBottom],
    &[
        Action::NextPassage,
        Action::NextPassage,
        Action::NextPassage,
        Action::NextPassage,
        Action::NextPassage,
        Action::NextPassage,
        Action::NextPassage,
        Action::Peek,
    ],
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_view_draws_at_any_size(
        w in 0u16..=300,
        h in 0u16..=100,
        view in 0..VIEWS.len(),
        ascii in any::<bool>(),
        scroll in 0usize..40,
    ) {
        let mut app = App::new(study(), UiOptions { color: true, ascii, ..Default::default() });
        update(&mut app, Msg::Resize(Rect::new(0, 0, w, h)));
        for _ in 0..scroll {
            update(&mut app, Action::LineDown);
        }
        for &a in VIEWS[view] {
            update(&mut app, a);
        }
        // Typing into a text field and resizing afterwards must hold too.
        update(&mut app, Msg::Paste("Neusoft 大连 \u{1b}[2J".into()));
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        casebook::ui::render(buf.area, &mut buf, &app);
        let (w2, h2) = (h.saturating_mul(3) % 301, w % 101);
        update(&mut app, Msg::Resize(Rect::new(0, 0, w2, h2)));
        let mut buf = Buffer::empty(Rect::new(0, 0, w2, h2));
        casebook::ui::render(buf.area, &mut buf, &app);
    }
}
