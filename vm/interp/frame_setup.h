// Making a frame: inline, because every Python-to-Python call does it.
#pragma once
#include "vm/runtime.h"

namespace minipy {

// A frame for `code` on the data stack, linked to the current frame, with every local unbound. The caller fills
// in the arguments.
inline Frame* new_frame(ThreadState& ts, CodeObj* code, FunctionObject* func, DictObject* globals,
                        DictObject* builtins, Value locals) {
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
  // Only the locals need clearing: the value stack is written before it is read, and the collector scans it
  // conservatively (a stale word can at worst keep a dead object alive until the slot is overwritten).
  for (int i = 0; i < code->nlocalsplus; i++) f->localsplus[i] = Value();
  f->stack_top = f->localsplus + code->nlocalsplus;
  return f;
}

}  // namespace minipy
