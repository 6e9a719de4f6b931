//! The bytes the backend writes, cell by cell and frame by frame.

use super::*;
use ratatui::style::Modifier;

fn cell(symbol: &'static str, fg: Color, modifier: Modifier) -> Cell {
    let mut c = Cell::new(symbol);
    c.fg = fg;
    c.modifier = modifier;
    c
}

fn frame(b: &mut FrameBackend<Vec<u8>>, cells: &[(u16, u16, Cell)]) -> String {
    b.draw(cells.iter().map(|(x, y, c)| (*x, *y, c))).unwrap();
    b.flush().unwrap();
    String::from_utf8(std::mem::take(&mut b.out)).unwrap()
}

#[test]
fn moves_and_renditions_only_where_needed_across_frames() {
    let mut b = FrameBackend::new(Vec::new());
    let none = Modifier::empty();
    let red = |s| cell(s, Color::Red, none);
    let first = [(0, 0, red("a")), (1, 0, red("b")), (5, 2, red("c"))];
    assert_eq!(frame(&mut b, &first), "\x1b[1H\x1b[0;31mab\x1b[3;6Hc");
    // The cursor and the rendition carry over to the next frame.
    let bold = cell("d", Color::Red, Modifier::BOLD);
    let plain = cell("e", Color::Reset, none);
    let next = [(6, 2, bold), (7, 2, plain)];
    assert_eq!(frame(&mut b, &next), "\x1b[1md\x1b[me");
    // After a wide character the column is not assumed.
    let wide = [(0, 1, red("大")), (2, 1, red("x"))];
    assert_eq!(frame(&mut b, &wide), "\x1b[2H\x1b[31m大\x1b[2;3Hx");
}

#[test]
fn erasing_and_scrolling_use_the_default_background() {
    let mut b = FrameBackend::new(Vec::new());
    b.clear().unwrap();
    b.flush().unwrap();
    let out = String::from_utf8(std::mem::take(&mut b.out)).unwrap();
    assert_eq!(out, "\x1b[m\x1b[2J");
    let mut x = cell("x", Color::Blue, Modifier::REVERSED);
    x.bg = Color::Yellow;
    b.draw([(0, 0, &x)].into_iter()).unwrap();
    b.scroll_region_up(2..23, 1).unwrap();
    b.scroll_region_up(2..23, 1).unwrap();
    b.scroll_region_down(0..5, 3).unwrap();
    b.draw([(0, 0, &x)].into_iter()).unwrap();
    b.clear_region(ClearType::UntilNewLine).unwrap();
    b.flush().unwrap();
    assert_eq!(
        String::from_utf8(b.out).unwrap(),
        "\x1b[1H\x1b[7;34;43mx\x1b[49m\x1b[3;23r\x1b[S\x1b[S\x1b[1;5r\x1b[3T\
         \x1b[1H\x1b[43mx\x1b[m\x1b[K\x1b[r"
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let mut b = FrameBackend::new(Vec::new());
    let none = Modifier::empty();
    let cells = [
        (0, 0, cell("\x1b", Color::Reset, none)),
        (1, 0, cell("e\u{9b}", Color::Reset, none)),
        (2, 0, cell("\u{202e}", Color::Reset, none)),
    ];
    assert_eq!(frame(&mut b, &cells), "\x1b[1H\x1b[m e ");
    assert_eq!(b.repaired, 3);
}

#[test]
fn a_frame_goes_out_in_one_write_on_flush() {
    struct Writes(Vec<usize>);
    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.push(buf.len());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut b = FrameBackend::new(Writes(Vec::new()));
    b.queue_modes("\x1b[?1049h");
    b.clear().unwrap();
    b.scroll_region_up(0..3, 1).unwrap();
    let c = cell("x", Color::Green, Modifier::empty());
    b.draw([(3, 1, &c), (4, 1, &c)].into_iter()).unwrap();
    b.hide_cursor().unwrap();
    assert!(b.out.0.is_empty());
    b.flush().unwrap();
    b.flush().unwrap();
    assert_eq!(b.out.0.len(), 1);
}
