// What the interpreter calls in the native gc module (stdlib/native/gc.cpp).
#pragma once
#include "vm/runtime.h"

namespace minipy {

// A collection the interpreter is about to run at a safe point: when the program set gc debug flags or
// gc.callbacks, runs it as gc.collect() does (callbacks, DEBUG_* output, gc.garbage) and returns true; false
// (nothing done) when nothing observes collections, or during an observed one, so the caller collects plainly.
[[nodiscard]] bool collect_observed_by_gc_module(ThreadState& ts);

}  // namespace minipy
