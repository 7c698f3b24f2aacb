// echo_server_host.cpp - drives an Erlang request/reply server (echo_server.erl, a gen_server)
// from C++ through a host mailbox, with beamrun's embedding API (include/beamrun/beamrun.h).
//
// It sends {request, From, N, Payload} for N = 1..COUNT (From: the mailbox's pid), and checks
// that every reply is {reply, N, Payload reversed}. Two passes:
//   round trip  one request in flight at a time: send, wait for its reply, send the next
//   pipelined   up to kWindow requests in flight (replies still checked one by one, in order)
// It prints each pass's rate, asks the server how many it answered (a gen_server:call run by
// Vm::call), stops it and sees it go down, and exits 0 only when every reply was right and
// shutdown left nothing behind.
//
//   echo_server [BEAM_DIR [COUNT]]   (BEAM_DIR: where echo_server.beam is; default: the build
//                                     directory's, compiled in as ECHO_SERVER_BEAM_DIR;
//                                     COUNT: requests per pass, default 100000)
#include <beamrun/beamrun.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

#ifndef ECHO_SERVER_BEAM_DIR
#define ECHO_SERVER_BEAM_DIR "."
#endif

using beamrun::Value;
using namespace std::chrono_literals;

namespace {

constexpr int64_t kWindow = 64;

std::string payload_of(int64_t n) { return "payload #" + std::to_string(n) + " of the echo test"; }

Value request(beamrun::Pid from, int64_t n) {
  return Value::tuple({Value::atom("request"), Value::pid(from), Value::integer(n), Value::binary(payload_of(n))});
}

// Whether `reply` is {reply, N, Payload reversed}.
bool right_reply(const Value& reply, int64_t n) {
  if (!reply.is_tagged("reply", 3) || reply[1].as_int64() != n || !reply[2].is_binary()) return false;
  std::string want = payload_of(n);
  std::reverse(want.begin(), want.end());
  return reply[2].text() == want;
}

// One pass: `count` requests with up to `window` in flight; the number of right replies.
int64_t run_pass(beamrun::Vm& vm, beamrun::Mailbox& box, beamrun::Pid server, int64_t count,
                 int64_t window, double* seconds) {
  auto start = std::chrono::steady_clock::now();
  int64_t sent = 0, good = 0;
  for (int64_t n = 1; n <= count; ++n) {
    while (sent < count && sent < n - 1 + window) {
      ++sent;
      if (!vm.send(server, request(box.pid(), sent))) break;
    }
    auto reply = box.receive(5s);
    if (!reply) {
      std::fprintf(stderr, "echo_server: no reply to request %lld\n", (long long)n);
      break;
    }
    if (!right_reply(*reply, n)) {
      std::fprintf(stderr, "echo_server: request %lld: wrong reply %s\n", (long long)n,
                   vm.format(*reply).c_str());
      break;
    }
    ++good;
  }
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return good;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string beam_dir = argc > 1 ? argv[1] : ECHO_SERVER_BEAM_DIR;
  const int64_t count = argc > 2 ? std::atoll(argv[2]) : 100000;

  beamrun::Config config;
  config.schedulers = 2;
  config.code_path = {beam_dir};  // echo_server.beam loads on first use, like OTP's gen_server
  auto created = beamrun::Vm::create(config);
  if (!created) {
    std::fprintf(stderr, "echo_server: %s\n", created.error().message.c_str());
    return 1;
  }
  std::unique_ptr<beamrun::Vm> vm = std::move(*created);

  // echo_server:start() returns {ok, Pid}: the server is not linked to the short-lived caller.
  beamrun::Outcome started = vm->call("echo_server", "start", {}).wait();
  if (!started.returned() || !started.value.is_tagged("ok", 2)) {
    std::fprintf(stderr, "echo_server: start: %s\n",
                 started.returned() ? vm->format(started.value).c_str() : started.describe().c_str());
    return 1;
  }
  beamrun::Pid server = started.value[1].as_pid();

  beamrun::Mailbox box = vm->open_mailbox();
  Value monitor = box.monitor(server);
  bool ok = true;

  double seconds = 0;
  int64_t good = run_pass(*vm, box, server, count, 1, &seconds);
  ok = ok && good == count;
  std::printf("round trip: %lld of %lld replies right, %.3f s, %.0f requests/s\n", (long long)good,
              (long long)count, seconds, good / seconds);
  good = run_pass(*vm, box, server, count, kWindow, &seconds);
  ok = ok && good == count;
  std::printf("pipelined (%lld in flight): %lld of %lld replies right, %.3f s, %.0f requests/s\n",
              (long long)kWindow, (long long)good, (long long)count, seconds, good / seconds);

  // A synchronous gen_server call, made by a VM process that Vm::call starts.
  beamrun::Outcome served = vm->call("echo_server", "served", {Value::pid(server)}).wait();
  if (!served.returned() || served.value.as_int64() != 2 * count) {
    std::fprintf(stderr, "echo_server: served: %s\n",
                 served.returned() ? vm->format(served.value).c_str() : served.describe().c_str());
    ok = false;
  } else {
    std::printf("server answered %s requests\n", vm->format(served.value).c_str());
  }

  // Stop it, and see it go down with reason normal.
  (void)vm->send(server, Value::atom("stop"));
  auto down = box.receive_if([&](const Value& m) { return m.is_tagged("DOWN", 5) && m[1] == monitor; }, 5s);
  if (!down || !(*down)[4].is_atom("normal")) {
    std::fprintf(stderr, "echo_server: the server did not stop normally\n");
    ok = false;
  }

  box = beamrun::Mailbox();  // closed: shutdown counts open mailboxes
  beamrun::ShutdownStats stats = vm->shutdown(2s);
  std::printf("shutdown: %zu processes alive, %zu timers pending, %zu binaries referenced, %zu mailboxes open\n",
              stats.processes_alive, stats.timers_pending, stats.binaries_referenced, stats.mailboxes_open);
  if (stats.processes_alive != 0 || stats.timers_pending != 0 || stats.binaries_referenced != 0 ||
      stats.mailboxes_open != 0) {
    std::fprintf(stderr, "echo_server: shutdown left things behind\n");
    ok = false;
  }
  std::printf("%s\n", ok ? "OK" : "FAILED");
  return ok ? 0 : 1;
}
