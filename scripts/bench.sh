#!/usr/bin/env bash
# Whole-command benchmarks for rolefit: prints each ratio of the batch
# scoring goals. Uses hyperfine when installed, else a best-of-5 timer.
#
#   scripts/bench.sh            # full sizes (takes a few minutes)
#   SMALL=1 scripts/bench.sh    # a tenth of the sizes, for a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

scale=1
[ "${SMALL:-0}" = 1 ] && scale=10
work=$(mktemp -d "${TMPDIR:-/tmp}/rolefit-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin rolefit --example generate
rolefit=$PWD/target/release/rolefit
generate=$PWD/target/release/examples/generate

echo "generating data in $work ..." >&2
"$generate" answers --count $((10000 / scale)) --format yaml --dir "$work/yaml"
"$generate" answers --count $((50000 / scale)) --format jsonl > "$work/50k.jsonl"
"$generate" answers --count $((50000 / scale)) --format csv > "$work/50k.csv"
"$generate" answers --count $((10000 / scale)) --format jsonl --seed 7 > "$work/10k.jsonl"
"$generate" answers --count $((200000 / scale)) --format jsonl --seed 7 > "$work/200k.jsonl"
"$generate" answers --count $((100000 / scale)) --format jsonl --seed 9 > "$work/100k.jsonl"
"$generate" catalog --roles 1000 --tags-per-role 20 > "$work/big.yaml"
"$generate" answers --catalog "$work/big.yaml" --count $((100000 / scale)) --format jsonl --seed 9 > "$work/100k-big.jsonl"
one="$work/yaml/p000000.yaml"   # the first generated file

# mean seconds of a shell command
time_of() {
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 2 --runs "${RUNS:-10}" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
  else
    python3 - "$1" <<'PY'
import subprocess, sys, time
best = min((lambda t: (subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(5))
print(best)
PY
  fi
}

# peak resident memory in KiB
peak_kib() { /usr/bin/time -f %M sh -c "$1 >/dev/null" 2>&1 >/dev/null | tail -n 1; }

ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }

printf '%-58s %10s %10s %8s %s\n' "goal" "rolefit" "baseline" "ratio" "target"

a=$(time_of "$rolefit score $work/yaml --format csv")
b=$(time_of "cat $work/yaml/* > /dev/null")
printf '%-58s %9.3fs %9.3fs %7sx %s\n' "$((10000 / scale)) YAML files -> CSV vs cat of the files" "$a" "$b" "$(ratio "$a" "$b")" "<= 1.2x"

a=$(time_of "$rolefit score $work/50k.jsonl --format csv")
b=$(RUNS=3 time_of "python3 scripts/reference_score.py roles.yaml $work/50k.jsonl")
printf '%-58s %9.3fs %9.3fs %7sx %s\n' "$((50000 / scale)) JSONL -> CSV: Python / rolefit (speed-up)" "$a" "$b" "$(ratio "$b" "$a")" ">= 30x (aim 50x)"

a=$(time_of "$rolefit score $work/50k.csv --format csv")
b=$(time_of "$rolefit score $work/50k.jsonl --format csv")
printf '%-58s %9.3fs %9.3fs %7sx %s\n' "$((50000 / scale)) survey CSV rows vs the same sets as JSONL -> CSV" "$a" "$b" "$(ratio "$a" "$b")" "<= 1.5x"

a=$(peak_kib "$rolefit score $work/200k.jsonl --format jsonl")
b=$(peak_kib "$rolefit score $work/10k.jsonl --format jsonl")
printf '%-58s %8sKiB %8sKiB %7sx %s\n' "peak memory, $((200000 / scale)) vs $((10000 / scale)) JSONL answer sets" "$a" "$b" "$(ratio "$a" "$b")" "<= 1.5x"

a=$(RUNS=30 time_of "$rolefit score $one")
b=$(RUNS=30 time_of "cat $one")
printf '%-58s %9.4fs %9.4fs %7sx %s\n' "one answer file, start to exit, vs cat" "$a" "$b" "$(ratio "$a" "$b")" "<= 2x"

a=$(RUNS=30 time_of "$rolefit --version")
printf '%-58s %9.4fs %9.4fs %7sx %s\n' "  (start-up floor: rolefit --version vs cat)" "$a" "$b" "$(ratio "$a" "$b")" "context"

a=$(time_of "$rolefit --roles $work/big.yaml score $work/100k-big.jsonl --top 5 --format csv")
b=$(time_of "$rolefit score $work/100k.jsonl --top 5 --format csv")
printf '%-58s %9.3fs %9.3fs %7sx %s\n' "1,000-role catalog vs built-in, $((100000 / scale)) sets, --top 5" "$a" "$b" "$(ratio "$a" "$b")" "<= 4x"

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(date -u +%Y-%m-%d)"
