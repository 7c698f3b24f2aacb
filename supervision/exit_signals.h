// exit_signals.h - links, monitors and exit signals: how a death reaches the processes that
// care about it.
//
// Set-up (link, monitor) takes the target's sig_mutex and records the relation there, unless
// the target is already closed (exiting): then the caller gets its noproc answer at once, as an
// exit signal or a 'DOWN' message pushed to itself. A dying process closes its sig_mutex,
// takes its links and watchers, and pushes one exit signal per link and one 'DOWN' message per
// monitor into the other processes' inboxes, waking them: it never runs their code or kills
// them itself. Each of them handles the signal when it next takes signals in (at schedule-in
// or in a receive) and, if it dies of it, does the same in turn. A cascade through a million
// linked processes is thus a worklist of inbox entries and run-queue turns, with no recursion
// and no process lock held while another is taken.
//
// Order: signals from one process to another travel in one FIFO inbox, so a message followed
// by an exit signal, or the messages of a process followed by its 'DOWN', arrive in order.
#pragma once
#include "process/mailbox.h"
#include "process/process.h"
#include "process/process_table.h"

namespace beamrun {

// An exit signal: from a link (the sender died) or from exit/2. The payload is the message a
// trapping receiver gets, {'EXIT', From, Reason}; a dying receiver takes the reason from it.
struct ExitSignal : Signal {
  Term from = NIL;
  bool link = false;  // from a link: ignored if the receiver has since unlinked
  bool kill = false;  // exit(Pid, kill): untrappable, the receiver dies as `killed`
  Message* payload = nullptr;
};

// Link and Unlink: `from` linked to (or unlinked from) the receiver; its own side is already
// recorded.
struct LinkSignal : Signal {
  Term from = NIL;
};
// Monitor and Demonitor: `entry.other` is the watcher.
struct MonitorSignal : Signal {
  Process::MonitorRef entry{};
};

void free_supervision_signal(Signal* s);
// The receiver's side of any signal: true when the process lives on (a message joined the
// queue, a link or monitor was recorded, an exit signal was ignored or became an {'EXIT', ...}
// message), false when it dies (its exit_reason set).
bool handle_signal(Process* p, Signal* s);

// Sends an exit signal from `from` (the running or dying process) to `to`; false if `to` is
// no live process.
bool send_exit_signal(Process* from, Term to, Term reason, bool link, bool kill);

// link/1, unlink/1 (false: `to` is not a pid).
void link_to(Process* p, Term to);
void unlink_from(Process* p, Term to);
// monitor(process, Target): Target a pid, a name, or {Name, Node}; returns the reference,
// or NON_VALUE when Target has the wrong type. With `alias` the reference is also an alias of
// p in that mode.
Term monitor_process(Process* p, Term target, const ProcessTable::AliasMode* alias = nullptr);

// Aliases: a reference p receives on (erlang:alias/0,1); unalias: false if it was not active.
Term make_alias(Process* p, ProcessTable::AliasMode mode);
bool unalias(Process* p, const RefKey& k);
// demonitor/2: true when an active monitor was removed; `flush` also takes its 'DOWN' out of
// the mailbox.
bool demonitor(Process* p, Term ref, bool flush);
// spawn_link / spawn_monitor: the relation, made before the child can run.
void link_new_child(Process* parent, Process* child);
Term monitor_new_child(Process* parent, Process* child);

// After a collection set p->max_heap_exceeded: prints BEAM's report (if error_logger) and
// returns true when the process must die (kill set; exit_reason is then `killed`).
bool max_heap_exceeded(Process* p);

// The dying process's last act: closes its links and monitors and signals them.
void propagate_exit(Process* p, Term reason);

}  // namespace beamrun
