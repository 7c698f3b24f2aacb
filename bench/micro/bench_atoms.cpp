// bench_atoms.cpp - the atom table (term/atoms.h): every loaded module, binary_to_atom and
// list_to_existing_atom go through it.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "term/atoms.h"

namespace beamrun::micro {
namespace {

constexpr size_t NAMES = 10000;

// Names shaped like a module's function and record names.
std::vector<std::string> atom_names(size_t n, const char* prefix) {
  std::vector<std::string> names;
  names.reserve(n);
  for (size_t i = 0; i < n; ++i) names.push_back(prefix + std::to_string(i));
  return names;
}

// find(): the lookup of list_to_existing_atom, atoms all present.
void BM_AtomFindExisting(benchmark::State& state) {
  AtomTable atoms;
  auto names = atom_names(NAMES, "handle_call_");
  for (const auto& n : names) atoms.intern(n);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(atoms.find(names[i]));
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_AtomFindExisting);

// intern() of atoms that exist: what a module load does for each atom of its table.
void BM_AtomInternExisting(benchmark::State& state) {
  AtomTable atoms;
  auto names = atom_names(NAMES, "handle_call_");
  for (const auto& n : names) atoms.intern(n);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(atoms.intern(names[i]));
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_AtomInternExisting);

// intern() of new atoms, NAMES per iteration into a fresh table: atoms are never freed, so
// the table is renewed (outside the timing) rather than left to grow without end.
void BM_AtomInternFresh(benchmark::State& state) {
  auto names = atom_names(NAMES, "fresh_atom_");
  for (auto _ : state) {
    state.PauseTiming();
    auto atoms = std::make_unique<AtomTable>();
    state.ResumeTiming();
    for (const auto& n : names) benchmark::DoNotOptimize(atoms->intern(n));
    state.PauseTiming();
    atoms.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(int64_t(state.iterations() * NAMES));
}
BENCHMARK(BM_AtomInternFresh);

// name(): atom to text, as the printers and atom_to_binary use it.
void BM_AtomName(benchmark::State& state) {
  AtomTable atoms;
  auto names = atom_names(NAMES, "handle_call_");
  std::vector<Term> terms;
  for (const auto& n : names) terms.push_back(atoms.intern(n));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(atoms.name(terms[i]).size());
    if (++i == terms.size()) i = 0;
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_AtomName);

}  // namespace
}  // namespace beamrun::micro
