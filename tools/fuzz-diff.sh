#!/usr/bin/env bash
# Differential program fuzzer: random Erlang modules run under erl and under beamrun.
#
#   tools/fuzz-diff.sh --seed S --count N [--first I] [--beamrun PATH] [--keep DIR]
#                      [--jobs J] [--batch B] [--timeout SECONDS]
#
# Generates modules fz_S_I for I in [first, first+N) with tools/fuzz/fuzz_gen.erl (module I of
# seed S is a pure function of S and I, so one module can be regenerated with
# --first I --count 1), and for each batch of B modules (default 250):
#   - compiles the batch with J erlc processes (one per slice of the batch),
#   - runs every module's main/0 in one `erl -noshell` node (tools/fuzz/fuzz_run.erl: a fresh
#     process per module whose group leader collects its output),
#   - meanwhile runs `beamrun -pa DIR Mod:main` for each module, J at a time (default 2), with
#     a timeout,
#   - compares stdout and exit status, printing one line per divergence:
#       DIVERGENCE seed=S module=M line=L
#         erl:     <erl's line L>
#         beamrun: <beamrun's line L>
# It ends with "N programs, D divergences" and exits 0 only when D is 0.
# Everything (sources, .beam, both outputs, beamrun's stderr) stays in DIR with --keep DIR;
# otherwise in a temporary directory, each batch removed once compared. A divergent module is
# regenerated alone with --first I --count 1 --keep DIR.
set -euo pipefail
export ERL_CRASH_DUMP_SECONDS=0

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SEED=
COUNT=
FIRST=1
BEAMRUN=$ROOT/build/beamrun
KEEP=
JOBS=2
BATCH=250
TIMEOUT=30

usage() {
  sed -n '3,5p' "${BASH_SOURCE[0]}" | sed 's/^# //' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case $1 in
    --seed) SEED=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --first) FIRST=$2; shift 2 ;;
    --beamrun) BEAMRUN=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $SEED =~ ^[0-9]+$ && $COUNT =~ ^[0-9]+$ && $FIRST =~ ^[0-9]+$ ]] || usage
command -v erl >/dev/null && command -v erlc >/dev/null || { echo "fuzz-diff: erl/erlc not found" >&2; exit 2; }
[ -x "$BEAMRUN" ] || { echo "fuzz-diff: beamrun $BEAMRUN not found" >&2; exit 2; }
BEAMRUN=$(cd "$(dirname "$BEAMRUN")" && pwd)/$(basename "$BEAMRUN")

if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  WORK=$(cd "$KEEP" && pwd)
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi

TOOLS=$WORK/tools
mkdir -p "$TOOLS"
erlc -o "$TOOLS" "$ROOT/tools/fuzz/fuzz_gen.erl" "$ROOT/tools/fuzz/fuzz_run.erl"

# Line L of a file, shortened for the report.
line_of() { sed -n "${2}p" "$1" | cut -c1-400; }

# compile_slice B J FILE...: compiles FILEs into B/beam, reporting the ones with errors to
# B/compile-errors.
compile_slice() {
  local B=$1 j=$2
  shift 2
  local srcs=("$@") bad f m rest
  while [ ${#srcs[@]} -gt 0 ] && ! erlc -o "$B/beam" "${srcs[@]}" >"$B/erlc.$j.log" 2>&1; do
    bad=$(grep -a -E '^/.*\.erl:[0-9]+:[0-9]+: ' "$B/erlc.$j.log" | grep -av ': Warning: ' | cut -d: -f1 | sort -u)
    [ -n "$bad" ] || { echo "fuzz-diff: erlc failed:" >&2; tail -n 20 "$B/erlc.$j.log" >&2; return 1; }
    for f in $bad; do
      m=$(basename "$f" .erl)
      { echo "COMPILE-ERROR seed=$SEED module=$m"
        grep -a "^$f:" "$B/erlc.$j.log" | grep -av ': Warning: ' | head -n 3 | sed 's/^/  /'; } >>"$B/compile-errors"
      mv "$f" "$f.bad"
    done
    rest=()
    for f in "${srcs[@]}"; do
      m=$(basename "$f" .erl)
      [ -f "$f" ] && [ ! -f "$B/beam/$m.beam" ] && rest+=("$f")
    done
    srcs=("${rest[@]+"${rest[@]}"}")
  done
  return 0
}

total=0
divergences=0
start=$FIRST
end=$((FIRST + COUNT))
while [ "$start" -lt "$end" ]; do
  n=$((end - start < BATCH ? end - start : BATCH))
  B=$WORK/b$start
  mkdir -p "$B/src" "$B/beam" "$B/erl" "$B/br"
  erl -noshell -pa "$TOOLS" -run fuzz_gen main "$SEED" "$start" "$n" "$B/src" -s erlang halt </dev/null
  mods=()
  for ((i = start; i < start + n; i++)); do mods+=("fz_${SEED}_$i"); done
  # J erlc processes, each over a slice of the batch. erlc stops at the first file with an
  # error (a generator bug, not a VM one): such modules are reported, left out, and the rest
  # of the slice compiled again.
  : >"$B/compile-errors"
  for ((j = 0; j < JOBS; j++)); do
    slice=()
    for ((i = start + j; i < start + n; i += JOBS)); do slice+=("$B/src/fz_${SEED}_$i.erl"); done
    [ ${#slice[@]} -gt 0 ] && compile_slice "$B" "$j" "${slice[@]}" &
  done
  wait
  if [ -s "$B/compile-errors" ]; then
    cat "$B/compile-errors"
    divergences=$((divergences + $(grep -c '^COMPILE-ERROR' "$B/compile-errors")))
  fi
  ok_mods=()
  for m in "${mods[@]}"; do [ -f "$B/beam/$m.beam" ] && ok_mods+=("$m"); done
  total=$((total + n))
  if [ ${#ok_mods[@]} -eq 0 ]; then start=$((start + n)); continue; fi

  erl -noshell -pa "$B/beam" -pa "$TOOLS" -run fuzz_run main "$B/erl" "$TIMEOUT" "${ok_mods[@]}" \
      </dev/null >"$B/erl.log" 2>&1 &
  erl_pid=$!
  printf '%s\n' "${ok_mods[@]}" |
    xargs -P "$JOBS" -I{} sh -c \
      'timeout -k 5 "$3" "$0" -pa "$1" {}:main </dev/null >"$2/{}.out" 2>"$2/{}.err"; echo $? >"$2/{}.status"' \
      "$BEAMRUN" "$B/beam" "$B/br" "$TIMEOUT"
  wait "$erl_pid" || { echo "fuzz-diff: the erl node failed:" >&2; tail -n 20 "$B/erl.log" >&2; exit 2; }

  for m in "${ok_mods[@]}"; do
    want=$(tr -d ' \t\r\n' <"$B/erl/$m.status")
    got=$(tr -d ' \t\r\n' <"$B/br/$m.status")
    sed -i 's/\r$//' "$B/erl/$m.out"
    if [ "$want" = timeout ]; then
      echo "ERL-TIMEOUT seed=$SEED module=$m (generator bug: program too slow)"
      divergences=$((divergences + 1))
      continue
    fi
    if [ "$want" = "$got" ] && cmp -s "$B/erl/$m.out" "$B/br/$m.out"; then
      continue
    fi
    divergences=$((divergences + 1))
    if cmp -s "$B/erl/$m.out" "$B/br/$m.out"; then
      echo "DIVERGENCE seed=$SEED module=$m status: erl $want, beamrun $got"
      tail -n 3 "$B/br/$m.err" | sed 's/^/  stderr: /' | cut -c1-300
      continue
    fi
    l=$({ cmp "$B/erl/$m.out" "$B/br/$m.out" 2>/dev/null || true; } | sed -n 's/.*line \([0-9]*\).*/\1/p')
    [ -n "$l" ] || l=$(( $(wc -l <"$B/erl/$m.out") < $(wc -l <"$B/br/$m.out") ? $(wc -l <"$B/erl/$m.out") + 1 : $(wc -l <"$B/br/$m.out") + 1 ))
    echo "DIVERGENCE seed=$SEED module=$m line=$l status: erl $want, beamrun $got"
    echo "  erl:     $(line_of "$B/erl/$m.out" "$l")"
    echo "  beamrun: $(line_of "$B/br/$m.out" "$l")"
  done
  [ -n "$KEEP" ] || rm -rf "$B"
  start=$((start + n))
done

echo "$total programs, $divergences divergences"
[ "$divergences" -eq 0 ]
