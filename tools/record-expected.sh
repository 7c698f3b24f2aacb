#!/usr/bin/env bash
# Records the expected results of the differential suite from the real Erlang/OTP (and of the
# Elixir programs from the real Elixir, when it is installed).
#
#   tools/record-expected.sh [BEAMDIR]
#
# For every tests/erlang/<name>.erl this writes
#   tests/expected/<name>.out     stdout of <name>:main() under `erl -noshell`, with the
#                                 "\r" that erl puts before each "\n" removed
#   tests/expected/<name>.status  exit status beamrun must produce: 0 when main/0 returns,
#                                 1 when an exception escapes main/0, N for erlang:halt(N)
#
# The .beam files are compiled with plain `erlc -o DIR FILE` (as the build does) into a
# temporary directory, or taken from BEAMDIR when given.
#
# Speed: one `erl` costs about a second to boot, so all tests that do not call halt run in
# ONE node. A recorder module (generated below) prints a begin marker with
# erlang:display/1 (same fd, so it is ordered with the test's own display output), runs
# Name:main() in a fresh monitored process inside try/catch, then prints an end marker
# with the status. The captured stdout is split at the markers. Tests that call halt
# (detected by grepping for "halt(") each get their own `erl -noshell -eval`. So do tests that
# use the io module: erl's user writes through a port, asynchronously, so their output can
# land after the end marker; halt flushes it.
#
# Deterministic and re-runnable: running it twice yields identical files. Expected files
# whose test source no longer exists are removed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/tests/erlang
EXP=$ROOT/tests/expected
TIMEOUT=${RECORD_TIMEOUT:-60}

command -v erl >/dev/null || { echo "record-expected: erl not found" >&2; exit 2; }
command -v erlc >/dev/null || { echo "record-expected: erlc not found" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

shopt -s nullglob
SOURCES=("$SRC"/*.erl)
if [ ${#SOURCES[@]} -eq 0 ]; then
  echo "record-expected: no tests in $SRC" >&2
  exit 2
fi

if [ $# -ge 1 ]; then
  BEAMDIR=$(cd "$1" && pwd)
else
  BEAMDIR=$TMP/beam
  mkdir -p "$BEAMDIR"
  # One erlc run for all files (each erlc boots a VM); the result is the same as
  # compiling them one by one the way the build does.
  erlc -o "$BEAMDIR" "${SOURCES[@]}"
fi
# Helper modules the programs share (tests/erlang/lib): compiled beside them, not tests.
if compgen -G "$ROOT/tests/erlang/lib/*.erl" >/dev/null; then
  erlc -o "$BEAMDIR" "$ROOT"/tests/erlang/lib/*.erl
fi

# Crash reports of processes that die from an uncaught error go through logger, whose default
# handler writes to standard_io, i.e. into the recorded stdout, with a timestamp and pid, and
# asynchronously. Send them to stderr instead (beamrun's own reports go to stderr, which is not
# compared).
ERL_LOGGER=(-kernel logger '[{handler,default,logger_std_h,#{config=>#{type=>standard_error}}}]')

# Split the corpus: tests that call halt or print through io need a node each.
SHARED=()
HALTING=()
for f in "${SOURCES[@]}"; do
  name=${f##*/}; name=${name%.erl}
  if [ ! -f "$BEAMDIR/$name.beam" ]; then
    echo "record-expected: $BEAMDIR/$name.beam missing" >&2
    exit 2
  fi
  if grep -qE 'halt\(|(^|[^a-z_])io:' "$f"; then
    HALTING+=("$name")
  else
    SHARED+=("$name")
  fi
done

# The recorder module. Its name must not clash with a test.
RECDIR=$TMP/recorder
mkdir -p "$RECDIR"
cat > "$RECDIR/beamrun_recorder.erl" <<'ERL'
-module(beamrun_recorder).
-export([main/1]).

main(Names) ->
    lists:foreach(fun run/1, Names),
    erlang:halt(0).

run(NameStr) ->
    Name = list_to_atom(NameStr),
    Timeout = list_to_integer(os:getenv("RECORD_TIMEOUT", "60")) * 1000,
    erlang:display({'$beamrun_begin', Name}),
    {Pid, Ref} = spawn_monitor(fun() ->
                                       Status = try Name:main() of
                                                    _ -> 0
                                                catch
                                                    _:_ -> 1
                                                end,
                                       exit({'$beamrun_done', Status})
                               end),
    Status = receive
                 {'DOWN', Ref, process, Pid, {'$beamrun_done', S}} -> S;
                 {'DOWN', Ref, process, Pid, Other} -> {died, Other}
             after Timeout ->
                     exit(Pid, kill),
                     timeout
             end,
    erlang:display({'$beamrun_end', Name, Status}).
ERL
erlc -o "$RECDIR" "$RECDIR/beamrun_recorder.erl"

OUT=$TMP/expected
mkdir -p "$OUT"
fail=0

if [ ${#SHARED[@]} -gt 0 ]; then
  set +e
  RECORD_TIMEOUT=$TIMEOUT erl -noshell "${ERL_LOGGER[@]}" -pa "$BEAMDIR" -pa "$RECDIR" \
      -run beamrun_recorder main "${SHARED[@]}" </dev/null >"$TMP/shared.raw" 2>"$TMP/shared.err"
  rc=$?
  set -e
  if [ $rc -ne 0 ]; then
    echo "record-expected: recorder node exited with $rc" >&2
    cat "$TMP/shared.err" >&2
    exit 1
  fi
  sed 's/\r$//' "$TMP/shared.raw" > "$TMP/shared.txt"
  # Split at the markers; statuses go to <name>.status, anything else is a failure.
  awk -v out="$OUT" '
    /^\{\x27\$beamrun_begin\x27,[a-z0-9_]+\}$/ {
      name = $0; sub(/^\{\x27\$beamrun_begin\x27,/, "", name); sub(/\}$/, "", name)
      file = out "/" name ".out"; printf "" > file; inside = 1; next
    }
    /^\{\x27\$beamrun_end\x27,[a-z0-9_]+,.*\}$/ {
      rest = $0; sub(/^\{\x27\$beamrun_end\x27,[a-z0-9_]+,/, "", rest); sub(/\}$/, "", rest)
      close(file)
      print rest > (out "/" name ".status"); close(out "/" name ".status")
      inside = 0; next
    }
    inside { print > file; next }
    { print "record-expected: stray output: " $0 > "/dev/stderr"; bad = 1 }
    END { exit bad }
  ' "$TMP/shared.txt" || fail=1
fi

for name in "${HALTING[@]}"; do
  set +e
  timeout -k 5 "$TIMEOUT" erl -noshell "${ERL_LOGGER[@]}" -pa "$BEAMDIR" \
      -eval "try '$name':main() of _ -> erlang:halt(0) catch _:_ -> erlang:halt(1) end." \
      </dev/null >"$TMP/$name.raw" 2>"$TMP/$name.err"
  rc=$?
  set -e
  if [ $rc -eq 124 ]; then
    echo "record-expected: $name timed out" >&2
    fail=1
    continue
  fi
  sed 's/\r$//' "$TMP/$name.raw" > "$OUT/$name.out"
  echo "$rc" > "$OUT/$name.status"
done

# Every test must have produced a valid status.
for f in "${SOURCES[@]}"; do
  name=${f##*/}; name=${name%.erl}
  if [ ! -f "$OUT/$name.status" ] || ! grep -qE '^[0-9]+$' "$OUT/$name.status"; then
    echo "record-expected: $name: no valid status ($(cat "$OUT/$name.status" 2>/dev/null || echo none))" >&2
    fail=1
  fi
done
if [ $fail -ne 0 ]; then
  echo "record-expected: failed; tests/expected left unchanged" >&2
  exit 1
fi

# install_recordings NEWDIR EXPDIR SRCDIR EXT: removes the recordings in EXPDIR of programs
# that no longer exist (no SRCDIR/<name>.EXT), then copies over those of NEWDIR that changed.
install_recordings() {
  local new=$1 exp=$2 src=$3 ext=$4 f name
  mkdir -p "$exp"
  for f in "$exp"/*.out "$exp"/*.status; do
    name=${f##*/}; name=${name%.*}
    [ -f "$src/$name.$ext" ] || rm -f "$f"
  done
  for f in "$new"/*; do
    cmp -s "$f" "$exp/$(basename "$f")" || cp "$f" "$exp/"
  done
}

install_recordings "$OUT" "$EXP" "$SRC" erl
echo "record-expected: recorded ${#SOURCES[@]} tests (${#HALTING[@]} with halt) into $EXP"

# The Elixir programs (tests/elixir/<name>.ex): compiled with elixirc, started by `elixir`
# through the same launcher beamrun uses (tests/elixir/elixir_run.erl), recorded into
# tests/expected/elixir/<name>.{out,status}: stdout, and 0 when main returns, 1 when it raises.
EXSRC=$ROOT/tests/elixir
EXEXP=$EXP/elixir
EX_SOURCES=("$EXSRC"/*.ex)
if [ ${#EX_SOURCES[@]} -gt 0 ]; then
  if ! command -v elixir >/dev/null || ! command -v elixirc >/dev/null; then
    echo "record-expected: elixir is not installed; $EXEXP left unchanged" >&2
  else
    EXDIR=$TMP/elixir
    mkdir -p "$EXDIR" "$TMP/elixir-expected"
    erlc -o "$EXDIR" "$EXSRC/elixir_run.erl"
    (cd "$EXDIR" && elixirc --ignore-module-conflict -o "$EXDIR" "${EX_SOURCES[@]}" >/dev/null)
    for f in "${EX_SOURCES[@]}"; do
      name=${f##*/}; name=${name%.ex}
      set +e
      timeout -k 5 "$TIMEOUT" elixir -pa "$EXDIR" -e ":elixir_run.main(:$name)" \
          </dev/null >"$TMP/elixir-expected/$name.out" 2>"$TMP/$name.exerr"
      rc=$?
      set -e
      if [ $rc -eq 124 ]; then
        echo "record-expected: elixir $name timed out; $EXEXP left unchanged" >&2
        exit 1
      fi
      echo "$rc" > "$TMP/elixir-expected/$name.status"
    done
    install_recordings "$TMP/elixir-expected" "$EXEXP" "$EXSRC" ex
    echo "record-expected: recorded ${#EX_SOURCES[@]} Elixir programs into $EXEXP"
  fi
fi
