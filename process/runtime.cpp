// runtime.cpp - the tables of Runtime: natives and modules.
#include "process/runtime.h"

#include "process/process.h"

namespace beamrun {

void Runtime::register_bif(const char* module, const char* function, uint32_t arity, BifFn fn) {
  Export* e = exports_.get(atoms_.intern(module), atoms_.intern(function), arity);
  e->bif = fn;
}

void Runtime::write_output(int fd, std::string_view bytes) {
  const auto& fn = fd == 2 ? options_.err_fn : options_.out_fn;
  if (fn) {
    fn(bytes);
    return;
  }
  FILE* f = fd == 2 ? options_.err : options_.out;
  if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fflush(f);  // as erl's user, which writes each request out at once
}

Module* Runtime::find_module(Term name) const {
  std::lock_guard<std::mutex> lock(modules_mutex_);
  auto it = modules_.find(name);
  return it == modules_.end() ? nullptr : it->second.get();
}

const Module* Runtime::module_at(const void* addr) const {
  auto w = static_cast<const Word*>(addr);
  std::lock_guard<std::mutex> lock(modules_mutex_);
  auto it = by_address_.upper_bound(w);
  if (it == by_address_.begin()) return nullptr;
  --it;
  return it->second->contains(w) ? it->second : nullptr;
}

std::vector<const Module*> Runtime::loaded_modules() const {
  std::lock_guard<std::mutex> lock(modules_mutex_);
  std::vector<const Module*> out;
  for (auto& [k, m] : modules_) out.push_back(m.get());
  return out;
}

Term new_reference(Process& proc) {
  // Spread the VM-wide counter over the three words as ERTS lays a ref out: 18 bits in the
  // first word, 32 in the second, the rest in the third.
  Process* p = &proc;
  uint64_t n = p->vm().next_ref_number();
  Term* r = p->alloc(REF_WORDS);
  r[0] = make_header(REF_WORDS - 1, Subtag::Ref);
  r[1] = n & MAX_REF_WORD0;
  r[2] = (n >> 18) & 0xFFFFFFFFu;
  r[3] = n >> 50;
  return make_boxed(r);
}

EtfEncodeEnv Runtime::encode_env(Term creator_pid) {
  auto md5 = [](const void* context, const FunEntry* fe) -> const uint8_t* {
    const Runtime& vm = *static_cast<const Runtime*>(context);
    const Module* m = vm.module_at(fe->address);
    if (!m) m = vm.find_module(fe->module);
    return m ? m->md5 : nullptr;
  };
  return EtfEncodeEnv{atoms_, md5, this, creator_pid};
}

}  // namespace beamrun
