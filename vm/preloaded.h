// preloaded.h - the modules ERTS preloads that beamrun writes in Erlang (vm/preloaded/*.erl),
// compiled at build time and embedded in the binary as .beam bytes (cmake/preloaded.cmake
// generates the table). VM::ensure_loaded loads them from here before searching the code path.
#pragma once
#include <cstddef>
#include <string_view>

namespace beamrun {

struct PreloadedBeam {
  const char* module;
  const unsigned char* bytes;
  size_t size;
};

extern const PreloadedBeam preloaded_beams[];
extern const size_t preloaded_beam_count;

// The embedded .beam of `module`, or null.
const PreloadedBeam* find_preloaded_beam(std::string_view module);

}  // namespace beamrun
