// test_embed.cpp - the embedding API (include/beamrun/beamrun.h), through that header alone:
// every call, and the misuse a host can commit. The Erlang side is tests/unit/erlang/embed_probe.erl.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "beamrun/beamrun.h"

using namespace std::chrono_literals;
using beamrun::Outcome;
using beamrun::Value;

namespace {

beamrun::Config test_config() {
  beamrun::Config c;
  c.schedulers = 2;
  c.dirty_cpu_schedulers = 1;
  c.dirty_io_schedulers = 2;
  c.code_path = {BEAMRUN_TEST_BEAM_DIR};
  return c;
}

std::unique_ptr<beamrun::Vm> make_vm(beamrun::Config c = test_config()) {
  auto r = beamrun::Vm::create(c);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return std::move(*r);
}

// Shuts down and checks nothing was left behind.
void expect_clean(beamrun::Vm& vm) {
  beamrun::ShutdownStats s = vm.shutdown(2s);
  EXPECT_EQ(s.processes_alive, 0u);
  EXPECT_EQ(s.timers_pending, 0u);
  EXPECT_EQ(s.binaries_referenced, 0u);
  EXPECT_EQ(s.mailboxes_open, 0u);
  EXPECT_EQ(s.processes_spawned, s.processes_exited);
}

Value ints(std::initializer_list<int64_t> xs) {
  std::vector<Value> v;
  for (int64_t x : xs) v.push_back(Value::integer(x));
  return Value::list(v);
}

}  // namespace

// ---- values ------------------------------------------------------------------------------------

TEST(EmbedValue, BuildsAndReads) {
  Value t = Value::tuple({Value::atom("ok"), Value::binary("bytes"), ints({1, 2, 3})});
  EXPECT_TRUE(t.is_tagged("ok", 3));
  EXPECT_EQ(t[1].text(), "bytes");
  EXPECT_EQ(t[2].size(), 3u);
  EXPECT_EQ(*t[2][2].as_int64(), 3);
  EXPECT_TRUE(Value().is_list() && Value().is_proper_list() && Value().items().empty());
  auto big = Value::integer_from_text("-123456789012345678901234567890");
  ASSERT_TRUE(big);
  EXPECT_FALSE(big->as_int64());
  EXPECT_EQ(big->integer_text(), "-123456789012345678901234567890");
  EXPECT_FALSE(Value::integer_from_text("12x"));
  EXPECT_EQ(*Value::integer_from_text("-42")->as_int64(), -42);
  EXPECT_EQ(Value::charlist("héllo").as_charlist(), "héllo");
  EXPECT_EQ(Value::charlist("abc").size(), 3u);
  Value improper = Value::list({Value::integer(1)}, Value::atom("tail"));
  EXPECT_FALSE(improper.is_proper_list());
  EXPECT_TRUE(improper.tail().is_atom("tail"));
  EXPECT_EQ(Value::list({Value::integer(1)}, ints({2, 3})), ints({1, 2, 3}));
}

TEST(EmbedValue, MapsAreOrderedAndEqualByContent) {
  Value a = Value::map({{Value::atom("b"), Value::integer(2)}, {Value::integer(1), Value::atom("one")}});
  Value b = Value::map({{Value::integer(1), Value::atom("one")}, {Value::atom("b"), Value::integer(2)}});
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.entries().size(), 2u);
  EXPECT_TRUE(a.entries()[0].first.is_integer());  // numbers before atoms
  EXPECT_EQ(*a.find(Value::atom("b"))->as_int64(), 2);
  Value dup = Value::map({{Value::atom("k"), Value::integer(1)}, {Value::atom("k"), Value::integer(2)}});
  EXPECT_EQ(dup.size(), 0u);  // size() is items(): maps have entries
  EXPECT_EQ(dup.entries().size(), 1u);
  EXPECT_EQ(*dup.find(Value::atom("k"))->as_int64(), 2);
  EXPECT_FALSE(Value::integer(1) == Value::float_(1.0));
}

TEST(EmbedValue, JsonRoundTrip) {
  Value::Json j;
  j.v = std::vector<std::pair<std::string, Value::Json>>{
      {"name", Value::Json{std::string("beamrun")}},
      {"n", Value::Json{int64_t(3)}},
      {"tags", Value::Json{std::vector<Value::Json>{Value::Json{true}, Value::Json{}}}}};
  Value v = Value::from_json(j);
  EXPECT_TRUE(v.is_map());
  auto back = v.to_json();
  ASSERT_TRUE(back);
  EXPECT_EQ(Value::from_json(*back), v);
  EXPECT_FALSE(Value::tuple({}).to_json());
}

// ---- calls, outcomes -----------------------------------------------------------------------------

TEST(Embed, CallReturnsAndFormats) {
  auto vm = make_vm();
  Outcome o = vm->call("lists", "reverse", {ints({1, 2, 3})}).wait();
  ASSERT_TRUE(o.returned()) << o.describe();
  EXPECT_EQ(o.value, ints({3, 2, 1}));
  EXPECT_EQ(vm->format(o.value), "[3,2,1]");
  Value big = *Value::integer_from_text("123456789012345678901234567890");
  o = vm->call("erlang", "*", {big, big}).wait();
  ASSERT_TRUE(o.returned());
  EXPECT_EQ(o.value.integer_text(), "15241578753238836750495351562536198787501905199875019052100");
  Value nested = Value::tuple({Value::atom("a"), Value::float_(1.5), Value::binary("x"),
                               Value::map({{Value::atom("k"), Value::charlist("str")}})});
  o = vm->call("embed_probe", "echo", {nested}).wait();
  ASSERT_TRUE(o.returned());
  EXPECT_EQ(o.value, nested);
  EXPECT_EQ(vm->format(nested), "{a,1.5,<<\"x\">>,#{k => \"str\"}}");
  EXPECT_EQ(vm->format(Value::charlist("str"), beamrun::Vm::Format::Plain), "[115,116,114]");
  auto parsed = vm->parse("{ok, [1,2], <<\"b\">>}");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->is_tagged("ok", 3));
  EXPECT_FALSE(vm->parse("{oops"));
  expect_clean(*vm);
}

TEST(Embed, CallRaisesWithClassReasonAndTrace) {
  auto vm = make_vm();
  Outcome o = vm->call("embed_probe", "fail", {Value::atom("error")}).wait();
  ASSERT_EQ(o.kind, Outcome::Kind::Raised);
  EXPECT_TRUE(o.class_.is_atom("error"));
  EXPECT_TRUE(o.reason.is_atom("boom"));
  ASSERT_GE(o.stacktrace.size(), 1u);
  EXPECT_TRUE(o.stacktrace[0][0].is_atom("embed_probe"));
  EXPECT_TRUE(o.stacktrace[0][1].is_atom("fail"));
  o = vm->call("embed_probe", "fail", {Value::atom("throw")}).wait();
  EXPECT_TRUE(o.class_.is_atom("throw") && o.reason.is_atom("ball"));
  o = vm->call("embed_probe", "fail", {Value::atom("exit")}).wait();
  EXPECT_TRUE(o.class_.is_atom("exit") && o.reason.is_atom("bye"));
  o = vm->call("embed_probe", "no_such_function", {}).wait();
  EXPECT_TRUE(o.class_.is_atom("error") && o.reason.is_atom("undef"));
  expect_clean(*vm);
}

TEST(Embed, UnloadedModuleAndBadNamesAreErrors) {
  auto vm = make_vm();
  auto pid = vm->spawn("no_such_module_xyz", "main", {});
  ASSERT_FALSE(pid);
  EXPECT_NE(pid.error().message.find("not found"), std::string::npos);
  Outcome o = vm->call("no_such_module_xyz", "main", {}).wait();
  EXPECT_EQ(o.kind, Outcome::Kind::Raised);
  EXPECT_TRUE(o.reason.is_atom("undef"));
  EXPECT_FALSE(vm->spawn(std::string(300, 'a'), "f", {}));
  EXPECT_FALSE(vm->load_file("/nonexistent/x.beam"));
  std::vector<uint8_t> junk = {'F', 'O', 'R', '1', 0, 0};
  auto bad = vm->load_bytes(junk);
  ASSERT_FALSE(bad);
  EXPECT_FALSE(bad.error().message.empty());
  EXPECT_FALSE(beamrun::Vm::create([] {
                 beamrun::Config c;
                 c.otp_root = "/nonexistent";
                 return c;
               }()));
  expect_clean(*vm);
}

TEST(Embed, LoadsFromBytesAndDirectories) {
  beamrun::Config c = test_config();
  c.code_path.clear();
  c.use_otp_path = false;
  auto vm = make_vm(c);
  std::ifstream in(std::string(BEAMRUN_TEST_BEAM_DIR) + "/embed_probe.beam", std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_FALSE(vm->is_loaded("embed_probe"));
  auto name = vm->load_bytes(bytes);
  ASSERT_TRUE(name) << name.error().message;
  EXPECT_EQ(*name, "embed_probe");
  EXPECT_TRUE(vm->is_loaded("embed_probe"));
  EXPECT_FALSE(vm->load_bytes(bytes));  // loaded already: reload is the way to replace it
  EXPECT_TRUE(vm->call("embed_probe", "echo", {Value::integer(7)}).wait().returned());
  // Without OTP on the path, lists is nowhere.
  EXPECT_EQ(vm->call("embed_probe", "sum", {ints({1})}).wait().kind, Outcome::Kind::Raised);
  expect_clean(*vm);
}

TEST(Embed, OutcomesAreKeptUntilRead) {
  auto vm = make_vm();
  // More than the VM's tombstone ring (4096) of processes end before the host looks.
  std::vector<beamrun::Pid> pids;
  for (int i = 0; i < 5000; ++i) {
    auto p = vm->spawn("embed_probe", "echo", {Value::integer(i)});
    ASSERT_TRUE(p);
    pids.push_back(*p);
  }
  for (int i = 0; i < 5000; ++i) {
    auto o = vm->wait(pids[i], 10s);
    ASSERT_TRUE(o) << i;
    ASSERT_TRUE(o->returned());
    EXPECT_EQ(*o->value.as_int64(), i);
  }
  // Taken: the second look finds only what the VM remembers of the pid.
  auto again = vm->outcome(pids[4999]);
  if (again) {
    EXPECT_EQ(again->kind, Outcome::Kind::Exited);
  }
  expect_clean(*vm);
}

TEST(Embed, HaltEndsEverything) {
  auto vm = make_vm();
  Outcome o = vm->call("erlang", "halt", {Value::integer(3)}).wait();
  EXPECT_EQ(o.kind, Outcome::Kind::Halted);
  EXPECT_EQ(o.halt_status, 3);
  EXPECT_EQ(vm->halted(), 3);
  EXPECT_FALSE(vm->spawn("embed_probe", "echo", {Value::integer(1)}));
  EXPECT_TRUE(vm->shutdown(1s).halted);
}

// ---- sending, mailboxes ----------------------------------------------------------------------------

TEST(Embed, MailboxRequestReply) {
  auto vm = make_vm();
  beamrun::Mailbox box = vm->open_mailbox();
  ASSERT_TRUE(box.valid());
  auto server = vm->spawn("embed_probe", "loop", {});
  ASSERT_TRUE(server);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(vm->send(*server, Value::tuple({Value::atom("ping"), Value::pid(box.pid()), Value::integer(i)})));
    auto reply = box.receive(5s);
    ASSERT_TRUE(reply) << i;
    EXPECT_TRUE(reply->is_tagged("pong", 2));
    EXPECT_EQ(*(*reply)[1].as_int64(), i);
  }
  ASSERT_TRUE(vm->send(*server, Value::atom("stop")));
  auto o = vm->wait(*server, 5s);
  ASSERT_TRUE(o && o->returned());
  EXPECT_TRUE(o->value.is_atom("stopped"));
  EXPECT_FALSE(box.receive(10ms));  // nothing more
  box = beamrun::Mailbox();
  expect_clean(*vm);
}

TEST(Embed, SelectiveReceiveKeepsOrder) {
  auto vm = make_vm();
  beamrun::Mailbox box = vm->open_mailbox();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(vm->send(box.pid(), Value::integer(i)));
  auto three = box.receive_if([](const Value& v) { return v.as_int64() == 3; }, 1s);
  ASSERT_TRUE(three);
  EXPECT_EQ(box.pending(), 4u);
  for (int want : {0, 1, 2, 4}) EXPECT_EQ(*box.receive(1s)->as_int64(), want);
  EXPECT_FALSE(box.receive_if([](const Value&) { return true; }, 20ms));
  box = beamrun::Mailbox();
  expect_clean(*vm);
}

TEST(Embed, SendToDeadPidAndUnknownName) {
  auto vm = make_vm();
  auto p = vm->spawn("embed_probe", "echo", {Value::integer(1)});
  ASSERT_TRUE(p);
  ASSERT_TRUE(vm->wait(*p, 5s));
  EXPECT_FALSE(vm->alive(*p));
  EXPECT_TRUE(vm->send(*p, Value::atom("late")));  // dropped, as in Erlang
  EXPECT_FALSE(vm->send("no_such_name", Value::atom("x")));
  EXPECT_FALSE(vm->whereis("no_such_name"));
  expect_clean(*vm);
}

TEST(Embed, LinkedMailboxTrapsExits) {
  auto vm = make_vm();
  beamrun::Mailbox box = vm->open_mailbox();
  box.trap_exit(true);
  beamrun::SpawnOptions so;
  so.link_to = &box;
  auto p = vm->spawn("embed_probe", "crash_after", {Value::integer(5)}, so);
  ASSERT_TRUE(p);
  auto m = box.receive(5s);
  ASSERT_TRUE(m);
  ASSERT_TRUE(m->is_tagged("EXIT", 3)) << vm->format(*m);
  EXPECT_EQ((*m)[1].as_pid(), *p);
  EXPECT_TRUE((*m)[2].is_tagged("crashed", 2) || (*m)[2].is_tuple());
  EXPECT_FALSE(box.closed());
  auto o = vm->wait(*p, 5s);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->kind, Outcome::Kind::Raised);
  box = beamrun::Mailbox();
  expect_clean(*vm);
}

TEST(Embed, LinkedMailboxWithoutTrapCloses) {
  auto vm = make_vm();
  beamrun::Mailbox box = vm->open_mailbox();
  auto p = vm->spawn("embed_probe", "link_and_crash", {Value::pid(box.pid())});
  ASSERT_TRUE(p);
  ASSERT_TRUE(vm->wait(*p, 5s));
  // The exit signal closes the mailbox even though nobody is reading it.
  for (int i = 0; i < 500 && !box.closed(); ++i) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(box.closed());
  ASSERT_TRUE(box.close_reason());
  EXPECT_TRUE(box.close_reason()->is_tagged("on_purpose", 2) || box.close_reason()->is_tuple());
  EXPECT_FALSE(box.receive(10ms));
  box = beamrun::Mailbox();
  expect_clean(*vm);
}

TEST(Embed, MonitorsBothWays) {
  auto vm = make_vm();
  beamrun::Mailbox box = vm->open_mailbox();
  auto p = vm->spawn("embed_probe", "wait_forever", {});
  ASSERT_TRUE(p);
  Value ref = box.monitor(*p);
  vm->exit(*p, Value::atom("stop_now"));
  auto down = box.receive(5s);
  ASSERT_TRUE(down);
  ASSERT_TRUE(down->is_tagged("DOWN", 5)) << vm->format(*down);
  EXPECT_EQ((*down)[1], ref);
  EXPECT_TRUE((*down)[4].is_atom("stop_now"));
  // A monitor on a dead pid answers noproc at once.
  box.monitor(*p);
  auto noproc = box.receive(5s);
  ASSERT_TRUE(noproc);
  EXPECT_TRUE((*noproc)[4].is_atom("noproc"));
  // An Erlang process watching a mailbox sees it close.
  beamrun::Mailbox watched = vm->open_mailbox();
  beamrun::Call watcher = vm->call("embed_probe", "watch", {Value::pid(watched.pid())});
  std::this_thread::sleep_for(20ms);
  watched = beamrun::Mailbox();
  Outcome o = watcher.wait();
  ASSERT_TRUE(o.returned());
  EXPECT_EQ(vm->format(o.value), "{down,normal}");
  box = beamrun::Mailbox();
  expect_clean(*vm);
}

TEST(Embed, KillIsUntrappable) {
  auto vm = make_vm();
  beamrun::SpawnOptions so;
  so.trap_exit = true;
  auto p = vm->spawn("embed_probe", "wait_forever", {}, so);
  ASSERT_TRUE(p);
  vm->exit(*p, Value::atom("please"));  // trapped: becomes a message
  std::this_thread::sleep_for(20ms);
  EXPECT_TRUE(vm->alive(*p));
  vm->kill(*p);
  auto o = vm->wait(*p, 5s);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->kind, Outcome::Kind::Exited);
  EXPECT_TRUE(o->reason.is_atom("killed"));
  expect_clean(*vm);
}

// ---- natives --------------------------------------------------------------------------------------

TEST(Embed, NativesRegisteredBeforeAndAfterLoading) {
  int host_state = 40;
  beamrun::Config c = test_config();
  c.host_data = &host_state;
  auto vm = make_vm(c);
  // Loaded first: the static call to host:double/1 finds the native when it runs.
  ASSERT_TRUE(vm->load_file(std::string(BEAMRUN_TEST_BEAM_DIR) + "/embed_probe.beam"));
  Outcome before = vm->call("embed_probe", "static_native", {Value::integer(4)}).wait();
  EXPECT_TRUE(before.reason.is_atom("undef"));
  ASSERT_TRUE(vm->register_native("host", "double", 1, [](beamrun::NativeCall& call, std::span<const Value> a) {
    auto n = a[0].as_int64();
    if (!n) return call.badarg();
    return Value::integer(*n * 2);
  }));
  Outcome o = vm->call("embed_probe", "static_native", {Value::integer(21)}).wait();
  ASSERT_TRUE(o.returned()) << o.describe();
  EXPECT_EQ(*o.value.as_int64(), 42);
  o = vm->call("embed_probe", "static_native", {Value::atom("x")}).wait();
  EXPECT_TRUE(o.class_.is_atom("error") && o.reason.is_atom("badarg"));
  // Private data, and the caller's pid.
  ASSERT_TRUE(vm->register_native("host", "state", 0, [](beamrun::NativeCall& call, std::span<const Value>) {
    return Value::tuple({Value::integer(*static_cast<int*>(call.host_data()) + 2), Value::pid(call.self())});
  }));
  beamrun::Call st = vm->call("embed_probe", "call_native", {Value::atom("state"), Value()});
  o = st.wait();
  ASSERT_TRUE(o.returned()) << o.describe();
  EXPECT_EQ(*o.value[0].as_int64(), 42);
  EXPECT_EQ(o.value[1].as_pid(), st.pid());
  // Twice is an error; so is a BIF's name.
  EXPECT_FALSE(vm->register_native("host", "double", 1, [](beamrun::NativeCall&, std::span<const Value>) { return Value(); }));
  EXPECT_FALSE(vm->register_native("erlang", "element", 2, [](beamrun::NativeCall&, std::span<const Value>) { return Value(); }));
  EXPECT_FALSE(vm->register_native("embed_probe", "echo", 1, [](beamrun::NativeCall&, std::span<const Value>) { return Value(); }));
  expect_clean(*vm);
}

TEST(Embed, NativeExceptionsBecomeErlangErrors) {
  auto vm = make_vm();
  ASSERT_TRUE(vm->register_native("host", "boom", 0, [](beamrun::NativeCall&, std::span<const Value>) -> Value {
    throw std::runtime_error("boom from C++");
  }));
  ASSERT_TRUE(vm->register_native("host", "throws", 1, [](beamrun::NativeCall& call, std::span<const Value> a) {
    return call.throw_(a[0]);
  }));
  ASSERT_TRUE(vm->register_native("host", "bad_result", 0, [](beamrun::NativeCall&, std::span<const Value>) {
    return Value::atom(std::string(300, 'z'));
  }));
  Outcome o = vm->call("host", "boom", {}).wait();
  ASSERT_EQ(o.kind, Outcome::Kind::Raised);
  EXPECT_TRUE(o.reason.is_tagged("native_exception", 2));
  EXPECT_EQ(o.reason[1].text(), "boom from C++");
  o = vm->call("embed_probe", "call_native", {Value::atom("throws"), Value::list({Value::atom("ball")})}).wait();
  EXPECT_TRUE(o.class_.is_atom("throw") && o.reason.is_atom("ball"));
  o = vm->call("host", "bad_result", {}).wait();
  EXPECT_TRUE(o.reason.is_tagged("native_bad_result", 2));
  expect_clean(*vm);
}

TEST(Embed, DirtyNativesRunOffTheSchedulers) {
  auto vm = make_vm();
  std::atomic<int> calls{0};
  auto sleepy = [&calls](beamrun::NativeCall&, std::span<const Value> a) {
    std::this_thread::sleep_for(std::chrono::milliseconds(*a[0].as_int64()));
    ++calls;
    return Value::atom("slept");
  };
  ASSERT_TRUE(vm->register_native("host", "io_sleep", 1, sleepy, beamrun::NativeKind::DirtyIo));
  ASSERT_TRUE(vm->register_native("host", "cpu_sleep", 1, sleepy, beamrun::NativeKind::DirtyCpu));
  // Two normal schedulers, two dirty IO threads: four 100 ms IO sleeps finish in about 200 ms,
  // while a normal process still gets answers meanwhile.
  std::vector<beamrun::Call> sleeps;
  for (int i = 0; i < 4; ++i) sleeps.push_back(vm->call("host", "io_sleep", {Value::integer(100)}));
  sleeps.push_back(vm->call("host", "cpu_sleep", {Value::integer(50)}));
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(vm->call("embed_probe", "echo", {Value::integer(i)}).wait_for(1s));
  for (auto& s : sleeps) EXPECT_TRUE(s.wait().value.is_atom("slept"));
  EXPECT_EQ(calls.load(), 5);
  expect_clean(*vm);
}

// ---- output, shutdown, several VMs -------------------------------------------------------------------

TEST(Embed, OutputGoesToTheCallback) {
  std::string out;
  std::mutex m;
  beamrun::Config c = test_config();
  c.stdout_fn = [&](std::string_view s) {
    std::lock_guard<std::mutex> g(m);
    out += s;
  };
  auto vm = make_vm(c);
  ASSERT_TRUE(vm->call("embed_probe", "say", {Value::charlist("hello from erlang")}).wait().returned());
  ASSERT_TRUE(vm->call("erlang", "display", {Value::atom("shown")}).wait().returned());
  vm->shutdown(1s);
  EXPECT_EQ(out, "hello from erlang\nshown\n");
}

TEST(Embed, ShutdownReportsWhatWasLeft) {
  auto vm = make_vm();
  auto waiting = vm->spawn("embed_probe", "wait_forever", {});     // dies of shutdown
  auto stubborn = vm->spawn("embed_probe", "trap_and_ignore", {}); // traps it: killed
  auto holder = vm->spawn("embed_probe", "hold", {});              // holds a big binary
  auto timer = vm->spawn("embed_probe", "timer_to_name", {});      // a timer to a name outlives it
  beamrun::Mailbox box = vm->open_mailbox();
  ASSERT_TRUE(waiting && stubborn && holder && timer);
  std::this_thread::sleep_for(50ms);
  beamrun::ShutdownStats s = vm->shutdown(200ms);
  EXPECT_EQ(s.processes_alive, 1u);
  EXPECT_EQ(s.timers_pending, 1u);
  EXPECT_EQ(s.mailboxes_open, 1u);
  EXPECT_EQ(s.binaries_referenced, 0u);
  EXPECT_GE(s.processes_spawned, 4u);
  EXPECT_EQ(s.processes_spawned, s.processes_exited);
  EXPECT_TRUE(box.closed());
  EXPECT_FALSE(box.receive(1ms));
  EXPECT_FALSE(vm->spawn("embed_probe", "echo", {Value::integer(1)}));
  auto o = vm->outcome(*stubborn);
  ASSERT_TRUE(o);
  EXPECT_TRUE(o->reason.is_atom("killed"));
  // A mailbox handle that outlives the VM is inert, not dangling.
  vm.reset();
  EXPECT_FALSE(box.receive(1ms));
}

TEST(Embed, DestroyingABusyVmIsClean) {
  auto vm = make_vm();
  beamrun::Mailbox box = vm->open_mailbox();
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(vm->spawn("embed_probe", "wait_forever", {}));
  ASSERT_TRUE(vm->spawn("embed_probe", "timer_to_name", {}));
  beamrun::Call pending = vm->call("embed_probe", "wait_forever", {});
  vm.reset();  // ~Vm shuts down
  Outcome o = pending.wait();
  EXPECT_NE(o.kind, Outcome::Kind::Returned);
}

TEST(Embed, TwoVmsInParallelThreads) {
  auto work = [](int base, std::atomic<int>* ok) {
    auto r = beamrun::Vm::create(test_config());
    if (!r) return;
    auto& vm = **r;
    beamrun::Mailbox box = vm.open_mailbox();
    auto server = vm.spawn("embed_probe", "loop", {});
    if (!server) return;
    int good = 0;
    for (int i = 0; i < 2000; ++i) {
      (void)vm.send(*server, Value::tuple({Value::atom("ping"), Value::pid(box.pid()), Value::integer(base + i)}));
      auto m = box.receive(5s);
      if (m && m->is_tagged("pong", 2) && (*m)[1].as_int64() == base + i) ++good;
    }
    (void)vm.send(*server, Value::atom("stop"));
    if (vm.wait(*server, 5s)) ++good;
    box = beamrun::Mailbox();
    auto s = vm.shutdown(2s);
    if (good == 2001 && s.processes_alive == 0 && s.binaries_referenced == 0) ok->fetch_add(1);
  };
  std::atomic<int> ok{0};
  std::thread a(work, 0, &ok), b(work, 100000, &ok);
  a.join();
  b.join();
  EXPECT_EQ(ok.load(), 2);
}

TEST(Embed, LimitsOnProcessesAndAtoms) {
  beamrun::Config c = test_config();
  c.max_processes = 64;
  c.max_atoms = 30000;
  auto vm = make_vm(c);
  // Making atoms from data fails with system_limit at the limit; the VM lives on.
  int made = 0;
  bool limited = false;
  for (int i = 0; i < 40000 && !limited; ++i) {
    Outcome o = vm->call("erlang", "list_to_atom", {Value::charlist("fresh_atom_" + std::to_string(i))}).wait();
    if (o.returned()) {
      ++made;
      continue;
    }
    EXPECT_TRUE(o.reason.is_atom("system_limit")) << vm->format(o.reason);
    limited = true;
  }
  EXPECT_TRUE(limited);
  EXPECT_GT(made, 1000);
  EXPECT_TRUE(vm->call("embed_probe", "echo", {Value::atom("ok")}).wait().returned());
  // Spawning past the process limit is an error value, not a crash.
  int started = 0, refused = 0;
  for (int i = 0; i < 100; ++i) {
    auto p = vm->spawn("embed_probe", "wait_forever", {});
    if (p) {
      ++started;
    } else {
      ++refused;
      EXPECT_NE(p.error().message.find("system_limit"), std::string::npos);
    }
  }
  EXPECT_GT(started, 0);
  EXPECT_GT(refused, 0);
  Outcome o = vm->call("embed_probe", "echo", {Value::integer(1)}).wait();
  EXPECT_TRUE(o.reason.is_atom("system_limit"));
  beamrun::ShutdownStats s = vm->shutdown(2s);
  EXPECT_EQ(s.processes_alive, 0u);
}

TEST(Embed, SandboxedCodeCannotLeave) {
  auto vm = make_vm();
  beamrun::Policy policy = beamrun::Policy::untrusted();
  policy.max_reductions = 2000000;
  ASSERT_TRUE(vm->load_file(std::string(BEAMRUN_TEST_BEAM_DIR) + "/sbx_plugin.beam", policy));
  auto not_allowed = [&](const char* f, std::vector<Value> args, const char* m, const char* fn, int64_t a) {
    Outcome o = vm->call("sbx_plugin", f, args).wait();
    ASSERT_EQ(o.kind, Outcome::Kind::Raised) << f;
    ASSERT_TRUE(o.reason.is_tagged("not_allowed", 2)) << f << ": " << vm->format(o.reason);
    EXPECT_EQ(o.reason[1], Value::tuple({Value::atom(m), Value::atom(fn), Value::integer(a)})) << f;
  };
  not_allowed("static_os", {}, "os", "cmd", 1);                                   // a static call
  not_allowed("static_halt", {}, "erlang", "halt", 0);
  not_allowed("apply_var", {Value::atom("os"), Value::atom("getpid")}, "os", "getpid", 0);  // apply
  not_allowed("make_fun_call", {}, "os", "getpid", 0);                            // a fun
  not_allowed("spawn_os", {}, "os", "cmd", 1);                                    // spawn of an MFA
  // Allowed calls work, and the host's trusted code is unaffected.
  Outcome ok = vm->call("sbx_plugin", "allowed", {ints({1, 2})}).wait();
  ASSERT_TRUE(ok.returned()) << ok.describe();
  EXPECT_EQ(ok.value, ints({2, 1}));
  EXPECT_TRUE(vm->call("os", "getpid", {}).wait().returned());
  // The reduction budget of a process spawned under the policy.
  beamrun::SpawnOptions so;
  so.policy = &policy;
  auto looper = vm->spawn("sbx_plugin", "loop", {Value::integer(0)}, so);
  ASSERT_TRUE(looper);
  auto o = vm->wait(*looper, 30s);
  ASSERT_TRUE(o);
  EXPECT_EQ(vm->format(o->reason), "{sandbox_limit,reductions}");
  // A malformed policy is an error value.
  beamrun::Policy bad;
  bad.deny_modules = {""};
  EXPECT_FALSE(vm->spawn("sbx_plugin", "allowed", {Value()}, [&] {
    beamrun::SpawnOptions s;
    s.policy = &bad;
    return s;
  }()));
  expect_clean(*vm);
}

TEST(Embed, DroppedMailboxIsClosedAtOnce) {
  // Dropping the handle closes the mailbox then and there, even while a scheduler thread or
  // the VM's service thread still holds it (a process is sending to it): a shutdown right
  // after finds no mailbox open.
  for (int round = 0; round < 100; ++round) {
    auto vm = make_vm();
    beamrun::Mailbox box = vm->open_mailbox();
    auto server = vm->spawn("embed_probe", "loop", {});
    ASSERT_TRUE(server);
    for (int i = 0; i < 500; ++i)
      ASSERT_TRUE(vm->send(*server, Value::tuple({Value::atom("ping"), Value::pid(box.pid()), Value::integer(i)})));
    std::this_thread::sleep_for(std::chrono::microseconds(round * 10));
    box = beamrun::Mailbox();
    beamrun::ShutdownStats s = vm->shutdown(2s);
    ASSERT_EQ(s.mailboxes_open, 0u) << "round " << round;
    EXPECT_EQ(s.processes_alive, 0u);
  }
  // And a monitor sees it close with reason normal.
  auto vm = make_vm();
  beamrun::Mailbox box = vm->open_mailbox();
  beamrun::Mailbox watcher = vm->open_mailbox();
  Value ref = watcher.monitor(box.pid());
  EXPECT_FALSE(box.receive(10ms));  // takes the monitor in (a monitor signal still in flight
                                    // when the mailbox closes gets noproc, as in Erlang)
  box = beamrun::Mailbox();
  auto down = watcher.receive(5s);
  ASSERT_TRUE(down && down->is_tagged("DOWN", 5));
  EXPECT_EQ((*down)[1], ref);
  EXPECT_TRUE((*down)[4].is_atom("normal")) << vm->format(*down);
  watcher = beamrun::Mailbox();
  expect_clean(*vm);
}
