// What the interpreter and the command line call in the native _signal module (stdlib/native/signal.cpp).
//
// A C signal handler only records that the signal arrived; the Python handler runs later, at an instruction
// boundary (the eval breaker) or from a blocking call that was interrupted, because Python code cannot run
// inside a C signal handler.
#pragma once

#include "vm/runtime.h"

namespace minipy {

// At start-up, for the interpreter of `ts`: SIGINT raises KeyboardInterrupt unless the process inherited it
// ignored; the other signals keep their inherited disposition.
void init_signals(ThreadState& ts);
// Marks the Python handlers: the collector's roots from this module.
void trace_signal_roots(Tracer& tracer);
// Runs the Python handlers of the signals that arrived since the last call (at most once each); false with the
// handler's exception pending when one raises (e.g. KeyboardInterrupt). A system call that failed with EINTR
// calls this and, when it returns true, retries: PEP 475's rule, which select, _socket, fcntl and posix's waits
// follow.
[[nodiscard]] bool run_signal_handlers(ThreadState& ts);
// An uncaught KeyboardInterrupt ends the process as CPython's does: by SIGINT with the default disposition, so
// the parent shell sees "killed by SIGINT". The first call records it, the second (at exit) re-raises the signal.
void note_uncaught_keyboard_interrupt();
void exit_like_sigint_if_needed();

}  // namespace minipy
