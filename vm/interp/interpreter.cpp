// The Interpreter: owns the heap and the thread state, builds the builtin types and modules at start-up, and
// tells the collector where the roots are.
#include <pthread.h>

#include <algorithm>
#include <cstdlib>

#include "stdlib/native/atexit.h"
#include "stdlib/native/faulthandler.h"
#include "stdlib/native/gc.h"
#include "stdlib/native/io.h"
#include "stdlib/native/signal.h"
#include "stdlib/native/weakref.h"
#include "vm/errors/traceback.h"
#include "vm/interp/builtins.h"
#include "vm/interp/eval.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {


namespace {

// Everything the collector must treat as alive without an object pointing at it. A value stored only in a C++ global or
// a malloc'd container must appear here (through register_root or a trace_* hook), or it is freed at the next
// collection while still in use.
void mark_roots(void* context, Tracer& tracer) {
  auto* interp = static_cast<Interpreter*>(context);
  ThreadState& ts = interp->thread;
#define X(member, text) tracer.visit(interp->names.member);
  MINIPY_NAMES(X)
#undef X
  interp->interned.trace(tracer);
  tracer.visit(interp->builtins);
  tracer.visit(interp->builtins_module);
  tracer.visit(interp->modules);
  tracer.visit(interp->sys_module);
  tracer.visit(interp->empty_tuple);
  for (Value v : interp->small_strs) tracer.visit(v);
  for (Object* o : interp->repr_stack) tracer.visit(o);
  // Static types hold heap dicts, names and MROs.
#define X(name) tracer.visit(static_cast<Object*>(&name##_type));
  MINIPY_BUILTIN_TYPES(X)
#undef X
#define X(name, base) tracer.visit(static_cast<Object*>(&name##_type));
  MINIPY_EXCEPTION_TYPES(X)
#undef X
  tracer.visit(static_cast<Object*>(&weakref_ref_type));
  trace_static_types(interp, tracer);
  trace_io_roots(tracer);
  trace_signal_roots(tracer);
  trace_atexit_roots(tracer);
  trace_faulthandler_roots(tracer);
  tracer.visit(ts.current_exception);
  for (ExcInfo* e = ts.exc_info; e; e = e->previous) tracer.visit(e->exc_value);
  for (Frame* f = ts.current_frame; f; f = f->previous) {
    tracer.visit(f->code);
    tracer.visit(f->func);
    tracer.visit(f->globals);
    tracer.visit(f->builtins);
    tracer.visit(f->locals);
    tracer.visit(f->generator);
    tracer.visit_range(f->localsplus, f->localsplus + f->code->nlocalsplus);
    // The value stack may hold stale words above its top: scan it conservatively.
    Value* base = f->localsplus + f->code->nlocalsplus;
    tracer.visit_conservative(base, base + f->code->stacksize);
  }
  for (Value* slot : ts.extra_roots) tracer.visit(*slot);
}

// The native stack address below which recursion raises RecursionError instead of overflowing: the calling
// thread's stack bottom plus a reserve (an eighth of the stack, at least 256 KiB) for the frames that run
// between two checks and for reporting the error. 0 when the stack's extent is unknown.
uintptr_t native_stack_floor_of_this_thread() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* lowest = nullptr;
  size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &lowest, &size);
  pthread_attr_destroy(&attr);
  if (rc != 0 || !lowest) return 0;
  size_t reserve = std::max<size_t>(size / 8, size_t{256} << 10);
  if (reserve >= size) return 0;
  return reinterpret_cast<uintptr_t>(lowest) + reserve;
}

}  // namespace

// Start-up order matters: types need interned names and the empty tuple, builtins need the types, sys needs the
// builtins, and the standard streams need sys.
Interpreter::Interpreter() {
  thread.interp = this;
  thread.heap = &heap;
  thread.native_stack_floor = native_stack_floor_of_this_thread();
  ThreadState& ts = thread;
  // The empty tuple and the names come first: type initialisation uses both.
  auto* empty = ts.alloc<TupleObject>(&tuple_type, sizeof(TupleObject));
  empty->size = 0;
  empty_tuple = Value(empty);
#define X(member, text) names.member = intern(ts, text);
  MINIPY_NAMES(X)
#undef X
  init_types(ts);
  init_traceback_type(ts);
  inherit_static_slots();
  init_weakref_type(ts);
  init_buffer_types(ts);
  modules = make_dict(ts);
  init_builtins(ts);
  init_runtime_compiler(ts);
  init_sys(ts);
  init_standard_streams(ts);
  init_signals(ts);
  reset_atexit(ts);
  start_type_lookup_cache();
  // Tests set MINIPY_GC_STRESS to collect at every safe point, shaking out missing roots and trace slots.
  if (const char* stress = std::getenv("MINIPY_GC_STRESS"); stress && *stress) heap.set_stress(true);
}

Interpreter::~Interpreter() = default;

void Interpreter::collect_garbage(const FinalizeOrder& order) { heap.collect(mark_roots, this, order); }

// Safe points are where the loop has saved its registers (frame stack tops are current), so every live value is either
// in a frame the collector walks or on the native stack it scans. Finalizers run after the collection, never inside it,
// because they are Python code that may allocate.
void collect_garbage_at_safe_point(ThreadState& ts) {
  ts.eval_breaker = false;
  if ((ts.heap->collection_due() || ts.heap->stress()) && !collect_observed_by_gc_module(ts)) ts.interp->collect_garbage();
  if (ts.heap->has_pending()) run_pending_finalizers(ts);
}

// The eval breaker's work at an instruction boundary: a due collection, then the Python handlers of signals that
// arrived (false with their exception pending, e.g. KeyboardInterrupt).
bool handle_eval_breaker(ThreadState& ts) {
  collect_garbage_at_safe_point(ts);
  return run_signal_handlers(ts);
}

// The slot (not the value) is registered, so the global may be reassigned freely afterwards.
void register_root(ThreadState& ts, Value* slot) { ts.extra_roots.push_back(slot); }

}  // namespace minipy
