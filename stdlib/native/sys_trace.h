// Tracing and profiling (sys.settrace / sys.setprofile; CPython's ceval.c call_trace family and sysmodule.c's
// trace_trampoline), as the interpreter loop (vm/interp/eval.cpp) sees them.
//
// The loop pays nothing while no hook is set: its computed-goto table is swapped. With a trace or profile
// function, every entry of the table points at one label that calls trace_before_instruction() and then jumps to
// the real handler (kept in a second table); with only live frame objects (sys_frame.h), just RETURN_VALUE is
// routed there, so the returning frame's object can take its last state. The exception paths, which are not hot,
// test frame_hooks_enabled.
#pragma once
#include "vm/runtime.h"

namespace minipy {

struct FrameObject;

// True while a trace or profile function is set or a frame object is live: the loop's error path then calls
// the hooks below.
extern bool frame_hooks_enabled;

// What trace_before_instruction tells the loop.
enum TraceAction : int {
  kTraceError = 0,     // an exception is pending: handle it at the current instruction
  kTraceRun = 1,       // run the instruction (its real handler)
  kTraceRan = 2,       // the hook ran the instruction itself (a profiled C call): reload the frame's registers
};

// Hands the loop's tables to the tracing machinery once: `table` is the one DISPATCH reads, `real_handlers` the
// handlers proper, `hook` the label that calls trace_before_instruction.
void attach_dispatch_tables(void** table, void* const* real_handlers, void* hook);
// Re-derives the dispatch table after a hook or the set of live frame objects changed.
void frame_registry_changed();
// Whether a trace or profile function is set.
bool tracing_active();
// The kind of the event last delivered to a hook (CPython's tstate->tracing_what; 'call' before any): assigning
// f_lineno is refused unless it is 'line'.
enum class TraceEventKind { kCall, kException, kLine, kReturn, kCCall, kCException, kCReturn, kOpcode };
TraceEventKind last_trace_event();

// A profile function written natively (CPython's PyEval_SetProfile with a C function, as _lsprof uses): `fn` gets
// every profile event for `owner`, which sys.getprofile() then answers; no frame locals are refreshed for it.
// False from `fn` (with an exception pending) removes it, as a failing Python profile function is removed.
using NativeProfileFn = bool (*)(ThreadState& ts, Value owner, FrameObject* frame, TraceEventKind event, Value arg);
// Installs `fn` for `owner` (a null owner removes any profile function).
void set_native_profile(ThreadState& ts, Value owner, NativeProfileFn fn);

// Before the instruction `opcode`/`oparg` at frame->lasti() (registers saved in `frame`; `kwnames` is the
// pending KW_NAMES tuple): the 'call', 'line', 'opcode' and 'return' events, the profiler's C-call events, and
// detaching a returning frame's object.
[[nodiscard]] TraceAction trace_before_instruction(ThreadState& ts, Frame* frame, int opcode, int oparg,
                                                   TupleObject* kwnames);
// generator.throw() resumes `frame` with the pending exception: the 'call' event (CPython's
// TRACE_FUNCTION_THROW_ENTRY). False when a hook raised (its exception replaces the thrown one).
[[nodiscard]] bool trace_throw_entry(ThreadState& ts, Frame* frame);
// The pending exception has just been raised in (or propagated into) `frame`: the 'exception' event. A trace
// function that raises replaces the pending exception.
void trace_exception_raised(ThreadState& ts, Frame* frame);
// `frame` is left by the pending exception: the 'return' event (arg None) and detaching its frame object.
void trace_frame_unwound(ThreadState& ts, Frame* frame);

}  // namespace minipy
