// The parts of sys that describe the runtime rather than the program: stdlib_module_names, the thread switch
// interval, thread_info and _current_frames, the dlopen flags, getallocatedblocks and call_tracing.
// minipy has one thread and loads no extension modules, so the switch interval and the dlopen flags are only
// stored (validated and rounded as CPython does) and _current_frames has the main thread's frame alone.
#include <dlfcn.h>
#include <unistd.h>

#include <cmath>
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/struct_sequence.h"
#include "stdlib/native/sys.h"
#include "stdlib/native/thread.h"
#include "vm/objects/generator.h"

namespace minipy {

namespace {

// The names of CPython 3.11's standard library modules, as the host python3.11 reports them: written into the
// build directory by stdlib/native/gen/gen_stdlib_module_names.py (never a list kept by hand).
constexpr const char* kStdlibModuleNames[] = {
#include "sys/stdlib_module_names.inc"
};

// The interval in microseconds, as CPython's GIL keeps it (5 ms by default).
uint64_t switch_interval_us = 5000;
int64_t dlopen_flags = RTLD_NOW;

// CPython converts the interval with a C cast `(unsigned long)(1e6 * interval)`; for values out of range the
// result is what x86-64's conversion gives (huge values and infinity become 0, NaN becomes 2**63). Spelled
// out here so that the stored value matches without relying on undefined behaviour.
uint64_t microseconds_as_c_cast(double seconds) {
  double us = 1e6 * seconds;
  constexpr double kTwo63 = 9223372036854775808.0;
  auto truncate = [](double x) -> uint64_t {  // cvttsd2si: out of range or NaN gives INT64_MIN's bits
    if (std::isnan(x) || x >= 9223372036854775808.0 || x < -9223372036854775808.0) return uint64_t{1} << 63;
    return static_cast<uint64_t>(static_cast<int64_t>(x));
  };
  if (us >= kTwo63) return truncate(us - kTwo63) ^ (uint64_t{1} << 63);
  return truncate(us);
}

// call_tracing(func, args, /): func(*args); args must be a tuple.
NATIVE_FN(sys_call_tracing) {
  (void)self;
  if (!check_positional_args(ts, "call_tracing", args, kwnames, 2, 2)) return Value();
  if (type_of(args[1]) != &tuple_type && !is_subtype(type_of(args[1]), &tuple_type))
    return raise_fmt(ts, TypeError_type, "call_tracing() argument 2 must be tuple, not {}",
                     type_of(args[1])->name->view());
  return call(ts, args[0], static_cast<TupleObject*>(args[1].as_object())->span());
}

NATIVE_FN(sys_getswitchinterval) {
  (void)self;
  if (!check_positional_args(ts, "sys.getswitchinterval", args, kwnames, 0, 0)) return Value();
  return make_float(ts, 1e-6 * static_cast<double>(switch_interval_us));
}

// setswitchinterval(interval, /): a positive number of seconds, kept in whole microseconds.
NATIVE_FN(sys_setswitchinterval) {
  (void)self;
  if (!check_positional_args(ts, "sys.setswitchinterval", args, kwnames, 1, 1)) return Value();
  double seconds;
  if (!native::as_double(ts, args[0], &seconds)) return Value();
  if (seconds <= 0.0) return raise(ts, ValueError_type, "switch interval must be strictly positive");
  switch_interval_us = microseconds_as_c_cast(seconds);
  return None();
}

NATIVE_FN(sys_getdlopenflags) {
  (void)self;
  if (!check_positional_args(ts, "sys.getdlopenflags", args, kwnames, 0, 0)) return Value();
  return make_int(ts, dlopen_flags);
}

// setdlopenflags(flags, /): a C int.
NATIVE_FN(sys_setdlopenflags) {
  (void)self;
  if (!check_positional_args(ts, "sys.setdlopenflags", args, kwnames, 1, 1)) return Value();
  int64_t flags;
  if (!index_to_int64(ts, args[0], &flags, "Python int too large to convert to C int")) return Value();
  if (flags > INT32_MAX || flags < INT32_MIN)
    return raise(ts, OverflowError_type, "Python int too large to convert to C int");
  dlopen_flags = flags;
  return None();
}

// getallocatedblocks(): the objects the heap holds now (live or not yet collected).
NATIVE_FN(sys_getallocatedblocks) {
  (void)self;
  if (!check_positional_args(ts, "sys.getallocatedblocks", args, kwnames, 0, 0)) return Value();
  int64_t count = 0;
  ts.heap->for_each_object([](void* context, Object*) { ++*static_cast<int64_t*>(context); }, &count);
  return make_int(ts, count);
}

// _current_frames(): {thread id: its topmost frame}; the only thread is the caller's.
NATIVE_FN(sys_current_frames) {
  (void)self;
  if (!check_positional_args(ts, "sys._current_frames", args, kwnames, 0, 0)) return Value();
  DictObject* frames = make_dict(ts);
  if (ts.current_frame) {
    Value frame = frame_object_of_generator(ts, ts.current_frame);
    if (!frame || !dict_set(ts, frames, make_int(ts, kMainThreadIdent), frame)) return Value();
  }
  return Value(frames);
}

const MethodDef kRuntimeFunctions[] = {
    {"call_tracing", sys_call_tracing},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"getdlopenflags", sys_getdlopenflags},
    {"setdlopenflags", sys_setdlopenflags},
    {"getallocatedblocks", sys_getallocatedblocks},
    {"_current_frames", sys_current_frames},
};

// sys.thread_info(name, lock, version): the POSIX threads build's values; version is the C library's threads
// implementation, as CPython reads it with confstr.
Value thread_info(ThreadState& ts) {
  static const char* const kFields[] = {"name", "lock", "version"};
  Value version = None();
#if defined(_CS_GNU_LIBPTHREAD_VERSION)
  char buffer[128];
  size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, buffer, sizeof buffer);
  if (n > 1 && n <= sizeof buffer) version = Value(make_str(ts, std::string(buffer, n - 1)));
#endif
  Value values[] = {Value(intern(ts, "pthread")), Value(intern(ts, "semaphore")), version};
  Value type = make_struct_sequence_type(ts, "sys", "thread_info", kFields, std::size(kFields));
  return type ? make_struct_sequence(ts, type, values) : type;
}

}  // namespace

void add_runtime_functions(ThreadState& ts, ModuleObject* sys) {
  auto set = [&](const char* name, Value v) { dict_set_str_new(ts, sys->dict, intern(ts, name), v); };
  for (const MethodDef& def : kRuntimeFunctions)
    set(def.name, make_native_function(ts, &def, Value(sys), Value(sys->name)));
  set("thread_info", thread_info(ts));
  // A frozenset, as CPython's.
  std::vector<Value> items;
  for (const char* name : kStdlibModuleNames) items.push_back(Value(intern(ts, name)));
  TupleObject* tuple = minipy::make_tuple(ts, items);
  Value arg = Value(tuple);
  Value names = call(ts, Value(&frozenset_type), {&arg, 1});
  if (names) set("stdlib_module_names", names);
  ts.current_exception = Value();
}

}  // namespace minipy
