//! The charts never panic: any text for the year scanner and the quote
//! reader, any screen size and selection for the view.

use crate::support::charts as charts_common;

use std::path::Path;

use casebook::charts::quantity::quote_quantity;
use casebook::charts::series;
use casebook::charts::spark::Glyphs;
use casebook::charts::timeline::{years_in, Timeline};
use casebook::charts::ChartsState;
use casebook::ui::charts::ChartsView;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

proptest! {
    #[test]
    fn scanners_accept_any_text(text in "(\\PC|[0-9 ,.–(-]){0,80}") {
        for y in years_in(&text) {
            prop_assert!((1900..=2099).contains(&y));
        }
        let _ = quote_quantity(&text);
    }

    #[test]
    fn view_draws_at_any_size_and_selection(
        w in 0u16..120, h in 0u16..40, moves in proptest::collection::vec(0u8..6, 0..30),
        ascii in any::<bool>(),
    ) {
        let doc = charts_common::paper();
        let timeline = Timeline::build(&doc);
        let all = series::parse(Path::new("s"), charts_common::SERIES).unwrap();
        let entities = charts_common::entities();
        let mut state = ChartsState::new(&timeline, &all, &doc);
        for m in moves {
            match m {
                0 => state.next_chart(),
                1 => state.prev_chart(),
                2 => state.next_point(),
                3 => state.prev_point(),
                4 => state.next_target(),
                _ => state.prev_target(),
            }
            let target = state.selected_target();
            prop_assert!(target.is_none_or(|t| t < doc.passages.len()));
        }
        let glyphs = if ascii { Glyphs::Ascii } else { Glyphs::Unicode };
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        ChartsView { doc: &doc, timeline: &timeline, series: &all, entities: &entities, state: &state, glyphs }
            .render(buf.area, &mut buf);
        if ascii {
            let all_ascii = buf.content().iter().all(|c| c.symbol().is_ascii());
            prop_assert!(all_ascii);
        }
    }
}
