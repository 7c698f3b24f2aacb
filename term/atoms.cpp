#include "term/atoms.h"

#include <stdexcept>

namespace beamrun {

AtomTable::AtomTable() : chunks_(new std::unique_ptr<std::string[]>[MAX_CHUNKS]) {
  static constexpr const char* fixed[] = {
#define BEAMRUN_ATOM_TEXT(id, text) text,
      BEAMRUN_FIXED_ATOMS(BEAMRUN_ATOM_TEXT)
#undef BEAMRUN_ATOM_TEXT
  };
  for (const char* text : fixed) intern(text);
}

Term AtomTable::intern(std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(name);
  if (it != index_.end()) return make_atom(it->second);
  size_t n = count_.load(std::memory_order_relaxed);
  size_t chunk = n >> CHUNK_BITS;
  if (chunk >= MAX_CHUNKS) throw std::length_error("atom table full");
  if (!chunks_[chunk]) chunks_[chunk].reset(new std::string[CHUNK]);
  std::string& slot = chunks_[chunk][n & (CHUNK - 1)];
  slot.assign(name);
  index_.emplace(std::string_view(slot), n);
  count_.store(n + 1, std::memory_order_release);
  return make_atom(n);
}

Term AtomTable::try_intern(std::string_view name) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = index_.find(name);
    if (it != index_.end()) return make_atom(it->second);
    if (count_.load(std::memory_order_relaxed) >= limit_) return NON_VALUE;
  }
  // Another thread may add atoms meanwhile: the limit is approximate by that much.
  try {
    return intern(name);
  } catch (const std::length_error&) {
    return NON_VALUE;
  }
}

Term AtomTable::find(std::string_view name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(name);
  return it == index_.end() ? NON_VALUE : make_atom(it->second);
}

std::string_view AtomTable::name(Term atom) const {
  Uint i = atom_index(atom);
  if (i >= count_.load(std::memory_order_acquire)) return "<bad atom>";
  return chunks_[i >> CHUNK_BITS][i & (CHUNK - 1)];
}

}  // namespace beamrun
