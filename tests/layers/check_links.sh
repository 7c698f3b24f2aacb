#!/usr/bin/env bash
# The link graph keeps the layer order too: no layer's library needs a symbol that only a layer
# above it defines (an upward call must be a virtual call on Runtime, never a direct one).
#   tests/layers/check_links.sh BUILD_DIR
# Reads every libbeamrun_<layer>.a with nm. Prints `low -> high: symbol` per violation and
# exits 1 if there is any.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t layers < <(grep -E '^[a-z]' "$root/tests/layers/layers.txt" | grep -v '^tools$')
for l in "${layers[@]}"; do
  lib="$build/libbeamrun_$l.a"
  [ -f "$lib" ] || { echo "check_links: $lib missing" >&2; exit 2; }
  nm --defined-only "$lib" | awk 'NF >= 3 && $2 ~ /^[TWVDBRu]$/ {print $3}' | sort -u >"$tmp/def_$l"
  nm --undefined-only "$lib" | awk '{print $NF}' | sort -u >"$tmp/und_$l"
done
bad=0
for ((i = 0; i < ${#layers[@]}; i++)); do
  for ((j = i + 1; j < ${#layers[@]}; j++)); do
    lo=${layers[i]} hi=${layers[j]}
    while read -r sym; do
      [ -n "$sym" ] || continue
      echo "$lo -> $hi: $(echo "$sym" | c++filt)"
      bad=1
    done < <(comm -12 "$tmp/und_$lo" "$tmp/def_$hi")
  done
done
if [ $bad -ne 0 ]; then
  echo "symbols a lower layer takes from a higher one (tests/layers/layers.txt)" >&2
  exit 1
fi
echo "link graph: ${#layers[@]} layers, no symbol taken from above"
