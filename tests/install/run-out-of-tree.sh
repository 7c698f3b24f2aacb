#!/usr/bin/env bash
# An installed beamrun is usable by a project that knows only the install prefix (issue 14):
# installs BUILD_DIR into a temporary prefix, checks what it holds, builds examples/workflow and
# examples/echo_server against it and runs them, and builds the host program examples/hello
# against it three ways and runs each build:
#   - CMake, find_package(beamrun), beamrun::beamrun (static libbeamrun.a)
#   - CMake, find_package(beamrun), beamrun::shared (libbeamrun.so)
#   - pkg-config --cflags --libs --static beamrun, linking libbeamrun.a
# Only the examples are compiled: nothing of beamrun is built again.
#   tests/install/run-out-of-tree.sh BUILD_DIR SOURCE_DIR [CXX_COMPILER]
# LDFLAGS, when set, goes to every link (a sanitizer build's -fsanitize=...).
# Exit 77 (skipped) when the library does not define the embedding API yet: the install, the
# package and the compilation are checked, the link cannot be.
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
cxx=${3:-c++}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "install"; }

# What the prefix must hold (the library directory is lib/ or lib/<multiarch>/: GNUInstallDirs).
config=$(find "$prefix" -name beamrunConfig.cmake | head -1)
[ -n "$config" ] || fail "no beamrunConfig.cmake installed"
libdir=$(dirname "$(dirname "$(dirname "$config")")")
pcfile=$libdir/pkgconfig/beamrun.pc
for f in "$prefix/include/beamrun/beamrun.h" "$libdir/libbeamrun.a" "$libdir/libbeamrun.so" \
         "$libdir/cmake/beamrun/beamrunConfigVersion.cmake" "$libdir/cmake/beamrun/beamrunTargets.cmake" \
         "$pcfile" "$prefix/bin/beamrun" "$prefix/bin/beamrun-disasm"; do
  [ -e "$f" ] || fail "not installed: ${f#$prefix/}"
  echo "installed: ${f#$prefix/}"
done
soname=$(objdump -p "$libdir/libbeamrun.so" | awk '$1 == "SONAME" {print $2}')
[ -n "$soname" ] && [ -e "$libdir/$soname" ] || fail "libbeamrun.so has no SONAME, or it is not installed"
echo "SONAME: $soname"
"$prefix/bin/beamrun" --version

nm -C --defined-only "$libdir/libbeamrun.a" >"$work/symbols" 2>/dev/null || true
# The preloaded modules (vm/preloaded/*.erl, compiled at build time) are inside the library.
grep -q ' beamrun::preloaded_beams' "$work/symbols" || fail "libbeamrun.a lacks the preloaded modules"
# The shared library exports the API, not the VM's insides (hidden visibility).
nm -DC --defined-only "$libdir/libbeamrun.so" >"$work/dynsyms"
if grep -E ' beamrun::(VM|Process|Runtime)::' "$work/dynsyms" >"$work/internal"; then
  head -3 "$work/internal"
  fail "libbeamrun.so exports internal symbols"
fi

# The embedding API is in the library once the embed layer is; until then nothing can link.
if grep -q ' beamrun::Vm::create(' "$work/symbols"; then
  api=1
else
  api=0
  echo "note: libbeamrun.a does not define beamrun::Vm::create yet (no embed layer): compiling only"
fi

run_hello() {  # run_hello BINARY
  local out
  out=$("$1") || fail "$1 exited with status $?"
  [ "$out" == "[3,2,1]" ] || fail "$1 printed '$out', not [3,2,1]"
  echo "$1: $out"
}

# CMake, static then shared: find_package with nothing but the prefix.
for shared in OFF ON; do
  dir=$work/cmake-$shared
  echo "== find_package(beamrun), HELLO_SHARED=$shared"
  cmake -S "$src/examples/hello" -B "$dir" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_BUILD_TYPE=Release -DHELLO_SHARED=$shared >"$dir.log" 2>&1 || { cat "$dir.log"; fail "configure"; }
  if [ $api -eq 1 ]; then
    cmake --build "$dir" >>"$dir.log" 2>&1 || { cat "$dir.log"; fail "build (find_package, shared=$shared)"; }
    run_hello "$dir/hello"
  else
    cmake --build "$dir" --target hello.cpp.o >>"$dir.log" 2>&1 || { cat "$dir.log"; fail "compile"; }
    echo "compiled"
    break  # the shared build compiles the same file the same way
  fi
done

# pkg-config, the static library: Libs.private and Requires.private must complete the link.
# -lbeamrun would take libbeamrun.so when both are there: ask for the archive by its name.
echo "== pkg-config --cflags --libs --static beamrun"
export PKG_CONFIG_PATH=$libdir/pkgconfig
cflags=$(pkg-config --cflags beamrun)
libs=$(pkg-config --libs --static beamrun | sed 's/-lbeamrun\b/-l:libbeamrun.a/')
echo "cflags: $cflags"
echo "libs: $libs"
# shellcheck disable=SC2086
"$cxx" -std=c++20 -O2 $cflags -c "$src/examples/hello/hello.cpp" -o "$work/hello.o" || fail "compile (pkg-config)"
if [ $api -eq 1 ]; then
  # shellcheck disable=SC2086
  "$cxx" ${LDFLAGS:-} "$work/hello.o" $libs -o "$work/hello-pc" || fail "link (pkg-config --static)"
  run_hello "$work/hello-pc"
else
  echo "compiled"
  echo "skipped: the link needs the embedding API (embed layer)"
  exit 77
fi
# The two full examples, each built on its own against the installed package and run.
for ex in workflow echo_server; do
  dir=$work/$ex
  echo "== examples/$ex against the installed package"
  cmake -S "$src/examples/$ex" -B "$dir" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_BUILD_TYPE=Release >"$dir.log" 2>&1 || { cat "$dir.log"; fail "configure examples/$ex"; }
  cmake --build "$dir" >>"$dir.log" 2>&1 || { cat "$dir.log"; fail "build examples/$ex"; }
  "$dir/$ex" "$dir/ebin" >"$dir.out" 2>&1 || { tail -20 "$dir.out"; fail "examples/$ex exited with status $?"; }
  tail -2 "$dir.out"
done
echo "out-of-tree builds: ok"
