// os.cpp - the natives of the os module: the environment and the OS process id.
// The environment is the host process's own, shared by every VM in it (as by everything in the
// OS process); setenv/getenv/environ are not thread-safe in libc, so calls here are serialised
// by one process-wide lock, `environment_lock`.
#include <unistd.h>

#include <cstdlib>
#include <mutex>

#include "bifs/bif_util.h"
#include "interp/stacktrace.h"

extern char** environ;

namespace beamrun {

namespace {

// The one piece of static mutable state in beamrun, on purpose: what it guards, the OS
// process's environment, is itself process-wide, so a lock per VM would let two VMs in one host
// race on it. Held only around one getenv/setenv/unsetenv or one walk of `environ`.
// (A host that changes the environment while VMs run should not: libc gives it no lock to take.)
std::mutex environment_lock;

// Variable names and values are flat character lists without NUL.
bool text_arg(Term t, std::string* out) {
  return charlist_to_utf8(t, out) && out->find('\0') == std::string::npos;
}

Term bif_getenv1(Process* p, Term* a) {
  std::string name;
  if (!text_arg(a[0], &name)) return badarg(p);
  std::lock_guard<std::mutex> lock(environment_lock);
  const char* v = std::getenv(name.c_str());
  if (!v) return atom::false_;
  return utf8_to_charlist(p, v);
}
Term bif_getenv0(Process* p, Term*) {
  std::vector<Term> items;
  std::lock_guard<std::mutex> lock(environment_lock);
  for (char** e = environ; e && *e; ++e) items.push_back(utf8_to_charlist(p, *e));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}
Term bif_putenv(Process* p, Term* a) {
  std::string name, value;
  if (!text_arg(a[0], &name) || !text_arg(a[1], &value) || name.empty() ||
      name.find('=') != std::string::npos)
    return badarg(p);
  std::lock_guard<std::mutex> lock(environment_lock);
  if (setenv(name.c_str(), value.c_str(), 1) != 0) return badarg(p);
  return atom::true_;
}
Term bif_unsetenv(Process* p, Term* a) {
  std::string name;
  if (!text_arg(a[0], &name)) return badarg(p);
  std::lock_guard<std::mutex> lock(environment_lock);
  unsetenv(name.c_str());
  return atom::true_;
}
Term bif_getpid(Process* p, Term*) { return utf8_to_charlist(p, std::to_string(::getpid())); }

}  // namespace

void register_os_bifs(Runtime& vm) {
  vm.register_bif("os", "getenv", 1, bif_getenv1);
  vm.register_bif("os", "getenv", 0, bif_getenv0);
  vm.register_bif("os", "putenv", 2, bif_putenv);
  vm.register_bif("os", "unsetenv", 1, bif_unsetenv);
  vm.register_bif("os", "getpid", 0, bif_getpid);
}

}  // namespace beamrun
