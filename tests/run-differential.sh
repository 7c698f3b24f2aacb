#!/usr/bin/env bash
# Runs one differential test under beamrun and compares it with the recording from erl.
#
#   tests/run-differential.sh BEAMRUN BEAMDIR NAME EXPECTEDDIR [-- ARG...]
#
# Runs `BEAMRUN -pa BEAMDIR NAME:main` (stdin from /dev/null, 60 s timeout), or with ARGs
# `BEAMRUN -pa BEAMDIR ARG...` (the Elixir programs start through a launcher), and compares
# its stdout byte for byte with EXPECTEDDIR/NAME.out and its exit status with
# EXPECTEDDIR/NAME.status (both written by tools/record-expected.sh).
# Exit 0 on a match; otherwise print a short diff and both statuses and exit 1.
set -u

if [ $# -lt 4 ] || { [ $# -gt 4 ] && [ "$5" != "--" ]; }; then
  echo "usage: $0 BEAMRUN BEAMDIR NAME EXPECTEDDIR [-- ARG...]" >&2
  exit 2
fi
BEAMRUN=$1
BEAMDIR=$2
NAME=$3
EXPDIR=$4
shift 4
RUN_ARGS=("$NAME:main")
if [ $# -gt 0 ]; then
  shift
  RUN_ARGS=("$@")
fi
TIMEOUT=${DIFF_TIMEOUT:-60}

exp_out=$EXPDIR/$NAME.out
exp_status=$EXPDIR/$NAME.status
for f in "$exp_out" "$exp_status"; do
  if [ ! -f "$f" ]; then
    echo "FAIL $NAME: expected file $f is missing (run tools/record-expected.sh)"
    exit 1
  fi
done
if [ ! -x "$BEAMRUN" ]; then
  echo "FAIL $NAME: beamrun binary $BEAMRUN not found or not executable"
  exit 1
fi
if [ "${RUN_ARGS[0]}" = "$NAME:main" ] && [ ! -f "$BEAMDIR/$NAME.beam" ]; then
  echo "FAIL $NAME: $BEAMDIR/$NAME.beam not found"
  exit 1
fi
want_status=$(tr -d ' \t\r\n' < "$exp_status")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

timeout -k 5 "$TIMEOUT" "$BEAMRUN" -pa "$BEAMDIR" "${RUN_ARGS[@]}" \
    </dev/null >"$tmp/out" 2>"$tmp/err"
got_status=$?

timed_out=0
if [ "$got_status" -eq 124 ] && [ "$want_status" != 124 ]; then
  timed_out=1
fi

if [ $timed_out -eq 0 ] && [ "$got_status" = "$want_status" ] && cmp -s "$exp_out" "$tmp/out"; then
  exit 0
fi

echo "FAIL $NAME"
if [ $timed_out -eq 1 ]; then
  echo "  timed out after ${TIMEOUT}s"
fi
echo "  exit status: expected $want_status, got $got_status"
if ! cmp -s "$exp_out" "$tmp/out"; then
  echo "  stdout differs (--- expected, +++ beamrun):"
  diff -u --label "expected/$NAME.out" --label "beamrun" "$exp_out" "$tmp/out" | head -n 40
fi
if [ -s "$tmp/err" ]; then
  echo "  stderr (last 15 lines):"
  tail -n 15 "$tmp/err" | sed 's/^/    /'
fi
exit 1
