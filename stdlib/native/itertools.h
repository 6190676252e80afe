// The parts of the native itertools module (itertools.cpp, itertools_grouping.cpp, itertools_combinatoric.cpp).
#pragma once
#include "stdlib/native/native_type.h"

namespace minipy {

// Defines the types of itertools.cpp (count ... pairwise) once per interpreter, and puts them in module `m`.
void define_iterator_types(ThreadState& ts);
void add_iterator_types(ThreadState& ts, ModuleObject* m);

// One row of an itertools type table: the type, its name and instance size, its slots and methods. Every type is
// an iterator of itself (iter returns self); all but _grouper may be subclassed.
struct IteratorTypeRow {
  Type* type;
  const char* name;
  size_t size;
  NewSlot new_instance;
  IterNextSlot next;
  TraceSlot trace;
  std::span<const MethodDef> methods;
  bool subclassable = true;
};
// Sets up each row's type as a native type of module itertools (itertools.cpp).
void define_iterator_rows(ThreadState& ts, std::span<const IteratorTypeRow> rows);

// groupby, _grouper and islice (itertools_grouping.cpp); define_iterator_types and add_iterator_types call these.
// islice is visible because accumulate's pickling restarts through it, as CPython's does.
extern Type islice_type;
void define_grouping_types(ThreadState& ts);
void add_grouping_types(ThreadState& ts, ModuleObject* m);

// The object behind `v` as the itertools struct T the caller knows it to be.
template <class T>
T* as(Value v) {
  return static_cast<T*>(v.as_object());
}
// Calls `func(arg)`.
inline Value call1(ThreadState& ts, Value func, Value arg) { return call(ts, func, std::span<const Value>(&arg, 1)); }
// A missing optional field pickles as None.
inline Value or_none(Value v) { return v ? v : None(); }
// A pickling state that must be a tuple of `min`..`max` items, with CPython's messages otherwise (itertools.cpp).
[[nodiscard]] bool state_tuple(ThreadState& ts, Value state, int64_t min, int64_t max, TupleObject** out);

// Pickling helpers every part uses, so that every itertools type pickles in CPython 3.11's shapes the same way.
// (type(self), args) or, with a state, (type(self), args, state): what __reduce__ returns.
inline Value reduce_tuple(ThreadState& ts, Value self, Value args, Value state = Value()) {
  Value items[3] = {Value(type_of(self)), args, state};
  return Value(make_tuple(ts, {items, static_cast<size_t>(state ? 3 : 2)}));
}
// __setstate__ takes exactly one positional argument, with CPython's messages otherwise.
[[nodiscard]] inline bool setstate_arguments(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, "__setstate__", kwnames) && check_arg_count(ts, "__setstate__", args.size(), 1, 1);
}
// reduce_tuple with the constructor arguments given one by one.
inline Value reduce_value(ThreadState& ts, Value self, std::initializer_list<Value> call_args, Value state = Value()) {
  return reduce_tuple(ts, self, Value(make_tuple(ts, {call_args.begin(), call_args.size()})), state);
}

}  // namespace minipy
