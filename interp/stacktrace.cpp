// stacktrace.cpp - building BEAM-shaped stacktrace terms from return addresses on the stack.
#include "interp/stacktrace.h"

#include <string>

#include "loader/module.h"
#include "process/runtime.h"

namespace beamrun {

namespace {

Term make_charlist(Process& p, const std::string& s) {
  Term list = NIL;
  for (size_t i = s.size(); i-- > 0;) {
    Term* c = p.alloc(2);
    list = write_cons(c, make_small(static_cast<unsigned char>(s[i])), list);
  }
  return list;
}

// [{file, File}, {line, Line}] for a code address, or [] without line information.
Term location(Process& p, const Module* m, const void* pc) {
  std::string file;
  uint32_t line = 0;
  if (m == nullptr || !m->location_at(pc, &file, &line)) return NIL;
  Term file_t = make_tuple_n(&p, {atom::file, make_charlist(p, file)});
  Term line_t = make_tuple_n(&p, {atom::line, make_small(line)});
  Term* cells = p.alloc(4);
  Term tail = write_cons(cells + 2, line_t, NIL);
  return write_cons(cells, file_t, tail);
}

// The frame of the function holding pc, or NON_VALUE when pc is in no module. `args`, if given,
// stands in for the arity; `extra`, if given, is appended to the location list.
Term frame_at(Process& p, const void* pc, Term args = NON_VALUE, Term extra = NON_VALUE) {
  // A process's first instruction applies its initial function: BEAM shows erlang:apply/2,3.
  if (pc == p.vm().apply_fun_code() || pc == p.vm().apply3_code())
    return make_tuple_n(&p, {atom::erlang, atom::apply, make_small(pc == p.vm().apply3_code() ? 3 : 2), NIL});
  const Module* m = p.vm().module_at(pc);
  if (m == nullptr) return NON_VALUE;
  const FunctionInfo* fi = m->function_at(pc);
  if (fi == nullptr) return NON_VALUE;
  Term loc = location(p, m, pc);
  if (extra != NON_VALUE) {
    // Append: the location list is at most two cells long.
    Term items[3];
    unsigned n = 0;
    for (Term l = loc; is_list(l); l = cdr(l)) items[n++] = car(l);
    items[n++] = extra;
    loc = make_list_from(p, items, n);
  }
  return make_tuple_n(&p, {fi->module, fi->name, args != NON_VALUE ? args : make_small(fi->arity), loc});
}

// The module that explains a BIF's errors, as BEAM names it in error_info.
Term error_info_module(Process& p, Term bif_module) {
  std::string_view m = p.vm().atoms().name(bif_module);
  if (m == "erlang" || m == "erts_internal" || m == "persistent_term" || m == "atomics" || m == "counters")
    return atom::erl_erts_errors;
  if (m == "os" || m == "code" || m == "file" || m == "inet")
    return p.vm().atoms().intern("erl_kernel_errors");
  return atom::erl_stdlib_errors;
}

}  // namespace

Term make_list_from(Process& p, const Term* items, unsigned n) {
  if (n == 0) return NIL;
  Term* cells = p.alloc(2 * size_t(n));
  Term list = NIL;
  for (unsigned i = n; i-- > 0;) list = write_cons(cells + 2 * i, items[i], list);
  return list;
}

Term function_frame_with_args(Process& p, const Word* pc, Term module, Term function, Term args) {
  const Module* m = p.vm().module_at(pc);
  return make_tuple_n(&p, {module, function, args, location(p, m, pc)});
}

Term bif_frame(Process& p, const Export* e, const Term* args) {
  Term arglist = make_list_from(p, args, e->arity);
  // #{module => ErrorModule}, or #{cause => C, module => ErrorModule}: a flat map.
  Term cause = p.exc_bif_cause;
  p.exc_bif_cause = NON_VALUE;
  Term* map;
  if (cause == NON_VALUE) {
    map = p.alloc(4);
    map[0] = make_header(3, Subtag::Map);
    map[1] = 1;
    map[2] = make_tuple_n(&p, {atom::module});
    map[3] = error_info_module(p, e->module);
  } else {
    map = p.alloc(5);
    map[0] = make_header(4, Subtag::Map);
    map[1] = 2;
    map[2] = make_tuple_n(&p, {p.vm().atoms().intern("cause"), atom::module});
    map[3] = cause;
    map[4] = error_info_module(p, e->module);
  }
  Term info = make_tuple_n(&p, {atom::error_info, make_boxed(map)});
  Term* cell = p.alloc(2);
  Term loc = write_cons(cell, info, NIL);
  return make_tuple_n(&p, {e->module, e->function, arglist, loc});
}

Term undef_frame(Process& p, Term module, Term function, const Term* args, unsigned arity) {
  Term arglist = make_list_from(p, args, arity);
  return make_tuple_n(&p, {module, function, arglist, NIL});
}

namespace {

// Adds one frame per return address on p's stack to frames[n..BACKTRACE_DEPTH).
unsigned stack_frames(Process& p, Term* frames, unsigned n) {
  Term previous = NON_VALUE;
  for (const Term* s = p.stop; s < p.heap_end && n < BACKTRACE_DEPTH; ++s) {
    Term w = *s;
    if (!is_header(w) || w == NON_VALUE) continue;  // only return addresses
    // Recursion leaves the same return address many times over; BEAM shows it once.
    if (w == previous) continue;
    previous = w;
    // A return address points past its call; the call's line is the one just before it.
    const Word* ret = reinterpret_cast<const Word*>(w);
    Term f = frame_at(p, ret - 1);
    if (f != NON_VALUE) frames[n++] = f;
  }
  return n;
}

}  // namespace

Term build_stacktrace(Process& p, const Word* pc, Term top, bool pc_frame) {
  Term frames[BACKTRACE_DEPTH];
  unsigned n = 0;
  if (top != NON_VALUE) frames[n++] = top;
  if (pc_frame && n < BACKTRACE_DEPTH) {
    Term f = frame_at(p, pc, p.exc_pc_args(), p.exc_pc_extra);
    if (f != NON_VALUE) frames[n++] = f;
  }
  n = stack_frames(p, frames, n);
  return make_list_from(p, frames, n);
}

Term current_stacktrace(Process& p, const Word* pc) {
  Term frames[BACKTRACE_DEPTH];
  unsigned n = 0;
  if (pc != nullptr) {
    Term f = frame_at(p, pc);
    if (f != NON_VALUE) frames[n++] = f;
  }
  n = stack_frames(p, frames, n);
  return make_list_from(p, frames, n);
}

}  // namespace beamrun
