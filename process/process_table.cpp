// process_table.cpp - slots, lookups and names.
#include "process/process_table.h"

#include <sys/mman.h>

#include <new>

#include "process/mailbox.h"
#include "process/process.h"
#include "term/atoms.h"

namespace beamrun {

ProcessTable::ProcessTable(size_t capacity) : mask_(capacity - 1) {
  void* p = mmap(nullptr, capacity * sizeof(Process*), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  slots_ = static_cast<Process**>(p);
}

ProcessTable::~ProcessTable() {
  for (auto& [pid, m] : tombs_) free_message(m);
  munmap(slots_, (mask_ + 1) * sizeof(Process*));
}

void ProcessTable::add_alias(const RefKey& k, Term pid, AliasMode mode) {
  std::lock_guard<std::mutex> g(alias_mutex_);
  aliases_[k] = Alias{pid, mode};
}

bool ProcessTable::find_alias(const RefKey& k, Alias* out) {
  std::lock_guard<std::mutex> g(alias_mutex_);
  auto it = aliases_.find(k);
  if (it == aliases_.end()) return false;
  *out = it->second;
  return true;
}

bool ProcessTable::remove_alias(const RefKey& k, Term pid) {
  std::lock_guard<std::mutex> g(alias_mutex_);
  auto it = aliases_.find(k);
  if (it == aliases_.end() || it->second.pid != pid) return false;
  aliases_.erase(it);
  return true;
}

void ProcessTable::bury(Term pid, Message* reason) {
  if (reason == nullptr) return;
  Message* evicted = nullptr;
  {
    std::lock_guard<std::mutex> g(tomb_mutex_);
    if (tomb_order_.size() >= TOMBSTONES) {
      auto it = tombs_.find(tomb_order_.front());
      if (it != tombs_.end()) {
        evicted = it->second;
        tombs_.erase(it);
      }
      tomb_order_.pop_front();
    }
    auto [it, fresh] = tombs_.emplace(pid, reason);
    if (!fresh) {  // a reused pid (after 2^28 spawns): the newer death wins
      std::swap(it->second, reason);
      evicted = evicted ? evicted : reason;
    } else {
      tomb_order_.push_back(pid);
    }
  }
  if (evicted) free_message(evicted);
}

void ProcessTable::clear_tombstones() {
  std::lock_guard<std::mutex> g(tomb_mutex_);
  for (auto& [pid, m] : tombs_) free_message(m);
  tombs_.clear();
  tomb_order_.clear();
}

uint64_t ProcessTable::fresh_payload() {
  for (;;) {
    uint64_t payload = next_.fetch_add(1, std::memory_order_relaxed) & PAYLOAD_MASK;
    size_t i = payload & mask_;
    std::lock_guard<std::mutex> g(stripe(i));
    if (slots_[i] == nullptr) return payload;
  }
}

bool ProcessTable::insert(Process* p) {
  size_t i = pid_serial(p->pid()) & mask_;
  std::lock_guard<std::mutex> g(stripe(i));
  if (slots_[i] != nullptr) return false;
  set_slot(i, p);
  note_used(i);
  count_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

void ProcessTable::remove(Process* p) {
  {
    std::lock_guard<std::mutex> g(names_mutex_);
    if (p->registered_name != NIL) {
      names_.erase(p->registered_name);
      p->registered_name = NIL;
    }
  }
  size_t i = pid_serial(p->pid()) & mask_;
  std::lock_guard<std::mutex> g(stripe(i));
  if (slots_[i] == p) {
    set_slot(i, nullptr);
    count_.fetch_sub(1, std::memory_order_relaxed);
  }
}

Process* ProcessTable::acquire(Term pid) {
  if (!is_local_pid(pid)) return nullptr;
  size_t i = pid_serial(pid) & mask_;
  std::lock_guard<std::mutex> g(stripe(i));
  Process* p = slots_[i];
  if (p == nullptr || p->pid() != pid) return nullptr;
  p->refs.fetch_add(1, std::memory_order_relaxed);
  return p;
}

std::vector<Process*> ProcessTable::take_all() {
  std::vector<Process*> out;
  for (size_t i = 0, end = used_end(); i < end; ++i) {
    std::lock_guard<std::mutex> g(stripe(i));
    if (slots_[i] != nullptr) out.push_back(slots_[i]);
    set_slot(i, nullptr);
  }
  count_.store(0, std::memory_order_relaxed);
  std::lock_guard<std::mutex> g(names_mutex_);
  names_.clear();
  return out;
}

std::vector<Term> ProcessTable::pids() {
  std::vector<Term> out;
  for (size_t i = 0, end = used_end(); i < end; ++i) {
    if (peek(i) == nullptr) continue;  // a racy peek; confirmed under the lock
    std::lock_guard<std::mutex> g(stripe(i));
    if (slots_[i] != nullptr) out.push_back(slots_[i]->pid());
  }
  return out;
}

ProcessTable::RegisterResult ProcessTable::register_name(Term name, Process* p) {
  std::lock_guard<std::mutex> g(names_mutex_);
  if (p->state.load(std::memory_order_acquire) & pstate::EXITING) return RegisterResult::Exiting;
  if (p->registered_name != NIL) return RegisterResult::ProcessNamed;
  if (names_.count(name)) return RegisterResult::NameTaken;
  names_[name] = p;
  p->registered_name = name;
  return RegisterResult::Ok;
}

bool ProcessTable::unregister_name(Term name) {
  std::lock_guard<std::mutex> g(names_mutex_);
  auto it = names_.find(name);
  if (it == names_.end()) return false;
  it->second->registered_name = NIL;
  names_.erase(it);
  return true;
}

Process* ProcessTable::acquire_name(Term name) {
  std::lock_guard<std::mutex> g(names_mutex_);
  auto it = names_.find(name);
  if (it == names_.end()) return nullptr;
  it->second->refs.fetch_add(1, std::memory_order_relaxed);
  return it->second;
}

Term ProcessTable::whereis(Term name) {
  std::lock_guard<std::mutex> g(names_mutex_);
  auto it = names_.find(name);
  return it == names_.end() ? atom::undefined : it->second->pid();
}

std::vector<Term> ProcessTable::names() {
  std::lock_guard<std::mutex> g(names_mutex_);
  std::vector<Term> out;
  for (auto& [name, p] : names_) out.push_back(name);
  return out;
}

}  // namespace beamrun
