// bench_loader.cpp - loading OTP's own big modules: parse_beam (chunks, zlib'd literals, the
// Code chunk decoded) and translate_module (threaded code), apart and together, and a whole
// VM::load_file into a VM that has never seen the module's atoms.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "loader/beam_file.h"
#include "loader/translate.h"
#include "vm/vm.h"

namespace beamrun::micro {
namespace {

namespace fs = std::filesystem;

VMOptions loader_options() {
  VMOptions opts;
  opts.schedulers = 1;  // no process runs here; one scheduler object is enough
  return opts;
}

// OTP's stdlib/ebin/<module>.beam under the VM's OTP root, or "" when there is none.
std::string stdlib_beam(const VM& vm, const std::string& module) {
  std::error_code ec;
  for (const auto& lib : fs::directory_iterator(fs::path(vm.otp_root()) / "lib", ec)) {
    if (lib.path().filename().string().rfind("stdlib-", 0) != 0) continue;
    fs::path beam = lib.path() / "ebin" / (module + ".beam");
    if (fs::exists(beam, ec)) return beam.string();
  }
  return {};
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The module's path and bytes, or the benchmark skipped when OTP's stdlib is not found.
bool locate_module(benchmark::State& state, const VM& vm, const char* module, std::string* path,
                 std::vector<uint8_t>* bytes) {
  *path = stdlib_beam(vm, module);
  if (path->empty()) {
    state.SkipWithError(("no stdlib " + std::string(module) + ".beam under " + vm.otp_root()).c_str());
    return false;
  }
  *bytes = read_bytes(*path);
  return true;
}

ExportResolver resolver(VM& vm) {
  return [&vm](Term m, Term f, uint32_t a) { return vm.exports().get(m, f, a); };
}

void report(benchmark::State& state, size_t file_bytes) {
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(file_bytes));
  state.SetItemsProcessed(int64_t(state.iterations()));  // modules
}

void BM_ParseBeam(benchmark::State& state, const char* module) {
  VM vm(loader_options());
  std::string path;
  std::vector<uint8_t> bytes;
  if (!locate_module(state, vm, module, &path, &bytes)) return;
  for (auto _ : state) benchmark::DoNotOptimize(parse_beam(bytes, path, vm.atoms(), resolver(vm)));
  report(state, bytes.size());
}
BENCHMARK_CAPTURE(BM_ParseBeam, erl_parse, "erl_parse")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ParseBeam, lists, "lists")->Unit(benchmark::kMillisecond);

// Translation of an already parsed file. The module is never installed, so each iteration's
// Module is simply dropped.
void BM_TranslateModule(benchmark::State& state, const char* module) {
  VM vm(loader_options());
  std::string path;
  std::vector<uint8_t> bytes;
  if (!locate_module(state, vm, module, &path, &bytes)) return;
  BeamFile parsed = parse_beam(bytes, path, vm.atoms(), resolver(vm));
  for (auto _ : state) benchmark::DoNotOptimize(translate_module(parsed, vm.load_env()));
  report(state, bytes.size());
}
BENCHMARK_CAPTURE(BM_TranslateModule, erl_parse, "erl_parse")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TranslateModule, lists, "lists")->Unit(benchmark::kMillisecond);

// VM::load_file (read, parse, translate, install) into a fresh VM each time: the module's
// atoms and export entries are all new. Making and destroying the VM is not timed.
void BM_LoadFileFreshVM(benchmark::State& state, const char* module) {
  std::string path;
  std::vector<uint8_t> bytes;
  {
    VM probe(loader_options());
    if (!locate_module(state, probe, module, &path, &bytes)) return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto vm = std::make_unique<VM>(loader_options());
    std::string error;
    state.ResumeTiming();
    Module* m = vm->load_file(path, &error);
    state.PauseTiming();
    vm.reset();
    state.ResumeTiming();
    if (m == nullptr) {
      state.SkipWithError(error.c_str());
      break;
    }
  }
  report(state, bytes.size());
}
BENCHMARK_CAPTURE(BM_LoadFileFreshVM, erl_parse, "erl_parse")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadFileFreshVM, lists, "lists")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace beamrun::micro
