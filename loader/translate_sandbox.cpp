// translate_sandbox.cpp - what the translator does differently for a module loaded under a
// sandbox policy (loader/sandbox.h): denied static calls, checks before gadgets, and export funs
// in the literals. Trusted modules never reach this file.
#include <vector>

#include "loader/instructions.h"
#include "loader/translator.h"
#include "term/map.h"

namespace beamrun {

bool Translator::emit_sandbox_static(const GenericInstr&, const ImportEntry& ie, bool may_be_gadget) {
  const SandboxPolicy& policy = *env_.policy;
  if (!policy.allows_from(bf_.module, ie.module, ie.function, ie.arity)) {
    // Loading succeeds; the call raises when it runs, in its caller.
    spec::i_not_allowed::emit(*this, ExportRef{env_.exports.get(ie.module, ie.function, ie.arity)});
    return true;
  }
  if (may_be_gadget && SandboxPolicy::is_gadget(ie.module, ie.function, ie.arity, env_.atoms))
    spec::i_sandbox_mfa::emit(*this, &policy, ConstOperand{bf_.module},
                              ExportRef{env_.exports.get(ie.module, ie.function, ie.arity)});
  return false;
}

// A literal `fun M:F/A` is an export fun the module holds without calling make_fun/3. Called
// from this module it would be checked (i_sandbox_fun), but handed to trusted code (lists:map,
// zipwith3 with `fun erlang:apply/3`) it would not: so each one the policy refuses, or that is a
// gadget, is pointed at a stand-in entry whose code raises not_allowed. The literal area is this
// module's own, so rewriting its Export* word changes nobody else's terms.
void Translator::guard_literal_funs() {
  const SandboxPolicy& policy = *env_.policy;
  std::vector<Term> todo(bf_.literals.begin(), bf_.literals.end());
  while (!todo.empty()) {
    Term t = todo.back();
    todo.pop_back();
    if (is_list(t)) {
      todo.push_back(car(t));
      todo.push_back(cdr(t));
      continue;
    }
    if (!is_boxed(t)) continue;
    Term* b = boxed_ptr(t);
    switch (header_subtag(b[0])) {
      case Subtag::Tuple:
        for (Uint i = 1; i <= header_arity(b[0]); ++i) todo.push_back(b[i]);
        break;
      case Subtag::Map:
        todo.push_back(flatmap_keys(t));
        for (Uint i = 0; i < flatmap_size(t); ++i) todo.push_back(flatmap_values(t)[i]);
        break;
      case Subtag::HashMap: {
        const Term* children = hashmap_node_children(b);
        for (unsigned i = 0; i < hashmap_node_count(b); ++i) todo.push_back(children[i]);
        break;
      }
      case Subtag::Export: {
        const Export* e = export_fun_entry(t);
        if (policy.allows_from(bf_.module, e->module, e->function, e->arity) &&
            !SandboxPolicy::is_gadget(e->module, e->function, e->arity, env_.atoms))
          break;
        auto stand_in = std::make_unique<Export>();
        stand_in->module = e->module;
        stand_in->function = e->function;
        stand_in->arity = e->arity;
        b[1] = reinterpret_cast<Word>(stand_in.get());
        size_t pos = code_.size();
        spec::i_not_allowed_fun::emit(*this, ExportRef{e});
        guarded_funs_.push_back({pos, std::move(stand_in)});
        break;
      }
      default:
        break;  // no terms inside (numbers, binaries, references), or none literals hold
    }
  }
}

}  // namespace beamrun
