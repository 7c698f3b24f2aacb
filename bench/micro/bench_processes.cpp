// bench_processes.cpp - a process's costs seen from the host, without running Erlang code:
// a message sent and taken out of the receiver's queue, a spawn until the process is gone, and
// a minor collection of a known live set.
#include <benchmark/benchmark.h>

#include <thread>

#include "bench/micro/term_builders.h"
#include "process/process.h"
#include "process/process_table.h"
#include "supervision/process_signals.h"
#include "term/copy.h"
#include "vm/vm.h"

namespace beamrun::micro {
namespace {

VMOptions host_only_options() {
  VMOptions opts;
  opts.use_otp_path = false;  // nothing is loaded
  opts.schedulers = 1;
  return opts;
}

// --- send and receive -------------------------------------------------------------------------

enum MessageShape : int64_t { AtomMessage = 0, Tuple10 = 1, ListOf1000Tuples = 2 };

Term make_message_term(Arena& a, int64_t shape) {
  switch (shape) {
    case AtomMessage: return atom::ok;
    case Tuple10: return flat_tuple(a, 10);
    default: return list_of_tuples(a, 1000);
  }
}
const char* message_label(int64_t shape) {
  switch (shape) {
    case AtomMessage: return "atom";
    case Tuple10: return "10-tuple";
    default: return "list of 1000 tuples";
  }
}

// One send (copy into a message block, push on the inbox) and one receive (drain the inbox,
// take the first message, adopt its block into the heap), with the collections the receiver's
// adopted blocks make due, as a receive loop would see them. Both processes are the host's:
// no scheduler runs, so the receiver is never woken, only fed.
void BM_SendReceive(benchmark::State& state) {
  VM vm(host_only_options());
  Process sender(vm, vm.next_serial());
  Process receiver(vm, vm.next_serial());
  if (!vm.processes().insert(&receiver)) {
    state.SkipWithError("no process table slot for the receiver");
    return;
  }
  Arena arena;
  Term msg = make_message_term(arena, state.range(0));
  size_t words = is_immed(msg) ? 0 : term_size_shared(msg);
  for (auto _ : state) {
    send_term(&sender, receiver.pid(), msg);
    receiver.take_signals();
    Message* m = receiver.messages.current();
    if (m == nullptr) {
      state.SkipWithError("the message did not arrive");
      break;
    }
    receiver.messages.remove_current();
    benchmark::DoNotOptimize(m->term);
    receive_done(&receiver, m);
    if (receiver.gc_due()) receiver.collect(0, 0);  // nothing kept: the messages are garbage
  }
  vm.processes().remove(&receiver);
  state.SetItemsProcessed(int64_t(state.iterations()));
  if (words) state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(words * sizeof(Term)));
  state.SetLabel(message_label(state.range(0)));
}
BENCHMARK(BM_SendReceive)->Arg(AtomMessage)->Arg(Tuple10)->Arg(ListOf1000Tuples);

// --- spawn ------------------------------------------------------------------------------------

// VM::spawn of `erlang:self()` (a BIF: nothing to load), BATCH at a time, timed until every one
// has run, exited and left the process table. Spawning, scheduling, exit and release together.
void BM_SpawnAndExit(benchmark::State& state) {
  constexpr int BATCH = 1000;
  VM vm(host_only_options());
  Term args[3] = {atom::erlang, vm.atoms().intern("self"), NIL};
  SpawnSettings opts;
  size_t base = vm.processes().count();
  for (auto _ : state) {
    int spawned = 0;
    while (spawned < BATCH && vm.spawn(nullptr, vm.apply3_code(), args, 3, opts) != NON_VALUE) ++spawned;
    while (vm.processes().count() > base) std::this_thread::yield();
    if (spawned < BATCH) {
      state.SkipWithError("spawn failed: process table full");
      break;
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * BATCH);
}
BENCHMARK(BM_SpawnAndExit)->Unit(benchmark::kMicrosecond)->UseRealTime();

// --- garbage collection -----------------------------------------------------------------------

// A minor collection with a live set of range(0) {I, I} tuples in a list (5 words each) and as
// many words of garbage. Each iteration starts from an emptied heap big enough for both (made
// outside the timing), so every timed collection copies exactly the same live set once.
void BM_MinorCollection(benchmark::State& state) {
  VM vm(host_only_options());
  Process p(vm, vm.next_serial());
  size_t n = size_t(state.range(0));
  size_t live_words = list_of_tuples_words(n);
  uint64_t full_sweeps = 0;
  for (auto _ : state) {
    state.PauseTiming();
    p.x[0] = NIL;
    p.collect(2 * live_words + 64, 0);  // + the stack reserve alloc() keeps
    list_of_tuples(p, n);  // garbage
    p.x[0] = list_of_tuples(p, n);
    uint64_t minors_before = p.minor_gcs();
    state.ResumeTiming();
    p.collect(0, 1);
    if (p.minor_gcs() != minors_before + 1) ++full_sweeps;  // the count restarts at a full sweep
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(2 * n));  // cons cells and tuples
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(live_words * sizeof(Term)));
  // Timed collections that were full sweeps: about one per fullsweep_after (65535) minors, as
  // in ERTS. More would mean the figures measure something else.
  state.counters["full_sweeps"] = double(full_sweeps);
}
BENCHMARK(BM_MinorCollection)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace beamrun::micro
