#!/usr/bin/env bash
# Tests of the beamrun command line: exit statuses and one-line errors (beamrun's own contract),
# and -p output, compared with what the real erl prints with ~p for the same calls.
#   tests/cli/run-cli-tests.sh BEAMRUN BEAMDIR
set -u
B=$1
BEAMDIR=$2
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # name, expected status, expected stderr substring, command...
  local name=$1 want=$2 msg=$3
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local got=$?
  if [ "$got" -ne "$want" ] || { [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err" "$tmp/out"; }; then
    echo "FAIL $name: status $got (want $want), output:"; cat "$tmp/out" "$tmp/err" | head -5
    fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
}

check version 0 "beamrun" "$B" --version
check help 0 "MODULE:FUNCTION" "$B" --help
check no-mfa 2 "missing MODULE:FUNCTION" "$B"
check bad-mfa 2 "expected MODULE:FUNCTION" "$B" foo
check unknown-option 2 "beamrun:" "$B" --bogus m:f
check missing-module 2 "not found" "$B" no_such_module_xyz:main
check bad-arg 2 "bad argument" "$B" lists:seq 1 '{oops'
head -c 100 "$BEAMDIR/arith_basic.beam" >"$tmp/arith_basic.beam"
check truncated-beam 2 "truncated" "$B" -pa "$tmp/arith_basic.beam" arith_basic:main
printf 'not a beam file' >"$tmp/junk.beam"
check junk-beam 2 "junk.beam" "$B" -pa "$tmp/junk.beam" junk:main
check undef 1 "exception error: undef" "$B" -pa "$BEAMDIR" arith_basic:no_such_function
check raise 1 "exception error: badarith" "$B" erlang:'+' 1 a
check throw 1 "exception throw: ball" "$B" erlang:throw ball
check halt 7 "" "$B" erlang:halt 7

# -p against erl's ~p, for calls whose result erl computes the same way.
calls=(
  'lists:seq|[1, 40]'
  'lists:reverse|[[a, "str", {x, 1.5}, -7, 12345678901234567890]]'
  'erlang:list_to_tuple|[[alpha, beta, "gamma", [1, 2, 3], {nested, {deep, [x]}}, 3.25, 1.0e20]]'
  'lists:duplicate|[12, {key, "a longer string value", [1,2,3]}]'
  'erlang:atom_to_list|['"'"'Hello World'"'"']'
  'erlang:tuple_to_list|[{'"'"'quoted atom'"'"', [], [[]], "", 0.1, -0.0}]'
  'lists:zip|[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15], [a,b,c,d,e,f,g,h,i,j,k,l,m,n,o]]'
)
erl_script="["
for c in "${calls[@]}"; do erl_script+="{${c%%|*}, ${c#*|}},"; done
erl_script="${erl_script%,}]"
erl -noshell -eval "
  lists:foreach(fun({F, A}) -> io:format(\"~p~n--end--~n\", [apply(F, A)]) end,
    [{fun(X) -> X end, []} || false] ++
    [{erlang:make_fun(M, F, length(A)), A} || {MF, A} <- $(echo "$erl_script" | sed -E 's/\{([a-z_]+):([a-z_]+), /{{\1,\2}, /g'), {M, F} <- [MF]]),
  halt()." >"$tmp/erl.out" 2>"$tmp/erl.err" || { echo "FAIL: erl could not compute the ~p references"; cat "$tmp/erl.err"; exit 1; }
i=0
for c in "${calls[@]}"; do
  mf=${c%%|*}
  args=${c#*|}
  args=${args#[}
  args=${args%]}
  # Split the top-level argument list on commas at depth 0.
  mapfile -t argv < <(python3 -c '
import sys
s=sys.argv[1]; depth=0; cur=""; out=[]; q=None
for ch in s:
    if q:
        cur+=ch
        if ch==q: q=None
        continue
    if ch in "\"'"'"'": q=ch
    if ch in "[{(<": depth+=1
    if ch in "]})>": depth-=1
    if ch=="," and depth==0: out.append(cur.strip()); cur=""; continue
    cur+=ch
if cur.strip(): out.append(cur.strip())
print("\n".join(out))' "$args")
  "$B" -p "$mf" "${argv[@]}" >"$tmp/got" 2>"$tmp/err"
  awk -v n=$i 'BEGIN{k=0} /^--end--$/{k++; next} k==n{print}' "$tmp/erl.out" >"$tmp/want"
  if cmp -s "$tmp/got" "$tmp/want"; then pass=$((pass + 1)); else
    echo "FAIL -p $mf: got / want:"; diff "$tmp/got" "$tmp/want" | head -10; cat "$tmp/err"; fail=$((fail + 1)); fi
  i=$((i + 1))
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
