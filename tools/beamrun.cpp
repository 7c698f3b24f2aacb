// beamrun.cpp - the command line: beamrun [options] MODULE:FUNCTION [ARG ...]
//
// The first client of the embedding API: it includes nothing but include/beamrun/beamrun.h.
// Exit status: 0 when the function returns, 1 when it raises, N for erlang:halt(N), 2 for
// usage and load errors. Nothing but the program's own output (and -p's result) goes to stdout.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "beamrun/beamrun.h"

namespace {

int usage_error(const std::string& msg) {
  std::fprintf(stderr, "beamrun: %s\n", msg.c_str());
  return 2;
}

// " (m.erl, line 5)" for a stack frame's location list, or "".
std::string frame_location(const beamrun::Value& loc) {
  std::string file;
  long line = -1;
  for (const beamrun::Value& item : loc.items()) {
    if (!item.is_tuple() || item.size() != 2) continue;
    if (item[0].is_atom("file")) file = item[1].as_charlist().value_or("");
    else if (item[0].is_atom("line") && item[1].as_int64()) line = long(*item[1].as_int64());
  }
  if (file.empty() || line < 0) return "";
  return " (" + file + ", line " + std::to_string(line) + ")";
}

void print_exception(beamrun::Vm& vm, const beamrun::Outcome& o) {
  using beamrun::Vm;
  const beamrun::Value& cls = o.kind == beamrun::Outcome::Kind::Exited ? beamrun::Value::atom("exit") : o.class_;
  std::string out = "beamrun: exception " + cls.text() + ": " + vm.format(o.reason) + "\n";
  bool first = true;
  for (const beamrun::Value& f : o.stacktrace.items()) {
    if (!f.is_tuple() || f.size() != 4) continue;
    std::string mfa = f[0].text() + ":" + f[1].text();
    if (auto arity = f[2].as_int64()) {
      mfa += "/" + std::to_string(*arity);
    } else {
      std::string args = vm.format(f[2], Vm::Format::Display);  // [A,B] becomes (A,B)
      if (args.size() >= 2) {
        args.front() = '(';
        args.back() = ')';
      }
      mfa += args;
    }
    out += std::string(first ? "  in function  " : "  in call from ") + mfa + frame_location(f[3]) + "\n";
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

  beamrun::Config config;
  config.code_path = code_path;
  config.schedulers = schedulers;
  config.dirty_cpu_schedulers = dirty_cpu;
  config.dirty_io_schedulers = dirty_io;
  // The VM reads no environment variables itself; the CLI, as its host, takes these two.
  if (const char* root = std::getenv("BEAMRUN_OTP_ROOT"); root && *root) config.otp_root = root;
  if (const char* s = std::getenv("BEAMRUN_GC_STRESS"); s && *s && std::string_view(s) != "0") config.gc_stress = true;
  auto made = beamrun::Vm::create(config);
  if (!made) return usage_error(made.error().message);
  beamrun::Vm& vm = **made;

  std::vector<beamrun::Value> args;
  for (const std::string& text : fargs) {
    auto v = vm.parse(text);
    if (!v) return usage_error("bad argument '" + text + "': " + v.error().message);
    args.push_back(*v);
  }
  std::string module = mfa.substr(0, colon), function = mfa.substr(colon + 1);
  // A missing entry module is a load error (status 2), not an exception.
  auto pid = vm.spawn(module, function, args);
  if (!pid) return usage_error(pid.error().message);
  beamrun::Outcome o = *vm.wait(*pid, std::chrono::hours(24 * 365 * 100));

  int status = 1;
  switch (o.kind) {
    case beamrun::Outcome::Kind::Returned:
      if (print) {
        std::string s = vm.format(o.value);
        s.push_back('\n');
        std::fwrite(s.data(), 1, s.size(), stdout);
      }
      status = 0;
      break;
    case beamrun::Outcome::Kind::Halted:
      status = o.halt_status;
      break;
    case beamrun::Outcome::Kind::Raised:
    case beamrun::Outcome::Kind::Exited:
      std::fflush(stdout);
      print_exception(vm, o);
      status = 1;
      break;
  }
  std::fflush(stdout);
  // What the program left running ends with it, as when erl's init stops.
  vm.shutdown(std::chrono::milliseconds(0));
  return status;
}
