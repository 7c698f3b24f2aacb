// erlang_system.cpp - what the VM says about itself and its code: system_info, statistics,
// module_loaded, function_exported, is_builtin, loaded, pre_loaded.
#include <filesystem>

#include <sys/resource.h>

#include <chrono>
#include <thread>

#include "bifs/bif_util.h"
#include "interp/stacktrace.h"
#include "loader/module.h"
#include "scheduler/scheduler.h"

namespace beamrun {

namespace {

namespace fs = std::filesystem;

// The OTP release and ERTS version of the installation whose libraries beamrun runs:
// compatibility facts that library code checks. Read from the OTP root's directory names.
std::string otp_release(const std::string& root) {
  std::error_code ec;
  std::string best;
  for (const auto& e : fs::directory_iterator(fs::path(root) / "releases", ec))
    if (e.is_directory() && std::isdigit(static_cast<unsigned char>(e.path().filename().string()[0])))
      best = std::max(best, e.path().filename().string());
  return best;
}
std::string erts_version(const std::string& root) {
  std::error_code ec;
  std::string best;
  for (const auto& dir : {fs::path(root), fs::path(root) / "lib"})
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string n = e.path().filename().string();
      if (n.rfind("erts-", 0) == 0) best = std::max(best, n.substr(5));
    }
  return best;
}

Term bif_system_info(Process* p, Term* a) {
  Runtime& vm = p->vm();
  AtomTable& at = vm.atoms();
  Term item = a[0];
  if (is_tuple(item) && tuple_arity(item) == 2 && tuple_element(item, 1) == at.intern("wordsize")) {
    Term k = tuple_element(item, 2);
    if (k == at.intern("internal") || k == at.intern("external")) return make_small(8);
    return badarg(p);
  }
  if (!is_atom(item)) return badarg(p);
  std::string_view n = at.name(item);
  if (n == "otp_release") return utf8_to_charlist(p, otp_release(vm.otp_root()));
  if (n == "version") return utf8_to_charlist(p, erts_version(vm.otp_root()));
  if (n == "wordsize") return make_small(8);
  if (n == "machine") return utf8_to_charlist(p, "BEAM");
  if (n == "os_type") return make_tuple_n(p, {at.intern("unix"), at.intern("linux")});
  if (n == "system_architecture") return utf8_to_charlist(p, "x86_64-pc-linux-gnu");
  if (n == "atom_count") return make_small(Sint(at.size()));
  if (n == "atom_limit") return make_small(4 * 1024 * 1024);
  if (n == "emu_flavor") return at.intern("emu");
  if (n == "emu_type") return at.intern("opt");
  if (n == "hipe_architecture") return atom::undefined;
  if (n == "schedulers" || n == "schedulers_online") return make_small(Sint(vm.schedulers().count()));
  if (n == "dirty_cpu_schedulers" || n == "dirty_cpu_schedulers_online") return make_small(Sint(vm.dirty_cpu_threads()));
  if (n == "dirty_io_schedulers") return make_small(Sint(vm.dirty_io_threads()));
  if (n == "logical_processors" || n == "logical_processors_available" || n == "logical_processors_online")
    return make_small(Sint(std::max(1u, std::thread::hardware_concurrency())));
  if (n == "process_count") return make_small(Sint(vm.processes().count()));
  if (n == "process_limit") return make_small(Sint(vm.processes().capacity()));
  if (n == "threads") return atom::true_;
  if (n == "smp_support") return atom::true_;
  return badarg(p);
}

// CPU time of the whole OS process in milliseconds.
int64_t runtime_ms() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (int64_t(ru.ru_utime.tv_sec) + ru.ru_stime.tv_sec) * 1000 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
}

// {Total, SinceLastCall}: the "last call" mark is the VM's, shared by all processes (as BEAM).
Term total_and_delta(Process* p, std::atomic<int64_t>& mark, int64_t total) {
  int64_t last = mark.exchange(total, std::memory_order_relaxed);
  return make_tuple_n(p, {make_small(total), make_small(total - last)});
}

// erlang:memory/0,1. total is the OS process's resident memory; processes sums what each
// process held at the end of its last slice; binary sums the blob bytes their heaps refer to
// (a blob shared by several processes counts in each); atom and code are the tables'
// sizes; ets is 0, as there are no ETS tables.
Term memory_items(Process* p, Term only) {
  Runtime& vm = p->vm();
  AtomTable& at = vm.atoms();
  size_t processes = 0, binary = 0;
  vm.processes().for_each([&](Process* q) {
    processes += q->memory_seen.load(std::memory_order_relaxed);
    binary += q->binary_seen.load(std::memory_order_relaxed);
  });
  size_t code = 0;
  for (const Module* m : vm.loaded_modules()) code += m->code_words * sizeof(Word);
  size_t atom = at.size() * 64;  // the text and the table entry, about
  long pages = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    long size = 0;
    if (std::fscanf(f, "%ld %ld", &size, &pages) != 2) pages = 0;
    std::fclose(f);
  }
  size_t total = std::max(size_t(pages) * 4096, processes + code + atom);
  std::pair<const char*, size_t> items[] = {
      {"total", total}, {"processes", processes}, {"processes_used", processes},
      {"system", total - processes}, {"atom", atom}, {"atom_used", atom}, {"binary", binary},
      {"code", code}, {"ets", 0}};
  if (only != NON_VALUE) {
    for (auto& [name, v] : items)
      if (at.intern(name) == only) return make_small(Sint(v));
    return badarg(p);
  }
  std::vector<Term> out;
  for (auto& [name, v] : items) out.push_back(make_tuple_n(p, {at.intern(name), make_small(Sint(v))}));
  return make_list_from(*p, out.data(), unsigned(out.size()));
}
Term bif_memory0(Process* p, Term*) { return memory_items(p, NON_VALUE); }
Term bif_memory1(Process* p, Term* a) {
  if (is_atom(a[0])) return memory_items(p, a[0]);
  if (list_length(a[0]) < 0) return badarg(p);
  std::vector<Term> out;
  for (Term l = a[0]; is_list(l); l = cdr(l)) {
    Term v = memory_items(p, car(l));
    if (v == NON_VALUE) return NON_VALUE;
    out.push_back(make_tuple_n(p, {car(l), v}));
  }
  return make_list_from(*p, out.data(), unsigned(out.size()));
}

// system_flag/2: only scheduler_wall_time is supported; other flags raise badarg.
Term bif_system_flag(Process* p, Term* a) {
  Runtime& vm = p->vm();
  if (a[0] != atom_of(p, "scheduler_wall_time") || (a[1] != atom::true_ && a[1] != atom::false_)) return badarg(p);
  bool on = a[1] == atom::true_;
  Runtime::WallTimeBase& base = vm.wall_time_base();
  std::lock_guard<std::mutex> g(base.mutex);
  bool old = vm.schedulers().set_wall_time(on);
  if (on && !old) {
    base.start_ns = vm.schedulers().now_ms() * 1000000;
    base.busy = vm.scheduler_busy_ns();
  }
  return make_bool(old);
}

// [{Id, Active, Total}] in nanoseconds since scheduler_wall_time was turned on: the normal
// schedulers, then the dirty CPU ones (and for _all the dirty IO ones), or undefined when off.
Term scheduler_wall_time(Process* p, bool all) {
  Runtime& vm = p->vm();
  if (!vm.schedulers().wall_time_on()) return atom::undefined;
  Runtime::WallTimeBase& base = vm.wall_time_base();
  std::vector<uint64_t> busy = vm.scheduler_busy_ns();
  int64_t total;
  std::vector<uint64_t> start;
  {
    std::lock_guard<std::mutex> g(base.mutex);
    total = vm.schedulers().now_ms() * 1000000 - base.start_ns;
    start = base.busy;
  }
  size_t n = vm.schedulers().count() + vm.dirty_cpu_threads() + (all ? vm.dirty_io_threads() : 0);
  std::vector<Term> items;
  for (size_t i = 0; i < n && i < busy.size(); ++i) {
    uint64_t active = busy[i] - (i < start.size() ? start[i] : 0);
    int64_t t = std::max<int64_t>(total, int64_t(active));
    items.push_back(make_tuple_n(p, {make_small(Sint(i + 1)), make_small(Sint(active)), make_small(Sint(t))}));
  }
  return make_list_from(*p, items.data(), unsigned(items.size()));
}

Term bif_statistics(Process* p, Term* a) {
  Runtime& vm = p->vm();
  if (!is_atom(a[0])) return badarg(p);
  std::string_view n = vm.atoms().name(a[0]);
  Schedulers& s = vm.schedulers();
  if (n == "reductions" || n == "exact_reductions")
    return total_and_delta(p, vm.stat_marks().reductions, int64_t(s.total_reductions()));
  if (n == "runtime") return total_and_delta(p, vm.stat_marks().runtime, runtime_ms());
  if (n == "wall_clock") return total_and_delta(p, vm.stat_marks().wall_clock, s.now_ms());
  std::vector<size_t> lengths = s.run_queue_lengths();
  if (n == "run_queue" || n == "total_run_queue_lengths" || n == "total_run_queue_lengths_all" ||
      n == "total_active_tasks" || n == "total_active_tasks_all") {
    size_t total = 0;
    for (size_t l : lengths) total += l;
    return make_small(Sint(total));
  }
  if (n == "run_queue_lengths" || n == "run_queue_lengths_all") {
    std::vector<Term> items;
    for (size_t l : lengths) items.push_back(make_small(Sint(l)));
    // Then the dirty CPU queue, and for _all the dirty IO queue (jobs wait in the pools).
    items.push_back(make_small(0));
    if (n == "run_queue_lengths_all") items.push_back(make_small(0));
    return make_list_from(*p, items.data(), unsigned(items.size()));
  }
  if (n == "scheduler_wall_time" || n == "scheduler_wall_time_all") return scheduler_wall_time(p, n == "scheduler_wall_time_all");
  if (n == "context_switches") return make_tuple_n(p, {make_small(Sint(s.total_slices())), make_small(0)});
  if (n == "garbage_collection") {
    return make_tuple_n(p, {make_small(Sint(vm.gc_count())), make_small(Sint(vm.gc_words_reclaimed())), make_small(0)});
  }
  return badarg(p);
}

Term bif_module_loaded(Process* p, Term* a) {
  if (!is_atom(a[0])) return badarg(p);
  return make_bool(a[0] == atom::erlang || p->vm().find_module(a[0]) != nullptr);
}

Term bif_function_exported(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]) || small_value(a[2]) < 0) return badarg(p);
  Export* e = p->vm().exports().find(a[0], a[1], uint32_t(small_value(a[2])));
  return make_bool(e && (e->bif || e->address.load(std::memory_order_acquire)));
}

Term bif_is_builtin(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]) || small_value(a[2]) < 0) return badarg(p);
  return make_bool(p->vm().find_bif(a[0], a[1], uint32_t(small_value(a[2]))) != nullptr);
}

Term bif_loaded(Process* p, Term*) {
  std::vector<Term> names{atom::erlang};
  for (const Module* m : p->vm().loaded_modules()) names.push_back(m->name);
  return make_list_from(*p, names.data(), unsigned(names.size()));
}

Term bif_pre_loaded(Process* p, Term*) { return make_list_from(*p, &atom::erlang, 1); }

}  // namespace

void register_erlang_system_bifs(Runtime& vm) {
  vm.register_bif("erlang", "system_info", 1, bif_system_info);
  vm.register_bif("erlang", "statistics", 1, bif_statistics);
  vm.register_bif("erlang", "system_flag", 2, bif_system_flag);
  vm.register_bif("erlang", "memory", 0, bif_memory0);
  vm.register_bif("erlang", "memory", 1, bif_memory1);
  vm.register_bif("erlang", "module_loaded", 1, bif_module_loaded);
  vm.register_bif("erlang", "function_exported", 3, bif_function_exported);
  vm.register_bif("erlang", "is_builtin", 3, bif_is_builtin);
  vm.register_bif("erlang", "loaded", 0, bif_loaded);
  vm.register_bif("erlang", "pre_loaded", 0, bif_pre_loaded);
}

}  // namespace beamrun
