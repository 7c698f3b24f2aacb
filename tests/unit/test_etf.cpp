// External term format decoding: every supported tag, compressed terms, and hostile input.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <string>
#include <vector>

#include "etf/decode.h"
#include "etf/encode.h"
#include "loader/beam_file.h"
#include "term/atoms.h"
#include "term/binary.h"
#include "term/export.h"
#include "term/map.h"
#include "term/term_order.h"

using namespace beamrun;

namespace {

using Bytes = std::vector<uint8_t>;

struct EtfFixture : ::testing::Test {
  AtomTable atoms;
  LiteralArea area;
  EtfContext ctx{atoms, area, {}};

  Term decode(const Bytes& b, size_t* used = nullptr) { return decode_etf(b.data(), b.size(), ctx, used); }

  std::string error_of(const Bytes& b) {
    try {
      decode(b);
    } catch (const EtfError& e) {
      return e.what();
    }
    return "";
  }
  void expect_error(const Bytes& b, const char* fragment) {
    std::string e = error_of(b);
    EXPECT_NE(e, "") << "no error, expected: " << fragment;
    EXPECT_NE(e.find(fragment), std::string::npos) << e;
  }

  std::vector<Term> list_items(Term l) {
    std::vector<Term> out;
    for (; is_list(l); l = cdr(l)) out.push_back(car(l));
    EXPECT_TRUE(is_nil(l));
    return out;
  }
};

Bytes u32be(uint32_t v) { return {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)}; }
Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

}  // namespace

TEST_F(EtfFixture, Integers) {
  EXPECT_EQ(decode({131, 97, 0}), make_small(0));
  EXPECT_EQ(decode({131, 97, 255}), make_small(255));
  EXPECT_EQ(decode({131, 98, 0xFF, 0xFF, 0xFF, 0xFE}), make_small(-2));
  EXPECT_EQ(decode({131, 98, 0x7F, 0xFF, 0xFF, 0xFF}), make_small(INT32_MAX));
  EXPECT_EQ(decode({131, 98, 0x80, 0, 0, 0}), make_small(INT32_MIN));
}

TEST_F(EtfFixture, BigsThatFitAreSmall) {
  EXPECT_EQ(decode({131, 110, 8, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x07}), make_small(MAX_SMALL));
  EXPECT_EQ(decode({131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0x08}), make_small(MIN_SMALL));
  EXPECT_EQ(decode({131, 110, 3, 1, 5, 0, 0}), make_small(-5));  // leading zero bytes
  EXPECT_EQ(decode({131, 110, 0, 0}), make_small(0));
  EXPECT_EQ(decode({131, 110, 1, 1, 0}), make_small(0));  // -0
}

TEST_F(EtfFixture, Bignums) {
  // 2^59 = MAX_SMALL + 1: one limb.
  Term a = decode({131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0x08});
  ASSERT_TRUE(is_bignum(a));
  EXPECT_EQ(header_subtag(boxed_header(a)), Subtag::PosBig);
  EXPECT_EQ(header_arity(boxed_header(a)), 1u);
  EXPECT_EQ(boxed_ptr(a)[1], uint64_t(1) << 59);
  // -(2^70), as term_to_binary writes it.
  Term b = decode({131, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 64});
  ASSERT_TRUE(is_bignum(b));
  EXPECT_EQ(header_subtag(boxed_header(b)), Subtag::NegBig);
  EXPECT_EQ(header_arity(boxed_header(b)), 2u);
  EXPECT_EQ(boxed_ptr(b)[1], 0u);
  EXPECT_EQ(boxed_ptr(b)[2], 64u);
  // LARGE_BIG of 20 bytes: 3 limbs.
  Bytes large = cat({{131, 111}, u32be(20), {0}});
  for (int i = 0; i < 20; i++) large.push_back(uint8_t(i + 1));
  Term c = decode(large);
  ASSERT_TRUE(is_bignum(c));
  EXPECT_EQ(header_arity(boxed_header(c)), 3u);
  EXPECT_EQ(boxed_ptr(c)[1], 0x0807060504030201u);
  EXPECT_EQ(boxed_ptr(c)[3], 0x14131211u);
  EXPECT_EQ(decode({131, 110, 1, 2, 5}), make_small(-5));  // any non-zero sign is negative, as in BEAM
}

TEST_F(EtfFixture, Floats) {
  Term f = decode({131, 70, 63, 248, 0, 0, 0, 0, 0, 0});
  ASSERT_TRUE(is_float(f));
  EXPECT_EQ(float_value(f), 1.5);
  Bytes old = {131, 99};
  std::string text = "-2.50000000000000000000e+01";
  old.insert(old.end(), text.begin(), text.end());
  old.resize(2 + 31, 0);
  Term g = decode(old);
  ASSERT_TRUE(is_float(g));
  EXPECT_EQ(float_value(g), -25.0);
  expect_error({131, 70, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0}, "not finite");  // NaN
  Bytes junk = {131, 99, 'x'};
  junk.resize(2 + 31, 0);
  expect_error(junk, "FLOAT_EXT");
}

TEST_F(EtfFixture, Atoms) {
  EXPECT_EQ(decode({131, 100, 0, 2, 'o', 'k'}), atom::ok);
  EXPECT_EQ(decode({131, 115, 2, 'o', 'k'}), atom::ok);
  EXPECT_EQ(decode({131, 118, 0, 2, 'o', 'k'}), atom::ok);
  EXPECT_EQ(decode({131, 119, 2, 'o', 'k'}), atom::ok);
  EXPECT_EQ(decode({131, 119, 0}), atoms.intern(""));
  // Latin-1 atoms are stored as UTF-8.
  EXPECT_EQ(decode({131, 100, 0, 2, 'h', 0xE9}), atoms.intern("h\xC3\xA9"));
  EXPECT_EQ(decode({131, 119, 3, 'h', 0xC3, 0xA9}), atoms.intern("h\xC3\xA9"));
  expect_error({131, 119, 2, 0xC3, 'x'}, "UTF-8");
  Bytes long_atom = cat({{131, 118}, {1, 0}});  // 256 characters
  long_atom.resize(long_atom.size() + 256, 'a');
  expect_error(long_atom, "longer than 255");
  Bytes ok_atom = cat({{131, 118}, {1, 254}});  // 255 two-byte characters
  for (int i = 0; i < 255; i++) ok_atom.insert(ok_atom.end(), {0xC3, 0xA9});
  EXPECT_TRUE(is_atom(decode(ok_atom)));
  expect_error({131, 82, 1}, "atom cache");
}

TEST_F(EtfFixture, Tuples) {
  Term t = decode({131, 104, 2, 100, 0, 2, 'o', 'k', 97, 7});
  ASSERT_TRUE(is_tuple(t));
  EXPECT_EQ(tuple_arity(t), 2u);
  EXPECT_EQ(tuple_element(t, 1), atom::ok);
  EXPECT_EQ(tuple_element(t, 2), make_small(7));
  Term empty = decode({131, 104, 0});
  ASSERT_TRUE(is_tuple(empty));
  EXPECT_EQ(tuple_arity(empty), 0u);
  Term large = decode(cat({{131, 105}, u32be(3), {97, 1, 97, 2, 106}}));
  ASSERT_TRUE(is_tuple(large));
  EXPECT_EQ(tuple_element(large, 3), NIL);
  // Nested: {{1},{2,{3}}}
  Term n = decode({131, 104, 2, 104, 1, 97, 1, 104, 2, 97, 2, 104, 1, 97, 3});
  EXPECT_EQ(tuple_element(tuple_element(n, 1), 1), make_small(1));
  EXPECT_EQ(tuple_element(tuple_element(tuple_element(n, 2), 2), 1), make_small(3));
}

TEST_F(EtfFixture, ListsAndStrings) {
  EXPECT_EQ(decode({131, 106}), NIL);
  std::vector<Term> s = list_items(decode({131, 107, 0, 3, 'a', 'b', 'c'}));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[2], make_small('c'));
  EXPECT_EQ(decode({131, 107, 0, 0}), NIL);
  std::vector<Term> l = list_items(decode(cat({{131, 108}, u32be(2), {97, 1, 104, 0, 106}})));
  ASSERT_EQ(l.size(), 2u);
  EXPECT_TRUE(is_tuple(l[1]));
  // [1,2|c]
  Term imp = decode({131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 100, 0, 1, 99});
  EXPECT_EQ(car(cdr(imp)), make_small(2));
  EXPECT_EQ(cdr(cdr(imp)), atoms.intern("c"));
  // A list of no elements is just its tail.
  EXPECT_EQ(decode(cat({{131, 108}, u32be(0), {97, 9}})), make_small(9));
  // [[1,2],[3]]: nested lists, elements before the tail.
  Term nested = decode(cat({{131, 108}, u32be(2), {107, 0, 2, 1, 2, 107, 0, 1, 3, 106}}));
  EXPECT_EQ(list_items(car(nested)).size(), 2u);
  EXPECT_EQ(car(car(cdr(nested))), make_small(3));
}

TEST_F(EtfFixture, Binaries) {
  Term b = decode(cat({{131, 109}, u32be(3), {1, 2, 3}}));
  ASSERT_TRUE(is_heap_binary(b));
  EXPECT_EQ(heap_binary_size(b), 3u);
  EXPECT_EQ(heap_binary_data(b)[2], 3);
  EXPECT_EQ(header_arity(boxed_header(b)), heap_binary_words(3) - 1);
  Term e = decode(cat({{131, 109}, u32be(0)}));
  EXPECT_EQ(heap_binary_size(e), 0u);
  Bytes big = cat({{131, 109}, u32be(1000)});
  for (int i = 0; i < 1000; i++) big.push_back(uint8_t(i));
  Term g = decode(big);
  EXPECT_EQ(heap_binary_size(g), 1000u);
  EXPECT_EQ(heap_binary_data(g)[999], uint8_t(999));
  // <<3:4>>: one byte of which 4 bits count; stray low bits are cleared.
  Term bits = decode({131, 77, 0, 0, 0, 1, 4, 0x3F});
  BitsView v;
  ASSERT_TRUE(bitstring_view(bits, &v));
  EXPECT_EQ(v.bit_size, 4u);
  EXPECT_EQ((v.bytes[0] << v.bit_offset) & 0xF0, 0x30);
  EXPECT_TRUE(is_binary_term(decode({131, 77, 0, 0, 0, 1, 8, 7})));   // 8 bits: a binary
  EXPECT_TRUE(is_binary_term(decode({131, 77, 0, 0, 0, 0, 0})));      // <<>>
  expect_error({131, 77, 0, 0, 0, 0, 8}, "bits in its last byte");
  expect_error({131, 77, 0, 0, 0, 1, 0, 1}, "bits in its last byte");
  expect_error({131, 77, 0, 0, 0, 1, 9, 1}, "bits in its last byte");
}

TEST_F(EtfFixture, Maps) {
  // #{b => 1, a => 2} as erl writes it; keys come out sorted.
  Term m = decode({131, 116, 0, 0, 0, 2, 100, 0, 1, 97, 97, 2, 100, 0, 1, 98, 97, 1});
  ASSERT_TRUE(is_map(m));
  EXPECT_EQ(flatmap_size(m), 2u);
  EXPECT_EQ(header_arity(boxed_header(m)), 4u);
  Term keys = flatmap_keys(m);
  ASSERT_TRUE(is_tuple(keys));
  EXPECT_EQ(tuple_element(keys, 1), atoms.intern("a"));
  EXPECT_EQ(tuple_element(keys, 2), atoms.intern("b"));
  EXPECT_EQ(flatmap_values(m)[0], make_small(2));
  EXPECT_EQ(flatmap_values(m)[1], make_small(1));
  // Reversed input order gives the same map.
  Term r = decode({131, 116, 0, 0, 0, 2, 100, 0, 1, 98, 97, 1, 100, 0, 1, 97, 97, 2});
  EXPECT_EQ(tuple_element(flatmap_keys(r), 1), atoms.intern("a"));
  EXPECT_EQ(flatmap_values(r)[0], make_small(2));
  Term empty = decode({131, 116, 0, 0, 0, 0});
  EXPECT_EQ(flatmap_size(empty), 0u);
  EXPECT_EQ(tuple_arity(flatmap_keys(empty)), 0u);
  expect_error({131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3}, "duplicate map key");
  // Over 32 keys: a hash map, built by map_from_pairs.
  Bytes large = cat({{131, 116}, u32be(33)});
  for (int i = 0; i < 33; i++) large.insert(large.end(), {97, uint8_t(i), 97, uint8_t(100 + i)});
  Term lm = decode(large);
  ASSERT_TRUE(is_map(lm));
  EXPECT_EQ(map_size(lm), 33u);
  EXPECT_EQ(map_get(lm, make_small(32)), make_small(132));
  Bytes dup = cat({{131, 116}, u32be(33)});
  for (int i = 0; i < 33; i++) dup.insert(dup.end(), {97, uint8_t(i == 32 ? 0 : i), 106});
  expect_error(dup, "duplicate map key");
}

TEST_F(EtfFixture, ExportFuns) {
  // fun lists:map/2
  Bytes b = {131, 113, 100, 0, 5, 'l', 'i', 's', 't', 's', 100, 0, 3, 'm', 'a', 'p', 97, 2};
  expect_error(b, "export");
  Export e;
  ctx.make_export_fun = [&](Term m, Term f, uint32_t a) {
    e.module = m;
    e.function = f;
    e.arity = a;
    return write_export_fun(area.alloc_words(EXPORT_FUN_WORDS), &e);
  };
  Term f = decode(b);
  ASSERT_TRUE(is_export_fun(f));
  EXPECT_EQ(export_fun_entry(f), &e);
  EXPECT_EQ(e.module, atoms.intern("lists"));
  EXPECT_EQ(e.function, atoms.intern("map"));
  EXPECT_EQ(e.arity, 2u);
  expect_error({131, 113, 100, 0, 1, 'l', 97, 1, 97, 2}, "must be an atom");
}

Bytes nonode(std::initializer_list<uint8_t> before, std::initializer_list<uint8_t> after) {
  Bytes node = {100, 0, 13, 'n', 'o', 'n', 'o', 'd', 'e', '@', 'n', 'o', 'h', 'o', 's', 't'};
  return cat({Bytes(before), node, Bytes(after)});
}

TEST_F(EtfFixture, LocalPidsPortsAndRefs) {
  // NEW_PID_EXT <0.9.7>, and the old PID_EXT with its one-byte creation.
  EXPECT_EQ(decode(nonode({131, 88}, {0, 0, 0, 9, 0, 0, 0, 7, 0, 0, 0, 0})), make_local_pid(9, 7));
  EXPECT_EQ(decode(nonode({131, 103}, {0, 0, 0, 1, 0, 0, 0, 2, 0})), make_local_pid(1, 2));
  expect_error(nonode({131, 88}, {0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0}), "out of range");
  expect_error(nonode({131, 88}, {0, 0, 0, 1, 0, 0, 0x20, 0, 0, 0, 0, 0}), "out of range");
  // This node's name with another creation, or another node: an external pid (term.h).
  Term other = decode(nonode({131, 88}, {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3}));
  ASSERT_TRUE(is_external_pid(other));
  EXPECT_EQ(external_node(other), atom::nonode_nohost);
  EXPECT_EQ(external_creation(other), 3u);
  EXPECT_EQ(external_data(other), uint64_t(2) << 32 | 1);
  Term remote = decode({131, 88, 100, 0, 1, 'n', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});
  ASSERT_TRUE(is_external_pid(remote));
  EXPECT_EQ(external_creation(remote), 0u);
  // Ports: NEW_PORT_EXT, PORT_EXT, V4_PORT_EXT.
  EXPECT_EQ(decode(nonode({131, 89}, {0, 0, 0, 5, 0, 0, 0, 0})), make_port(5));
  EXPECT_EQ(decode(nonode({131, 102}, {0, 0, 0, 6, 0})), make_port(6));
  EXPECT_EQ(decode(nonode({131, 120}, {0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0})), make_port(7));
  expect_error(nonode({131, 89}, {0x10, 0, 0, 0, 0, 0, 0, 0}), "out of range");
  // References of 1 to 3 words (missing words are 0); the first word has 18 bits.
  Term r = decode(nonode({131, 90, 0, 2}, {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 5}));
  ASSERT_TRUE(is_ref(r));
  EXPECT_EQ(boxed_ptr(r)[1], 1u);
  EXPECT_EQ(boxed_ptr(r)[2], 5u);
  EXPECT_EQ(boxed_ptr(r)[3], 0u);
  EXPECT_TRUE(is_ref(decode(nonode({131, 114, 0, 1}, {0, 0, 0, 0, 1}))));  // NEW_REFERENCE_EXT
  EXPECT_TRUE(is_ref(decode(nonode({131, 101}, {0, 0, 0, 1, 0}))));        // REFERENCE_EXT
  expect_error(nonode({131, 90, 0, 0}, {0, 0, 0, 0}), "reference of 0 words");
  expect_error(nonode({131, 90, 0, 4}, {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4}), "4 words");
  expect_error(nonode({131, 90, 0, 1}, {0, 0, 0, 0, 0, 4, 0, 0}), "out of range");
  expect_error({131, 200}, "unknown tag 200");
  expect_error({131, 117, 0}, "FUN_EXT");
}

TEST_F(EtfFixture, Closures) {
  // NEW_FUN_EXT of lambda 0 of module m (arity 1, one free variable 42), creator <0.1.0>.
  Bytes md5(16, 0xAB);
  Bytes b = cat({{131, 112}, u32be(0), {1}, md5, u32be(0), u32be(1), {100, 0, 1, 'm', 97, 0, 98},
                 u32be(1234), nonode({88}, {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}), {97, 42}});
  expect_error(b, "not in any loaded module");
  FunEntry fe;
  fe.module = atoms.intern("m");
  fe.arity = 1;
  fe.num_free = 1;
  EtfFunRef seen{};
  ctx.find_fun = [&](const EtfFunRef& r) -> const FunEntry* {
    seen = r;
    return &fe;
  };
  Term f = decode(b);
  ASSERT_TRUE(is_fun(f));
  EXPECT_EQ(fun_entry(f), &fe);
  ASSERT_EQ(fun_num_free(f), 1u);
  EXPECT_EQ(fun_free_vars(f)[0], make_small(42));
  EXPECT_EQ(seen.module, fe.module);
  EXPECT_EQ(seen.old_uniq, 1234u);
  EXPECT_EQ(seen.num_free, 1u);
  EXPECT_EQ(std::memcmp(seen.md5, md5.data(), 16), 0);
  fe.num_free = 2;  // the module's lambda disagrees with the encoding
  expect_error(b, "differs from its module's");
  // Every truncation of a closure is an error too.
  for (size_t n = 1; n < b.size(); n++) EXPECT_NE(error_of(Bytes(b.begin(), b.begin() + n)), "") << n;
}

TEST_F(EtfFixture, SafeRefusesNewAtoms) {
  ctx.existing_atoms_only = true;
  expect_error({131, 100, 0, 3, 'z', 'q', 'z'}, "does not exist");
  atoms.intern("zqz");
  EXPECT_EQ(decode({131, 100, 0, 3, 'z', 'q', 'z'}), atoms.intern("zqz"));
}

TEST_F(EtfFixture, VersionByteAndTrailingBytes) {
  expect_error({}, "empty");
  expect_error({130, 97, 1}, "version");
  size_t used = 0;
  EXPECT_EQ(decode({131, 97, 1, 0, 0}, &used), make_small(1));
  EXPECT_EQ(used, 3u);
  Bytes body = {104, 1, 97, 4, 99};
  Term t = decode_etf_body(body.data(), body.size(), ctx, &used);
  EXPECT_EQ(tuple_element(t, 1), make_small(4));
  EXPECT_EQ(used, 4u);
}

TEST_F(EtfFixture, Compressed) {
  // [7,7,...] (300 elements) compressed with zlib, as term_to_binary(T, [compressed]) writes.
  Bytes body = cat({{108}, u32be(300)});
  for (int i = 0; i < 300; i++) body.insert(body.end(), {97, 7});
  body.push_back(106);
  uLongf clen = compressBound(body.size());
  Bytes z(clen);
  ASSERT_EQ(compress2(z.data(), &clen, body.data(), body.size(), 9), Z_OK);
  z.resize(clen);
  Bytes blob = cat({{131, 80}, u32be(uint32_t(body.size())), z});
  size_t used = 0;
  std::vector<Term> items = list_items(decode(blob, &used));
  EXPECT_EQ(used, blob.size());
  ASSERT_EQ(items.size(), 300u);
  EXPECT_EQ(items[299], make_small(7));

  Bytes wrong_size = cat({{131, 80}, u32be(uint32_t(body.size() + 1)), z});
  expect_error(wrong_size, "zlib");
  Bytes lying = cat({{131, 80}, u32be(0xFFFFFFF0u), z});
  expect_error(lying, "claims");
  Bytes corrupt = blob;
  corrupt[8] ^= 0xFF;
  corrupt[9] ^= 0xFF;
  EXPECT_NE(error_of(corrupt), "");
  expect_error({131, 80, 0, 0}, "truncated");
  expect_error({131, 104, 1, 80, 0, 0, 0, 1, 0}, "compressed term inside");
}

// Every prefix of a valid encoding is an error, never a crash or a read past the end.
TEST_F(EtfFixture, EveryTruncationIsAnError) {
  Bytes full = {131, 116, 0, 0, 0, 2, 100, 0, 1, 97, 108, 0, 0, 0, 2, 97, 1, 104, 2, 70,
                63, 248, 0, 0, 0, 0, 0, 0, 109, 0, 0, 0, 2, 1, 2, 106, 119, 1, 98, 110, 9,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  EXPECT_TRUE(is_map(decode(full)));
  for (size_t n = 0; n < full.size(); n++) {
    Bytes cut(full.begin(), full.begin() + n);
    EXPECT_NE(error_of(cut), "") << "prefix " << n;
  }
}

TEST_F(EtfFixture, HugeLengthsDoNotAllocate) {
  size_t before = area.total_words();
  expect_error(cat({{131, 105}, u32be(0xFFFFFFFF)}), "tuple");
  expect_error(cat({{131, 108}, u32be(0xFFFFFFFF)}), "list");
  expect_error(cat({{131, 109}, u32be(0xFFFFFFFF)}), "binary");
  expect_error(cat({{131, 111}, u32be(0xFFFFFFFF), {0}}), "bignum");
  expect_error(cat({{131, 116}, u32be(0x10)}), "map");
  expect_error({131, 107, 0xFF, 0xFF, 1}, "truncated");
  // Nested containers that each claim nearly all remaining bytes: the claims add up.
  Bytes nested = cat({{131, 105}, u32be(40), {105}, u32be(40)});
  nested.resize(nested.size() + 40, 106);
  expect_error(nested, "exceeds");
  EXPECT_LT(area.total_words() - before, 200u);
}

TEST_F(EtfFixture, DeepNestingUsesNoCppStack) {
  const int depth = 200000;
  Bytes deep = {131};
  for (int i = 0; i < depth; i++) deep.insert(deep.end(), {104, 1});
  deep.push_back(106);
  expect_error(deep, "nested deeper");
  ctx.max_depth = depth + 1;
  Term t = decode(deep);
  int n = 0;
  while (is_tuple(t)) {
    t = tuple_element(t, 1);
    n++;
  }
  EXPECT_EQ(n, depth);
  EXPECT_EQ(t, NIL);
  // A long improper chain of one-element lists is not nesting: tails do not count.
  ctx.max_depth = 10;
  Bytes chain = {131};
  for (int i = 0; i < 100000; i++) chain.insert(chain.end(), {108, 0, 0, 0, 1, 97, 1});
  chain.push_back(106);
  EXPECT_EQ(list_items(decode(chain)).size(), 100000u);
}

TEST(EtfIntegers, MakeIntegerLe) {
  LiteralArea area;
  uint8_t one[] = {1, 0, 0};
  EXPECT_EQ(make_integer_le(one, 3, false, area), make_small(1));
  EXPECT_EQ(make_integer_le(one, 3, true, area), make_small(-1));
  EXPECT_EQ(make_integer_le(one, 0, true, area), make_small(0));
  uint8_t nine[9] = {0, 0, 0, 0, 0, 0, 0, 0, 1};
  Term b = make_integer_le(nine, 9, false, area);
  ASSERT_TRUE(is_bignum(b));
  EXPECT_EQ(header_arity(boxed_header(b)), 2u);
}
