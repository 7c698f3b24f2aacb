// erlang.cpp - native functions of the erlang module: operators, type tests, terms,
// exceptions, halt, display, module information.
#include <cstdio>
#include <cmath>
#include <string>

#include "bifs/bif_util.h"
#include "etf/decode.h"
#include "interp/stacktrace.h"
#include "process/arith.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "term/term_order.h"
#include "term/utf8.h"
#include "text/printer.h"

namespace beamrun {

bool charlist_to_utf8(Term list, std::string* out) {
  out->clear();
  while (is_list(list)) {
    Term c = car(list);
    if (!is_small(c)) return false;
    Sint cp = small_value(c);
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    append_utf8(*out, uint32_t(cp));
    list = cdr(list);
  }
  return is_nil(list);
}

Term utf8_to_charlist(Process* p, std::string_view s) {
  const uint8_t* b = reinterpret_cast<const uint8_t*>(s.data());
  bool valid = utf8_length(b, s.size()) != SIZE_MAX;
  std::vector<Term> cps;
  cps.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = b[i];
    size_t len = valid ? decode_utf8(b + i, s.size() - i, &cp) : 1;
    cps.push_back(make_small(cp));
    i += len;
  }
  return make_list_from(*p, cps.data(), unsigned(cps.size()));
}

namespace {

// ---- operators ----------------------------------------------------------------------------------
Term bif_plus(Process* p, Term* a) { return arith_add(*p, a[0], a[1]); }
Term bif_minus(Process* p, Term* a) { return arith_sub(*p, a[0], a[1]); }
Term bif_times(Process* p, Term* a) { return arith_mul(*p, a[0], a[1]); }
Term bif_fdiv(Process* p, Term* a) { return arith_fdiv(*p, a[0], a[1]); }
Term bif_div(Process* p, Term* a) { return arith_idiv(*p, a[0], a[1]); }
Term bif_rem(Process* p, Term* a) { return arith_rem(*p, a[0], a[1]); }
Term bif_band(Process* p, Term* a) { return arith_band(*p, a[0], a[1]); }
Term bif_bor(Process* p, Term* a) { return arith_bor(*p, a[0], a[1]); }
Term bif_bxor(Process* p, Term* a) { return arith_bxor(*p, a[0], a[1]); }
Term bif_bsl(Process* p, Term* a) { return arith_bsl(*p, a[0], a[1]); }
Term bif_bsr(Process* p, Term* a) { return arith_bsr(*p, a[0], a[1]); }
Term bif_bnot(Process* p, Term* a) { return arith_bnot(*p, a[0]); }
Term bif_neg(Process* p, Term* a) { return arith_neg(*p, a[0]); }
Term bif_uplus(Process* p, Term* a) { return arith_plus(*p, a[0]); }

int cmp(Process* p, Term a, Term b) {
  if (is_small(a) && is_small(b)) return Sint(a) < Sint(b) ? -1 : Sint(a) > Sint(b);
  return compare_terms(a, b, p->vm().atoms(), false);
}
bool exact_eq(Term a, Term b) { return a == b || (!is_immed(a) && !is_immed(b) && eq_exact(a, b)); }
Term bif_eq(Process* p, Term* a) { return make_bool(a[0] == a[1] || eq_arith(a[0], a[1], p->vm().atoms())); }
Term bif_ne(Process* p, Term* a) { return make_bool(!(a[0] == a[1] || eq_arith(a[0], a[1], p->vm().atoms()))); }
Term bif_eeq(Process*, Term* a) { return make_bool(exact_eq(a[0], a[1])); }
Term bif_ene(Process*, Term* a) { return make_bool(!exact_eq(a[0], a[1])); }
Term bif_lt(Process* p, Term* a) { return make_bool(cmp(p, a[0], a[1]) < 0); }
Term bif_le(Process* p, Term* a) { return make_bool(cmp(p, a[0], a[1]) <= 0); }
Term bif_gt(Process* p, Term* a) { return make_bool(cmp(p, a[0], a[1]) > 0); }
Term bif_ge(Process* p, Term* a) { return make_bool(cmp(p, a[0], a[1]) >= 0); }

bool is_bool(Term t) { return t == atom::true_ || t == atom::false_; }
Term bif_and(Process* p, Term* a) {
  if (!is_bool(a[0]) || !is_bool(a[1])) return badarg(p);
  return make_bool(a[0] == atom::true_ && a[1] == atom::true_);
}
Term bif_or(Process* p, Term* a) {
  if (!is_bool(a[0]) || !is_bool(a[1])) return badarg(p);
  return make_bool(a[0] == atom::true_ || a[1] == atom::true_);
}
Term bif_xor(Process* p, Term* a) {
  if (!is_bool(a[0]) || !is_bool(a[1])) return badarg(p);
  return make_bool((a[0] == atom::true_) != (a[1] == atom::true_));
}
Term bif_not(Process* p, Term* a) {
  if (!is_bool(a[0])) return badarg(p);
  return make_bool(a[0] == atom::false_);
}

// ---- type tests ---------------------------------------------------------------------------------
Term bif_is_atom(Process*, Term* a) { return make_bool(is_atom(a[0])); }
Term bif_is_integer(Process*, Term* a) { return make_bool(is_integer(a[0])); }
Term bif_is_float(Process*, Term* a) { return make_bool(is_float(a[0])); }
Term bif_is_number(Process*, Term* a) { return make_bool(is_number(a[0])); }
Term bif_is_list(Process*, Term* a) { return make_bool(is_list(a[0]) || is_nil(a[0])); }
Term bif_is_tuple(Process*, Term* a) { return make_bool(is_tuple(a[0])); }
Term bif_is_binary(Process*, Term* a) { return make_bool(is_binary_term(a[0])); }
Term bif_is_bitstring(Process*, Term* a) { return make_bool(is_bitstring_term(a[0])); }
Term bif_is_boolean(Process*, Term* a) { return make_bool(is_bool(a[0])); }
Term bif_is_pid(Process*, Term* a) { return make_bool(is_local_pid(a[0]) || is_external_pid(a[0])); }
Term bif_is_port(Process*, Term* a) { return make_bool(is_local_port(a[0]) || is_external_port(a[0])); }
Term bif_is_reference(Process*, Term* a) { return make_bool(is_ref(a[0]) || is_external_ref(a[0])); }
Term bif_is_map(Process*, Term* a) { return make_bool(is_map(a[0])); }
Term bif_is_function1(Process*, Term* a) { return make_bool(is_fun(a[0]) || is_export_fun(a[0])); }
Term bif_is_function2(Process* p, Term* a) {
  if (!is_small(a[1]) || small_value(a[1]) < 0) return badarg(p);
  Sint n = small_value(a[1]);
  if (is_fun(a[0])) return make_bool(Sint(fun_entry(a[0])->arity) == n);
  if (is_export_fun(a[0])) return make_bool(Sint(export_fun_entry(a[0])->arity) == n);
  return atom::false_;
}
Term bif_is_record2(Process* p, Term* a) {
  if (!is_atom(a[1])) return badarg(p);
  return make_bool(is_tuple(a[0]) && tuple_arity(a[0]) >= 1 && tuple_element(a[0], 1) == a[1]);
}
Term bif_is_record3(Process* p, Term* a) {
  if (!is_atom(a[1]) || !is_small(a[2])) return badarg(p);
  return make_bool(is_tuple(a[0]) && Sint(tuple_arity(a[0])) == small_value(a[2]) &&
                   tuple_arity(a[0]) >= 1 && tuple_element(a[0], 1) == a[1]);
}

// ---- numbers (abs, float, rounding and conversions: erlang_numbers.cpp) -------------------------
Term bif_min(Process* p, Term* a) { return cmp(p, a[0], a[1]) <= 0 ? a[0] : a[1]; }
Term bif_max(Process* p, Term* a) { return cmp(p, a[0], a[1]) >= 0 ? a[0] : a[1]; }

// ---- tuples and lists ---------------------------------------------------------------------------
Term bif_element(Process* p, Term* a) {
  if (!is_small(a[0]) || !is_tuple(a[1])) return badarg(p);
  Sint i = small_value(a[0]);
  if (i < 1 || Uint(i) > tuple_arity(a[1])) return badarg(p);
  return tuple_element(a[1], Uint(i));
}
Term bif_setelement(Process* p, Term* a) {
  if (!is_small(a[0]) || !is_tuple(a[1])) return badarg(p);
  Sint i = small_value(a[0]);
  Uint n = tuple_arity(a[1]);
  if (i < 1 || Uint(i) > n) return badarg(p);
  Term* t = p->alloc(n + 1);
  std::memcpy(t, boxed_ptr(a[1]), (n + 1) * sizeof(Term));
  t[i] = a[2];
  return make_boxed(t);
}
Term bif_tuple_size(Process* p, Term* a) {
  if (!is_tuple(a[0])) return badarg(p);
  return make_small(Sint(tuple_arity(a[0])));
}
Term bif_size(Process* p, Term* a) {
  if (is_tuple(a[0])) return make_small(Sint(tuple_arity(a[0])));
  if (is_heap_binary(a[0])) return make_small(Sint(heap_binary_size(a[0])));
  return badarg(p);
}
Term bif_length(Process* p, Term* a) {
  Sint n = list_length(a[0]);
  if (n < 0) return badarg(p);
  return make_small(n);
}
Term bif_hd(Process* p, Term* a) { return is_list(a[0]) ? car(a[0]) : badarg(p); }
Term bif_tl(Process* p, Term* a) { return is_list(a[0]) ? cdr(a[0]) : badarg(p); }
Term bif_tuple_to_list(Process* p, Term* a) {
  if (!is_tuple(a[0])) return badarg(p);
  return make_list_from(*p, boxed_ptr(a[0]) + 1, unsigned(tuple_arity(a[0])));
}
Term bif_list_to_tuple(Process* p, Term* a) {
  Sint n = list_length(a[0]);
  if (n < 0) return badarg(p);
  Term* t = p->alloc(Uint(n) + 1);
  t[0] = make_tuple_header(Uint(n));
  Term l = a[0];
  for (Sint i = 1; i <= n; ++i, l = cdr(l)) t[i] = car(l);
  return make_boxed(t);
}
Term make_tuple_filled(Process* p, Term arity, Term fill) {
  if (!is_small(arity) || small_value(arity) < 0 || small_value(arity) > (1 << 24)) return badarg(p);
  Uint n = Uint(small_value(arity));
  Term* t = p->alloc(n + 1);
  t[0] = make_tuple_header(n);
  for (Uint i = 1; i <= n; ++i) t[i] = fill;
  return make_boxed(t);
}
Term bif_make_tuple2(Process* p, Term* a) { return make_tuple_filled(p, a[0], a[1]); }
Term bif_make_tuple3(Process* p, Term* a) {
  Term t = make_tuple_filled(p, a[0], a[1]);
  if (t == NON_VALUE) return t;
  Uint n = tuple_arity(t);
  for (Term l = a[2]; ; l = cdr(l)) {
    if (is_nil(l)) break;
    if (!is_list(l)) return badarg(p);
    Term e = car(l);
    if (!is_tuple(e) || tuple_arity(e) != 2 || !is_small(tuple_element(e, 1))) return badarg(p);
    Sint i = small_value(tuple_element(e, 1));
    if (i < 1 || Uint(i) > n) return badarg(p);
    tuple_element(t, Uint(i)) = tuple_element(e, 2);
  }
  return t;
}
Term bif_append_element(Process* p, Term* a) {
  if (!is_tuple(a[0])) return badarg(p);
  Uint n = tuple_arity(a[0]);
  Term* t = p->alloc(n + 2);
  std::memcpy(t + 1, boxed_ptr(a[0]) + 1, n * sizeof(Term));
  t[0] = make_tuple_header(n + 1);
  t[n + 1] = a[1];
  return make_boxed(t);
}
// erlang:insert_element(Index, Tuple, Term): Index may be one past the end.
Term bif_insert_element(Process* p, Term* a) {
  if (!is_tuple(a[1]) || !is_small(a[0])) return badarg(p);
  Uint n = tuple_arity(a[1]);
  Sint i = small_value(a[0]);
  if (i < 1 || Uint(i) > n + 1) return badarg(p);
  Term* t = p->alloc(n + 2);
  const Term* s = boxed_ptr(a[1]) + 1;
  t[0] = make_tuple_header(n + 1);
  std::memcpy(t + 1, s, Uint(i - 1) * sizeof(Term));
  t[i] = a[2];
  std::memcpy(t + i + 1, s + (i - 1), (n - Uint(i - 1)) * sizeof(Term));
  return make_boxed(t);
}
// erlang:delete_element(Index, Tuple)
Term bif_delete_element(Process* p, Term* a) {
  if (!is_tuple(a[1]) || !is_small(a[0])) return badarg(p);
  Uint n = tuple_arity(a[1]);
  Sint i = small_value(a[0]);
  if (i < 1 || Uint(i) > n) return badarg(p);
  Term* t = p->alloc(n);
  const Term* s = boxed_ptr(a[1]) + 1;
  t[0] = make_tuple_header(n - 1);
  std::memcpy(t + 1, s, Uint(i - 1) * sizeof(Term));
  std::memcpy(t + i, s + i, (n - Uint(i)) * sizeof(Term));
  return make_boxed(t);
}
Term bif_append(Process* p, Term* a) {
  // A ++ B copies A, which must be a proper list.
  Sint n = list_length(a[0]);
  if (n < 0) return badarg(p);
  if (n == 0) return a[1];
  Term* cells = p->alloc(2 * Uint(n));
  Term l = a[0];
  for (Sint i = 0; i < n; ++i, l = cdr(l)) {
    cells[2 * i] = car(l);
    cells[2 * i + 1] = i + 1 < n ? make_list(cells + 2 * (i + 1)) : a[1];
  }
  return make_list(cells);
}
Term bif_subtract(Process* p, Term* a) {
  // A -- B removes, for each element of B, its first occurrence in A.
  Sint na = list_length(a[0]), nb = list_length(a[1]);
  if (na < 0 || nb < 0) return badarg(p);
  std::vector<Term> items;
  items.reserve(size_t(na));
  for (Term l = a[0]; is_list(l); l = cdr(l)) items.push_back(car(l));
  std::vector<bool> removed(items.size(), false);
  for (Term l = a[1]; is_list(l); l = cdr(l)) {
    Term v = car(l);
    for (size_t i = 0; i < items.size(); ++i)
      if (!removed[i] && exact_eq(items[i], v)) { removed[i] = true; break; }
  }
  std::vector<Term> kept;
  for (size_t i = 0; i < items.size(); ++i) if (!removed[i]) kept.push_back(items[i]);
  return make_list_from(*p, kept.data(), unsigned(kept.size()));
}

// ---- atoms and text -----------------------------------------------------------------------------
Term bif_atom_to_list(Process* p, Term* a) {
  if (!is_atom(a[0])) return badarg(p);
  return utf8_to_charlist(p, p->vm().atoms().name(a[0]));
}
Term bif_list_to_atom(Process* p, Term* a) {
  std::string s;
  if (!charlist_to_utf8(a[0], &s)) return badarg(p);
  size_t chars = 0;
  for (Term l = a[0]; is_list(l); l = cdr(l)) ++chars;
  if (chars > 255) return p->bif_error(atom::system_limit);
  Term t = p->vm().atoms().try_intern(s);
  return t == NON_VALUE ? p->bif_error(atom::system_limit) : t;
}
Term bif_list_to_existing_atom(Process* p, Term* a) {
  std::string s;
  if (!charlist_to_utf8(a[0], &s)) return badarg(p);
  Term t = p->vm().atoms().find(s);
  return t == NON_VALUE ? badarg(p) : t;
}

// ---- exceptions and halting ---------------------------------------------------------------------
Term bif_error1(Process* p, Term* a) { return p->raise(ExcKind::Error, a[0]); }
// erlang:error/2,3: a proper list of args stands in for the arity in the top frame.
Term bif_error2(Process* p, Term* a) {
  Term r = p->raise(ExcKind::Error, a[0]);
  if (list_length(a[1]) >= 0) p->set_exc_pc_args(a[1]);
  return r;
}
Term bif_error3(Process* p, Term* a) {
  Term r = p->raise(ExcKind::Error, a[0]);
  if (list_length(a[1]) >= 0) p->set_exc_pc_args(a[1]);
  // The error_info option joins the frame's location.
  for (Term l = a[2]; is_list(l); l = cdr(l)) {
    Term o = car(l);
    if (is_tuple(o) && tuple_arity(o) == 2 && tuple_element(o, 1) == atom::error_info) p->exc_pc_extra = o;
  }
  return r;
}
Term bif_throw(Process* p, Term* a) { return p->raise(ExcKind::Throw, a[0]); }
Term bif_exit1(Process* p, Term* a) { return p->raise(ExcKind::Exit, a[0]); }
// A stacktrace raise/3 accepts: a proper list of {M, F, ArityOrArgs, Loc} or {Fun, Args, Loc}.
bool valid_stacktrace(Term t) {
  if (list_length(t) < 0) return false;
  for (; is_list(t); t = cdr(t)) {
    Term f = car(t);
    if (!is_tuple(f)) return false;
    Uint n = tuple_arity(f);
    if (n == 4) {
      Term a = tuple_element(f, 3);
      if (!is_atom(tuple_element(f, 1)) || !is_atom(tuple_element(f, 2))) return false;
      if (!(is_small(a) && small_value(a) >= 0) && list_length(a) < 0) return false;
      if (list_length(tuple_element(f, 4)) < 0) return false;
    } else if (n == 3) {
      if (list_length(tuple_element(f, 3)) < 0) return false;
    } else {
      return false;
    }
  }
  return true;
}
// erlang:raise/3 returns badarg (does not raise it) when its arguments are invalid.
Term bif_raise3(Process* p, Term* a) {
  ExcKind k = a[0] == atom::error ? ExcKind::Error : a[0] == atom::exit ? ExcKind::Exit
            : a[0] == atom::throw_ ? ExcKind::Throw : ExcKind::None;
  if (k == ExcKind::None || !valid_stacktrace(a[2])) return atom::badarg;
  return p->raise_with_trace(k, a[1], a[2]);
}
Term do_halt(Process* p, Term status) {
  if (is_small(status) && small_value(status) >= 0) return p->halt(int(small_value(status) & 0xFF));
  std::string s;
  if (charlist_to_utf8(status, &s)) {
    s.push_back('\n');
    p->vm().write_output(2, s);
    return p->halt(1);
  }
  return badarg(p);
}
Term bif_halt0(Process* p, Term*) { return p->halt(0); }
Term bif_halt1(Process* p, Term* a) { return do_halt(p, a[0]); }
Term bif_halt2(Process* p, Term* a) { return do_halt(p, a[0]); }

// ---- output and identity ------------------------------------------------------------------------
Term bif_display(Process* p, Term* a) {
  std::string s = display_term(a[0], p->vm().atoms());
  s.push_back('\n');
  p->vm().write_output(1, s);
  return atom::true_;
}
Term bif_self(Process* p, Term*) { return p->pid(); }
Term bif_node(Process*, Term*) { return atom::nonode_nohost; }
// Distribution is not started (beamrun is never a node): false, as erl without -sname/-name.
// Elixir's Node.alive?/0.
Term bif_is_alive(Process*, Term*) { return atom::false_; }
Term bif_node1(Process* p, Term* a) {
  Term t = a[0];
  if (is_external_pid(t) || is_external_port(t) || is_external_ref(t)) return external_node(t);
  if (!is_local_pid(t) && !is_local_port(t) && !is_ref(t)) return badarg(p);
  return atom::nonode_nohost;
}

// ---- module information -------------------------------------------------------------------------
Term fa_list(Process* p, const std::vector<std::pair<Term, uint32_t>>& fas) {
  std::vector<Term> items;
  for (auto& [f, ar] : fas) items.push_back(make_tuple_n(p, {f, make_small(ar)}));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}
Term decode_chunk(Process* p, const std::vector<uint8_t>& etf) {
  if (etf.empty()) return NIL;
  try {
    EtfContext ctx{p->vm().atoms(), *p, {}};
    return decode_etf(etf.data(), etf.size(), ctx);
  } catch (const std::exception&) {
    return NIL;
  }
}
Term module_info_item(Process* p, const Module* m, Term key) {
  if (key == atom::module) return m->name;
  if (key == atom::exports || key == atom::functions) {
    // Both in the order the functions appear in the code, as BEAM gives them.
    std::vector<std::pair<Term, uint32_t>> fas;
    for (const FunctionInfo& f : m->functions) {
      bool exported = key == atom::functions;
      for (const ExportEntry& e : m->exports)
        if (e.function == f.name && e.arity == f.arity) exported = true;
      if (exported) fas.push_back({f.name, f.arity});
    }
    return fa_list(p, fas);
  }
  if (key == atom::attributes) return decode_chunk(p, m->attributes_etf);
  if (key == atom::compile) return decode_chunk(p, m->compile_info_etf);
  if (key == atom::md5) {
    Term* b = p->alloc(heap_binary_words(16));
    b[0] = make_header(heap_binary_words(16) - 1, Subtag::HeapBin);
    b[1] = 16;
    std::memcpy(b + 2, m->md5, 16);
    return make_boxed(b);
  }
  if (key == atom::nifs) return NIL;
  if (key == atom::native) return atom::false_;
  return NON_VALUE;
}
Term bif_get_module_info1(Process* p, Term* a) {
  if (!is_atom(a[0])) return badarg(p);
  const Module* m = p->vm().find_module(a[0]);
  if (!m) return badarg(p);
  Term keys[] = {atom::module, atom::exports, atom::attributes, atom::compile, atom::md5};
  std::vector<Term> items;
  for (Term k : keys) items.push_back(make_tuple_n(p, {k, module_info_item(p, m, k)}));
  return make_list_from(*p, items.data(), unsigned(items.size()));
}
Term bif_get_module_info2(Process* p, Term* a) {
  if (!is_atom(a[0]) || !is_atom(a[1])) return badarg(p);
  const Module* m = p->vm().find_module(a[0]);
  if (!m) return badarg(p);
  Term v = module_info_item(p, m, a[1]);
  return v == NON_VALUE ? badarg(p) : v;
}

}  // namespace

void register_erlang_bifs(Runtime& vm) {
  struct Entry { const char* name; uint32_t arity; BifFn fn; };
  static const Entry entries[] = {
      {"+", 2, bif_plus}, {"-", 2, bif_minus}, {"*", 2, bif_times}, {"/", 2, bif_fdiv},
      {"div", 2, bif_div}, {"rem", 2, bif_rem}, {"band", 2, bif_band}, {"bor", 2, bif_bor},
      {"bxor", 2, bif_bxor}, {"bsl", 2, bif_bsl}, {"bsr", 2, bif_bsr}, {"bnot", 1, bif_bnot},
      {"-", 1, bif_neg}, {"+", 1, bif_uplus},
      {"==", 2, bif_eq}, {"/=", 2, bif_ne}, {"=:=", 2, bif_eeq}, {"=/=", 2, bif_ene},
      {"<", 2, bif_lt}, {"=<", 2, bif_le}, {">", 2, bif_gt}, {">=", 2, bif_ge},
      {"and", 2, bif_and}, {"or", 2, bif_or}, {"xor", 2, bif_xor}, {"not", 1, bif_not},
      {"is_atom", 1, bif_is_atom}, {"is_integer", 1, bif_is_integer}, {"is_float", 1, bif_is_float},
      {"is_number", 1, bif_is_number}, {"is_list", 1, bif_is_list}, {"is_tuple", 1, bif_is_tuple},
      {"is_binary", 1, bif_is_binary}, {"is_bitstring", 1, bif_is_bitstring},
      {"is_boolean", 1, bif_is_boolean}, {"is_pid", 1, bif_is_pid}, {"is_port", 1, bif_is_port},
      {"is_reference", 1, bif_is_reference}, {"is_map", 1, bif_is_map},
      {"is_function", 1, bif_is_function1}, {"is_function", 2, bif_is_function2},
      {"is_record", 2, bif_is_record2}, {"is_record", 3, bif_is_record3},
      {"min", 2, bif_min}, {"max", 2, bif_max},
      {"element", 2, bif_element}, {"setelement", 3, bif_setelement},
      {"tuple_size", 1, bif_tuple_size}, {"size", 1, bif_size}, {"length", 1, bif_length},
      {"hd", 1, bif_hd}, {"tl", 1, bif_tl}, {"tuple_to_list", 1, bif_tuple_to_list},
      {"list_to_tuple", 1, bif_list_to_tuple}, {"make_tuple", 2, bif_make_tuple2},
      {"make_tuple", 3, bif_make_tuple3}, {"append_element", 2, bif_append_element},
      {"insert_element", 3, bif_insert_element}, {"delete_element", 2, bif_delete_element},
      {"++", 2, bif_append}, {"--", 2, bif_subtract}, {"append", 2, bif_append}, {"subtract", 2, bif_subtract},
      {"atom_to_list", 1, bif_atom_to_list}, {"list_to_atom", 1, bif_list_to_atom},
      {"list_to_existing_atom", 1, bif_list_to_existing_atom},
      {"error", 1, bif_error1}, {"error", 2, bif_error2}, {"error", 3, bif_error3},
      {"throw", 1, bif_throw}, {"exit", 1, bif_exit1}, {"raise", 3, bif_raise3},
      {"halt", 0, bif_halt0}, {"halt", 1, bif_halt1}, {"halt", 2, bif_halt2},
      {"display", 1, bif_display}, {"self", 0, bif_self}, {"node", 0, bif_node}, {"node", 1, bif_node1},
      {"is_alive", 0, bif_is_alive},
      {"get_module_info", 1, bif_get_module_info1}, {"get_module_info", 2, bif_get_module_info2},
  };
  for (const Entry& e : entries) vm.register_bif("erlang", e.name, e.arity, e.fn);
}

}  // namespace beamrun
