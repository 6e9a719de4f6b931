//! Start-up cost of loading key maps and per-key cost of routing.

use casebook::keymap::{Key, KeyResolver, Keymap, Mode};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use crossterm::event::KeyEvent;

fn load(c: &mut Criterion) {
    c.bench_function("keymap load default", |b| {
        b.iter(|| Keymap::load(black_box(None), None).unwrap())
    });
    c.bench_function("keymap load emacs over default", |b| {
        b.iter(|| Keymap::load(black_box(Some("emacs")), None).unwrap())
    });
}

fn route(c: &mut Criterion) {
    let keys: Vec<KeyEvent> = ["j", "<End>", "<F9>", "q", "<C-x>", "<C-c>"]
        .iter()
        .map(|s| s.parse::<Key>().unwrap().into())
        .collect();
    let mut r = KeyResolver::new(Keymap::load(Some("emacs"), None).unwrap());
    c.bench_function("keymap feed 6 keys in reader", |b| {
        b.iter(|| {
            for &k in &keys {
                black_box(r.feed(Mode::Reader, k));
            }
        })
    });
}

criterion_group!(benches, load, route);
criterion_main!(benches, raw);

fn parse_only(c: &mut Criterion) {
    let text = include_str!("../keymaps/default.toml");
    c.bench_function("toml parse default as Table", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(text)).unwrap())
    });
}
criterion_group!(raw, parse_only);
