// erlang_time.cpp - clocks and time units: erlang:monotonic_time, system_time, time_offset,
// convert_time_unit, timestamp, date/time, and their os: counterparts.
//
// The native unit is the nanosecond, as BEAM's on Linux. Monotonic time starts near the
// bottom of the small-integer range (as BEAM's does) and only grows; system time is the wall
// clock. Conversions round towards negative infinity, as erlang:convert_time_unit does.
#include <chrono>
#include <ctime>

#include "bifs/bif_util.h"
#include "process/arith.h"
#include "term/bignum.h"

namespace beamrun {

namespace {

constexpr Sint NANOS_PER_SECOND = 1000000000;

int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
int64_t system_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
int64_t monotonic_ns(Process* p) { return MIN_SMALL / 2 + (steady_ns() - p->vm().start_ns()); }

// Parts per second of a time unit term, or 0 for something that is not a unit.
Sint unit_hz(Process* p, Term unit) {
  if (is_small(unit) && small_value(unit) > 0) return small_value(unit);
  if (!is_atom(unit)) return 0;
  std::string_view n = p->vm().atoms().name(unit);
  if (n == "second" || n == "seconds") return 1;
  if (n == "millisecond" || n == "milli_seconds") return 1000;
  if (n == "microsecond" || n == "micro_seconds") return 1000000;
  if (n == "nanosecond" || n == "nano_seconds" || n == "native" || n == "perf_counter") return NANOS_PER_SECOND;
  return 0;
}

__int128 floor_div(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Term convert(Process* p, __int128 t, Sint from_hz, Sint to_hz) {
  return make_integer_i128(*p, floor_div(t * to_hz, from_hz));
}

Term in_unit(Process* p, int64_t ns, Term unit) {
  Sint hz = unit_hz(p, unit);
  if (hz == 0) return badarg(p);
  return convert(p, ns, NANOS_PER_SECOND, hz);
}

Term bif_monotonic0(Process* p, Term*) { return make_integer_i128(*p, monotonic_ns(p)); }
Term bif_monotonic1(Process* p, Term* a) { return in_unit(p, monotonic_ns(p), a[0]); }
Term bif_system0(Process* p, Term*) { return make_integer_i128(*p, system_ns()); }
Term bif_system1(Process* p, Term* a) { return in_unit(p, system_ns(), a[0]); }
Term bif_offset0(Process* p, Term*) { return make_integer_i128(*p, system_ns() - monotonic_ns(p)); }
Term bif_offset1(Process* p, Term* a) { return in_unit(p, system_ns() - monotonic_ns(p), a[0]); }
Term bif_perf0(Process* p, Term*) { return make_integer_i128(*p, steady_ns()); }
Term bif_perf1(Process* p, Term* a) { return in_unit(p, steady_ns(), a[0]); }

// A time unit as an integer term (parts per second): a positive integer of any size, or a
// unit's name. NON_VALUE for anything else.
Term unit_parts(Process* p, Term unit) {
  if (is_bignum(unit)) return header_subtag(boxed_header(unit)) == Subtag::PosBig ? unit : NON_VALUE;
  Sint hz = unit_hz(p, unit);
  return hz ? make_small(hz) : NON_VALUE;
}

// floor(Time * To / From) for integers of any size (ERTS rounds towards negative infinity).
Term bif_convert(Process* p, Term* a) {
  Term from = unit_parts(p, a[1]), to = unit_parts(p, a[2]);
  if (!is_integer(a[0]) || from == NON_VALUE || to == NON_VALUE) return badarg(p);
  if (is_small(a[0]) && is_small(from) && is_small(to))  // 60-bit operands: fits in 128 bits
    return convert(p, small_value(a[0]), small_value(from), small_value(to));
  Term product = arith_mul(*p, a[0], to);
  if (product == NON_VALUE) return NON_VALUE;
  Term q = arith_idiv(*p, product, from);
  if (q == NON_VALUE) return NON_VALUE;
  Term r = arith_rem(*p, product, from);
  if (r == NON_VALUE) return NON_VALUE;
  bool negative = is_small(product) ? small_value(product) < 0 : header_subtag(boxed_header(product)) == Subtag::NegBig;
  return negative && r != make_small(0) ? arith_sub(*p, q, make_small(1)) : q;
}

// {MegaSecs, Secs, MicroSecs} of the wall clock.
Term bif_timestamp(Process* p, Term*) {
  int64_t us = system_ns() / 1000;
  return make_tuple_n(p, {make_small(us / 1000000000000), make_small((us / 1000000) % 1000000), make_small(us % 1000000)});
}

Term date_tuple(Process* p, const std::tm& tm) {
  return make_tuple_n(p, {make_small(tm.tm_year + 1900), make_small(tm.tm_mon + 1), make_small(tm.tm_mday)});
}
Term time_tuple(Process* p, const std::tm& tm) {
  return make_tuple_n(p, {make_small(tm.tm_hour), make_small(tm.tm_min), make_small(tm.tm_sec)});
}
std::tm broken_down(bool local) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  if (local) localtime_r(&now, &tm);
  else gmtime_r(&now, &tm);
  return tm;
}
Term bif_date(Process* p, Term*) { return date_tuple(p, broken_down(true)); }
Term bif_time(Process* p, Term*) { return time_tuple(p, broken_down(true)); }
Term bif_localtime(Process* p, Term*) {
  std::tm tm = broken_down(true);
  return make_tuple_n(p, {date_tuple(p, tm), time_tuple(p, tm)});
}
Term bif_universaltime(Process* p, Term*) {
  std::tm tm = broken_down(false);
  return make_tuple_n(p, {date_tuple(p, tm), time_tuple(p, tm)});
}

}  // namespace

void register_time_bifs(Runtime& vm) {
  struct Entry { const char* module; const char* name; uint32_t arity; BifFn fn; };
  static const Entry entries[] = {
      {"erlang", "monotonic_time", 0, bif_monotonic0}, {"erlang", "monotonic_time", 1, bif_monotonic1},
      {"erlang", "system_time", 0, bif_system0},       {"erlang", "system_time", 1, bif_system1},
      {"erlang", "time_offset", 0, bif_offset0},       {"erlang", "time_offset", 1, bif_offset1},
      {"erlang", "convert_time_unit", 3, bif_convert}, {"erlang", "timestamp", 0, bif_timestamp},
      {"erlang", "date", 0, bif_date},                 {"erlang", "time", 0, bif_time},
      {"erlang", "localtime", 0, bif_localtime},       {"erlang", "universaltime", 0, bif_universaltime},
      {"os", "timestamp", 0, bif_timestamp},           {"os", "system_time", 0, bif_system0},
      {"os", "system_time", 1, bif_system1},           {"os", "perf_counter", 0, bif_perf0},
      {"os", "perf_counter", 1, bif_perf1},
  };
  for (const Entry& e : entries) vm.register_bif(e.module, e.name, e.arity, e.fn);
}

}  // namespace beamrun
