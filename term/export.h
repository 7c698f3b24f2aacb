// export.h - the callable entities terms and code point at: export entries, lambda entries,
// and the signature of native functions (BIFs).
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "term/term.h"

namespace beamrun {

class Process;

// A native function. `args` points at the argument registers (x0, x1, ...). Returns the
// result, or NON_VALUE after setting the process's pending exception (see Process::raise).
using BifFn = Term (*)(Process* p, Term* args);

// One M:F/A. Entries live in the VM's ExportTable and never move or die, so threaded code and
// export funs hold raw pointers to them. `address` is the entry of the current version of the
// function's code (null while no loaded module defines it); `bif` is set for native functions.
// Thread safety: `address` is published with release/acquire by the code loader; the other
// fields are immutable after creation, except `bif`, which a host may set at any time
// (natives registered after the code calling them is loaded): calls read it atomically.
struct Export {
  Term module = NON_VALUE;
  Term function = NON_VALUE;
  uint32_t arity = 0;
  std::atomic<BifFn> bif{nullptr};
  std::atomic<const void*> address{nullptr};
  // ERTS implements this one in Erlang (erlang.erl) over a BIF: when it fails after a tail
  // call, the caller's frame is gone from the stacktrace, as there.
  bool erlang_coded = false;
  // The Erlang function (same arguments) a native hands the cases it leaves to Erlang code,
  // as ERTS's BIFs trap to one (unicode:characters_to_list/2 to characters_to_list_int/2 for
  // the encodings it does not convert itself): the native returns trap_to_fallback(p).
  const Export* fallback = nullptr;
};

// One lambda of a module (FunT entry), bound to the module version that defined it.
struct FunEntry {
  Term module = NON_VALUE;
  Term function = NON_VALUE;  // the generated function name, e.g. '-main/0-fun-0-'
  uint32_t arity = 0;         // arity of the fun as called (excluding free variables)
  uint32_t num_free = 0;
  uint32_t index = 0;         // index in the module's FunT
  uint32_t old_uniq = 0;
  const void* address = nullptr;  // code entry (after translation)
};

// Closure layout on the heap: [hdr Fun, arity = 2 + num_free][FunEntry*][num_free][free...]
constexpr Uint FUN_HEADER_WORDS = 3;
inline FunEntry* fun_entry(Term fun) { return reinterpret_cast<FunEntry*>(boxed_ptr(fun)[1]); }
inline Uint fun_num_free(Term fun) { return boxed_ptr(fun)[2]; }
inline Term* fun_free_vars(Term fun) { return boxed_ptr(fun) + 3; }

// External fun layout: [hdr Export, arity = 1][Export*]
constexpr Uint EXPORT_FUN_WORDS = 2;
inline Export* export_fun_entry(Term f) { return reinterpret_cast<Export*>(boxed_ptr(f)[1]); }
inline Term write_export_fun(Term* at, Export* e) {
  at[0] = make_header(1, Subtag::Export);
  at[1] = reinterpret_cast<uintptr_t>(e);
  return make_boxed(at);
}

// Flat map layout (maps of at most 32 keys), keys sorted in term order:
//   [hdr Map, arity = 2 + size][size][keys: a boxed tuple of `size` keys][values...]
inline Uint flatmap_size(Term m) { return boxed_ptr(m)[1]; }
inline Term flatmap_keys(Term m) { return boxed_ptr(m)[2]; }
inline Term* flatmap_values(Term m) { return boxed_ptr(m) + 3; }

// Local reference layout: [hdr Ref, arity = 3][w0][w1][w2] (printed #Ref<0.w2.w1.w0>)
constexpr Uint REF_WORDS = 4;

// A local reference's value (its three words), for tables keyed by reference: the words stay
// the same when the collector moves the reference.
struct RefKey {
  Term w[3];
  bool operator==(const RefKey&) const = default;
};
struct RefKeyHash {
  size_t operator()(const RefKey& k) const { return size_t(k.w[0] * 0x9E3779B97F4A7C15ull ^ k.w[1] * 31 ^ k.w[2]); }
};
inline bool is_local_ref_term(Term t) { return is_ref(t) && header_arity(boxed_ptr(t)[0]) == REF_WORDS - 1; }
inline RefKey ref_key_of(Term ref) { return RefKey{{boxed_ptr(ref)[1], boxed_ptr(ref)[2], boxed_ptr(ref)[3]}}; }

// Export entries by M:F/A. Entries are created on first mention and never removed.
// Thread safety: `mutex_` guards the map; entries themselves are stable and publish their
// address atomically (see Export).
class ExportTable {
 public:
  Export* get(Term module, Term function, uint32_t arity);  // creates if missing
  Export* find(Term module, Term function, uint32_t arity) const;
  // The native registered as M:F/A, or null.
  BifFn find_bif(Term module, Term function, uint32_t arity) const {
    Export* e = find(module, function, arity);
    return e ? e->bif.load(std::memory_order_acquire) : nullptr;
  }

 private:
  struct Key {
    Term m, f;
    uint32_t a;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const { return (k.m * 0x9E3779B97F4A7C15ull) ^ (k.f * 31) ^ k.a; }
  };
  mutable std::mutex mutex_;
  std::unordered_map<Key, std::unique_ptr<Export>, KeyHash> map_;
};

}  // namespace beamrun
