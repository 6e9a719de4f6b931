#!/usr/bin/env bash
# Runs fuzz targets for SECONDS each (default 120), two at a time, and
# prints libFuzzer's final statistics. Crashes land in artifacts/<target>/.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-120}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(paper import meta entities series keymap notes anchor)
bin=target/$(rustc -vV | sed -n 's/^host: //p')/release
mkdir -p logs
run() {
  mkdir -p "artifacts/$1" "corpus/$1"
  "$bin/$1" "corpus/$1" -max_total_time="$secs" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$1/" -print_final_stats=1 >"logs/$1.log" 2>&1
  echo "$1: exit $? $(grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' "logs/$1.log" | tr -s ' ' | tr '\n' ' ') $(grep -cE '^==[0-9]+== ERROR|panicked' "logs/$1.log") findings"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[i]}" &
  [ $((i + 1)) -lt ${#targets[@]} ] && run "${targets[i + 1]}" &
  wait
done
