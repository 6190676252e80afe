// What other native modules need from the native `_signal` module (stdlib/native/signal.cpp).
#pragma once
#include "vm/runtime.h"

namespace minipy {

// Runs the Python handlers of the signals that arrived since the last call (at most once each); false with the
// handler's exception pending when one raises. A system call that failed with EINTR calls this and, when it
// returns true, retries: PEP 475's rule, which select, _socket, fcntl and posix's waits follow.
[[nodiscard]] bool run_signal_handlers(ThreadState& ts);

}  // namespace minipy
