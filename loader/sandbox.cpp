// sandbox.cpp - what a SandboxPolicy allows, the gadgets whose arguments name another call, and
// the untrusted() policy with the reason for each entry.
#include "loader/sandbox.h"

#include <algorithm>
#include <string_view>

#include "term/export.h"
#include "term/map.h"

namespace beamrun {

CallArgs CallArgs::of_list(Term list) {
  CallArgs a;
  a.list = list;
  uint32_t n = 0;
  Term t = list;
  while (is_list(t) && n < UINT32_MAX - 1) { ++n; t = cdr(t); }
  a.n = t == NIL ? n : UINT32_MAX;
  return a;
}

Term CallArgs::at(uint32_t i) const {
  if (n == UINT32_MAX || i >= n) return NON_VALUE;
  if (regs) return regs[i];
  Term t = list;
  for (uint32_t k = 0; k < i; ++k) t = cdr(t);
  return car(t);
}

bool SandboxPolicy::allows(Term m, Term f, uint32_t arity) const {
  if (std::find(deny_modules.begin(), deny_modules.end(), m) != deny_modules.end()) return false;
  for (const DeniedFunction& d : deny_functions)
    if (d.module == m && d.function == f && (d.arity < 0 || uint64_t(d.arity) == arity)) return false;
  if (!allow_modules.empty() && m != atom::erlang &&
      std::find(allow_modules.begin(), allow_modules.end(), m) == allow_modules.end())
    return false;
  return true;
}

namespace {

// How a gadget's arguments name the function it will run.
enum class GadgetKind : uint8_t {
  None,
  Mfa,      // module at `at`, function at `at + 1`, argument list at `at + 2`
  Fun,      // a fun at `at`, called with no arguments (spawn's)
  FunList,  // a fun at `at`, its argument list at `at + 1` (apply/2)
  MakeFun,  // module, function, arity at 0, 1, 2: the export fun make_fun/3 makes
};
struct Gadget {
  GadgetKind kind = GadgetKind::None;
  uint32_t at = 0;
};

Gadget gadget_of(Term m, Term f, uint32_t arity, const AtomTable& atoms) {
  if (m != atom::erlang || !is_atom(f)) return {};
  std::string_view n = atoms.name(f);
  if (f == atom::apply) {
    if (arity == 3) return {GadgetKind::Mfa, 0};
    if (arity == 2) return {GadgetKind::FunList, 0};
    return {};
  }
  if (n == "spawn" || n == "spawn_link" || n == "spawn_monitor") {
    // spawn(Fun), spawn(Node, Fun), spawn(M, F, A), spawn(Node, M, F, A)
    switch (arity) {
      case 1: return {GadgetKind::Fun, 0};
      case 2: return {GadgetKind::Fun, 1};
      case 3: return {GadgetKind::Mfa, 0};
      case 4: return {GadgetKind::Mfa, 1};
      default: return {};
    }
  }
  if (n == "spawn_opt") {
    // spawn_opt(Fun, Opts), spawn_opt(Node, Fun, Opts), spawn_opt(M, F, A, Opts),
    // spawn_opt(Node, M, F, A, Opts)
    switch (arity) {
      case 2: return {GadgetKind::Fun, 0};
      case 3: return {GadgetKind::Fun, 1};
      case 4: return {GadgetKind::Mfa, 0};
      case 5: return {GadgetKind::Mfa, 1};
      default: return {};
    }
  }
  if (n == "hibernate" && arity == 3) return {GadgetKind::Mfa, 0};
  if (n == "make_fun" && arity == 3) return {GadgetKind::MakeFun, 0};
  return {};
}

// apply(erlang, apply, [erlang, apply, [...]]) nests; deeper than this is refused outright
// rather than followed (no program needs it, and the check must stay bounded).
constexpr int MAX_DEPTH = 8;

}  // namespace

bool SandboxPolicy::is_decoder(Term m, Term f, uint32_t arity, const AtomTable& atoms) {
  return m == atom::erlang && is_atom(f) && (arity == 1 || arity == 2) && atoms.name(f) == "binary_to_term";
}

void for_each_export_fun(Term t, const std::function<void(Term)>& fn) {
  std::vector<Term> todo{t};
  while (!todo.empty()) {
    t = todo.back();
    todo.pop_back();
    if (is_list(t)) {
      todo.push_back(car(t));
      todo.push_back(cdr(t));
      continue;
    }
    if (!is_boxed(t)) continue;
    const Term* b = boxed_ptr(t);
    switch (header_subtag(b[0])) {
      case Subtag::Tuple:
        for (Uint i = 1; i <= header_arity(b[0]); ++i) todo.push_back(b[i]);
        break;
      case Subtag::Map:
        todo.push_back(flatmap_keys(t));
        for (Uint i = 0; i < flatmap_size(t); ++i) todo.push_back(flatmap_values(t)[i]);
        break;
      case Subtag::HashMap: {
        const Term* children = hashmap_node_children(b);
        for (unsigned i = 0; i < hashmap_node_count(b); ++i) todo.push_back(children[i]);
        break;
      }
      case Subtag::Fun:
        for (Uint i = 0; i < fun_num_free(t); ++i) todo.push_back(fun_free_vars(t)[i]);
        break;
      case Subtag::Export:
        fn(t);
        break;
      default:
        break;  // no terms inside: numbers, binaries, references, pids
    }
  }
}

std::optional<CallTarget> SandboxPolicy::refused_fun_in(const AtomTable& atoms, Term self, Term t) const {
  std::optional<CallTarget> found;
  for_each_export_fun(t, [&](Term f) {
    const Export* e = export_fun_entry(f);
    if (!found && refuses_fun(atoms, self, e->module, e->function, e->arity))
      found = CallTarget{e->module, e->function, e->arity};
  });
  return found;
}

bool SandboxPolicy::is_gadget(Term m, Term f, uint32_t arity, const AtomTable& atoms) {
  return gadget_of(m, f, arity, atoms).kind != GadgetKind::None;
}

std::optional<CallTarget> SandboxPolicy::denied_call(const AtomTable& atoms, Term self, Term m, Term f,
                                                     uint32_t arity, const CallArgs& args) const {
  return denied_call_at(atoms, self, m, f, arity, args, 0);
}

std::optional<CallTarget> SandboxPolicy::denied_fun(const AtomTable& atoms, Term self, Term f,
                                                    const CallArgs& args) const {
  return denied_fun_at(atoms, self, f, args, 0);
}

std::optional<CallTarget> SandboxPolicy::denied_call_at(const AtomTable& atoms, Term self, Term m, Term f,
                                                        uint32_t arity, const CallArgs& args, int depth) const {
  CallTarget here{m, f, arity};
  if (!allows_from(self, m, f, arity)) return here;
  if (is_decoder(m, f, arity, atoms)) return here;  // its result could not be checked
  Gadget g = gadget_of(m, f, arity, atoms);
  if (g.kind == GadgetKind::None) return std::nullopt;
  if (depth >= MAX_DEPTH) return here;
  switch (g.kind) {
    case GadgetKind::Mfa: {
      Term tm = args.at(g.at), tf = args.at(g.at + 1), tl = args.at(g.at + 2);
      if (tm == NON_VALUE || tl == NON_VALUE || !is_atom(tm) || !is_atom(tf)) return std::nullopt;  // badarg anyway
      CallArgs inner = CallArgs::of_list(tl);
      if (inner.n == UINT32_MAX) return std::nullopt;
      return denied_call_at(atoms, self, tm, tf, inner.n, inner, depth + 1);
    }
    case GadgetKind::Fun: {
      Term fun = args.at(g.at);
      if (fun == NON_VALUE) return std::nullopt;
      return denied_fun_at(atoms, self, fun, CallArgs::none(), depth + 1);
    }
    case GadgetKind::FunList: {
      Term fun = args.at(g.at), tl = args.at(g.at + 1);
      if (fun == NON_VALUE || tl == NON_VALUE) return std::nullopt;
      CallArgs inner = CallArgs::of_list(tl);
      if (inner.n == UINT32_MAX) return std::nullopt;
      return denied_fun_at(atoms, self, fun, inner, depth + 1);
    }
    case GadgetKind::MakeFun: {
      Term tm = args.at(0), tf = args.at(1), ta = args.at(2);
      if (tm == NON_VALUE || !is_atom(tm) || !is_atom(tf) || !is_small(ta) || small_value(ta) < 0 ||
          small_value(ta) > 255)
        return std::nullopt;  // make_fun/3 raises badarg itself
      uint32_t a = uint32_t(small_value(ta));
      // The fun may be called later by trusted code, which checks nothing: no gadget in it.
      if (refuses_fun(atoms, self, tm, tf, a)) return CallTarget{tm, tf, a};
      return std::nullopt;
    }
    case GadgetKind::None: break;
  }
  return std::nullopt;
}

std::optional<CallTarget> SandboxPolicy::denied_fun_at(const AtomTable& atoms, Term self, Term f,
                                                       const CallArgs& args, int depth) const {
  if (!is_export_fun(f)) return std::nullopt;  // a closure, or not a fun (badfun)
  const Export* e = export_fun_entry(f);
  return denied_call_at(atoms, self, e->module, e->function, e->arity, args, depth);
}

std::optional<SandboxPolicy> SandboxPolicy::from_names(const Names& names, AtomTable& atoms, std::string* error) {
  SandboxPolicy p;
  auto atom_of = [&](std::string_view name, Term* out) {
    // 'quoted' as Erlang writes atoms such as '/' or 'Elixir.Foo'.
    if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') name = name.substr(1, name.size() - 2);
    if (name.empty() || name.size() > 255) {
      *error = "bad name in a sandbox policy: \"" + std::string(name) + "\"";
      return false;
    }
    *out = atoms.intern(name);
    return true;
  };
  for (const std::string& m : names.deny_modules) {
    if (!atom_of(m, &p.deny_modules.emplace_back())) return std::nullopt;
  }
  for (const std::string& m : names.allow_modules) {
    if (!atom_of(m, &p.allow_modules.emplace_back())) return std::nullopt;
  }
  for (const std::string& spec : names.deny_functions) {
    // "m:f/a" or "m:f" (names may be 'quoted'). Function names may hold '/' (erlang:'/'/2), so the arity
    // is what follows the last '/' when that is all digits.
    size_t colon = spec.find(':');
    if (colon == std::string::npos) {
      *error = "bad function in a sandbox policy (not m:f/a or m:f): \"" + spec + "\"";
      return std::nullopt;
    }
    std::string_view rest = std::string_view(spec).substr(colon + 1);
    DeniedFunction d;
    size_t slash = rest.rfind('/');
    if (slash != std::string_view::npos && slash + 1 < rest.size() && slash > 0 &&
        rest.find_first_not_of("0123456789", slash + 1) == std::string_view::npos && rest.size() - slash <= 4) {
      d.arity = std::stoi(std::string(rest.substr(slash + 1)));
      if (d.arity > 255) {
        *error = "arity over 255 in a sandbox policy: \"" + spec + "\"";
        return std::nullopt;
      }
      rest = rest.substr(0, slash);
    }
    if (!atom_of(std::string_view(spec).substr(0, colon), &d.module) || !atom_of(rest, &d.function)) return std::nullopt;
    p.deny_functions.push_back(d);
  }
  return p;
}

SandboxPolicy SandboxPolicy::untrusted(AtomTable& atoms) {
  std::string error;
  // The names are this file's own, and well formed.
  return *from_names(untrusted_names(), atoms, &error);
}

SandboxPolicy::Names SandboxPolicy::untrusted_names() {
  Names p;
  // Modules whose every function reaches the host, the code or the node:
  static constexpr const char* modules[] = {
      "os",               // commands, environment, signals
      "file", "prim_file", "filelib", "file_sorter", "ram_file", "zip", "erl_tar",
      "disk_log", "dets",  // the file system, directly or through a library
      "code", "code_server", "erl_prim_loader", "beamrun_code", "erts_code_purger",
      "erl_ddll",          // loading, purging and finding code and drivers
      "init",              // stopping or restarting the node, boot arguments
      "erts_internal",     // the unchecked machinery under erlang's BIFs
      "net_kernel", "net_adm", "erl_epmd", "global", "rpc", "erpc", "slave", "peer",
      "auth",              // distribution: other nodes are outside the sandbox
      "prim_inet", "inet", "inet_tcp", "inet_udp", "gen_tcp", "gen_udp", "gen_sctp",
      "socket", "prim_socket", "prim_net", "net",  // the network
      "proc_lib", "erl_eval", "shell", "c", "supervisor", "supervisor_bridge",
      "application", "application_controller",  // run an M:F/A or code given as data, unchecked
      "persistent_term",   // VM-wide state shared with trusted code; a put is a global GC
  };
  for (const char* m : modules) p.deny_modules.push_back(m);
  // Functions of modules that otherwise stay callable:
  struct F { const char* m; const char* f; int64_t arity; };
  static constexpr F functions[] = {
      {"erlang", "halt", -1},            // stops the whole VM
      {"erlang", "open_port", 2},        // runs programs, opens files and sockets
      {"erlang", "load_nif", 2},         // native code
      {"erlang", "load_module", 2},      // replacing code (also the sandbox's own)
      {"erlang", "purge_module", 1},
      {"erlang", "delete_module", 1},
      {"erlang", "finish_loading", 1},
      {"erlang", "prepare_loading", 2},
      {"erlang", "system_flag", 2},      // VM-wide settings (schedulers, limits)
      {"erlang", "set_cookie", -1},      // distribution
      {"erlang", "disconnect_node", 1},
      {"erlang", "spawn_request", -1},   // spawns without the checks spawn/N get
      {"erlang", "process_flag", 3},     // sets flags of another process
      {"erlang", "suspend_process", -1}, // freezes other processes
      {"erlang", "resume_process", 1},
      {"erlang", "garbage_collect", 1},  // of other processes; costs outside the budget
      {"erlang", "garbage_collect", 2},
      {"erlang", "trace", 3},            // observing and slowing other processes
      {"erlang", "trace_pattern", -1},
      {"erlang", "system_monitor", -1},
      {"erlang", "system_profile", -1},
      {"erlang", "group_leader", 2},     // redirecting other processes' I/O
      {"erlang", "unregister", 1},       // taking names (user, code_server) from system processes
      {"timer", "apply_after", 4},       // apply an M:F/A later, from trusted code
      {"timer", "apply_interval", 4},
      {"timer", "apply_repeatedly", 4},
      {"timer", "tc", 3},
      {"timer", "tc", 4},
  };
  for (const F& f : functions)
    p.deny_functions.push_back(std::string(f.m) + ":" + f.f + (f.arity < 0 ? "" : "/" + std::to_string(f.arity)));
  return p;
}

}  // namespace beamrun
