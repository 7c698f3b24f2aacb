#!/usr/bin/env bash
# Runs every bench/erlang/bench_*.erl on beamrun and on erl, alternating, RUNS times each, and
# prints a markdown table of median times (measured inside the program, start-up excluded),
# their ratio beamrun/erl, the median peak resident memory of each (GNU time's %M, whole OS
# process, start-up included), and whether both printed the same checksum. Then start-up time
# and peak memory of an empty program on each.
#   bench/run.sh [BEAMRUN] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build/beamrun}
RUNS=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc -o "$out" bench/erlang/*.erl

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
field() { sed -E 's/^\{bench,([0-9]+),(.*)\}$/\'"$1"'/'; }

# Peak resident KiB of a command into file $1 (empty when GNU time is missing).
TIME=/usr/bin/time
rss() { local f=$1; shift; if [ -x $TIME ]; then $TIME -f %M -o "$f" "$@"; else : >"$f"; "$@"; fi; }

echo "| program | beamrun ms | erl ms | ratio | beamrun peak KiB | erl peak KiB | checksum |"
echo "|---|---:|---:|---:|---:|---:|---|"
logsum=0; count=0
for src in bench/erlang/bench_*.erl; do
  m=$(basename "$src" .erl)
  : >"$out/b.t"; : >"$out/e.t"; : >"$out/b.m"; : >"$out/e.m"
  for ((i = 0; i < RUNS; i++)); do
    lb=$(rss "$out/m" "$B" -pa "$out" "$m:main" | tail -1); tail -n1 "$out/m" >>"$out/b.m"
    le=$(rss "$out/m" erl -noshell -pa "$out" -eval "$m:main(), erlang:halt()." | tr -d '\r' | tail -1)
    tail -n1 "$out/m" >>"$out/e.m"
    echo "$lb" | field 1 >>"$out/b.t"; echo "$le" | field 1 >>"$out/e.t"
    cb=$(echo "$lb" | field 2); ce=$(echo "$le" | field 2)
  done
  mb=$(median <"$out/b.t"); me=$(median <"$out/e.t")
  ratio=$(awk -v b="$mb" -v e="$me" 'BEGIN {printf "%.2f", b / e}')
  same=$([ "$cb" == "$ce" ] && echo same || echo "DIFFERS ($cb vs $ce)")
  kb=$(median <"$out/b.m"); ke=$(median <"$out/e.m")
  printf "| %s | %.1f | %.1f | %s | %s | %s | %s |\n" "${m#bench_}" "$(awk -v x="$mb" 'BEGIN{print x/1000}')" "$(awk -v x="$me" 'BEGIN{print x/1000}')" "$ratio" "${kb:--}" "${ke:--}" "$same"
  case "${m#bench_}" in
    spawn|ring|pingpong|selective|workers) ;;  # concurrency programs: not in the sequential mean
    *) logsum=$(awk -v s="$logsum" -v r="$ratio" 'BEGIN {print s + log(r)}'); count=$((count + 1)) ;;
  esac
done
awk -v s="$logsum" -v n="$count" 'BEGIN {printf "\nGeometric mean of the sequential programs'"'"' ratios: %.2f\n", exp(s / n)}'

# CPU-bound workers on one and on two scheduler threads (beamrun -s N, erl +S N).
if [ -f bench/erlang/bench_workers.erl ]; then
  for n in 1 2; do
    : >"$out/w.b"; : >"$out/w.e"
    for ((i = 0; i < RUNS; i++)); do
      "$B" -s $n -pa "$out" bench_workers:main | tail -1 | field 1 >>"$out/w.b"
      erl +S $n -noshell -pa "$out" -eval 'bench_workers:main(), erlang:halt().' | tr -d '\r' | tail -1 | field 1 >>"$out/w.e"
    done
    eval "wb$n=$(median <"$out/w.b"); we$n=$(median <"$out/w.e")"
  done
  awk -v b1="$wb1" -v b2="$wb2" -v e1="$we1" -v e2="$we2" 'BEGIN {
    printf "Workers, 1 -> 2 schedulers: beamrun %.0f -> %.0f ms (speed-up %.2f), erl %.0f -> %.0f ms (speed-up %.2f)\n",
           b1 / 1000, b2 / 1000, b1 / b2, e1 / 1000, e2 / 1000, e1 / e2 }'
fi

# Start-up to exit of an empty program: median wall milliseconds over RUNS runs, and peak
# resident memory (GNU time's %M).
startup() {
  local ts=() t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    ts+=($(( (t1 - t0) / 1000 )))
  done
  printf "%s\n" "${ts[@]}" | median | awk '{printf "%.1f ms", $1 / 1000}'
  if [ -x $TIME ]; then $TIME -f %M -o "$out/s.m" "$@" >/dev/null 2>&1; printf ", %s KiB" "$(tail -n1 "$out/s.m")"; fi
}
echo "Start-up to exit of an empty program: beamrun $(startup "$B" erlang:halt), erl $(startup erl -noshell -eval 'erlang:halt().')"
