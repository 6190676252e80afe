// What the interpreter needs of the native faulthandler module (stdlib/native/faulthandler.cpp).
#pragma once

#include "vm/runtime.h"

namespace minipy {

// Marks the files the fault handlers, the watchdog and the user-signal handlers write to (kept open as CPython
// keeps them): the collector's roots from this module.
void trace_faulthandler_roots(Tracer& tracer);

// At start-up, for -X faulthandler or a non-empty PYTHONFAULTHANDLER: imports faulthandler and calls its
// enable(), as CPython's _PyFaulthandler_Init does. False with the exception pending when that fails.
[[nodiscard]] bool enable_faulthandler_at_startup(ThreadState& ts);

// Puts back the alternate signal stack faulthandler found, before the interpreter's thread ends.
void release_faulthandler_stack();

}  // namespace minipy
