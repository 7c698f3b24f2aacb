// exit_signals.cpp - links, monitors, exit signals and the propagation of a death.
#include "supervision/exit_signals.h"
#include "supervision/sandbox_limits.h"

#include <algorithm>
#include <cstdio>
#include <thread>

#include "process/runtime.h"
#include "scheduler/scheduler.h"
#include "supervision/process_signals.h"

namespace beamrun {

bool drop_monitor(Process* p, const RefKey& w);

namespace {

Term ref_term(Process* p, const RefKey& k) {
  Term* r = p->alloc(REF_WORDS);
  r[0] = make_header(REF_WORDS - 1, Subtag::Ref);
  r[1] = k.w[0];
  r[2] = k.w[1];
  r[3] = k.w[2];
  return make_boxed(r);
}

// The item a 'DOWN' names: the pid, or {Name, Node} for a monitor made by name.
Term down_item(Process* p, Term pid, Term name) {
  return name == NIL ? pid : make_tuple_n(p, {name, atom::nonode_nohost});
}

// Pushes {'DOWN', Ref, process, Item, Reason} (built on `builder`'s heap) to `to`.
void send_down(Process* builder, Term to, const RefKey& ref, Term item, Term reason) {
  Runtime& vm = builder->vm();
  Process* w = to == builder->pid() ? nullptr : vm.processes().acquire(to);
  if (w == nullptr && to != builder->pid()) return;
  Term msg = make_tuple_n(builder, {vm.atoms().intern("DOWN"), ref_term(builder, ref), vm.atoms().intern("process"), item, reason});
  Message* m = make_message(msg);
  m->down = true;
  if (w == nullptr) {
    builder->inbox.push(m);
    return;
  }
  deliver(w, m, builder->scheduler ? builder : nullptr);
  vm.release(w);
}

void push_exit_signal(Process* from_proc, Process* to, Term from, Term reason, bool link, bool kill) {
  auto* s = new ExitSignal();
  s->kind = SignalKind::Exit;
  s->from = from;
  s->link = link;
  s->kill = kill;
  s->payload = make_message(make_tuple_n(from_proc, {from_proc->vm().atoms().intern("EXIT"), from, reason}));
  to->inbox.push(s);
  if (to != from_proc) to->vm().schedulers().wake(to, from_proc->scheduler);
}


void free_exit_signal(ExitSignal* s) {
  if (s->payload) free_message(s->payload);
  delete s;
}

bool handle_exit_signal(Process* p, ExitSignal* s);

// The monitor a 'DOWN' reports is over: the watcher forgets it as it takes the message in.
// False when the watcher had already dropped it (demonitor): the 'DOWN' is dropped too.
void drop_monitor_alias(Process* p, const RefKey& k);

bool forget_monitor(Process* p, Term down) {
  RefKey k = ref_key_of(tuple_element(down, 2));
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    if (p->rel().monitors.erase(k) == 0) return false;
  }
  drop_monitor_alias(p, k);
  return true;
}

// An alias that ends with its monitor (demonitor and reply_demonitor modes) ends now.
void drop_monitor_alias(Process* p, const RefKey& k) {
  ProcessTable::Alias a;
  ProcessTable& t = p->vm().processes();
  if (!t.find_alias(k, &a) || a.pid != p->pid()) return;
  if (a.mode != ProcessTable::AliasMode::Demonitor && a.mode != ProcessTable::AliasMode::ReplyDemonitor) return;
  unalias(p, k);
}

// A message sent to an alias arrives: it is taken only while the alias is active, and the
// reply modes end the alias (and, for reply_demonitor, the monitor) with the first one.
bool alias_admits(Process* p, const RefKey& k) {
  ProcessTable::Alias a;
  if (!p->vm().processes().find_alias(k, &a) || a.pid != p->pid()) return false;
  if (a.mode == ProcessTable::AliasMode::Reply || a.mode == ProcessTable::AliasMode::ReplyDemonitor) {
    unalias(p, k);
    if (a.mode == ProcessTable::AliasMode::ReplyDemonitor) drop_monitor(p, k);
  }
  return true;
}

// Pushes a link-kind or monitor-kind signal to `to` unless it is closed; false if it is.
bool push_relation(Process* p, Term to, Signal* s) {
  Runtime& vm = p->vm();
  Process* q = vm.processes().acquire(to);
  if (q == nullptr) return false;
  bool pushed = false;
  {
    std::lock_guard<SmallMutex> g(q->sig_mutex);
    if (!q->sig_closed) {
      q->inbox.push(s);
      pushed = true;
    }
  }
  if (pushed) vm.schedulers().wake(q, p->scheduler);
  vm.release(q);
  return pushed;
}

}  // namespace

void free_supervision_signal(Signal* s) {
  switch (s->kind) {
    case SignalKind::Exit: free_exit_signal(static_cast<ExitSignal*>(s)); break;
    case SignalKind::Link:
    case SignalKind::Unlink: delete static_cast<LinkSignal*>(s); break;
    case SignalKind::Monitor:
    case SignalKind::Demonitor: delete static_cast<MonitorSignal*>(s); break;
    case SignalKind::Message: free_message(static_cast<Message*>(s)); break;
  }
}

bool handle_signal(Process* p, Signal* s) {
  switch (s->kind) {
    case SignalKind::Message: {
      auto* m = static_cast<Message*>(s);
      if ((m->down && !forget_monitor(p, m->term)) || (m->via_alias && !alias_admits(p, m->alias()))) free_message(m);
      else p->messages.append(m);
      return true;
    }
    case SignalKind::Exit: return handle_exit_signal(p, static_cast<ExitSignal*>(s));
    case SignalKind::Link:
    case SignalKind::Unlink: {
      Term from = static_cast<LinkSignal*>(s)->from;
      bool add = s->kind == SignalKind::Link;
      delete static_cast<LinkSignal*>(s);
      std::lock_guard<SmallMutex> g(p->sig_mutex);
      if (add) p->rel().links.insert(from);
      else p->rel().links.erase(from);
      return true;
    }
    case SignalKind::Monitor:
    case SignalKind::Demonitor: {
      auto* ms = static_cast<MonitorSignal*>(s);
      {
        std::lock_guard<SmallMutex> g(p->sig_mutex);
        if (s->kind == SignalKind::Monitor) {
          ms->entry.seq = ++p->rel().monitor_seq;
          p->rel().monitored_by.emplace(ms->entry.ref, ms->entry);
        }
        else p->rel().monitored_by.erase(ms->entry.ref);
      }
      delete ms;
      return true;
    }
  }
  return true;
}

namespace {

bool handle_exit_signal(Process* p, ExitSignal* s) {
  if (s->link) {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    if (p->rel().links.erase(s->from) == 0) {  // unlinked meanwhile: the link's signal no longer applies
      free_exit_signal(s);
      return true;
    }
  }
  Message* payload = s->payload;
  Term reason = tuple_element(payload->term, 3);
  bool kill = s->kill, from_self = s->from == p->pid() && !s->link;
  if (!kill && p->trap_exit) {
    p->messages.append(payload);
    s->payload = nullptr;
    free_exit_signal(s);
    return true;
  }
  if (!kill && reason == atom::normal && !from_self) {
    free_exit_signal(s);
    return true;
  }
  // The process dies: the reason's words join its heap (they outlive the signal).
  s->payload = nullptr;
  free_exit_signal(s);
  if (kill) {
    free_message(payload);
    p->exit_reason = p->vm().atoms().intern("killed");
  } else {
    if (payload->words) p->adopt_fragment(payload->block(), payload->block_words(), payload->off_heap, payload->vheap_bytes);
    else free_message(payload);
    p->exit_reason = reason;
  }
  return false;
}

}  // namespace

bool send_exit_signal(Process* from, Term to, Term reason, bool link, bool kill) {
  Runtime& vm = from->vm();
  if (to == from->pid()) {
    push_exit_signal(from, from, from->pid(), reason, link, kill);
    return true;
  }
  Process* q = vm.processes().acquire(to);
  if (q == nullptr) return false;
  push_exit_signal(from, q, from->pid(), reason, link, kill);
  vm.release(q);
  return true;
}

void link_to(Process* p, Term to) {
  if (to == p->pid()) return;
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    p->rel().links.insert(to);
  }
  // A signal, so that it keeps its place among our other signals to `to` (an exit/2 sent just
  // before reaches it first); pushed under its sig_mutex, so its exit answers it.
  auto* s = new LinkSignal();
  s->kind = SignalKind::Link;
  s->from = p->pid();
  if (push_relation(p, to, s)) return;
  delete s;
  // No such process: the link breaks at once with reason noproc, as a signal from `to`.
  Runtime& vm = p->vm();
  auto* e = new ExitSignal();
  e->kind = SignalKind::Exit;
  e->from = to;
  e->link = true;
  e->payload = make_message(make_tuple_n(p, {vm.atoms().intern("EXIT"), to, vm.atoms().intern("noproc")}));
  p->inbox.push(e);
}

void unlink_from(Process* p, Term to) {
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    p->rel().links.erase(to);
  }
  if (to == p->pid()) return;
  auto* s = new LinkSignal();
  s->kind = SignalKind::Unlink;
  s->from = p->pid();
  if (!push_relation(p, to, s)) delete s;
}

Term make_alias(Process* p, ProcessTable::AliasMode mode) {
  Term ref = new_reference(*p);
  RefKey k = ref_key_of(ref);
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    p->rel().aliases.insert(k);
  }
  p->vm().processes().add_alias(k, p->pid(), mode);
  return ref;
}

bool unalias(Process* p, const RefKey& k) {
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    if (!p->has_relations() || p->rel().aliases.erase(k) == 0) return false;
  }
  return p->vm().processes().remove_alias(k, p->pid());
}

Term monitor_process(Process* p, Term target, const ProcessTable::AliasMode* alias) {
  Runtime& vm = p->vm();
  Term name = NIL, pid = NIL;
  if (is_local_pid(target)) {
    pid = target;
  } else {
    name = target;
    if (is_tuple(target) && tuple_arity(target) == 2 && is_atom(tuple_element(target, 1)) &&
        tuple_element(target, 2) == atom::nonode_nohost)
      name = tuple_element(target, 1);
    if (!is_atom(name)) return NON_VALUE;
    pid = vm.processes().whereis(name);
    if (!is_local_pid(pid)) pid = NIL;
  }
  Term ref = new_reference(*p);
  // Monitoring oneself (by pid or by one's own name) makes nothing, as in ERTS: no monitor, no
  // alias even when asked for one; demonitor(Ref, [info]) then says false.
  if (pid == p->pid()) return ref;
  Process::MonitorRef entry{ref_key_of(ref), pid, name};
  if (alias != nullptr) {
    {
      std::lock_guard<SmallMutex> g(p->sig_mutex);
      p->rel().aliases.insert(entry.ref);
    }
    vm.processes().add_alias(entry.ref, p->pid(), *alias);
  }
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    p->rel().monitors.emplace(entry.ref, entry);
  }
  auto* s = new MonitorSignal();
  s->kind = SignalKind::Monitor;
  s->entry = entry;
  s->entry.other = p->pid();
  if (pid != NIL && push_relation(p, pid, s)) return ref;
  delete s;
  send_down(p, p->pid(), entry.ref, name == NIL ? target : down_item(p, pid, name), vm.atoms().intern("noproc"));
  return ref;
}

// Ends p's monitor `w`: forgets it, tells the target, drops an alias tied to it. False if p
// had no such monitor. Takes in no signals (it runs while signals are being taken in).
bool drop_monitor(Process* p, const RefKey& w) {
  Process::MonitorRef entry{};
  bool found = false;
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    auto it = p->rel().monitors.find(w);
    if (it != p->rel().monitors.end()) {
      entry = it->second;
      p->rel().monitors.erase(it);
      found = true;
      if (entry.other == p->pid()) p->rel().monitored_by.erase(w);
    }
  }
  if (!found) return false;
  drop_monitor_alias(p, w);
  if (entry.other != p->pid()) {
    auto* s = new MonitorSignal();
    s->kind = SignalKind::Demonitor;
    s->entry = entry;
    s->entry.other = p->pid();
    if (!push_relation(p, entry.other, s)) delete s;
  }
  return true;
}

bool demonitor(Process* p, Term ref, bool flush) {
  RefKey w = ref_key_of(ref);
  // A 'DOWN' on its way in ends the monitor as it is taken in: take in what has arrived.
  p->peek_signals();
  bool found = drop_monitor(p, w);
  if (flush) {
    Term down = p->vm().atoms().intern("DOWN");
    Message* gone = p->messages.remove_if([&](Message* m) {
      Term t = m->term;
      if (!is_tuple(t) || tuple_arity(t) != 5 || tuple_element(t, 1) != down) return false;
      Term r = tuple_element(t, 2);
      return is_local_ref_term(r) && ref_key_of(r) == w;
    });
    while (gone) {
      Message* next = gone->qnext;
      free_message(gone);
      gone = next;
    }
  }
  return found;
}

void link_new_child(Process* parent, Process* child) {
  child->rel().links.insert(parent->pid());
  std::lock_guard<SmallMutex> g(parent->sig_mutex);
  parent->rel().links.insert(child->pid());
}

Term monitor_new_child(Process* parent, Process* child) {
  Term ref = new_reference(*parent);
  Process::MonitorRef e{ref_key_of(ref), parent->pid(), NIL};
  child->rel().monitored_by.emplace(e.ref, e);
  e.other = child->pid();
  std::lock_guard<SmallMutex> g(parent->sig_mutex);
  parent->rel().monitors.emplace(e.ref, e);
  return ref;
}

bool max_heap_exceeded(Process* p) {
  // A sandbox's heap limit kills without max_heap_size's report, and with a reason of its own.
  if (sandbox_heap_exceeded(p)) return true;
  p->max_heap_exceeded = false;
  if (p->max_heap_error_logger()) {
    Term pid = p->pid();
    std::fprintf(stderr,
                 "=ERROR REPORT====\n     Process:            <0.%llu.%llu>\n     Context:            maximum heap size reached\n"
                 "     Max Heap Size:      %zu\n     Total Heap Size:    %zu\n     Kill:               %s\n"
                 "     Error Logger:       true\n     Message Queue Len:  %zu\n\n",
                 (unsigned long long)local_pid_number(pid), (unsigned long long)local_pid_serial(pid), p->max_heap_size(),
                 p->total_heap_size(), p->max_heap_kill() ? "true" : "false", p->messages.size());
  }
  if (!p->max_heap_kill()) return false;
  p->exit_reason = p->vm().atoms().intern("killed");
  return true;
}

void propagate_exit(Process* p, Term reason) {
  Runtime& vm = p->vm();
  Process::MonitorTable mine;
  {
    std::lock_guard<SmallMutex> g(p->sig_mutex);
    p->sig_closed = true;
    if (p->has_relations()) {
      for (const RefKey& k : p->rel().aliases) vm.processes().remove_alias(k, p->pid());
      p->rel().aliases.clear();
      for (Term to : p->rel().links) {
        if (Process* q = vm.processes().acquire(to)) {
          push_exit_signal(p, q, p->pid(), reason, true, false);
          vm.release(q);
        }
      }
      p->rel().links.clear();
      // In the order the monitors were made, so that a watcher receiving its 'DOWN's one by one
      // in that order finds each at the front of its queue.
      std::vector<const Process::MonitorRef*> watchers;
      watchers.reserve(p->rel().monitored_by.size());
      for (const auto& [key, m] : p->rel().monitored_by) watchers.push_back(&m);
      std::sort(watchers.begin(), watchers.end(), [](auto* a, auto* b) { return a->seq < b->seq; });
      for (const Process::MonitorRef* m : watchers)
        if (m->other != p->pid()) send_down(p, m->other, m->ref, down_item(p, p->pid(), m->name), reason);
      p->rel().monitored_by.clear();
      mine.swap(p->rel().monitors);
    }
  }
  // Links and monitors still on their way in were made too late: they get noproc. None can
  // be added now (they are pushed under sig_mutex, now closed); wait out half-done pushes.
  Term noproc = vm.atoms().intern("noproc");
  auto answer = [&](Signal* s) {
    if (s->kind == SignalKind::Link) {
      send_exit_signal(p, static_cast<LinkSignal*>(s)->from, noproc, true, false);
    } else if (s->kind == SignalKind::Monitor) {
      const Process::MonitorRef& m = static_cast<MonitorSignal*>(s)->entry;
      send_down(p, m.other, m.ref, down_item(p, p->pid(), m.name), noproc);
    }
    free_signal(s);
  };
  while (SignalNode* n = p->pending_signals.pop_front()) answer(static_cast<Signal*>(n));
  while (p->inbox.maybe_nonempty()) {
    if (SignalNode* n = p->inbox.pop()) answer(static_cast<Signal*>(n));
    else std::this_thread::yield();
  }
  // Monitors this process held on others: the targets forget them.
  for (const auto& [key, m] : mine) {
    if (m.other == p->pid() || !is_local_pid(m.other)) continue;
    Process* q = vm.processes().acquire(m.other);
    if (q == nullptr) continue;
    {
      std::lock_guard<SmallMutex> g(q->sig_mutex);
      q->rel().monitored_by.erase(key);
    }
    vm.release(q);
  }
}

}  // namespace beamrun
