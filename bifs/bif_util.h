// bif_util.h - small helpers shared by the native function files.
#pragma once
#include <string>

#include "bifs/natives.h"
#include "process/binaries.h"
#include "process/process.h"
#include "process/runtime.h"
#include "term/atoms.h"
#include "term/copy.h"
#include "term/term.h"

namespace beamrun {

inline Term badarg(Process* p) { return p->bif_error(atom::badarg); }
// badarg whose error_info says why: #{cause => Cause}.
inline Term badarg_cause(Process* p, const char* cause) {
  p->bif_error(atom::badarg);
  p->exc_bif_cause = p->vm().atoms().intern(cause);
  return NON_VALUE;
}
inline Term atom_of(Process* p, const char* name) { return p->vm().atoms().intern(name); }

inline Term make_bool(bool b) { return b ? atom::true_ : atom::false_; }

// Natives whose work grows with their input hand big inputs to a dirty CPU thread, so no
// normal scheduler is blocked for more than about a millisecond: `if (big) return go_dirty(p)`.
// On the dirty thread the same native runs again and does the work (want_dirty is false there).
inline bool want_dirty(Process* p, bool big) { return big && !p->on_dirty_thread; }
inline Term go_dirty(Process* p) {
  p->native_request = NativeRequest::DirtyCpu;
  return NON_VALUE;
}
// Natives that block on the outside world (reading a file descriptor) run on a dirty IO
// thread the same way: `if (!p->on_dirty_thread) return go_dirty_io(p)`.
inline Term go_dirty_io(Process* p) {
  p->native_request = NativeRequest::DirtyIo;
  return NON_VALUE;
}
// A native whose export has a fallback (Export::fallback) leaves this call to it.
inline Term trap_to_fallback(Process* p) {
  p->native_request = NativeRequest::Trap;
  return NON_VALUE;
}
// Input sizes above which the natives go dirty (about a millisecond of work each).
constexpr size_t DIRTY_TERM_WORDS = 32 * 1024;       // term_to_binary, list_to_binary
constexpr size_t DIRTY_LIST_LENGTH = 256 * 1024;     // lists:reverse
constexpr size_t DIRTY_BINARY_BYTES = 256 * 1024;    // binary_to_term

// Length of a proper list, or -1.
inline Sint list_length(Term l) {
  Sint n = 0;
  while (is_list(l)) {
    ++n;
    l = cdr(l);
  }
  return is_nil(l) ? n : -1;
}

// The characters of a flat list of Latin-1/Unicode code points as UTF-8, or false.
bool charlist_to_utf8(Term list, std::string* out);
// A list of the code points of a UTF-8 string; text that is not valid UTF-8 (an environment
// variable or a file name may hold anything) is a list of its bytes, as ERTS makes of it.
Term utf8_to_charlist(Process* p, std::string_view s);

}  // namespace beamrun
