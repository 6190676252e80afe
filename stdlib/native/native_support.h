// Helpers the native modules share (besides native_type.h's): readying a module's own
// static types (Random, Struct, array, ...), argument parsing with CPython's Argument Clinic messages, and
// PyFloat_AsDouble's conversion rules. Nothing here is specific to one module.
#pragma once
#include <initializer_list>
#include <span>
#include <string_view>

#include "vm/runtime.h"

namespace minipy::native {

// The signature every native function and method has (self: the module or the instance).
#define NATIVE_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// Readies static type `t` of native module `module` once (later calls do nothing): begin_native_type fills its
// fields, then this adds `__module__` to its dict. Then set its slots and call complete_native_type, which (unlike
// finish_native_type) leaves a missing constructor missing. `subclassable`: Python classes may derive from it
// (their instances get an attribute dict after the layout).
void init_native_type(ThreadState& ts, Type& t, const char* name, const char* module, size_t instance_size,
                      bool subclassable);
// After the module set `t`'s own slots and methods: dunder wrappers for those slots (__len__, __getitem__, ...),
// then object's slots for the ones left empty. A null new_instance stays null (instances cannot be created).
void complete_native_type(ThreadState& ts, Type& t);
// Whether `t` was already readied by init_native_type.
inline bool native_type_ready(const Type& t) { return t.dict != nullptr; }

// PyFloat_AsDouble: a float, an int (OverflowError when too big), an object with __float__ or __index__;
// otherwise TypeError "must be real number, not T".
[[nodiscard]] bool as_double(ThreadState& ts, Value v, double* out);

// CPython's _PyTime_FromSecondsObject (with `unit` 1e-3, _FromMillisecondsObject), in seconds: a float (NaN is a
// ValueError) or an integer by __index__ (OverflowError past a 64-bit nanosecond count). `type_error`, when given,
// replaces the TypeError of other objects, as select's "timeout must be a float or None" does.
[[nodiscard]] bool seconds_object(ThreadState& ts, Value v, double unit, double* out, const char* type_error = nullptr);

// The older PyArg_ParseTuple functions: no keywords ("NAME() takes no keyword arguments") and exactly `count`
// positional arguments ("NAME() takes exactly N argument(s) (M given)").
[[nodiscard]] bool check_exact_tuple_args(ThreadState& ts, const char* fname, std::span<const Value> args,
                                          TupleObject* kwnames, size_t count);
// Argument Clinic style parsing of `args`/`kwnames` for function `fname` into `out` (one slot per name; null
// when not given), the one argument binder of native functions with keywords. The first `positional_only`
// names cannot be passed by keyword; names from `keyword_only_from` on can only be passed by keyword; the first
// `required` names must be given. Raises CPython's messages (_PyArg_UnpackKeywords' and vgetargskeywords'
// agree on them), checked in CPython's order: too many arguments, missing ones, then one given twice.
[[nodiscard]] bool parse_args(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                              std::span<const char* const> names, size_t required, size_t positional_only,
                              Value* out, size_t keyword_only_from = SIZE_MAX);
// The same with the names written in place: parse_args(ts, "f", args, kwnames, {"a", "b"}, 1, 0, out).
[[nodiscard]] inline bool parse_args(ThreadState& ts, const char* fname, std::span<const Value> args,
                                     TupleObject* kwnames, std::initializer_list<const char*> names, size_t required,
                                     size_t positional_only, Value* out, size_t keyword_only_from = SIZE_MAX) {
  return parse_args(ts, fname, args, kwnames, std::span<const char* const>(names.begin(), names.size()), required,
                    positional_only, out, keyword_only_from);
}

// The exact int value of `v` (an int or int subclass) as a BigInt; callers checked is_int.
inline BigInt int_value(Value v) { return to_bigint(v); }

}  // namespace minipy::native

namespace minipy::native {

// The bytes of a bytes-like argument (any buffer exporter: bytes, bytearray, memoryview; vm/objects/buffer.h);
// TypeError "a bytes-like object is required, not 'T'" otherwise. The view lives as long as `v` is not resized.
[[nodiscard]] bool bytes_like(ThreadState& ts, Value v, std::string_view* out);

}  // namespace minipy::native

namespace minipy::native {

// METH_NOARGS / METH_O checks with CPython's messages, `qualname` being "Type.method" (or "module.function"):
// "Random.random() takes no arguments (1 given)", "sha1.update() takes exactly one argument (0 given)",
// "X.y() takes no keyword arguments".
[[nodiscard]] bool no_args(ThreadState& ts, const char* qualname, std::span<const Value> args, TupleObject* kwnames);
[[nodiscard]] bool one_arg(ThreadState& ts, const char* qualname, std::span<const Value> args, TupleObject* kwnames);

}  // namespace minipy::native

namespace minipy::native {

// A new exception class `module.name` deriving from `base` (struct.error, binascii.Error, ...).
Value new_exception_class(ThreadState& ts, const char* module, const char* name, Type* base);

// The writable bytes of a read-write buffer (bytearray, array.array, a writable memoryview); TypeError
// "argument must be read-write bytes-like object, not T" otherwise. The export ends at once: the span stays
// valid while no Python code runs (the callers pack into it straight away).
[[nodiscard]] bool writable_bytes(ThreadState& ts, Value v, std::span<char>* out);

}  // namespace minipy::native
