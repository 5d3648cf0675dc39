#!/usr/bin/env bash
# Whole-command benchmarks for rolefit: prints each goal of BENCHMARKS.md,
# measured side by side with its baseline in one run. Uses hyperfine when
# installed, else a best-of-5 timer; peak memory from GNU time.
#
# The data comes from the generator of the bench/ package
# (bench/src/bin/generate.rs), built here with the release binary; the
# Python baseline is scripts/reference_score.py. Stage by stage timings are
# the criterion benches: cargo bench -p rolefit-bench --bench pipeline
#
#   scripts/bench.sh            # realistic answer sets, full sizes (several minutes)
#   SMALL=1 scripts/bench.sh    # a tenth of the sizes, for a quick look
#   LEAN=1 scripts/bench.sh     # the older, tidier answer sets
#
# rolefit's stderr (warnings are part of the work) goes to files in the
# work directory; the count of warning lines is printed at the end.
# KEEP=1 keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=1
[ "${SMALL:-0}" = 1 ] && scale=10
shape=realistic
[ "${LEAN:-0}" = 1 ] && shape=lean
work=$(mktemp -d "${TMPDIR:-/tmp}/rolefit-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "keeping $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

cargo build --release --quiet --workspace --bins
rolefit=$PWD/target/release/rolefit
generate=$PWD/target/release/generate

n10k=$((10000 / scale)) n50k=$((50000 / scale)) n100k=$((100000 / scale)) n200k=$((200000 / scale))
gen() { "$generate" answers --shape "$shape" "$@"; }
echo "generating $shape data in $work ..." >&2
gen --count $n10k --format yaml --dir "$work/yaml"
gen --count $n50k --format jsonl > "$work/50k.jsonl"
# the same sets as survey rows (written from realistic sets only)
[ "$shape" = realistic ] && gen --count $n50k --format csv > "$work/50k.csv"
gen --count $n10k --format jsonl --seed 7 > "$work/10k.jsonl"
gen --count $n200k --format jsonl --seed 7 > "$work/200k.jsonl"
gen --count $n100k --format jsonl --seed 9 > "$work/100k.jsonl"
"$generate" catalog --roles 1000 --tags-per-role 20 > "$work/big.yaml"
gen --catalog "$work/big.yaml" --count $n100k --format jsonl --seed 9 > "$work/100k-big.jsonl"
one="$work/yaml/p000000.yaml"   # the first generated file

# mean seconds of a shell command (its stdout discarded)
time_of() {
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup "${WARMUP:-2}" --runs "${RUNS:-10}" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
  else
    python3 - "$1" <<'PY'
import subprocess, sys, time
best = min((lambda t: (subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(5))
print(best)
PY
  fi
}

# peak resident memory in KiB of one command (stdout discarded, stderr to $2)
peak_kib() {
  # shellcheck disable=SC2086 # $1 is a command line
  /usr/bin/time -o "$work/mem.txt" -f %M $1 >/dev/null 2>"$2"
  tail -n 1 "$work/mem.txt"
}

ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
row() { printf '%-60s %10s %10s %7sx %s\n' "$@"; }
secs() { printf '%.3fs' "$1"; }
msecs() { printf '%.2fms' "$(python3 -c "print(float('$1') * 1000)")"; }

# exit status of rolefit on the inputs (warnings and all), checked before timing
status_of() { set +e; "$rolefit" "$@" >/dev/null 2>"$work/check.txt"; echo $?; set -e; }
for args in "score $work/yaml --format csv" "score $work/50k.jsonl --format csv" \
  "--roles $work/big.yaml score $work/100k-big.jsonl --top 5 --format csv"; do
  # shellcheck disable=SC2086
  code=$(status_of $args)
  [ "$code" = 0 ] || { echo "rolefit $args exited $code:" >&2; head -n 5 "$work/check.txt" >&2; exit 1; }
done

printf '%-60s %10s %10s %8s %s\n' "goal" "rolefit" "baseline" "ratio" "target"

a=$(RUNS=5 time_of "$rolefit score $work/yaml --format csv 2>$work/err-yaml.txt")
b=$(RUNS=5 time_of "cat $work/yaml/*")
row "$n10k YAML files -> CSV vs cat of the files" "$(secs "$a")" "$(secs "$b")" "$(ratio "$a" "$b")" "<= 1.0x"

"$rolefit" score "$work/50k.jsonl" --format csv > "$work/rolefit.csv" 2>"$work/err-jsonl.txt"
# Python is timed once, on the run whose output is compared: at a few
# minutes a run on a loaded machine, more runs would not fit a session.
start=$(date +%s.%N)
python3 scripts/reference_score.py roles.yaml "$work/50k.jsonl" > "$work/python.csv"
b=$(python3 -c "print($(date +%s.%N) - $start)")
if cmp -s "$work/rolefit.csv" "$work/python.csv"; then same="byte-identical"; else same="DIFFERENT OUTPUT"; fi
a=$(RUNS=5 time_of "$rolefit score $work/50k.jsonl --format csv 2>$work/err-jsonl.txt")
row "$n50k JSONL -> CSV: Python / rolefit (speed-up)" "$(secs "$a")" "$(secs "$b")" "$(ratio "$b" "$a")" ">= 50x; $same"
jsonl=$a

if [ ! -e "$work/50k.csv" ]; then
  row "$n50k survey CSV rows -> CSV vs the same sets as JSONL" "-" "$(secs "$jsonl")" "-" "skipped: no survey rows for lean sets"
elif [ "$(status_of score "$work/50k.csv" --format csv)" = 0 ]; then
  a=$(RUNS=5 time_of "$rolefit score $work/50k.csv --format csv 2>$work/err-csv.txt")
  row "$n50k survey CSV rows -> CSV vs the same sets as JSONL" "$(secs "$a")" "$(secs "$jsonl")" "$(ratio "$a" "$jsonl")" "<= 1.5x"
else
  row "$n50k survey CSV rows -> CSV vs the same sets as JSONL" "-" "$(secs "$jsonl")" "-" "skipped: this rolefit cannot read .csv ($(head -c 60 "$work/check.txt" | tr '\n' ' '))"
fi

a=$(peak_kib "$rolefit score $work/200k.jsonl --format jsonl" "$work/err-200k.txt")
b=$(peak_kib "$rolefit score $work/10k.jsonl --format jsonl" "$work/err-10k.txt")
row "peak memory, $n200k vs $n10k JSONL answer sets" "${a}KiB" "${b}KiB" "$(ratio "$a" "$b")" "flat"

# One file: the goal is a few milliseconds; cat and --version are context.
a=$(RUNS=30 time_of "$rolefit score $one 2>$work/err-one.txt")
b=$(RUNS=30 time_of "cat $one")
row "one answer file, start to exit (vs cat, for context)" "$(msecs "$a")" "$(msecs "$b")" "$(ratio "$a" "$b")" "a few ms"
c=$(RUNS=30 time_of "$rolefit --version")
row "  (start-up floor: rolefit --version vs cat)" "$(msecs "$c")" "$(msecs "$b")" "$(ratio "$c" "$b")" "context"

a=$(WARMUP=1 RUNS=3 time_of "$rolefit --roles $work/big.yaml score $work/100k-big.jsonl --top 5 --format csv 2>$work/err-big.txt")
b=$(WARMUP=1 RUNS=3 time_of "$rolefit score $work/100k.jsonl --top 5 --format csv 2>$work/err-builtin.txt")
row "1,000-role catalog vs built-in, $n100k sets, --top 5" "$(secs "$a")" "$(secs "$b")" "$(ratio "$a" "$b")" "<= 3x"

echo
echo "stderr lines (warnings) per run: $(cd "$work" && wc -l err-*.txt | grep -v total | awk '{printf "%s %s; ", $2, $1}')"
echo "data: $shape answer sets; machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
