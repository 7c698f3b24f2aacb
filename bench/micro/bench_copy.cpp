// bench_copy.cpp - deep copies for another process (term/copy.h): what every send and spawn pays
// per message word. term_size_shared is the sizing walk, copy_term_shared the copy itself.
#include <benchmark/benchmark.h>

#include <vector>

#include "bench/micro/term_builders.h"
#include "term/copy.h"

namespace beamrun::micro {
namespace {

// The shapes: arg 0 is a list of 1000 {I, I} tuples, arg 1 a tuple tree 12 levels deep.
enum Shape : int64_t { ListOfTuples = 0, TupleTree = 1 };

Term make_shape(Arena& a, int64_t shape) {
  return shape == ListOfTuples ? list_of_tuples(a, 1000) : tuple_tree(a, 12);
}
const char* shape_name(int64_t shape) {
  return shape == ListOfTuples ? "list of 1000 tuples" : "tuple tree, depth 12";
}

void BM_TermSizeShared(benchmark::State& state) {
  Arena arena;
  Term t = make_shape(arena, state.range(0));
  size_t words = term_size_shared(t);
  for (auto _ : state) benchmark::DoNotOptimize(term_size_shared(t));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(words * sizeof(Term)));
  state.SetLabel(shape_name(state.range(0)));
}
BENCHMARK(BM_TermSizeShared)->Arg(ListOfTuples)->Arg(TupleTree);

void BM_CopyTermShared(benchmark::State& state) {
  Arena arena;
  Term t = make_shape(arena, state.range(0));
  size_t words = term_size_shared(t);
  std::vector<Term> into(words);
  for (auto _ : state) {
    Term* hp = into.data();
    Term* off_heap = nullptr;  // no binaries in these shapes: stays empty
    size_t vheap_bytes = 0;
    benchmark::DoNotOptimize(copy_term_shared(t, &hp, &off_heap, &vheap_bytes));
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(words * sizeof(Term)));
  state.SetLabel(shape_name(state.range(0)));
}
BENCHMARK(BM_CopyTermShared)->Arg(ListOfTuples)->Arg(TupleTree);

}  // namespace
}  // namespace beamrun::micro
