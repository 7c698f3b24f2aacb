// test_sandbox.cpp - capability sandboxes (loader/sandbox.h): tests/unit/erlang/sbx_plugin.erl
// loaded under SandboxPolicy::untrusted() tries every way out (static calls, apply, funs,
// spawn, gadgets handed to trusted code) and gets error:{not_allowed, {M, F, A}} in its own
// frame; what the policy allows runs; trusted code (sbx_trusted.erl) is unaffected; the reduction
// budget and the heap limit kill with {sandbox_limit, reductions | heap}.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "process/process.h"
#include "text/printer.h"
#include "vm/vm.h"

namespace beamrun {
namespace {

std::vector<uint8_t> read_beam(const std::string& module) {
  std::ifstream in(std::string(BEAMRUN_TEST_BEAM_DIR) + "/" + module + ".beam", std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

class Sandbox : public ::testing::Test {
 protected:
  Sandbox() : vm_(options()) {}
  static VMOptions options() {
    VMOptions o;
    o.code_path = {BEAMRUN_TEST_BEAM_DIR};
    o.schedulers = 2;
    o.dirty_io_schedulers = 1;
    return o;
  }
  // Loads sbx_plugin under untrusted() with these limits (before anything loads it unsandboxed
  // from the code path).
  void load_plugin(uint64_t max_reductions = 0, size_t max_heap_words = 0, std::vector<Term> allow = {}) {
    auto policy = std::make_shared<SandboxPolicy>(SandboxPolicy::untrusted(vm_.atoms()));
    policy->allow_modules = std::move(allow);
    policy->max_reductions = max_reductions;
    policy->max_heap_words = max_heap_words;
    policy_ = policy;
    std::string error;
    Module* m = vm_.load_bytes(read_beam("sbx_plugin"), "sbx_plugin.beam", "sbx_plugin", &error, policy_);
    ASSERT_NE(m, nullptr) << error;
    EXPECT_EQ(m->policy, policy_);
  }
  Term atom(const char* name) { return vm_.atoms().intern(name); }
  // Runs M:F(Args) as a host process (under the policy when `limited`) and describes the
  // outcome: "ok: Value" or "Class: Reason", in ~w syntax.
  std::string run(const char* m, const char* f, std::vector<Term> args = {}, bool limited = false) {
    Process p(vm_, vm_.next_serial());
    if (limited) p.set_sandbox(policy_);
    RunResult r = vm_.call(atom(m), atom(f), args, p);
    last_trace_ = r.kind == RunResult::Kind::Raised ? format_w(r.stacktrace, vm_.atoms()) : "";
    if (r.kind == RunResult::Kind::Returned) return "ok: " + format_w(r.value, vm_.atoms());
    if (r.kind == RunResult::Kind::Halted) return "halted";
    return format_w(r.exc_class, vm_.atoms()) + ": " + format_w(r.value, vm_.atoms());
  }
  // A term the host made, by calling a trusted function (kept alive by `keep_`'s heap).
  Term make(const char* m, const char* f) {
    keep_.push_back(std::make_unique<Process>(vm_, vm_.next_serial()));
    RunResult r = vm_.call(atom(m), atom(f), {}, *keep_.back());
    EXPECT_EQ(r.kind, RunResult::Kind::Returned);
    return r.value;
  }

  VM vm_;
  std::shared_ptr<const SandboxPolicy> policy_;
  std::vector<std::unique_ptr<Process>> keep_;
  std::string last_trace_;
};

TEST_F(Sandbox, PolicyRules) {
  SandboxPolicy p = SandboxPolicy::untrusted(vm_.atoms());
  EXPECT_FALSE(p.allows(atom("os"), atom("cmd"), 1));
  EXPECT_FALSE(p.allows(atom("erlang"), atom("halt"), 0));
  EXPECT_FALSE(p.allows(atom("erlang"), atom("halt"), 2));
  EXPECT_FALSE(p.allows(atom("erlang"), atom("open_port"), 2));
  EXPECT_TRUE(p.allows(atom("erlang"), atom("element"), 2));
  EXPECT_TRUE(p.allows(atom("lists"), atom("reverse"), 1));
  p.allow_modules = {atom("lists")};
  EXPECT_TRUE(p.allows(atom("lists"), atom("reverse"), 1));
  EXPECT_TRUE(p.allows(atom("erlang"), atom("+"), 2));  // erlang stays callable
  EXPECT_FALSE(p.allows(atom("maps"), atom("get"), 2));
  EXPECT_FALSE(p.allows(atom("erlang"), atom("halt"), 1));  // the deny lists still apply
  EXPECT_TRUE(p.allows_from(atom("maps"), atom("maps"), atom("get"), 2));  // its own module
}

TEST_F(Sandbox, PolicyFromNames) {
  std::string error;
  SandboxPolicy::Names names;
  names.deny_modules = {"os"};
  names.deny_functions = {"erlang:halt", "erlang:open_port/2", "erlang:'/'/2"};
  auto p = SandboxPolicy::from_names(names, vm_.atoms(), &error);
  ASSERT_TRUE(p) << error;
  EXPECT_FALSE(p->allows(atom("os"), atom("getpid"), 0));
  EXPECT_FALSE(p->allows(atom("erlang"), atom("halt"), 1));
  EXPECT_FALSE(p->allows(atom("erlang"), atom("open_port"), 2));
  EXPECT_TRUE(p->allows(atom("erlang"), atom("open_port"), 1));
  EXPECT_FALSE(p->allows(atom("erlang"), atom("/"), 2));  // 'quoted' as in Erlang
  EXPECT_TRUE(p->allows(atom("erlang"), atom("/"), 1));
  names.deny_functions = {"halt"};
  EXPECT_FALSE(SandboxPolicy::from_names(names, vm_.atoms(), &error));
  EXPECT_NE(error.find("halt"), std::string::npos);
  // untrusted() is its names.
  SandboxPolicy::Names u = SandboxPolicy::untrusted_names();
  EXPECT_NE(std::find(u.deny_functions.begin(), u.deny_functions.end(), "erlang:halt"), u.deny_functions.end());
  EXPECT_NE(std::find(u.deny_functions.begin(), u.deny_functions.end(), "erlang:load_nif/2"), u.deny_functions.end());
  EXPECT_EQ(SandboxPolicy::untrusted(vm_.atoms()).deny_modules.size(), u.deny_modules.size());
}

TEST_F(Sandbox, StaticCallsRaiseInTheCaller) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "static_os"), "error: {not_allowed,{os,cmd,1}}");
  EXPECT_EQ(last_trace_.rfind("[{sbx_plugin,static_os,0,", 0), 0u) << last_trace_;
  EXPECT_EQ(run("sbx_plugin", "static_halt"), "error: {not_allowed,{erlang,halt,0}}");
  EXPECT_EQ(run("sbx_plugin", "caught"), "ok: {caught,{not_allowed,{os,getpid,0}}}");
}

TEST_F(Sandbox, AllowedCallsWork) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "allowed", {NIL}), "ok: []");
  EXPECT_EQ(run("sbx_plugin", "self_call", {NIL}), "ok: []");
}

TEST_F(Sandbox, AllowListLimitsModules) {
  load_plugin(0, 0, {atom("lists")});
  EXPECT_EQ(run("sbx_plugin", "allowed", {NIL}), "ok: []");        // lists
  EXPECT_EQ(run("sbx_plugin", "self_call", {NIL}), "ok: []");      // itself
  EXPECT_EQ(run("sbx_plugin", "decode", {make("sbx_trusted", "seven_bytes")}), "ok: {decoded,7}");  // erlang
  EXPECT_EQ(run("sbx_plugin", "apply3", {atom("maps"), atom("new"), NIL}), "error: {not_allowed,{maps,new,0}}");
  EXPECT_EQ(run("sbx_plugin", "static_os"), "error: {not_allowed,{os,cmd,1}}");
}

TEST_F(Sandbox, ApplyIsChecked) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "apply3", {atom("os"), atom("getpid"), NIL}), "error: {not_allowed,{os,getpid,0}}");
  EXPECT_EQ(run("sbx_plugin", "apply_var", {atom("os"), atom("getpid")}), "error: {not_allowed,{os,getpid,0}}");
  EXPECT_EQ(run("sbx_plugin", "apply_var", {atom("erlang"), atom("halt")}), "error: {not_allowed,{erlang,halt,0}}");
  EXPECT_EQ(run("sbx_plugin", "apply_apply"), "error: {not_allowed,{os,getpid,0}}");
  EXPECT_EQ(run("sbx_plugin", "apply_var", {atom("erlang"), atom("self")}).rfind("ok: <", 0), 0u);
}

TEST_F(Sandbox, FunsAreChecked) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "make_fun_call"), "error: {not_allowed,{os,getpid,0}}");
  Term f = make("sbx_trusted", "pid_fun");
  EXPECT_EQ(run("sbx_plugin", "call_fun", {f}), "error: {not_allowed,{os,getpid,0}}");
  EXPECT_EQ(run("sbx_plugin", "apply_fun", {f}), "error: {not_allowed,{os,getpid,0}}");
  // A closure trusted code made runs trusted code.
  Term c = make("sbx_trusted", "closure");
  EXPECT_EQ(run("sbx_plugin", "trusted_closure", {c}).rfind("ok: [", 0), 0u);
}

TEST_F(Sandbox, SpawnIsChecked) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "spawn_os"), "error: {not_allowed,{os,cmd,1}}");
  EXPECT_EQ(run("sbx_plugin", "spawn_mfa", {atom("os"), atom("getpid")}), "error: {not_allowed,{os,getpid,0}}");
  EXPECT_EQ(run("sbx_plugin", "spawn_mfa", {atom("erlang"), atom("halt")}), "error: {not_allowed,{erlang,halt,0}}");
  EXPECT_EQ(run("sbx_plugin", "spawn_fun", {make("sbx_trusted", "pid_fun")}), "error: {not_allowed,{os,getpid,0}}");
  EXPECT_EQ(run("sbx_plugin", "spawn_mfa", {atom("erlang"), atom("self")}).rfind("ok: <", 0), 0u);
}

TEST_F(Sandbox, ExportFunsForTrustedCodeAreRefused) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "hof_gadget"), "error: {not_allowed,{erlang,apply,3}}");
  EXPECT_EQ(run("sbx_plugin", "hof_denied"), "error: {not_allowed,{os,getenv,1}}");
  // As for undef: the refused function with its arguments on top, then its trusted caller.
  EXPECT_EQ(last_trace_.rfind("[{os,getenv,[[72,79,77,69]],[]},{lists,map,2,", 0), 0u) << last_trace_;
}

TEST_F(Sandbox, BinaryToTermCannotForgeFuns) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "forge"), "error: {not_allowed,{os,getpid,0}}");
  // The bytes of fun os:getpid/0 and of 7, made by trusted code (term_to_binary).
  Term fun_bytes = make("sbx_trusted", "pid_fun_bytes");
  Term seven_bytes = make("sbx_trusted", "seven_bytes");
  EXPECT_EQ(run("sbx_plugin", "forge_tail", {fun_bytes}), "error: {not_allowed,{os,getpid,0}}");
  EXPECT_EQ(run("sbx_plugin", "forge_tail", {seven_bytes}), "ok: 7");
  EXPECT_EQ(run("sbx_plugin", "decode", {seven_bytes}), "ok: {decoded,7}");
  EXPECT_EQ(run("sbx_plugin", "apply_decode", {seven_bytes}), "error: {not_allowed,{erlang,binary_to_term,1}}");
}

TEST_F(Sandbox, TrustedCodeIsUnaffected) {
  load_plugin();
  EXPECT_EQ(run("sbx_plugin", "static_os"), "error: {not_allowed,{os,cmd,1}}");
  EXPECT_EQ(run("sbx_trusted", "getpid").rfind("ok: [", 0), 0u);
}

TEST_F(Sandbox, ReductionBudgetKills) {
  load_plugin(200000, 0);
  EXPECT_EQ(run("sbx_plugin", "loop", {make_small(0)}, true), "exit: {sandbox_limit,reductions}");
  // A process spawned by a sandboxed one inherits the limits.
  Term f = make("sbx_trusted", "plugin_loop");
  EXPECT_EQ(run("sbx_plugin", "child_outcome", {f}, true), "ok: {sandbox_limit,reductions}");
}

// The host's way in: VM::spawn with SpawnSettings::policy (what the embedding API calls).
TEST_F(Sandbox, SpawnOptionsCarryThePolicy) {
  load_plugin(100000, 0);
  keep_.push_back(std::make_unique<Process>(vm_, vm_.next_serial()));
  Process& host = *keep_.back();
  Term* cell = host.alloc(2);
  cell[0] = make_small(0);
  cell[1] = NIL;
  Term args[3] = {atom("sbx_plugin"), atom("loop"), make_list(cell)};
  SpawnSettings opts;
  opts.policy = policy_;
  Term pid = vm_.spawn(nullptr, vm_.apply3_code(), args, 3, opts);
  ASSERT_NE(pid, NON_VALUE);
  Term reason = NON_VALUE;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!vm_.exit_reason(pid, host, &reason) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ASSERT_NE(reason, NON_VALUE) << "still running";
  EXPECT_EQ(format_w(reason, vm_.atoms()), "{sandbox_limit,reductions}");
}

TEST_F(Sandbox, HeapLimitKills) {
  load_plugin(0, 200000);
  EXPECT_EQ(run("sbx_plugin", "grow", {NIL}, true), "exit: {sandbox_limit,heap}");
  Term f = make("sbx_trusted", "plugin_grow");
  EXPECT_EQ(run("sbx_plugin", "child_outcome", {f}, true), "ok: {sandbox_limit,heap}");
}

}  // namespace
}  // namespace beamrun
