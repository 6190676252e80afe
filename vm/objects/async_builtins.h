// The builtins aiter() and anext(), the asynchronous twins of iter() and next() (vm/objects/async_builtins.cpp).
#pragma once
#include <span>

#include "vm/runtime.h"

namespace minipy {

// aiter(async_iterable): type(x).__aiter__(x), checked to be an async iterator.
Value builtin_aiter(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
// anext(async_iterator[, default]): the awaitable __anext__ returns; with a default, an awaitable that turns the
// end of iteration (StopAsyncIteration) into the default value.
Value builtin_anext(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
// Sets up the type of anext()'s default-supplying awaitable; called once with the other builtin types.
void init_anext_awaitable_type(ThreadState& ts);

}  // namespace minipy
