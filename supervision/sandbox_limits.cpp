// sandbox_limits.cpp - killing a sandboxed process that passed its policy's limits.
#include "supervision/sandbox_limits.h"

#include "process/runtime.h"

namespace beamrun {

namespace {
// {sandbox_limit, What} on the process's heap (alloc never collects; the reason is copied out
// when the process is buried).
Term limit_reason(Process* p, const char* what) {
  Runtime& vm = p->vm();
  Term* t = p->alloc(3);
  t[0] = make_tuple_header(2);
  t[1] = vm.atoms().intern("sandbox_limit");
  t[2] = vm.atoms().intern(what);
  return make_boxed(t);
}
}  // namespace

bool sandbox_reductions_exceeded(Process* p) {
  const SandboxPolicy* policy = p->sandbox();
  if (policy == nullptr || policy->max_reductions == 0 || p->reductions <= policy->max_reductions) return false;
  p->exit_reason = limit_reason(p, "reductions");
  return true;
}

bool sandbox_heap_exceeded(Process* p) {
  const SandboxPolicy* policy = p->sandbox();
  if (policy == nullptr || policy->max_heap_words == 0 || p->total_heap_size() <= policy->max_heap_words) return false;
  p->max_heap_exceeded = false;
  p->exit_reason = limit_reason(p, "heap");
  return true;
}

}  // namespace beamrun
