// erlang_terms.cpp - external term format, hashing, funs, references, pids and ports.
//
//   term_to_binary/1,2  term_to_iovec/1,2  external_size/1,2  binary_to_term/1,2
//   phash/2  phash2/1,2
//   fun_info/1,2  fun_to_list/1  make_fun/3
//   make_ref/0  ref_to_list/1  list_to_ref/1  pid_to_list/1  list_to_pid/1
//   port_to_list/1  list_to_port/1
//
// What beamrun cannot know as BEAM does (documented in etf/encode.h): a closure does not
// record the process that created it, so fun_info(F, pid) and the creator field written by
// term_to_binary give the calling process. A closure decoded by binary_to_term must name a
// lambda of a module that is loaded (or loadable from the code path) with the same md5; BEAM
// would instead make a fun that fails with undef or badfun when called.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "bifs/bif_util.h"
#include "bifs/external_terms.h"
#include "etf/decode.h"
#include "etf/encode.h"
#include "interp/stacktrace.h"
#include "loader/module.h"
#include "term/binary.h"
#include "term/hash.h"
#include "text/printer.h"

namespace beamrun {

namespace {


// ---- term_to_binary & co. -----------------------------------------------------------------

// Parses term_to_binary's options. `compressed` is {compressed, 6}; later options win.
bool parse_ttb_options(Process* p, Term opts, EtfEncodeOptions* o) {
  Term compressed = atom_of(p, "compressed"), minor = atom_of(p, "minor_version"),
       deterministic = atom_of(p, "deterministic");
  for (; is_list(opts); opts = cdr(opts)) {
    Term opt = car(opts);
    if (opt == compressed) {
      o->compress_level = 6;
    } else if (opt == deterministic) {
      o->deterministic = true;
    } else if (is_tuple(opt) && tuple_arity(opt) == 2 && is_small(tuple_element(opt, 2))) {
      Sint v = small_value(tuple_element(opt, 2));
      if (tuple_element(opt, 1) == compressed && v >= 0 && v <= 9) o->compress_level = int(v);
      else if (tuple_element(opt, 1) == minor && v >= 0 && v <= 2) o->minor_version = int(v);
      else return false;
    } else {
      return false;
    }
  }
  return is_nil(opts);
}

EtfEncodeEnv encode_env(Process* p) { return p->vm().encode_env(p->pid()); }

Term term_to_binary(Process* p, Term t, const EtfEncodeOptions& o) {
  EtfEncodeEnv env = encode_env(p);
  size_t size = etf_encoded_size(t, o, env);
  if (size == 0) return badarg(p);
  if (o.compress_level == 0) {
    // The common case writes straight into the result binary.
    uint8_t* data;
    Term bin = make_binary_uninit(*p, size, &data);
    etf_encode(t, o, env, data, size);
    return bin;
  }
  std::vector<uint8_t> plain(size), packed;
  etf_encode(t, o, env, plain.data(), size);
  if (etf_compress(plain.data(), size, o.compress_level, &packed)) return make_binary(*p, packed.data(), packed.size());
  return make_binary(*p, plain.data(), size);
}

Term bif_term_to_binary1(Process* p, Term* a) {
  if (want_dirty(p, term_words_exceed(a[0], DIRTY_TERM_WORDS))) return go_dirty(p);
  return term_to_binary(p, a[0], EtfEncodeOptions{});
}
Term bif_term_to_binary2(Process* p, Term* a) {
  if (want_dirty(p, term_words_exceed(a[0], DIRTY_TERM_WORDS))) return go_dirty(p);
  EtfEncodeOptions o;
  if (!parse_ttb_options(p, a[1], &o)) return badarg(p);
  return term_to_binary(p, a[0], o);
}

// term_to_iovec: the encoding as a list of binaries, the payloads of binaries over 64 bytes
// as elements of their own (BEAM hands those out by reference; beamrun copies them). With
// compression OTP 25 returns the compressed binary itself, not a list.
Term term_to_iovec(Process* p, Term t, const EtfEncodeOptions& o) {
  if (o.compress_level > 0) return term_to_binary(p, t, o);
  EtfEncodeEnv env = encode_env(p);
  size_t size = etf_encoded_size(t, o, env);
  if (size == 0) return badarg(p);
  std::vector<uint8_t> plain(size);
  etf_encode(t, o, env, plain.data(), size);
  std::vector<Term> parts;
  size_t at = 0;
  for (const EtfSegment& s : etf_large_binary_segments(t, o, env)) {
    if (s.offset > at) parts.push_back(make_binary(*p, plain.data() + at, s.offset - at));
    parts.push_back(make_binary(*p, plain.data() + s.offset, s.size));
    at = s.offset + s.size;
  }
  if (at < size) parts.push_back(make_binary(*p, plain.data() + at, size - at));
  return make_list_from(*p, parts.data(), unsigned(parts.size()));
}
Term bif_term_to_iovec1(Process* p, Term* a) { return term_to_iovec(p, a[0], EtfEncodeOptions{}); }
Term bif_term_to_iovec2(Process* p, Term* a) {
  EtfEncodeOptions o;
  if (!parse_ttb_options(p, a[1], &o)) return badarg(p);
  return term_to_iovec(p, a[0], o);
}

Term external_size(Process* p, Term t, const EtfEncodeOptions& o) {
  size_t n = etf_external_size(t, o, encode_env(p));
  if (n == 0) return badarg(p);
  return make_small(Sint(n));
}
Term bif_external_size1(Process* p, Term* a) { return external_size(p, a[0], EtfEncodeOptions{}); }
// OTP 25 accepts only {minor_version, 0 | 1} here, and once 0 is given a later 1 does not undo it.
Term bif_external_size2(Process* p, Term* a) {
  EtfEncodeOptions o;
  Term minor = atom_of(p, "minor_version");
  Term opts = a[1];
  for (; is_list(opts); opts = cdr(opts)) {
    Term opt = car(opts);
    if (!is_tuple(opt) || tuple_arity(opt) != 2 || tuple_element(opt, 1) != minor) return badarg(p);
    Term v = tuple_element(opt, 2);
    if (v == make_small(0)) o.minor_version = 0;
    else if (v != make_small(1)) return badarg(p);
  }
  if (!is_nil(opts)) return badarg(p);
  return external_size(p, a[0], o);
}

// ---- binary_to_term -------------------------------------------------------------------------

// Hands out the decoder's many small allocations from a few growing chunks of the process's
// memory, so that a big term costs a handful of heap fragments rather than one per object.
// The unused end of each chunk becomes a dead raw object, so the heap stays walkable.
class ChunkedAlloc final : public WordAllocator {
 public:
  explicit ChunkedAlloc(Process& p) : p_(p) {}
  ~ChunkedAlloc() override { seal(); }
  ChunkedAlloc(const ChunkedAlloc&) = delete;
  ChunkedAlloc& operator=(const ChunkedAlloc&) = delete;

  Term* alloc_words(size_t n) override {
    if (size_t(end_ - top_) < n) {
      seal();
      size_t want = std::max(n, next_);
      next_ = std::min(next_ * 2, MAX_CHUNK_WORDS);
      top_ = p_.alloc(want);
      end_ = top_ + want;
    }
    Term* r = top_;
    top_ += n;
    return r;
  }

 private:
  static constexpr size_t MAX_CHUNK_WORDS = size_t(1) << 20;
  void seal() {
    if (top_ < end_) *top_ = make_header(Uint(end_ - top_ - 1), Subtag::PosBig);
    top_ = end_ = nullptr;
  }
  Process& p_;
  Term* top_ = nullptr;
  Term* end_ = nullptr;
  size_t next_ = 256;
};

}  // namespace

Term binary_to_term(Process* p, Term bin, bool safe, bool used) {
  const uint8_t* data;
  size_t size;
  if (!binary_bytes(bin, &data, &size)) return badarg(p);
  Runtime& vm = p->vm();
  ChunkedAlloc chunks(*p);
  EtfContext ctx{vm.atoms(), chunks, {}};
  ctx.existing_atoms_only = safe;
  ctx.make_export_fun = [&chunks, &vm, safe](Term m, Term f, uint32_t arity) -> Term {
    // `safe` accepts only functions that can be called now, as BEAM: a native, or an exported
    // function of a loaded module. An entry made by an earlier decode or a call to a module
    // not loaded has no code and is refused.
    Export* e = safe ? vm.exports().find(m, f, arity) : vm.exports().get(m, f, arity);
    if (!e || (safe && !e->bif && !e->address.load(std::memory_order_acquire))) return NON_VALUE;
    return write_export_fun(chunks.alloc_words(EXPORT_FUN_WORDS), e);
  };
  // Binaries over 64 bytes go off the heap, as every binary a process makes at run time.
  ctx.make_bits = [p, &chunks](const uint8_t* bytes, size_t bit_size) -> Term {
    size_t n = (bit_size + 7) / 8;
    if (n <= HEAP_BIN_LIMIT) return make_bitstring(chunks, bytes, bit_size);
    uint8_t* out;
    Term t = make_bitstring_uninit(*p, bit_size, &out);
    if (t != NON_VALUE) std::memcpy(out, bytes, n);
    return t;
  };
  ctx.find_fun = [&vm](const EtfFunRef& r) -> const FunEntry* {
    std::string error;
    const Module* m = vm.ensure_loaded(r.module, &error);
    if (!m || std::memcmp(m->md5, r.md5, sizeof m->md5) != 0) return nullptr;
    for (size_t i = 0; i < m->lambda_count; i++) {
      const FunEntry& fe = m->lambdas[i];
      if (fe.index == r.old_index && fe.old_uniq == r.old_uniq) return &fe;
    }
    return nullptr;
  };
  size_t consumed = 0;
  Term t;
  try {
    t = decode_etf(data, size, ctx, &consumed);
  } catch (const std::exception&) {
    return badarg(p);
  }
  if (!used) return t;
  return make_tuple_n(p, {t, make_small(Sint(consumed))});
}

namespace {

bool big_binary(Term t) {
  const uint8_t* d;
  size_t n;
  return binary_bytes(t, &d, &n) && n > DIRTY_BINARY_BYTES;
}

Term bif_binary_to_term1(Process* p, Term* a) {
  if (want_dirty(p, big_binary(a[0]))) return go_dirty(p);
  return binary_to_term(p, a[0], false, false);
}
Term bif_binary_to_term2(Process* p, Term* a) {
  if (want_dirty(p, big_binary(a[0]))) return go_dirty(p);
  Term safe = atom_of(p, "safe"), used = atom_of(p, "used");
  bool is_safe = false, is_used = false;
  Term opts = a[1];
  for (; is_list(opts); opts = cdr(opts)) {
    if (car(opts) == safe) is_safe = true;
    else if (car(opts) == used) is_used = true;
    else return badarg(p);
  }
  if (!is_nil(opts)) return badarg(p);
  return binary_to_term(p, a[0], is_safe, is_used);
}

// ---- hashing --------------------------------------------------------------------------------

// A hash range: an integer 1..2^32 (2^32 itself meaning the whole 32-bit value).
bool hash_range(Term t, uint64_t* range) {
  if (!is_small(t) || small_value(t) < 1 || small_value(t) > (Sint(1) << 32)) return false;
  *range = uint64_t(small_value(t));
  return true;
}

Term bif_phash2_1(Process* p, Term* a) {
  return make_small(Sint(term_hash2(a[0], p->vm().atoms()) & ((1u << 27) - 1)));
}
Term bif_phash2_2(Process* p, Term* a) {
  uint64_t range;
  if (!hash_range(a[1], &range)) return badarg(p);
  return make_small(Sint(term_hash2(a[0], p->vm().atoms()) % range));
}
// phash/2: 1..Range.
Term bif_phash2(Process* p, Term* a) {
  uint64_t range;
  if (!hash_range(a[1], &range)) return badarg(p);
  return make_small(Sint(term_hash1(a[0], p->vm().atoms()) % range + 1));
}

// ---- funs -----------------------------------------------------------------------------------

const Module* fun_module(Process* p, const FunEntry* fe) {
  const Module* m = p->vm().module_at(fe->address);
  return m ? m : p->vm().find_module(fe->module);
}

// One fun_info item as {Item, Value}, or NON_VALUE for an unknown item.
Term fun_info_item(Process* p, Term f, Term item) {
  Term value = NON_VALUE;
  if (is_export_fun(f)) {
    const Export* e = export_fun_entry(f);
    if (item == atom::module) value = e->module;
    else if (item == atom::name) value = e->function;
    else if (item == atom::arity) value = make_small(e->arity);
    else if (item == atom::env) value = NIL;
    else if (item == atom::type) value = atom::external;
    else if (item == atom::pid || item == atom::index || item == atom::new_index || item == atom::new_uniq ||
             item == atom::uniq)
      value = atom::undefined;
  } else {
    const FunEntry* fe = fun_entry(f);
    const Module* m = fun_module(p, fe);
    if (item == atom::pid) {
      value = p->pid();  // the creator is not recorded: see the top of this file
    } else if (item == atom::module) {
      value = fe->module;
    } else if (item == atom::new_index) {
      Sint i = fe->index;
      if (m && fe >= m->lambdas.get() && fe < m->lambdas.get() + m->lambda_count) i = fe - m->lambdas.get();
      value = make_small(i);
    } else if (item == atom::new_uniq) {
      static constexpr uint8_t zeros[16] = {};
      value = make_binary(*p, m ? m->md5 : zeros, 16);
    } else if (item == atom::index) {
      value = make_small(fe->index);
    } else if (item == atom::uniq) {
      value = make_small(fe->old_uniq);
    } else if (item == atom::name) {
      value = fe->function;
    } else if (item == atom::arity) {
      value = make_small(fe->arity);
    } else if (item == atom::env) {
      value = make_list_from(*p, fun_free_vars(f), unsigned(fun_num_free(f)));
    } else if (item == atom::type) {
      value = atom::local;
    }
  }
  if (value == NON_VALUE) return NON_VALUE;
  return make_tuple_n(p, {item, value});
}

bool is_any_fun(Term t) { return is_fun(t) || is_export_fun(t); }

Term bif_fun_info1(Process* p, Term* a) {
  if (!is_any_fun(a[0])) return badarg(p);
  static constexpr Term local_items[] = {atom::pid,   atom::module, atom::new_index, atom::new_uniq, atom::index,
                                         atom::uniq,  atom::name,   atom::arity,     atom::env,      atom::type};
  static constexpr Term external_items[] = {atom::module, atom::name, atom::arity, atom::env, atom::type};
  std::vector<Term> out;
  if (is_fun(a[0])) {
    for (Term item : local_items) out.push_back(fun_info_item(p, a[0], item));
  } else {
    for (Term item : external_items) out.push_back(fun_info_item(p, a[0], item));
  }
  return make_list_from(*p, out.data(), unsigned(out.size()));
}
Term bif_fun_info2(Process* p, Term* a) {
  if (!is_any_fun(a[0]) || !is_atom(a[1])) return badarg(p);
  Term r = fun_info_item(p, a[0], a[1]);
  return r == NON_VALUE ? badarg(p) : r;
}

// ERTS's *_to_list BIFs return the bytes of the printed form, one list element per byte (so
// a UTF-8 atom in a fun's text gives its UTF-8 bytes, as in erl).
Term text_to_list(Process* p, const std::string& s) {
  std::vector<Term> bytes;
  bytes.reserve(s.size());
  for (unsigned char c : s) bytes.push_back(make_small(c));
  return make_list_from(*p, bytes.data(), unsigned(bytes.size()));
}

Term bif_fun_to_list(Process* p, Term* a) {
  if (!is_any_fun(a[0])) return badarg(p);
  return text_to_list(p, display_term(a[0], p->vm().atoms()));
}

Term bif_make_fun3(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]) || small_value(a[2]) < 0 || small_value(a[2]) > 255)
    return badarg(p);
  Export* e = p->vm().exports().get(a[0], a[1], uint32_t(small_value(a[2])));
  return write_export_fun(p->alloc(EXPORT_FUN_WORDS), e);
}

// ---- references, pids, ports ----------------------------------------------------------------

Term bif_make_ref(Process* p, Term*) { return new_reference(*p); }

}  // namespace

namespace {

// Reads "<prefix>N1.N2...Nk<suffix>" with exactly k decimal numbers (leading zeros allowed).
bool parse_numbers(const std::string& s, const char* prefix, const char* suffix, size_t k, std::vector<uint64_t>* out) {
  size_t plen = std::strlen(prefix), slen = std::strlen(suffix);
  if (s.size() < plen + slen || s.compare(0, plen, prefix) != 0 || s.compare(s.size() - slen, slen, suffix) != 0)
    return false;
  out->clear();
  size_t i = plen, end = s.size() - slen;
  while (true) {
    if (i >= end || s[i] < '0' || s[i] > '9') return false;
    uint64_t v = 0;
    for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
      if (v > (UINT64_MAX - 9) / 10) return false;
      v = v * 10 + uint64_t(s[i] - '0');
    }
    out->push_back(v);
    if (i == end) break;
    if (s[i] != '.') return false;
    i++;
  }
  return out->size() == k;
}

bool list_text(Term list, std::string* s) { return charlist_to_utf8(list, s); }

Term bif_pid_to_list(Process* p, Term* a) {
  if (!is_local_pid(a[0])) return badarg(p);
  return text_to_list(p, "<0." + std::to_string(local_pid_number(a[0])) + "." +
                             std::to_string(local_pid_serial(a[0])) + ">");
}
Term bif_list_to_pid(Process* p, Term* a) {
  std::string s;
  std::vector<uint64_t> n;
  if (!list_text(a[0], &s) || !parse_numbers(s, "<", ">", 3, &n)) return badarg(p);
  // Node 0 is the local node; other nodes need distribution.
  if (n[0] != 0 || n[1] > MAX_PID_NUMBER || n[2] > MAX_PID_SERIAL) return badarg(p);
  return make_local_pid(n[1], n[2]);
}

Term bif_port_to_list(Process* p, Term* a) {
  if (!is_local_port(a[0])) return badarg(p);
  return text_to_list(p, "#Port<0." + std::to_string(port_serial(a[0])) + ">");
}
Term bif_list_to_port(Process* p, Term* a) {
  std::string s;
  std::vector<uint64_t> n;
  if (!list_text(a[0], &s) || !parse_numbers(s, "#Port<", ">", 2, &n)) return badarg(p);
  if (n[0] != 0 || n[1] > MAX_PORT_NUMBER) return badarg(p);
  return make_port(n[1]);
}

Term bif_ref_to_list(Process* p, Term* a) {
  if (!is_ref(a[0])) return badarg(p);
  return text_to_list(p, display_term(a[0], p->vm().atoms()));
}
// "#Ref<0.W2.W1.W0>". ERTS also checks that W1's low bits name one of its schedulers, which
// depends on the machine; beamrun does not.
Term bif_list_to_ref(Process* p, Term* a) {
  std::string s;
  std::vector<uint64_t> n;
  if (!list_text(a[0], &s) || !parse_numbers(s, "#Ref<", ">", 4, &n)) return badarg(p);
  if (n[0] != 0 || n[1] > 0xFFFFFFFFu || n[2] > 0xFFFFFFFFu || n[3] > MAX_REF_WORD0) return badarg(p);
  Term* r = p->alloc(REF_WORDS);
  r[0] = make_header(REF_WORDS - 1, Subtag::Ref);
  r[1] = n[3];
  r[2] = n[2];
  r[3] = n[1];
  return make_boxed(r);
}

}  // namespace

void register_erlang_term_bifs(Runtime& vm) {
  struct Entry {
    const char* name;
    uint32_t arity;
    BifFn fn;
  };
  static const Entry entries[] = {
      {"term_to_binary", 1, bif_term_to_binary1}, {"term_to_binary", 2, bif_term_to_binary2},
      {"term_to_iovec", 1, bif_term_to_iovec1},   {"term_to_iovec", 2, bif_term_to_iovec2},
      {"external_size", 1, bif_external_size1},   {"external_size", 2, bif_external_size2},
      {"binary_to_term", 1, bif_binary_to_term1}, {"binary_to_term", 2, bif_binary_to_term2},
      {"phash2", 1, bif_phash2_1},                {"phash2", 2, bif_phash2_2},
      {"phash", 2, bif_phash2},                   {"fun_info", 1, bif_fun_info1},
      {"fun_info", 2, bif_fun_info2},             {"fun_to_list", 1, bif_fun_to_list},
      {"make_fun", 3, bif_make_fun3},             {"make_ref", 0, bif_make_ref},
      {"ref_to_list", 1, bif_ref_to_list},        {"list_to_ref", 1, bif_list_to_ref},
      {"pid_to_list", 1, bif_pid_to_list},        {"list_to_pid", 1, bif_list_to_pid},
      {"port_to_list", 1, bif_port_to_list},      {"list_to_port", 1, bif_list_to_port},
  };
  for (const Entry& e : entries) vm.register_bif("erlang", e.name, e.arity, e.fn);
}

}  // namespace beamrun
