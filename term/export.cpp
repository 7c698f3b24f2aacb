// export.cpp - the export table.
#include "term/export.h"

namespace beamrun {

Export* ExportTable::get(Term module, Term function, uint32_t arity) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = map_[Key{module, function, arity}];
  if (!slot) {
    slot = std::make_unique<Export>();
    slot->module = module;
    slot->function = function;
    slot->arity = arity;
  }
  return slot.get();
}

Export* ExportTable::find(Term module, Term function, uint32_t arity) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = map_.find(Key{module, function, arity});
  return it == map_.end() ? nullptr : it->second.get();
}

}  // namespace beamrun
