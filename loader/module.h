// module.h - a loaded module: its threaded code, literals, lambdas and the tables that map
// code addresses back to functions and source lines (for stack traces).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "loader/beam_file.h"
#include "loader/sandbox.h"
#include "term/export.h"
#include "term/term.h"

namespace beamrun {

// The registers threaded code may name: x(0)..x(MAX_X_REGS - 1) and as many float registers.
// Every scheduler thread has that many (process/process.h: RegisterFile).
constexpr unsigned MAX_X_REGS = 1024;
constexpr unsigned MAX_F_REGS = 1024;

// One function of a module. `info` is the address of its i_func_info instruction; code from
// `info` up to the next function's `info` belongs to it.
struct FunctionInfo {
  Term module = NON_VALUE;
  Term name = NON_VALUE;
  uint32_t arity = 0;
  const Word* info = nullptr;
  const Word* entry = nullptr;
};

struct Module {
  Term name = NON_VALUE;
  std::string path;
  std::unique_ptr<Word[]> code;  // threaded code; never moves once loaded
  size_t code_words = 0;
  std::shared_ptr<LiteralArea> literals;
  std::unique_ptr<FunEntry[]> lambdas;
  size_t lambda_count = 0;
  std::vector<FunctionInfo> functions;            // sorted by address
  std::vector<std::pair<uint32_t, uint32_t>> line_map;  // (code word offset, index into lines), sorted
  std::vector<std::string> line_files;
  std::vector<LineRef> lines;
  std::vector<ExportEntry> exports;                // as in the file
  std::vector<const Word*> export_addresses;       // entry of each of `exports`
  std::vector<uint8_t> attributes_etf, compile_info_etf;
  uint8_t md5[16] = {};
  // Null for trusted code; else the policy its calls were translated under. Its code points at
  // it (the sandbox instructions' operand), so it lives as long as the module.
  std::shared_ptr<const SandboxPolicy> policy;
  // A sandboxed module's stand-ins for export funs in its literals that the policy refuses
  // (`fun os:cmd/1`, `fun erlang:apply/3`): same M:F/A, code that raises not_allowed. Never in
  // the VM's export table, so trusted code's entries stay as they were.
  std::vector<std::unique_ptr<Export>> guarded_funs;

  bool contains(const void* p) const {
    auto w = static_cast<const Word*>(p);
    return w >= code.get() && w < code.get() + code_words;
  }
  // The function whose code holds `p`, or null.
  const FunctionInfo* function_at(const void* p) const;
  // {File, Line} of the last `line` instruction at or before `p`; false when there is none.
  bool location_at(const void* p, std::string* file, uint32_t* line) const;
};

}  // namespace beamrun
