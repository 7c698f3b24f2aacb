// workflow_host.cpp - a workflow runner on beamrun's embedding API (include/beamrun/beamrun.h).
//
// The host starts one workflow process per request (workflow.erl). Each workflow runs its steps
// in linked activity processes (activity.erl) that call two natives of this program:
//   host:fetch/1     DirtyIo:  sleeps a few milliseconds, as a network call would, and returns
//                    bytes made from the URL
//   host:checksum/1  DirtyCpu: Adler-32 of the bytes
// A flaky step crashes on its first (request mod 3) attempts and the workflow restarts it;
// request 7's flaky step always crashes, so it runs out of restarts and fails; request 13 hangs
// in its last step until the host cancels it with exit(Pid, cancel), which must also take its
// linked activity down. Every event reaches one host mailbox; the host prints a summary (the
// same every run) and exits 0 only when every expected outcome arrived and shutdown left
// nothing behind.
//
//   workflow [BEAM_DIR]    (BEAM_DIR: where workflow.beam and activity.beam are; default: the
//                           build directory's, compiled in as WORKFLOW_BEAM_DIR)
#include <beamrun/beamrun.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#ifndef WORKFLOW_BEAM_DIR
#define WORKFLOW_BEAM_DIR "."
#endif

using beamrun::Value;
using namespace std::chrono_literals;

namespace {

constexpr int kRequests = 20;
constexpr int kAlwaysFails = 7;   // its flaky step crashes on every attempt
constexpr int kCancelled = 13;    // hangs in its last step until the host cancels it
constexpr int kMaxRestarts = 3;   // workflow.erl's ?MAX_RESTARTS
constexpr size_t kFetchBytes = 4096;

// What the natives share, per VM: Config::host_data points here (no globals).
struct HostState {
  std::atomic<uint64_t> fetch_calls{0};
  std::atomic<uint64_t> checksum_calls{0};
  std::atomic<uint64_t> bytes_summed{0};
};

// The bytes a fetch of `url` returns: the same for the same URL.
std::string fetch_bytes(const std::string& url) {
  uint32_t h = 2166136261u;  // FNV-1a of the URL seeds a linear congruential generator
  for (unsigned char c : url) h = (h ^ c) * 16777619u;
  std::string out(kFetchBytes, '\0');
  for (char& c : out) {
    h = h * 1664525u + 1013904223u;
    c = static_cast<char>(h >> 24);
  }
  return out;
}

uint32_t adler32(std::string_view bytes) {
  uint32_t a = 1, s = 0;
  for (unsigned char c : bytes) {
    a = (a + c) % 65521;
    s = (s + a) % 65521;
  }
  return (s << 16) | a;
}

std::string url_of(int req) { return "https://example.invalid/orders/" + std::to_string(req); }

// The steps of request `req`, as workflow:run/3 takes them.
Value steps_for(int req) {
  std::vector<Value> steps = {Value::atom("fetch"), Value::atom("checksum")};
  Value crashes = req == kAlwaysFails ? Value::atom("always") : Value::integer(req % 3);
  steps.push_back(Value::tuple({Value::atom("flaky"), crashes}));
  if (req == kCancelled) steps.push_back(Value::atom("hang"));
  return Value::list(steps);
}

bool register_natives(beamrun::Vm& vm) {
  // host:fetch(Url) on a dirty IO thread: it blocks (sleeps), and no scheduler waits for it.
  auto fetch = vm.register_native(
      "host", "fetch", 1,
      [](beamrun::NativeCall& call, std::span<const Value> args) -> Value {
        if (!args[0].is_binary()) return call.badarg();
        auto* state = static_cast<HostState*>(call.host_data());
        state->fetch_calls++;
        std::this_thread::sleep_for(3ms);
        return Value::binary(fetch_bytes(args[0].text()));
      },
      beamrun::NativeKind::DirtyIo);
  // host:checksum(Bytes) on a dirty CPU thread: a computation over all the bytes.
  auto checksum = vm.register_native(
      "host", "checksum", 1,
      [](beamrun::NativeCall& call, std::span<const Value> args) -> Value {
        if (!args[0].is_binary()) return call.error(Value::tuple({Value::atom("not_bytes"), args[0]}));
        auto* state = static_cast<HostState*>(call.host_data());
        state->checksum_calls++;
        state->bytes_summed += args[0].text().size();
        return Value::integer(adler32(args[0].text()));
      },
      beamrun::NativeKind::DirtyCpu);
  if (!fetch || !checksum) {
    std::fprintf(stderr, "workflow: register_native: %s\n",
                 (!fetch ? fetch.error() : checksum.error()).message.c_str());
    return false;
  }
  return true;
}

// What the host learned about one request.
struct Request {
  beamrun::Pid pid;
  std::string end;          // completed, failed, cancelled
  std::string failed_step;  // failed, cancelled: where
  Value end_reason;         // failed, cancelled: why
  int restarts = 0;
  std::map<std::string, Value> summaries;  // step -> summary
  std::map<std::string, int> attempts;     // step -> attempts started
  beamrun::Pid hang_activity;
};

}  // namespace

int main(int argc, char** argv) {
  const std::string beam_dir = argc > 1 ? argv[1] : WORKFLOW_BEAM_DIR;

  HostState state;
  // The VM reports every process that dies of an uncaught error on its standard error
  // ("=ERROR REPORT==== ..."); the crashes here are on purpose, so collect them instead (the
  // callback runs on VM threads: it only appends, under a lock).
  std::mutex log_mutex;
  std::string error_log;
  beamrun::Config config;
  config.stderr_fn = [&](std::string_view bytes) {
    std::lock_guard<std::mutex> lock(log_mutex);
    error_log += bytes;
  };
  config.schedulers = 2;
  config.dirty_cpu_schedulers = 2;
  config.dirty_io_schedulers = 4;
  config.host_data = &state;
  auto created = beamrun::Vm::create(config);
  if (!created) {
    std::fprintf(stderr, "workflow: %s\n", created.error().message.c_str());
    return 1;
  }
  std::unique_ptr<beamrun::Vm> vm = std::move(*created);

  if (!register_natives(*vm)) return 1;
  auto loaded = vm->load_dir(beam_dir);
  if (!loaded) {
    std::fprintf(stderr, "workflow: %s\n", loaded.error().message.c_str());
    return 1;
  }

  beamrun::Mailbox box = vm->open_mailbox();
  std::map<int, Request> requests;
  std::map<uint64_t, int> request_of;  // workflow pid -> request
  for (int req = 1; req <= kRequests; ++req) {
    auto pid = vm->spawn("workflow", "run", {Value::pid(box.pid()), Value::integer(req), steps_for(req)});
    if (!pid) {
      std::fprintf(stderr, "workflow: spawn: %s\n", pid.error().message.c_str());
      return 1;
    }
    requests[req].pid = *pid;
    request_of[pid->id()] = req;
  }

  // Read events until every request has ended and the cancelled one's monitors fired.
  int ended = 0;
  Value wf_monitor, act_monitor;
  std::optional<Value> wf_down, act_down;  // the cancelled workflow's and activity's DOWN reasons
  bool problems = false;
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (ended < kRequests || !wf_down || !act_down) {
    if (std::chrono::steady_clock::now() > deadline) {
      std::fprintf(stderr, "workflow: timed out with %d of %d requests ended\n", ended, kRequests);
      return 1;
    }
    auto m = box.receive(1s);
    if (!m) continue;
    const Value& msg = *m;
    if (msg.is_tagged("DOWN", 5)) {
      if (msg[1] == wf_monitor) {
        wf_down = msg[4];
      } else if (msg[1] == act_monitor) {
        act_down = msg[4];
      }
      continue;
    }
    if (!msg.is_tuple() || msg.size() < 2 || !msg[1].is_integer() || !requests.count(*msg[1].as_int64())) {
      std::fprintf(stderr, "workflow: unexpected message %s\n", vm->format(msg).c_str());
      problems = true;
      continue;
    }
    int req = static_cast<int>(*msg[1].as_int64());
    Request& r = requests[req];
    if (msg.is_tagged("activity", 5)) {
      r.attempts[msg[2].text()]++;
      if (req == kCancelled && msg[2].is_atom("hang")) {
        // It is running, and hangs: cancel it from the host. Watch both go down first.
        r.hang_activity = msg[4].as_pid();
        wf_monitor = box.monitor(r.pid);
        act_monitor = box.monitor(r.hang_activity);
        vm->exit(r.pid, Value::atom("cancel"));
      }
    } else if (msg.is_tagged("step", 5)) {
      r.summaries[msg[2].text()] = msg[4];
    } else if (msg.is_tagged("restart", 5)) {
      r.restarts++;
    } else if (msg.is_tagged("completed", 3)) {
      r.end = "completed";
      ++ended;
    } else if (msg.is_tagged("failed", 4) || msg.is_tagged("cancelled", 4)) {
      r.end = msg[0].text();
      r.failed_step = msg[2].text();
      r.end_reason = msg[3];
      ++ended;
    } else if (!msg.is_tagged("started", 3)) {
      std::fprintf(stderr, "workflow: unexpected message %s\n", vm->format(msg).c_str());
      problems = true;
    }
  }

  // Each workflow's own outcome, as the host sees it.
  std::map<int, beamrun::Outcome> outcomes;
  for (auto& [req, r] : requests) {
    auto o = vm->wait(r.pid, 5s);
    if (!o) {
      std::fprintf(stderr, "workflow: request %d did not end\n", req);
      return 1;
    }
    outcomes[req] = *o;
  }

  // The summary, in request order, and the checks.
  int completed = 0, failed = 0, cancelled = 0, restarts = 0, expected_restarts = 0;
  auto check = [&problems](bool ok, int req, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "workflow: request %d: %s\n", req, what);
      problems = true;
    }
  };
  auto text = [&vm](const Value* v) { return v ? vm->format(*v) : std::string("?"); };
  for (auto& [req, r] : requests) {
    const beamrun::Outcome& o = outcomes[req];
    restarts += r.restarts;
    std::string bytes = fetch_bytes(url_of(req));
    const Value* fetched = r.summaries.count("fetch") ? &r.summaries["fetch"] : nullptr;
    const Value* sum = r.summaries.count("checksum") ? &r.summaries["checksum"] : nullptr;
    check(fetched && fetched->as_int64() == int64_t(bytes.size()), req, "fetch summary");
    check(sum && sum->as_int64() == int64_t(adler32(bytes)), req, "checksum summary");
    if (req == kAlwaysFails) {
      expected_restarts += kMaxRestarts;
      ++failed;
      check(r.end == "failed" && r.failed_step == "flaky", req, "should fail at flaky");
      check(r.restarts == kMaxRestarts && r.attempts["flaky"] == kMaxRestarts + 1, req, "restarts");
      check(o.kind == beamrun::Outcome::Kind::Raised && o.reason.is_tagged("restart_limit", 3), req,
            "outcome should be exit {restart_limit, ...}");
      std::printf("request %2d: failed     at flaky after %d restarts: %s\n", req, r.restarts,
                  vm->format(r.end_reason, beamrun::Vm::Format::Plain).c_str());
    } else if (req == kCancelled) {
      expected_restarts += req % 3;
      ++cancelled;
      check(r.end == "cancelled" && r.failed_step == "hang", req, "should be cancelled in hang");
      check(r.end_reason.is_atom("cancel"), req, "cancel reason");
      check(wf_down->is_atom("cancel"), req, "workflow DOWN reason should be cancel");
      check(act_down->is_atom("cancel"), req, "activity DOWN reason should be cancel");
      check(!vm->alive(r.hang_activity), req, "activity still alive");
      check(o.reason.is_atom("cancel"), req, "outcome reason should be cancel");
      std::printf("request %2d: cancelled  in hang after %d restarts; workflow down: %s, activity down: %s\n",
                  req, r.restarts, vm->format(*wf_down).c_str(), vm->format(*act_down).c_str());
    } else {
      expected_restarts += req % 3;
      ++completed;
      const Value* flaky = r.summaries.count("flaky") ? &r.summaries["flaky"] : nullptr;
      check(r.end == "completed", req, "should complete");
      check(r.restarts == req % 3 && flaky && flaky->as_int64() == req % 3 + 1, req, "flaky attempts");
      check(o.returned() && o.value.is_tagged("completed", 2), req, "outcome should be {completed, Req}");
      std::printf("request %2d: completed  fetch %s bytes, checksum %s, flaky ok on attempt %s (%d restarts)\n",
                  req, text(fetched).c_str(), text(sum).c_str(), text(flaky).c_str(), r.restarts);
    }
  }
  std::printf("totals: %d completed, %d failed, %d cancelled, %d restarts\n", completed, failed,
              cancelled, restarts);
  std::printf("natives: fetch %llu calls, checksum %llu calls over %llu bytes\n",
              (unsigned long long)state.fetch_calls.load(), (unsigned long long)state.checksum_calls.load(),
              (unsigned long long)state.bytes_summed.load());
  if (completed != kRequests - 2 || failed != 1 || cancelled != 1 || restarts != expected_restarts) {
    std::fprintf(stderr, "workflow: expected %d completed, 1 failed, 1 cancelled, %d restarts\n",
                 kRequests - 2, expected_restarts);
    problems = true;
  }
  size_t crash_reports = 0;
  {
    std::lock_guard<std::mutex> lock(log_mutex);
    for (size_t at = error_log.find("=ERROR REPORT"); at != std::string::npos;
         at = error_log.find("=ERROR REPORT", at + 1)) {
      ++crash_reports;
    }
  }
  // Every restart follows a crash, and the failed request's last attempt crashed too.
  std::printf("crash reports on the VM's stderr: %zu\n", crash_reports);
  if (crash_reports != size_t(expected_restarts) + 1) {
    std::fprintf(stderr, "workflow: expected %d crash reports\n", expected_restarts + 1);
    problems = true;
  }
  if (state.fetch_calls != kRequests || state.checksum_calls != kRequests) {
    std::fprintf(stderr, "workflow: expected %d calls of each native\n", kRequests);
    problems = true;
  }

  box = beamrun::Mailbox();  // closed: shutdown counts open mailboxes
  beamrun::ShutdownStats stats = vm->shutdown(2s);
  std::printf("shutdown: %zu processes alive, %zu timers pending, %zu binaries referenced, "
              "%zu mailboxes open, %llu processes spawned\n",
              stats.processes_alive, stats.timers_pending, stats.binaries_referenced,
              stats.mailboxes_open, (unsigned long long)stats.processes_spawned);
  if (stats.processes_alive != 0 || stats.timers_pending != 0 || stats.binaries_referenced != 0 ||
      stats.mailboxes_open != 0) {
    std::fprintf(stderr, "workflow: shutdown left things behind\n");
    problems = true;
  }
  std::printf("%s\n", problems ? "FAILED" : "OK");
  return problems ? 1 : 0;
}
