// The set operations the interpreter loop calls directly (the rest of set's protocol is in runtime.h).
#pragma once
#include "vm/value.h"

namespace minipy {
struct ThreadState;

// set.update(iterable) for the set `set`, as CPython's _PySet_Update: from another set or frozenset the entries
// are merged as set_merge does (so `{"a", "b", "c"}`, built from a frozenset constant, iterates in CPython's
// order). False with the exception pending when iteration or hashing fails.
[[nodiscard]] bool set_update(ThreadState& ts, Value set, Value iterable);

}  // namespace minipy
