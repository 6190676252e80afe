// Running finalizers: the queue the collector fills (__del__ methods, generators to close, weak reference
// callbacks), unraisable-exception reports, and the finalization of module globals at interpreter exit.
//
// The collector never runs Python code: it only queues. The queue runs at safe points (after a collection in the
// interpreter loop, in gc.collect()) and at exit, with the interrupted code's pending exception set aside.
#include <cstdio>
#include <vector>

#include "stdlib/native/sys.h"
#include "vm/runtime.h"

namespace minipy {

void write_unraisable(ThreadState& ts, Value obj, const char* err_msg) {
  Value exc = ts.current_exception;
  ts.current_exception = Value();
  if (!exc) return;
  // As PyErr_WriteUnraisable: an exception raised by native code gets the running frame as its traceback.
  auto* e = static_cast<ExceptionObject*>(exc.as_object());
  if ((!e->traceback || is_none(e->traceback)) && ts.current_frame) {
    ts.current_exception = exc;
    traceback_here(ts, ts.current_frame->code, ts.current_frame->lasti());
    ts.current_exception = Value();
  }
  Value message = err_msg ? Value(make_str(ts, err_msg)) : Value();
  if (call_unraisable_hook(ts, exc, obj, message)) return;
  print_unraisable(ts, exc, obj, message);
}

void print_unraisable(ThreadState& ts, Value exc, Value obj, Value err_msg) {
  Value saved = ts.current_exception;
  ts.current_exception = Value();
  bool has_msg = err_msg && is_str(err_msg);
  std::string_view msg = has_msg ? as_str(err_msg)->view() : std::string_view("Exception ignored in");
  if (obj && !is_none(obj)) {
    Value text = py_repr(ts, obj);
    ts.current_exception = Value();
    std::string line(msg);
    line += ": ";
    line += text ? as_str(text)->view() : std::string_view("<object repr() failed>");
    write_sys_stderr(ts, line + "\n", true);
  } else if (has_msg) {
    write_sys_stderr(ts, std::string(msg) + ":\n", true);
  }
  // CPython's report shows the traceback and the exception line, never the chain.
  if (exc && exc.is_object() && is_exception_type(type_of(exc))) print_exception(ts, exc, false);
  ts.current_exception = saved;
}

void run_pending_finalizers(ThreadState& ts) {
  Heap& heap = *ts.heap;
  if (heap.finalizers_running) return;
  heap.finalizers_running = true;
  Value saved = ts.current_exception;
  ts.current_exception = Value();
  while (Object* o = heap.pop_pending()) {
    o->type->del(ts, o);
    ts.current_exception = Value();  // a `del` slot reports its own errors; never let one leak
  }
  ts.current_exception = saved;
  heap.finalizers_running = false;
}

namespace {

// The modules whose globals die at exit, __main__ first, then the others latest-imported first (CPython clears
// what remains of sys.modules in reverse order); sys and builtins stay to the end, as in CPython.
std::vector<ModuleObject*> modules_to_clear(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  std::vector<ModuleObject*> others;
  ModuleObject* main = nullptr;
  int64_t pos = 0;
  Value key, value;
  while (dict_next(interp.modules, &pos, &key, &value)) {
    if (!value.is_object() || type_of(value) != &module_type) continue;
    auto* m = static_cast<ModuleObject*>(value.as_object());
    if (m == interp.sys_module || m == interp.builtins_module) continue;
    if (is_str(key) && as_str(key)->view() == "__main__") main = m;
    else others.push_back(m);
  }
  std::vector<ModuleObject*> order;
  if (main) order.push_back(main);
  order.insert(order.end(), others.rbegin(), others.rend());
  return order;
}

ObjectShape shape_for_finalization_order(const Object* o) {
  Type* t = o->type;
  if (t == &list_type || t == &tuple_type) return ObjectShape::kSequence;
  if (t == &dict_type) return ObjectShape::kDict;
  if (t->dict_offset || t == &object_type || (t->flags & kTypeHeap)) return ObjectShape::kInstance;
  return ObjectShape::kOther;
}

}  // namespace

void finalize_at_exit(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  run_pending_finalizers(ts);
  if (!ts.heap->may_finalize()) return;  // nothing could be queued: spare the program two full collections
  std::vector<ModuleObject*> modules = modules_to_clear(ts);
  if (modules.empty()) return;
  // Module globals stop being roots: only sys and builtins stay registered. The values keep their dict order
  // so that the finalizers they reach run in that order (CPython frees __main__'s globals in insertion order).
  std::vector<Value> order;
  for (ModuleObject* m : modules) {
    int64_t pos = 0;
    Value key, value;
    while (dict_next(m->dict, &pos, &key, &value)) order.push_back(value);
  }
  DictObject* remaining = make_dict(ts);
  dict_set_str_new(ts, remaining, intern(ts, "sys"), Value(interp.sys_module));
  dict_set_str_new(ts, remaining, intern(ts, "builtins"), Value(interp.builtins_module));
  interp.modules = remaining;
  // sys's dict may hold keys of the program's making; a store that fails at exit is dropped with its exception,
  // like the other errors of teardown.
  if (!dict_set_str(ts, interp.sys_module->dict, intern(ts, "modules"), Value(remaining))) ts.current_exception = Value();
  ts.base_exc_info.exc_value = Value();
  set_traceback_source_lines(false);  // CPython can no longer read source files this late
  ts.heap->set_precise_roots_only(true);
  interp.collect_garbage(FinalizeOrder{order, shape_for_finalization_order});
  order.clear();
  // Finalizers may drop more objects that have finalizers; a few more rounds catch the common cases.
  for (int round = 0; round < 3 && ts.heap->has_pending(); round++) {
    run_pending_finalizers(ts);
    if (!ts.heap->may_finalize()) break;
    interp.collect_garbage();
  }
  run_pending_finalizers(ts);
  std::fflush(stdout);
  std::fflush(stderr);
}

}  // namespace minipy
