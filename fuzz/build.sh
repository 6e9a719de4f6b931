#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer's coverage instrumentation on a
# stable toolchain (the flags `cargo fuzz build` passes, minus the address
# sanitizer: the code under test is safe Rust). With cargo-fuzz installed,
# `RUSTC_BOOTSTRAP=1 cargo fuzz run <target>` works on this layout as well.
set -euo pipefail
cd "$(dirname "$0")"
host=$(rustc -vV | sed -n 's/^host: //p')
export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo build --release --target "$host" --bins "$@"
echo "binaries in fuzz/target/$host/release/"
