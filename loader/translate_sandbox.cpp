// translate_sandbox.cpp - what the translator does differently for a module loaded under a
// sandbox policy (loader/sandbox.h): denied static calls, checks before gadgets, and export funs
// in the literals. Trusted modules never reach this file.
#include <vector>

#include "loader/instructions.h"
#include "loader/translator.h"

namespace beamrun {

bool Translator::emit_sandbox_static(const GenericInstr&, const ImportEntry& ie, int kind, uint64_t dealloc) {
  const SandboxPolicy& policy = *env_.policy;
  Export* e = env_.exports.get(ie.module, ie.function, ie.arity);
  if (!policy.allows_from(bf_.module, ie.module, ie.function, ie.arity)) {
    // Loading succeeds; the call raises when it runs, in its caller.
    spec::i_not_allowed::emit(*this, ExportRef{e});
    return true;
  }
  if (kind < 0) return false;  // a BIF instruction: no gadget or decoder is one
  if (SandboxPolicy::is_decoder(ie.module, ie.function, ie.arity, env_.atoms)) {
    // binary_to_term can forge any export fun: a body call, then a look at its result, then
    // what a tail call would have done.
    if (BifFn fn = env_.exports.find_bif(ie.module, ie.function, ie.arity))
      spec::i_call_bif::emit_as(*this, Instr::i_call_bif, BifRef{fn}, ExportRef{e});
    else
      spec::i_call_ext::emit_as(*this, Instr::i_call_ext, ExportRef{e});
    spec::i_sandbox_result::emit(*this, &policy, ConstOperand{bf_.module});
    if (kind == 1) spec::i_deallocate_return::emit(*this, dealloc);
    if (kind == 2) spec::i_return::emit(*this);
    return true;
  }
  if (SandboxPolicy::is_gadget(ie.module, ie.function, ie.arity, env_.atoms))
    spec::i_sandbox_mfa::emit(*this, &policy, ConstOperand{bf_.module}, ExportRef{e});
  return false;
}

// A literal `fun M:F/A` is an export fun the module holds without calling make_fun/3. Called
// from this module it would be checked (i_sandbox_fun), but handed to trusted code (lists:map,
// zipwith3 with `fun erlang:apply/3`) it would not: so each one the policy refuses, or that is a
// gadget, is pointed at a stand-in entry whose code raises not_allowed. The literal area is this
// module's own, so rewriting its Export* word changes nobody else's terms.
void Translator::guard_literal_funs() {
  const SandboxPolicy& policy = *env_.policy;
  for (Term literal : bf_.literals) {
    for_each_export_fun(literal, [&](Term f) {
      const Export* e = export_fun_entry(f);
      if (!policy.refuses_fun(env_.atoms, bf_.module, e->module, e->function, e->arity)) return;
      auto stand_in = std::make_unique<Export>();
      stand_in->module = e->module;
      stand_in->function = e->function;
      stand_in->arity = e->arity;
      boxed_ptr(f)[1] = reinterpret_cast<Word>(stand_in.get());
      size_t pos = code_.size();
      spec::i_not_allowed_fun::emit(*this, ExportRef{e});
      guarded_funs_.push_back({pos, std::move(stand_in)});
    });
  }
}

}  // namespace beamrun
