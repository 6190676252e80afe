// The native `_lsprof` module, as CPython 3.11's _lsprof.c: the Profiler type under cProfile (enable with
// subcalls/builtins, disable, clear, getstats with the profiler_entry / profiler_subentry struct sequences, a
// custom timer with timeunit) that `cProfile.run`, `python -m cProfile` and pstats use.
//
// The events come from the VM's profiling hook (stdlib/native/sys_trace.cpp, sys.setprofile's machinery):
// enable() installs the profiler as a native profile function (sys.getprofile() answers the Profiler, as
// CPython's), so Python calls and returns and the calls of builtin functions and methods ('c_call', 'c_return',
// 'c_exception') arrive here. Builtins are
// keyed by their MethodDef as CPython keys them by PyMethodDef (every list's append is one entry) and are named
// as CPython names them ("<built-in method builtins.len>", "<method 'append' of 'list' objects>").
//
// Leaves out nothing of the 3.11 API; times come from CLOCK_MONOTONIC in nanoseconds (CPython's perf counter on
// Linux).
#include <time.h>

#include <map>
#include <vector>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/struct_sequence.h"
#include "stdlib/native/sys_frame.h"
#include "stdlib/native/sys_trace.h"

namespace minipy {

namespace {

// Statistics of one caller→callee pair (CPython's ProfilerSubEntry); `callee` is the callee's entry key.
struct SubEntry {
  int64_t callcount = 0, recursive_callcount = 0;
  int64_t total_time = 0, inline_time = 0;
  int recursion_level = 0;
};

// Statistics of one function (CPython's ProfilerEntry). `user_object` is the code object or builtin function
// first seen for the key; it is traced through the profiler.
struct Entry {
  Value user_object;
  int64_t callcount = 0, recursive_callcount = 0;
  int64_t total_time = 0, inline_time = 0;
  int recursion_level = 0;
  std::map<uintptr_t, SubEntry> calls;  // by callee key, in address order (CPython's rotating tree enumerates so)
};

// One active call (CPython's ProfilerContext): its entry, start time and the time spent in its callees.
struct Context {
  Entry* entry;
  uintptr_t key;
  int64_t start;
  int64_t subcall_time;
};

// What a Profiler owns outside the GC heap.
struct ProfilerState {
  std::map<uintptr_t, Entry> entries;  // by key: a code object's or a MethodDef's address
  std::vector<Context> stack;          // the active calls, innermost last
};

struct ProfilerObject : Object {
  ProfilerState* state;
  Value timer;      // the external timer, or null for the clock
  double timeunit;  // the external timer's unit (0: it returns seconds as a float)
  bool subcalls;
  bool builtins;
  bool enabled;
};

Type profiler_type;
Value stats_entry_type;     // _lsprof.profiler_entry
Value stats_subentry_type;  // _lsprof.profiler_subentry

ProfilerObject* as_profiler(Value v) { return static_cast<ProfilerObject*>(v.as_object()); }

void trace_profiler(Object* self, Tracer& tracer) {
  auto* p = static_cast<ProfilerObject*>(self);
  tracer.visit(p->timer);
  if (p->state)
    for (auto& [key, entry] : p->state->entries) tracer.visit(entry.user_object);
}

void finalize_profiler(Object* self) {
  auto* p = static_cast<ProfilerObject*>(self);
  delete p->state;
  p->state = nullptr;
}

// The current time in the profiler's ticks: nanoseconds of the clock, or the external timer's answer (an int
// in its own unit when timeunit > 0, else float seconds made nanoseconds). A failing timer is reported as
// unraisable and reads 0, as CPython's CallExternalTimer.
int64_t now(ThreadState& ts, ProfilerObject* p) {
  if (!p->timer) {
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
  }
  Value timer = p->timer;
  Value result = call(ts, timer, {});
  int64_t ticks = 0;
  if (result) {
    if (p->timeunit > 0.0) {
      if (!is_int(result)) {
        raise_fmt(ts, TypeError_type, "expect int, got {}", type_of(result)->c_name);
      } else if (!int_to_int64(result, &ticks)) {
        raise(ts, OverflowError_type, "timestamp too large to convert to C _PyTime_t");
      }
    } else {
      double seconds;
      if (native::as_double(ts, result, &seconds)) ticks = static_cast<int64_t>(seconds * 1e9);
    }
  }
  if (ts.current_exception) {
    write_unraisable(ts, timer);
    return 0;
  }
  return ticks;
}

// CPython's normalizeUserObj: builtins are named by a string instead of kept (their self would be kept alive).
// Never fails: a repr that raises falls back to the plain name.
Value describe_user_object(ThreadState& ts, Value obj) {
  if (!obj.is_object() || type_of(obj) != &native_function_type) return obj;
  auto* fn = static_cast<NativeFunctionObject*>(obj.as_object());
  const char* name = fn->def->name;
  Value owner = fn->self;
  if (owner && type_of(owner) != &module_type) {
    // A method: repr(type(self).NAME), e.g. "<method 'append' of 'list' objects>".
    if (Value descriptor = type_lookup(type_of(owner), intern(ts, name))) {
      Value text = py_repr(ts, descriptor);
      if (text) return text;
    }
    ts.current_exception = Value();
  }
  Value module = fn->module;
  if (module && type_of(module) == &module_type) module = Value(static_cast<ModuleObject*>(module.as_object())->name);
  if (module && is_str(module))
    return Value(make_str(ts, fmt::format("<built-in method {}.{}>", as_str(module)->view(), name)));
  return Value(make_str(ts, fmt::format("<built-in method {}>", name)));
}

// A call of `key` starts (ptrace_enter_call + initContext).
void enter_call(ThreadState& ts, ProfilerObject* p, uintptr_t key, Value user_object) {
  // An external timer is Python code: it runs before the bookkeeping, which it could otherwise upset (clear()).
  int64_t start = now(ts, p);
  ProfilerState& s = *p->state;
  auto [it, inserted] = s.entries.try_emplace(key);
  Entry& entry = it->second;
  // Named once, when first seen: pstats matches callers to callees by the identity of these objects.
  if (inserted) entry.user_object = describe_user_object(ts, user_object);
  entry.recursion_level++;
  if (p->subcalls && !s.stack.empty()) s.stack.back().entry->calls[key].recursion_level++;
  s.stack.push_back({&entry, key, start, 0});
}

// The innermost call ends and its times are charged to `entry` (CPython's Stop).
void stop_call(ProfilerObject* p, Entry* entry, uintptr_t key, int64_t end) {
  ProfilerState& s = *p->state;
  Context context = s.stack.back();
  int64_t total = end - context.start;
  int64_t inline_time = total - context.subcall_time;
  s.stack.pop_back();
  Context* caller = s.stack.empty() ? nullptr : &s.stack.back();
  if (caller) caller->subcall_time += total;
  if (--entry->recursion_level == 0) entry->total_time += total;
  else entry->recursive_callcount++;
  entry->inline_time += inline_time;
  entry->callcount++;
  if (p->subcalls && caller) {
    auto found = caller->entry->calls.find(key);
    if (found != caller->entry->calls.end()) {
      SubEntry& sub = found->second;
      if (--sub.recursion_level == 0) sub.total_time += total;
      else sub.recursive_callcount++;
      sub.inline_time += inline_time;
      sub.callcount++;
    }
  }
}

// A call of `key` returns (ptrace_leave_call): an unknown key just drops the innermost context.
void leave_call(ThreadState& ts, ProfilerObject* p, uintptr_t key) {
  int64_t end = now(ts, p);
  ProfilerState& s = *p->state;
  if (s.stack.empty()) return;
  auto found = s.entries.find(key);
  if (found == s.entries.end()) {
    s.stack.pop_back();
    return;
  }
  stop_call(p, &found->second, key, end);
}

// Ends every call still open (disable() and getstats() account for them as returned now).
void flush_unmatched(ThreadState& ts, ProfilerObject* p) {
  int64_t end = now(ts, p);
  ProfilerState& s = *p->state;
  while (!s.stack.empty()) stop_call(p, s.stack.back().entry, s.stack.back().key, end);
}


// The profile events from the VM's hook (sys_trace.h's native profile function); never fails.
bool profiler_hook(ThreadState& ts, Value owner, FrameObject* frame, TraceEventKind event, Value arg) {
  ProfilerObject* p = as_profiler(owner);
  if (!p->state) return true;
  if (event == TraceEventKind::kCall || event == TraceEventKind::kReturn) {
    uintptr_t key = reinterpret_cast<uintptr_t>(frame->code.as_object());
    if (event == TraceEventKind::kCall) enter_call(ts, p, key, frame->code);
    else leave_call(ts, p, key);
  } else if (p->builtins && arg && arg.is_object() && type_of(arg) == &native_function_type) {
    uintptr_t key = reinterpret_cast<uintptr_t>(static_cast<NativeFunctionObject*>(arg.as_object())->def);
    if (event == TraceEventKind::kCCall) enter_call(ts, p, key, arg);
    else if (event == TraceEventKind::kCReturn || event == TraceEventKind::kCException) leave_call(ts, p, key);
  }
  return true;
}

// getstats(): a list of profiler_entry, each with its callees as profiler_subentry (or None without subcalls).
NATIVE_FN(profiler_getstats) {
  if (!native::no_args(ts, "Profiler.getstats", args, kwnames)) return Value();
  ProfilerObject* p = as_profiler(self);
  double factor = p->timer && p->timeunit > 0.0 ? p->timeunit : 1e-9;
  ListObject* result = make_list(ts, 0);
  for (auto& [key, entry] : p->state->entries) {
    if (entry.callcount == 0) continue;
    Value calls = None();
    if (!entry.calls.empty()) {
      ListObject* list = make_list(ts, 0);
      calls = Value(list);
      for (auto& [callee_key, sub] : entry.calls) {
        auto callee = p->state->entries.find(callee_key);
        if (callee == p->state->entries.end()) continue;
        Value code = callee->second.user_object;
        Value items[5] = {code, make_int(ts, sub.callcount), make_int(ts, sub.recursive_callcount),
                          make_float(ts, factor * static_cast<double>(sub.total_time)),
                          make_float(ts, factor * static_cast<double>(sub.inline_time))};
        Value info = make_struct_sequence(ts, stats_subentry_type, items);
        if (!info || !list_append(ts, list, info)) return Value();
      }
    }
    Value items[6] = {entry.user_object, make_int(ts, entry.callcount),
                      make_int(ts, entry.recursive_callcount),
                      make_float(ts, factor * static_cast<double>(entry.total_time)),
                      make_float(ts, factor * static_cast<double>(entry.inline_time)), calls};
    Value info = make_struct_sequence(ts, stats_entry_type, items);
    if (!info || !list_append(ts, result, info)) return Value();
  }
  return Value(result);
}

// A flag argument (subcalls, builtins): its truth, or -1 for "leave as it is" when not given.
[[nodiscard]] bool flag_arg(ThreadState& ts, Value v, int* out) {
  *out = -1;
  if (!v) return true;
  *out = py_truth(ts, v);
  return *out >= 0;
}

// enable(subcalls=True, builtins=True): installs the profiler as the profile function.
NATIVE_FN(profiler_enable) {
  Value v[2];
  if (!native::parse_args(ts, "enable", args, kwnames, {"subcalls", "builtins"}, 0, 0, v)) return Value();
  int subcalls, builtins;
  if (!flag_arg(ts, v[0], &subcalls) || !flag_arg(ts, v[1], &builtins)) return Value();
  ProfilerObject* p = as_profiler(self);
  if (subcalls >= 0) p->subcalls = subcalls;
  if (builtins >= 0) p->builtins = builtins;
  set_native_profile(ts, self, profiler_hook);
  p->enabled = true;
  return None();
}

// disable(): removes the profile function; calls still open count as returned now.
NATIVE_FN(profiler_disable) {
  if (!native::no_args(ts, "Profiler.disable", args, kwnames)) return Value();
  ProfilerObject* p = as_profiler(self);
  if (p->enabled) {
    set_native_profile(ts, Value(), nullptr);
    p->enabled = false;
  }
  flush_unmatched(ts, p);
  return None();
}

// clear(): forgets every statistic (and the calls in progress).
NATIVE_FN(profiler_clear) {
  if (!native::no_args(ts, "Profiler.clear", args, kwnames)) return Value();
  ProfilerObject* p = as_profiler(self);
  p->state->entries.clear();
  p->state->stack.clear();
  return None();
}

// Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)
Value new_profiler(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value v[4];
  if (!native::parse_args(ts, "Profiler", args, kwnames, {"timer", "timeunit", "subcalls", "builtins"}, 0, 0, v))
    return Value();
  double timeunit = 0.0;
  if (v[1] && !native::as_double(ts, v[1], &timeunit)) return Value();
  int subcalls, builtins;
  if (!flag_arg(ts, v[2], &subcalls) || !flag_arg(ts, v[3], &builtins)) return Value();
  auto* p = alloc_instance<ProfilerObject>(ts, type);
  p->state = new ProfilerState;
  p->timer = v[0] && !is_none(v[0]) ? v[0] : Value();
  p->timeunit = timeunit;
  p->subcalls = subcalls != 0;  // -1 (not given) is true
  p->builtins = builtins != 0;
  return Value(p);
}

const MethodDef kProfilerMethods[] = {{"getstats", profiler_getstats},
                                      {"enable", profiler_enable},
                                      {"disable", profiler_disable},
                                      {"clear", profiler_clear}};

void ready_types(ThreadState& ts) {
  if (native::native_type_ready(profiler_type)) return;
  native::init_native_type(ts, profiler_type, "Profiler", "_lsprof", sizeof(ProfilerObject), true);
  profiler_type.new_instance = new_profiler;
  profiler_type.trace = trace_profiler;
  profiler_type.finalize = finalize_profiler;
  // An enabled profiler is reachable from the installed hook (its self), so it never dies enabled.
  add_methods(ts, profiler_type, kProfilerMethods);
  native::complete_native_type(ts, profiler_type);
  add_native_new(ts, profiler_type);  // profiler.__new__(Subclass, ...) works, as CPython's
  static constexpr const char* kEntryFields[] = {"code", "callcount", "reccallcount", "totaltime", "inlinetime",
                                                 "calls"};
  static constexpr const char* kSubEntryFields[] = {"code", "callcount", "reccallcount", "totaltime", "inlinetime"};
  stats_entry_type = make_struct_sequence_type(ts, "_lsprof", "profiler_entry", kEntryFields, 6);
  register_root(ts, &stats_entry_type);
  stats_subentry_type = make_struct_sequence_type(ts, "_lsprof", "profiler_subentry", kSubEntryFields, 5);
  register_root(ts, &stats_subentry_type);
}

}  // namespace

ModuleObject* create_lsprof_module(ThreadState& ts) {
  ready_types(ts);
  ModuleObject* m = make_module(ts, "_lsprof");
  add_module_value(ts, m, "Profiler", Value(&profiler_type));
  add_module_value(ts, m, "profiler_entry", stats_entry_type);
  add_module_value(ts, m, "profiler_subentry", stats_subentry_type);
  return m;
}

}  // namespace minipy
