// beamrun.cpp - the command line: beamrun [options] MODULE:FUNCTION [ARG ...]
//
// Exit status: 0 when the function returns, 1 when it raises, N for erlang:halt(N), 2 for
// usage and load errors. Nothing but the program's own output (and -p's result) goes to stdout.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "process/process.h"
#include "text/printer.h"
#include "text/term_parser.h"
#include "vm/vm.h"

using namespace beamrun;

namespace {

int usage_error(const std::string& msg) {
  std::fprintf(stderr, "beamrun: %s\n", msg.c_str());
  return 2;
}

// "m.erl, line 5" style location of a stack frame, or empty.
std::string frame_location(Term loc, const AtomTable& atoms) {
  std::string file;
  long line = -1;
  for (Term l = loc; is_list(l); l = cdr(l)) {
    Term item = car(l);
    if (!is_tuple(item) || tuple_arity(item) != 2) continue;
    Term k = tuple_element(item, 1), v = tuple_element(item, 2);
    if (k == atom::file) {
      file.clear();
      for (Term c = v; is_list(c); c = cdr(c))
        if (is_small(car(c))) file.push_back(char(small_value(car(c))));
    } else if (k == atom::line && is_small(v)) {
      line = long(small_value(v));
    }
  }
  if (file.empty() || line < 0) return "";
  return " (" + file + ", line " + std::to_string(line) + ")";
}

void print_exception(const RunResult& r, const AtomTable& atoms) {
  std::string out = "beamrun: exception " + std::string(atoms.name(r.exc_class)) + ": " +
                    format_p(r.value, atoms) + "\n";
  bool first = true;
  for (Term l = r.stacktrace; is_list(l); l = cdr(l)) {
    Term f = car(l);
    if (!is_tuple(f) || tuple_arity(f) != 4) continue;
    Term m = tuple_element(f, 1), fn = tuple_element(f, 2), a = tuple_element(f, 3);
    std::string mfa = std::string(atoms.name(m)) + ":" + std::string(atoms.name(fn));
    if (is_small(a)) mfa += "/" + std::to_string(small_value(a));
    else {
      std::string args = display_term(a, atoms);  // [A,B] becomes (A,B)
      if (args.size() >= 2) { args.front() = '('; args.back() = ')'; }
      mfa += args;
    }
    out += std::string(first ? "  in function  " : "  in call from ") + mfa +
           frame_location(tuple_element(f, 4), atoms) + "\n";
    first = false;
  }
  std::fputs(out.c_str(), stderr);
}

}  // namespace

int main(int argc, char** argv) {
  // Split argv: options come first, then MODULE:FUNCTION, then the function's arguments
  // (which may look like options: -5). "-pa" is one option, not -p -a.
  std::vector<std::string> opts;
  std::string mfa;
  std::vector<std::string> fargs;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-pa" || a == "--pa") {
      opts.push_back("--pa");
      if (i + 1 < argc) opts.push_back(argv[++i]);
      continue;
    }
    if (a == "-s" || a == "--schedulers" || a == "--dirty-cpu" || a == "--dirty-io") {  // take a value
      opts.push_back(a);
      if (i + 1 < argc) opts.push_back(argv[++i]);
      continue;
    }
    if (!a.empty() && a[0] == '-') {
      opts.push_back(a);
      continue;
    }
    mfa = a;
    ++i;
    break;
  }
  for (; i < argc; ++i) fargs.push_back(argv[i]);

  CLI::App app{"beamrun: runs Erlang .beam files.\nUsage: beamrun [options] MODULE:FUNCTION [ARG ...]", "beamrun"};
  std::vector<std::string> code_path;
  bool print = false;
  app.add_option("--pa", code_path, "Add a code path directory (or a .beam file); repeatable, searched in order")
      ->type_name("DIR");
  app.add_flag("-p,--print", print, "Print the returned term (~p syntax) on stdout");
  unsigned schedulers = 0, dirty_cpu = 0, dirty_io = 10;
  app.add_option("-s,--schedulers", schedulers, "Normal scheduler threads (default: one per hardware thread)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--dirty-cpu", dirty_cpu, "Dirty CPU scheduler threads (default: as many as normal ones)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--dirty-io", dirty_io, "Dirty IO scheduler threads (default: 10)")->check(CLI::Range(1, 1024));
  app.set_version_flag("--version", std::string("beamrun ") + BEAMRUN_VERSION + " (runs OTP 24-28 .beam files)");
  app.footer("Each ARG is an Erlang term literal: 30, foo, \"str\", <<\"bin\">>, [1,2], {a,1}.\n"
             "Exit status: 0 on return, 1 on an uncaught exception, N for erlang:halt(N), 2 on usage or load errors.\n"
             "Environment: BEAMRUN_OTP_ROOT=DIR takes OTP's libraries from DIR instead of the build's OTP;\n"
             "BEAMRUN_GC_STRESS=1 collects garbage at every allocation point (a test mode).");
  std::vector<const char*> cli_argv{argv[0]};
  for (auto& o : opts) cli_argv.push_back(o.c_str());
  try {
    app.parse(int(cli_argv.size()), const_cast<char**>(cli_argv.data()));
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }

  if (mfa.empty()) return usage_error("missing MODULE:FUNCTION (try --help)");
  size_t colon = mfa.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == mfa.size())
    return usage_error("expected MODULE:FUNCTION, got '" + mfa + "'");

  VMOptions vo;
  vo.code_path = code_path;
  vo.schedulers = schedulers;
  vo.dirty_cpu_schedulers = dirty_cpu;
  vo.dirty_io_schedulers = dirty_io;
  // The VM reads no environment variables itself; the CLI, as its host, takes these two.
  if (const char* root = std::getenv("BEAMRUN_OTP_ROOT"); root && *root) vo.otp_root = root;
  if (const char* s = std::getenv("BEAMRUN_GC_STRESS"); s && *s && std::string_view(s) != "0") vo.gc_stress = true;
  VM vm(vo);
  Term module = vm.atoms().intern(mfa.substr(0, colon));
  Term function = vm.atoms().intern(mfa.substr(colon + 1));

  std::string err;
  // A missing entry module is a load error (status 2); erlang's functions are native.
  if (module != atom::erlang && !vm.ensure_loaded(module, &err)) return usage_error(err);

  Process proc(vm, vm.next_serial());
  std::vector<Term> args;
  for (const std::string& text : fargs) {
    Term t = parse_term(text, proc, vm.atoms(), &err);
    if (t == NON_VALUE) return usage_error("bad argument '" + text + "': " + err);
    args.push_back(t);
  }

  RunResult r = vm.call(module, function, args, proc);
  switch (r.kind) {
    case RunResult::Kind::Returned:
      if (print) {
        std::string s = format_p(r.value, vm.atoms());
        s.push_back('\n');
        std::fwrite(s.data(), 1, s.size(), stdout);
      }
      std::fflush(stdout);
      return 0;
    case RunResult::Kind::Halted:
      std::fflush(stdout);
      return r.halt_status;
    case RunResult::Kind::Raised:
      std::fflush(stdout);
      print_exception(r, vm.atoms());
      return 1;
  }
  return 1;
}
