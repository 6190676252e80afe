// What the interpreter and the command line call in the native atexit module (stdlib/native/atexit.cpp).
#pragma once

#include "vm/runtime.h"

namespace minipy {

// Runs and forgets the registered callbacks, newest first (at interpreter exit).
void run_atexit_callbacks(ThreadState& ts);
// Marks the registered callbacks: the collector's roots from this module.
void trace_atexit_roots(Tracer& tracer);
// Forgets every callback (a new interpreter starts with none).
void reset_atexit(ThreadState& ts);

}  // namespace minipy
