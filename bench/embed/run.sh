#!/usr/bin/env bash
# The embedding API's costs beside the same operations inside erl, in one run: a host's
# Vm::call of a trivial function (spawn, run, result back) against spawn_monitor + 'DOWN' in
# Erlang, and a request/reply through a host mailbox against the same between two Erlang
# processes. Prints nanoseconds per operation and the ratios beamrun-host / erl-inside.
#   bench/embed/run.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
RUNS=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc -o "$out" bench/embed/embed_bench.erl
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for ((i = 0; i < RUNS; i++)); do
  "$BUILD/bench/beamrun-bench-embed" "$out" >"$out/b.$i"
  erl -noshell -pa "$out" -eval 'embed_bench:main(), halt().' | tr -d '\r' >"$out/e.$i"
done
echo "| operation | beamrun host ns | erl (inside) ns | ratio |"
echo "|---|---:|---:|---:|"
for op in call mailbox; do
  b=$(cat "$out"/b.* | awk -v k="${op}_ns" '$1 == k {print $2}' | median)
  e=$(cat "$out"/e.* | awk -v k="${op}_ns" '$1 == k {print $2}' | median)
  printf "| %s | %d | %d | %.2f |\n" "$op" "$b" "$e" "$(awk -v b="$b" -v e="$e" 'BEGIN {print b / e}')"
done
