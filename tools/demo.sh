#!/usr/bin/env bash
# Installs the dependencies, builds beamrun (Release) and runs the demo program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBEAMRUN_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
mkdir -p build/demo
erlc -o build/demo tools/demo/demo.erl
echo "--- beamrun -p -pa build/demo demo:main"
build/beamrun -p -pa build/demo demo:main
