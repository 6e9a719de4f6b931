//! The graphic rendition (SGR) a cell is drawn with, and the shortest
//! sequence that takes the terminal from one rendition to another.
//!
//! Every attribute is set or cleared by its own code, so the terminal ends
//! up in exactly the rendition asked for whatever the path there: an off code
//! that ends two attributes (22 ends bold and faint) is followed by the one
//! that must stay. Colours use the classic codes for the 16 ANSI colours
//! (30-37, 90-97, 40-47, 100-107), which the Linux console and vt100-class
//! terminals read where they ignore `38;5;N`.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// What a terminal draws with: colours and attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Pen {
    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Each attribute with its on and off codes; an off code may end several.
const ATTRIBUTES: [(Modifier, u16, u16); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

/// SGR parameters being written, separated by `;`.
pub struct Params<'a>(pub &'a mut Vec<u8>);

impl Params<'_> {
    fn push(&mut self, n: u16) {
        if !self.0.is_empty() {
            self.0.push(b';');
        }
        push_number(self.0, n);
    }
}

/// Decimal digits of `n`, without going through the formatting machinery.
pub fn push_number(out: &mut Vec<u8>, n: u16) {
    let mut digits = [0u8; 5];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Parameters that take a terminal in rendition `from` to `to`, changing
/// only what differs.
pub fn changes(from: &Pen, to: &Pen, out: &mut Params) {
    let lost = from.modifier - to.modifier;
    let mut sent = [false; 30];
    for (m, _, off) in ATTRIBUTES {
        if lost.contains(m) && !sent[usize::from(off)] {
            sent[usize::from(off)] = true;
            out.push(off);
        }
    }
    let cleared = ATTRIBUTES
        .iter()
        .filter(|(_, _, off)| sent[usize::from(*off)])
        .fold(Modifier::empty(), |all, (m, _, _)| all | *m);
    // An off code that ended a kept attribute too is followed by its on code.
    let wanted = (to.modifier - from.modifier) | (to.modifier & cleared);
    push_attributes(wanted, out);
    for (layer, old, new) in [
        (Layer::Fg, from.fg, to.fg),
        (Layer::Bg, from.bg, to.bg),
        (Layer::Underline, from.underline, to.underline),
    ] {
        if old != new {
            colour(layer, new, out);
        }
    }
}

/// Parameters that take a terminal in any rendition to `to`: a reset (`0`,
/// or nothing at all when `to` is the default) and what `to` adds to it.
pub fn from_reset(to: &Pen, out: &mut Params) {
    if *to == Pen::default() {
        return;
    }
    out.push(0);
    changes(&Pen::default(), to, out);
}

/// Bytes of the SGR sequence that takes a terminal from `from` to `to`, the
/// shorter of [`changes`] and [`from_reset`] (none when they are equal).
pub fn cost(from: &Pen, to: &Pen) -> usize {
    if from == to {
        return 0;
    }
    let (mut changed, mut reset) = (Vec::new(), Vec::new());
    changes(from, to, &mut Params(&mut changed));
    from_reset(to, &mut Params(&mut reset));
    3 + changed.len().min(reset.len())
}

fn push_attributes(modifier: Modifier, out: &mut Params) {
    for (m, on, _) in ATTRIBUTES {
        if modifier.contains(m) {
            out.push(on);
        }
    }
}

#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// One colour's parameters: classic codes for the 16 ANSI colours (the
/// underline colour has none), `5;N` for the other indexed ones, `2;r;g;b`
/// for RGB, and the layer's default code for `Color::Reset`.
fn colour(layer: Layer, c: Color, out: &mut Params) {
    let (extended, default, classic) = match layer {
        Layer::Fg => (38, 39, Some((30, 90))),
        Layer::Bg => (48, 49, Some((40, 100))),
        Layer::Underline => (58, 59, None),
    };
    let index = match c {
        Color::Reset => return out.push(default),
        Color::Rgb(r, g, b) => {
            for n in [extended, 2, r.into(), g.into(), b.into()] {
                out.push(n);
            }
            return;
        }
        Color::Indexed(n) => n,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    match classic {
        Some((normal, _)) if index < 8 => out.push(normal + u16::from(index)),
        Some((_, bright)) if index < 16 => out.push(bright + u16::from(index) - 8),
        _ => {
            for n in [extended, 5, index.into()] {
                out.push(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
        Pen {
            fg,
            bg,
            modifier,
            ..Pen::default()
        }
    }

    fn change(from: &Pen, to: &Pen) -> String {
        let mut v = Vec::new();
        changes(from, to, &mut Params(&mut v));
        String::from_utf8(v).unwrap()
    }

    fn reset(to: &Pen) -> String {
        let mut v = Vec::new();
        from_reset(to, &mut Params(&mut v));
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn the_16_colours_are_classic_codes() {
        let none = Modifier::empty();
        let p = |fg, bg| reset(&pen(fg, bg, none));
        assert_eq!(p(Color::Red, Color::Reset), "0;31");
        assert_eq!(p(Color::Indexed(1), Color::Reset), "0;31");
        assert_eq!(p(Color::LightRed, Color::Blue), "0;91;44");
        assert_eq!(p(Color::White, Color::Indexed(12)), "0;97;104");
        assert_eq!(p(Color::Gray, Color::DarkGray), "0;37;100");
        assert_eq!(p(Color::Black, Color::Indexed(15)), "0;30;107");
    }

    #[test]
    fn other_colours_are_extended_and_black_rgb_is_not_a_reset() {
        let none = Modifier::empty();
        let p = |fg, bg| reset(&pen(fg, bg, none));
        assert_eq!(p(Color::Indexed(200), Color::Reset), "0;38;5;200");
        assert_eq!(p(Color::Rgb(0, 0, 0), Color::Reset), "0;38;2;0;0;0");
        assert_eq!(p(Color::Reset, Color::Rgb(1, 2, 3)), "0;48;2;1;2;3");
        let underline = Pen {
            underline: Color::Red,
            ..Pen::default()
        };
        assert_eq!(reset(&underline), "0;58;5;1");
        assert_eq!(change(&underline, &Pen::default()), "59");
    }

    #[test]
    fn only_what_differs_is_sent() {
        let bold_red = pen(Color::Red, Color::Reset, Modifier::BOLD);
        let bold_green = pen(Color::Green, Color::Reset, Modifier::BOLD);
        assert_eq!(change(&bold_red, &bold_green), "32");
        assert_eq!(change(&Pen::default(), &bold_red), "1;31");
        assert_eq!(
            change(&bold_red, &pen(Color::Reset, Color::Reset, Modifier::BOLD)),
            "39"
        );
        let italic = pen(
            Color::Red,
            Color::Reset,
            Modifier::ITALIC | Modifier::REVERSED,
        );
        assert_eq!(change(&bold_red, &italic), "22;3;7");
        assert_eq!(reset(&Pen::default()), "");
    }

    #[test]
    fn an_off_code_that_ends_a_kept_attribute_sets_it_again() {
        let none = Color::Reset;
        let both = pen(
            none,
            none,
            Modifier::BOLD | Modifier::DIM | Modifier::REVERSED,
        );
        let bold = pen(none, none, Modifier::BOLD | Modifier::REVERSED);
        let dim = pen(none, none, Modifier::DIM);
        assert_eq!(change(&both, &bold), "22;1");
        assert_eq!(change(&both, &dim), "22;27;2");
        let blinks = pen(none, none, Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
        assert_eq!(
            change(&blinks, &pen(none, none, Modifier::RAPID_BLINK)),
            "25;6"
        );
        let all = pen(none, none, Modifier::all());
        assert_eq!(change(&all, &Pen::default()), "22;23;24;25;27;28;29");
        assert_eq!(reset(&all), "0;1;2;3;4;5;6;7;8;9");
    }

    #[test]
    fn numbers_are_decimal() {
        let mut v = Vec::new();
        for n in [0, 7, 10, 255, 65535] {
            push_number(&mut v, n);
            v.push(b' ');
        }
        assert_eq!(v, b"0 7 10 255 65535 ");
    }
}
