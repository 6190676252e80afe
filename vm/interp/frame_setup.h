// Making a frame: inline, because every Python-to-Python call does it.
#pragma once
#include "vm/runtime.h"

namespace minipy {

// Unbinds slots [begin, end) one store at a time. A frame has a handful of locals: GCC would turn a plain loop
// into a call of memset, which costs more than the stores (measured: ~35 instructions a call for fib's one local).
[[gnu::always_inline]] inline void clear_slots(Value* begin, Value* end) {
  for (Value* p = begin; p < end; p++) {
    *p = Value();
    asm volatile("");  // keeps the loop a loop
  }
}

// The frame header for `code` on the data stack, linked to the current frame; its locals are left as they are.
[[gnu::always_inline]] inline Frame* new_frame_header(ThreadState& ts, CodeObj* code, FunctionObject* func,
                                                      DictObject* globals, DictObject* builtins, Value locals) {
  Frame* f = ts.push_frame(code->frame_size);
  f->code = code;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals;
  f->previous = ts.current_frame;
  f->next_instr = code->code;
  f->generator = nullptr;
  f->is_entry = false;
  f->is_init = false;
  f->is_binop = false;
  f->stack_top = f->localsplus + code->nlocalsplus;
  return f;
}

// A frame for function `func` called with exactly its positional parameters (args[0..argcount), no *args,
// **kwargs or keyword-only ones: see exact_args_call), the arguments in place and its other locals unbound.
[[gnu::always_inline]] inline Frame* new_frame_exact_args(ThreadState& ts, FunctionObject* func, const Value* args) {
  CodeObj* code = func->code;
  Frame* f = new_frame_header(ts, code, func, func->globals, func->builtins, Value());
  int n = code->argcount;
  for (int i = 0; i < n; i++) f->localsplus[i] = args[i];
  clear_slots(f->localsplus + n, f->localsplus + code->nlocalsplus);
  return f;
}

// Whether a call of `func` with `n` positional arguments and no keywords binds them one to one (3.11's
// CALL_PY_EXACT_ARGS): as many as its positional parameters, and no *args, **kwargs or keyword-only ones.
[[gnu::always_inline]] inline bool exact_args_call(const CodeObj* code, int n) {
  return n == code->argcount && code->total_args == n;
}

// A frame for `code` on the data stack, linked to the current frame, with every local unbound. The caller fills
// in the arguments.
inline Frame* new_frame(ThreadState& ts, CodeObj* code, FunctionObject* func, DictObject* globals,
                        DictObject* builtins, Value locals) {
  Frame* f = new_frame_header(ts, code, func, globals, builtins, locals);
  // Only the locals need clearing: the value stack is written before it is read, and the collector scans it
  // conservatively (a stale word can at worst keep a dead object alive until the slot is overwritten).
  clear_slots(f->localsplus, f->localsplus + code->nlocalsplus);
  return f;
}

}  // namespace minipy
