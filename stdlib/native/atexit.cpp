// The native `atexit` module: functions registered to run when the interpreter exits, last registered first,
// after the main program (and before the standard streams are flushed), as CPython's. A callback's exception
// is reported as "Exception ignored in atexit callback" and the others still run.
#include <cstdio>

#include "stdlib/native/atexit.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// Registered (func, args, kwargs) triples, oldest first; a list kept outside the module (traced as a root) so
// deleting the module does not forget them.
Value callbacks;

ListObject* callback_list(ThreadState& ts) {
  if (!callbacks) callbacks = Value(make_list(ts, 0));
  return static_cast<ListObject*>(callbacks.as_object());
}

#define ATEXIT_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// register(func, *args, **kwargs) -> func
ATEXIT_FN(atexit_register) {
  (void)self;
  size_t n = positional_count(args, kwnames);
  if (n < 1) return raise(ts, TypeError_type, "register() takes at least 1 argument (0 given)");
  if (!type_of(args[0])->call) return raise(ts, TypeError_type, "the first argument must be callable");
  DictObject* kw = make_dict(ts);
  Value kw_value(kw);
  for (int64_t i = 0; kwnames && i < kwnames->size; i++)
    if (!dict_set(ts, kw, kwnames->items[i], args[n + static_cast<size_t>(i)])) return Value();
  Value triple[3] = {args[0], Value(minipy::make_tuple(ts, args.subspan(1, n - 1))), kw_value};
  if (!list_append(ts, callback_list(ts), Value(minipy::make_tuple(ts, triple)))) return Value();
  return args[0];
}

// unregister(func): drops every registration of func (compared with ==).
ATEXIT_FN(atexit_unregister) {
  (void)self;
  if (!check_positional_args(ts, "unregister", args, kwnames, 1, 1)) return Value();
  ListObject* list = callback_list(ts);
  // The survivors go to a new list instead of being deleted in place: == may run Python code (an __eq__) that registers
  // or unregisters, and the walk must not lose its place in the list it reads.
  ListObject* kept = make_list(ts, 0);
  Value kept_value(kept);
  for (int64_t i = 0; i < list->size; i++) {
    Value func = static_cast<TupleObject*>(list->items[i].as_object())->items[0];
    int eq = py_eq(ts, func, args[0]);
    if (eq < 0) return Value();
    if (!eq && !list_append(ts, kept, list->items[i])) return Value();
  }
  callbacks = kept_value;
  return None();
}

ATEXIT_FN(atexit_clear) {
  (void)self, (void)args, (void)kwnames;
  callbacks = Value(make_list(ts, 0));
  return None();
}

ATEXIT_FN(atexit_ncallbacks) {
  (void)self, (void)args, (void)kwnames;
  return make_int(ts, callback_list(ts)->size);
}

ATEXIT_FN(atexit_run) {
  (void)self, (void)args, (void)kwnames;
  run_atexit_callbacks(ts);
  return None();
}

const MethodDef kAtexitFunctions[] = {
    {"register", atexit_register}, {"unregister", atexit_unregister}, {"_clear", atexit_clear},
    {"_ncallbacks", atexit_ncallbacks}, {"_run_exitfuncs", atexit_run},
};

}  // namespace

// Runs and forgets the registered callbacks, newest first.
void run_atexit_callbacks(ThreadState& ts) {
  if (!callbacks) return;
  // The exception that is ending the program (SystemExit, or the one about to be printed) is set aside so the callbacks
  // run with a clean state, and put back afterwards.
  Value pending = ts.current_exception;
  ts.current_exception = Value();
  // The registry is swapped for an empty list before anything runs: a callback that registers or unregisters changes
  // the new list, not the one being walked, and each callback runs at most once even if _run_exitfuncs() is called
  // again.
  Value list = callbacks;
  callbacks = Value(make_list(ts, 0));
  auto* l = static_cast<ListObject*>(list.as_object());
  for (int64_t i = l->size - 1; i >= 0; i--) {
    auto* triple = static_cast<TupleObject*>(l->items[i].as_object());
    Value func = triple->items[0];
    auto* pos = static_cast<TupleObject*>(triple->items[1].as_object());
    auto* kw = static_cast<DictObject*>(triple->items[2].as_object());
    std::vector<Value> call_args(pos->items, pos->items + pos->size);
    std::vector<Value> names;
    int64_t it = 0;
    Value k, v;
    while (dict_next(kw, &it, &k, &v)) {
      names.push_back(k);
      call_args.push_back(v);
    }
    TupleObject* kwnames = names.empty() ? nullptr : minipy::make_tuple(ts, names);
    if (!call(ts, func, call_args, kwnames)) write_unraisable(ts, func, "Exception ignored in atexit callback");
  }
  ts.current_exception = pending;
}

void trace_atexit_roots(Tracer& tracer) { tracer.visit(callbacks); }
void reset_atexit(ThreadState&) { callbacks = Value(); }

ModuleObject* create_atexit_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "atexit");
  for (const MethodDef& def : kAtexitFunctions)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
  return m;
}

}  // namespace minipy
