// preloaded.cpp - loading the embedded preloaded modules (vm/preloaded.h).
#include "vm/preloaded.h"

#include "loader/translate.h"
#include "vm/vm.h"

namespace beamrun {

const PreloadedBeam* find_preloaded_beam(std::string_view module) {
  for (size_t i = 0; i < preloaded_beam_count; ++i)
    if (module == preloaded_beams[i].module) return &preloaded_beams[i];
  return nullptr;
}

bool VM::load_preloaded(Term name, Module** out, std::string* error) {
  const PreloadedBeam* pb = find_preloaded_beam(atoms_.name(name));
  if (pb == nullptr) return false;
  std::string label = std::string("preloaded:") + pb->module + ".beam";
  *out = nullptr;
  try {
    std::vector<uint8_t> bytes(pb->bytes, pb->bytes + pb->size);
    BeamFile bf = parse_beam(bytes, label, atoms_, [this](Term m, Term f, uint32_t a) { return exports_.get(m, f, a); });
    if (bf.module != name) throw BeamError(label + ": holds another module");
    if (find_module(name)) throw BeamError(label + ": module " + pb->module + " is already loaded");
    *out = install(translate_module(bf, load_env()));
  } catch (const std::exception& e) {
    *error = e.what();
  }
  return true;
}

}  // namespace beamrun
