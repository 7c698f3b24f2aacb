// erlang_processes.cpp - processes as erlang's BIFs see them: spawning, sending, names, flags,
// the process dictionary, process_info, yield and hibernate.
//
//   spawn/1,2,3,4  spawn_opt/2,3,4,5  is_process_alive/1  processes/0  send/2,3
//   register/2  unregister/1  whereis/1  registered/0  process_flag/2  process_info/1,2
//   put/2  get/0,1  get_keys/0,1  erase/0,1  yield/0  hibernate/3  group_leader/0,2
//
// Reading another process (process_info) takes that process's run lock, which its scheduler
// holds for a whole slice. The caller first lets go of its own run lock, so no thread ever holds
// two: the answer is built on the other process's heap (it is not running), copied out as a
// message block, and adopted by the caller once it holds its own lock again.
#include <algorithm>

#include "bifs/bif_util.h"
#include "interp/interp.h"
#include "interp/stacktrace.h"
#include "loader/module.h"
#include "scheduler/scheduler.h"
#include "supervision/process_signals.h"
#include "term/term_order.h"

namespace beamrun {

namespace {

bool is_this_node(Term node) { return node == atom::nonode_nohost; }

// --- spawning ---------------------------------------------------------------------------------

// max_heap_size: a size in words, or #{size => N, kill => Bool, error_logger => Bool}.
bool parse_max_heap_size(Process* p, Term v, size_t* size, bool* kill, bool* logger) {
  *size = 0;  // keys left out take their defaults
  *kill = *logger = true;
  if (is_small(v) && small_value(v) >= 0) {
    *size = size_t(small_value(v));
    return true;
  }
  if (!is_map(v) || !is_boxed_of(v, Subtag::Map)) return false;
  AtomTable& atoms = p->vm().atoms();
  Term keys = flatmap_keys(v);
  bool has_size = false;
  for (Uint i = 0; i < flatmap_size(v); ++i)
    if (tuple_element(keys, i + 1) == atoms.intern("size")) has_size = true;
  if (!has_size) return false;
  for (Uint i = 0; i < flatmap_size(v); ++i) {
    Term k = tuple_element(keys, i + 1), val = flatmap_values(v)[i];
    if (k == atoms.intern("size") && is_small(val) && small_value(val) >= 0) *size = size_t(small_value(val));
    else if (k == atoms.intern("kill") && (val == atom::true_ || val == atom::false_)) *kill = val == atom::true_;
    else if (k == atoms.intern("error_logger") && (val == atom::true_ || val == atom::false_)) *logger = val == atom::true_;
    else if (k != atoms.intern("include_shared_binaries")) return false;
  }
  return true;
}

Term max_heap_size_map(Process* q) {
  AtomTable& atoms = q->vm().atoms();
  Term keys = make_tuple_n(q, {atoms.intern("error_logger"), atoms.intern("kill"), atoms.intern("size")});
  Term* m = q->alloc(6);
  m[0] = make_header(5, Subtag::Map);
  m[1] = 3;
  m[2] = keys;
  m[3] = make_bool(q->max_heap_error_logger());
  m[4] = make_bool(q->max_heap_kill());
  m[5] = make_small(Sint(q->max_heap_size()));
  return make_boxed(m);
}

// Parses spawn_opt's option list into `o`; false for anything BEAM rejects.
bool parse_spawn_options(Process* p, Term list, SpawnSettings* o) {
  AtomTable& atoms = p->vm().atoms();
  for (; is_list(list); list = cdr(list)) {
    Term opt = car(list);
    if (opt == atoms.intern("link")) { o->link = true; continue; }
    if (opt == atoms.intern("monitor")) { o->monitor = true; continue; }
    if (!is_tuple(opt) || tuple_arity(opt) != 2) return false;
    Term key = tuple_element(opt, 1), val = tuple_element(opt, 2);
    if (key == atoms.intern("priority")) {
      if (val == atoms.intern("low")) o->priority = RunPriority::Low;
      else if (val == atoms.intern("normal")) o->priority = RunPriority::Normal;
      else if (val == atoms.intern("high")) o->priority = RunPriority::High;
      else if (val == atoms.intern("max")) o->priority = RunPriority::Max;
      else return false;
    } else if (key == atoms.intern("min_heap_size") || key == atoms.intern("min_bin_vheap_size") ||
               key == atoms.intern("fullsweep_after")) {
      if (!is_small(val) || small_value(val) < 0) return false;
      if (key == atoms.intern("min_heap_size")) o->min_heap_size = size_t(small_value(val));
      if (key == atoms.intern("fullsweep_after")) o->fullsweep_after = small_value(val);
    } else if (key == atoms.intern("max_heap_size")) {
      if (!parse_max_heap_size(p, val, &o->max_heap_size, &o->max_heap_kill, &o->max_heap_error_logger)) return false;
    } else if (key == atoms.intern("message_queue_data")) {
      if (val != atoms.intern("off_heap") && val != atoms.intern("on_heap")) return false;
      o->message_queue_off_heap = val == atoms.intern("off_heap");
    } else {
      return false;
    }
  }
  return is_nil(list);
}

Term do_spawn(Process* p, const Word* entry, const Term* args, unsigned n, SpawnSettings o,
              Term init_m, Term init_f, Term init_a) {
  Term ref = NON_VALUE;
  o.initial_call[0] = init_m;
  o.initial_call[1] = init_f;
  o.initial_call[2] = init_a;
  Term pid = p->vm().spawn(p, entry, args, n, o, &ref);
  if (pid == NON_VALUE) return p->bif_error(atom::system_limit);
  if (o.monitor) return make_tuple_n(p, {pid, ref});
  return pid;
}

Term spawn_fun(Process* p, Term fun, const SpawnSettings& o) {
  if (!is_fun(fun) && !is_export_fun(fun)) return badarg(p);
  Term args[2] = {fun, NIL};
  return do_spawn(p, p->vm().apply_fun_code(), args, 2, o, atom::erlang, atom::apply, make_small(2));
}

Term spawn_mfa(Process* p, Term m, Term f, Term a, const SpawnSettings& o) {
  Sint n = list_length(a);
  if (!is_atom(m) || !is_atom(f) || n < 0) return badarg(p);
  if (n > 255) {  // past any function's arity: the new process fails as apply/3 would
    Term args[3] = {m, f, a};
    return do_spawn(p, p->vm().apply3_code(), args, 3, o, m, f, make_small(n));
  }
  // The process starts at M:F itself (no erlang:apply/3 frame in its stack traces).
  Term args[255];
  Sint i = 0;
  for (Term l = a; is_list(l); l = cdr(l)) args[i++] = car(l);
  const Word* entry = p->vm().entry_code(p->vm().exports().get(m, f, uint32_t(n)));
  return do_spawn(p, entry, args, unsigned(n), o, m, f, make_small(n));
}

Term bif_spawn1(Process* p, Term* a) { return spawn_fun(p, a[0], {}); }
Term bif_spawn2(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_this_node(a[0])) return badarg(p);
  return spawn_fun(p, a[1], {});
}
Term bif_spawn3(Process* p, Term* a) { return spawn_mfa(p, a[0], a[1], a[2], {}); }
Term bif_spawn4(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_this_node(a[0])) return badarg(p);
  return spawn_mfa(p, a[1], a[2], a[3], {});
}
Term bif_spawn_opt2(Process* p, Term* a) {
  SpawnSettings o;
  if (!parse_spawn_options(p, a[1], &o)) return badarg_cause(p, "badopt");
  return spawn_fun(p, a[0], o);
}
Term bif_spawn_opt3(Process* p, Term* a) {
  SpawnSettings o;
  if (!is_atom(a[0]) || !is_this_node(a[0])) return badarg(p);
  if (!parse_spawn_options(p, a[2], &o)) return badarg_cause(p, "badopt");
  return spawn_fun(p, a[1], o);
}
Term bif_spawn_opt4(Process* p, Term* a) {
  SpawnSettings o;
  if (!parse_spawn_options(p, a[3], &o)) return badarg_cause(p, "badopt");
  return spawn_mfa(p, a[0], a[1], a[2], o);
}
Term bif_spawn_opt5(Process* p, Term* a) {
  SpawnSettings o;
  if (!is_atom(a[0]) || !is_this_node(a[0])) return badarg(p);
  if (!parse_spawn_options(p, a[4], &o)) return badarg_cause(p, "badopt");
  return spawn_mfa(p, a[1], a[2], a[3], o);
}

// --- sending and names ------------------------------------------------------------------------

Term bif_send2(Process* p, Term* a) {
  if (!send_term(p, a[0], a[1])) return NON_VALUE;
  return a[1];
}
Term bif_send3(Process* p, Term* a) {
  Term l = a[2];
  for (; is_list(l); l = cdr(l))
    if (car(l) != atom_of(p, "noconnect") && car(l) != atom_of(p, "nosuspend")) return badarg_cause(p, "badopt");
  if (!is_nil(l)) return badarg_cause(p, "badopt");
  if (!send_term(p, a[0], a[1])) return NON_VALUE;
  return atom::ok;
}

Term bif_is_process_alive(Process* p, Term* a) {
  if (!is_local_pid(a[0])) return badarg(p);
  if (a[0] == p->pid()) return atom::true_;
  Process* q = p->vm().processes().acquire(a[0]);
  if (q == nullptr) return atom::false_;
  bool alive = !(q->state.load(std::memory_order_acquire) & pstate::EXITING);
  p->vm().release(q);
  return make_bool(alive);
}

Term list_of(Process* p, const std::vector<Term>& items) {
  Term l = NIL;
  Term* cells = items.empty() ? nullptr : p->alloc(2 * items.size());
  for (size_t i = items.size(); i-- > 0;) l = write_cons(cells + 2 * i, items[i], l);
  return l;
}

Term bif_processes(Process* p, Term*) {
  std::vector<Term> pids = p->vm().processes().pids();
  std::sort(pids.begin(), pids.end());
  return list_of(p, pids);
}

Term bif_register(Process* p, Term* a) {
  Term name = a[0];
  if (!is_atom(name) || name == atom::undefined || !is_local_pid(a[1])) return badarg_cause(p, "none");
  Runtime& vm = p->vm();
  Process* q = a[1] == p->pid() ? p : vm.processes().acquire(a[1]);
  if (q == nullptr) return badarg_cause(p, "notalive");
  ProcessTable::RegisterResult r = vm.processes().register_name(name, q);
  if (q != p) vm.release(q);
  switch (r) {
    case ProcessTable::RegisterResult::Ok: return atom::true_;
    case ProcessTable::RegisterResult::ProcessNamed: return badarg_cause(p, "registered_name");
    case ProcessTable::RegisterResult::Exiting: return badarg_cause(p, "notalive");
    default: return badarg_cause(p, "none");
  }
}

Term bif_unregister(Process* p, Term* a) {
  if (!is_atom(a[0]) || !p->vm().processes().unregister_name(a[0])) return badarg(p);
  return atom::true_;
}

Term bif_whereis(Process* p, Term* a) {
  if (!is_atom(a[0])) return badarg(p);
  return p->vm().processes().whereis(a[0]);
}

Term bif_registered(Process* p, Term*) { return list_of(p, p->vm().processes().names()); }

// --- flags --------------------------------------------------------------------------------------

Term priority_atom(Process* p, RunPriority pr) {
  switch (pr) {
    case RunPriority::Max: return atom_of(p, "max");
    case RunPriority::High: return atom_of(p, "high");
    case RunPriority::Low: return atom_of(p, "low");
    default: return atom_of(p, "normal");
  }
}

Term bif_process_flag(Process* p, Term* a) {
  AtomTable& atoms = p->vm().atoms();
  Term flag = a[0], val = a[1];
  if (flag == atoms.intern("trap_exit")) {
    if (val != atom::true_ && val != atom::false_) return badarg(p);
    Term old = make_bool(p->trap_exit);
    p->trap_exit = val == atom::true_;
    return old;
  }
  if (flag == atoms.intern("priority")) {
    RunPriority pr;
    if (val == atoms.intern("low")) pr = RunPriority::Low;
    else if (val == atoms.intern("normal")) pr = RunPriority::Normal;
    else if (val == atoms.intern("high")) pr = RunPriority::High;
    else if (val == atoms.intern("max")) pr = RunPriority::Max;
    else return badarg(p);
    Term old = priority_atom(p, p->priority);
    p->priority = pr;
    return old;
  }
  if (flag == atoms.intern("min_heap_size")) {
    if (!is_small(val) || small_value(val) < 0) return badarg(p);
    Term old = make_small(Sint(p->min_heap_size()));
    p->set_min_heap_size(size_t(small_value(val)));  // nothing on the heap is held here
    return old;
  }
  if (flag == atoms.intern("fullsweep_after")) {
    if (!is_small(val) || small_value(val) < 0) return badarg(p);
    Term old = make_small(Sint(p->fullsweep_after()));
    p->set_fullsweep_after(uint64_t(small_value(val)));
    return old;
  }
  if (flag == atoms.intern("max_heap_size")) {
    Term old = max_heap_size_map(p);
    size_t size = p->max_heap_size();
    bool kill = p->max_heap_kill(), logger = p->max_heap_error_logger();
    if (!parse_max_heap_size(p, val, &size, &kill, &logger)) return badarg(p);
    if (size != 0 && size < p->min_heap_size()) return badarg(p);  // below the heap it must hold
    p->set_max_heap_size(size, kill, logger);
    return old;
  }
  if (flag == atoms.intern("message_queue_data")) {
    if (val != atoms.intern("off_heap") && val != atoms.intern("on_heap")) return badarg(p);
    Term old = p->message_queue_off_heap ? atoms.intern("off_heap") : atoms.intern("on_heap");
    p->message_queue_off_heap = val == atoms.intern("off_heap");
    return old;
  }
  return badarg_cause(p, "badopt");
}

// --- the process dictionary ---------------------------------------------------------------------

Term bif_put(Process* p, Term* a) {
  Term kv = make_tuple_n(p, {a[0], a[1]});
  Term old = p->dict.put(kv, p->vm().atoms());
  return old == NON_VALUE ? atom::undefined : tuple_element(old, 2);
}
Term bif_get1(Process* p, Term* a) {
  Term kv = p->dict.find(a[0], p->vm().atoms());
  return kv == NON_VALUE ? atom::undefined : tuple_element(kv, 2);
}
Term dict_list(Process* p, bool keys_only, Term value_filter) {
  std::vector<Term> items;
  p->dict.for_each([&](Term kv) {
    if (value_filter != NON_VALUE) {
      Term v = tuple_element(kv, 2);
      if (v != value_filter && (is_immed(v) || is_immed(value_filter) || !eq_exact(v, value_filter))) return;
    }
    items.push_back(keys_only ? tuple_element(kv, 1) : kv);
  });
  return list_of(p, items);
}
Term bif_get0(Process* p, Term*) { return dict_list(p, false, NON_VALUE); }
Term bif_get_keys0(Process* p, Term*) { return dict_list(p, true, NON_VALUE); }
Term bif_get_keys1(Process* p, Term* a) { return dict_list(p, true, a[0]); }
Term bif_erase1(Process* p, Term* a) {
  Term old = p->dict.erase(a[0], p->vm().atoms());
  return old == NON_VALUE ? atom::undefined : tuple_element(old, 2);
}
Term bif_erase0(Process* p, Term*) {
  Term all = dict_list(p, false, NON_VALUE);
  p->dict.clear();
  return all;
}

// --- yield, hibernate, group leader ----------------------------------------------------------------

Term bif_yield(Process* p, Term*) {
  p->native_request = NativeRequest::Yield;
  return atom::true_;
}

Term bif_hibernate(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_atom(a[1]) || list_length(a[2]) < 0) return badarg(p);
  p->native_request = NativeRequest::Hibernate;
  p->hibernating = true;
  return a[0];  // x0 keeps the module: the interpreter restarts the process at apply(M, F, A)
}

Term bif_group_leader0(Process* p, Term*) { return p->group_leader == NIL ? p->pid() : p->group_leader; }

Term bif_group_leader2(Process* p, Term* a) {
  if (!is_local_pid(a[0]) || !is_local_pid(a[1])) return badarg(p);
  if (a[1] == p->pid()) {
    p->group_leader = a[0];
    return atom::true_;
  }
  Process* q = p->vm().processes().acquire(a[1]);
  if (q == nullptr) return badarg(p);
  p->run_lock.unlock();
  {
    std::lock_guard<SmallMutex> g(q->run_lock);
    q->group_leader = a[0];
  }
  p->run_lock.lock();
  p->vm().release(q);
  return atom::true_;
}

// --- garbage_collect ------------------------------------------------------------------------

// A full sweep of q. The caller holds q's run lock or is q; no heap term is held in C++ here,
// and a native call's arguments are dead once it runs, so no x register is a root (the saved
// registers of a process that is not running are, as extra roots).
void full_sweep(Process* q, bool major) {
  if (major) q->collect_major(0, 0);
  else q->collect(0, 0);
}

Term garbage_collect(Process* p, Term pid, Term opts) {
  AtomTable& atoms = p->vm().atoms();
  bool major = true;
  Term async = NON_VALUE;
  for (; is_list(opts); opts = cdr(opts)) {
    Term o = car(opts);
    if (!is_tuple(o) || tuple_arity(o) != 2) return badarg(p);
    if (tuple_element(o, 1) == atoms.intern("async")) async = tuple_element(o, 2);
    else if (tuple_element(o, 1) == atoms.intern("type") && tuple_element(o, 2) == atoms.intern("major")) major = true;
    else if (tuple_element(o, 1) == atoms.intern("type") && tuple_element(o, 2) == atoms.intern("minor")) major = false;
    else return badarg(p);
  }
  if (!is_nil(opts) || !is_local_pid(pid)) return badarg(p);
  bool done = false;
  if (pid == p->pid()) {
    full_sweep(p, major);
    done = true;
  } else if (Process* q = p->vm().processes().acquire(pid)) {
    p->run_lock.unlock();
    {
      std::lock_guard<SmallMutex> g(q->run_lock);
      if (!(q->state.load(std::memory_order_acquire) & pstate::EXITING)) {
        full_sweep(q, major);
        done = true;
      }
    }
    p->run_lock.lock();
    p->vm().release(q);
  }
  if (async == NON_VALUE) return make_bool(done);
  send_term(p, p->pid(), make_tuple_n(p, {atoms.intern("garbage_collect"), async, make_bool(done)}));
  return atoms.intern("async");
}

Term bif_garbage_collect0(Process* p, Term*) { return garbage_collect(p, p->pid(), NIL); }
Term bif_garbage_collect1(Process* p, Term* a) { return garbage_collect(p, a[0], NIL); }
Term bif_garbage_collect2(Process* p, Term* a) { return garbage_collect(p, a[0], a[1]); }

// --- process_info -------------------------------------------------------------------------------

const char* const DEFAULT_INFO_ITEMS[] = {
    "current_function", "initial_call", "status",   "message_queue_len", "links",
    "dictionary",       "trap_exit",    "error_handler", "priority",     "group_leader",
    "total_heap_size",  "heap_size",    "stack_size",    "reductions",   "garbage_collection",
    "suspending"};

// The value of one item for q (running, if q == self), built on q's heap; NON_VALUE for an
// unknown item.
Term info_value(Process* q, Term item, bool self) {
  AtomTable& atoms = q->vm().atoms();
  std::string_view name = atoms.name(item);
  auto mfa_of = [&](const void* pc) -> Term {
    const Module* m = pc ? q->vm().module_at(pc) : nullptr;
    const FunctionInfo* fi = m ? m->function_at(pc) : nullptr;
    if (fi == nullptr) return atom::undefined;
    return make_tuple_n(q, {fi->module, fi->name, make_small(fi->arity)});
  };
  if (name == "status") {
    if (self) return atoms.intern("running");
    uint32_t s = q->state.load(std::memory_order_acquire);
    if (s & pstate::EXITING) return atoms.intern("exiting");
    if (s & pstate::WAITING) return atoms.intern("waiting");
    return atoms.intern("runnable");
  }
  if (name == "message_queue_len") {
    return make_small(Sint(q->messages.size()));
  }
  if (name == "messages") {
    std::vector<Term> ms;
    for (Message* m = q->messages.first(); m; m = m->qnext) ms.push_back(m->term);
    return list_of(q, ms);
  }
  if (name == "suspending") return NIL;
  if (name == "links" || name == "monitors" || name == "monitored_by") {
    std::vector<Term> items;
    {
      std::lock_guard<SmallMutex> g(q->sig_mutex);
      if (name == "links") items.assign(q->rel().links.begin(), q->rel().links.end());
      else if (name == "monitored_by")
        for (const auto& [k, m] : q->rel().monitored_by) items.push_back(m.other);
      else
        for (const auto& [k, m] : q->rel().monitors) items.push_back(m.name == NIL ? m.other : m.name);
    }
    if (name == "monitors")  // [{process, Pid}] or [{process, {Name, Node}}]
      for (Term& t : items)
        t = make_tuple_n(q, {atoms.intern("process"), is_atom(t) ? make_tuple_n(q, {t, atom::nonode_nohost}) : t});
    return list_of(q, items);
  }
  if (name == "trap_exit") return make_bool(q->trap_exit);
  if (name == "priority") return priority_atom(q, q->priority);
  if (name == "reductions") return make_small(Sint(q->reductions));
  if (name == "current_function") {
    if (q->hibernating) return make_tuple_n(q, {atom::erlang, atoms.intern("hibernate"), make_small(3)});
    return mfa_of(self ? q->native_pc : q->resume_pc);
  }
  if (name == "current_stacktrace") return current_stacktrace(*q, self ? q->native_pc : q->resume_pc);
  if (name == "min_heap_size") return make_small(Sint(q->min_heap_size()));
  if (name == "min_bin_vheap_size") return make_small(46422);
  if (name == "max_heap_size") return max_heap_size_map(q);
  if (name == "initial_call") {
    if (q->initial_call[0] == NIL) return atom::undefined;
    return make_tuple_n(q, {q->initial_call[0], q->initial_call[1], q->initial_call[2]});
  }
  if (name == "registered_name") return q->registered_name == NIL ? NIL : q->registered_name;
  if (name == "heap_size") return make_small(Sint(q->heap_size()));
  if (name == "total_heap_size") return make_small(Sint(q->total_heap_size()));
  if (name == "stack_size") return make_small(Sint(q->stack_size()));
  if (name == "memory") return make_small(Sint(q->memory_bytes()));
  if (name == "dictionary") {
    std::vector<Term> kvs;
    q->dict.for_each([&](Term kv) { kvs.push_back(kv); });
    return list_of(q, kvs);
  }
  if (name == "group_leader") return q->group_leader == NIL ? q->pid() : q->group_leader;
  if (name == "error_handler") return atoms.intern("error_handler");
  if (name == "garbage_collection") {
    std::vector<Term> items = {
        make_tuple_n(q, {atoms.intern("max_heap_size"), max_heap_size_map(q)}),
        make_tuple_n(q, {atoms.intern("min_bin_vheap_size"), make_small(46422)}),
        make_tuple_n(q, {atoms.intern("min_heap_size"), make_small(Sint(q->min_heap_size()))}),
        make_tuple_n(q, {atoms.intern("fullsweep_after"), make_small(Sint(q->fullsweep_after()))}),
        make_tuple_n(q, {atoms.intern("minor_gcs"), make_small(Sint(q->minor_gcs()))}),
    };
    return list_of(q, items);
  }
  if (name == "message_queue_data") return atoms.intern(q->message_queue_off_heap ? "off_heap" : "on_heap");
  return NON_VALUE;
}

bool known_item(Process* p, Term item) {
  static const char* const items[] = {
      "status", "message_queue_len", "messages", "links", "monitors", "monitored_by", "suspending",
      "trap_exit", "priority", "reductions", "current_function", "current_stacktrace", "initial_call",
      "registered_name",
      "heap_size", "total_heap_size", "stack_size", "memory", "dictionary", "group_leader",
      "error_handler", "garbage_collection", "message_queue_data", "min_heap_size",
      "min_bin_vheap_size", "max_heap_size"};
  if (!is_atom(item)) return false;
  for (const char* s : items)
    if (p->vm().atoms().intern(s) == item) return true;
  return false;
}

// {Item, Value} for one item, or [] for registered_name of an unregistered process (in a list).
Term info_pair(Process* q, Term item, bool self, bool in_list) {
  Term v = info_value(q, item, self);
  if (item == q->vm().atoms().intern("registered_name") && v == NIL) return in_list ? make_tuple_n(q, {item, NIL}) : NIL;
  return make_tuple_n(q, {item, v});
}

// The answer for q, on q's heap: `items` a list (a list of pairs), an atom (one pair), or
// NON_VALUE (process_info/1's default list).
Term info_answer(Process* q, Term items, bool self) {
  q->peek_signals();  // what was sent before this request is seen by it
  if (items == NON_VALUE) {
    std::vector<Term> out;
    if (q->registered_name != NIL) out.push_back(info_pair(q, q->vm().atoms().intern("registered_name"), self, true));
    for (const char* s : DEFAULT_INFO_ITEMS) out.push_back(info_pair(q, q->vm().atoms().intern(s), self, true));
    return list_of(q, out);
  }
  if (is_atom(items)) return info_pair(q, items, self, false);
  std::vector<Term> out;
  for (Term l = items; is_list(l); l = cdr(l)) out.push_back(info_pair(q, car(l), self, true));
  return list_of(q, out);
}

Term process_info(Process* p, Term pid, Term items) {
  if (!is_local_pid(pid)) return badarg(p);
  if (items != NON_VALUE) {
    if (is_atom(items)) {
      if (!known_item(p, items)) return badarg(p);
    } else {
      if (list_length(items) < 0) return badarg(p);
      for (Term l = items; is_list(l); l = cdr(l))
        if (!known_item(p, car(l))) return badarg(p);
    }
  }
  if (pid == p->pid()) return info_answer(p, items, true);
  Runtime& vm = p->vm();
  Process* q = vm.processes().acquire(pid);
  if (q == nullptr) return atom::undefined;
  // Items of the caller's heap are immediates (checked above): nothing moves while unlocked.
  Message* answer = nullptr;
  p->run_lock.unlock();
  {
    std::lock_guard<SmallMutex> g(q->run_lock);
    if (!(q->state.load(std::memory_order_acquire) & pstate::EXITING)) answer = make_message(info_answer(q, items, false));
  }
  p->run_lock.lock();
  vm.release(q);
  if (answer == nullptr) return atom::undefined;
  Term t = answer->term;
  if (answer->words == 0) free_message(answer);
  else p->adopt_fragment(answer->block(), answer->block_words(), answer->off_heap, answer->vheap_bytes);
  return t;
}

Term bif_process_info1(Process* p, Term* a) { return process_info(p, a[0], NON_VALUE); }
Term bif_process_info2(Process* p, Term* a) { return process_info(p, a[0], a[1]); }

}  // namespace

void register_erlang_process_bifs(Runtime& vm) {
  struct Entry {
    const char* name;
    uint32_t arity;
    BifFn fn;
  };
  static const Entry entries[] = {
      {"spawn", 1, bif_spawn1}, {"spawn", 2, bif_spawn2}, {"spawn", 3, bif_spawn3}, {"spawn", 4, bif_spawn4},
      {"spawn_opt", 2, bif_spawn_opt2}, {"spawn_opt", 3, bif_spawn_opt3}, {"spawn_opt", 4, bif_spawn_opt4},
      {"spawn_opt", 5, bif_spawn_opt5}, {"send", 2, bif_send2}, {"!", 2, bif_send2}, {"send", 3, bif_send3},
      {"is_process_alive", 1, bif_is_process_alive}, {"processes", 0, bif_processes},
      {"register", 2, bif_register}, {"unregister", 1, bif_unregister}, {"whereis", 1, bif_whereis},
      {"registered", 0, bif_registered}, {"process_flag", 2, bif_process_flag},
      {"process_info", 1, bif_process_info1}, {"process_info", 2, bif_process_info2},
      {"put", 2, bif_put}, {"get", 1, bif_get1}, {"get", 0, bif_get0}, {"get_keys", 0, bif_get_keys0},
      {"get_keys", 1, bif_get_keys1}, {"erase", 1, bif_erase1}, {"erase", 0, bif_erase0},
      {"yield", 0, bif_yield}, {"hibernate", 3, bif_hibernate},
      {"garbage_collect", 0, bif_garbage_collect0}, {"garbage_collect", 1, bif_garbage_collect1},
      {"garbage_collect", 2, bif_garbage_collect2},
      {"group_leader", 0, bif_group_leader0}, {"group_leader", 2, bif_group_leader2},
  };
  for (const Entry& e : entries) vm.register_bif("erlang", e.name, e.arity, e.fn);
  for (const Entry& e : entries)
    if (std::string_view(e.name).rfind("spawn", 0) == 0 && e.arity != 3 &&
        !(std::string_view(e.name) == "spawn_opt" && e.arity == 4))
      vm.exports().get(atom::erlang, vm.atoms().intern(e.name), e.arity)->erlang_coded = true;
}

}  // namespace beamrun
