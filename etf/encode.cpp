// etf_encode.cpp - the external term format encoder. See etf_encode.h for what it writes.
#include "etf/encode.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "etf/tags.h"
#include "term/atoms.h"
#include "term/bignum.h"
#include "term/export.h"
#include "term/map.h"
#include "term/term_order.h"
#include "term/utf8.h"

namespace beamrun {

namespace {

constexpr size_t FLOAT_EXT_BYTES = 31;
constexpr Uint MAX_STRING_EXT = 0xFFFF;
constexpr size_t ONHEAP_BINARY_LIMIT = 64;  // term_to_iovec references binaries above this

// The first pass: counts bytes. For external_size it also adds BEAM's overestimate for closures;
// for term_to_iovec it records where large binary payloads go.
struct CountSink {
  size_t n = 0;
  bool estimate = false;
  std::vector<EtfSegment>* segments = nullptr;
  void u8(uint8_t) { n += 1; }
  void u16(uint32_t) { n += 2; }
  void u32(uint32_t) { n += 4; }
  void u64(uint64_t) { n += 8; }
  void bytes(const void*, size_t k) { n += k; }
  size_t pos() const { return n; }
  void patch_u32(size_t, uint32_t) {}
  void estimate_extra(size_t k) {
    if (estimate) n += k;
  }
  void large_payload(size_t size) {
    if (segments) segments->push_back(EtfSegment{n, size});
  }
};

// The second pass: writes into a buffer the first pass sized. Every write is bounds-checked, so
// a disagreement between the passes is a clean exception, never a buffer overrun.
struct WriteSink {
  uint8_t* start;
  uint8_t* p;
  uint8_t* end;
  void room(size_t k) const {
    if (size_t(end - p) < k) throw std::logic_error("etf encoder: the write pass outgrew the size pass");
  }
  void u8(uint8_t v) {
    room(1);
    *p++ = v;
  }
  void u16(uint32_t v) {
    room(2);
    p[0] = uint8_t(v >> 8);
    p[1] = uint8_t(v);
    p += 2;
  }
  void u32(uint32_t v) {
    room(4);
    put32(p, v);
    p += 4;
  }
  void u64(uint64_t v) {
    u32(uint32_t(v >> 32));
    u32(uint32_t(v));
  }
  void bytes(const void* src, size_t k) {
    room(k);
    if (k) std::memcpy(p, src, k);
    p += k;
  }
  size_t pos() const { return size_t(p - start); }
  void patch_u32(size_t at, uint32_t v) { put32(start + at, v); }
  void estimate_extra(size_t) {}
  void large_payload(size_t) {}
  static void put32(uint8_t* at, uint32_t v) {
    at[0] = uint8_t(v >> 24);
    at[1] = uint8_t(v >> 16);
    at[2] = uint8_t(v >> 8);
    at[3] = uint8_t(v);
  }
};

bool is_byte_term(Term t) { return is_small(t) && Uint(small_value(t)) <= 255; }

// Walks one term, writing it to `Out`. The explicit stack holds what remains to be written, in
// order: whole terms, or the rest of a list, tuple, flat map or closure environment.
template <class Out>
class Encoder {
 public:
  Encoder(Out& out, const EtfEncodeOptions& o, const EtfEncodeEnv& env)
      : out_(out), o_(o), env_(env), atoms_(env.atoms) {}

  // False when the term holds something without an external form.
  bool run(Term root) {
    stack_.reserve(64);
    if (!encode_one(root)) return false;
    while (!stack_.empty()) {
      Item it = stack_.back();
      stack_.pop_back();
      // Elements that are not containers are written on the spot; a container element gets
      // the rest of its parent pushed first, then pushes its own continuation on top.
      switch (it.kind) {
        case Kind::ListRest: {
          Term l = it.t;
          for (; is_list(l); l = cdr(l)) {
            Term h = car(l);
            if (is_container(h)) {
              stack_.push_back(Item{Kind::ListRest, cdr(l), 0});
              break;
            }
            if (!encode_one(h)) return false;
          }
          if (!encode_one(is_list(l) ? car(l) : l)) return false;  // a container, or the tail
          break;
        }
        case Kind::TupleRest: {
          Uint n = tuple_arity(it.t);
          for (Uint i = it.i; i <= n; i++) {
            Term e = tuple_element(it.t, i);
            if (is_container(e) && i < n) {
              stack_.push_back(Item{Kind::TupleRest, it.t, i + 1});
              if (!encode_one(e)) return false;
              break;
            }
            if (!encode_one(e)) return false;
          }
          break;
        }
        case Kind::FlatmapRest:
          if (it.i + 1 < flatmap_size(it.t)) stack_.push_back(Item{Kind::FlatmapRest, it.t, it.i + 1});
          stack_.push_back(Item{Kind::Term, flatmap_values(it.t)[it.i], 0});
          if (!encode_one(tuple_element(flatmap_keys(it.t), it.i + 1))) return false;
          break;
        case Kind::EnvRest:
          if (it.i + 1 < fun_num_free(it.t)) stack_.push_back(Item{Kind::EnvRest, it.t, it.i + 1});
          if (!encode_one(fun_free_vars(it.t)[it.i])) return false;
          break;
        case Kind::Term:
          if (!encode_one(it.t)) return false;
          break;
        case Kind::FunEnd:  // the closure's Size field counts from itself to the end of the env
          out_.patch_u32(it.i + 1, uint32_t(out_.pos() - (it.i + 1)));
          break;
      }
    }
    return true;
  }

 private:
  enum class Kind : uint8_t { Term, ListRest, TupleRest, FlatmapRest, EnvRest, FunEnd };
  struct Item {
    Kind kind;
    Term t;
    Uint i;
  };

  // Terms whose encoding pushes a continuation (the rest of their elements) on the stack.
  static bool is_container(Term t) {
    if (is_list(t)) return true;
    if (!is_boxed(t)) return false;
    switch (header_subtag(boxed_header(t))) {
      case Subtag::Tuple:
      case Subtag::Map:
      case Subtag::HashMap:
      case Subtag::Fun: return true;
      default: return false;
    }
  }

  bool encode_one(Term t) {
    if (is_small(t)) {
      integer(t);
    } else if (is_atom(t)) {
      atom(t);
    } else if (is_nil(t)) {
      out_.u8(NIL_EXT);
    } else if (is_list(t)) {
      list(t);
    } else if (is_local_pid(t)) {
      pid(t);
    } else if (is_local_port(t)) {
      port(t);
    } else if (is_boxed(t)) {
      return boxed(t);
    } else {
      return false;  // catch tags and other stack-only words
    }
    return true;
  }

  bool boxed(Term t) {
    const Term* p = boxed_ptr(t);
    switch (header_subtag(p[0])) {
      case Subtag::Tuple: {
        Uint n = header_arity(p[0]);
        if (n <= 255) {
          out_.u8(SMALL_TUPLE_EXT);
          out_.u8(uint8_t(n));
        } else {
          out_.u8(LARGE_TUPLE_EXT);
          out_.u32(uint32_t(n));
        }
        if (n) stack_.push_back(Item{Kind::TupleRest, t, 1});
        return true;
      }
      case Subtag::PosBig:
      case Subtag::NegBig: integer(t); return true;
      case Subtag::Float: flonum(float_value(t)); return true;
      case Subtag::Ref: ref(p); return true;
      case Subtag::Fun: closure(t); return true;
      case Subtag::Export: {
        const Export* e = export_fun_entry(t);
        out_.u8(EXPORT_EXT);
        atom(e->module);
        atom(e->function);
        out_.u8(SMALL_INTEGER_EXT);
        out_.u8(uint8_t(e->arity));
        return true;
      }
      case Subtag::HeapBin:
      case Subtag::RefcBin:
      case Subtag::SubBin: return bits(t);
      case Subtag::Map:
      case Subtag::HashMap: map(t); return true;
      case Subtag::ExternalPid:
        out_.u8(NEW_PID_EXT);
        atom(external_node(t));
        out_.u32(uint32_t(external_data(t)));
        out_.u32(uint32_t(external_data(t) >> 32));
        out_.u32(external_creation(t));
        return true;
      case Subtag::ExternalPort: port_ext(external_node(t), external_creation(t), external_data(t)); return true;
      case Subtag::ExternalRef: {
        Uint n = external_ref_count(t);
        out_.u8(NEWER_REFERENCE_EXT);
        out_.u16(uint16_t(n));
        atom(external_node(t));
        out_.u32(external_creation(t));
        for (Uint i = 0; i < n; i++) out_.u32(uint32_t(external_ref_ids(t)[i]));
        return true;
      }
      default: return false;  // match states
    }
  }

  // Any integer, small or big.
  void integer(Term t) {
    if (is_small(t)) {
      Sint v = small_value(t);
      if (v >= 0 && v <= 255) {
        out_.u8(SMALL_INTEGER_EXT);
        out_.u8(uint8_t(v));
        return;
      }
      if (v >= INT32_MIN && v <= INT32_MAX) {
        out_.u8(INTEGER_EXT);
        out_.u32(uint32_t(int32_t(v)));
        return;
      }
    }
    IntView v(t);
    size_t nbytes = 0;
    if (v.n > 0) {
      uint64_t top = v.limbs[v.n - 1];
      size_t top_bytes = 0;
      while (top) {
        top_bytes++;
        top >>= 8;
      }
      nbytes = (v.n - 1) * 8 + top_bytes;
    }
    if (nbytes <= 255) {
      out_.u8(SMALL_BIG_EXT);
      out_.u8(uint8_t(nbytes));
    } else {
      out_.u8(LARGE_BIG_EXT);
      out_.u32(uint32_t(nbytes));
    }
    out_.u8(v.neg ? 1 : 0);
    for (size_t i = 0; i < nbytes; i++) out_.u8(uint8_t(v.limbs[i / 8] >> (8 * (i % 8))));
  }

  void unsigned_integer(Uint v) { integer(make_small(Sint(v))); }  // v < 2^59 always

  void flonum(double d) {
    if (o_.minor_version == 0) {
      char buf[FLOAT_EXT_BYTES + 1] = {};
      std::snprintf(buf, sizeof buf, "%.20e", d);
      out_.u8(FLOAT_EXT);
      out_.bytes(buf, FLOAT_EXT_BYTES);  // snprintf's text, then zeros
      return;
    }
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    out_.u8(NEW_FLOAT_EXT);
    out_.u64(bits);
  }

  void atom(Term a) {
    std::string_view s = atoms_.name(a);
    if (o_.minor_version < 2) {
      // Latin-1 text when every character fits a byte (atom text is UTF-8).
      const uint8_t* b = reinterpret_cast<const uint8_t*>(s.data());
      size_t chars = 0, i = 0;
      uint32_t cp;
      for (size_t len; i < s.size(); i += len, chars++) {
        len = decode_utf8(b + i, s.size() - i, &cp);
        if (len == 0 || len == UTF8_TRUNCATED || cp > 0xFF) break;
      }
      if (i == s.size()) {
        out_.u8(ATOM_EXT);
        out_.u16(uint32_t(chars));
        for (size_t k = 0; k < s.size();) {
          k += decode_utf8(b + k, s.size() - k, &cp);
          out_.u8(uint8_t(cp));
        }
        return;
      }
    }
    if (s.size() <= 255) {
      out_.u8(SMALL_ATOM_UTF8_EXT);
      out_.u8(uint8_t(s.size()));
    } else {
      out_.u8(ATOM_UTF8_EXT);
      out_.u16(uint32_t(s.size()));
    }
    out_.bytes(s.data(), s.size());
  }

  void list(Term t) {
    // One walk counts the cells and tells whether this is a STRING_EXT.
    Uint n = 0;
    bool str = true;
    Term l = t;
    for (; is_list(l); l = cdr(l)) {
      if (str && (!is_byte_term(car(l)) || n >= MAX_STRING_EXT)) str = false;
      n++;
    }
    if (str && is_nil(l)) {
      out_.u8(STRING_EXT);
      out_.u16(uint32_t(n));
      for (l = t; is_list(l); l = cdr(l)) out_.u8(uint8_t(small_value(car(l))));
      return;
    }
    out_.u8(LIST_EXT);
    out_.u32(uint32_t(n));
    stack_.push_back(Item{Kind::ListRest, t, 0});
  }

  void node_and_creation_prefix(uint8_t tag) {
    out_.u8(tag);
    atom(atom::nonode_nohost);
  }

  void pid(Term t) {
    node_and_creation_prefix(NEW_PID_EXT);
    out_.u32(uint32_t(local_pid_number(t)));
    out_.u32(uint32_t(local_pid_serial(t)));
    out_.u32(0);  // creation
  }

  void port(Term t) { port_ext(atom::nonode_nohost, 0, port_serial(t)); }

  // NEW_PORT_EXT, or V4_PORT_EXT for numbers beyond 32 bits (as OTP 24+ writes them).
  void port_ext(Term node, uint32_t creation, uint64_t id) {
    out_.u8(id > UINT32_MAX ? V4_PORT_EXT : NEW_PORT_EXT);
    atom(node);
    if (id > UINT32_MAX) out_.u64(id);
    else out_.u32(uint32_t(id));
    out_.u32(creation);
  }

  void ref(const Term* p) {
    out_.u8(NEWER_REFERENCE_EXT);
    out_.u16(3);
    atom(atom::nonode_nohost);
    out_.u32(0);
    for (int i = 1; i <= 3; i++) out_.u32(uint32_t(p[i]));
  }

  bool bits(Term t) {
    BitsView v;
    if (!bitstring_view(t, &v)) return false;
    Uint whole = v.bit_size / 8, rest = v.bit_size % 8;
    if (rest == 0) {
      out_.u8(BINARY_EXT);
      out_.u32(uint32_t(whole));
    } else {
      out_.u8(BIT_BINARY_EXT);
      out_.u32(uint32_t(whole + 1));
      out_.u8(uint8_t(rest));
    }
    if (v.bit_offset == 0) {
      if (rest == 0 && whole > ONHEAP_BINARY_LIMIT) out_.large_payload(whole);
      out_.bytes(v.bytes, whole);
    } else {
      for (Uint i = 0; i < whole; i++) out_.u8(v.byte_at(i));
    }
    if (rest) {
      unsigned last = 0;
      for (Uint k = 0; k < rest; k++) last |= unsigned(v.bit_at(whole * 8 + k)) << (7 - k);
      out_.u8(uint8_t(last));
    }
    return true;
  }

  void map(Term t) {
    if (is_flatmap(t)) {
      Uint n = flatmap_size(t);
      out_.u8(MAP_EXT);
      out_.u32(uint32_t(n));
      if (n) stack_.push_back(Item{Kind::FlatmapRest, t, 0});
      return;
    }
    std::vector<std::pair<Term, Term>> pairs;
    pairs.reserve(map_size(t));
    map_foreach(t, [&](Term k, Term v) { pairs.emplace_back(k, v); });
    if (o_.deterministic) {
      const AtomTable& atoms = atoms_;
      std::sort(pairs.begin(), pairs.end(), [&](const auto& a, const auto& b) {
        return compare_terms(a.first, b.first, atoms, true) < 0;
      });
    }
    out_.u8(MAP_EXT);
    out_.u32(uint32_t(pairs.size()));
    for (size_t i = pairs.size(); i-- > 0;) {
      stack_.push_back(Item{Kind::Term, pairs[i].second, 0});
      stack_.push_back(Item{Kind::Term, pairs[i].first, 0});
    }
  }

  void closure(Term t) {
    const FunEntry* fe = fun_entry(t);
    static constexpr uint8_t no_md5[16] = {};
    const uint8_t* md5 = no_md5;
    if (env_.module_md5)
      if (const uint8_t* known = env_.module_md5(env_.context, fe)) md5 = known;
    Uint nfree = fun_num_free(t);
    size_t start = out_.pos();
    out_.u8(NEW_FUN_EXT);
    out_.u32(0);  // Size, patched by FunEnd
    out_.u8(uint8_t(fe->arity));
    out_.bytes(md5, 16);
    out_.u32(fe->index);
    out_.u32(uint32_t(nfree));
    atom(fe->module);
    size_t before = out_.pos();
    unsigned_integer(fe->index);      // OldIndex
    unsigned_integer(fe->old_uniq);   // OldUniq
    out_.estimate_extra(10 - (out_.pos() - before));  // external_size counts 5 + 5 bytes
    pid(is_local_pid(env_.creator_pid) ? env_.creator_pid : make_pid(0));
    stack_.push_back(Item{Kind::FunEnd, NIL, start});
    if (nfree) stack_.push_back(Item{Kind::EnvRest, t, 0});
  }

  Out& out_;
  const EtfEncodeOptions& o_;
  const EtfEncodeEnv& env_;
  const AtomTable& atoms_;
  // A stack whose push is inlined (the encoder pushes once per container element).
  class ItemStack {
   public:
    void reserve(size_t n) {
      if (n > cap_) grow(n);
    }
    bool empty() const { return size_ == 0; }
    const Item& back() const { return data_[size_ - 1]; }
    void pop_back() { --size_; }
    void push_back(const Item& it) {
      if (size_ == cap_) grow(2 * cap_ + 16);
      data_[size_++] = it;
    }

   private:
    [[gnu::noinline]] void grow(size_t n) {
      std::unique_ptr<Item[]> d(new Item[n]);
      std::copy(data_.get(), data_.get() + size_, d.get());
      data_ = std::move(d);
      cap_ = n;
    }
    std::unique_ptr<Item[]> data_;
    size_t size_ = 0, cap_ = 0;
  };

  ItemStack stack_;
};

size_t count(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env, CountSink& sink) {
  Encoder<CountSink> e(sink, o, env);
  if (!e.run(t)) return 0;
  return sink.n + 1;  // + the version byte
}

}  // namespace

size_t etf_encoded_size(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env) {
  CountSink sink;
  return count(t, o, env, sink);
}

size_t etf_external_size(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env) {
  CountSink sink;
  sink.estimate = true;
  return count(t, o, env, sink);
}

std::vector<EtfSegment> etf_large_binary_segments(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env) {
  std::vector<EtfSegment> segs;
  CountSink sink;
  sink.segments = &segs;
  count(t, o, env, sink);
  for (EtfSegment& s : segs) s.offset += 1;  // offsets in the whole encoding, version byte first
  return segs;
}

void etf_encode(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env, uint8_t* out, size_t size) {
  if (size == 0) throw std::logic_error("etf_encode: no room for the version byte");
  out[0] = VERSION_MAGIC;
  WriteSink sink{out + 1, out + 1, out + size};
  Encoder<WriteSink> e(sink, o, env);
  if (!e.run(t) || sink.p != sink.end) throw std::logic_error("etf_encode: size and write passes disagree");
}

bool etf_compress(const uint8_t* plain, size_t size, int level, std::vector<uint8_t>* out) {
  // BEAM gives zlib no more room than the plain form minus the 6 header bytes of the
  // compressed one, and keeps the plain form when that does not suffice.
  if (size < 7 || level < 1 || level > 9) return false;
  uLongf cap = uLongf(size - 6);
  out->assign(6 + cap, 0);
  int rc = compress2(out->data() + 6, &cap, plain + 1, uLong(size - 1), level);
  if (rc != Z_OK) return false;
  uint32_t body = uint32_t(size - 1);
  (*out)[0] = VERSION_MAGIC;
  (*out)[1] = COMPRESSED;
  WriteSink::put32(out->data() + 2, body);
  out->resize(6 + cap);
  return true;
}

std::vector<uint8_t> etf_encode_to_vector(Term t, const EtfEncodeOptions& o, const EtfEncodeEnv& env) {
  size_t size = etf_encoded_size(t, o, env);
  if (size == 0) return {};
  std::vector<uint8_t> plain(size);
  etf_encode(t, o, env, plain.data(), size);
  if (o.compress_level > 0) {
    std::vector<uint8_t> packed;
    if (etf_compress(plain.data(), size, o.compress_level, &packed)) return packed;
  }
  return plain;
}

}  // namespace beamrun
