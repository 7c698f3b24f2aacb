// beamrun_io.cpp - the natives of beamrun_io, the standard I/O server written in Erlang
// (vm/preloaded/beamrun_io.erl; vm/group_leader.cpp starts it), and what OTP's io module asks
// of ERTS around it.
//
//   beamrun_io:put_chars_native(Fd, InEncoding, Chardata, DeviceEncoding) -> ok | error
//       Chardata (code points and binaries in InEncoding, nested lists of them, binary tails)
//       written to Fd (1: the VM's output, 2: stderr) in DeviceEncoding, in one write: UTF-8 for
//       unicode; for latin1 one byte per character, and \x{H} for characters above 255 (as erl's
//       user writes them). Nothing is written when Chardata is not chardata in InEncoding.
//   beamrun_io:read_native() -> binary() | eof | timeout
//       The next bytes of standard input. Runs on a dirty IO thread and waits there at most
//       READ_WAIT_MS: `timeout` lets the server serve output and makes sure no dirty thread is
//       blocked for good when the VM goes away.
//   io:printable_range() -> latin1   (erl's default, without +pc unicode)
//   net_kernel:dflag_unicode_io(Pid) -> true   (the io module asks it of remote I/O servers)
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#include "bifs/bif_util.h"
#include "bifs/iolist.h"
#include "term/binary.h"
#include "term/utf8.h"

namespace beamrun {

namespace {

constexpr int READ_WAIT_MS = 100;
constexpr size_t READ_CHUNK = 64 * 1024;

// Text for the device: code points in, bytes of the device encoding out.
struct DeviceText {
  bool unicode;
  std::string bytes;

  void put(uint32_t cp) {
    if (unicode) {
      append_utf8(bytes, cp);
    } else if (cp <= 0xFF) {
      bytes.push_back(char(cp));
    } else {
      char hex[16];
      std::snprintf(hex, sizeof hex, "\\x{%X}", unsigned(cp));
      bytes += hex;
    }
  }

  // The bytes of a binary in the input encoding; false when they are not valid (UTF-8 that is
  // malformed, overlong, a surrogate or cut short).
  bool put_bytes(const uint8_t* b, size_t n, bool in_unicode) {
    if (!in_unicode) {
      for (size_t i = 0; i < n; ++i) put(b[i]);
      return true;
    }
    for (size_t i = 0; i < n;) {
      uint32_t cp;
      size_t len = decode_utf8(b + i, n - i, &cp);
      if (len == 0 || len == UTF8_TRUNCATED) return false;
      if (unicode) bytes.append(reinterpret_cast<const char*>(b + i), len);
      else put(cp);
      i += len;
    }
    return true;
  }
};

bool valid_char(Sint c, bool in_unicode) {
  if (in_unicode) return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
  return c >= 0 && c <= 0xFF;
}

bool put_binary(DeviceText& text, Term t, bool in_unicode) {
  const uint8_t* data;
  size_t size;
  return binary_bytes(t, &data, &size) && text.put_bytes(data, size, in_unicode);
}

// Writes chardata in the input encoding; false when `t` is not chardata in it.
bool put_chardata(DeviceText& text, Term t, bool in_unicode) {
  return walk_deep_list(
      t,
      [&](Sint c) {
        if (!valid_char(c, in_unicode)) return false;
        text.put(uint32_t(c));
        return true;
      },
      [&](Term leaf) { return put_binary(text, leaf, in_unicode); });
}

Term bif_put_chars_native(Process* p, Term* a) {
  AtomTable& atoms = p->vm().atoms();
  Term unicode = atoms.intern("unicode"), latin1 = atoms.intern("latin1");
  if (!is_small(a[0]) || (a[1] != unicode && a[1] != latin1) || (a[3] != unicode && a[3] != latin1))
    return badarg(p);
  DeviceText text{a[3] == unicode, {}};
  if (!put_chardata(text, a[2], a[1] == unicode)) return atom::error;
  p->vm().write_output(small_value(a[0]) == 2 ? 2 : 1,
                       std::string_view(reinterpret_cast<const char*>(text.bytes.data()), text.bytes.size()));
  return atom::ok;
}

Term bif_read_native(Process* p, Term*) {
  if (!p->on_dirty_thread) return go_dirty_io(p);
  AtomTable& atoms = p->vm().atoms();
  pollfd pfd{STDIN_FILENO, POLLIN, 0};
  int r = ::poll(&pfd, 1, READ_WAIT_MS);
  if (r == 0 || (r < 0 && errno == EINTR)) return atoms.intern("timeout");
  std::vector<uint8_t> buf(READ_CHUNK);
  ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return atoms.intern("timeout");
  if (n <= 0) return atoms.intern("eof");
  return make_binary(*p, buf.data(), size_t(n));
}

Term bif_printable_range(Process* p, Term*) { return p->vm().atoms().intern("latin1"); }
Term bif_dflag_unicode_io(Process*, Term*) { return atom::true_; }

}  // namespace

void register_beamrun_io_bifs(Runtime& vm) {
  vm.register_bif("beamrun_io", "put_chars_native", 4, bif_put_chars_native);
  vm.register_bif("beamrun_io", "read_native", 0, bif_read_native);
  vm.register_bif("io", "printable_range", 0, bif_printable_range);
  vm.register_bif("net_kernel", "dflag_unicode_io", 1, bif_dflag_unicode_io);
}

}  // namespace beamrun
