// sys.settrace / sys.setprofile / sys.gettrace / sys.getprofile and the events they deliver: CPython 3.11's
// ceval.c (call_trace, call_trace_protected, call_exc_trace, maybe_call_line_trace, trace_call_function) and
// sysmodule.c (trace_trampoline, profile_trampoline, call_trampoline), written for minipy's loop (see
// sys_trace.h for how the loop reaches this file at no cost while nothing is traced).
//
// The rules kept from CPython 3.11:
// - a trace function gets 'call' (the global function; its result becomes the frame's f_trace), then through
//   f_trace 'line', 'opcode' (with f_trace_opcodes), 'return' (the value, or None when an exception leaves)
//   and 'exception' ((type, value, traceback)); a generator's resumption is a new 'call';
// - 'line' fires when an instruction's line differs from the last traced instruction's in that frame, or on a
//   backward jump (a loop's next iteration) unless the instruction is SEND (a `yield from`'s loop);
// - instructions before the code's first RESUME are not traced; nothing is traced inside a hook;
// - a profile function gets 'call' and 'return' for Python frames and 'c_call', 'c_return', 'c_exception' for
//   calls of builtin functions and methods (a method descriptor called with its self is bound first);
// - the frame's f_locals is refreshed before each call of a hook and copied back into the fast locals after
//   (so a debugger can change variables); a hook that raises is removed (and the frame's f_trace cleared).
#include "stdlib/native/sys_trace.h"

#include <cstring>

#include "compiler/linetable.h"
#include "compiler/opcodes.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/sys_frame.h"
#include "vm/interp/eval_support.h"
#include "vm/interp/frame.h"

namespace minipy {

bool frame_hooks_enabled = false;

namespace {

// The loop's tables (attach_dispatch_tables).
void** g_table = nullptr;
void* const* g_real = nullptr;
void* g_hook = nullptr;

Value g_trace_func;     // sys.settrace's function (null: none); rooted once set
Value g_profile_func;   // sys.setprofile's (or the owner of g_native_profile)
NativeProfileFn g_native_profile = nullptr;  // set_native_profile's function: called instead of g_profile_func
bool g_roots_registered = false;
int g_in_hook = 0;      // > 0 while a hook runs (CPython's tstate->tracing): nothing is traced then

// The events, in CPython's PyTrace_* order (kEventNames is indexed by them).
enum Event { kCall, kException, kLine, kReturn, kCCall, kCException, kCReturn, kOpcode };
Event g_last_event = kCall;  // CPython's tstate->tracing_what
constexpr const char* kEventNames[] = {"call", "exception", "line", "return", "c_call", "c_exception", "c_return",
                                       "opcode"};

constexpr int op(Opcode o) { return static_cast<int>(o); }

// Index of the code's first RESUME: instructions before it (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR) are not
// traced, as CPython's _co_firsttraceable.
int first_traceable(const CodeObj* code) {
  for (int i = 0; i < code->ncodeunits; i++)
    if ((code->code[i] & 0xFF) == op(Opcode::RESUME)) return i;
  return 0;
}

int line_at(const CodeObj* code, int lasti) {
  if (lasti < 0) return -1;
  const CodeObject& src = code->src();
  return location_at(src.linetable, src.firstlineno, lasti).lineno;
}

// One delivery of `event` to the trace (or, with `profile`, the profile) function for frame object `f`, as
// trace_trampoline / profile_trampoline + call_trampoline. False with the hook's exception pending.
bool deliver(ThreadState& ts, FrameObject* f, Event event, Value arg, bool profile) {
  Value callback = profile ? g_profile_func : (event == kCall ? g_trace_func : f->trace);
  if (!callback) return true;
  g_in_hook++;
  g_last_event = event;
  Value result;
  if (profile && g_native_profile) {
    RootScope keep(ts, &callback);
    if (g_native_profile(ts, callback, f, static_cast<TraceEventKind>(event), arg)) result = None();
  } else if (frame_object_locals(ts, f)) {
    Value args[3] = {Value(f), Value(intern(ts, kEventNames[event])), arg ? arg : None()};
    RootScope keep(ts, &callback);
    result = call(ts, callback, args);
    Value pending = ts.current_exception;
    ts.current_exception = Value();
    frame_object_locals_to_fast(ts, f);
    ts.current_exception = pending;
  }
  g_in_hook--;
  if (!result) {
    // A hook that fails is removed (CPython: _PyEval_SetTrace(NULL) and f_trace cleared).
    if (profile) {
      g_profile_func = Value();
      g_native_profile = nullptr;
    } else {
      g_trace_func = Value();
      f->trace = Value();
    }
    frame_registry_changed();
    return false;
  }
  if (!profile && !is_none(result)) {
    f->trace = result;
    pin_frame_object(ts, f);
  }
  return true;
}

// The trace and profile functions' 'call' or 'return' event for `frame`.
bool deliver_both(ThreadState& ts, Frame* frame, Event event, Value arg) {
  FrameObject* f = frame_object_of(ts, frame);
  if (g_trace_func && !deliver(ts, f, event, arg, false)) return false;
  if (g_profile_func && !deliver(ts, f, event, arg, true)) return false;
  return true;
}

// 'line' and 'opcode' for the instruction at `lasti` (maybe_call_line_trace).
bool line_events(ThreadState& ts, Frame* frame, int opcode, int lasti) {
  FrameObject* f = frame_object_of(ts, frame);
  int prev = f->trace_prev;
  f->trace_prev = lasti;
  if (prev >= 0 && (frame->code->code[prev] & 0xFF) == op(Opcode::SEND) &&
      lasti == prev + 1 + (frame->code->code[prev] >> 8)) {
    // The SEND before jumped to its target: its receiver returned. CPython 3.11's traced SEND calls send()/__next__ and so
    // sees the StopIteration carrying the value, and reports it as an 'exception' event.
    Value value = frame->stack_top[-1];
    Value exc = new_exception(ts, &StopIteration_type, is_none(value) ? std::span<const Value>() : std::span<const Value>(&value, 1));
    if (!exc) return false;
    Value items[3] = {Value(&StopIteration_type), exc, None()};
    Value arg(make_tuple(ts, items));
    if (!deliver(ts, f, kException, arg, false)) return false;
  }
  int line = line_at(frame->code, lasti);
  if (line != -1 && f->trace_lines) {
    bool backward = lasti < prev && opcode != op(Opcode::SEND);
    // The first instruction after the entry RESUME always starts a line (a class body's first line is the
    // line of its RESUME too).
    int last_line = prev <= first_traceable(frame->code) ? -1 : line_at(frame->code, prev);
    if (line != last_line || backward) {
      if (!deliver(ts, f, kLine, Value(), false)) return false;
    }
  }
  if (f->trace_opcodes && !deliver(ts, f, kOpcode, Value(), false)) return false;
  return true;
}

// Calls builtin `callable` (a native function, or a method descriptor bound to args[0] first, as CPython's
// profiler sees it) between the 'c_call' and 'c_return' / 'c_exception' events (trace_call_function). kTraceRun
// (nothing done) for any other callable; kTraceError with the exception pending; else kTraceRan with `*result`.
TraceAction call_with_c_events(ThreadState& ts, Frame* frame, Value callable, std::span<const Value> args,
                               TupleObject* kwnames, Value* result) {
  if (!callable.is_object()) return kTraceRun;
  Type* t = callable.as_object()->type;
  Value func = callable;
  if (t == &method_descriptor_type && positional_count(args, kwnames) > 0) {
    func = t->descr_get(ts, callable, args[0], Value(type_of(args[0])));
    if (!func) return kTraceError;
    args = args.subspan(1);
  } else if (t != &native_function_type) {
    return kTraceRun;
  }
  RootScope keep(ts, &func);
  FrameObject* f = frame_object_of(ts, frame);
  if (!deliver(ts, f, kCCall, func, true)) return kTraceError;
  *result = call(ts, func, args, kwnames);
  if (!*result) {
    if (g_profile_func) {
      Value pending = ts.current_exception;
      ts.current_exception = Value();
      if (deliver(ts, f, kCException, func, true)) ts.current_exception = pending;
    }
    return kTraceError;
  }
  if (g_profile_func) {
    RootScope keep_result(ts, result);
    if (!deliver(ts, f, kCReturn, func, true)) return kTraceError;
  }
  return kTraceRan;
}

// CALL with a profile function: a builtin is called here (call_with_c_events), then the instruction is done.
TraceAction profiled_call(ThreadState& ts, Frame* frame, int oparg, TupleObject* kwnames) {
  Value* sp = frame->stack_top;
  bool is_meth = bool(sp[-(oparg + 2)]);
  int total = oparg + (is_meth ? 1 : 0);
  Value result;
  TraceAction action = call_with_c_events(ts, frame, sp[-(total + 1)],
                                          std::span<const Value>(sp - total, static_cast<size_t>(total)), kwnames,
                                          &result);
  if (action != kTraceRan) return action;
  // The instruction is done: its operands replaced by the result, its caches skipped.
  sp -= oparg + 2;
  *sp++ = result;
  frame->stack_top = sp;
  frame->next_instr += kOpcodeTable[op(Opcode::CALL)].cache_entries;
  return kTraceRan;
}

// CALL_FUNCTION_EX (f(*args, **kwargs)) with a profile function: a builtin gets its C-call events too. The stack
// holds NULL, f, args and (oparg & 1) kwargs; the result replaces all of them, as the instruction's own handler.
TraceAction profiled_call_ex(ThreadState& ts, Frame* frame, int oparg) {
  Value* sp = frame->stack_top;
  int operands = (oparg & 1) ? 3 : 2;
  Value func = sp[-operands];
  if (!func.is_object() || (type_of(func) != &native_function_type && type_of(func) != &method_descriptor_type))
    return kTraceRun;
  TupleObject* kwnames = nullptr;
  ListObject* gathered =
      eval_support::gather_call_ex_args(ts, func, sp[1 - operands], (oparg & 1) ? sp[-1] : Value(), &kwnames);
  if (!gathered) return kTraceError;
  Value keep_args(gathered), keep_names = kwnames ? Value(kwnames) : Value();
  RootScope root_args(ts, &keep_args);
  RootScope root_names(ts, &keep_names);
  Value result;
  TraceAction action = call_with_c_events(ts, frame, func, gathered->span(), kwnames, &result);
  if (action != kTraceRan) return action;
  sp -= operands + 1;
  *sp++ = result;
  frame->stack_top = sp;
  return kTraceRan;
}

}  // namespace

void attach_dispatch_tables(void** table, void* const* real_handlers, void* hook) {
  g_table = table;
  g_real = real_handlers;
  g_hook = hook;
  frame_registry_changed();
}

bool tracing_active() { return g_trace_func || g_profile_func; }

TraceEventKind last_trace_event() { return static_cast<TraceEventKind>(g_last_event); }

void frame_registry_changed() {
  bool tracing = tracing_active();
  frame_hooks_enabled = tracing || frame_objects_live();
  if (!g_table) return;
  std::memcpy(g_table, g_real, 256 * sizeof(void*));
  if (tracing) {
    for (int i = 0; i < 256; i++) g_table[i] = g_hook;
  } else if (frame_objects_live()) {
    g_table[op(Opcode::RETURN_VALUE)] = g_hook;
  }
}

TraceAction trace_before_instruction(ThreadState& ts, Frame* frame, int opcode, int oparg, TupleObject* kwnames) {
  if (tracing_active() && !g_in_hook) {
    int lasti = frame->lasti();
    if (lasti >= first_traceable(frame->code)) {
      if (opcode == op(Opcode::RESUME)) {
        frame_object_of(ts, frame)->trace_prev = lasti;
        if (!deliver_both(ts, frame, kCall, Value())) return kTraceError;
      } else if (g_trace_func && !line_events(ts, frame, opcode, lasti)) {
        return kTraceError;
      }
      if (opcode == op(Opcode::RETURN_VALUE) || opcode == op(Opcode::YIELD_VALUE)) {
        if (!deliver_both(ts, frame, kReturn, frame->stack_top[-1])) return kTraceError;
      } else if (opcode == op(Opcode::CALL) && g_profile_func) {
        TraceAction action = profiled_call(ts, frame, oparg, kwnames);
        if (action != kTraceRun) return action;
      } else if (opcode == op(Opcode::CALL_FUNCTION_EX) && g_profile_func) {
        TraceAction action = profiled_call_ex(ts, frame, oparg);
        if (action != kTraceRun) return action;
      }
    }
  }
  if (opcode == op(Opcode::RETURN_VALUE) && frame_objects_live()) detach_frame_object(ts, frame);
  return kTraceRun;
}

bool trace_throw_entry(ThreadState& ts, Frame* frame) {
  if (!tracing_active() || g_in_hook) return true;
  Value exc = ts.current_exception;
  RootScope keep(ts, &exc);
  ts.current_exception = Value();
  if (!deliver_both(ts, frame, kCall, Value())) return false;
  ts.current_exception = exc;
  return true;
}

void trace_exception_raised(ThreadState& ts, Frame* frame) {
  if (!g_trace_func || g_in_hook || frame->lasti() < first_traceable(frame->code)) return;
  Value exc = ts.current_exception;
  if (!exc) return;
  auto* e = static_cast<ExceptionObject*>(exc.as_object());
  Value items[3] = {Value(type_of(exc)), exc, e->traceback ? e->traceback : None()};
  Value arg(make_tuple(ts, items));
  RootScope keep(ts, &exc);
  ts.current_exception = Value();
  if (deliver(ts, frame_object_of(ts, frame), kException, arg, false)) ts.current_exception = exc;
}

void trace_frame_unwound(ThreadState& ts, Frame* frame) {
  if (tracing_active() && !g_in_hook && frame->lasti() >= first_traceable(frame->code)) {
    Value exc = ts.current_exception;
    RootScope keep(ts, &exc);
    ts.current_exception = Value();
    if (deliver_both(ts, frame, kReturn, Value())) ts.current_exception = exc;
  }
  if (frame_objects_live()) detach_frame_object(ts, frame);
}

namespace {

// settrace(function) / setprofile(function): None removes the hook.
Value set_hook(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames, Value* hook) {
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 1, 1)) return Value();
  if (!g_roots_registered) {
    register_root(ts, &g_trace_func);
    register_root(ts, &g_profile_func);
    g_roots_registered = true;
  }
  bool was_active = tracing_active();
  *hook = is_none(args[0]) ? Value() : args[0];
  if (hook == &g_profile_func) g_native_profile = nullptr;  // a Python profile function replaces a native one
  if (!was_active && tracing_active()) {
    // The running frames' objects last saw an instruction when tracing was off: their last traced instruction
    // is the one running now (CPython keeps prev_instr always).
    for (Frame* frame = ts.current_frame; frame; frame = frame->previous)
      if (FrameObject* f = existing_frame_object(frame)) f->trace_prev = frame->lasti();
  }
  frame_registry_changed();
  return None();
}

}  // namespace

void set_native_profile(ThreadState& ts, Value owner, NativeProfileFn fn) {
  Value arg = owner ? owner : None();
  (void)set_hook(ts, "sys.setprofile", std::span<const Value>(&arg, 1), nullptr, &g_profile_func);
  g_native_profile = owner ? fn : nullptr;
}

// The sys functions (listed in sys.cpp's table).
Value sys_settrace(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return set_hook(ts, "sys.settrace", args, kwnames, &g_trace_func);
}
Value sys_setprofile(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return set_hook(ts, "sys.setprofile", args, kwnames, &g_profile_func);
}
Value sys_gettrace(ThreadState&, Value, std::span<const Value>, TupleObject*) {
  return g_trace_func ? g_trace_func : None();
}
Value sys_getprofile(ThreadState&, Value, std::span<const Value>, TupleObject*) {
  return g_profile_func ? g_profile_func : None();
}

}  // namespace minipy
