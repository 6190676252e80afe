// The two halves of the native itertools module (itertools.cpp, itertools_combinatoric.cpp).
#pragma once
#include "stdlib/native/native_type.h"

namespace minipy {

// Defines the types of itertools.cpp (count ... pairwise) once per interpreter, and puts them in module `m`.
void define_iterator_types(ThreadState& ts);
void add_iterator_types(ThreadState& ts, ModuleObject* m);

// Pickling helpers both halves use, so that every itertools type pickles in CPython 3.11's shapes the same way.
// (type(self), args) or, with a state, (type(self), args, state): what __reduce__ returns.
inline Value reduce_tuple(ThreadState& ts, Value self, Value args, Value state = Value()) {
  Value items[3] = {Value(type_of(self)), args, state};
  return Value(make_tuple(ts, {items, static_cast<size_t>(state ? 3 : 2)}));
}
// __setstate__ takes exactly one positional argument, with CPython's messages otherwise.
[[nodiscard]] inline bool setstate_arguments(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, "__setstate__", kwnames) && check_arg_count(ts, "__setstate__", args.size(), 1, 1);
}

}  // namespace minipy
