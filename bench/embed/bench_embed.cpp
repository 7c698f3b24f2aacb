// bench_embed.cpp - what the embedding API costs a host: a Vm::call round trip of a trivial
// function, and a request/reply through a host mailbox. Prints nanoseconds per operation
// (medians of several batches) as `call_ns N` / `mailbox_ns N`, the lines bench/embed/run.sh
// compares with the same operations measured inside erl.
//   beamrun-bench-embed BEAM_DIR [CALLS] [ROUNDS] [SCHEDULERS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "beamrun/beamrun.h"

namespace {

using Clock = std::chrono::steady_clock;

int64_t median(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: beamrun-bench-embed BEAM_DIR [CALLS] [ROUNDS]\n");
    return 2;
  }
  long calls = argc > 2 ? std::atol(argv[2]) : 200000;
  long rounds = argc > 3 ? std::atol(argv[3]) : 200000;
  beamrun::Config config;
  config.schedulers = argc > 4 ? unsigned(std::atoi(argv[4])) : 0;
  config.code_path = {argv[1]};
  auto made = beamrun::Vm::create(config);
  if (!made) {
    std::fprintf(stderr, "beamrun-bench-embed: %s\n", made.error().message.c_str());
    return 2;
  }
  beamrun::Vm& vm = **made;
  if (auto r = vm.load_file(std::string(argv[1]) + "/embed_bench.beam"); !r) {
    std::fprintf(stderr, "beamrun-bench-embed: %s\n", r.error().message.c_str());
    return 2;
  }
  const int batches = 10;
  std::vector<int64_t> call_ns, mailbox_ns;
  for (int b = 0; b < batches; ++b) {
    auto t0 = Clock::now();
    for (long i = 0; i < calls / batches; ++i) {
      beamrun::Outcome o = vm.call("embed_bench", "echo", {beamrun::Value::integer(i)}).wait();
      if (!o.returned() || o.value.as_int64() != i) {
        std::fprintf(stderr, "beamrun-bench-embed: wrong answer: %s\n", o.describe().c_str());
        return 1;
      }
    }
    call_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count() / (calls / batches));
  }
  beamrun::Mailbox box = vm.open_mailbox();
  auto server = vm.spawn("embed_bench", "server", {});
  if (!server) return 1;
  beamrun::Value me = beamrun::Value::pid(box.pid());
  for (int b = 0; b < batches; ++b) {
    auto t0 = Clock::now();
    for (long i = 0; i < rounds / batches; ++i) {
      (void)vm.send(*server, beamrun::Value::tuple({beamrun::Value::atom("ping"), me, beamrun::Value::integer(i)}));
      auto reply = box.receive(std::chrono::seconds(10));
      if (!reply || !reply->is_tagged("pong", 2) || (*reply)[1].as_int64() != i) {
        std::fprintf(stderr, "beamrun-bench-embed: wrong reply\n");
        return 1;
      }
    }
    mailbox_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count() / (rounds / batches));
  }
  (void)vm.send(*server, beamrun::Value::atom("stop"));
  box = beamrun::Mailbox();
  beamrun::ShutdownStats s = vm.shutdown(std::chrono::seconds(1));
  std::printf("call_ns %lld\nmailbox_ns %lld\n", (long long)median(call_ns), (long long)median(mailbox_ns));
  return s.processes_alive == 0 ? 0 : 1;
}
