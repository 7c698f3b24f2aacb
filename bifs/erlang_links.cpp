// erlang_links.cpp - links, monitors and exit signals as erlang's BIFs (supervision/ does the
// work).
//
//   link/1  unlink/1  monitor/2,3  demonitor/1,2  exit/2  spawn_link/1,2,3,4  spawn_monitor/1,3
#include "bifs/bif_util.h"
#include "supervision/exit_signals.h"

namespace beamrun {

namespace {

Term bif_link(Process* p, Term* a) {
  if (!is_local_pid(a[0])) return badarg(p);
  link_to(p, a[0]);
  // A link to a process that is gone left a noproc exit signal for us: handle it now.
  p->native_request = NativeRequest::Signals;
  return atom::true_;
}

Term bif_unlink(Process* p, Term* a) {
  if (!is_local_pid(a[0])) return badarg(p);
  unlink_from(p, a[0]);
  return atom::true_;
}

bool alias_mode(Process* p, Term t, ProcessTable::AliasMode* mode) {
  if (t == atom_of(p, "explicit_unalias")) *mode = ProcessTable::AliasMode::Explicit;
  else if (t == atom_of(p, "demonitor")) *mode = ProcessTable::AliasMode::Demonitor;
  else if (t == atom_of(p, "reply_demonitor")) *mode = ProcessTable::AliasMode::ReplyDemonitor;
  else return false;
  return true;
}

Term monitor(Process* p, Term type, Term target, Term opts) {
  if (list_length(opts) < 0) return badarg_cause(p, "badopt");
  if (type != atom_of(p, "process")) return badarg_cause(p, "badtype");
  ProcessTable::AliasMode mode;
  bool with_alias = false;
  for (Term l = opts; is_list(l); l = cdr(l)) {
    Term o = car(l);
    if (!is_tuple(o) || tuple_arity(o) != 2 || tuple_element(o, 1) != atom_of(p, "alias") ||
        !alias_mode(p, tuple_element(o, 2), &mode))
      return badarg_cause(p, "badopt");  // the tag option (OTP 26) is not known to OTP 25 either
    with_alias = true;
  }
  Term ref = monitor_process(p, target, with_alias ? &mode : nullptr);
  if (ref == NON_VALUE) return badarg(p);
  return ref;
}
Term bif_monitor2(Process* p, Term* a) { return monitor(p, a[0], a[1], NIL); }
Term bif_monitor3(Process* p, Term* a) { return monitor(p, a[0], a[1], a[2]); }

bool is_local_ref3(Term t) { return is_ref(t) && header_arity(boxed_ptr(t)[0]) == 3; }

Term bif_demonitor1(Process* p, Term* a) {
  if (!is_local_ref3(a[0])) return badarg(p);
  demonitor(p, a[0], false);
  return atom::true_;
}

Term bif_demonitor2(Process* p, Term* a) {
  if (!is_local_ref3(a[0])) return badarg(p);
  bool flush = false, info = false;
  Term l = a[1];
  for (; is_list(l); l = cdr(l)) {
    if (car(l) == atom_of(p, "flush")) flush = true;
    else if (car(l) == atom_of(p, "info")) info = true;
    else return badarg(p);
  }
  if (!is_nil(l)) return badarg(p);
  bool removed = demonitor(p, a[0], flush);
  return info ? make_bool(removed) : atom::true_;
}

Term bif_alias0(Process* p, Term*) { return make_alias(p, ProcessTable::AliasMode::Explicit); }
Term bif_alias1(Process* p, Term* a) {
  ProcessTable::AliasMode mode = ProcessTable::AliasMode::Explicit;
  Term l = a[0];
  for (; is_list(l); l = cdr(l)) {
    if (car(l) == atom_of(p, "explicit_unalias")) mode = ProcessTable::AliasMode::Explicit;
    else if (car(l) == atom_of(p, "reply")) mode = ProcessTable::AliasMode::Reply;
    else return badarg(p);
  }
  if (!is_nil(l)) return badarg(p);
  return make_alias(p, mode);
}
Term bif_unalias(Process* p, Term* a) {
  if (!is_local_ref3(a[0])) return badarg(p);
  return make_bool(unalias(p, ref_key_of(a[0])));
}

Term bif_exit2(Process* p, Term* a) {
  if (!is_local_pid(a[0])) return badarg(p);
  bool kill = a[1] == atom_of(p, "kill");
  send_exit_signal(p, a[0], a[1], false, kill);
  if (a[0] == p->pid()) p->native_request = NativeRequest::Signals;
  return atom::true_;
}

// spawn_link and spawn_monitor are spawn_opt with one option.
Term spawn_with(Process* p, const char* spawn_opt, Term* args, unsigned n, const char* option) {
  Term opt_list;
  Term* cell = p->alloc(2);
  opt_list = write_cons(cell, atom_of(p, option), NIL);
  Term call[5];
  for (unsigned i = 0; i < n; ++i) call[i] = args[i];
  call[n] = opt_list;
  BifFn fn = p->vm().find_bif(atom::erlang, atom_of(p, spawn_opt), n + 1);
  return fn(p, call);
}

Term bif_spawn_link1(Process* p, Term* a) { return spawn_with(p, "spawn_opt", a, 1, "link"); }
Term bif_spawn_link2(Process* p, Term* a) { return spawn_with(p, "spawn_opt", a, 2, "link"); }
Term bif_spawn_link3(Process* p, Term* a) { return spawn_with(p, "spawn_opt", a, 3, "link"); }
Term bif_spawn_link4(Process* p, Term* a) { return spawn_with(p, "spawn_opt", a, 4, "link"); }
Term bif_spawn_monitor1(Process* p, Term* a) {
  // Unlike spawn/1, spawn_monitor/1 checks the fun's arity itself.
  if (!(is_fun(a[0]) && fun_entry(a[0])->arity == 0) && !(is_export_fun(a[0]) && export_fun_entry(a[0])->arity == 0))
    return badarg(p);
  return spawn_with(p, "spawn_opt", a, 1, "monitor");
}
Term bif_spawn_monitor3(Process* p, Term* a) { return spawn_with(p, "spawn_opt", a, 3, "monitor"); }

}  // namespace

void register_erlang_link_bifs(Runtime& vm) {
  struct Entry {
    const char* name;
    uint32_t arity;
    BifFn fn;
  };
  static const Entry entries[] = {
      {"link", 1, bif_link},           {"unlink", 1, bif_unlink},
      {"monitor", 2, bif_monitor2},    {"monitor", 3, bif_monitor3},
      {"demonitor", 1, bif_demonitor1}, {"demonitor", 2, bif_demonitor2},
      {"exit", 2, bif_exit2},
      {"alias", 0, bif_alias0},        {"alias", 1, bif_alias1}, {"unalias", 1, bif_unalias},
      {"spawn_link", 1, bif_spawn_link1}, {"spawn_link", 2, bif_spawn_link2},
      {"spawn_link", 3, bif_spawn_link3}, {"spawn_link", 4, bif_spawn_link4},
      {"spawn_monitor", 1, bif_spawn_monitor1}, {"spawn_monitor", 3, bif_spawn_monitor3},
  };
  for (const Entry& e : entries) vm.register_bif("erlang", e.name, e.arity, e.fn);
  for (const Entry& e : entries)
    if (std::string_view(e.name).rfind("spawn", 0) == 0 && (e.arity != 3 || std::string_view(e.name) == "spawn_monitor"))
      vm.exports().get(atom::erlang, vm.atoms().intern(e.name), e.arity)->erlang_coded = true;
}

}  // namespace beamrun
