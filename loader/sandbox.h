// sandbox.h - a capability policy for code the host does not trust, and the checks that
// enforce it on calls.
//
// A module loaded under a policy (VM::load_bytes with a policy; Module::policy) may call only
// what the policy allows. A call outside it raises error:{not_allowed, {M, F, A}} in the caller
// and never reaches the function:
//   - static calls (call_ext*, bif*, gc_bif*) to a denied M:F/A are translated into
//     i_not_allowed, which raises when (and only when) it runs: loading still succeeds;
//   - dynamic calls in that module (apply, erlang:apply/2,3, calling a fun) and the BIFs that
//     take a function to call later (spawn*, hibernate/3, make_fun/3: "gadgets" below) get a
//     check instruction in front of them that looks at the target in the registers. Only
//     sandboxed modules carry those instructions, so trusted code pays nothing.
//
// Who is the caller decides: a local closure made by trusted code runs trusted code, one made
// by sandboxed code runs code that was checked when it loaded. An export fun (`fun M:F/A`) is a
// capability: sandboxed code cannot make one to a denied function (make_fun/3 is checked, and
// so is a literal one in the module), nor to a gadget, since trusted higher-order code (lists:
// zipwith3(fun erlang:apply/3, ...)) would call it unchecked.
//
// Not a complete security boundary by itself: trusted library modules that call functions on
// the caller's behalf (proc_lib:spawn/3, timer:apply_after/4, rpc, erl_eval, supervisor child
// specs) or that reach the outside world themselves (filelib, disk_log) act with their own
// rights; untrusted() denies the known ones, and allow_modules (an allow-list) is the robust
// choice. Nor does a policy restrict which processes sandboxed code may send to or signal.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "term/atoms.h"
#include "term/term.h"

namespace beamrun {

// M:F/A of a call, as error:{not_allowed, {M, F, A}} names it.
struct CallTarget {
  Term module = NON_VALUE;
  Term function = NON_VALUE;
  uint32_t arity = 0;
};

// The arguments of a call being checked: the first n of `regs`, or the elements of a list
// (apply's last argument). A gadget's arguments are read from it; an improper list or too few
// elements leave the call to fail as it would anyway (badarg), so the check allows it.
struct CallArgs {
  const Term* regs = nullptr;
  Term list = NIL;
  uint32_t n = 0;
  static CallArgs registers(const Term* x, uint32_t n) { return CallArgs{x, NIL, n}; }
  // n = the list's length, or UINT32_MAX when it is not a proper list.
  static CallArgs of_list(Term list);
  static CallArgs none() { return CallArgs{}; }
  Term at(uint32_t i) const;  // NON_VALUE when absent
};

// Calls fn(export_fun_term) for each export fun inside t (tuples, lists, maps, closures' free
// variables), with an explicit stack.
void for_each_export_fun(Term t, const std::function<void(Term)>& fn);

struct SandboxPolicy {
  struct DeniedFunction {
    Term module = NON_VALUE;
    Term function = NON_VALUE;
    int64_t arity = -1;  // -1: every arity
  };
  // Every function of these modules.
  std::vector<Term> deny_modules;
  std::vector<DeniedFunction> deny_functions;
  // When non-empty, an allow-list: only these modules may be called, besides the calling module
  // itself and `erlang`. `erlang` stays callable because operators, guard tests and term
  // building are calls to erlang (`+`, element/2, self/0); to take some of it away, name those
  // functions in deny_functions (untrusted()'s are a start). The deny lists apply on top.
  std::vector<Term> allow_modules;
  // Per process, for processes spawned under the policy and all they spawn (each has its own
  // budget): reductions over its whole life (0: none), checked when a slice ends, so a process
  // may overrun by up to one slice (4000); and heap words (0: none), checked after each
  // collection as max_heap_size is. Past either the process is killed with
  // {sandbox_limit, reductions} or {sandbox_limit, heap}.
  uint64_t max_reductions = 0;
  size_t max_heap_words = 0;

  // Whether the policy allows calling m:f/arity (the caller's own module aside: allows_from).
  bool allows(Term m, Term f, uint32_t arity) const;
  bool allows_from(Term self, Term m, Term f, uint32_t arity) const {
    return m == self || allows(m, f, arity);
  }

  // The call `self` would make to m:f(args) with `arity` arguments: what it denies, if anything.
  // For a gadget (erlang:apply/2,3, spawn*, hibernate/3, make_fun/3) the function it would run
  // in turn is checked too, from its arguments.
  std::optional<CallTarget> denied_call(const AtomTable& atoms, Term self, Term m, Term f, uint32_t arity, const CallArgs& args) const;
  // Calling the fun f with args: a closure is allowed (its code was checked, or is trusted);
  // an export fun is its M:F/A. Anything else is left to fail as badfun.
  std::optional<CallTarget> denied_fun(const AtomTable& atoms, Term self, Term f, const CallArgs& args) const;

  // The BIFs of `erlang` that call a function named by their arguments (see the header comment):
  // a static call to one from sandboxed code gets a run-time check of those arguments.
  static bool is_gadget(Term m, Term f, uint32_t arity, const AtomTable& atoms);

  // erlang:binary_to_term/1,2 can forge any export fun. A static call from sandboxed code is
  // followed by a check of its result (refused_fun_in); called dynamically (apply, spawn) it is
  // refused, since nothing could look at the result.
  static bool is_decoder(Term m, Term f, uint32_t arity, const AtomTable& atoms);
  // The first export fun in t (closures' free variables included) that sandboxed code may not
  // hold: one the policy refuses, or a gadget's.
  std::optional<CallTarget> refused_fun_in(const AtomTable& atoms, Term self, Term t) const;
  bool refuses_fun(const AtomTable& atoms, Term self, Term m, Term f, uint32_t arity) const {
    return !allows_from(self, m, f, arity) || is_gadget(m, f, arity, atoms);
  }

  // The policy in text, as a host gives it: modules by name, functions as "m:f/a" (one arity)
  // or "m:f" (every arity); a name may be 'quoted' as in Erlang ("erlang:'/'/2").
  struct Names {
    std::vector<std::string> deny_modules, deny_functions, allow_modules;
  };
  // Builds a policy from names (limits left at 0); nullopt and *error for a malformed function
  // spec or an empty or over-long (255 characters) name.
  static std::optional<SandboxPolicy> from_names(const Names& names, AtomTable& atoms, std::string* error);
  // What a plugin must not touch, as names (for a public API that lists them) and as a policy;
  // sandbox.cpp gives the reason for each entry.
  static Names untrusted_names();
  static SandboxPolicy untrusted(AtomTable& atoms);

 private:
  std::optional<CallTarget> denied_call_at(const AtomTable& atoms, Term self, Term m, Term f, uint32_t arity, const CallArgs& args,
                                           int depth) const;
  std::optional<CallTarget> denied_fun_at(const AtomTable& atoms, Term self, Term f, const CallArgs& args, int depth) const;
};

}  // namespace beamrun
