#!/usr/bin/env bash
# The interpreter's dispatch must end every handler in its own indirect jump (interp/interp.cpp):
# when GCC funnels them all through one shared jump (it did once, when its SLP vectorizer kept
# the stack and heap tops in one vector register: CMakeLists.txt), branch prediction is lost
# and the interpreter runs several times slower, with every test still passing. This counts the
# indirect jumps of run() in the built library. Skipped (status 0, a note) without objdump or
# on a machine other than x86-64.
#   tests/cli/dispatch-jumps.sh LIBBEAMRUN_INTERP.a
set -u
LIB=$1
if ! command -v objdump >/dev/null || [ "$(uname -m)" != x86_64 ]; then
  echo "skipped: needs objdump on x86-64"; exit 0
fi
n=$(objdump -d --no-show-raw-insn "$LIB" 2>/dev/null |
    awk '/<_ZN7beamrunL3runEPNS_7ProcessEPPKPKv>:/ {f = 1; next} f && /^$/ {f = 0} f' | grep -c 'jmp *\*')
echo "indirect jumps in run(): $n"
if [ "$n" -lt 100 ]; then
  echo "FAIL: the handlers share their dispatch jump"; exit 1
fi
