// The native `_tracemalloc` module, what CPython 3.11's Modules/_tracemalloc.c shows while tracing is off: minipy
// allocates from its own heap and records no allocation tracebacks, so tracing is never on. It exists because Lib's
// warnings module asks it whether tracing is on when it shows a warning about an object (an unawaited coroutine,
// an unclosed file) and then suggests "Enable tracemalloc to get the object allocation traceback"; and so
// `import tracemalloc` works. start() refuses rather than pretend to trace.
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// A function of no arguments returning `result`, CPython's wording when given some.
#define NO_ARGS_FN(fn, name, result)                                                        \
  NATIVE_FN(fn) {                                                                           \
    (void)self;                                                                             \
    if (!check_positional_args(ts, name, args, kwnames, 0, 0)) return Value();              \
    return result;                                                                          \
  }
NO_ARGS_FN(tm_is_tracing, "is_tracing", False())
// Nothing to change while tracing is off.
NO_ARGS_FN(tm_clear_traces, "clear_traces", None())
NO_ARGS_FN(tm_reset_peak, "reset_peak", None())
NO_ARGS_FN(tm_stop, "stop", None())
NO_ARGS_FN(tm_get_traces, "_get_traces", Value(make_list(ts, 0)))
NO_ARGS_FN(tm_get_traceback_limit, "get_traceback_limit", Value::small_int(1))  // CPython's default
NO_ARGS_FN(tm_get_tracemalloc_memory, "get_tracemalloc_memory", Value::small_int(0))

NATIVE_FN(tm_get_object_traceback) {
  (void)self;
  if (!check_positional_args(ts, "_get_object_traceback", args, kwnames, 1, 1)) return Value();
  return None();
}

NATIVE_FN(tm_zero_sizes) {
  (void)self;
  if (!check_positional_args(ts, "get_traced_memory", args, kwnames, 0, 0)) return Value();
  Value sizes[2] = {Value::small_int(0), Value::small_int(0)};
  return Value(make_tuple(ts, sizes));
}

NATIVE_FN(tm_start) {
  (void)self;
  if (!check_positional_args(ts, "start", args, kwnames, 0, 1)) return Value();
  return raise(ts, NotImplementedError_type, "minipy does not trace memory allocations");
}

const MethodDef kTracemallocFunctions[] = {
    {"is_tracing", tm_is_tracing},
    {"clear_traces", tm_clear_traces},
    {"reset_peak", tm_reset_peak},
    {"stop", tm_stop},
    {"_get_object_traceback", tm_get_object_traceback},
    {"_get_traces", tm_get_traces},
    {"get_traceback_limit", tm_get_traceback_limit},
    {"get_traced_memory", tm_zero_sizes},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory},
    {"start", tm_start},
};

}  // namespace

ModuleObject* create_tracemalloc_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_tracemalloc");
  add_module_functions(ts, m, kTracemallocFunctions);
  return m;
}

}  // namespace minipy
