#!/usr/bin/env bash
# Runs the differential suite with a collection at every allocation point
# (BEAMRUN_GC_STRESS=1, which the beamrun CLI turns into VMOptions::gc_stress; see
# Process::gc_due): a root the collector misses shows up as a wrong result or a crash. Builds
# in its own directory.
#   tools/test-gc-stress.sh [BUILD_DIR]      (default: build-gcstress)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build-gcstress}
cmake -S . -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$B"
cd "$B"
start=$(date +%s)
# erl.etf_mutation decodes 100,000 mutated terms: with a collection at every allocation point
# it outlasts any sensible timeout; the other erl.etf_* programs run binary_to_term under stress.
BEAMRUN_GC_STRESS=1 DIFF_TIMEOUT=${DIFF_TIMEOUT:-110} ctest -R '^erl\.' -E '^erl\.etf_mutation$' --output-on-failure -j"$(nproc)"
echo "gc stress: differential suite passed in $(( $(date +%s) - start )) s"
