// Randomised differential test of the external term format and the portable hashes.
//
// tests/unit/data/etf_cases.tsv holds ~2,600 terms (fixed edge cases, then random ones from a
// fixed seed) with what the real erl (OTP 25) made of them, recorded by
// tests/unit/data/gen_etf_data.escript: term_to_binary's bytes, a digest of the bytes under
// {minor_version, 0}, {minor_version, 2}, deterministic and {compressed, Level}, phash2/1,
// phash2/2 with the full 32-bit range, phash/2 and external_size/1. Nothing here is typed by
// hand.
//
// Each term is decoded from erl's bytes by beamrun's decoder, then beamrun's encoder, hashes
// and external_size must reproduce every recorded field.
#include <gtest/gtest.h>

#include "tests/unit/test_util.h"
#include <zlib.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "etf/decode.h"
#include "etf/encode.h"
#include "term/export.h"
#include "term/hash.h"
#include "vm/vm.h"

using namespace beamrun;
using namespace beamrun::test;

namespace {

// "=" (same bytes as the default encoding) or "Size:CRC32", as the generator writes them.
bool matches(const std::string& want, const std::vector<uint8_t>& got, const std::vector<uint8_t>& plain) {
  if (want == "=") return got == plain;
  uLong crc = crc32(0L, got.data(), uInt(got.size()));
  return want == std::to_string(got.size()) + ":" + std::to_string(crc);
}

}  // namespace

TEST(EtfFuzz, EncoderHashesAndSizesMatchErl) {
  VM vm;
  Arena arena;
  EtfContext ctx(vm.atoms(), arena, [&](Term m, Term f, uint32_t a) {
    return write_export_fun(arena.alloc_words(EXPORT_FUN_WORDS), vm.exports().get(m, f, a));
  });
  EtfEncodeEnv env = vm.encode_env(make_pid(0));

  std::ifstream in(data_path("etf_cases.tsv"), std::ios::binary);
  ASSERT_TRUE(in.good());
  std::string line;
  int lineno = 0, checked = 0, failures = 0;
  while (std::getline(in, line) && failures < 20) {
    lineno++;
    std::vector<std::string> f = split_tabs(line);
    ASSERT_EQ(f.size(), 10u) << "line " << lineno;
    std::vector<uint8_t> bytes = unhex_bytes(f[0]);
    Term t;
    try {
      t = decode_etf(bytes.data(), bytes.size(), ctx);
    } catch (const EtfError& e) {
      ADD_FAILURE() << "line " << lineno << ": decode failed: " << e.what();
      failures++;
      continue;
    }
    auto encode = [&](EtfEncodeOptions o) { return etf_encode_to_vector(t, o, env); };
    std::vector<uint8_t> plain = encode({});
    bool ok = true;
    auto check = [&](bool cond, const char* what) {
      if (!cond) {
        ADD_FAILURE() << "line " << lineno << ": " << what << " differs from erl's";
        ok = false;
      }
    };
    if (plain != bytes) {
      size_t at = 0;
      while (at < plain.size() && at < bytes.size() && plain[at] == bytes[at]) at++;
      ADD_FAILURE() << "line " << lineno << ": term_to_binary differs from erl's at byte " << at << " of "
                    << bytes.size() << " (beamrun wrote " << plain.size() << ")";
      ok = false;
    }
    check(matches(f[1], encode({0, 0, false}), plain), "{minor_version, 0}");
    check(matches(f[2], encode({2, 0, false}), plain), "{minor_version, 2}");
    check(matches(f[3], encode({1, 0, true}), plain), "deterministic");
    check(matches(f[5], encode({1, std::stoi(f[4]), false}), plain), "{compressed, Level}");
    uint32_t h2 = term_hash2(t, vm.atoms());
    check(std::to_string(h2 & ((1u << 27) - 1)) == f[6], "phash2/1");
    check(std::to_string(h2) == f[7], "phash2/2");
    check(std::to_string(uint64_t(term_hash1(t, vm.atoms())) + 1) == f[8], "phash/2");
    check(std::to_string(etf_external_size(t, {}, env)) == f[9], "external_size");
    if (!ok) failures++;
    checked++;
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(checked, 2500);
}
