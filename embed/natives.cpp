// natives.cpp - native functions the host registers (Vm::register_native).
//
// The interpreter calls natives as plain function pointers, Term (*)(Process*, Term* args),
// with no context. A host native needs one (its std::function, its arity, its VM), so each
// registration takes a slot: slot N's pointer is the thunk instantiated for N, which finds the
// VM through the calling process (Runtime::host_hooks is the Vm::Impl) and calls that VM's
// natives[N]. The thunks are constant code; what a slot means is per VM, so two VMs share
// nothing. Slots are filled once, under natives_mutex, and published by natives_count.
#include <exception>
#include <utility>

#include "bifs/bif_util.h"
#include "embed/embed.h"
#include "embed/term_bridge.h"

namespace beamrun {

namespace {

// Raises the exception a native asked for (or one describing what went wrong) in p.
Term raise_in(Process* p, ExcKind kind, const Value& reason) {
  std::string error;
  Term r = value_to_term(reason, *p, &error);
  if (r == NON_VALUE) {
    kind = ExcKind::Error;
    r = make_tuple_n(p, {p->vm().atoms().intern("native_bad_reason"), make_binary(*p, error.data(), error.size())});
  }
  return p->raise(kind, r);
}

Term error_with_text(Process* p, const char* tag, const std::string& text) {
  Term t = make_tuple_n(p, {p->vm().atoms().intern(tag), make_binary(*p, text.data(), text.size())});
  return p->raise(ExcKind::Error, t);
}

Term call_host_native(Process* p, Term* args, unsigned slot) {
  auto* impl = static_cast<Vm::Impl*>(p->vm().host_hooks());
  const NativeSlot& n = impl->natives[slot];
  if (n.kind != NativeKind::Normal && !p->on_dirty_thread)
    return n.kind == NativeKind::DirtyIo ? go_dirty_io(p) : go_dirty(p);
  std::vector<Value> values;
  values.reserve(n.arity);
  for (unsigned i = 0; i < n.arity; ++i) values.push_back(term_to_value(args[i], *p));
  NativeCall::State st{*impl, p, false, ExcKind::Error, Value()};
  NativeCall call(st);
  Value result;
  try {
    result = n.fn(call, std::span<const Value>(values));
  } catch (const std::exception& e) {
    return error_with_text(p, "native_exception", e.what());
  } catch (...) {
    return error_with_text(p, "native_exception", "unknown C++ exception in " + n.name);
  }
  if (st.raised) return raise_in(p, st.kind, st.reason);
  std::string error;
  Term r = value_to_term(result, *p, &error);
  if (r == NON_VALUE) return error_with_text(p, "native_bad_result", n.name + ": " + error);
  return r;
}

template <unsigned N>
Term thunk(Process* p, Term* args) {
  return call_host_native(p, args, N);
}

template <unsigned... N>
constexpr std::array<BifFn, sizeof...(N)> make_thunks(std::integer_sequence<unsigned, N...>) {
  return {&thunk<N>...};
}

constexpr std::array<BifFn, MAX_HOST_NATIVES> thunks = make_thunks(std::make_integer_sequence<unsigned, MAX_HOST_NATIVES>{});

}  // namespace

BifFn native_thunk(unsigned slot) { return thunks[slot]; }

Result<void> Vm::register_native(std::string_view module, std::string_view function, unsigned arity, NativeFn fn,
                                 NativeKind kind) {
  if (module.empty() || module.size() > 255 || function.empty() || function.size() > 255)
    return Error{"register_native: bad module or function name"};
  if (arity > 255) return Error{"register_native: arity above 255"};
  if (!fn) return Error{"register_native: no function given"};
  std::string name = std::string(module) + ":" + std::string(function) + "/" + std::to_string(arity);
  Impl& im = *impl_;
  if (im.closed) return Error{"register_native: the VM is shut down"};
  std::lock_guard<std::mutex> g(im.natives_mutex);
  unsigned slot = im.natives_count.load(std::memory_order_relaxed);
  if (slot == MAX_HOST_NATIVES) return Error{"register_native: more than " + std::to_string(MAX_HOST_NATIVES) + " natives"};
  AtomTable& atoms = im.vm->atoms();
  Export* e = im.vm->exports().get(atoms.intern(module), atoms.intern(function), arity);
  if (e->bif.load() != nullptr) return Error{name + " is already a native function"};
  if (e->address.load(std::memory_order_acquire) != nullptr)
    return Error{name + " is defined by the loaded module " + std::string(module)};
  im.natives[slot] = NativeSlot{std::move(fn), kind, arity, name};
  im.natives_count.store(slot + 1, std::memory_order_release);
  e->bif.store(native_thunk(slot));  // from here on, calls find it (seq_cst: after the slot)
  return {};
}

// ---- NativeCall --------------------------------------------------------------------------------

Pid NativeCall::self() const { return Pid::from_id(s_.p->pid()); }
void* NativeCall::host_data() const { return s_.vm.config.host_data; }
Vm& NativeCall::vm() const { return *s_.vm.self; }

Value NativeCall::error(Value reason) {
  s_.raised = true;
  s_.kind = ExcKind::Error;
  s_.reason = std::move(reason);
  return Value();
}
Value NativeCall::exit(Value reason) {
  s_.raised = true;
  s_.kind = ExcKind::Exit;
  s_.reason = std::move(reason);
  return Value();
}
Value NativeCall::throw_(Value reason) {
  s_.raised = true;
  s_.kind = ExcKind::Throw;
  s_.reason = std::move(reason);
  return Value();
}

}  // namespace beamrun
