// The native `_warnings` module, reduced to what importlib's bootstrap needs: CPython's _bootstrap._setup binds
// the builtin `_warnings` and _bootstrap_external calls `_warnings.warn`. Its `warn` and `warn_explicit` hand
// over to Lib's pure-Python `warnings` module, which keeps the filters and the registry.
// Left out: `filters`, `_defaultaction`, `_onceregistry` and `_filters_mutated`. Lib's warnings.py imports them
// from here as one group, so without them it falls back to its own Python implementation (the one minipy
// already ran before this module existed), and there is exactly one set of filters.
#include "stdlib/native/_warnings.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

// Calls warnings.NAME with the caller's arguments unchanged. A native call adds no Python frame, so
// `stacklevel` still counts from the caller of _warnings.warn, as it would in CPython's C implementation.
Value forward_to_lib(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  Value warnings = find_and_load(ts, "warnings");
  if (!warnings) return warnings;
  Value function = get_attr(ts, warnings, intern(ts, name));
  if (!function) return function;
  return call(ts, function, args, kwnames);
}

Value warnings_warn(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return forward_to_lib(ts, "warn", args, kwnames);
}

Value warnings_warn_explicit(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return forward_to_lib(ts, "warn_explicit", args, kwnames);
}

const MethodDef kWarningsFunctions[] = {
    {"warn", warnings_warn},
    {"warn_explicit", warnings_warn_explicit},
};

}  // namespace

bool warn(ThreadState& ts, Type& category, std::string_view message, int stacklevel) {
  Value args[3] = {Value(make_str(ts, message)), Value(static_cast<Object*>(&category)), Value::small_int(stacklevel)};
  return static_cast<bool>(forward_to_lib(ts, "warn", args, nullptr));
}

ModuleObject* create_warnings_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_warnings");
  add_module_functions(ts, m, kWarningsFunctions);
  return m;
}

}  // namespace minipy
