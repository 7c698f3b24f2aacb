// test_binary.cpp - binaries below the Erlang level: bit copying, integer and float encodings,
// off-heap blobs and the collector, writable appends, and OTP 26's bs_match (which local erlc
// cannot emit) in hand-assembled modules, both as translated code and run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "beam_builder.h"
#include "interp/bits.h"
#include "interp/interp.h"
#include "loader/instructions.h"
#include "process/binaries.h"
#include "process/process.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "text/printer.h"
#include "vm/vm.h"

using namespace beamrun;

namespace {

// Bit i of a buffer, MSB first.
int bit(const uint8_t* p, Uint i) { return (p[i / 8] >> (7 - i % 8)) & 1; }

std::string show(VM& vm, Term t) { return display_term(t, vm.atoms()); }

Term bin(Process& p, const std::vector<uint8_t>& bytes) { return make_binary(p, bytes.data(), bytes.size()); }

}  // namespace

// ---- bits ----------------------------------------------------------------------------------------

TEST(CopyBits, MatchesBitByBitCopyAtEveryAlignment) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 3000; ++round) {
    uint8_t src[40], dst[40], want[40];
    for (auto& b : src) b = uint8_t(rng());
    for (size_t i = 0; i < sizeof dst; ++i) dst[i] = want[i] = uint8_t(rng());
    Uint soff = rng() % 64, doff = rng() % 64, n = rng() % 200;
    for (Uint i = 0; i < n; ++i) {
      Uint d = doff + i;
      want[d / 8] = uint8_t((want[d / 8] & ~(0x80 >> (d % 8))) | (bit(src, soff + i) << (7 - d % 8)));
    }
    copy_bits(dst, doff, src, soff, n);
    ASSERT_EQ(std::memcmp(dst, want, sizeof dst), 0) << "soff " << soff << " doff " << doff << " n " << n;
  }
}

TEST(Integers, RoundTripEverySizeAndFlag) {
  VM vm;
  Process p(vm, vm.next_serial());
  std::mt19937_64 rng(11);
  for (int round = 0; round < 4000; ++round) {
    unsigned bits = 1 + unsigned(rng() % 120);
    unsigned flags = unsigned(rng() % 2) * BSF_LITTLE | unsigned(rng() % 2) * BSF_SIGNED;
    __int128 v = (__int128(rng()) << 64 | rng()) >> (rng() % 128);
    if (rng() % 2) v = -v;
    Uint off = rng() % 13;
    uint8_t buf[32] = {};
    put_integer(buf, off, make_integer_i128(p, v), bits, flags);
    // Expected: v modulo 2^bits, read back signed or unsigned.
    unsigned __int128 mask = bits == 128 ? ~(unsigned __int128)0 : ((unsigned __int128)1 << bits) - 1;
    unsigned __int128 u = (unsigned __int128)v & mask;
    __int128 want = __int128(u);
    if ((flags & BSF_SIGNED) && ((u >> (bits - 1)) & 1)) want = __int128(u) - (__int128(1) << bits);
    Term got = get_integer(p, buf, off, bits, flags);
    ASSERT_EQ(show(vm, got), show(vm, make_integer_i128(p, want))) << "bits " << bits << " flags " << flags;
  }
}

TEST(Integers, LittleEndianOddSizesAsErl) {
  // <<(-(1 bsl 70) + 5):75/little>> and <<(1 bsl 70 + 5):20/little>> as erl writes them.
  VM vm;
  Process p(vm, vm.next_serial());
  uint8_t buf[16] = {};
  Term v = get_integer(p, std::vector<uint8_t>{0x40, 0, 0, 0, 0, 0, 0, 0, 0}.data(), 0, 72, 0);  // 2^70
  Term minus = make_integer_i128(p, -(__int128(1) << 70) + 5);
  put_integer(buf, 0, minus, 75, BSF_LITTLE);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 10), (std::vector<uint8_t>{5, 0, 0, 0, 0, 0, 0, 0, 192, 7 << 5}));
  std::memset(buf, 0, sizeof buf);
  put_integer(buf, 0, make_integer_i128(p, (__int128(1) << 70) + 5), 20, BSF_LITTLE);
  EXPECT_EQ(std::vector<uint8_t>(buf, buf + 3), (std::vector<uint8_t>{5, 0, 0}));
  EXPECT_EQ(show(vm, v), "1180591620717411303424");
}

TEST(Floats, HalfPrecisionRoundsAsErl) {
  struct Case { double d; uint16_t bits; };
  // Values and encodings checked with erl: <<X:16/float>>.
  const Case cases[] = {{1.5, 0x3E00}, {65504.0, 0x7BFF}, {65520.0, 0x7C00}, {70000.0, 0x7C00},
                        {5.960464477539063e-8, 0x0001}, {2.0e-8, 0x0000}, {-2.0, 0xC000},
                        {0.1, 0x2E66}, {6.103515625e-5, 0x0400}, {-0.0, 0x8000}};
  for (const Case& c : cases) {
    uint8_t buf[2] = {};
    put_float(buf, 0, c.d, 16, 0);
    EXPECT_EQ(unsigned(buf[0] << 8 | buf[1]), unsigned(c.bits)) << c.d;
  }
}

TEST(Utf, DecodersRejectWhatErlRejects) {
  uint32_t cp;
  const std::vector<std::vector<uint8_t>> bad = {{0xC0, 0x80}, {0xE0, 0x80, 0x80}, {0xED, 0xA0, 0x80},
                                                 {0xF4, 0x90, 0x80, 0x80}, {0x80}, {0xE2, 0x82}};
  for (const auto& b : bad) EXPECT_EQ(get_utf8(b.data(), 0, b.size() * 8, &cp), 0u);
  const uint8_t ok[] = {0xF0, 0x9F, 0x98, 0x80};
  EXPECT_EQ(get_utf8(ok, 0, 32, &cp), 32u);
  EXPECT_EQ(cp, 0x1F600u);
  const uint8_t pair[] = {0xD8, 0x3D, 0xDE, 0x00};
  EXPECT_EQ(get_utf16(pair, 0, 32, 0, &cp), 32u);
  EXPECT_EQ(cp, 0x1F600u);
  EXPECT_EQ(get_utf16(pair, 0, 16, 0, &cp), 0u);  // a lone high surrogate
}

// ---- representations -----------------------------------------------------------------------------

TEST(Binaries, SizesChooseTheRepresentation) {
  VM vm;
  Process p(vm, vm.next_serial());
  std::vector<uint8_t> small(64, 1), big(65, 2);
  EXPECT_TRUE(is_heap_binary(bin(p, small)));
  Term b = bin(p, big);
  EXPECT_TRUE(is_refc_binary(b));
  EXPECT_EQ(p.off_heap, boxed_ptr(b));
  EXPECT_EQ(p.bin_vheap, 65u);
  const uint8_t* d;
  size_t n;
  ASSERT_TRUE(binary_bytes(b, &d, &n));
  EXPECT_EQ(n, 65u);
  EXPECT_EQ(d[64], 2);
}

TEST(Binaries, SubBinariesKeepWholeBytesAligned) {
  VM vm;
  Process p(vm, vm.next_serial());
  std::vector<uint8_t> big(200);
  for (size_t i = 0; i < big.size(); ++i) big[i] = uint8_t(i);
  Term b = bin(p, big);
  Term aligned = make_sub_binary(p, b, 8 * 10, 8 * 100);
  EXPECT_TRUE(is_sub_binary(aligned));  // large and aligned: points into the original
  Term small = make_sub_binary(p, b, 8 * 10, 8 * 10);
  EXPECT_TRUE(is_heap_binary(small));   // at most 64 bytes: copied, as BEAM does
  Term odd = make_sub_binary(p, b, 8 * 10 + 3, 8 * 100);
  EXPECT_FALSE(is_sub_binary(odd));     // whole bytes off a byte boundary: copied
  const uint8_t* d;
  size_t n;
  ASSERT_TRUE(binary_bytes(odd, &d, &n));
  EXPECT_EQ(d[0], uint8_t((10 << 3) | (11 >> 5)));
  Term bits = make_sub_binary(p, b, 3, 13);
  EXPECT_TRUE(is_sub_binary(bits));
  EXPECT_EQ(show(vm, bits), "<<0,1:5>>");  // bits 3..15 of <<0, 1, ...>>
}

// ---- off-heap blobs and the collector ------------------------------------------------------------

TEST(OffHeap, CollectionReleasesDroppedBlobsAndKeepsLiveOnes) {
  VM vm;
  Process p(vm, vm.next_serial());
  std::vector<uint8_t> big(1000, 9);
  Term keep = bin(p, big);
  BinaryBlob* kept_blob = refc_blob(boxed_ptr(keep));
  Term drop = bin(p, big);
  BinaryBlob* dropped_blob = refc_blob(boxed_ptr(drop));
  // Extra references let the test watch the counts without the blobs being freed.
  kept_blob->refc.fetch_add(1);
  dropped_blob->refc.fetch_add(1);
  Term sub = make_sub_binary(p, keep, 8, 8 * 900);
  p.x[0] = sub;  // the kept blob is reachable only through a sub-binary
  for (int i = 0; i < 50; ++i) bin(p, big);  // garbage
  EXPECT_EQ(p.bin_vheap, 52u * 1000);
  p.collect(0, 1);
  EXPECT_EQ(kept_blob->refc.load(), 2u);
  EXPECT_EQ(dropped_blob->refc.load(), 1u);  // the process let go of it
  EXPECT_EQ(p.bin_vheap, 1000u);
  ASSERT_NE(p.off_heap, nullptr);
  EXPECT_EQ(refc_next(p.off_heap), nullptr);
  const uint8_t* d;
  size_t n;
  ASSERT_TRUE(binary_bytes(p.x[0], &d, &n));
  EXPECT_EQ(n, 900u);
  EXPECT_EQ(d[899], 9);
  p.x[0] = NIL;
  p.collect(0, 1);
  EXPECT_EQ(kept_blob->refc.load(), 1u);
  EXPECT_EQ(p.off_heap, nullptr);
  EXPECT_EQ(p.bin_vheap, 0u);
  blob_release(kept_blob);
  blob_release(dropped_blob);
}

TEST(OffHeap, ProcessDestructorReleasesItsBlobs) {
  VM vm;
  BinaryBlob* b;
  {
    Process p(vm, vm.next_serial());
    std::vector<uint8_t> big(100, 1);
    b = refc_blob(boxed_ptr(bin(p, big)));
    b->refc.fetch_add(1);
  }
  EXPECT_EQ(b->refc.load(), 1u);
  blob_release(b);
}

TEST(OffHeap, SharedBlobIsFreedOnceAcrossThreads) {
  // Handles to one blob in several processes, dropped on several threads at once: the
  // atomic count frees it exactly once (ASan reports a double free or a leak otherwise).
  VM vm;
  for (int round = 0; round < 50; ++round) {
    BinaryBlob* blob = blob_alloc(128);
    std::vector<std::unique_ptr<Process>> procs;
    for (int i = 0; i < 8; ++i) {
      procs.push_back(std::make_unique<Process>(vm, vm.next_serial()));
      if (i > 0) blob->refc.fetch_add(1);
      make_refc_handle(*procs.back(), blob, 128);
    }
    std::vector<std::thread> threads;
    for (auto& pr : procs) threads.emplace_back([&pr] { pr.reset(); });
    for (auto& t : threads) t.join();
  }
}

TEST(OffHeap, VirtualHeapTriggersCollectionsThatFreeMemory) {
  // Appending big binaries in a loop that keeps none: the off-heap total must stay bounded.
  VM vm;
  Process p(vm, vm.next_serial());
  size_t peak = 0;
  std::vector<uint8_t> big(100000, 3);
  for (int i = 0; i < 200; ++i) {
    p.x[0] = bin(p, big);
    if (p.bin_vheap_full()) p.collect(0, 1);
    peak = std::max(peak, p.bin_vheap);
  }
  EXPECT_LT(peak, 20u * 100000);
  EXPECT_GT(p.collections(), 5u);
}

// ---- appends -------------------------------------------------------------------------------------

TEST(Append, GrowsInPlaceAndCopiesWhenBranching) {
  VM vm;
  Process p(vm, vm.next_serial());
  Term acc = make_binary(p, "ab", 2);
  Term a1 = bs_append(&p, acc, 8, 8, 0, 0);
  p.regs->bs_put_base[p.regs->bs_put_offset / 8] = 'c';
  ASSERT_TRUE(is_sub_binary(a1));
  const BinaryBlob* blob = refc_blob(boxed_ptr(sub_orig(a1)));
  EXPECT_EQ(blob->capacity, 256u);  // a fresh append buffer: twice the size, at least 256
  Term a2 = bs_append(&p, a1, 8, 8, 0, 0);
  p.regs->bs_put_base[p.regs->bs_put_offset / 8] = 'd';
  EXPECT_EQ(sub_orig(a2), sub_orig(a1));  // in place
  Term b2 = bs_append(&p, a1, 8, 8, 0, 0);  // a1 no longer ends the buffer: copy
  p.regs->bs_put_base[p.regs->bs_put_offset / 8] = 'X';
  EXPECT_NE(sub_orig(b2), sub_orig(a1));
  EXPECT_EQ(show(vm, a1), "<<\"abc\">>");
  EXPECT_EQ(show(vm, a2), "<<\"abcd\">>");
  EXPECT_EQ(show(vm, b2), "<<\"abcX\">>");
}

TEST(Append, MillionByteAppendLoopIsLinear) {
  // bin_append_loop:bytes/2 is `bytes(Acc, N) -> bytes(<<Acc/binary, (N band 255)>>, N - 1)`.
  VMOptions opts;
  opts.code_path = {BEAMRUN_TEST_BEAM_DIR};
  VM vm(opts);
  Process p(vm, vm.next_serial());
  auto t0 = std::chrono::steady_clock::now();
  RunResult r = vm.call(vm.atoms().intern("bin_append_loop"), vm.atoms().intern("bytes"),
                        {make_binary(p, "", 0), make_small(1000000)}, p);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(r.kind, RunResult::Kind::Returned) << show(vm, r.value);
  const uint8_t* d;
  size_t n;
  ASSERT_TRUE(binary_bytes(r.value, &d, &n));
  EXPECT_EQ(n, 1000000u);
  EXPECT_EQ(d[0], uint8_t(1000000 & 255));
  EXPECT_EQ(d[999999], 1);
  std::printf("[ timing   ] 1,000,000 one-byte appends: %.1f ms\n", secs * 1000);
}

// ---- OTP 26 bs_match, hand-assembled -------------------------------------------------------------

namespace {

using namespace beamrun::test;

// The compact term encoding (genop.h) of a non-negative number with a tag.
enum Tag { U = 0, I = 1, A = 2, X = 3, Y = 4, F = 5, Z = 7 };
Bytes c(Tag tag, uint64_t n) {
  if (n < 16) return {uint8_t(n << 4 | tag)};
  if (n < 0x800) return {uint8_t(((n >> 3) & 0xE0) | tag | 0x08), uint8_t(n)};
  Bytes be;
  for (uint64_t v = n; v; v >>= 8) be.insert(be.begin(), uint8_t(v));
  if (be[0] & 0x80) be.insert(be.begin(), 0);
  Bytes out = {uint8_t(((be.size() - 2) << 5) | 0x18 | tag)};
  append(out, be);
  return out;
}
Bytes list(std::initializer_list<Bytes> items) {
  Bytes out = {0x17};  // z 1: a list
  append(out, c(U, items.size()));
  for (const Bytes& b : items) append(out, b);
  return out;
}
Bytes literal(uint64_t index) {
  Bytes out = {0x47};  // z 4: a literal
  append(out, c(U, index));
  return out;
}
Bytes op(uint8_t opcode, std::initializer_list<Bytes> operands) {
  Bytes out = {opcode};
  for (const Bytes& b : operands) append(out, b);
  return out;
}

// A file of chunks: FOR1 ... BEAM.
Bytes beam_file(const std::vector<std::pair<const char*, Bytes>>& chunks) {
  BeamBuilder b;
  for (auto& [id, data] : chunks) b.add(id, data);
  return b.build();
}

// Atoms of the module bm.
enum Atom : uint64_t { BM = 1, FN_F, FN_G, ENSURE_AT_LEAST, INTEGER, EQ, GET_TAIL, NOMATCH, SKIP, BINARY, ENSURE_EXACTLY };

// bm:f/1 and bm:g/1, as an OTP 26 compiler would write them with bs_match:
//   f(<<N:8, ":", Rest/binary>>) -> {N, Rest}; f(_) -> nomatch.   (ensure_at_least 24 8)
//   g(<<_:4, V:12/little-signed, B:3/binary>>) -> {V, B}; g(_) -> nomatch.
Bytes bs_match_module() {
  Bytes code;
  auto add = [&](const Bytes& b) { append(code, b); };
  constexpr uint8_t LABEL = 1, FUNC_INFO = 2, END = 3, RETURN = 19, TEST_HEAP = 16, MOVE = 64,
                    PUT_TUPLE2 = 164, START_MATCH3 = 166, BS_MATCH = 182;
  const Bytes nil = c(A, 0);
  // f/1: labels 1, 2; failure label 3.
  add(op(LABEL, {c(U, 1)}));
  add(op(FUNC_INFO, {c(A, BM), c(A, FN_F), c(U, 1)}));
  add(op(LABEL, {c(U, 2)}));
  add(op(START_MATCH3, {c(F, 3), c(X, 0), c(U, 1), c(X, 1)}));
  add(op(BS_MATCH, {c(F, 3), c(X, 1),
                    list({c(A, ENSURE_AT_LEAST), c(U, 24), c(U, 8),
                          c(A, INTEGER), c(U, 2), nil, c(U, 8), c(U, 1), c(X, 2),
                          c(A, EQ), nil, c(U, 8), c(U, ':'),
                          c(A, GET_TAIL), c(U, 3), c(U, 8), c(X, 3)})}));
  add(op(TEST_HEAP, {c(U, 3), c(U, 4)}));
  add(op(PUT_TUPLE2, {c(X, 0), list({c(X, 2), c(X, 3)})}));
  add({RETURN});
  add(op(LABEL, {c(U, 3)}));
  add(op(MOVE, {c(A, NOMATCH), c(X, 0)}));
  add({RETURN});
  // g/1: labels 4, 5; failure label 6. Literal 0 is [little, signed].
  add(op(LABEL, {c(U, 4)}));
  add(op(FUNC_INFO, {c(A, BM), c(A, FN_G), c(U, 1)}));
  add(op(LABEL, {c(U, 5)}));
  add(op(START_MATCH3, {c(F, 6), c(X, 0), c(U, 1), c(X, 1)}));
  add(op(BS_MATCH, {c(F, 6), c(X, 1),
                    list({c(A, ENSURE_EXACTLY), c(U, 40),
                          c(A, SKIP), c(U, 4),
                          c(A, INTEGER), c(U, 2), literal(0), c(U, 12), c(U, 1), c(X, 2),
                          c(A, BINARY), c(U, 3), nil, c(U, 3), c(U, 8), c(X, 3)})}));
  add(op(TEST_HEAP, {c(U, 3), c(U, 4)}));
  add(op(PUT_TUPLE2, {c(X, 0), list({c(X, 2), c(X, 3)})}));
  add({RETURN});
  add(op(LABEL, {c(U, 6)}));
  add(op(MOVE, {c(A, NOMATCH), c(X, 0)}));
  add({RETURN});
  code.push_back(END);

  // LitT stored uncompressed (uncompressed size 0): [little, signed] in the external format.
  Bytes etf = {131, 108, 0, 0, 0, 2, 119, 6, 'l', 'i', 't', 't', 'l', 'e', 119, 6, 's', 'i', 'g', 'n', 'e', 'd', 106};
  Bytes lit = u32be(0);
  append(lit, u32be(1));
  append(lit, u32be(uint32_t(etf.size())));
  append(lit, etf);
  Bytes exports = u32be(2);
  for (uint32_t v : {uint32_t(FN_F), 1u, 2u, uint32_t(FN_G), 1u, 5u}) append(exports, u32be(v));
  return beam_file({{"AtU8", atom_chunk({"bm", "f", "g", "ensure_at_least", "integer", "=:=", "get_tail", "nomatch",
                                         "skip", "binary", "ensure_exactly"}, false)},
                    {"Code", code_chunk(7, 2, code, 182)},
                    {"StrT", {}},
                    {"ImpT", u32be(0)},
                    {"ExpT", exports},
                    {"LitT", lit}});
}

// The module `old`, as OTP 24 compilers write binary construction (before bs_create_bin):
//   g(X) -> <<X:16, "ab", X/utf8>>.        bs_utf8_size, bs_add, bs_init2, bs_put_*
//   h(Acc, X) -> <<Acc/binary, X:8>>.      bs_append
//   k(F) -> <<F:32/float-little, 5:3>>.    bs_init_bits, bs_put_float
Bytes old_construction_module() {
  Bytes code;
  auto add = [&](const Bytes& b) { append(code, b); };
  constexpr uint8_t LABEL = 1, FUNC_INFO = 2, END = 3, RETURN = 19, MOVE = 64, PUT_INTEGER = 89,
                    PUT_FLOAT = 91, PUT_STRING = 92, INIT2 = 109, ADD = 111, APPEND = 134, INIT_BITS = 137,
                    UTF8_SIZE = 144, PUT_UTF8 = 145;
  enum : uint64_t { OLD = 1, G, H, K };
  const Bytes no_fail = c(F, 0), flags0 = c(U, 0);
  add(op(LABEL, {c(U, 1)}));
  add(op(FUNC_INFO, {c(A, OLD), c(A, G), c(U, 1)}));
  add(op(LABEL, {c(U, 2)}));
  add(op(UTF8_SIZE, {no_fail, c(X, 0), c(X, 1)}));
  add(op(ADD, {no_fail, c(X, 1), c(I, 4), c(U, 1), c(X, 1)}));
  add(op(INIT2, {no_fail, c(X, 1), c(U, 0), c(U, 1), flags0, c(X, 1)}));
  add(op(PUT_INTEGER, {no_fail, c(I, 16), c(U, 1), flags0, c(X, 0)}));
  add(op(PUT_STRING, {c(U, 2), c(U, 0)}));
  add(op(PUT_UTF8, {no_fail, flags0, c(X, 0)}));
  add(op(MOVE, {c(X, 1), c(X, 0)}));
  add({RETURN});
  add(op(LABEL, {c(U, 3)}));
  add(op(FUNC_INFO, {c(A, OLD), c(A, H), c(U, 2)}));
  add(op(LABEL, {c(U, 4)}));
  add(op(APPEND, {no_fail, c(I, 8), c(U, 0), c(U, 2), c(U, 8), c(X, 0), flags0, c(X, 2)}));
  add(op(PUT_INTEGER, {no_fail, c(I, 8), c(U, 1), flags0, c(X, 1)}));
  add(op(MOVE, {c(X, 2), c(X, 0)}));
  add({RETURN});
  add(op(LABEL, {c(U, 5)}));
  add(op(FUNC_INFO, {c(A, OLD), c(A, K), c(U, 1)}));
  add(op(LABEL, {c(U, 6)}));
  add(op(INIT_BITS, {no_fail, c(I, 35), c(U, 0), c(U, 1), flags0, c(X, 1)}));
  add(op(PUT_FLOAT, {no_fail, c(I, 32), c(U, 1), c(U, BSF_LITTLE), c(X, 0)}));
  add(op(PUT_INTEGER, {no_fail, c(I, 3), c(U, 1), flags0, c(I, 5)}));
  add(op(MOVE, {c(X, 1), c(X, 0)}));
  add({RETURN});
  code.push_back(END);
  Bytes exports = u32be(3);
  for (uint32_t v : {uint32_t(G), 1u, 2u, uint32_t(H), 2u, 4u, uint32_t(K), 1u, 6u}) append(exports, u32be(v));
  return beam_file({{"AtU8", atom_chunk({"old", "g", "h", "k"}, false)},
                    {"Code", code_chunk(7, 3, code, 182)},
                    {"StrT", Bytes{'a', 'b'}},
                    {"ImpT", u32be(0)},
                    {"ExpT", exports}});
}

// A directory holding one hand-assembled module, removed at the end.
struct ModuleDir {
  std::string path, file;
  ModuleDir(const char* name, const Bytes& bytes) {
    char tmpl[] = "/tmp/beamrun_binary_XXXXXX";
    path = mkdtemp(tmpl);
    file = path + "/" + name + ".beam";
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), long(bytes.size()));
  }
  ~ModuleDir() {
    std::remove(file.c_str());
    rmdir(path.c_str());
  }
};
struct BmDir : ModuleDir {
  BmDir() : ModuleDir("bm", bs_match_module()) {}
};

}  // namespace

TEST(BsMatch, CommandsBecomeMatchInstructions) {
  BmDir dir;
  VMOptions opts;
  opts.use_otp_path = false;
  VM vm(opts);
  std::string err;
  Module* m = vm.load_file(dir.path + "/bm.beam", &err);
  ASSERT_NE(m, nullptr) << err;
  const void* const* h = interpreter_handlers();
  auto is = [&](size_t at, Instr i) { return m->code[at] == reinterpret_cast<Word>(h[unsigned(i)]); };
  // Widths and operands come from the instructions' spec lines (spec::<name>, loader/instructions.h).
  const Word* code = m->code.get();
  // f/1: start_match, ensure_bits, get_integer_8, match_eq, get_tail.
  size_t at = m->functions[0].entry - code;
  ASSERT_TRUE(is(at, Instr::i_bs_start_match));
  at += spec::i_bs_start_match::words;
  ASSERT_TRUE(is(at, Instr::i_bs_ensure_bits));
  EXPECT_EQ(spec::i_bs_ensure_bits::bits(code + at), 24u);
  EXPECT_EQ(spec::i_bs_ensure_bits::unit(code + at), 8u);
  at += spec::i_bs_ensure_bits::words;
  ASSERT_TRUE(is(at, Instr::i_bs_get_integer_8));
  at += spec::i_bs_get_integer_8::words;
  ASSERT_TRUE(is(at, Instr::i_bs_match_eq));
  EXPECT_EQ(spec::i_bs_match_eq::bits(code + at), 8u);
  EXPECT_EQ(spec::i_bs_match_eq::value(code + at), Word(':'));
  at += spec::i_bs_match_eq::words;
  ASSERT_TRUE(is(at, Instr::i_bs_get_tail));
  // g/1: the 12-bit little signed integer keeps its flags; the binary has a constant size.
  at = m->functions[1].entry - code + spec::i_bs_start_match::words;
  ASSERT_TRUE(is(at, Instr::i_bs_test_tail));
  EXPECT_EQ(spec::i_bs_test_tail::bits(code + at), 40u);
  at += spec::i_bs_test_tail::words;
  ASSERT_TRUE(is(at, Instr::i_bs_skip_bits_imm));
  at += spec::i_bs_skip_bits_imm::words;
  ASSERT_TRUE(is(at, Instr::i_bs_get_integer_imm));
  EXPECT_EQ(spec::i_bs_get_integer_imm::bits(code + at), 12u);
  EXPECT_EQ(spec::i_bs_get_integer_imm::flags(code + at), Word(BSF_LITTLE | BSF_SIGNED));
  at += spec::i_bs_get_integer_imm::words;
  ASSERT_TRUE(is(at, Instr::i_bs_get_binary));
  EXPECT_EQ(spec::i_bs_get_binary::size(code + at).w, Word(make_small(3)));
  EXPECT_EQ(spec::i_bs_get_binary::unit(code + at), 8u);
}

TEST(BsMatch, HandAssembledModuleRuns) {
  BmDir dir;
  VMOptions opts;
  opts.code_path = {dir.path};
  opts.use_otp_path = false;
  VM vm(opts);
  Process p(vm, vm.next_serial());
  Term bm = vm.atoms().intern("bm"), f = vm.atoms().intern("f"), g = vm.atoms().intern("g");
  auto call = [&](Term fn, Term arg) {
    RunResult r = vm.call(bm, fn, {arg}, p);
    EXPECT_EQ(r.kind, RunResult::Kind::Returned);
    return show(vm, r.value);
  };
  EXPECT_EQ(call(f, bin(p, {5, ':', 'r', 'e', 's', 't'})), "{5,<<\"rest\">>}");
  EXPECT_EQ(call(f, bin(p, {5, ':', 'x'})), "{5,<<\"x\">>}");
  EXPECT_EQ(call(f, bin(p, {5, ';', 'x'})), "nomatch");
  EXPECT_EQ(call(f, bin(p, {5, ':'})), "nomatch");  // fewer than 24 bits
  Term odd = make_bitstring(p, std::vector<uint8_t>{5, ':', 1, 0x10}.data(), 28);
  EXPECT_EQ(call(f, odd), "nomatch");  // 28 bits: at least 24, but 4 left over is not a unit of 8
  EXPECT_EQ(call(f, vm.atoms().intern("atom")), "nomatch");
  // <<0:4, -2:12/little-signed, "abc">> = <<16#0F, 16#EF, "abc">>
  EXPECT_EQ(call(g, bin(p, {0x0F, 0xEF, 'a', 'b', 'c'})), "{-2,<<\"abc\">>}");
  EXPECT_EQ(call(g, bin(p, {0x0F, 0xEF, 'a', 'b', 'c', 'd'})), "nomatch");  // not exactly 40 bits
  EXPECT_EQ(call(g, bin(p, {0x00, 0x70, 'x', 'y', 'z'})), "{7,<<\"xyz\">>}");
}

TEST(OldConstruction, Otp24InstructionsBuildBinaries) {
  ModuleDir dir("old", old_construction_module());
  VMOptions opts;
  opts.code_path = {dir.path};
  opts.use_otp_path = false;
  VM vm(opts);
  Process p(vm, vm.next_serial());
  Term old = vm.atoms().intern("old");
  auto call = [&](const char* fn, std::vector<Term> args) {
    RunResult r = vm.call(old, vm.atoms().intern(fn), args, p);
    return r.kind == RunResult::Kind::Returned ? show(vm, r.value) : "raised " + show(vm, r.value);
  };
  EXPECT_EQ(call("g", {make_small(0x1F600)}), "<<246,0,97,98,240,159,152,128>>");
  EXPECT_EQ(call("g", {make_small('A')}), "<<0,65,97,98,65>>");
  EXPECT_EQ(call("g", {make_small(-1)}), "raised badarg");  // not a code point
  EXPECT_EQ(call("h", {bin(p, {1, 2}), make_small(3)}), "<<1,2,3>>");
  EXPECT_EQ(call("h", {vm.atoms().intern("x"), make_small(3)}), "raised badarg");
  Term f = write_float(p.alloc(FLOAT_WORDS), 1.5);
  EXPECT_EQ(call("k", {f}), "<<0,0,192,63,5:3>>");
}
