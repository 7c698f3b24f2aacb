#!/usr/bin/env bash
# Installs beamrun's build and test dependencies from Debian packages.
# Idempotent: when everything is present it only checks and returns (well under a second).
set -euo pipefail
# elixir: the suite loads every .beam of Elixir's stdlib and runs Elixir programs against it.
# pkg-config: the install test builds a host program with beamrun.pc.
pkgs=(build-essential cmake erlang-base erlang-nox libconcurrentqueue-dev libmimalloc-dev
      libgtest-dev libbenchmark-dev libcli11-dev zlib1g-dev libgmp-dev elixir
      pkg-config)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "install-deps: installing ${missing[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
