// process_signals.h - sending messages, taking them in, and the receive timeout.
//
// These are the steps the interpreter and the natives share: send_term (the `!` operator and
// erlang:send), drain/adopt of the mailbox, and the timer of `receive ... after`.
#pragma once
#include "process/process.h"

namespace beamrun {

// Sends `msg` to `dest` (a pid, a registered name, or {Name, Node} for this node). A message
// to a dead pid is dropped, as in BEAM. False with badarg raised (no BIF frame) when `dest` is
// not a valid destination or names no process.
bool send_term(Process* from, Term dest, Term msg);
// Pushes an already copied message into `to`'s inbox and wakes it. `from` is the running
// sender (for its scheduler), or null outside the schedulers.
void deliver(Process* to, Message* m, Process* from);

// The receive is over: `m` (the removed message, or null after a timeout) is handed to the
// heap, the timer disarmed, the scan reset.
void receive_done(Process* p, Message* m);
void arm_receive_timer(Process* p, uint64_t ms);


// Frees a signal that will never be handled.
void free_signal(Signal* s);
// Frees every message and signal still queued (the process is exiting or being deleted).
void discard_mailbox(Process* p);

}  // namespace beamrun
