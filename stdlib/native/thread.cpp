// The native `_thread` module as a single-threaded stand-in: minipy runs one thread, so locks only count
// (acquire/release/locked, RLock's owner and recursion), get_ident is constant, and start_new_thread raises a
// clear RuntimeError. What Lib's users of _thread (threading's imports, functools, reprlib, tempfile,
// dataclasses) need. A blocking acquire of a lock already held can never succeed with one thread: it raises
// RuntimeError instead of hanging forever (with a timeout it waits that long and returns False, as CPython).
#include <unistd.h>

#include <ctime>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/thread.h"

namespace minipy {

namespace {

Type lock_type;
Type rlock_type;
Type local_type;

struct LockObject : Object {
  DictObject* dict;  // kept for subclasses' attributes (and _local's)
  int64_t count;     // acquisitions not yet released (0 or 1 for a plain lock)
};


#define TH_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

LockObject* as_lock(Value v) { return static_cast<LockObject*>(v.as_object()); }

void trace_lock(Object* self, Tracer& tracer) { tracer.visit(static_cast<LockObject*>(self)->dict); }

Value lock_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  return Value(alloc_instance<LockObject>(ts, type));
}

// acquire(blocking=True, timeout=-1)
TH_FN(lock_acquire) {
  static const char* const kNames[] = {"blocking", "timeout"};
  Value a[2];
  if (!native::parse_args(ts, "acquire", args, kwnames, kNames, 0, 0, a, 2)) return Value();
  int blocking = a[0] ? py_truth(ts, a[0]) : 1;
  if (blocking < 0) return Value();
  double timeout = -1;
  if (a[1]) {
    bool number;
    if (!to_double(ts, a[1], &timeout, &number) && ts.current_exception) return Value();
    // CPython converts the timeout with _PyTime_FromSecondsObject, whose TypeError for a non-number is worded this way;
    // its two ValueErrors below come in lock_acquire_parse_args's order.
    if (!number) return raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(a[1]));
    if (!blocking && timeout != -1) return raise(ts, ValueError_type, "can't specify a timeout for a non-blocking call");
    if (timeout < 0 && timeout != -1) return raise(ts, ValueError_type, "timeout value must be a non-negative number");
  }
  LockObject* l = as_lock(self);
  bool reentrant = type_of(self) == &rlock_type || is_subtype(type_of(self), &rlock_type);
  if (l->count == 0 || reentrant) {
    l->count++;
    return True();
  }
  if (!blocking) return False();
  // With one thread nobody can release the lock during the wait, so a timed acquire of a held lock is a sleep that ends
  // in failure, which is exactly what CPython would observe.
  if (timeout >= 0) {
    timespec t{static_cast<time_t>(timeout), static_cast<long>((timeout - static_cast<double>(static_cast<time_t>(timeout))) * 1e9)};
    nanosleep(&t, nullptr);
    return False();
  }
  return raise(ts, RuntimeError_type, "deadlock: the only thread waits for a lock it holds (minipy runs one thread)");
}

TH_FN(lock_release) {
  (void)args, (void)kwnames;
  LockObject* l = as_lock(self);
  if (l->count == 0) {
    bool reentrant = is_subtype(type_of(self), &rlock_type);
    return raise(ts, RuntimeError_type, reentrant ? "cannot release un-acquired lock" : "release unlocked lock");
  }
  l->count--;
  return None();
}
TH_FN(lock_locked) { return (void)ts, (void)args, (void)kwnames, Bool(as_lock(self)->count > 0); }
TH_FN(lock_enter) { return lock_acquire(ts, self, args, kwnames); }
TH_FN(lock_exit) { return (void)args, (void)kwnames, lock_release(ts, self, {}, nullptr); }
TH_FN(rlock_is_owned) { return (void)ts, (void)args, (void)kwnames, Bool(as_lock(self)->count > 0); }
TH_FN(lock_at_fork) { return (void)ts, (void)self, (void)args, (void)kwnames, None(); }

Value lock_repr(ThreadState& ts, Value self) {
  LockObject* l = as_lock(self);
  if (is_subtype(type_of(self), &rlock_type))
    return Value(make_str(ts, fmt::format("<{} {} object owner={} count={} at {:#x}>", l->count ? "locked" : "unlocked",
                                          "_thread.RLock", l->count ? kMainThreadIdent : 0, l->count, self.bits())));
  return Value(make_str(ts, fmt::format("<{} _thread.lock object at {:#x}>", l->count ? "locked" : "unlocked", self.bits())));
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire}, {"acquire_lock", lock_acquire}, {"release", lock_release},
    {"release_lock", lock_release}, {"locked", lock_locked}, {"locked_lock", lock_locked},
    {"__enter__", lock_enter}, {"__exit__", lock_exit}, {"_at_fork_reinit", lock_at_fork},
};
const MethodDef kRLockMethods[] = {
    {"acquire", lock_acquire}, {"release", lock_release}, {"__enter__", lock_enter},
    {"__exit__", lock_exit},   {"_is_owned", rlock_is_owned}, {"_at_fork_reinit", lock_at_fork},
};

TH_FN(th_allocate_lock) {
  (void)self;
  if (!exact_args(ts, "allocate_lock", args, kwnames, 0, 0)) return Value();
  return lock_new(ts, &lock_type, {}, nullptr);
}
TH_FN(th_get_ident) { return (void)self, (void)args, (void)kwnames, make_int(ts, kMainThreadIdent); }
// On Linux the main thread's kernel thread id is the process id, so getpid() is the true native id here.
TH_FN(th_get_native_id) { return (void)self, (void)args, (void)kwnames, make_int(ts, getpid()); }
// threading's main thread asks for the lock that is released when its thread state ends; with one thread
// that never happens before exit, so any fresh lock serves.
TH_FN(th_set_sentinel) {
  (void)self;
  if (!exact_args(ts, "_set_sentinel", args, kwnames, 0, 0)) return Value();
  return lock_new(ts, &lock_type, {}, nullptr);
}
TH_FN(th_count) { return (void)ts, (void)self, (void)args, (void)kwnames, Value::small_int(0); }
TH_FN(th_start_new_thread) {
  (void)self, (void)args, (void)kwnames;
  return raise(ts, RuntimeError_type, "can't start new thread: minipy runs a single thread");
}
TH_FN(th_stack_size) { return (void)ts, (void)self, (void)args, (void)kwnames, Value::small_int(0); }
TH_FN(th_daemon_threads_allowed) { return (void)ts, (void)self, (void)args, (void)kwnames, True(); }
TH_FN(th_interrupt_main) {
  (void)self, (void)args, (void)kwnames;
  // CPython only simulates a SIGINT, and the KeyboardInterrupt surfaces at the next check of the eval loop; with one
  // thread that is right after this call returns, so raising it here is indistinguishable apart from the traceback's
  // last line.
  return raise_value(ts, new_exception(ts, &KeyboardInterrupt_type, {}));
}

const MethodDef kThreadFunctions[] = {
    {"allocate_lock", th_allocate_lock},     {"allocate", th_allocate_lock},
    {"get_ident", th_get_ident},             {"get_native_id", th_get_native_id},
    {"_count", th_count},                    {"start_new_thread", th_start_new_thread},
    {"start_new", th_start_new_thread},      {"stack_size", th_stack_size},
    {"daemon_threads_allowed", th_daemon_threads_allowed}, {"interrupt_main", th_interrupt_main},
    {"_set_sentinel", th_set_sentinel},
};

}  // namespace

ModuleObject* create_thread_module(ThreadState& ts) {
  if (begin_native_type(ts, lock_type, "lock", "_thread", sizeof(LockObject))) {
    lock_type.new_instance = lock_new;
    lock_type.trace = trace_lock;
    lock_type.repr = lock_repr;
    add_methods(ts, lock_type, kLockMethods);
    finish_native_type(ts, lock_type);
  }
  if (begin_native_type(ts, rlock_type, "RLock", "_thread", sizeof(LockObject), kTypeBaseType)) {
    rlock_type.new_instance = lock_new;
    rlock_type.trace = trace_lock;
    rlock_type.repr = lock_repr;
    rlock_type.dict_offset = offsetof(LockObject, dict);
    add_methods(ts, rlock_type, kRLockMethods);
    finish_native_type(ts, rlock_type);
  }
  // _local: with one thread, a thread-local object is an ordinary object with attributes.
  if (begin_native_type(ts, local_type, "_local", "_thread", sizeof(LockObject), kTypeBaseType)) {
    local_type.new_instance = lock_new;
    local_type.trace = trace_lock;
    local_type.dict_offset = offsetof(LockObject, dict);
    finish_native_type(ts, local_type);
  }
  ModuleObject* m = make_module(ts, "_thread");
  add_module_functions(ts, m, kThreadFunctions);
  add_module_value(ts, m, "LockType", Value(static_cast<Object*>(&lock_type)));
  add_module_value(ts, m, "lock", Value(static_cast<Object*>(&lock_type)));
  add_module_value(ts, m, "RLock", Value(static_cast<Object*>(&rlock_type)));
  add_module_value(ts, m, "_local", Value(static_cast<Object*>(&local_type)));
  add_module_value(ts, m, "error", Value(&RuntimeError_type));
  // CPython's PY_TIMEOUT_MAX in seconds on 64-bit Linux (what python3.11 reports); used by threading's waits.
  add_module_value(ts, m, "TIMEOUT_MAX", make_float(ts, 9223372036.0));
  return m;
}

}  // namespace minipy
