// The interpreter loop: runs CPython 3.11 bytecode. Dispatch is computed goto over a table built from the rows of
// compiler/opcodes.def marked VM (the verifier refuses code using any other). Python-to-Python calls do not recurse
// in C++: CALL pushes a frame on the data stack and the loop continues in it; RETURN_VALUE pops back.
//
// Register conventions: `next_instr` points at the code unit after the current instruction's opcode word (its
// inline CACHE entries, if any, come next and each handler skips them after it can no longer fail), so the
// current instruction's offset — for tracebacks and the exception table — is always next_instr - first - 1.
#include <cstring>

#include "cache/verify.h"
#include "compiler/exception_table.h"
#include "compiler/opcodes.h"
#include "vm/interp/builtins.h"
#include "vm/errors/suggestions.h"
#include "vm/interp/eval.h"
#include "vm/interp/eval_support.h"
#include "vm/interp/frame_setup.h"
#include "vm/import/import.h"
#include "vm/interp/inline_cache.h"
#include "vm/memory/out_of_memory.h"
#include "vm/objects/generator.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/set.h"
#include "vm/runtime.h"
#include "stdlib/native/sys.h"
#include "stdlib/native/sys_trace.h"

namespace minipy {

// Runs `entry` until it returns (or, for a generator's frame, yields). With `throwing`, the pending exception is
// raised at the frame's current instruction first (generator.throw()).
namespace {
using namespace eval_support;

Value resume_frame_loop(ThreadState& ts, Frame* entry, bool throwing) {
  entry->is_entry = true;
  entry->previous = ts.current_frame;
  if (!ts.enter_recursion()) {
    if (!entry->generator) ts.pop_frame(entry);
    return raise(ts, RecursionError_type, "maximum recursion depth exceeded");
  }

  static void* dispatch_table[256];
  static void* real_handlers[256];  // dispatch_table's entries when nothing is traced (see sys_trace.h)
  static bool table_ready = false;
  if (!table_ready) {
    for (auto& slot : dispatch_table) slot = &&unknown_opcode;
    // Rows of compiler/opcodes.def marked VM get their handler; a VM mark without an `op_NAME:` label is a
    // compile error, a label without the mark an unused-label warning.
#define OPCODE(name, number, cache_entries, vm, ...) \
  MINIPY_IF_VM_##vm(dispatch_table[number] = &&op_##name;)
#define SPECIALIZED(name, number, base, meaning) dispatch_table[number] = &&op_##name;
#include "compiler/opcodes.def"
    std::memcpy(real_handlers, dispatch_table, sizeof dispatch_table);
    attach_dispatch_tables(dispatch_table, real_handlers, &&trace_hook);
    table_ready = true;
  }

  Frame* frame = entry;
  CodeObj* code;
  const uint16_t* first_instr;
  const uint16_t* next_instr;
  Value* sp;
  Value* localsplus;
  Value* consts;
  TupleObject* kwnames = nullptr;
  int reraise_lasti = -1;  // set by RERAISE with an oparg: the lasti to hand the next handler
  int opcode;
  int oparg;
  Value retval;

#define LOAD_FRAME_REGISTERS()                      \
  do {                                              \
    code = frame->code;                             \
    first_instr = code->code;                       \
    next_instr = frame->next_instr;                 \
    sp = frame->stack_top;                          \
    localsplus = frame->localsplus;                 \
    consts = code->consts->items;                   \
  } while (0)
#define SAVE_FRAME_REGISTERS()      \
  do {                              \
    frame->next_instr = next_instr; \
    frame->stack_top = sp;          \
  } while (0)
#define DISPATCH()                      \
  do {                                  \
    uint16_t word = *next_instr++;      \
    opcode = word & 0xFF;               \
    oparg = word >> 8;                  \
    goto* dispatch_table[opcode];       \
  } while (0)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define POP() (*--sp)
#define PUSH(v) (*sp++ = (v))
#define SKIP_CACHES(op) (next_instr += kCaches<Opcode::op>)
#define NAME(i) static_cast<StrObject*>(code->names->items[i].as_object())
#define CHECK(expr)   \
  do {                \
    if (!(expr)) goto error; \
  } while (0)
#define LASTI() static_cast<int>(next_instr - first_instr - 1)
// A loop's backward edge is where a signal (Ctrl-C) or a due collection gets its turn, as in CPython 3.11's
// POP_JUMP_BACKWARD_IF_*: `while i < n:` loops back through these, not through JUMP_BACKWARD (found by the
// vm fuzz target: a mutated loop ignored the watchdog's SIGINT forever).
#define CHECK_BACKWARD_BREAKER()        \
  if (ts.eval_breaker) {                \
    SAVE_FRAME_REGISTERS();             \
    CHECK(handle_eval_breaker(ts));     \
  }
// Counts one more Python frame for a call made without recursion; RecursionError past the limit.
#define ENTER_RECURSION_LEVELS(levels)                                              \
  do {                                                                              \
    ts.recursion_depth += (levels);                                                 \
    if (ts.recursion_depth > ts.recursion_limit && !ts.recursion_headroom) {        \
      ts.recursion_depth -= (levels);                                               \
      raise(ts, RecursionError_type, "maximum recursion depth exceeded");           \
      goto error;                                                                   \
    }                                                                               \
  } while (0)
#define ENTER_RECURSION() ENTER_RECURSION_LEVELS(1)
// Continues in `callee`, a frame called from this one (whose registers are saved).
#define SWITCH_TO_FRAME(callee)   \
  do {                            \
    (callee)->previous = frame;   \
    frame = (callee);             \
    ts.current_frame = frame;     \
    LOAD_FRAME_REGISTERS();       \
    DISPATCH();                   \
  } while (0)

  ts.current_frame = frame;
  LOAD_FRAME_REGISTERS();
  if (throwing) {
    if (frame_hooks_enabled) [[unlikely]] (void)trace_throw_entry(ts, frame);
    goto error;
  }
  DISPATCH();

op_NOP:
  DISPATCH();
// RESUME: Starts every code object and follows every yield: the eval breaker gets its turn at a function's start and
// after a plain yield (oparg 0, 1), not inside `yield from`/`await` (2, 3), as in CPython.
op_RESUME:
  if (ts.eval_breaker && oparg < 2) {
    SAVE_FRAME_REGISTERS();
    CHECK(handle_eval_breaker(ts));
  }
  DISPATCH();
// EXTENDED_ARG: Widens the next instruction's oparg by 8 bits; it dispatches through real_handlers so a tracer sees
// the pair as one instruction.
op_EXTENDED_ARG: {
  uint16_t word = *next_instr++;
  opcode = word & 0xFF;
  oparg = (oparg << 8) | (word >> 8);
  goto* real_handlers[opcode];  // one instruction for tracing too
}
op_POP_TOP:
  sp--;
  DISPATCH();
// PUSH_NULL: The NULL below a callable marks "no self": CALL counts `self` only when that slot is non-null (see
// LOAD_METHOD, PRECALL).
op_PUSH_NULL:
  PUSH(Value());
  DISPATCH();
op_LOAD_CONST:
  PUSH(consts[oparg]);
  DISPATCH();
op_LOAD_FAST: {
  Value v = localsplus[oparg];
  if (!v) {
    unbound_local(ts, code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_FAST:
  localsplus[oparg] = POP();
  DISPATCH();
op_DELETE_FAST:
  if (!localsplus[oparg]) {
    unbound_local(ts, code, oparg);
    goto error;
  }
  localsplus[oparg] = Value();
  DISPATCH();
// COPY: COPY/SWAP exist so the compiler can shuffle the stack for chained comparisons, augmented subscripts and match
// without temporaries.
op_COPY: {
  Value v = PEEK(oparg);
  PUSH(v);
  DISPATCH();
}
op_SWAP:
  std::swap(TOP(), PEEK(oparg));
  DISPATCH();
// PRINT_EXPR: Only the interactive prompt compiles it (mode 'single'): an expression statement's value goes to
// sys.displayhook.
op_PRINT_EXPR: {
  Value v = POP();
  CHECK(display_interactive_value(ts, v));  // sys.displayhook (stdlib/native/sys.cpp)
  DISPATCH();
}

// The handlers by family (see vm/interp/README.md for why these four).
#include "vm/interp/eval_names.inc"
#include "vm/interp/eval_calls.inc"
#include "vm/interp/eval_operators.inc"
#include "vm/interp/eval_control.inc"


unknown_opcode:
  raise_fmt(ts, SystemError_type, "unknown opcode {}", opcode);
  goto error;

// Every instruction comes here while a trace or profile function is set, RETURN_VALUE while a frame object is
// live (the dispatch table is swapped, see stdlib/native/sys_trace.h); then on to the real handler.
trace_hook: {
  SAVE_FRAME_REGISTERS();
  TraceAction action = trace_before_instruction(ts, frame, opcode, oparg, kwnames);
  if (action == kTraceError) goto error;
  if (action == kTraceRan) {
    kwnames = nullptr;
    LOAD_FRAME_REGISTERS();
    DISPATCH();
  }
  goto* real_handlers[kBaseOpcode[opcode]];  // traced code runs base forms, as CPython 3.11's tracing does
}

error:
  // The exception passes through this frame: record it in the traceback.
  traceback_here(ts, code, LASTI());
  if (frame_hooks_enabled) [[unlikely]] {
    SAVE_FRAME_REGISTERS();
    trace_exception_raised(ts, frame);
  }
exception_unwind: {
  int lasti = LASTI();
  std::optional<ExceptionTableEntry> handler = find_exception_handler(code->src().exceptiontable, lasti);
  if (handler) {
    Value exc = ts.current_exception;
    ts.current_exception = Value();
    sp = frame->stack_base() + handler->depth;
    if (handler->lasti) PUSH(Value::small_int(reraise_lasti >= 0 ? reraise_lasti : lasti));
    reraise_lasti = -1;
    PUSH(exc);
    next_instr = first_instr + handler->target;
    kwnames = nullptr;
    DISPATCH();
  }
  traceback_frame_left(ts, code, reraise_lasti >= 0 ? reraise_lasti : lasti);
  if (frame_hooks_enabled) [[unlikely]] {
    // A RERAISE with an oparg has put the raising instruction back as the frame's position (CPython's prev_instr).
    if (reraise_lasti >= 0) frame->next_instr = first_instr + reraise_lasti + 1;
    trace_frame_unwound(ts, frame);
  }
  reraise_lasti = -1;
  ts.recursion_depth -= 1 + frame->is_init;
  if (frame->is_entry) {
    ts.current_frame = frame->previous;
    if (!frame->generator) ts.pop_frame(frame);
    return Value();
  }
  Frame* caller = frame->previous;
  if (frame->generator) generator_leave(ts, frame->generator, false);  // resumed inline by FOR_ITER
  else ts.pop_frame(frame);
  frame = caller;
  ts.current_frame = frame;
  LOAD_FRAME_REGISTERS();
  goto error;
}
}

}  // namespace

// Runs the loop; an allocation that fails inside it (std::bad_alloc from the heap or a C++ container, past the
// native-call boundaries that turn it into MemoryError themselves) leaves the frames from the innermost up to
// `entry` as an exception would, and MemoryError is raised to entry's caller (see vm/memory/out_of_memory.h).
Value resume_frame(ThreadState& ts, Frame* entry, bool throwing) {
  try {
    return resume_frame_loop(ts, entry, throwing);
  } catch (const std::bad_alloc&) {
    unwind_frames_after_bad_alloc(ts, entry);
    return raise(ts, MemoryError_type, "");
  }
}

Value run_frame(ThreadState& ts, Frame* entry) { return resume_frame(ts, entry, false); }

}  // namespace minipy
