// The native `gc` module. minipy's collector is a tracing mark-sweep over the whole heap (vm/heap.cpp), so there
// are no generations: thresholds are accepted and reported for compatibility only.
#include "vm/runtime.h"

namespace minipy {

namespace {

int64_t thresholds[3] = {700, 10, 10};  // CPython's defaults, as get_threshold() reports them

// Zeroes the native stack below the caller, where the collector's own frames are about to go: words left there by
// earlier, deeper calls (the call that created an object now garbage) would otherwise be found by the
// conservative stack scan in the collector's uninitialised slots and keep that object alive.
__attribute__((noinline)) void scrub_native_stack() {
  volatile char area[32 * 1024];
  for (size_t i = 0; i < sizeof area; i++) area[i] = 0;
}

#define GC_FN(name) Value name(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames)

// collect([generation]): a full collection, then the finalizers it queued; returns how many objects it found
// unreachable (the count differs from CPython's, whose objects and bookkeeping differ).
GC_FN(gc_collect) {
  if (!check_arg_count(ts, "collect", args.size(), 0, 1)) return Value();
  (void)kwnames;
  if (!args.empty()) {
    int64_t generation;
    if (!index_to_int64(ts, args[0], &generation)) return Value();
    if (generation < 0 || generation > 2) return raise(ts, ValueError_type, "invalid generation");
  }
  scrub_native_stack();
  ts.interp->collect_garbage();
  int64_t found = static_cast<int64_t>(ts.heap->stats().unreachable);
  run_pending_finalizers(ts);
  return make_int(ts, found);
}

GC_FN(gc_enable) {
  if (!check_positional_args(ts, "enable", args, kwnames, 0, 0)) return Value();
  ts.heap->set_enabled(true);
  return None();
}

GC_FN(gc_disable) {
  if (!check_positional_args(ts, "disable", args, kwnames, 0, 0)) return Value();
  ts.heap->set_enabled(false);
  return None();
}

GC_FN(gc_isenabled) {
  if (!check_positional_args(ts, "isenabled", args, kwnames, 0, 0)) return Value();
  return Bool(ts.heap->enabled());
}

GC_FN(gc_get_threshold) {
  if (!check_positional_args(ts, "get_threshold", args, kwnames, 0, 0))
    return Value();
  Value items[3] = {make_int(ts, thresholds[0]), make_int(ts, thresholds[1]), make_int(ts, thresholds[2])};
  return Value(make_tuple(ts, items));
}

GC_FN(gc_set_threshold) {
  if (!check_positional_args(ts, "set_threshold", args, kwnames, 1, 3))
    return Value();
  int64_t values[3];
  for (size_t i = 0; i < args.size(); i++)
    if (!index_to_int64(ts, args[i], &values[i])) return Value();
  for (size_t i = 0; i < args.size(); i++) thresholds[i] = values[i];
  return None();
}

GC_FN(gc_get_count) {
  if (!check_positional_args(ts, "get_count", args, kwnames, 0, 0)) return Value();
  Value zero = Value::small_int(0);
  Value items[3] = {zero, zero, zero};
  return Value(make_tuple(ts, items));
}

// is_tracked(obj): as CPython, atoms (ints, floats, strs, None, ...) are not tracked; containers and instances are.
GC_FN(gc_is_tracked) {
  if (!check_positional_args(ts, "is_tracked", args, kwnames, 1, 1))
    return Value();
  Value v = args[0];
  if (!v.is_object() || (v.as_object()->gc_flags & kGcStatic)) return False();
  Type* t = type_of(v);
  bool atom = t == &int_type || t == &float_type || t == &str_type || t == &bytes_type || t == &bool_type ||
              t == &range_type;
  return Bool(!atom);
}

#undef GC_FN

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect},         {"enable", gc_enable},
    {"disable", gc_disable},         {"isenabled", gc_isenabled},
    {"get_threshold", gc_get_threshold}, {"set_threshold", gc_set_threshold},
    {"get_count", gc_get_count},     {"is_tracked", gc_is_tracked},
};

}  // namespace

ModuleObject* create_gc_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "gc");
  for (const MethodDef& def : kGcFunctions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  return m;
}

}  // namespace minipy
