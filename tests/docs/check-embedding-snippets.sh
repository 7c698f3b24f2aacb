#!/usr/bin/env bash
# Every C++ snippet of docs/embedding.md compiles against include/beamrun/beamrun.h.
#   tests/docs/check-embedding-snippets.sh SOURCE_DIR [CXX_COMPILER]
# A block fenced ```cpp file is a translation unit of its own. A block fenced ```cpp is a
# function body: it is compiled inside a function whose parameter `vm` is the
# std::unique_ptr<beamrun::Vm> of the page's section 1, with `using beamrun::Value;` and
# `using namespace std::chrono_literals;` in effect (what the page says about its fragments).
set -euo pipefail
src=$(cd "$1" && pwd)
cxx=${2:-c++}
doc=$src/docs/embedding.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Split the page into work/N.file.cpp and work/N.body.cpp, one per block.
awk -v dir="$work" '
  /^```cpp( file)?$/ { n++; kind = ($2 == "file") ? "file" : "body"; out = dir "/" n "." kind ".cpp"; inside = 1; next }
  /^```/ && inside { inside = 0; close(out); next }
  inside { print > out }
' "$doc"

headers='#include <beamrun/beamrun.h>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <variant>
#include <vector>'
flags=(-std=c++20 -fsyntax-only -Werror -Wall -Wextra -Wno-unused-variable -Wno-unused-but-set-variable
       -I"$src/include")
# The function bodies together, each in a function of its own (#line names its block in
# errors); the translation units one by one.
count=0
fail=0
{ echo "$headers"
  echo 'using beamrun::Value;'
  echo 'using namespace std::chrono_literals;'
  for f in $(ls "$work" | sort -n | grep 'body.cpp$'); do
    n=${f%%.*}
    echo "void snippet_$n([[maybe_unused]] std::unique_ptr<beamrun::Vm>& vm) {"
    echo "#line 1 \"embedding.md block $n\""
    cat "$work/$f"
    echo "}"
    count=$((count + 1))
  done; } > "$work/bodies.cpp"
"$cxx" "${flags[@]}" "$work/bodies.cpp" || { echo "FAIL: a fragment of docs/embedding.md does not compile" >&2; fail=1; }
for f in $(ls "$work" | sort -n | grep 'file.cpp$'); do
  n=${f%%.*}
  { echo "#line 1 \"embedding.md block $n\""; cat "$work/$f"; } > "$work/tu.cpp"
  count=$((count + 1))
  "$cxx" "${flags[@]}" "$work/tu.cpp" || { echo "FAIL: block $n of docs/embedding.md does not compile" >&2; fail=1; }
done
[ "$count" -gt 0 ] || { echo "FAIL: no C++ blocks found in docs/embedding.md" >&2; exit 1; }
echo "$count C++ blocks of docs/embedding.md checked"
exit $fail
