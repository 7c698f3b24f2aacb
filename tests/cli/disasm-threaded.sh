#!/usr/bin/env bash
# beamrun-disasm --threaded: the loader's threaded code, decoded by the instructions' spec
# lines. Checks a few decoded lines of a module whose shapes are known (the same module
# tests/unit/test_translate_fused.cpp pins), that every module of BEAMDIR and of OTP's stdlib
# walks from its first word to its last (the disassembler exits 1 when an instruction's width
# disagrees with the code), and that an unreadable file is exit status 2.
#   tests/cli/disasm-threaded.sh DISASM BEAMDIR [OTP_STDLIB_EBIN]
set -u
D=$1
BEAMDIR=$2
STDLIB=${3:-}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() {  # name, extended regexp that must match a line of $tmp/out
  if grep -qE -- "$2" "$tmp/out"; then pass=$((pass + 1)); else echo "FAIL $1: no line matches $2"; fail=$((fail + 1)); fi
}

"$D" --threaded "$BEAMDIR/interp_fused_shapes.beam" >"$tmp/out" 2>&1
if [ $? -ne 0 ]; then echo "FAIL interp_fused_shapes: status $?"; fail=$((fail + 1)); fi
expect header '^module interp_fused_shapes: [0-9]+ words of threaded code'
expect function '^function interp_fused_shapes:inc/1$'
expect func_info "^ +0  i_func_info info=interp_fused_shapes:inc/1$"
expect plus_imm "^ +[0-9]+  i_plus_imm fn=native exp=erlang:'\\+'/2 fail=none live=1 dst=x\\(0\\) argc=2 a=x\\(0\\) b=1$"
expect lt_imm '^ +[0-9]+  i_is_lt_imm fail=@[0-9]+ a=x\(0\) b=2$'
expect move_return '^ +[0-9]+  i_move_return src=yes$'
expect bif_tail "^ +[0-9]+  i_bif fn=native exp=erlang:'=:='/2 fail=none live=~0 dst=x\\(0\\) argc=2 \\[x\\(0\\), ok\\]$"
expect tuple_arity '^ +[0-9]+  i_is_tuple_arity not_tuple=@[0-9]+ wrong_arity=@[0-9]+ value=x\(0\) arity=2$'
expect put_tuple2_heap '^ +[0-9]+  i_put_tuple2_heap heap=3 live=1 dst=x\(0\) arity=2 \[ok, x\(0\)\]$'
expect allocate_get_list '^ +[0-9]+  i_allocate_get_list slots=1 heap=0 live=2 list=x\(0\) hd=y\(0\) tl=x\(0\)$'

for f in "$BEAMDIR"/*.beam ${STDLIB:+"$STDLIB"/*.beam}; do
  if "$D" --threaded "$f" >"$tmp/out" 2>&1; then
    pass=$((pass + 1))
  else
    echo "FAIL walk $f:"; tail -2 "$tmp/out"; fail=$((fail + 1))
  fi
done

echo "not a beam" >"$tmp/bad.beam"
"$D" --threaded "$tmp/bad.beam" >/dev/null 2>&1
if [ $? -eq 2 ]; then pass=$((pass + 1)); else echo "FAIL bad file: want status 2"; fail=$((fail + 1)); fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
