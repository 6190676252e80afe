// Frames: one activation of a code object. Frames live in ThreadState's data stack (bump allocation, freed in
// LIFO order — no heap allocation per call) or, for generators, inside the generator object.
//
//   +----------------+-------------------------------+---------------------------+
//   | Frame header   | localsplus: co_nlocalsplus    | value stack: co_stacksize |
//   +----------------+-------------------------------+---------------------------+
//
// Fast locals are always valid Values or null (unbound); the value stack may hold stale words above the
// current top, so the collector scans it conservatively.
#pragma once
#include <cstddef>
#include <cstdint>

#include "vm/value.h"

namespace minipy {

struct CodeObj;
struct FunctionObject;
struct DictObject;
struct GeneratorObject;

struct Frame {
  CodeObj* code;
  FunctionObject* func;        // nullptr for module bodies and exec()/eval() code
  DictObject* globals;
  DictObject* builtins;
  Value locals;                // the namespace of LOAD_NAME/STORE_NAME; null in optimized (function) frames
  Frame* previous;             // the caller (or whoever resumed a generator)
  const uint16_t* next_instr;  // the next code unit to run (saved when the frame is not executing)
  Value* stack_top;            // one past the top of the value stack (saved when the frame is not executing)
  GeneratorObject* generator;  // the generator that owns this frame, if any
  bool is_entry;               // returning from this frame returns from eval_frame()
  bool is_init;                // runs __init__ for a class call inlined by CALL: the caller gets the instance
  bool is_binop;               // runs a Python __add__ (...) for BINARY_OP, whose operands stay on the caller's stack
  Value localsplus[1];         // really co_nlocalsplus + co_stacksize values

  Value* stack_base();
  static size_t size_for(const CodeObj* code);  // bytes needed for a frame running `code`
  // Offset in code units of the instruction currently executing (the one before next_instr).
  int lasti() const;
};

}  // namespace minipy
