// module.cpp - questions about a loaded module's code: which function, which line.
#include "loader/module.h"

#include <algorithm>

namespace beamrun {

const FunctionInfo* Module::function_at(const void* p) const {
  auto w = static_cast<const Word*>(p);
  auto it = std::upper_bound(functions.begin(), functions.end(), w,
                             [](const Word* a, const FunctionInfo& f) { return a < f.info; });
  if (it == functions.begin()) return nullptr;
  return &*(it - 1);
}

bool Module::location_at(const void* p, std::string* file, uint32_t* line) const {
  auto w = static_cast<const Word*>(p);
  if (!contains(w)) return false;
  uint32_t offset = uint32_t(w - code.get());
  auto it = std::upper_bound(line_map.begin(), line_map.end(), offset,
                             [](uint32_t o, const std::pair<uint32_t, uint32_t>& e) { return o < e.first; });
  if (it == line_map.begin()) return false;
  --it;
  // A line entry from an earlier function does not describe this one.
  const FunctionInfo* f = function_at(p);
  if (f && code.get() + it->first < f->info) return false;
  const LineRef& ref = lines[it->second];
  if (ref.line == 0) return false;
  *file = ref.file < line_files.size() ? line_files[ref.file] : std::string();
  *line = ref.line;
  return true;
}

}  // namespace beamrun
