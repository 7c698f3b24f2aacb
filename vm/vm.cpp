// vm.cpp - the VM object: export table, code path, module loading, host calls.
#include "vm/vm.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "bifs/natives.h"
#include "interp/interp.h"
#include "interp/stacktrace.h"
#include "loader/instructions.h"
#include "loader/translate.h"
#include "process/process.h"
#include "scheduler/scheduler.h"

namespace beamrun {

namespace fs = std::filesystem;


// ---- the VM ---------------------------------------------------------------------------------------

VM::VM(VMOptions options) : Runtime(std::move(options)), handlers_(interpreter_handlers()) {
  host_code_[0] = reinterpret_cast<Word>(handlers_[unsigned(Instr::i_return_to_host)]);
  host_code_[1] = 0;
  apply3_code_[0] = reinterpret_cast<Word>(handlers_[unsigned(Instr::i_apply3_only)]);
  apply_fun_code_[0] = reinterpret_cast<Word>(handlers_[unsigned(Instr::i_apply_fun_only)]);
  return_code_[0] = reinterpret_cast<Word>(handlers_[unsigned(Instr::i_return)]);
  dirty_raise_code_[0] = reinterpret_cast<Word>(handlers_[unsigned(Instr::i_dirty_raise)]);
  // erlang:apply/2,3 called through their exports (spawn(erlang, apply, ...), apply(erlang,
  // apply, ...)) run the apply instructions themselves.
  exports_.get(atom::erlang, atom::apply, 2)->address.store(apply_fun_code_, std::memory_order_release);
  exports_.get(atom::erlang, atom::apply, 3)->address.store(apply3_code_, std::memory_order_release);
  register_natives(*this);
  otp_root_ = options_.otp_root.empty() ? std::string(BEAMRUN_OTP_ROOT) : options_.otp_root;
  start_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
                  std::chrono::steady_clock::now().time_since_epoch()).count();
  unsigned n = options_.schedulers ? options_.schedulers : std::max(1u, std::thread::hardware_concurrency());
  owned_schedulers_ = std::make_unique<Schedulers>(*this, n);
  schedulers_ = owned_schedulers_.get();
  message_timers_ = &owned_message_timers_;
}

std::vector<std::string> VM::code_path() const {
  // The -pa entries in order, then OTP's libraries.
  std::vector<std::string> entries = options_.code_path;
  if (options_.use_otp_path) {
    std::error_code ec;
    std::vector<fs::path> libs;
    for (const auto& ent : fs::directory_iterator(fs::path(otp_root_) / "lib", ec)) {
      // erts holds ERTS's own preloaded modules (erlang, init...): beamrun provides those.
      if (ent.path().filename().string().rfind("erts-", 0) == 0) continue;
      libs.push_back(ent.path() / "ebin");
    }
    std::sort(libs.begin(), libs.end());
    for (const auto& l : libs) entries.push_back(l.string());
  }
  return entries;
}

std::string VM::find_in_path(Term name) {
  std::lock_guard<std::mutex> lock(modules_mutex_);
  if (!path_indexed_) {
    // First match wins, in code_path() order.
    auto add_dir = [&](const fs::path& dir) {
      std::error_code ec;
      for (const auto& ent : fs::directory_iterator(dir, ec)) {
        if (ent.path().extension() != ".beam") continue;
        path_index_.emplace(ent.path().stem().string(), ent.path().string());
      }
    };
    for (const std::string& entry : code_path()) {
      fs::path p(entry);
      if (p.extension() == ".beam") path_index_.emplace(p.stem().string(), p.string());
      else add_dir(p);
    }
    path_indexed_ = true;
  }
  auto it = path_index_.find(std::string(atoms_.name(name)));
  return it == path_index_.end() ? std::string() : it->second;
}

Module* VM::ensure_loaded(Term name, std::string* error) {
  if (Module* m = find_module(name)) return m;
  // Processes calling into a module nobody loaded yet may get here together: one loads it,
  // the others wait and find it.
  std::lock_guard<std::recursive_mutex> load_lock(load_mutex_);
  if (Module* m = find_module(name)) return m;
  if (Module* m; load_preloaded(name, &m, error)) return m;
  if (name == atom::erlang) {
    *error = "module erlang is provided natively";
    return nullptr;
  }
  std::string path = find_in_path(name);
  if (path.empty()) {
    *error = "module " + std::string(atoms_.name(name)) + " not found in the code path";
    return nullptr;
  }
  return load_file(path, error);
}

Module* VM::load_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open file";
    return nullptr;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return load_bytes(bytes, path, fs::path(path).stem().string(), error);
}

Module* VM::load_bytes(const std::vector<uint8_t>& bytes, const std::string& origin, const std::string& expected,
                       std::string* error, std::shared_ptr<const SandboxPolicy> policy) {
  // One load at a time: the "already loaded" check and the install must not interleave with
  // another load of the same module.
  std::lock_guard<std::recursive_mutex> load_lock(load_mutex_);
  try {
    BeamFile bf = parse_beam(bytes, origin, atoms_, [this](Term m, Term f, uint32_t a) { return exports_.get(m, f, a); });
    if (find_module(bf.module)) throw BeamError(origin + ": module " + std::string(atoms_.name(bf.module)) + " is already loaded");
    if (!expected.empty() && atoms_.name(bf.module) != expected)
      throw BeamError(origin + ": file holds module " + std::string(atoms_.name(bf.module)) + ", not " + expected);
    return install(translate_module(bf, load_env(std::move(policy))));
  } catch (const BeamError& e) {
    *error = e.what();
    return nullptr;
  } catch (const std::exception& e) {
    *error = origin + ": " + e.what();
    return nullptr;
  }
}

const Word* VM::entry_code(Export* e) {
  std::lock_guard<std::mutex> g(entry_mutex_);
  auto& code = entry_codes_[e];
  if (!code) {
    code = std::make_unique<Word[]>(2);
    code[0] = reinterpret_cast<Word>(handlers_[unsigned(Instr::i_call_ext_only)]);
    code[1] = reinterpret_cast<Word>(e);
  }
  return code.get();
}

Module* VM::install(std::unique_ptr<Module> m) {
  Module* raw = m.get();
  // One critical section for the table and the exports: a process that finds the module
  // (find_module, so ensure_loaded) must also find its exports published, or a call racing
  // another process's load raises undef. A caller that reads an export's address without the
  // lock finds the code complete, and module_at waits here for the table.
  // Lock order: modules_mutex_, then ExportTable's own mutex (never the other way round).
  std::lock_guard<std::mutex> lock(modules_mutex_);
  by_address_[raw->code.get()] = raw;
  modules_[raw->name] = std::move(m);
  for (size_t i = 0; i < raw->exports.size(); ++i) {
    const ExportEntry& e = raw->exports[i];
    Export* ex = exports_.get(raw->name, e.function, e.arity);
    ex->address.store(raw->export_addresses[i], std::memory_order_release);
  }
  return raw;
}

}  // namespace beamrun
